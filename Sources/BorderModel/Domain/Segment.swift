/// An administrative district on one side of the line.
public struct District: Sendable, Hashable {
  /// The district's name.
  public var name: PlaceName
  /// The region (oblast) it belongs to, when given.
  public var region: PlaceName?
  public init(_ name: PlaceName, region: PlaceName? = nil) {
    self.name = name
    self.region = region
  }
}

/// A settlement near a segment, on one side.
public struct Settlement: Sendable, Hashable {
  public var name: PlaceName
  public var side: Side
  public init(_ name: PlaceName, side: Side) {
    self.name = name
    self.side = side
  }
}

/// One step in a segment's demarcation history.
public struct StatusChange: Sendable, Hashable {
  public var status: DemarcationStatus
  public var at: Timestamp
  public var note: String?
  public var provenance: Provenance
  public init(status: DemarcationStatus, at: Timestamp, note: String?, provenance: Provenance) {
    self.status = status
    self.at = at
    self.note = note
    self.provenance = provenance
  }
}

/// A stretch of the border line with its demarcation status and alert level.
public struct Segment: Sendable, Hashable, Identifiable {
  public var id: SegmentID
  /// The real border-point range, e.g. `PT 12/2–12/9`, where one is known.
  public var borderPoints: String?
  public var name: PlaceName
  public var sector: Sector
  /// The Kyrgyz district the segment runs along.
  public var kyrgyzDistrict: District
  /// The Tajik district the segment runs along.
  public var tajikDistrict: District
  public var lengthKm: Double
  public var westEnd: Coordinate?
  public var eastEnd: Coordinate?
  public var settlements: [Settlement]
  public var features: [SegmentFeature]
  public var status: DemarcationStatus
  /// Status changes, oldest first: at least the newest `historyLimit` are kept.
  public var statusHistory: [StatusChange]
  public var alertLevel: AlertLevel
  public var alertReason: String
  /// When the alert level was last set.
  public var alertLevelSince: Timestamp?
  public var provenance: Provenance
  /// The event that last changed this segment.
  public var lastEvent: EventStamp?

  /// How many status changes a segment keeps.
  public static let historyLimit = 32

  public init(
    id: SegmentID, borderPoints: String? = nil, name: PlaceName, sector: Sector,
    kyrgyzDistrict: District, tajikDistrict: District, lengthKm: Double,
    westEnd: Coordinate? = nil, eastEnd: Coordinate? = nil, settlements: [Settlement] = [],
    features: [SegmentFeature] = [], status: DemarcationStatus,
    statusHistory: [StatusChange] = [], alertLevel: AlertLevel = .stable,
    alertReason: String = "", alertLevelSince: Timestamp? = nil,
    provenance: Provenance, lastEvent: EventStamp? = nil
  ) {
    self.id = id
    self.borderPoints = borderPoints
    self.name = name
    self.sector = sector
    self.kyrgyzDistrict = kyrgyzDistrict
    self.tajikDistrict = tajikDistrict
    self.lengthKm = lengthKm
    self.westEnd = westEnd
    self.eastEnd = eastEnd
    self.settlements = settlements
    self.features = features
    self.status = status
    self.statusHistory = statusHistory
    self.alertLevel = alertLevel
    self.alertReason = alertReason
    self.alertLevelSince = alertLevelSince
    self.provenance = provenance
    self.lastEvent = lastEvent
  }

  /// The district on one side.
  public func district(on side: Side) -> District {
    side == .kyrgyzstan ? kyrgyzDistrict : tajikDistrict
  }

  /// Whether the segment's ID, name, districts or settlements contain `query` (any case, either script).
  public func matches(query: String) -> Bool {
    let needle = query.lowercased()
    if needle.isEmpty { return true }
    if id.rawValue.lowercased().contains(needle) { return true }
    if name.matches(needle) { return true }
    if let borderPoints, borderPoints.lowercased().contains(needle) { return true }
    if kyrgyzDistrict.name.matches(needle) || tajikDistrict.name.matches(needle) { return true }
    return settlements.contains { $0.name.matches(needle) }
  }
}
