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
    // Sums by index into fixed arrays: no copy of a segment, no hashing per segment.
    var kmByRank = [Double](repeating: 0, count: DemarcationStatus.allCases.count)
    var countByRank = [Int](repeating: 0, count: DemarcationStatus.allCases.count)
    var highestByOrder = [AlertLevel](repeating: .stable, count: Sector.allCases.count)
    var seenSector = [Bool](repeating: false, count: Sector.allCases.count)
    for index in segments.indices {
      let length = segments[index].lengthKm
      let rank = segments[index].status.rank
      total += length
      kmByRank[rank] += length
      countByRank[rank] += 1
      if rank >= DemarcationStatus.described.rank { agreed += length }
      let order = segments[index].sector.order
      seenSector[order] = true
      highestByOrder[order] = max(highestByOrder[order], segments[index].alertLevel)
    }
    for status in DemarcationStatus.allCases {
      kmByStatus[status] = kmByRank[status.rank]
      segmentsByStatus[status] = countByRank[status.rank]
    }
    for sector in Sector.allCases where seenSector[sector.order] {
      highest[sector] = highestByOrder[sector.order]
    }
    var open = Dictionary(uniqueKeysWithValues: AlertLevel.allCases.map { ($0, 0) })
    var unacknowledged = open
    for index in alerts.indices where alerts[index].resolution == nil {
      let level = alerts[index].level
      open[level, default: 0] += 1
      if alerts[index].acknowledgement == nil { unacknowledged[level, default: 0] += 1 }
      if let position = segmentPosition(alerts[index].report.segment) {
        let sector = segments[position].sector
        highest[sector] = max(highest[sector] ?? .stable, level)
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
    for index in alerts.indices
    where alerts[index].resolution == nil && alerts[index].report.segment == segment.id {
      level = max(level, alerts[index].level)
    }
    return level
  }

  /// Alerts on a segment, newest first, at most `limit` of them.
  public func alerts(on segment: SegmentID, limit: Int = .max) -> [Alert] {
    var found: [Alert] = []
    var index = alerts.count - 1
    while index >= 0 && found.count < limit {
      if alerts[index].report.segment == segment { found.append(alerts[index]) }
      index -= 1
    }
    return found
  }
}
