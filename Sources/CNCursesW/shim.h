// The C side of bordermon's terminal layer: ncursesw with the wide-character API, plus the
// Linux calls (signalfd, inotify, poll) the main loop needs. Macros and globals that Swift
// cannot import, or refuses in Swift 6 mode, are wrapped in small static inline functions.
#ifndef BORDERMON_CNCURSESW_SHIM_H
#define BORDERMON_CNCURSESW_SHIM_H

// The wide-character API (cchar_t, setcchar, mvwadd_wch, wget_wch) is hidden without these,
// and SwiftPM drops -D flags from pkg-config, so they are defined here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <unistd.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <poll.h>
#include <langinfo.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/inotify.h>
#include <curses.h>

// wcwidth is only declared under _XOPEN_SOURCE in glibc's <wchar.h>; declare it here.
extern int wcwidth(wchar_t c);

// MARK: Globals ncurses and glibc expose as variables.

/// The standard screen of the current terminal.
static inline WINDOW *bm_stdscr(void) { return stdscr; }
/// The physical screen as ncurses believes it (for a full repaint with clearok).
static inline WINDOW *bm_curscr(void) { return curscr; }
/// How many colours the terminal has (0 before start_color).
static inline int bm_colors(void) { return COLORS; }
/// How many colour pairs the terminal has (0 before start_color).
static inline int bm_color_pairs(void) { return COLOR_PAIRS; }
/// Sets how long ncurses waits after ESC for the rest of an escape sequence.
static inline int bm_set_escdelay(int ms) { return set_escdelay(ms); }
/// The C library's standard output and input streams.
static inline FILE *bm_stdout(void) { return stdout; }
static inline FILE *bm_stdin(void) { return stdin; }

// MARK: Macros.

/// Rows and columns of a window (the getmaxyx macro).
static inline int bm_rows(WINDOW *win) { return getmaxy(win); }
static inline int bm_columns(WINDOW *win) { return getmaxx(win); }

/// Attribute bits as attr_t (the A_* macros do not import).
static inline attr_t bm_a_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t bm_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t bm_a_dim(void) { return (attr_t)A_DIM; }
static inline attr_t bm_a_underline(void) { return (attr_t)A_UNDERLINE; }
static inline attr_t bm_a_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t bm_a_italic(void) { return (attr_t)A_ITALIC; }

/// The key code of function key n (the KEY_F macro).
static inline int bm_key_f(int n) { return KEY_F(n); }

/// Builds a cchar_t from a NUL-terminated wide string, attributes and an extended pair number.
static inline int bm_setcchar(cchar_t *out, const wchar_t *text, attr_t attrs, int pair) {
  int extended = pair;
  return setcchar(out, text, attrs, 0, &extended);
}

// MARK: Signals.

/// A signal handler that does nothing: installed so ncurses keeps its own off a signal.
static void bm_ignore_signal_handler(int signo) { (void)signo; }

/// Installs the do-nothing handler for a signal (the signal stays deliverable to a signalfd).
static inline int bm_install_noop_handler(int signo) {
  struct sigaction action;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  action.sa_handler = bm_ignore_signal_handler;
  return sigaction(signo, &action, NULL);
}

/// Whether a signal's handler is the default one (1), ignored (2), or a function (0); -1 on error.
static inline int bm_signal_disposition(int signo) {
  struct sigaction action;
  if (sigaction(signo, NULL, &action) != 0) return -1;
  if (action.sa_handler == SIG_DFL) return 1;
  if (action.sa_handler == SIG_IGN) return 2;
  return 0;
}

/// Blocks (how = SIG_BLOCK) or unblocks (SIG_UNBLOCK) a list of signals for the calling thread.
static inline int bm_sigmask(int how, const int *signals, int count) {
  sigset_t set;
  sigemptyset(&set);
  for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
  return pthread_sigmask(how, &set, NULL);
}

/// A non-blocking, close-on-exec signalfd for a list of signals; -1 on error.
static inline int bm_signalfd(const int *signals, int count) {
  sigset_t set;
  sigemptyset(&set);
  for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
  return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/// Reads one signal number from a signalfd: the signal, 0 when none is pending, -1 on error.
static inline int bm_signalfd_read(int fd) {
  struct signalfd_siginfo info;
  ssize_t n = read(fd, &info, sizeof info);
  if (n == (ssize_t)sizeof info) return (int)info.ssi_signo;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
  if (n < 0 && errno == EINTR) return bm_signalfd_read(fd);
  return -1;
}

// MARK: Terminfo queries for `bordermon doctor` (no screen is taken over).

extern int setupterm(const char *term, int filedes, int *errret);

/// What terminfo says of a terminal type: found (1), colours, and whether it has an
/// alternate screen, cursor addressing, and line drawing. Returns 0 when the type is unknown.
static inline int bm_probe_terminal(const char *term, int *colors, int *alternate, int *addressing, int *acs) {
  int error = 0;
  if (setupterm(term, 1, &error) != 0 || error != 1) return 0;
  *colors = tigetnum("colors");
  char *smcup = tigetstr("smcup");
  *alternate = smcup != NULL && smcup != (char *)-1;
  char *cup = tigetstr("cup");
  *addressing = cup != NULL && cup != (char *)-1;
  char *acsc = tigetstr("acsc");
  *acs = acsc != NULL && acsc != (char *)-1;
  return 1;
}

/// Whether the current terminal says it takes clipboard writes (OSC 52, terminfo's `Ms`).
static inline int bm_has_clipboard(void) {
  char *ms = tigetstr("Ms");
  return ms != NULL && ms != (char *)-1;
}

/// Whether the current terminal has an alternate screen (smcup), which restores the shell's screen on exit.
static inline int bm_has_alternate_screen(void) {
  char *smcup = tigetstr("smcup");
  return smcup != NULL && smcup != (char *)-1;
}

#endif
