/// A border crossing point, named on the Kyrgyz side with its Tajik counterpart.
public struct Checkpoint: Sendable, Hashable, Identifiable {
  public var id: CheckpointID
  /// The Kyrgyz name.
  public var name: PlaceName
  /// The Tajik crossing opposite, when known.
  public var counterpart: PlaceName?
  /// The Kyrgyz district.
  public var district: PlaceName
  /// `international`, `bilateral` or similar.
  public var category: String?
  public var status: CheckpointStatus
  /// Since when the status holds.
  public var since: Timestamp?
  public var note: String?
  /// Where the crossing is, when known.
  public var location: Coordinate?
  public var provenance: Provenance
  public var lastEvent: EventStamp?

  public init(
    id: CheckpointID, name: PlaceName, counterpart: PlaceName? = nil, district: PlaceName,
    category: String? = nil, status: CheckpointStatus, since: Timestamp? = nil,
    note: String? = nil, location: Coordinate? = nil, provenance: Provenance, lastEvent: EventStamp? = nil
  ) {
    self.id = id
    self.name = name
    self.counterpart = counterpart
    self.district = district
    self.category = category
    self.status = status
    self.since = since
    self.note = note
    self.location = location
    self.provenance = provenance
    self.lastEvent = lastEvent
  }
}

/// A free-text note an operator or tool attached to a record or to the whole situation.
public struct Note: Sendable, Hashable {
  public var seq: UInt64
  public var at: Timestamp
  public var by: String
  /// The record's ID, or nil for the situation as a whole.
  public var target: String?
  public var text: String
  public var provenance: Provenance

  public init(seq: UInt64, at: Timestamp, by: String, target: String?, text: String, provenance: Provenance) {
    self.seq = seq
    self.at = at
    self.by = by
    self.target = target
    self.text = text
    self.provenance = provenance
  }
}
