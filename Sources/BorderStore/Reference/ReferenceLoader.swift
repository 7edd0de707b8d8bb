import BorderModel
import TOMLKit

/// Reference data read from a data directory, with every problem found on the way.
public struct LoadedReference: Sendable {
  public var data: ReferenceData
  public var diagnostics: [Diagnostic]
}

/// Reads `situation.toml`, `segments.toml`, `checkpoints.toml` and `meetings.toml`.
public enum ReferenceLoader {
  /// Loads the reference files of a data directory; a bad record is skipped and reported.
  ///
  /// `read` gives a file's text by its path (a store that holds the files passes its own).
  public static func load(
    _ directory: DataDirectory,
    read: (String) -> Result<String, FileError> = { FileBytes.readTextFile($0, limit: 1 << 30) }
  ) -> LoadedReference {
    var diagnostics: [Diagnostic] = []
    var title = "Kyrgyzstan–Tajikistan border"
    var isSample = false
    var description: String?
    var scenario: String?

    if let (table, lines) = parse(directory.situationFile, required: false, &diagnostics, read: read) {
      var record = TOMLRecord(
        table: table, file: directory.situationFile, tableName: nil, index: 0, lines: lines)
      record.checkKeys(["title", "sample", "description", "scenario"])
      title = record.string("title") ?? title
      isSample = record.bool("sample") ?? false
      description = record.string("description")
      scenario = record.string("scenario")
      diagnostics += record.problems
    }

    var segments: [Segment] = []
    if let (table, lines) = parse(directory.segmentsFile, required: true, &diagnostics, read: read) {
      segments = readSegments(table, lines, directory.segmentsFile, &diagnostics)
    }
    var checkpoints: [Checkpoint] = []
    if let (table, lines) = parse(directory.checkpointsFile, required: false, &diagnostics, read: read) {
      checkpoints = readCheckpoints(table, lines, directory.checkpointsFile, &diagnostics)
    }
    var meetings: [Meeting] = []
    if let (table, lines) = parse(directory.meetingsFile, required: false, &diagnostics, read: read) {
      let known = Set(segments.map(\.id))
      meetings = readMeetings(table, lines, directory.meetingsFile, known, &diagnostics)
    }
    let data = ReferenceData(
      title: title, isIllustrativeSample: isSample, description: description, segments: segments,
      checkpoints: checkpoints, meetings: meetings, scenario: scenario)
    return LoadedReference(data: data, diagnostics: diagnostics)
  }

  /// Parses one TOML file; nil (with a diagnostic) when it is missing or does not parse.
  static func parse(
    _ path: String, required: Bool, _ diagnostics: inout [Diagnostic],
    read: (String) -> Result<String, FileError> = { FileBytes.readTextFile($0, limit: 1 << 30) }
  ) -> (TOMLTable, TOMLLineIndex)? {
    let text: String
    switch read(path) {
    case .success(let contents): text = contents
    case .failure(let error):
      if error.isMissing && !required { return nil }
      // A binary or damaged file is named by the line it goes wrong on: file:line: reason.
      diagnostics.append(Diagnostic(.error, file: path, line: error.line, message: error.description))
      return nil
    }
    switch TOMLText.parse(text, file: path) {
    case .success(let table): return (table, TOMLLineIndex(text))
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    }
  }

  /// The array of tables under `key`, with a diagnostic when it has another shape.
  static func tables(
    _ root: TOMLTable, _ key: String, _ file: String, _ lines: TOMLLineIndex,
    _ diagnostics: inout [Diagnostic]
  ) -> [TOMLTable] {
    for other in root.keys where other != key {
      diagnostics.append(
        Diagnostic(
          .warning, file: file, line: lines.line(topLevelKey: other) ?? lines.line(table: other, index: 0),
          field: other, message: "unknown top-level entry (ignored); records go in [[\(key)]]"))
    }
    guard let value = root[key] else { return [] }
    guard let array = value.array else {
      diagnostics.append(
        Diagnostic(
          .error, file: file, line: lines.line(topLevelKey: key), field: key,
          message: "must be an array of tables: [[\(key)]]"))
      return []
    }
    return array.compactMap { $0.table }
  }

  static func readSegments(
    _ root: TOMLTable, _ lines: TOMLLineIndex, _ file: String,
    _ diagnostics: inout [Diagnostic]
  ) -> [Segment] {
    var segments: [Segment] = []
    var firstLine: [SegmentID: Int] = [:]  // the record number where each ID first appeared
    let allowed: Set<String> = [
      "id", "points", "name", "name_cyrillic", "sector", "length_km", "status", "level",
      "level_reason", "features", "kg_district", "tj_district", "west", "east", "settlements",
      "source", "illustrative", "approximate",
    ]
    for (index, table) in tables(root, "segment", file, lines, &diagnostics).enumerated() {
      var r = TOMLRecord(table: table, file: file, tableName: "segment", index: index, lines: lines)
      r.checkKeys(allowed)
      let id = r.string("id", required: true)
      let name = r.string("name", required: true)
      let sector = r.term("sector", Sector.self, required: true)
      let length = r.number("length_km", required: true)
      if let length, !(length > 0 && length <= JournalLimits.maxKm) {
        r.error("length_km", "must be greater than 0 and at most \(Int(JournalLimits.maxKm)) (got \(length))")
      }
      let status = r.term("status", DemarcationStatus.self) ?? .disputed
      let level = r.level("level") ?? .stable
      let kg = r.place("kg_district", required: true)
      let tj = r.place("tj_district", required: true)
      var features: [SegmentFeature] = []
      for word in r.strings("features") {
        if let feature = SegmentFeature(rawValue: word) {
          features.append(feature)
        } else {
          r.warning("features", "'\(word)' is not one of \(SegmentFeature.spellings) (dropped)")
        }
      }
      var settlements: [Settlement] = []
      if let value = table["settlements"] {
        if let array = value.array {
          for element in array {
            guard let place = element.table, let latin = place["name"]?.string,
              let side = place["side"]?.string.flatMap(Side.init(rawValue:))
            else {
              r.warning(
                "settlements",
                "each is { name = \"…\", cyrillic = \"…\", side = \"KG\" or \"TJ\" } (one dropped)")
              continue
            }
            settlements.append(Settlement(PlaceName(latin, cyrillic: place["cyrillic"]?.string), side: side))
          }
        } else {
          r.warning("settlements", "must be an array of { name, cyrillic, side } tables (field dropped)")
        }
      }
      let west = r.coordinate("west")
      let east = r.coordinate("east")
      if let id, !id.isEmpty {
        if let earlier = firstLine[SegmentID(id)] {
          let line = lines.line(table: "segment", index: earlier, key: "id") ?? 0
          r.error("id", "duplicate segment ID '\(id)' (first defined on line \(line))")
        } else {
          firstLine[SegmentID(id)] = index
        }
      }
      let provenance = r.provenance()
      let reason = r.string("level_reason") ?? ""
      let points = r.string("points")
      let cyrillic = r.string("name_cyrillic")
      diagnostics += r.problems
      guard !r.hasErrors, let id, let name, let sector, let length, let kg, let tj else { continue }
      segments.append(
        Segment(
          id: SegmentID(id), borderPoints: points, name: PlaceName(name, cyrillic: cyrillic),
          sector: sector, kyrgyzDistrict: District(kg.0, region: kg.region),
          tajikDistrict: District(tj.0, region: tj.region), lengthKm: length, westEnd: west,
          eastEnd: east, settlements: settlements, features: features, status: status,
          alertLevel: level, alertReason: reason, provenance: provenance))
    }
    return segments
  }

  static func readCheckpoints(
    _ root: TOMLTable, _ lines: TOMLLineIndex, _ file: String,
    _ diagnostics: inout [Diagnostic]
  ) -> [Checkpoint] {
    var checkpoints: [Checkpoint] = []
    var seen: [CheckpointID: Int] = [:]
    let allowed: Set<String> = [
      "id", "name", "cyrillic", "category", "district", "counterpart", "status", "since", "note",
      "location", "source", "illustrative", "approximate",
    ]
    for (index, table) in tables(root, "checkpoint", file, lines, &diagnostics).enumerated() {
      var r = TOMLRecord(table: table, file: file, tableName: "checkpoint", index: index, lines: lines)
      r.checkKeys(allowed)
      let id = r.string("id", required: true)
      let name = r.string("name", required: true)
      let district = r.place("district", required: true)
      let counterpart = r.place("counterpart")
      let status = r.term("status", CheckpointStatus.self, required: true)
      let since = r.time("since")
      if let id, !id.isEmpty {
        if let earlier = seen[CheckpointID(id)] {
          let line = lines.line(table: "checkpoint", index: earlier, key: "id") ?? 0
          r.error("id", "duplicate checkpoint ID '\(id)' (first defined on line \(line))")
        } else {
          seen[CheckpointID(id)] = index
        }
      }
      let cyrillic = r.string("cyrillic")
      let category = r.string("category")
      let note = r.string("note")
      let location = r.coordinate("location")
      let provenance = r.provenance()
      diagnostics += r.problems
      guard !r.hasErrors, let id, let name, let district, let status else { continue }
      checkpoints.append(
        Checkpoint(
          id: CheckpointID(id), name: PlaceName(name, cyrillic: cyrillic),
          counterpart: counterpart?.0, district: district.0, category: category, status: status,
          since: since, note: note, location: location, provenance: provenance))
    }
    return checkpoints
  }

  static func readMeetings(
    _ root: TOMLTable, _ lines: TOMLLineIndex, _ file: String,
    _ knownSegments: Set<SegmentID>, _ diagnostics: inout [Diagnostic]
  ) -> [Meeting] {
    var meetings: [Meeting] = []
    var seen: [MeetingID: Int] = [:]
    let allowed: Set<String> = [
      "id", "kind", "venue", "venue_cyrillic", "host", "start", "end", "agenda", "status", "note",
      "source", "illustrative", "approximate",
    ]
    for (index, table) in tables(root, "meeting", file, lines, &diagnostics).enumerated() {
      var r = TOMLRecord(table: table, file: file, tableName: "meeting", index: index, lines: lines)
      r.checkKeys(allowed)
      let id = r.string("id", required: true)
      let kind = r.term("kind", MeetingKind.self, required: true)
      let venue = r.string("venue").map { PlaceName($0, cyrillic: r.string("venue_cyrillic")) }
      let host = r.term("host", Side.self)
      let start = r.time("start", required: true)
      let end = r.time("end", required: true)
      if let start, let end, end < start { r.error("end", "is before start") }
      let agenda = r.strings("agenda").map(SegmentID.init)
      for item in agenda where !knownSegments.contains(item) {
        r.error("agenda", "no segment \(item) in segments.toml")
      }
      let status = r.term("status", MeetingStatus.self) ?? .scheduled
      if let id, !id.isEmpty {
        if let earlier = seen[MeetingID(id)] {
          let line = lines.line(table: "meeting", index: earlier, key: "id") ?? 0
          r.error("id", "duplicate meeting ID '\(id)' (first defined on line \(line))")
        } else {
          seen[MeetingID(id)] = index
        }
      }
      let note = r.string("note")
      let provenance = r.provenance()
      diagnostics += r.problems
      guard !r.hasErrors, let id, let kind, let start, let end else { continue }
      meetings.append(
        Meeting(
          id: MeetingID(id), kind: kind, venue: venue, host: host, start: start, end: end,
          agenda: agenda, status: status, note: note, provenance: provenance))
    }
    return meetings
  }
}
