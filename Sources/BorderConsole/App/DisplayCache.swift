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

  /// Computes the cache for a situation.
  public init(_ situation: Situation) {
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
  }

  public init() {}
}
