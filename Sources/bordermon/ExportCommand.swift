import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore
import Foundation

/// `bordermon export`: the situation as JSON or CSV, for spreadsheets and other tools.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the situation as JSON (all tables), CSV (one table), CAP 1.2, iCalendar or GeoJSON.",
    discussion: """
      cap: one CAP 1.2 <alert> document per alert (--alert ID for one; --dir DIR for one file each). \
      ics: the meetings as an iCalendar (RFC 5545) calendar. geojson: segments and checkpoints as an \
      RFC 7946 FeatureCollection.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, cap, ics, geojson }
  enum Table: String, ExpressibleByArgument, CaseIterable { case segments, meetings, alerts, checkpoints }

  @OptionGroup var options: DataOptions
  @Option(help: "csv, json, cap, ics or geojson.") var format: Format = .json
  @Option(help: "For CSV (JSON carries them all): segments, meetings, alerts or checkpoints.") var table:
    Table?
  @Option(
    help: ArgumentHelp("The situation as of this time (RFC 3339 with a zone, or a date).", valueName: "time"))
  var at: String?
  @Option(
    help: ArgumentHelp("For CAP: only this alert.", valueName: "id"),
    completion: CompletionCandidates.completion(.alerts))
  var alert: String?
  @Option(
    help: ArgumentHelp("For CAP: write one file per alert into this directory.", valueName: "dir"),
    completion: .directory)
  var dir: String?
  @Option(help: ArgumentHelp("For CAP: the sender named in each message.", valueName: "sender"))
  var sender: String = "bordermon"

  func validate() throws {
    if format != .cap && (alert != nil || dir != nil) {
      throw ValidationError(options.l10n.tr("--alert and --dir go with --format cap"))
    }
    if format != .csv && format != .json && table != nil {
      throw ValidationError(options.l10n.tr("--table goes with --format csv or json"))
    }
    if sender.isEmpty || sender.contains(where: { $0 == " " || $0 == "," || $0 == "<" || $0 == "&" }) {
      throw ValidationError(options.l10n.tr("--sender: must not be empty or hold spaces, commas, '<' or '&'"))
    }
  }

  func run() throws {
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    let asOf = try parseAsOf(at, l10n)
    let store = try options.openSituation(clock: clock, asOf: asOf, snapshots: true)
    try requireReadableJournal(store, command: "export", l10n)
    let situation = store.situation
    defer { store.saveSnapshotIfDue() }
    let exporter = SituationExport(situation: situation, now: asOf ?? clock.now())
    switch format {
    case .json:
      var object: [String: Any] = [
        "title": situation.title, "sample": situation.isIllustrativeSample,
        "scenario": situation.scenario ?? NSNull(),
        "as_of": RFC3339.format(asOf ?? clock.now()),
      ]
      for table in Table.allCases where self.table == nil || self.table == table {
        object[table.rawValue] = exporter.records(table)
      }
      exporter.structure(&object)
      let data = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      print(TerminalOutput.terminalSafeJSON(String(decoding: data, as: UTF8.self)))
    case .csv:
      printData(exporter.csv(table ?? .segments), terminator: "")
    case .cap, .ics, .geojson:
      try exportStandard(situation: situation, now: asOf ?? clock.now(), l10n)
    }
  }
}

/// Turns a situation into plain records: the same fields for JSON and CSV.
struct SituationExport {
  let situation: Situation
  let now: Timestamp

  /// The columns of each table, in CSV order.
  static let columns: [ExportCommand.Table: [String]] = [
    .segments: [
      "id", "points", "name", "name_cyrillic", "sector", "length_km", "status", "level", "effective_level",
      "level_reason", "kg_district", "tj_district", "settlements", "features", "open_alerts",
      "last_event_seq",
      "last_event_at", "provenance", "source", "source_title", "source_url", "source_date", "illustrative",
      "approximate",
    ],
    .meetings: [
      "id", "kind", "status", "venue", "venue_cyrillic", "host", "start", "end", "agenda", "protocol",
      "km_agreed",
      "summary", "note", "provenance", "source", "source_title", "source_url", "source_date", "illustrative",
      "approximate",
    ],
    .alerts: [
      "id", "segment", "level", "type", "text", "side", "occurred", "raised_at", "raised_by", "raised_by_uid",
      "confidence", "kg_killed", "kg_injured", "kg_evacuated", "tj_killed", "tj_injured", "tj_evacuated",
      "acknowledged_by", "acknowledged_by_uid", "acknowledged_at", "acknowledgement_note", "resolved_by",
      "resolved_by_uid", "resolved_at", "resolution_note",
      "provenance", "source", "source_title", "source_url", "source_date", "illustrative", "approximate",
    ],
    .checkpoints: [
      "id", "name", "cyrillic", "counterpart", "district", "category", "status", "since", "note",
      "provenance", "source", "source_title", "source_url", "source_date", "illustrative", "approximate",
    ],
  ]

  func records(_ table: ExportCommand.Table) -> [[String: Any]] {
    switch table {
    case .segments: return situation.segments.map(segment)
    case .meetings: return situation.meetings.map(meeting)
    case .alerts: return situation.alerts.map(alert)
    case .checkpoints: return situation.checkpoints.map(checkpoint)
    }
  }

  private func provenance(_ value: Provenance, into record: inout [String: Any]) {
    record["provenance"] = value.label
    let source = value.isSourced ? value.source : nil
    record["source"] = source?.outlet ?? NSNull()
    record["source_title"] = source?.title ?? NSNull()
    record["source_url"] = source?.url ?? NSNull()
    record["source_date"] = source?.date ?? NSNull()
    record["illustrative"] = value.isIllustrative ? (value.note ?? "true") : NSNull()
    record["approximate"] = value.approximate
  }

  private func segment(_ segment: Segment) -> [String: Any] {
    var record: [String: Any] = [
      "id": segment.id.rawValue, "points": segment.borderPoints ?? NSNull(), "name": segment.name.latin,
      "name_cyrillic": segment.name.cyrillic ?? NSNull(), "sector": segment.sector.rawValue,
      "length_km": segment.lengthKm, "status": segment.status.rawValue, "level": segment.alertLevel.rawValue,
      "effective_level": situation.effectiveLevel(of: segment).rawValue, "level_reason": segment.alertReason,
      "kg_district": segment.kyrgyzDistrict.name.bothScripts,
      "tj_district": segment.tajikDistrict.name.bothScripts,
      "settlements": segment.settlements.map { "\($0.name.bothScripts) \($0.side.rawValue)" },
      "features": segment.features.map(\.rawValue),
      "open_alerts": situation.alerts.filter { $0.isOpen && $0.segment == segment.id }.count,
      "last_event_seq": segment.lastEvent.map { Int($0.seq) } ?? NSNull(),
      "last_event_at": segment.lastEvent.map { RFC3339.format($0.at) } ?? NSNull(),
    ]
    provenance(segment.provenance, into: &record)
    return record
  }

  private func meeting(_ meeting: Meeting) -> [String: Any] {
    var record: [String: Any] = [
      "id": meeting.id.rawValue, "kind": meeting.kind.rawValue, "status": meeting.status(at: now).rawValue,
      "venue": meeting.venue?.latin ?? NSNull(), "venue_cyrillic": meeting.venue?.cyrillic ?? NSNull(),
      "host": meeting.host?.rawValue ?? NSNull(), "start": RFC3339.format(meeting.start),
      "end": RFC3339.format(meeting.end), "agenda": meeting.agenda.map(\.rawValue),
      "protocol": meeting.outcome?.protocolNumber ?? NSNull(),
      "km_agreed": meeting.outcome?.kmAgreed ?? NSNull(),
      "summary": meeting.outcome?.summary ?? NSNull(), "note": meeting.note ?? NSNull(),
    ]
    provenance(meeting.provenance, into: &record)
    return record
  }

  private func alert(_ alert: Alert) -> [String: Any] {
    func figure(_ value: ClaimedFigure?) -> Any { value.map { $0.description } ?? NSNull() }
    let kg = alert.report.claims[.kyrgyzstan]
    let tj = alert.report.claims[.tajikistan]
    var record: [String: Any] = [
      "id": alert.id.rawValue, "segment": alert.segment.rawValue, "level": alert.level.rawValue,
      "type": alert.report.type.rawValue, "text": alert.report.text,
      "side": alert.report.reportingSide?.rawValue ?? NSNull(), "occurred": RFC3339.format(alert.occurredAt),
      "raised_at": RFC3339.format(alert.raisedAt), "raised_by": alert.raisedBy,
      // `*_by` is the name the journal line claims; `*_by_uid` is the user ID that wrote it (checked).
      "raised_by_uid": alert.raisedByUID.map { Int($0) } ?? NSNull(),
      "acknowledged_by_uid": alert.acknowledgement?.uid.map { Int($0) } ?? NSNull(),
      "resolved_by_uid": alert.resolution?.uid.map { Int($0) } ?? NSNull(),
      "confidence": alert.report.confidence.rawValue, "kg_killed": figure(kg?.killed),
      "kg_injured": figure(kg?.injured), "kg_evacuated": figure(kg?.evacuated),
      "tj_killed": figure(tj?.killed),
      "tj_injured": figure(tj?.injured), "tj_evacuated": figure(tj?.evacuated),
      "acknowledged_by": alert.acknowledgement?.by ?? NSNull(),
      "acknowledged_at": alert.acknowledgement.map { RFC3339.format($0.at) } ?? NSNull(),
      "acknowledgement_note": alert.acknowledgement?.note ?? NSNull(),
      "resolved_by": alert.resolution?.by ?? NSNull(),
      "resolved_at": alert.resolution.map { RFC3339.format($0.at) } ?? NSNull(),
      "resolution_note": alert.resolution?.note ?? NSNull(),
    ]
    provenance(alert.provenance, into: &record)
    return record
  }

  private func checkpoint(_ checkpoint: Checkpoint) -> [String: Any] {
    var record: [String: Any] = [
      "id": checkpoint.id.rawValue, "name": checkpoint.name.latin,
      "cyrillic": checkpoint.name.cyrillic ?? NSNull(),
      "counterpart": checkpoint.counterpart?.bothScripts ?? NSNull(),
      "district": checkpoint.district.bothScripts,
      "category": checkpoint.category ?? NSNull(), "status": checkpoint.status.rawValue,
      "since": checkpoint.since.map(RFC3339.format) ?? NSNull(), "note": checkpoint.note ?? NSNull(),
    ]
    provenance(checkpoint.provenance, into: &record)
    return record
  }

  /// One table as CSV (RFC 4180: quoted where needed, CRLF-free), with a header row.
  func csv(_ table: ExportCommand.Table) -> String {
    let columns = Self.columns[table] ?? []
    var out = columns.joined(separator: ",") + "\n"
    for record in records(table) {
      out += columns.map { Self.csvField(record[$0]) }.joined(separator: ",") + "\n"
    }
    return out
  }

  /// One CSV field: quoted where needed; text a spreadsheet would run as a formula (it starts
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'` and quotes, as OWASP
  /// recommends. Numbers written as numbers are left alone.
  static func csvField(_ value: Any?) -> String {
    var text: String
    var isText = true
    switch value {
    case nil, is NSNull: return ""
    case let list as [String]: text = list.joined(separator: "; ")
    case let number as Double:
      text = String(number)
      isText = false
    case let number as Int:
      text = String(number)
      isText = false
    case let flag as Bool: text = flag ? "true" : "false"
    case let string as String: text = string
    default: text = "\(value!)"
    }
    let formula = isText && text.unicodeScalars.first.map { csvFormulaStarts.contains($0) } == true
    if formula { text = "'" + text }
    guard formula || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The first characters that make a spreadsheet read a cell as a formula.
  static let csvFormulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
