import BorderModel

/// Figures the view needs every frame that change only with the data: computed once per change.
public struct DisplayCache: Sendable {
  /// Each segment's level counting its open alerts, by position west to east.
  public var effectiveLevels: [AlertLevel] = []
  /// Each segment's status, by position.
  public var statuses: [DemarcationStatus] = []
  /// Each segment's length, by position.
  public var lengths: [Double] = []
  /// Open alerts' highest level and whether one is unacknowledged, by segment.
  public var openBySegment: [SegmentID: (level: AlertLevel, unacknowledged: Bool)] = [:]
  /// Open alerts by level (index 0 is level 1), and how many nobody acknowledged.
  public var openByLevel: [Int] = [0, 0, 0, 0, 0]
  public var unacknowledged = 0
  /// The situation's figures (the next meeting as of `moment`).
  public var figures: SituationFigures?
  /// Meeting positions in the order the pane lists them: upcoming soonest first, then the past, latest first.
  public var meetingOrder: [Int] = []
  /// The moment the meeting order and the next meeting were reckoned for (a minute's start).
  public var moment = Timestamp(epochMilliseconds: 0)

  /// Computes the cache for a situation, with meetings ordered as of `moment`.
  public init(_ situation: Situation, moment: Timestamp) {
    let alerts = situation.alerts
    for index in alerts.indices where alerts[index].resolution == nil {
      let level = alerts[index].level
      let segment = alerts[index].report.segment
      let acknowledged = alerts[index].acknowledgement != nil
      openByLevel[level.rawValue - 1] += 1
      if !acknowledged { unacknowledged += 1 }
      let previous = openBySegment[segment]
      openBySegment[segment] = (
        max(previous?.level ?? .stable, level), (previous?.unacknowledged ?? false) || !acknowledged
      )
    }
    let segments = situation.segments
    effectiveLevels.reserveCapacity(segments.count)
    statuses.reserveCapacity(segments.count)
    lengths.reserveCapacity(segments.count)
    for index in segments.indices {
      let own = segments[index].alertLevel
      effectiveLevels.append(
        openBySegment.isEmpty ? own : max(own, openBySegment[segments[index].id]?.level ?? .stable))
      statuses.append(segments[index].status)
      lengths.append(segments[index].lengthKm)
    }
    figures = situation.figures(now: moment)
    orderMeetings(situation, moment: moment)
  }

  /// Orders the meetings as of `moment` (when the minute turns, what is upcoming changes).
  public mutating func orderMeetings(_ situation: Situation, moment: Timestamp) {
    self.moment = moment
    let meetings = situation.meetings
    var upcoming: [Int] = []
    var past: [Int] = []
    for index in meetings.indices {
      if meetings[index].isUpcoming(at: moment) { upcoming.append(index) } else { past.append(index) }
    }
    upcoming.sort {
      meetings[$0].start != meetings[$1].start
        ? meetings[$0].start < meetings[$1].start : meetings[$0].id < meetings[$1].id
    }
    past.sort {
      meetings[$0].end != meetings[$1].end
        ? meetings[$0].end > meetings[$1].end : meetings[$0].id > meetings[$1].id
    }
    meetingOrder = upcoming + past
    figures?.nextMeeting = upcoming.first.map { meetings[$0] }
  }

  public init() {}
}
