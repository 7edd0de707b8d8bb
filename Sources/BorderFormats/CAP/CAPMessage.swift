import BorderModel

/// One CAP 1.2 `<alert>` message, with the elements bordermon writes and reads.
public struct CAPMessage: Sendable, Hashable {
  /// The message's kind: a new alert, an update of one, or its cancellation.
  public enum MessageType: String, Sendable, Hashable, CaseIterable {
    case alert = "Alert"
    case update = "Update"
    case cancel = "Cancel"
    case ack = "Ack"
    case error = "Error"
  }

  /// The message's handling: real, an exercise, or not for action.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    case actual = "Actual"
    case exercise = "Exercise"
    case system = "System"
    case test = "Test"
    case draft = "Draft"
  }

  /// A reference to an earlier message: `sender,identifier,sent`.
  public struct Reference: Sendable, Hashable {
    public var sender: String
    public var identifier: String
    public var sent: Timestamp?
    public init(sender: String, identifier: String, sent: Timestamp?) {
      self.sender = sender
      self.identifier = identifier
      self.sent = sent
    }
  }

  public var identifier: String
  public var sender: String
  public var sent: Timestamp
  public var status: Status
  public var msgType: MessageType
  public var scope: String
  public var note: String?
  public var references: [Reference]
  public var info: [CAPInfo]

  public init(
    identifier: String, sender: String, sent: Timestamp, status: Status, msgType: MessageType,
    scope: String = "Public", note: String? = nil, references: [Reference] = [], info: [CAPInfo]
  ) {
    self.identifier = identifier
    self.sender = sender
    self.sent = sent
    self.status = status
    self.msgType = msgType
    self.scope = scope
    self.note = note
    self.references = references
    self.info = info
  }
}

/// A name–value pair, as in CAP's `<parameter>` and `<geocode>`.
public struct CAPValue: Sendable, Hashable {
  public var name: String
  public var value: String
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// A CAP `<info>` block: what happened, how urgent, severe and certain, and where.
public struct CAPInfo: Sendable, Hashable {
  public var language: String
  public var categories: [String]
  public var event: String
  public var responseTypes: [String]
  public var urgency: String
  public var severity: String
  public var certainty: String
  public var onset: Timestamp?
  public var senderName: String?
  public var headline: String?
  public var description: String?
  public var parameters: [CAPValue]
  public var areas: [CAPArea]

  public init(
    language: String = "en", categories: [String] = ["Security"], event: String, responseTypes: [String] = [],
    urgency: String, severity: String, certainty: String, onset: Timestamp? = nil, senderName: String? = nil,
    headline: String? = nil, description: String? = nil, parameters: [CAPValue] = [], areas: [CAPArea] = []
  ) {
    self.language = language
    self.categories = categories
    self.event = event
    self.responseTypes = responseTypes
    self.urgency = urgency
    self.severity = severity
    self.certainty = certainty
    self.onset = onset
    self.senderName = senderName
    self.headline = headline
    self.description = description
    self.parameters = parameters
    self.areas = areas
  }

  /// The first parameter with this name.
  public func parameter(_ name: String) -> String? {
    parameters.first { $0.name == name }?.value
  }
}

/// A CAP circle: a centre and a radius in kilometres.
public struct CAPCircle: Sendable, Hashable {
  public var centre: Coordinate
  public var radiusKm: Double
  public init(centre: Coordinate, radiusKm: Double) {
    self.centre = centre
    self.radiusKm = radiusKm
  }
}

/// A CAP `<area>`: a description and the shapes and codes that place it.
public struct CAPArea: Sendable, Hashable {
  public var areaDesc: String
  /// Closed rings of points, first equal to last.
  public var polygons: [[Coordinate]]
  public var circles: [CAPCircle]
  public var geocodes: [CAPValue]

  public init(
    areaDesc: String, polygons: [[Coordinate]] = [], circles: [CAPCircle] = [], geocodes: [CAPValue] = []
  ) {
    self.areaDesc = areaDesc
    self.polygons = polygons
    self.circles = circles
    self.geocodes = geocodes
  }

  /// Every point the area names: circle centres and polygon vertices.
  public var points: [Coordinate] {
    circles.map(\.centre) + polygons.flatMap { $0 }
  }
}
