import BorderModel
import BorderStore
import Foundation
import Testing

@Suite("The bordermon command")
struct CommandTests {
  static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

  @Test("check passes on the sample; summary --json shows 975 km with about 800 agreed")
  func sampleSummary() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    let created = try CommandRunner.run(["init", "--data", data], environment: Self.now)
    #expect(created.status == 0, "\(created.stderr)")
    let check = try CommandRunner.run(["check", "--data", data], environment: Self.now)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.hasPrefix("ok: "))
    let summary = try CommandRunner.run(["summary", "--json", "--data", data], environment: Self.now)
    #expect(summary.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
    #expect(object["total_km"] as? Double == 975)
    #expect(object["agreed_km"] as? Double == 812.03, "about 800 of 975 km, as the rounds add up")
    #expect(object["scenario"] as? String == "article")
    for key in ["km_by_status", "alerts_by_level", "unacknowledged_alerts", "next_meeting", "as_of"] {
      #expect(object[key] != nil, "summary --json lacks \(key)")
    }
    #expect(object["as_of"] as? String == "2026-11-29T06:00:00Z")
    let next = try #require(object["next_meeting"] as? [String: Any])
    #expect((next["start_bishkek"] as? String)?.hasSuffix("(UTC+6)") == true)

    var previous = -1.0
    for at in ["2005-01-01", "2012-01-01", "2022-12-31", "2024-06-01T00:00:00Z"] {
      let past = try CommandRunner.run(
        ["summary", "--json", "--at", at, "--data", data], environment: Self.now)
      let pastObject = try #require(
        JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [String: Any])
      let km = try #require(pastObject["agreed_km"] as? Double)
      #expect(km > previous, "agreed length grows through history: \(at) gives \(km)")
      previous = km
    }
    let text = try CommandRunner.run(["summary", "--data", data], environment: Self.now)
    #expect(text.stdout.contains("Bishkek") && text.stdout.contains("Dushanbe"))
  }

  @Test("init refuses to overwrite, and --at without a zone is refused with a reason")
  func refusals() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["init", "--data", data])
    let again = try CommandRunner.run(["init", "--data", data])
    #expect(again.status == 1)
    #expect(again.stderr.contains("already exists"))
    let at = try CommandRunner.run(["summary", "--at", "2024-01-01T10:00", "--data", data])
    #expect(at.status != 0)
    #expect(at.stderr.contains("has no zone"))
  }

  @Test("check prints file:line: field: reason for each problem and exits 1")
  func checkReports() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["generate", "--segments", "10", "--events", "5", "--data", data])
    let journal = data + "/journal.jsonl"
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        #"{"seq":6,"at":"2024-01-01T00:00:00Z","by":"x","type":"segment.level","segment":"A-01","level":0}"#
          .utf8 + [10]))
    handle.closeFile()
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 1)
    #expect(check.stdout == "\(journal):6: level: 0 is outside 1–5 (line skipped)\n")
  }

  @Test("init --scenario treaty; check --strict passes on both scenarios and reports unsourced facts")
  func scenariosAndStrict() throws {
    let scratch = ScratchDirectory()
    let treaty = scratch.path + "/treaty"
    let created = try CommandRunner.run(
      ["init", "--scenario", "treaty", "--data", treaty], environment: Self.now)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("(scenario treaty)"))
    let summary = try CommandRunner.run(["summary", "--json", "--data", treaty], environment: Self.now)
    let object = try #require(JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
    #expect(object["scenario"] as? String == "treaty")
    #expect(object["total_km"] as? Double == 1006.84)
    let strict = try CommandRunner.run(["check", "--strict", "--data", treaty], environment: Self.now)
    #expect(strict.status == 0, "\(strict.stdout)")
    let unknown = try CommandRunner.run(["init", "--scenario", "future", "--data", scratch.path + "/x"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("article") && unknown.stderr.contains("treaty"))

    // A factual record without a source passes the plain check, not the strict one.
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["init", "--data", data], environment: Self.now)
    let handle = try #require(FileHandle(forWritingAtPath: data + "/journal.jsonl"))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        #"{"seq":500,"at":"2024-01-01T00:00:00Z","by":"sample","type":"note","text":"a clash, unsourced"}"#
          .utf8 + [10]))
    handle.write(
      Data(
        #"{"seq":501,"at":"2024-01-01T00:00:00Z","by":"sample","type":"note","text":"x","source":"24.kg","illustrative":true}"#
          .utf8 + [10]))
    handle.closeFile()
    #expect(try CommandRunner.run(["check", "--data", data], environment: Self.now).status == 0)
    let found = try CommandRunner.run(["check", "--strict", "--data", data], environment: Self.now)
    #expect(found.status == 1)
    #expect(
      found.stdout
        == "\(data)/journal.jsonl:197: source: event 500 (note) is presented as fact but names no source\n"
        + "\(data)/journal.jsonl:198: approximate: event 501 (note) is both sourced and illustrative but does not say which fields are approximate\n"
    )
  }

  @Test("many processes appending at once lose nothing and duplicate nothing")
  func concurrentAppends() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["generate", "--segments", "10", "--events", "0", "--data", data])
    let writers = 6
    let perWriter = 40
    var running: [(Process, Pipe, Pipe)] = []
    for writer in 0..<writers {
      let lines = (0..<perWriter).map { #"{"type":"note","target":"A-01","text":"w\#(writer)-\#($0)"}"# }
      running.append(
        try CommandRunner.start(["append", "--data", data], stdin: lines.joined(separator: "\n") + "\n"))
    }
    for (process, output, _) in running {
      _ = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let text = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == writers * perWriter)
    var seqs: [UInt64] = []
    var texts = Set<String>()
    for line in lines {
      let event = try EventCodec.decode(String(line)).get()
      seqs.append(event.seq)
      if case .noteAdded(_, let note) = event.payload { texts.insert(note) }
    }
    #expect(seqs == Array(1...UInt64(writers * perWriter)), "unique and increasing")
    #expect(texts.count == writers * perWriter, "every event present once")
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test("append keeps the good lines and names the bad ones")
  func appendReportsBadLines() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["generate", "--segments", "10", "--events", "0", "--data", data])
    let input = """
      {"type":"note","text":"first"}
      {"type":"alert.raised","alert":"Q","segment":"A-01","level":6,"kind":"shelling"}
      {"type":"alert.raised","alert":"Q","segment":"A-01","level":4,"kind":"shelling","text":"shots"}
      {broken
      {"type":"alert.ack","alert":"Q","note":"seen"}

      """
    let result = try CommandRunner.run(
      ["append", "--data", data], stdin: input,
      environment: ["BORDERMON_OPERATOR": "alice", "SSH_CLIENT": "10.0.0.5 5555 22"])
    #expect(result.status == 1)
    #expect(result.stdout == "1\n2\n3\n")
    #expect(result.stderr.contains("stdin:2: level: 6 is outside 1–5"))
    #expect(result.stderr.contains("stdin:4: malformed JSON"))
    let store = SituationStore(directory: DataDirectory(path: data))
    #expect(store.situation.alert("Q")?.acknowledgement?.by == "alice@10.0.0.5")
  }
}

@Suite("Scripting commands, export and demo")
struct ScriptingTests {
  @Test("each scripting command validates like the console, appends one event and prints its seq")
  func scriptingCommands() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["init", "--data", data], environment: CommandTests.now)
    let who = ["BORDERMON_OPERATOR": "ops", "SSH_CONNECTION": "10.9.8.7 5000 10.0.0.1 22"]
    let steps: [([String], Bool)] = [
      (
        [
          "alert", "raise", "--segment", "A-05", "--level", "4", "--type", "shelling", "--text", "mortar",
          "--side", "KG", "--id", "S-1",
        ], true
      ),
      (["alert", "ack", "S-1", "--note", "seen"], true),
      (["alert", "ack", "S-1"], false),
      (["alert", "level", "S-1", "5", "--reason", "spreading"], true),
      (["alert", "resolve", "S-1"], true),
      (["segment", "status", "A-05", "described", "--note", "protocol"], true),
      (["segment", "level", "A-05", "2"], true),
      (["segment", "level", "Z-99", "2"], false),
      (
        [
          "meeting", "schedule", "--id", "M-S", "--kind", "co-chairs", "--start", "2026-12-20T04:00:00Z",
          "--end", "2026-12-21T12:00:00Z", "--agenda", "A-05",
        ], true
      ),
      (["meeting", "held", "M-S", "--protocol", "51", "--km", "2.5"], true),
      (["checkpoint", "set", "karamyk", "open"], true),
      (["checkpoint", "set", "nowhere", "open"], false),
      (["note", "A-05", "quiet again"], true),
    ]
    var seqs: [Int] = []
    for (arguments, succeeds) in steps {
      let result = try CommandRunner.run(arguments + ["--data", data], environment: who)
      #expect((result.status == 0) == succeeds, "\(arguments): \(result.stderr)")
      if succeeds, let seq = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) {
        seqs.append(seq)
      }
    }
    #expect(seqs == Array(197..<(197 + seqs.count)), "one event each, numbered in order: \(seqs)")
    let situation = SituationStore(directory: DataDirectory(path: data)).situation
    #expect(situation.alert("S-1")?.acknowledgement?.by == "ops@10.9.8.7")
    #expect(situation.alert("S-1")?.level == .escalation && situation.alert("S-1")?.isOpen == false)
    #expect(situation.segment("A-05")?.status == .described)
    #expect(situation.meeting("M-S")?.outcome?.kmAgreed == 2.5)
    #expect(situation.checkpoint("karamyk")?.status == .open)
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test("export: JSON with every table and each record's id; CSV one table with a header row")
  func export() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["init", "--data", data], environment: CommandTests.now)
    let json = try CommandRunner.run(
      ["export", "--format", "json", "--data", data], environment: CommandTests.now)
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    for table in ["segments", "meetings", "alerts", "checkpoints"] {
      let records = try #require(object[table] as? [[String: Any]], "\(table)")
      #expect(!records.isEmpty)
      #expect(records.allSatisfy { $0["id"] is String })
    }
    #expect((object["segments"] as? [[String: Any]])?.count == 52)
    #expect(object["scenario"] as? String == "article")
    // Provenance in the export: a round's meeting is sourced, with its invented fields listed.
    let meetings = try #require(object["meetings"] as? [[String: Any]])
    let batken = try #require(meetings.first { $0["id"] as? String == "M-2023-10-BATKEN" })
    #expect(batken["provenance"] as? String == "partly illustrative")
    #expect(batken["source"] as? String == "Kyrgyz Cabinet via KGinform")
    #expect(batken["source_url"] as? String == "https://kginform.com/pda/ru/news/20231009/53793.html")
    #expect(batken["source_date"] as? String == "2023-10-09")
    #expect(batken["approximate"] as? [String] == ["at", "agenda"])
    let csv = try CommandRunner.run(
      ["export", "--format", "csv", "--data", data], environment: CommandTests.now)
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("id,points,name,name_cyrillic,sector,length_km,status") == true)
    #expect(lines.count == 53)
    #expect(lines.contains { $0.hasPrefix("A-02,,Golovnoy water point,Головной,isfara-vorukh,5.9,") })
    let alerts = try CommandRunner.run(
      ["export", "--format", "csv", "--table", "alerts", "--data", data], environment: CommandTests.now)
    #expect(alerts.stdout.hasPrefix("id,segment,level,type,text"))
    let past = try CommandRunner.run(
      ["export", "--format", "json", "--at", "2012-01-01", "--data", data], environment: CommandTests.now)
    let pastObject = try #require(
      JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [String: Any])
    #expect((pastObject["alerts"] as? [Any])?.isEmpty == true, "no incident before 2014")
  }

  @Test("demo appends plausible, valid, illustrative events at a steady pace")
  func demo() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    _ = try CommandRunner.run(["init", "--data", data], environment: CommandTests.now)
    let result = try CommandRunner.run(["demo", "--rate", "50", "--count", "12", "--data", data])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 12)
    let lines = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 196 + 12)
    #expect(lines.suffix(12).allSatisfy { $0.contains(#""illustrative":"bordermon demo""#) })
    #expect(try CommandRunner.run(["check", "--data", data]).status == 0)
  }
}
