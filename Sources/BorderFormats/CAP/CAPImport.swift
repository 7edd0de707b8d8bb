import BorderModel

/// What importing one message does: events to append, nothing (already there), or a refusal with its reason.
public enum ImportOutcome: Sendable, Equatable {
  /// Append these events; the text says what they do.
  case append([JournalEvent], summary: String)
  /// Nothing to do: the record already says this.
  case unchanged(String)
  /// Not imported, for this reason.
  case refused(field: String, reason: String)
  /// Out of scope (another country, far from the border): counted, not an error.
  case skipped(String)
}

/// Plans the journal events a CAP 1.2 message stands for: Alert → raised, Update → level or text, Cancel → resolved.
public struct CAPImport: Sendable {
  /// The situation the message is checked against.
  public var situation: Situation
  /// Who records the events (the operator running the import).
  public var author: String
  /// How far (km) an area's point may lie from a segment for the segment to be chosen.
  public var withinKm: Double

  public init(situation: Situation, author: String, withinKm: Double = 25) {
    self.situation = situation
    self.author = author
    self.withinKm = withinKm
  }

  /// CAP severity back to an alert level (table in README); `Unknown` reads as tense.
  public static func level(severity: String) -> AlertLevel {
    switch severity {
    case "Extreme": return .escalation
    case "Severe": return .armedIncident
    case "Minor": return .relativelyStable
    default: return .tense
    }
  }

  /// CAP certainty back to a confidence.
  public static func confidence(certainty: String) -> Confidence {
    switch certainty {
    case "Observed": return .confirmed
    case "Likely": return .probable
    default: return .unverified
    }
  }

  /// The alert ID a CAP identifier stands for: ours decoded, anyone else's prefixed with `CAP-`.
  public static func alertID(forIdentifier identifier: String) -> AlertID {
    if identifier.hasPrefix(CAPExport.identifierPrefix) {
      return AlertID(percentDecoded(String(identifier.dropFirst(CAPExport.identifierPrefix.count))))
    }
    return AlertID("CAP-" + identifier)
  }

  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The events one message stands for, against the situation as it stands.
  public func plan(_ message: CAPMessage) -> ImportOutcome {
    switch message.status {
    case .actual, .exercise: break
    default:
      return .refused(field: "status", reason: "\(message.status.rawValue) messages are not for action")
    }
    guard
      let info = message.info.first(where: { $0.language.lowercased().hasPrefix("en") }) ?? message.info.first
    else { return .refused(field: "info", reason: "the message has no <info>") }
    let tag = "CAP \(message.msgType.rawValue) \(message.identifier)"

    // Which alert.
    let id: AlertID
    let original: CAPMessage.Reference?
    switch message.msgType {
    case .ack, .error:
      return .refused(field: "msgType", reason: "\(message.msgType.rawValue) messages carry no alert")
    case .alert:
      id =
        info.parameter("bordermon:alert").map(AlertID.init) ?? Self.alertID(forIdentifier: message.identifier)
      original = nil
    case .update, .cancel:
      let known = message.references.first {
        situation.alert(Self.alertID(forIdentifier: $0.identifier)) != nil
      }
      guard let reference = known ?? message.references.first else {
        return .refused(
          field: "references", reason: "an \(message.msgType.rawValue) must reference the message it replaces"
        )
      }
      original = reference
      id =
        info.parameter("bordermon:alert").map(AlertID.init)
        ?? Self.alertID(forIdentifier: reference.identifier)
    }
    if id.rawValue.isEmpty { return .refused(field: "identifier", reason: "must not be empty") }

    // What it says.
    let level: AlertLevel
    if let text = info.parameter("bordermon:level") {
      guard let number = Int64(text), let parsed = AlertLevel(number: number) else {
        return .refused(field: "parameter bordermon:level", reason: "'\(text)' is not a level 1–5")
      }
      level = parsed
    } else {
      level = Self.level(severity: info.severity)
    }
    let text = info.description ?? info.headline ?? info.event

    if let alert = situation.alert(id) {
      return planChange(message, info: info, alert: alert, level: level, text: text, tag: tag)
    }

    // A new alert: raised, then brought to the state the message describes.
    let report: AlertReport
    switch self.report(message, info: info, id: id, level: level, text: text) {
    case .success(let value): report = value
    case .failure(let refusal): return .refused(field: refusal.field, reason: refusal.reason.description)
    }
    let provenance = self.provenance(message, info: info)
    let raisedAt = original?.sent ?? message.sent
    var events = [
      JournalEvent(
        at: min(raisedAt, message.sent), by: author, provenance: provenance, payload: .alertRaised(report))
    ]
    var summary = "raised \(id) on \(report.segment) at level \(report.level.rawValue)"
    if report.level != level {
      events.append(
        JournalEvent(
          at: message.sent, by: author, provenance: provenance,
          payload: .alertLevelChanged(alert: id, level: level, reason: reason(message.note, tag))))
      summary += ", level \(level.rawValue)"
    }
    if message.msgType == .cancel {
      events.append(
        JournalEvent(
          at: message.sent, by: author, provenance: provenance,
          payload: .alertResolved(alert: id, note: reason(message.note, tag))))
      summary += ", resolved"
    }
    return .append(events, summary: summary)
  }

  private func reason(_ note: String?, _ tag: String) -> String {
    guard let note, !note.isEmpty else { return tag }
    return "\(note) (\(tag))"
  }

  /// An Update or Cancel (or a repeated Alert) for an alert the situation already has.
  private func planChange(
    _ message: CAPMessage, info: CAPInfo, alert: Alert, level: AlertLevel, text: String, tag: String
  ) -> ImportOutcome {
    let id = alert.id
    let seen =
      alert.levelHistory.contains { $0.reason?.contains(tag) ?? false }
      || (alert.resolution?.note?.contains(tag) ?? false)
      || situation.notes.contains { $0.target == id.rawValue && $0.text.contains(tag) }
    if seen { return .unchanged("\(id): \(message.identifier) already imported") }
    let provenance = self.provenance(message, info: info)
    switch message.msgType {
    case .alert:
      return .unchanged("\(id) already raised")
    case .cancel:
      if let resolution = alert.resolution {
        return .unchanged("\(id) already resolved by \(resolution.by)")
      }
      return .append(
        [
          JournalEvent(
            at: message.sent, by: author, provenance: provenance,
            payload: .alertResolved(alert: id, note: reason(message.note, tag)))
        ], summary: "resolved \(id)")
    default:
      guard alert.isOpen else {
        return .refused(field: "msgType", reason: "\(id) is resolved; an Update cannot change it")
      }
      var events: [JournalEvent] = []
      var changes: [String] = []
      if alert.level != level {
        events.append(
          JournalEvent(
            at: message.sent, by: author, provenance: provenance,
            payload: .alertLevelChanged(alert: id, level: level, reason: reason(message.note, tag))))
        changes.append("level \(alert.level.rawValue) → \(level.rawValue)")
      }
      if text != alert.report.text {
        events.append(
          JournalEvent(
            at: message.sent, by: author, provenance: provenance,
            payload: .noteAdded(target: id.rawValue, text: "\(text) (\(tag))")))
        changes.append("new text as a note")
      }
      if events.isEmpty { return .unchanged("\(id) already says this") }
      return .append(events, summary: "updated \(id): " + changes.joined(separator: ", "))
    }
  }

  /// The provenance a message carries in its `bordermon:` parameters, else factual with the message's identifier (illustrative for an exercise).
  private func provenance(_ message: CAPMessage, info: CAPInfo) -> Provenance {
    if info.parameter("bordermon:provenance") != nil {
      var provenance = Provenance()
      if let outlet = info.parameter("bordermon:source"), !outlet.isEmpty {
        provenance.source = SourceReference(
          outlet: outlet, title: info.parameter("bordermon:source-title"),
          url: info.parameter("bordermon:source-url"),
          date: info.parameter("bordermon:source-date"))
      }
      if let illustrative = info.parameter("bordermon:illustrative") {
        provenance.isIllustrative = true
        provenance.note = illustrative == "true" ? nil : illustrative
      }
      if let approximate = info.parameter("bordermon:approximate") {
        provenance.approximate = approximate.split(separator: ",").map(String.init)
      }
      return provenance
    }
    if message.status == .exercise {
      return .illustrative(note: "CAP exercise \(message.identifier) from \(message.sender)")
    }
    return .factual(source: "CAP \(message.identifier) from \(message.sender)")
  }

  /// The report a new alert is raised with.
  private func report(_ message: CAPMessage, info: CAPInfo, id: AlertID, level: AlertLevel, text: String)
    -> Result<AlertReport, EventRejection>
  {
    let segment: SegmentID
    switch self.segment(info) {
    case .success(let found): segment = found
    case .failure(let refusal): return .failure(refusal)
    }
    var raisedLevel = level
    if let text = info.parameter("bordermon:raised-level"), let number = Int64(text),
      let parsed = AlertLevel(number: number)
    {
      raisedLevel = parsed
    }
    let kindText = info.parameter("bordermon:kind") ?? info.event
    let kind =
      AlertType(rawValue: kindText)
      ?? AlertType.allCases.first { $0.label.lowercased() == kindText.lowercased() } ?? .other
    let confidence =
      info.parameter("bordermon:confidence").flatMap(Confidence.init(rawValue:))
      ?? Self.confidence(certainty: info.certainty)
    var claims: [Side: CasualtyClaim] = [:]
    for parameter in info.parameters where parameter.name.hasPrefix("bordermon:claim:") {
      let parts = parameter.name.split(separator: ":")
      guard parts.count == 4, let side = Side(rawValue: String(parts[2])) else { continue }
      let bounds = parameter.value.split(separator: "-").compactMap { Int($0) }
      guard bounds.count == 1 || bounds.count == 2, bounds.allSatisfy({ $0 >= 0 }) else {
        return .failure(
          EventRejection(field: "parameter \(parameter.name)", reason: "'\(parameter.value)' is not N or N-M")
        )
      }
      let figure = ClaimedFigure(bounds[0], bounds.count == 2 ? bounds[1] : nil)
      var claim = claims[side] ?? CasualtyClaim()
      switch parts[3] {
      case "killed": claim.killed = figure
      case "injured": claim.injured = figure
      case "evacuated": claim.evacuated = figure
      default: continue
      }
      claims[side] = claim
    }
    return .success(
      AlertReport(
        id: id, segment: segment, level: raisedLevel, type: kind, text: text,
        reportingSide: info.parameter("bordermon:side").flatMap(Side.init(rawValue:)), occurredAt: info.onset,
        claims: claims, confidence: confidence))
  }

  /// The segment an info's areas name: by geocode, else the point nearest a segment.
  func segment(_ info: CAPInfo) -> Result<SegmentID, EventRejection> {
    let codes = info.areas.flatMap(\.geocodes).filter { $0.name == CAPExport.segmentGeocode }.map(\.value)
    if let known = codes.first(where: { situation.segment(SegmentID($0)) != nil }) {
      return .success(SegmentID(known))
    }
    var best: (segment: Segment, distanceKm: Double)?
    for point in info.areas.flatMap(\.points) {
      if let found = Geography.nearestSegment(to: point, in: situation.segments, withinKm: withinKm),
        best.map({ found.distanceKm < $0.distanceKm }) ?? true
      {
        best = found
      }
    }
    if let best { return .success(best.segment.id) }
    let points = info.areas.flatMap(\.points).count
    var reason = "no segment found: "
    if !codes.isEmpty {
      reason += "geocode \(CAPExport.segmentGeocode) names \(codes.joined(separator: ", ")), not a segment; "
    }
    reason +=
      points == 0
      ? "no area point (circle or polygon) to place it"
      : "none of its \(points) area point(s) lies within \(CAPExport.number(withinKm)) km of a segment with coordinates"
    return .failure(EventRejection(field: "area", reason: reason))
  }
}
