/// The figures an operator reads at a glance, derived from a situation at a moment.
public struct SituationFigures: Sendable, Equatable {
  public var totalKm: Double
  /// Kilometres described/agreed or further along.
  public var agreedKm: Double
  /// Kilometres by status, every status present (zero when none).
  public var kmByStatus: [DemarcationStatus: Double]
  public var segmentsByStatus: [DemarcationStatus: Int]
  /// Open (unresolved) alerts by level, every level present.
  public var openAlertsByLevel: [AlertLevel: Int]
  /// Open alerts nobody has acknowledged, by level, every level present.
  public var unacknowledgedByLevel: [AlertLevel: Int]
  /// The highest level on each sector: the segments' own levels and their open alerts.
  public var highestLevelBySector: [Sector: AlertLevel]
  /// The next meeting still to start or in session.
  public var nextMeeting: Meeting?

  /// Agreed share of the total, 0–1.
  public var agreedShare: Double { totalKm > 0 ? agreedKm / totalKm : 0 }
  /// Number of open alerts nobody has acknowledged.
  public var unacknowledgedAlerts: Int { unacknowledgedByLevel.values.reduce(0, +) }
  /// Number of open alerts.
  public var openAlerts: Int { openAlertsByLevel.values.reduce(0, +) }
}

extension Situation {
  /// The derived figures at `now` (which decides the next meeting).
  public func figures(now: Timestamp) -> SituationFigures {
    var kmByStatus = Dictionary(uniqueKeysWithValues: DemarcationStatus.allCases.map { ($0, 0.0) })
    var segmentsByStatus = Dictionary(uniqueKeysWithValues: DemarcationStatus.allCases.map { ($0, 0) })
    var total = 0.0
    var agreed = 0.0
    var highest: [Sector: AlertLevel] = [:]
    for segment in segments {
      total += segment.lengthKm
      kmByStatus[segment.status, default: 0] += segment.lengthKm
      segmentsByStatus[segment.status, default: 0] += 1
      if segment.status.isAgreed { agreed += segment.lengthKm }
      highest[segment.sector] = max(highest[segment.sector] ?? .stable, segment.alertLevel)
    }
    var open = Dictionary(uniqueKeysWithValues: AlertLevel.allCases.map { ($0, 0) })
    var unacknowledged = open
    for alert in alerts where alert.isOpen {
      open[alert.level, default: 0] += 1
      if alert.acknowledgement == nil { unacknowledged[alert.level, default: 0] += 1 }
      if let sector = segment(alert.segment)?.sector {
        highest[sector] = max(highest[sector] ?? .stable, alert.level)
      }
    }
    return SituationFigures(
      totalKm: total, agreedKm: agreed, kmByStatus: kmByStatus, segmentsByStatus: segmentsByStatus,
      openAlertsByLevel: open, unacknowledgedByLevel: unacknowledged,
      highestLevelBySector: highest, nextMeeting: nextMeeting(after: now))
  }

  /// The meeting an operator is waiting for: in session now, else the soonest to start.
  public func nextMeeting(after now: Timestamp) -> Meeting? {
    upcomingMeetings(after: now).first
  }

  /// Meetings not closed whose end is after `now`, soonest first.
  public func upcomingMeetings(after now: Timestamp) -> [Meeting] {
    meetings.filter { $0.isUpcoming(at: now) }.sorted {
      $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id
    }
  }

  /// Meetings that are over (held, cancelled, or past their end), most recent first.
  public func recentMeetings(before now: Timestamp) -> [Meeting] {
    meetings.filter { !$0.isUpcoming(at: now) }.sorted {
      $0.end != $1.end ? $0.end > $1.end : $0.id > $1.id
    }
  }

  /// The highest level on a segment: its own and its open alerts'.
  public func effectiveLevel(of segment: Segment) -> AlertLevel {
    var level = segment.alertLevel
    for alert in alerts where alert.isOpen && alert.segment == segment.id {
      level = max(level, alert.level)
    }
    return level
  }

  /// Alerts on a segment, newest first.
  public func alerts(on segment: SegmentID) -> [Alert] {
    alerts.filter { $0.segment == segment }.reversed()
  }
}
