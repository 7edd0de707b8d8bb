import BorderModel
import Foundation

/// One row of an ACLED export, by the codebook's column names.
public struct ACLEDRow: Sendable, Hashable {
  /// The line of the file the row starts on.
  public var line: Int
  public var values: [String: String]

  public subscript(_ column: String) -> String { values[column] ?? "" }
  /// The row's event ID, for naming it in messages.
  public var eventID: String { self["event_id_cnty"] }
}

/// An ACLED CSV file read into rows, or why it cannot be read at all.
public struct ACLEDFile: Sendable {
  /// Columns the import needs (ACLED codebook names).
  public static let requiredColumns = [
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "latitude", "longitude",
    "fatalities", "notes", "source", "timestamp",
  ]

  public var rows: [ACLEDRow]
  /// Rows that do not have as many fields as the header: line and count.
  public var malformed: [(line: Int, reason: String)]

  /// Reads the CSV text; fails with `(line, field, reason)` when the header lacks a column or a quote never ends.
  public static func read(_ text: String) -> Result<ACLEDFile, InputProblem> {
    let (records, unterminated) = CSVReader.records(text)
    guard let header = records.first else {
      return .failure(InputProblem(line: 1, field: "header", reason: "the file is empty"))
    }
    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    for column in requiredColumns where !columns.contains(column) {
      return .failure(
        InputProblem(line: header.line, field: column, reason: "column missing from the header"))
    }
    var file = ACLEDFile(rows: [], malformed: [])
    for record in records.dropFirst() {
      guard record.fields.count == columns.count else {
        file.malformed.append(
          (record.line, "\(record.fields.count) field(s) where the header has \(columns.count)"))
        continue
      }
      var values: [String: String] = [:]
      for (column, value) in zip(columns, record.fields) where values[column] == nil {
        values[column] = value
      }
      file.rows.append(ACLEDRow(line: record.line, values: values))
    }
    if let unterminated {
      file.malformed.append((unterminated, "a quoted field never ends; the rest of the file is ignored"))
    }
    return .success(file)
  }
}

/// A problem at a line of an input file.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var field: String
  public var reason: String
  public init(line: Int, field: String, reason: String) {
    self.line = line
    self.field = field
    self.reason = reason
  }
  public var description: String { "\(line): \(field): \(reason)" }
}

/// Plans the journal events an ACLED row stands for: an alert on the nearest segment, or an update of it.
public struct ACLEDImport: Sendable {
  public var situation: Situation
  public var author: String
  public var withinKm: Double
  /// When the import runs: the time of update notes.
  public var now: Timestamp

  public init(situation: Situation, author: String, withinKm: Double = 25, now: Timestamp) {
    self.situation = situation
    self.author = author
    self.withinKm = withinKm
    self.now = now
  }

  /// The alert kind for an ACLED sub-event type (table in README); nil for one the codebook does not list.
  public static func kind(subEventType: String) -> AlertType? {
    switch subEventType.lowercased() {
    case "armed clash", "government regains territory", "non-state actor overtakes territory":
      return .armedClash
    case "shelling/artillery/missile attack", "air/drone strike", "grenade", "remote explosive/landmine/ied",
      "suicide bomb", "chemical weapon":
      return .shelling
    case "abduction/forced disappearance", "arrests": return .detention
    case "peaceful protest", "protest with intervention", "excessive force against protesters",
      "violent demonstration", "mob violence":
      return .blockade
    case "looting/property destruction": return .infrastructureDamage
    case "headquarters or base established", "change to group/activity", "non-violent transfer of territory":
      return .troopMovement
    case "attack", "sexual violence", "agreement", "disrupted weapons use", "other": return .other
    default: return nil
    }
  }

  /// The alert level for an ACLED event type and its fatalities (table in README); nil for an unknown type.
  public static func level(eventType: String, fatalities: Int) -> AlertLevel? {
    let base: [AlertLevel]
    switch eventType.lowercased() {
    case "battles", "explosions/remote violence": base = [.armedIncident, .armedIncident, .escalation]
    case "violence against civilians", "riots": base = [.tense, .armedIncident, .escalation]
    case "protests", "strategic developments": base = [.relativelyStable, .tense, .armedIncident]
    default: return nil
    }
    return base[fatalities >= 10 ? 2 : fatalities >= 1 ? 1 : 0]
  }

  /// The side for ACLED's country name, or nil outside the two.
  static func side(country: String) -> Side? {
    switch country.lowercased() {
    case "kyrgyzstan", "kyrgyz republic": return .kyrgyzstan
    case "tajikistan": return .tajikistan
    default: return nil
    }
  }

  /// The alert an ACLED event becomes: `ACLED-` and its `event_id_cnty`.
  public static func alertID(_ eventID: String) -> AlertID { AlertID("ACLED-" + eventID) }

  /// The tag kept in provenance and update notes, so a row is recognised: `ACLED KGZ1234 timestamp 1618000000`.
  static func tag(_ eventID: String, _ timestamp: Int64) -> String {
    "ACLED \(eventID) timestamp \(timestamp)"
  }

  /// Reads an ACLED event date: `2021-04-29`, or `29 April 2021` as older exports write it.
  static func date(_ text: String) -> Timestamp? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if case .success(let time) = RFC3339.parseDateOrTime(trimmed) {
      return Timestamp(epochSeconds: (time.epochSeconds / 86_400) * 86_400)
    }
    let parts = trimmed.split(separator: " ")
    let months = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ]
    guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
      let month = months.firstIndex(where: { $0.hasPrefix(parts[1].lowercased()) && parts[1].count >= 3 }),
      (1...CivilCalendar.daysInMonth(year: year, month: month + 1)).contains(day)
    else { return nil }
    return Timestamp(year: year, month: month + 1, day: day)
  }

  /// The newest ACLED timestamp already recorded for an alert (in its provenance or update notes).
  func recordedTimestamp(_ alert: Alert, eventID: String) -> Int64? {
    let marker = "ACLED \(eventID) timestamp "
    var texts = [alert.provenance.source?.title ?? ""]
    texts += situation.notes.filter { $0.target == alert.id.rawValue }.map(\.text)
    texts += alert.levelHistory.compactMap(\.reason)
    var newest: Int64?
    for text in texts {
      var rest = Substring(text)
      while let range = rest.range(of: marker) {
        rest = rest[range.upperBound...]
        if let value = Int64(rest.prefix(while: \.isNumber)) { newest = max(newest ?? value, value) }
      }
    }
    return newest
  }

  /// What one row does.
  public func plan(_ row: ACLEDRow) -> ImportOutcome {
    func refuse(_ field: String, _ reason: String) -> ImportOutcome { .refused(field: field, reason: reason) }
    let eventID = row.eventID.trimmingCharacters(in: .whitespaces)
    guard !eventID.isEmpty else { return refuse("event_id_cnty", "must not be empty") }
    guard let country = Self.side(country: row["country"]) else {
      return .skipped("outside Kyrgyzstan and Tajikistan")
    }
    guard let latitude = Double(row["latitude"].trimmingCharacters(in: .whitespaces)),
      let longitude = Double(row["longitude"].trimmingCharacters(in: .whitespaces)),
      Geography.isValid(latitude: latitude, longitude: longitude)
    else { return refuse("latitude", "'\(row["latitude"])', '\(row["longitude"])' is not a position") }
    guard let fatalities = Int(row["fatalities"].trimmingCharacters(in: .whitespaces)), fatalities >= 0 else {
      return refuse("fatalities", "'\(row["fatalities"])' is not a whole number ≥ 0")
    }
    guard let timestamp = Int64(row["timestamp"].trimmingCharacters(in: .whitespaces)), timestamp >= 0 else {
      return refuse("timestamp", "'\(row["timestamp"])' is not a Unix time")
    }
    guard let date = Self.date(row["event_date"]) else {
      return refuse("event_date", "'\(row["event_date"])' is not a date (2021-04-29 or 29 April 2021)")
    }
    guard let level = Self.level(eventType: row["event_type"], fatalities: fatalities) else {
      return refuse("event_type", "'\(row["event_type"])' is not an ACLED event type")
    }
    guard let kind = Self.kind(subEventType: row["sub_event_type"]) else {
      return refuse("sub_event_type", "'\(row["sub_event_type"])' is not an ACLED sub-event type")
    }
    let point = Coordinate(latitude: latitude, longitude: longitude)
    let id = Self.alertID(eventID)
    let tag = Self.tag(eventID, timestamp)
    let text = Self.text(row)

    if let alert = situation.alert(id) {
      let recorded = recordedTimestamp(alert, eventID: eventID) ?? -1
      guard timestamp > recorded else {
        return .unchanged("\(id) already imported (timestamp \(recorded))")
      }
      var events = [
        JournalEvent(
          at: now, by: author, provenance: provenance(row, tag: tag, date: date),
          payload: .noteAdded(
            target: id.rawValue, text: "ACLED revised the event (\(tag)): \(fatalities) fatalities. \(text)"))
      ]
      var summary = "updated \(id) (timestamp \(timestamp))"
      if alert.isOpen && alert.level != level {
        events.append(
          JournalEvent(
            at: now, by: author, provenance: provenance(row, tag: tag, date: date),
            payload: .alertLevelChanged(alert: id, level: level, reason: "ACLED revision (\(tag))")))
        summary += ": level \(alert.level.rawValue) → \(level.rawValue)"
      }
      return .append(events, summary: summary)
    }

    guard let nearest = Geography.nearestSegment(to: point, in: situation.segments, withinKm: withinKm) else {
      return .skipped("farther than \(CAPExport.number(withinKm)) km from every segment with coordinates")
    }
    var claims: [Side: CasualtyClaim] = [:]
    if fatalities > 0 { claims[country] = CasualtyClaim(killed: ClaimedFigure(fatalities)) }
    let report = AlertReport(
      id: id, segment: nearest.segment.id, level: level, type: kind, text: text, occurredAt: date,
      claims: claims, confidence: .probable)
    return .append(
      [
        JournalEvent(
          at: date, by: author, provenance: provenance(row, tag: tag, date: date),
          payload: .alertRaised(report))
      ],
      summary:
        "raised \(id) on \(nearest.segment.id) (\(CAPExport.number((nearest.distanceKm * 10).rounded() / 10)) km away) at level \(level.rawValue)"
    )
  }

  /// The alert's text: what, where, who, and ACLED's notes.
  static func text(_ row: ACLEDRow) -> String {
    var place = [row["location"], row["admin2"], row["admin1"], row["country"]].filter { !$0.isEmpty }.joined(
      separator: ", ")
    if place.isEmpty { place = "\(row["latitude"]), \(row["longitude"])" }
    var text = "\(row["sub_event_type"]) — \(place)"
    let actors = [row["actor1"], row["actor2"]].filter { !$0.isEmpty }
    if !actors.isEmpty { text += " (" + actors.joined(separator: " / ") + ")" }
    let notes = row["notes"].trimmingCharacters(in: .whitespacesAndNewlines)
    if !notes.isEmpty { text += ": " + notes }
    return text
  }

  /// Factual, with ACLED's ID and timestamp, the event date, and the sources ACLED names.
  func provenance(_ row: ACLEDRow, tag: String, date: Timestamp) -> Provenance {
    let sources = row["source"].trimmingCharacters(in: .whitespaces)
    let day = String(RFC3339.format(date).prefix(10))
    return .factual(
      SourceReference(
        outlet: sources.isEmpty ? "ACLED" : "ACLED, from \(sources)", title: "event \(tag)",
        url: "https://acleddata.com", date: day))
  }
}
