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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["BORDERMON_DATA"] = nil
    // The developer's own locale must not change what the tests read; a test that wants it says so.
    env["BORDERMON_LANG"] = "en"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    return (process, output, errors)
  }

  /// Runs `bordermon` to completion.
  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws
    -> Output
  {
    let (process, output, errors) = try start(arguments, stdin: stdin, environment: environment)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
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
