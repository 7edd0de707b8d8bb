import Foundation
import Testing

@Suite("Exchange formats on the command line")
struct FormatCommandTests {
  static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

  /// A sample directory and an empty copy of it: the same reference files, an empty journal.
  static func sampleAndEmptyCopy(_ scratch: ScratchDirectory) throws -> (String, String) {
    let data = scratch.path + "/data"
    let copy = scratch.path + "/copy"
    let created = try CommandRunner.run(["init", "--data", data], environment: now)
    #expect(created.status == 0, "\(created.stderr)")
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    for file in ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"] {
      try FileManager.default.copyItem(atPath: data + "/" + file, toPath: copy + "/" + file)
    }
    FileManager.default.createFile(atPath: copy + "/journal.jsonl", contents: Data())
    return (data, copy)
  }

  static func alerts(_ data: String) throws -> [String: [String: Any]] {
    let export = try CommandRunner.run(
      ["export", "--format", "json", "--table", "alerts", "--data", data], environment: now)
    let object = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
    let alerts = try #require(object["alerts"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: alerts.map { ($0["id"] as! String, $0) })
  }

  @Test(
    "CAP export then import into an empty copy of the same data gives the same alerts; a second import adds nothing"
  )
  func capRoundTrip() throws {
    let scratch = ScratchDirectory()
    let (data, copy) = try Self.sampleAndEmptyCopy(scratch)
    let cap = try CommandRunner.run(["export", "--format", "cap", "--data", data], environment: Self.now)
    #expect(cap.status == 0, "\(cap.stderr)")
    let file = scratch.path + "/alerts.xml"
    try Data(cap.stdout.utf8).write(to: URL(fileURLWithPath: file))
    let first = try CommandRunner.run(["import", "cap", file, "--data", copy], environment: Self.now)
    #expect(first.status == 0, "\(first.stderr)")
    let original = try Self.alerts(data)
    #expect(original.count > 0)
    #expect(
      first.stderr.contains("\(original.count) imported, 0 already there, 0 refused"), "\(first.stderr)")
    let imported = try Self.alerts(copy)
    #expect(Set(original.keys) == Set(imported.keys))
    let fields = [
      "segment", "level", "type", "text", "side", "occurred", "raised_at", "confidence", "kg_killed",
      "kg_injured",
      "kg_evacuated", "tj_killed", "tj_injured", "tj_evacuated", "resolved_at", "provenance", "source",
      "source_title", "source_url", "source_date", "illustrative", "approximate",
    ]
    for (id, alert) in original {
      for field in fields {
        let a = "\(alert[field] ?? "absent")"
        let b = "\(imported[id]?[field] ?? "absent")"
        #expect(a == b, "\(id).\(field): \(a) became \(b)")
      }
    }
    let journal = try String(contentsOfFile: copy + "/journal.jsonl", encoding: .utf8)
    let second = try CommandRunner.run(
      ["import", "cap", "-", "--data", copy], stdin: cap.stdout, environment: Self.now)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      second.stderr.contains("0 imported, \(original.count) already there, 0 refused"), "\(second.stderr)")
    #expect(try String(contentsOfFile: copy + "/journal.jsonl", encoding: .utf8) == journal)
  }

  @Test("import cap names each refused message with its file, line and reason, imports the rest, and exits 1")
  func capRefusals() throws {
    let scratch = ScratchDirectory()
    let (data, _) = try Self.sampleAndEmptyCopy(scratch)
    let one = try CommandRunner.run(
      ["export", "--format", "cap", "--alert", "AL-NOW-AKSAI", "--sender", "desk", "--data", data],
      environment: Self.now)
    #expect(one.status == 0, "\(one.stderr)")
    let foreign = one.stdout
      .replacingOccurrences(of: "AL-NOW-AKSAI", with: "AL-OTHER")
      .replacingOccurrences(of: "<status>Exercise</status>", with: "<status>Test</status>")
    let input =
      one.stdout.replacingOccurrences(of: "AL-NOW-AKSAI", with: "AL-NEW") + foreign
      + "<?xml version=\"1.0\"?>\n<alert>\n"
    let result = try CommandRunner.run(
      ["import", "cap", "-", "--data", data], stdin: input, environment: Self.now)
    #expect(result.status == 1)
    #expect(result.stdout.contains("stdin:1: bordermon-AL-NEW: raised AL-NEW on A-05"), "\(result.stdout)")
    let lines = one.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(
      result.stderr.contains(
        "stdin:\(lines + 1): bordermon-AL-OTHER: status: Test messages are not for action"),
      "\(result.stderr)")
    #expect(result.stderr.contains("stdin:\(2 * lines + 1): xml: malformed XML"), "\(result.stderr)")
    #expect(result.stderr.contains("1 imported, 0 already there, 2 refused"), "\(result.stderr)")
  }

  @Test("export --format cap --dir writes one file per alert, named by its identifier")
  func capDirectory() throws {
    let scratch = ScratchDirectory()
    let (data, _) = try Self.sampleAndEmptyCopy(scratch)
    let out = scratch.path + "/cap"
    let result = try CommandRunner.run(
      ["export", "--format", "cap", "--dir", out, "--data", data], environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files.count == (try Self.alerts(data)).count)
    #expect(files.contains("bordermon-AL-NOW-AKSAI.xml"))
    let text = try String(contentsOfFile: out + "/bordermon-AL-NOW-AKSAI.xml", encoding: .utf8)
    #expect(
      text.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"))
    let missing = try CommandRunner.run(
      ["export", "--format", "cap", "--alert", "NOPE", "--data", data], environment: Self.now)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("alert: no alert NOPE"))
  }

  @Test(
    "export --format ics and geojson write the calendar and the map; options of other formats are refused")
  func calendarAndMap() throws {
    let scratch = ScratchDirectory()
    let (data, _) = try Self.sampleAndEmptyCopy(scratch)
    let ics = try CommandRunner.run(["export", "--format", "ics", "--data", data], environment: Self.now)
    #expect(ics.status == 0, "\(ics.stderr)")
    #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    #expect(ics.stdout.contains("DTSTAMP:20261129T060000Z\r\n"))
    let map = try CommandRunner.run(["export", "--format", "geojson", "--data", data], environment: Self.now)
    #expect(map.status == 0, "\(map.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as? [String: Any])
    #expect(object["type"] as? String == "FeatureCollection")
    let wrong = try CommandRunner.run(
      ["export", "--format", "ics", "--table", "alerts", "--data", data], environment: Self.now)
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("--table goes with --format csv or json"), "\(wrong.stderr)")
  }

  static let acled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../BorderFormatsTests/Fixtures/acled").standardized.path

  @Test(
    "import acled: the fixture imported twice adds nothing the second time; far rows counted; bad rows named")
  func acledTwice() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.acled + "/segments.toml", toPath: data + "/segments.toml")
    FileManager.default.createFile(
      atPath: data + "/situation.toml", contents: Data("title = \"ACLED\"\n".utf8))
    FileManager.default.createFile(atPath: data + "/journal.jsonl", contents: Data())
    let csv = Self.acled + "/border-events.csv"
    let dry = try CommandRunner.run(
      ["import", "acled", csv, "--dry-run", "--data", data], environment: Self.now)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("border-events.csv:2: KGZ90001: would have raised ACLED-KGZ90001 on A-02"))
    #expect(try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).isEmpty)
    let first = try CommandRunner.run(["import", "acled", csv, "--data", data], environment: Self.now)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stderr.contains(
        "4 imported, 0 already there, 0 refused, 1 skipped: farther than 25 km from every segment with coordinates, 1 skipped: outside Kyrgyzstan and Tajikistan"
      ), "\(first.stderr)")
    let journal = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
    #expect(journal.split(separator: "\n").count == 4)
    let second = try CommandRunner.run(["import", "acled", csv, "--data", data], environment: Self.now)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("0 imported, 4 already there, 0 refused"), "\(second.stderr)")
    #expect(try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8) == journal)
    let narrow = try CommandRunner.run(
      ["import", "acled", csv, "--within", "0.5", "--dry-run", "--data", scratch.path + "/data"],
      environment: Self.now)
    #expect(narrow.stderr.contains("0 would be imported, 4 already there"), "\(narrow.stderr)")
    let bad = try CommandRunner.run(
      ["import", "acled", Self.acled + "/malformed.csv", "--data", data], environment: Self.now)
    #expect(bad.status == 1)
    #expect(
      bad.stderr.contains("malformed.csv:2: KGZ90101: latitude: 'forty', '70.5480' is not a position"),
      "\(bad.stderr)")
    #expect(bad.stderr.contains("malformed.csv:5: row: 7 field(s) where the header has 16"), "\(bad.stderr)")
    #expect(bad.stdout.contains("malformed.csv:6: KGZ90105: raised ACLED-KGZ90105"), "\(bad.stdout)")
  }

  @Test("--version prints the version; doctor names it with the Swift and ncurses versions")
  func version() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.range(of: #"^bordermon \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil,
      "\(result.stdout)")
    let scratch = ScratchDirectory()
    let doctor = try CommandRunner.run(
      ["doctor", "--data", scratch.path + "/none"], environment: ["TERM": "xterm"])
    let line = doctor.stdout.split(separator: "\n").first { $0.contains("version") }.map(String.init) ?? ""
    #expect(line.contains(result.stdout.trimmingCharacters(in: .newlines)), "\(doctor.stdout)")
    #expect(line.contains("built with Swift 6."), "\(line)")
    #expect(line.range(of: #"ncurses \d+\.\d+"#, options: .regularExpression) != nil, "\(line)")
  }

  @Test(
    "export --format json carries format_version 2, structured districts, settlements and places, and coordinates"
  )
  func structuredJSON() throws {
    let scratch = ScratchDirectory()
    let (data, _) = try Self.sampleAndEmptyCopy(scratch)
    let export = try CommandRunner.run(["export", "--format", "json", "--data", data], environment: Self.now)
    #expect(export.status == 0, "\(export.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
    #expect(object["format_version"] as? Int == 2)
    let segments = try #require(object["segments"] as? [[String: Any]])
    let a02 = try #require(segments.first { $0["id"] as? String == "A-02" })
    let kg = try #require(a02["kg_district"] as? [String: Any])
    #expect(kg["name"] as? String == "Batken")
    #expect(kg["name_cyrillic"] as? String == "Баткенский")
    #expect(kg["region"] as? String == "Batken oblast")
    let settlements = try #require(a02["settlements"] as? [[String: Any]])
    #expect(settlements.first?["name_cyrillic"] as? String == "Кёк-Таш")
    #expect(settlements.first?["side"] as? String == "KG")
    // Coordinates as segments.toml gives them ([lat, lon]), or null where it gives none.
    let toml = try String(contentsOfFile: data + "/segments.toml", encoding: .utf8)
    var compared = 0
    for block in toml.components(separatedBy: "[[segment]]").dropFirst() {
      guard let id = Self.value(#"(?m)^id = "([^"]+)""#, in: block),
        let segment = segments.first(where: { $0["id"] as? String == id })
      else { continue }
      compared += 1
      for end in ["west", "east"] {
        if let pair = Self.value("(?m)^\(end) = \\[([^\\]]+)\\]", in: block) {
          let numbers = pair.split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
          }
          #expect(
            segment[end] as? [String: Double] == ["lat": numbers[0], "lon": numbers[1]], "\(id) \(end)")
        } else {
          #expect(segment[end] is NSNull, "\(id) \(end)")
        }
      }
    }
    #expect(compared == segments.count)
    #expect(segments.contains { $0["west"] is [String: Double] })
    let checkpoints = try #require(object["checkpoints"] as? [[String: Any]])
    #expect(checkpoints.allSatisfy { ($0["district"] as? [String: Any])?["name"] is String })
    let csv = try CommandRunner.run(["export", "--format", "csv", "--data", data], environment: Self.now)
    #expect(csv.stdout.contains("Batken (Баткенский)"), "CSV keeps the display strings")
  }

  @Test("import prints what it quotes from the input with control characters made visible, never raw")
  func importOutputIsSafe() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.acled + "/segments.toml", toPath: data + "/segments.toml")
    FileManager.default.createFile(
      atPath: data + "/situation.toml", contents: Data("title = \"ACLED\"\n".utf8))
    FileManager.default.createFile(atPath: data + "/journal.jsonl", contents: Data())
    let csv = """
      event_id_cnty,event_date,event_type,sub_event_type,country,latitude,longitude,fatalities,notes,source,timestamp
      KGZ\u{1B}]0;owned\u{07},2026-09-20,Battles,Armed clash,Kyrgyzstan,\u{1B}[2J,70.5,1,x,y,1758300000
      KGZ\u{9B}31m,2026-09-20,Battles,Armed clash,Kyrgyzstan,39.945,70.548,1,x,y,1758300000

      """
    let result = try CommandRunner.run(
      ["import", "acled", "-", "--data", data], stdin: csv, environment: Self.now)
    #expect(result.status == 1)
    for output in [result.stdout, result.stderr] {
      #expect(
        !output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }
    #expect(
      result.stderr.contains("stdin:2: KGZ␛]0;owned␇: latitude: '␛[2J', '70.5' is not a position"),
      "\(result.stderr)")
    #expect(result.stdout.contains("stdin:3: KGZ�31m: raised ACLED-KGZ�31m"), "\(result.stdout)")
  }

  /// The first capture of a pattern in a text.
  static func value(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(match.range(at: 1), in: text)
    else { return nil }
    return String(text[range])
  }
}
