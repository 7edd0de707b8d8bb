/// A figure as claimed, exact (`low == high`) or a range such as 154–189.
public struct ClaimedFigure: Sendable, Hashable, CustomStringConvertible {
  public var low: Int
  public var high: Int
  public init(_ low: Int, _ high: Int? = nil) {
    self.low = low
    self.high = high ?? low
  }
  public var description: String { low == high ? "\(low)" : "\(low)–\(high)" }

  /// The figure for people, thousands grouped: `136,000–140,000`.
  public var grouped: String {
    func group(_ value: Int) -> String {
      var digits = String(value)
      var index = digits.count - 3
      while index > 0 {
        digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
        index -= 3
      }
      return digits
    }
    return low == high ? group(low) : "\(group(low))–\(group(high))"
  }
}

/// Casualties and evacuations as one side claims them.
public struct CasualtyClaim: Sendable, Hashable {
  public var killed: ClaimedFigure?
  public var injured: ClaimedFigure?
  public var evacuated: ClaimedFigure?
  public init(
    killed: ClaimedFigure? = nil, injured: ClaimedFigure? = nil, evacuated: ClaimedFigure? = nil
  ) {
    self.killed = killed
    self.injured = injured
    self.evacuated = evacuated
  }

  /// Whether no figure is given.
  public var isEmpty: Bool { killed == nil && injured == nil && evacuated == nil }

  /// `36 killed, 154–189 injured, 10000–40000 evacuated`.
  public var summary: String {
    var parts: [String] = []
    if let killed { parts.append("\(killed.grouped) killed") }
    if let injured { parts.append("\(injured.grouped) injured") }
    if let evacuated { parts.append("\(evacuated.grouped) evacuated") }
    return parts.isEmpty ? "no figures" : parts.joined(separator: ", ")
  }
}

/// Who acknowledged or resolved an alert, when, and what they said.
public struct OperatorMark: Sendable, Hashable {
  /// Who the journal line claims did it.
  public var by: String
  public var at: Timestamp
  public var note: String?
  /// The user ID that wrote the journal line (checked); nil for lines without one.
  public var uid: UInt32?
  public init(by: String, at: Timestamp, note: String? = nil) {
    self.by = by
    self.at = at
    self.note = note
  }
}

/// One change of an alert's level.
public struct LevelChange: Sendable, Hashable {
  public var level: AlertLevel
  public var at: Timestamp
  public var by: String
  public var reason: String?

  public init(level: AlertLevel, at: Timestamp, by: String, reason: String?) {
    self.level = level
    self.at = at
    self.by = by
    self.reason = reason
  }
}

/// What a report says when an alert is raised.
public struct AlertReport: Sendable, Hashable {
  public var id: AlertID
  public var segment: SegmentID
  public var level: AlertLevel
  public var type: AlertType
  public var text: String
  /// The side whose officials or media reported it.
  public var reportingSide: Side?
  /// When the incident happened, if it differs from when it was recorded.
  public var occurredAt: Timestamp?
  /// Claims by each side, keyed by side.
  public var claims: [Side: CasualtyClaim]
  public var confidence: Confidence

  public init(
    id: AlertID, segment: SegmentID, level: AlertLevel, type: AlertType, text: String,
    reportingSide: Side? = nil, occurredAt: Timestamp? = nil, claims: [Side: CasualtyClaim] = [:],
    confidence: Confidence = .unverified
  ) {
    self.id = id
    self.segment = segment
    self.level = level
    self.type = type
    self.text = text
    self.reportingSide = reportingSide
    self.occurredAt = occurredAt
    self.claims = claims
    self.confidence = confidence
  }
}

/// An incident report on a segment, as the situation knows it now.
public struct Alert: Sendable, Hashable, Identifiable {
  public var report: AlertReport
  /// When the report was recorded.
  public var raisedAt: Timestamp
  /// Who the raising line claims raised it.
  public var raisedBy: String
  /// The user ID that wrote the raising line (checked); nil for lines without one.
  public var raisedByUID: UInt32?
  public var level: AlertLevel
  /// Level changes, oldest first: at least the newest `Segment.historyLimit` are kept.
  public var levelHistory: [LevelChange]
  public var acknowledgement: OperatorMark?
  public var resolution: OperatorMark?
  public var provenance: Provenance
  public var lastEvent: EventStamp

  public init(
    report: AlertReport, raisedAt: Timestamp, raisedBy: String, provenance: Provenance,
    stamp: EventStamp
  ) {
    self.report = report
    self.raisedAt = raisedAt
    self.raisedBy = raisedBy
    self.level = report.level
    self.levelHistory = []
    self.acknowledgement = nil
    self.resolution = nil
    self.provenance = provenance
    self.lastEvent = stamp
  }

  public var id: AlertID { report.id }
  public var segment: SegmentID { report.segment }
  /// When the incident happened: the report's own time, else when it was recorded.
  public var occurredAt: Timestamp { report.occurredAt ?? raisedAt }
  /// Whether the alert is still open.
  public var isOpen: Bool { resolution == nil }
  /// Whether the alert is open and nobody has acknowledged it.
  public var needsAcknowledgement: Bool { resolution == nil && acknowledgement == nil }
}
