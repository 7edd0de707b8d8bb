// The crash-signal handler that gives the operator's terminal back; see terminal_restore.h.
#include "terminal_restore.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

// Crash signals (Swift's traps are SIGILL on x86-64 and SIGTRAP on arm64), then the signals whose
// default action ends the process and that nothing else in the console handles.
static const int restore_signals[] = {
  SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT,
  SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGXFSZ, SIGSYS,
};
#define RESTORE_SIGNAL_COUNT ((int)(sizeof restore_signals / sizeof restore_signals[0]))
// How many of restore_signals are crash signals that a fault (not only kill) can raise.
#define CRASH_SIGNAL_COUNT 6

static int armed;      // 1 while the terminal is the console's; read and cleared atomically
static int installed;  // 1 once the handlers are in place
static int restore_fd = -1;
static struct termios restore_settings;
static char restore_bytes[BM_RESTORE_MAX_BYTES];
static size_t restore_count;
static struct sigaction previous_actions[RESTORE_SIGNAL_COUNT];
static char alternate_stack[64 * 1024] __attribute__((aligned(16)));

static int signal_index(int signo) {
  for (int i = 0; i < RESTORE_SIGNAL_COUNT; i++) {
    if (restore_signals[i] == signo) return i;
  }
  return -1;
}

/// Writes all of `count` bytes, retrying on EINTR and a full buffer a bounded number of times.
static void write_fully(int fd, const char *bytes, size_t count) {
  int attempts = 0;
  while (count > 0 && attempts < 1000) {
    ssize_t written = write(fd, bytes, count);
    if (written > 0) {
      bytes += written;
      count -= (size_t)written;
    } else if (written < 0 && errno != EINTR && errno != EAGAIN) {
      return;
    }
    attempts++;
  }
}

/// Puts the terminal back as it was before the console took it; runs at most once per arming.
static void restore_terminal(void) {
  if (!__atomic_exchange_n(&armed, 0, __ATOMIC_ACQ_REL)) return;
  write_fully(restore_fd, restore_bytes, restore_count);
  tcsetattr(restore_fd, TCSANOW, &restore_settings);
}

static void reset_to_default(int signo) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signo, &action, NULL);
}

static void crash_handler(int signo, siginfo_t *info, void *context) {
  int saved_errno = errno;
  restore_terminal();

  // Whatever handled the signal before (Swift's backtracer) runs now, on a usable terminal.
  int index = signal_index(signo);
  if (index >= 0) {
    struct sigaction previous = previous_actions[index];
    if (previous.sa_flags & SA_SIGINFO) {
      if (previous.sa_sigaction) previous.sa_sigaction(signo, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler) {
      previous.sa_handler(signo);
    }
  }

  // Then the default action, so the exit status (and a core, where enabled) are the signal's.
  reset_to_default(signo);
  int is_fault = info != NULL && info->si_code > 0 && signo != SIGTRAP && index >= 0 && index < CRASH_SIGNAL_COUNT;
  if (!is_fault) {
    // Sent by kill, raise or abort: send it again, unblocked, now that the action is the default.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(signo);
  }
  // A fault returns to the faulting instruction, which faults again and takes the default action.
  errno = saved_errno;
}

static int install_handlers(void) {
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    stack.ss_flags = 0;
    sigaltstack(&stack, NULL);
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = crash_handler;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  // Other signals wait while the terminal is restored; a second crash still ends the process.
  sigfillset(&action.sa_mask);
  for (int i = 0; i < CRASH_SIGNAL_COUNT; i++) sigdelset(&action.sa_mask, restore_signals[i]);
  for (int i = 0; i < RESTORE_SIGNAL_COUNT; i++) {
    struct sigaction previous;
    if (sigaction(restore_signals[i], NULL, &previous) != 0) return errno;
    // A signal someone chose to ignore stays ignored.
    if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) {
      previous_actions[i] = previous;
      continue;
    }
    previous_actions[i] = previous;
    if (sigaction(restore_signals[i], &action, NULL) != 0) return errno;
  }
  return 0;
}

int bm_restore_arm(int fd, const struct termios *settings, const char *bytes, size_t count) {
  if (count > BM_RESTORE_MAX_BYTES || settings == NULL || fd < 0) return EINVAL;
  __atomic_store_n(&armed, 0, __ATOMIC_RELEASE);
  restore_fd = fd;
  restore_settings = *settings;
  memcpy(restore_bytes, bytes, count);
  restore_count = count;
  if (!installed) {
    int error = install_handlers();
    if (error != 0) return error;
    installed = 1;
  }
  __atomic_store_n(&armed, 1, __ATOMIC_RELEASE);
  return 0;
}

void bm_restore_disarm(void) { __atomic_store_n(&armed, 0, __ATOMIC_RELEASE); }

int bm_restore_is_armed(void) { return __atomic_load_n(&armed, __ATOMIC_ACQUIRE); }

int bm_restore_signal_count(void) { return RESTORE_SIGNAL_COUNT; }

int bm_restore_signal(int index) {
  return index >= 0 && index < RESTORE_SIGNAL_COUNT ? restore_signals[index] : 0;
}
