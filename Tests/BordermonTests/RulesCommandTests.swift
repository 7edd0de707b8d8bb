import BorderModel
import BorderStore
import Foundation
import Testing

/// The command line writes through the model's rules and bounds: what it records, every reader reads.
@Suite("Commands keep the model's rules and the journal's bounds")
struct RulesCommandTests {
  static let now = ["BORDERMON_NOW": "2026-11-30T12:00:00Z", "BORDERMON_OPERATOR": "alice"]

  /// A fresh data directory from the sample.
  func sample(_ scratch: ScratchDirectory) throws -> String {
    let data = scratch.path + "/data"
    let made = try CommandRunner.run(["init", "--data", data], environment: Self.now)
    #expect(made.status == 0, "\(made.stderr)")
    return data
  }

  func run(_ arguments: [String], _ data: String, operator name: String = "alice") throws
    -> CommandRunner.Output
  {
    var environment = Self.now
    environment["BORDERMON_OPERATOR"] = name
    return try CommandRunner.run(arguments + ["--data", data], environment: environment)
  }

  func journalLines(_ data: String) throws -> [String] {
    try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  @Test("alert ack of a resolved alert is refused with the model's message")
  func ackOfResolved() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let raise = try run(
      [
        "alert", "raise", "--segment", "A-05", "--level", "3", "--type", "shelling", "--text", "shots",
        "--id", "AL-T1",
      ],
      data)
    #expect(raise.status == 0, "\(raise.stderr)")
    #expect(try run(["alert", "resolve", "AL-T1"], data, operator: "bob").status == 0)
    let before = try journalLines(data)
    let ack = try run(["alert", "ack", "AL-T1", "--note", "late"], data, operator: "carol")
    #expect(ack.status == 1)
    #expect(
      ack.stderr
        == "bordermon alert ack: alert: AL-T1 was resolved by bob at 2026-11-30T12:00:00Z; it cannot be acknowledged\n"
    )
    #expect(try journalLines(data) == before, "nothing recorded")
    let relevel = try run(["alert", "level", "AL-T1", "tense"], data)
    #expect(relevel.status == 1 && relevel.stderr.contains("was resolved by bob"))
  }

  @Test("8 processes × 50 alert raise on one segment at the same moment record 400 of 400 (F11)")
  func concurrentRaises() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let before = try journalLines(data).count
    let go = scratch.path + "/go"
    var shells: [Process] = []
    for writer in 0..<8 {
      // Each shell waits at the barrier, then raises 50 alerts one after another.
      let script = """
        while [ ! -e "$1" ]; do sleep 0.01; done
        for i in $(seq 1 50); do "$2" alert raise --segment A-05 --level 3 --type shelling \
          --text "w\(writer)-$i" --data "$3" >/dev/null 2>>"$3/../err-\(writer)" || echo "refused w\(writer)-$i" >>"$3/../err-\(writer)"; done
        """
      let shell = Process()
      shell.executableURL = URL(fileURLWithPath: "/bin/sh")
      shell.arguments = ["-c", script, "sh", go, CommandRunner.executable, data]
      var environment = ProcessInfo.processInfo.environment
      environment["BORDERMON_NOW"] = Self.now["BORDERMON_NOW"]
      environment["BORDERMON_DATA"] = nil
      shell.environment = environment
      try shell.run()
      shells.append(shell)
    }
    FileManager.default.createFile(atPath: go, contents: Data())
    for shell in shells { shell.waitUntilExit() }
    let refusals = (0..<8).compactMap {
      try? String(contentsOfFile: scratch.path + "/err-\($0)", encoding: .utf8)
    }
    .joined()
    #expect(!refusals.contains("refused"), "\(refusals.prefix(500))")
    let lines = try journalLines(data)
    #expect(lines.count - before == 400, "every raise recorded")
    var ids = Set<String>()
    var seqs = Set<UInt64>()
    for line in lines {
      let event = try EventCodec.decode(line).get()
      seqs.insert(event.seq)
      if case .alertRaised(let report) = event.payload, report.segment == "A-05", report.text.hasPrefix("w") {
        ids.insert(report.id.rawValue)
        #expect(report.id.rawValue == "AL-A-05-\(event.seq)")
      }
    }
    #expect(ids.count == 400 && seqs.count == lines.count)
    let check = try run(["check"], data)
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test("empty IDs and texts are refused by writers, and the next writer never reuses a seq (F1)")
  func emptyFieldsRefused() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let before = try journalLines(data)
    let empty = try run(["note", "A-01", ""], data)
    #expect(empty.status == 1 && empty.stderr == "bordermon note: text: must not be empty\n")
    let noID = try run(
      [
        "alert", "raise", "--id", "", "--segment", "A-02", "--level", "4", "--type", "shelling", "--text",
        "mortar",
      ],
      data)
    #expect(noID.status == 1 && noID.stderr.contains("alert: must not be empty"))
    let noMeeting = try run(
      [
        "meeting", "schedule", "--id", "", "--kind", "co-chairs", "--start", "2027-01-01T00:00:00Z", "--end",
        "2027-01-01T06:00:00Z",
      ], data)
    #expect(noMeeting.status == 1 && noMeeting.stderr.contains("meeting: must not be empty"))
    #expect(try journalLines(data) == before, "refusals write nothing")
    let real = try run(["note", "A-01", "real note"], data)
    #expect(real.status == 0 && real.stdout == "\(before.count + 1)\n")
    let check = try run(["check"], data)
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test("check reports a duplicate seq even when the first line was skipped")
  func duplicateAfterSkipped() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let last = try journalLines(data).count
    let bad =
      #"{"seq":\#(last + 1),"at":"2026-11-30T11:00:00Z","by":"x","type":"note","target":"A-01","text":""}"#
    let good =
      #"{"seq":\#(last + 1),"at":"2026-11-30T11:00:00Z","by":"x","type":"note","target":"A-01","text":"t"}"#
    try append(data, bad + "\n" + good + "\n")
    let check = try run(["check"], data)
    #expect(check.status == 1)
    #expect(
      check.stdout.contains("journal.jsonl:\(last + 2): seq: \(last + 1) is not greater than \(last + 1)"))
    let next = try run(["note", "-", "after"], data)
    #expect(next.stdout == "\(last + 2)\n")
  }

  @Test("numbers from data are bounded where they enter: meeting held --km 9.3e17 is refused (F3)")
  func kmBounded() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let before = try journalLines(data)
    let held = try run(["meeting", "held", "M-TOPO-CURRENT", "--km", "9.3e17"], data)
    #expect(held.status == 1)
    #expect(held.stderr == "bordermon meeting held: km: must be a number from 0 to 10000\n")
    #expect(try journalLines(data) == before)
    #expect(try run(["meeting", "held", "M-TOPO-CURRENT", "--km", "12.5"], data).status == 0)
  }

  @Test("text fields have a length limit at the writers (F12)")
  func textLimit() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let long = try run(["note", "A-01", String(repeating: "ж", count: 2_001)], data)
    #expect(long.status == 1)
    #expect(long.stderr == "bordermon note: text: 4002 bytes, longer than the 4000 allowed\n")
    let appended = try CommandRunner.run(
      ["append", "--data", data],
      stdin:
        #"{"type":"alert.raised","segment":"A-01","alert":"AL-L","level":2,"kind":"other","text":"\#(String(repeating: "x", count: 50_000))"}"#
        + "\n", environment: Self.now)
    #expect(
      appended.status == 1
        && appended.stderr.contains("stdin:1: text: 50000 bytes, longer than the 4000 allowed"))
  }

  @Test("a time far in the future is refused by writers, warned about by check, and never looks live (F13)")
  func farFuture() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let refused = try CommandRunner.run(
      ["append", "--data", data],
      stdin: #"{"type":"note","text":"from the future","at":"2100-12-31T23:59:59Z"}"# + "\n",
      environment: Self.now)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("stdin:1: at: 2100-12-31T23:59:59Z is more than 10 minutes ahead of now"))
    let last = try journalLines(data).count
    try append(
      data, #"{"seq":\#(last + 1),"at":"2100-12-31T23:59:59Z","by":"x","type":"note","text":"far"}"# + "\n")
    let check = try run(["check"], data)
    #expect(check.status == 0, "a warning, not an error")
    #expect(
      check.stdout.contains(
        "journal.jsonl:\(last + 1): at: warning: 2100-12-31T23:59:59Z is more than 10 minutes ahead"))
    // Five days of silence later, the header says STALE, not live.
    let later = try CommandRunner.run(
      ["snapshot", "--data", data, "--color", "never"], environment: ["BORDERMON_NOW": "2026-12-05T12:00:00Z"]
    )
    let header = later.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("STALE") && !header.contains("live"), "\(header)")
  }

  @Test("append keeps unknown types and unknown fields byte for byte (F14) and names invalid UTF-8")
  func appendKeepsUnknown() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let input =
      #"{"type":"weird.type","foo":1,"bar":{"deep":[1, 2.50, "\u00e9"]}}"# + "\n"
      + #"{"type":"note","target":"A-01","text":"known type","x-ref":"TKT-7","score":1e3}"# + "\n"
    let result = try CommandRunner.run(["append", "--data", data], stdin: input, environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try journalLines(data)
    let weird = try #require(lines.dropLast().last)
    #expect(weird.hasSuffix(#""type":"weird.type","foo":1,"bar":{"deep":[1, 2.50, "\u00e9"]}}"#), "\(weird)")
    #expect(
      lines.last?.hasSuffix(#""text":"known type","x-ref":"TKT-7","score":1e3}"#) == true,
      "\(lines.last ?? "")")
    // Invalid UTF-8 is named with its line, not replaced.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
    process.arguments = ["append", "--data", data]
    process.environment = ProcessInfo.processInfo.environment.merging(Self.now) { $1 }
    let input2 = Pipe()
    let errors = Pipe()
    process.standardInput = input2
    process.standardOutput = Pipe()
    process.standardError = errors
    try process.run()
    input2.fileHandleForWriting.write(
      Data(#"{"type":"note","text":"ok"}"#.utf8) + [10] + Data(#"{"type":"note","text":"bad "#.utf8) + [
        0xFF, 0xFE,
      ]
        + Data(#""}"#.utf8) + [10])
    try input2.fileHandleForWriting.close()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(stderr.contains("stdin:2: invalid UTF-8 at byte 28 (line not appended)"), "\(stderr)")
    #expect(try journalLines(data).last?.contains(#""text":"ok""#) == true)
  }

  @Test("a line with seq 2^63 - 1 does not poison later appends (F17)")
  func hugeSeq() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let last = try journalLines(data).count
    try append(
      data,
      #"{"seq":9223372036854775807,"at":"2026-11-30T11:00:00Z","by":"x","type":"note","text":"huge"}"# + "\n")
    let first = try run(["note", "-", "after"], data)
    let second = try run(["note", "-", "after again"], data)
    #expect(first.stdout == "\(last + 1)\n" && second.stdout == "\(last + 2)\n")
    let check = try run(["check"], data)
    let problems = check.stdout.split(separator: "\n").filter { !$0.hasPrefix("ok") }
    #expect(
      problems.count == 1 && problems.first?.contains("journal.jsonl:\(last + 1): seq:") == true,
      "\(check.stdout)")
  }

  @Test("the command line takes the console's words for the vocabulary, and --help lists them")
  func vocabularyArguments() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let raised = try run(
      [
        "alert", "raise", "--segment", "A-05", "--level", "armed incident", "--type", "blockade/protest",
        "--text", "road",
        "--side", "kg", "--confidence", "Probable",
      ], data)
    #expect(raised.status == 0, "\(raised.stderr)")
    let id =
      raised.stderr.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      ?? ""
    let store = SituationStore(directory: DataDirectory(path: data))
    let alert = try #require(store.situation.alert(AlertID(id)))
    #expect(
      alert.level == .armedIncident && alert.report.type == .blockade
        && alert.report.reportingSide == .kyrgyzstan)
    #expect(try run(["segment", "status", "A-05", "under negotiation"], data).status == 0)
    let bad = try run(
      ["alert", "raise", "--segment", "A-05", "--level", "7", "--type", "drone", "--text", "x"], data)
    #expect(bad.status != 0 && bad.stderr.contains("--level"))
    let help = try CommandRunner.run(["alert", "raise", "--help"])
    for kind in AlertType.allCases { #expect(help.stdout.contains(kind.rawValue)) }
    #expect(help.stdout.contains("confirmed") && help.stdout.contains("KG"))
  }

  func append(_ data: String, _ text: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: data + "/journal.jsonl"))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    handle.closeFile()
  }
}
