import BorderModel
import BorderStore
import Foundation
import Testing

/// Files that cannot lie or be abused, as an operator meets them through the commands.
@Suite("Data directories and journals, from the command line")
struct DataSafetyTests {
  static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

  /// A fresh sample data directory in a scratch folder.
  func sample(_ scratch: ScratchDirectory) throws -> String {
    let data = scratch.path + "/data"
    let created = try CommandRunner.run(["init", "--data", data], environment: Self.now)
    #expect(created.status == 0, "\(created.stderr)")
    return data
  }

  @Test("an unreadable journal makes check, summary and export fail with the reason (F2)")
  func unreadableJournalFails() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let journal = data + "/journal.jsonl"
    try FileManager.default.removeItem(atPath: journal)
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: false)
    for arguments in [["check"], ["summary", "--json"], ["export", "--format", "json"]] {
      let result = try CommandRunner.run(arguments + ["--data", data], environment: Self.now)
      #expect(result.status == 1, "\(arguments[0]) must fail: \(result.stdout)")
      #expect(
        (result.stdout + result.stderr).contains("\(journal): cannot read the journal: it is a directory"),
        "\(arguments[0]): \(result.stderr)")
      #expect(!result.stdout.contains("ok: "))
    }
  }

  @Test(
    "a journal the operator may not read: check, summary, export fail; the screen says JOURNAL UNREADABLE (F2)"
  )
  func permissionDenied() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let journal = data + "/journal.jsonl"
    #expect(chmod(journal, 0o600) == 0)
    // As root, permissions do not stop reads: run the commands as nobody, as the review did.
    var prefix: [String] = []
    if getuid() == 0 {
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
      prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
      #expect(chmod(scratch.path, 0o755) == 0 && chmod(data, 0o755) == 0)
    }
    func run(_ arguments: [String]) throws -> CommandRunner.Output {
      if prefix.isEmpty { return try CommandRunner.run(arguments, environment: Self.now) }
      return try CommandRunner.runProgram(
        prefix[0], Array(prefix.dropFirst()) + [CommandRunner.executable] + arguments, environment: Self.now)
    }
    for arguments in [["check"], ["summary", "--json"], ["export", "--format", "csv", "--table", "alerts"]] {
      let result = try run(arguments + ["--data", data])
      #expect(result.status == 1, "\(arguments[0]) must fail: \(result.stdout)")
      #expect(
        (result.stdout + result.stderr).contains("cannot read the journal: Permission denied"),
        "\(arguments[0]): \(result.stderr)")
    }
    // The first frame the console draws (`snapshot` draws the same) says so.
    let screen = try run(["snapshot", "--data", data])
    #expect(
      screen.stdout.split(separator: "\n").first?.contains("JOURNAL UNREADABLE") == true, "\(screen.stdout)")
    #expect(screen.status == 1)
  }

  @Test("a mistyped --data or $BORDERMON_DATA is an error that creates nothing, and records nothing")
  func mistypedDataDirectory() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let typo = scratch.path + "/dta"
    let ack = try CommandRunner.run(
      ["alert", "ack", "AL-NOW-AKSAI", "--data", typo], environment: Self.now)
    #expect(ack.status != 0)
    #expect(ack.stderr.contains("bordermon init --data \(typo)"), "\(ack.stderr)")
    #expect(!FileManager.default.fileExists(atPath: typo), "nothing created at the typo")
    let deep = scratch.path + "/nonexist/deep/x"
    let summary = try CommandRunner.run(["summary", "--data", deep], environment: Self.now)
    #expect(summary.status != 0 && summary.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/nonexist"))
    var environment = Self.now
    environment["BORDERMON_DATA"] = typo
    let note = try CommandRunner.run(["note", "-", "hello"], environment: environment)
    #expect(note.status != 0)
    #expect(note.stderr.contains("$BORDERMON_DATA names \(typo)"), "\(note.stderr)")
    #expect(!FileManager.default.fileExists(atPath: typo))
    // A folder that exists but holds no situation is not taken for one either.
    try FileManager.default.createDirectory(atPath: typo, withIntermediateDirectories: false)
    let empty = try CommandRunner.run(["note", "-", "hello", "--data", typo], environment: Self.now)
    let left = try FileManager.default.contentsOfDirectory(atPath: typo)
    #expect(empty.status != 0 && left.isEmpty)
    // The real one is untouched, and init still creates what was asked for.
    #expect(try CommandRunner.run(["check", "--data", data]).status == 0)
    #expect(try CommandRunner.run(["init", "--data", typo], environment: Self.now).status == 0)
    #expect(FileManager.default.fileExists(atPath: typo + "/journal.jsonl"))
    // init creates the folder, not a mistyped path to it.
    let nested = try CommandRunner.run(["init", "--data", deep], environment: Self.now)
    #expect(nested.status != 0 && nested.stderr.contains("parent folder"), "\(nested.stderr)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/nonexist"))
  }

  @Test("only the default data directory is created on first use")
  func defaultCreatedOnFirstUse() throws {
    let scratch = ScratchDirectory()
    let environment = ["HOME": scratch.path, "XDG_DATA_HOME": "", "BORDERMON_NOW": "2026-11-29T06:00:00Z"]
    let summary = try CommandRunner.run(["summary"], environment: environment)
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(FileManager.default.fileExists(atPath: scratch.path + "/.local/share/bordermon/journal.jsonl"))
  }

  @Test("a deleted journal is not replaced by a writer: the note is refused and no file appears")
  func deletedJournalNotRecreated() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    try FileManager.default.removeItem(atPath: data + "/journal.jsonl")
    let note = try CommandRunner.run(["note", "-", "hello", "--data", data], environment: Self.now)
    #expect(note.status != 0)
    #expect(note.stderr.contains("only `bordermon init` creates a journal"), "\(note.stderr)")
    #expect(!FileManager.default.fileExists(atPath: data + "/journal.jsonl"))
  }

  @Test("a symlinked journal is refused by writers; the file it names is untouched (F16)")
  func symlinkedJournal() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let victim = scratch.path + "/victim"
    try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(atPath: data + "/journal.jsonl")
    try FileManager.default.createSymbolicLink(atPath: data + "/journal.jsonl", withDestinationPath: victim)
    let note = try CommandRunner.run(
      ["note", "-", "through a symlink", "--data", data], environment: Self.now)
    #expect(note.status != 0)
    #expect(note.stderr.contains("symbolic link"), "\(note.stderr)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
  }

  @Test("init honours the umask: a group-shared setup needs no chmod (F18)")
  func initHonoursUmask() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/shared"
    let result = try CommandRunner.runProgram(
      "/bin/sh", ["-c", "umask 002; exec \"$0\" init --data \"$1\"", CommandRunner.executable, data],
      environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    let directory = try FileManager.default.attributesOfItem(atPath: data)
    let journal = try FileManager.default.attributesOfItem(atPath: data + "/journal.jsonl")
    #expect((directory[.posixPermissions] as? Int) == 0o775)
    #expect((journal[.posixPermissions] as? Int) == 0o664)
  }

  @Test("writers of 1 MB lines killed at random leave no bad line once the next writer came (F9)")
  func killedWriters() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["generate", "--segments", "10", "--events", "0", "--data", data])
    let journal = data + "/journal.jsonl"
    let big = String(repeating: "y", count: 1 << 20)
    var halfLinesLeft = 0
    for round in 0..<20 {
      let lines = (0..<4).map { #"{"type":"note","target":"A-01","text":"\#(round)-\#($0) \#(big)"}"# }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
      process.arguments = ["append", "--data", data]
      let inputFile = scratch.path + "/input-\(round)"
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: inputFile))
      let input = try #require(FileHandle(forReadingAtPath: inputFile))
      defer { try? input.close() }
      process.standardInput = input
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      var before = stat()
      stat(journal, &before)
      try process.run()
      // Kill it as its writing starts (the file grows), or after a while in later rounds.
      let deadline = Date().addingTimeInterval(round.isMultiple(of: 4) ? 0.05 * Double(round) : 10)
      var info = stat()
      while Date() < deadline && process.isRunning {
        if stat(journal, &info) == 0, Int64(info.st_size) > Int64(before.st_size) { break }
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let text = try Data(contentsOf: URL(fileURLWithPath: journal))
      if let last = text.last, last != 0x0A { halfLinesLeft += 1 }
    }
    let note = try CommandRunner.run(["note", "A-01", "after the kills", "--data", data])
    #expect(note.status == 0, "\(note.stderr)")
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 0, "\(check.stdout.prefix(500))")
    print(
      "killed writers left \(halfLinesLeft) half line(s) in 20 rounds; check: \(check.stdout.prefix(200))")
  }
}

/// Output that cannot be written is an error, never a silently truncated file.
@Suite("Standard output that cannot be written")
struct StandardOutputTests {
  /// Runs `bordermon` with standard output on `/dev/full`.
  func runIntoFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["BORDERMON_DATA"] = nil
    environment["BORDERMON_NOW"] = "2026-11-29T06:00:00Z"
    process.environment = environment
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let errors = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = full
    process.standardError = errors
    try process.run()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: err, as: UTF8.self))
  }

  @Test("export, summary, check and snapshot exit non-zero when standard output is full (F10)")
  func devFull() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    #expect(try CommandRunner.run(["init", "--data", data]).status == 0)
    for arguments in [
      ["export", "--format", "json"], ["export", "--format", "csv", "--table", "alerts"],
      ["summary", "--json"],
      ["summary"], ["check"], ["snapshot"],
    ] {
      let result = try runIntoFullDevice(arguments + ["--data", data])
      #expect(result.status == 1, "\(arguments.joined(separator: " ")) exited \(result.status)")
      #expect(
        result.stderr.contains("bordermon: cannot write standard output: "),
        "\(arguments.joined(separator: " ")): \(result.stderr)")
    }
  }
}

/// Theme files are text files, read without blocking.
@Suite("Theme files that are not text")
struct ThemeFileSafetyTests {
  @Test("theme check refuses a FIFO at once and a binary file with an error (F19)")
  func fifoAndBinary() throws {
    let scratch = ScratchDirectory()
    let fifo = scratch.path + "/fifo.toml"
    #expect(mkfifo(fifo, 0o644) == 0)
    let (process, output, errors) = try CommandRunner.start(["theme", "check", fifo])
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      Issue.record("theme check hangs on a FIFO")
    }
    process.waitUntilExit()
    _ = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(message.contains("\(fifo): cannot read: it is a FIFO, not a regular file"), "\(message)")

    let binary = scratch.path + "/binary.toml"
    try Data([0x00, 0xFF, 0xFE, 0x0A, 0x41]).write(to: URL(fileURLWithPath: binary))
    let checked = try CommandRunner.run(["theme", "check", binary])
    #expect(checked.status == 1, "\(checked.stdout)")
    #expect(checked.stderr.contains("line 1 holds a NUL byte: not a text file"), "\(checked.stderr)")
    #expect(!checked.stdout.contains("ok"))
    let latin1 = scratch.path + "/latin1.toml"
    try Data(Array("name = \"x\"\n# caf".utf8) + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
    let latin = try CommandRunner.run(["theme", "check", latin1])
    #expect(latin.status == 1 && latin.stderr.contains("line 2 is not UTF-8 text"), "\(latin.stderr)")
  }
}

/// The journal records who really wrote each line beside who the line claims.
@Suite("The uid that wrote each line")
struct WriterIdentityTests {
  @Test(
    "every line records the writing process's uid; neither the environment nor the input can set it (F15)")
  func uidFromProcess() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    #expect(try CommandRunner.run(["init", "--data", data]).status == 0)
    let journal = data + "/journal.jsonl"
    let claimed = ["BORDERMON_OPERATOR": "president", "SSH_CLIENT": "1.2.3.4 5555 22"]
    let note = try CommandRunner.run(
      ["note", "-", "claimed by the environment", "--data", data], environment: claimed)
    #expect(note.status == 0, "\(note.stderr)")
    let appended = try CommandRunner.run(
      ["append", "--data", data],
      stdin: #"{"type":"note","text":"claimed by the input","by":"president@1.2.3.4","uid":4242}"# + "\n")
    #expect(appended.status == 0, "\(appended.stderr)")
    var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").suffix(2).map {
      try EventCodec.decode(String($0)).get()
    }
    #expect(lines.map(\.by) == ["president@1.2.3.4", "president@1.2.3.4"], "the claim is kept as claimed")
    #expect(lines.map(\.uid) == [UInt32(getuid()), UInt32(getuid())], "the uid is the process's")
    // export says both: the claimed name and the uid that wrote it.
    let raised = try CommandRunner.run(
      ["append", "--data", data],
      stdin:
        #"{"type":"alert.raised","alert":"UID-1","segment":"A-02","level":3,"kind":"other","text":"t","by":"president","uid":4242}"#
        + "\n")
    #expect(raised.status == 0, "\(raised.stderr)")
    let export = try CommandRunner.run(["export", "--format", "json", "--table", "alerts", "--data", data])
    let object = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
    let alert = (object?["alerts"] as? [[String: Any]])?.first { $0["id"] as? String == "UID-1" }
    #expect(alert?["raised_by"] as? String == "president")
    #expect(alert?["raised_by_uid"] as? Int == Int(getuid()))
    // Another user, claiming to be root: the line says who it was.
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
    #expect(chmod(scratch.path, 0o755) == 0 && chmod(data, 0o755) == 0 && chmod(journal, 0o666) == 0)
    let other = try CommandRunner.runProgram(
      "/usr/bin/setpriv",
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", "--", CommandRunner.executable, "note", "-",
        "as nobody",
        "--data", data,
      ], environment: ["BORDERMON_OPERATOR": "root"])
    #expect(other.status == 0, "\(other.stderr)")
    lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").suffix(1).map {
      try EventCodec.decode(String($0)).get()
    }
    #expect(lines.first?.by == "root" && lines.first?.uid == 65534)
  }
}
