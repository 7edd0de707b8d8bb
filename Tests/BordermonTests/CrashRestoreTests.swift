import Foundation
import TerminalTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A console killed by a crash signal gives the operator's terminal back (issue 9, F5).
@Suite("A crash restores the terminal", .serialized)
struct CrashRestoreTests {
  /// The crash signals of issue 9, and terminating signals nothing else handles (F5 names USR1, ALRM).
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGUSR1, SIGALRM]

  @Test(
    "each crash signal leaves the terminal restored, never waits for a key, and ends with that signal",
    arguments: crashSignals)
  func crashSignal(signal: Int32) throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") && $0.contains("Alerts") }
    #expect(app.screen.modes.alternateScreen, "the console drew on the alternate screen")
    // Only the console itself: a crash arrives at one process, not its whole group.
    kill(app.processID, signal)
    // Swift's backtracer reports on the restored terminal first; on a loaded machine that takes a while.
    let status = try app.waitForExit(timeout: .seconds(120))
    #expect(status == .signaled(signal), "the exit status is the signal's, so a shell sees 128+\(signal)")
    #expect(app.terminalRestored() == [])
    let output = String(decoding: app.rawOutput, as: UTF8.self)
    #expect(!output.contains("Press space to interact"), "the backtracer never waits for a key")
  }

  @Test("an operator's SWIFT_BACKTRACE asking for interaction is overridden: the crash report never waits")
  func interactiveBacktraceRequested() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    var environment = PseudoTerminalProcess.defaultEnvironment()
    environment["SWIFT_BACKTRACE"] = "interactive=yes,timeout=30s"
    let app = try PseudoTerminalProcess(
      executable: ConsoleEndToEndTests.bordermon, arguments: ["console", "--data", data],
      environment: environment, columns: 120, rows: 40)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    kill(app.processID, SIGSEGV)
    #expect(try app.waitForExit(timeout: .seconds(120)) == .signaled(SIGSEGV))
    #expect(app.terminalRestored() == [])
    #expect(!String(decoding: app.rawOutput, as: UTF8.self).contains("Press space to interact"))
  }
}
