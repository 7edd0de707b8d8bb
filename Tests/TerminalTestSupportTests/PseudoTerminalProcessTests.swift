import Foundation
import Testing

@testable import TerminalTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a shell script in a new 100x30 pseudo-terminal.
private func shell(_ script: String, columns: Int = 100, rows: Int = 30) throws -> PseudoTerminalProcess {
  try PseudoTerminalProcess(executable: "/bin/sh", arguments: ["-c", script], columns: columns, rows: rows)
}

/// True once the process is gone or a zombie nobody reaps (in a container, pid 1 may not).
private func isGone(_ pid: pid_t) -> Bool {
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
  return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

@Suite("Pseudo-terminal process")
struct PseudoTerminalProcessTests {
  @Test("output lands on the screen; SIGTERM ends it; the alternate screen and echo are reported")
  func unrestoredTerminalIsReported() throws {
    let process = try shell(
      #"printf '\033[?1049h\033[2;3Hhello'; stty -echo; printf '\033[4;1Hready'; sleep 30"#)
    let screen = try process.waitFor(text: "ready")
    #expect(screen.find("hello").map { [$0.row, $0.col] } == [1, 2])
    #expect(screen.modes.alternateScreen)
    #expect(process.currentTerminalFlags.echo == false)
    #expect(process.initialTerminalFlags.echo && process.initialTerminalFlags.canonical)

    process.signal(SIGTERM)
    #expect(try process.waitForExit() == .signaled(SIGTERM))
    let problems = process.terminalRestored()
    #expect(problems.contains { $0.contains("alternate screen") }, "\(problems)")
    #expect(problems.contains("echo is off (was on)"), "\(problems)")
    #expect(problems.count == 2, "\(problems)")
  }

  @Test("a program that undoes what it did passes the restore check")
  func restoredTerminalPasses() throws {
    let process = try shell(
      "tput smcup; tput civis; tput smkx; printf inside; tput rmkx; tput cnorm; tput rmcup; stty -echo; stty echo"
    )
    #expect(try process.waitForExit() == .exited(0))
    #expect(process.terminalRestored() == [])
    let output = String(decoding: process.rawOutput, as: UTF8.self)
    #expect(output.contains("\u{1B}[?1049h") && output.contains("\u{1B}[?25l") && output.contains("\u{1B}="))
    #expect(!process.screen.contains("inside"), "rmcup brings the main screen back")
  }

  @Test("cursor, keypad and mouse modes left on are reported")
  func modesLeftOnAreReported() throws {
    let process = try shell(#"printf '\033[?25l\033[?1h\033=\033[?1000h\033[?1006h'"#)
    #expect(try process.waitForExit() == .exited(0))
    let problems = process.terminalRestored()
    #expect(problems.count == 5, "\(problems)")
    #expect(problems.contains("mouse mode ?1006 left on"))
    #expect(problems.contains { $0.contains("cursor was left hidden") })
  }

  @Test("the size is set before exec, and a resize reaches the program with SIGWINCH")
  func resize() throws {
    let process = try shell(
      #"trap 'echo "winch $(stty size)"' WINCH; echo "start $(stty size)"; while :; do sleep 5 & wait; done"#,
      columns: 100, rows: 30)
    try process.waitFor(text: "start 30 100")
    try process.resize(columns: 90, rows: 20)
    #expect(process.screen.size.columns == 90 && process.screen.size.rows == 20)
    try process.waitFor(text: "winch 20 90")
    #expect(process.terminate() == .signaled(SIGTERM))
  }

  @Test("Ctrl-C typed on the terminal interrupts the foreground group: it is the controlling tty")
  func controlC() throws {
    let process = try shell(#"trap 'echo got-int; exit 7' INT; echo ready; while :; do sleep 5 & wait; done"#)
    try process.waitFor(text: "ready")
    try process.send(.control("c"))
    #expect(try process.waitForExit() == .exited(7))
    #expect(process.screen.contains("got-int"))
  }

  @Test("keys arrive as the bytes ncurses expects in keypad mode")
  func keysReachTheProgram() throws {
    let process = try shell(
      #"stty raw -echo; printf ready; x=$(dd bs=1 count=14 2>/dev/null | od -An -tx1); stty sane; echo "got:$x""#
    )
    try process.waitFor(text: "ready")
    try process.send(.up, .pageDown, .backTab, .enter, .control("x"), .text("é"))
    #expect(try process.waitForExit() == .exited(0))
    #expect(
      process.screen.contains("got: 1b 4f 41 1b 5b 36 7e 1b 5b 5a 0d 18 c3 a9"), "\(process.screen.text)")
  }

  @Test("a wait that times out throws with its description and the screen")
  func timeoutDescribesTheScreen() throws {
    let process = try shell("echo visible; sleep 30")
    try process.waitFor(text: "visible")
    let started = ContinuousClock.now
    let error = #expect(throws: TerminalTestError.self) {
      try process.waitFor("a word that never comes", timeout: .milliseconds(300)) { $0.contains("never") }
    }
    #expect(ContinuousClock.now - started >= .milliseconds(300))
    #expect(error?.description.contains("a word that never comes") == true)
    #expect(error?.description.contains("0|visible") == true, "\(error?.description ?? "")")
    #expect(process.exitStatus == nil)
  }

  @Test("exit codes are reported, and every output byte is counted with its time")
  func exitAndByteCount() throws {
    let process = try shell("printf 'abc'; exit 3")
    #expect(try process.waitForExit() == .exited(3))
    #expect(process.rawOutput == Array("abc".utf8))
    #expect(process.outputByteCount == 3)
    #expect(process.outputChunks.last?.total == 3)
    #expect(process.outputChunks.map(\.byteCount).reduce(0, +) == 3)
  }

  @Test("the program starts with no blocked or ignored signals even when the spawning thread blocks them")
  func cleanSignalState() throws {
    // Swift's worker threads block most signals; a child would inherit that mask.
    var blockAll = sigset_t()
    var previous = sigset_t()
    sigfillset(&blockAll)
    pthread_sigmask(SIG_BLOCK, &blockAll, &previous)
    let process: PseudoTerminalProcess
    do {
      defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
      // grep reads its own status; a shell would not do, as dash changes its mask as it runs.
      process = try PseudoTerminalProcess(
        executable: "grep", arguments: ["-E", "^Sig(Blk|Ign)", "/proc/self/status"])
    }
    #expect(try process.waitForExit() == .exited(0))
    // Only signals 1–31 count: glibc's posix_spawn leaves its two internal real-time signals ignored.
    let masks = (0...1).map { UInt64(process.screen.line($0).dropFirst("SigBlk: ".count), radix: 16) }
    #expect(masks.map { $0.map { $0 & 0x7FFF_FFFF } } == [0, 0], "\(process.screen.text)")
  }

  @Test("built products are found beside the test binary")
  func builtProducts() throws {
    let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let name = URL(fileURLWithPath: testBinary).lastPathComponent
    #expect(PseudoTerminalProcess.builtProduct(named: name) == testBinary)
    #expect(PseudoTerminalProcess.builtProduct(named: "no-such-product") == nil)
  }

  @Test("a program that cannot start throws")
  func missingExecutable() {
    #expect(throws: TerminalTestError.self) {
      try PseudoTerminalProcess(executable: "/nonexistent/program")
    }
  }

  @Test("releasing the harness kills the whole process group")
  func deinitKillsTheGroup() throws {
    var process: PseudoTerminalProcess? = try shell("sleep 60 & echo \"child $! end\"; wait")
    let screen = try #require(try process?.waitFor("the background pid") { $0.contains(" end") })
    let words = screen.line(try #require(screen.find("child ")?.row)).split(separator: " ")
    let child = try #require(pid_t(words[1]))
    let shell = try #require(process?.processID)
    process = nil
    #expect(isGone(shell))
    let deadline = ContinuousClock.now + .seconds(10)
    while !isGone(child) && ContinuousClock.now < deadline { usleep(10_000) }
    #expect(isGone(child), "the background sleep \(child) was killed with its group")
  }
}
