// Restores the operator's terminal when the console dies of a crash signal.
//
// Everything the handler needs is saved in advance (the terminal's settings from before the
// console changed them, and the bytes that leave the alternate screen and show the cursor), so
// the handler itself only calls async-signal-safe functions: write, tcsetattr, sigaction,
// pthread_sigmask and raise.
#ifndef BORDERMON_TERMINAL_RESTORE_H
#define BORDERMON_TERMINAL_RESTORE_H

#include <stddef.h>
#include <termios.h>

/// The most bytes of restore sequences kept (longer input is refused).
#define BM_RESTORE_MAX_BYTES 256

/// Arms the restore: on a crash signal, `bytes` are written to `fd` and `settings` applied to it.
///
/// Installs the handlers on first use (keeping any earlier handler, such as Swift's backtracer,
/// to call after the terminal is restored) and an alternate signal stack if there is none, so a
/// stack overflow is caught too. Returns 0, or an errno value.
int bm_restore_arm(int fd, const struct termios *settings, const char *bytes, size_t count);

/// Disarms the restore after the terminal was given back normally; the handlers stay installed
/// and only pass the signal on.
void bm_restore_disarm(void);

/// Whether the restore is armed (1) or not (0).
int bm_restore_is_armed(void);

/// How many signals the handlers cover, and the n-th of them (for tests and diagnostics).
int bm_restore_signal_count(void);
int bm_restore_signal(int index);

#endif
