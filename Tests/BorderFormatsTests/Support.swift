import BorderModel
import BorderSample
import BorderStore
import Foundation
import Testing

/// Runs the standards' own checkers (Python `xmlschema`, `icalendar`, `geojson`) over an export.
enum StandardValidator {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let script = folder.appendingPathComponent("Validators/validate.py").path
  static let capSchema = folder.appendingPathComponent("Fixtures/cap-1.2/CAP-v1.2.xsd").path

  /// Whether this is a CI run, where a missing checker is a failure.
  static var underCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

  /// The checker's verdict: exit status and its JSON report; nil (with a note) when the checker is missing outside CI.
  static func check(_ format: String, text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> (status: Int32, report: [String: Any])?
  {
    let file = NSTemporaryDirectory() + "bordermon-\(format)-\(UUID().uuidString.prefix(8))"
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, format, file] + (format == "cap" ? [capSchema] : [])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    do { try process.run() } catch {
      if underCI { Issue.record("python3 is missing under CI: \(error)", sourceLocation: sourceLocation) }
      print("note: python3 not found; the \(format) export was not checked by its standard's parser")
      return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    if process.terminationStatus == 3 {
      if underCI {
        Issue.record("checker missing under CI: \(text)", sourceLocation: sourceLocation)
      } else {
        print(
          "note: \(text.trimmingCharacters(in: .whitespacesAndNewlines)); the \(format) export was not checked"
        )
      }
      return nil
    }
    let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
    guard let report = try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any] else {
      Issue.record("the \(format) checker failed: \(text)", sourceLocation: sourceLocation)
      return (process.terminationStatus, [:])
    }
    return (process.terminationStatus, report)
  }
}

/// The bundled sample created at a fixed moment, folded.
enum Sample {
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  /// The sample's situation, read from a fresh data directory.
  static func situation() throws -> Situation {
    let path = NSTemporaryDirectory() + "bordermon-formats-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let directory = DataDirectory(path: path)
    try SampleSituation.create(at: directory, now: now).get()
    return SituationStore(directory: directory).situation
  }
}

/// Small reference data with coordinates, for placing reports by distance.
enum MapFixture {
  static let segments = """
    [[segment]]
    id = "A-02"
    name = "Golovnoy water point"
    name_cyrillic = "Головной"
    sector = "isfara-vorukh"
    length_km = 5.9
    status = "disputed"
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    west = [39.9497, 70.5358]
    east = [39.9300, 70.5900]
    settlements = [{ name = "Kok-Tash", cyrillic = "Кёк-Таш", side = "KG" }]
    illustrative = "test fixture"

    [[segment]]
    id = "C-03"
    name = "Ovchi-Kalacha"
    sector = "leilek"
    length_km = 9.0
    status = "under-negotiation"
    kg_district = { name = "Leilek", cyrillic = "Лейлекский" }
    tj_district = { name = "Ghafurov", cyrillic = "Гафуров" }
    west = [40.0600, 69.8000]
    east = [40.0800, 69.9000]
    illustrative = "test fixture"

    [[segment]]
    id = "F-01"
    name = "No coordinates"
    sector = "trans-alay"
    length_km = 20
    status = "described"
    kg_district = { name = "Chon-Alai" }
    tj_district = { name = "Murghob" }
    illustrative = "test fixture"

    """

  static let checkpoints = """
    [[checkpoint]]
    id = "kyzyl-bel"
    name = "Kyzyl-Bel"
    cyrillic = "Кызыл-Бель"
    counterpart = { name = "Guliston", cyrillic = "Гулистон" }
    district = { name = "Batken", cyrillic = "Баткенский" }
    status = "open"
    location = [39.9710, 70.4950]
    illustrative = "test fixture"

    [[checkpoint]]
    id = "karamyk"
    name = "Karamyk"
    district = "Chon-Alai"
    status = "closed"
    illustrative = "test fixture"

    """

  /// A data directory with these segments and checkpoints and an empty journal.
  static func install(at path: String) throws -> DataDirectory {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try Data("title = \"Map fixture\"\n".utf8).write(to: URL(fileURLWithPath: path + "/situation.toml"))
    try Data(segments.utf8).write(to: URL(fileURLWithPath: path + "/segments.toml"))
    try Data(checkpoints.utf8).write(to: URL(fileURLWithPath: path + "/checkpoints.toml"))
    try Data().write(to: URL(fileURLWithPath: path + "/journal.jsonl"))
    return DataDirectory(path: path)
  }

  static func situation() throws -> Situation {
    let path = NSTemporaryDirectory() + "bordermon-map-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = SituationStore(directory: try install(at: path))
    #expect(store.diagnostics.isEmpty, "\(store.diagnostics)")
    return store.situation
  }
}
