import Foundation

/// Runs the built `bordermon` executable, as an operator or a script would.
struct CommandRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable built beside the test bundle.
  static var executable: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    var folder = (exe as NSString).deletingLastPathComponent
    // The runner may live inside the .xctest bundle on some layouts.
    while !folder.isEmpty && folder != "/" && !FileManager.default.fileExists(atPath: folder + "/bordermon") {
      folder = (folder as NSString).deletingLastPathComponent
    }
    return folder + "/bordermon"
  }

  /// Starts `bordermon` with arguments and standard input; does not wait.
  static func start(_ arguments: [String], stdin: String = "", environment: [String: String] = [:])
    throws -> (Process, Pipe, Pipe)
  {
    try launch(executable, arguments, stdin: Data(stdin.utf8), environment: inherited(environment))
  }

  /// Runs `bordermon` to completion.
  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws
    -> Output
  {
    try finish(start(arguments, stdin: stdin, environment: environment))
  }

  /// Runs any program to completion (for `setpriv` or a shell around `bordermon`).
  static func runProgram(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> Output
  {
    try finish(launch(program, arguments, stdin: nil, environment: inherited(environment)))
  }

  /// Runs a program to completion in a folder, with exactly the environment given.
  static func run(
    _ program: String, _ arguments: [String], in folder: String, exactEnvironment: [String: String]
  ) throws -> Output {
    try finish(launch(program, arguments, stdin: nil, environment: exactEnvironment, folder: folder))
  }

  /// This process's environment without `BORDERMON_DATA`, with `overrides` applied.
  static func inherited(_ overrides: [String: String]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["BORDERMON_DATA"] = nil
    // The developer's own locale must not change what the tests read; a test that wants it says so.
    env["BORDERMON_LANG"] = "en"
    for (key, value) in overrides { env[key] = value }
    return env
  }

  /// Starts a program with its pipes; `stdin` nil reads from /dev/null.
  static func launch(
    _ program: String, _ arguments: [String], stdin: Data?, environment: [String: String],
    folder: String? = nil
  ) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = environment
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    if let stdin {
      let input = Pipe()
      process.standardInput = input
      try process.run()
      input.fileHandleForWriting.write(stdin)
      try input.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    return (process, output, errors)
  }

  /// Reads both pipes at once (so neither fills while the other is drained) and waits for the exit.
  static func finish(_ started: (Process, Pipe, Pipe)) -> Output {
    let (process, output, errors) = started
    let group = DispatchGroup()
    nonisolated(unsafe) var err = Data()
    group.enter()
    DispatchQueue.global().async {
      err = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }
}

/// A fresh directory removed when the test is done.
final class ScratchDirectory {
  let path: String
  init(_ name: String = #function) {
    path = NSTemporaryDirectory() + "bordermon-cli-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}
