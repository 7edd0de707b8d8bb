import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program running in its own pseudo-terminal, with an emulated screen of what it drew.
///
/// A reader thread drains the terminal into a `Screen` as output arrives, and a reaper thread
/// waits for the exit, so tests synchronise only by waiting for conditions with deadlines.
/// Releasing the object kills the program's process group.
public final class PseudoTerminalProcess: Sendable {
  /// The child's process id; it leads its own session and process group.
  public let processID: pid_t
  /// The slave device, such as /dev/pts/7.
  public let terminalPath: String
  /// The tty flags before the program started.
  public let initialTerminalFlags: TerminalFlags

  private let master: Int32
  private let slave: Int32
  private let wakeReader: Int32
  private let wakeReaderEnd: Int32
  private let state: TerminalState

  /// A clean environment for a terminal program: TERM, LANG=C.UTF-8, and PATH and HOME from this process.
  public static func defaultEnvironment(term: String = "xterm-256color") -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    return [
      "TERM": term, "LANG": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": inherited["HOME"] ?? "/tmp",
    ]
  }

  /// The path of a product built beside the running test binary, such as "bordermon", if it exists.
  public static func builtProduct(named name: String) -> String? {
    guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    // On Linux the test binary is the file <build>/debug/<Package>PackageTests.xctest itself.
    let folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
    let path = folder.appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  /// Starts `executable` (a path, or a name looked up in this process's PATH) in a new terminal.
  public init(
    executable: String, arguments: [String] = [],
    environment: [String: String] = PseudoTerminalProcess.defaultEnvironment(),
    columns: Int = 100, rows: Int = 30
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var name = [CChar](repeating: 0, count: 4096)
    guard openpty(&master, &slave, &name, nil, nil) == 0 else { throw TerminalTestError.system("openpty") }
    // Not inherited by programs spawned later, here or by other tests running in parallel.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else {
      let code = errno
      close(master)
      close(slave)
      throw TerminalTestError.system("pipe", code)
    }
    for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    func closeAll() { for fd in [master, slave] + pipeEnds { close(fd) } }

    var size = winsize(
      ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
    var settings = termios()
    guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0, tcgetattr(slave, &settings) == 0 else {
      let code = errno
      closeAll()
      throw TerminalTestError.system("setting up the terminal", code)
    }
    let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let pid: pid_t
    do {
      pid = try Self.spawn(executable, arguments: arguments, environment: environment, terminal: path)
    } catch {
      closeAll()
      throw error
    }
    self.master = master
    self.slave = slave
    wakeReaderEnd = pipeEnds[0]
    wakeReader = pipeEnds[1]
    processID = pid
    terminalPath = path
    initialTerminalFlags = TerminalFlags(settings)
    state = TerminalState(screen: Screen(columns: columns, rows: rows))
    state.startReader(master: master, wake: pipeEnds[0])
    state.startReaper(pid: pid)
  }

  /// posix_spawn in a new session whose stdin, stdout and stderr open the terminal (making it the
  /// controlling one), with default signal handling and an empty signal mask.
  private static func spawn(
    _ executable: String, arguments: [String], environment: [String: String], terminal: String
  ) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    var actions = posix_spawn_file_actions_t()
    posix_spawnattr_init(&attributes)
    posix_spawn_file_actions_init(&actions)
    defer {
      posix_spawnattr_destroy(&attributes)
      posix_spawn_file_actions_destroy(&actions)
    }
    // POSIX_SPAWN_SETSID (glibc 2.26+) is hidden behind _GNU_SOURCE, so its value is spelled out.
    let setsid: Int32 = 0x80
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    sigfillset(&signals)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    // glibc runs setsid before the file actions, so opening the tty here acquires it (TIOCSCTTY's job).
    posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    let argv = cStrings([executable] + arguments)
    let envp = cStrings(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    defer {
      freeCStrings(argv)
      freeCStrings(envp)
    }
    var pid: pid_t = 0
    let result =
      executable.contains("/")
      ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
      : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else { throw TerminalTestError.system("spawning \(executable)", result) }
    return pid
  }

  deinit {
    if exitStatus == nil { kill(processID, SIGKILL) }
    kill(-processID, SIGKILL)  // stragglers left in the group, too
    let deadline = ContinuousClock.now + .seconds(10)
    _ = state.wait(until: deadline) { $0.exitStatus }
    var byte: UInt8 = 0
    _ = Glibc.write(wakeReader, &byte, 1)
    // Closing descriptors the reader might still poll would be worse than leaking them.
    if state.wait(until: deadline, { $0.readerFinished ? true : nil }) != nil {
      for fd in [master, slave, wakeReader, wakeReaderEnd] { close(fd) }
    }
  }

  // MARK: Observing

  /// A snapshot of the emulated screen.
  public var screen: Screen { state.locked { $0.screen } }

  /// Every byte the program wrote so far.
  public var rawOutput: [UInt8] { state.locked { $0.raw } }

  /// How many bytes the program wrote so far.
  public var outputByteCount: Int { state.locked { $0.raw.count } }

  /// Each read from the terminal, with its time and size.
  public var outputChunks: [OutputChunk] { state.locked { $0.chunks } }

  /// How the program ended, or nil while it runs.
  public var exitStatus: ExitStatus? { state.locked { $0.exitStatus } }

  /// The tty flags now (after the exit, what the program left behind).
  public var currentTerminalFlags: TerminalFlags {
    var settings = termios()
    _ = tcgetattr(slave, &settings)
    return TerminalFlags(settings)
  }

  /// Waits until `condition` holds for the screen; on timeout throws with `description` and the screen.
  @discardableResult
  public func waitFor(
    _ description: String, timeout: Duration = .seconds(10), _ condition: (Screen) -> Bool
  ) throws -> Screen {
    let deadline = ContinuousClock.now + timeout
    while true {
      let (screen, generation) = state.locked { ($0.screen, $0.generation) }
      if condition(screen) { return screen }
      guard ContinuousClock.now < deadline else {
        let status = exitStatus.map { "the program \($0)" } ?? "the program is still running"
        throw TerminalTestError(
          description:
            "timed out after \(timeout) waiting for: \(description)\n\(status)\n\(describe(screen))")
      }
      _ = state.wait(until: deadline) { $0.generation != generation ? true : nil }
    }
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  public func waitFor(text: String, timeout: Duration = .seconds(10)) throws -> Screen {
    try waitFor("\"\(text)\" on the screen", timeout: timeout) { $0.contains(text) }
  }

  /// Waits for the program to end and for its last output to reach the screen.
  @discardableResult
  public func waitForExit(timeout: Duration = .seconds(10)) throws -> ExitStatus {
    guard let status = state.wait(until: ContinuousClock.now + timeout, { $0.exitStatus }) else {
      throw TerminalTestError(
        description: "timed out after \(timeout) waiting for the program to exit\n\(describe(screen))")
    }
    state.drain(master)
    return status
  }

  /// Sends `signal` to the process group, waits for the exit, and sends SIGKILL if it takes too long.
  @discardableResult
  public func terminate(_ signal: Int32 = SIGTERM, timeout: Duration = .seconds(10)) -> ExitStatus {
    if exitStatus == nil { self.signal(signal) }
    if let status = try? waitForExit(timeout: timeout) { return status }
    self.signal(SIGKILL)
    return (try? waitForExit(timeout: timeout)) ?? .unknown
  }

  /// Problems left by the program, empty when the terminal is as it was; call after the exit.
  ///
  /// Compares the tty flags with the initial ones and checks that the output turned back off the
  /// alternate screen, hidden cursor, keypad transmit, mouse and bracketed-paste modes it turned on.
  public func terminalRestored() -> [String] {
    state.drain(master)
    return currentTerminalFlags.differences(from: initialTerminalFlags)
      + modeProblems(state.locked { $0.screen.modes })
  }

  // MARK: Acting

  /// Writes bytes to the terminal as if typed, waiting up to `timeout` while its input buffer is full.
  public func write(_ bytes: [UInt8], timeout: Duration = .seconds(10)) throws {
    let deadline = ContinuousClock.now + timeout
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno != EAGAIN && errno != EINTR {
        throw TerminalTestError.system("writing to the terminal")
      } else {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { throw TerminalTestError(description: "the program stopped reading input") }
        var descriptor = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, Int32(clamping: left.components.seconds * 1000 + 1_000))
      }
    }
  }

  /// Types text as its UTF-8 bytes.
  public func write(_ text: String) throws {
    try write(Array(text.utf8))
  }

  /// Types keys, encoded as in keypad transmit mode (arrows as `ESC O A` and so on).
  public func send(keys: [Key]) throws {
    try write(keys.flatMap(\.bytes))
  }

  /// Types keys, encoded as in keypad transmit mode.
  public func send(_ keys: Key...) throws {
    try send(keys: keys)
  }

  /// Resizes the terminal (TIOCSWINSZ: the kernel sends SIGWINCH) and the emulated screen together.
  public func resize(columns: Int, rows: Int) throws {
    var size = winsize(
      ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
    try state.resize(master: master, columns: columns, rows: rows) {
      guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw TerminalTestError.system("TIOCSWINSZ") }
    }
  }

  /// Sends a signal (SIGTERM, SIGHUP, SIGINT, ...) to the program's process group.
  public func signal(_ signal: Int32) {
    kill(-processID, signal)
  }
}
