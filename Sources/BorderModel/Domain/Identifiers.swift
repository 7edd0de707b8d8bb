/// A stable identifier of a record, as written in files and typed by operators.
public protocol RecordIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The identifier as written, e.g. `A-03`.
  var rawValue: String { get }
  /// Wraps an identifier as written.
  init(_ rawValue: String)
}

extension RecordIdentifier {
  public init(stringLiteral value: String) { self.init(value) }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Identifies a border segment, e.g. `A-03`.
public struct SegmentID: RecordIdentifier {
  public var rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a meeting, e.g. `M-2023-10-BATKEN`.
public struct MeetingID: RecordIdentifier {
  public var rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an alert, e.g. `AL-2021-04-GOLOVNOY`.
public struct AlertID: RecordIdentifier {
  public var rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a checkpoint, e.g. `kyzyl-bel`.
public struct CheckpointID: RecordIdentifier {
  public var rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A place name in Latin script with its Cyrillic form where known.
public struct PlaceName: Sendable, Hashable {
  /// The Latin transliteration, always present.
  public var latin: String
  /// The Cyrillic spelling, when known.
  public var cyrillic: String?

  /// Creates a place name.
  public init(_ latin: String, cyrillic: String? = nil) {
    self.latin = latin
    self.cyrillic = cyrillic
  }

  /// `Latin (Кириллица)`, or the Latin form alone.
  public var bothScripts: String {
    guard let cyrillic, !cyrillic.isEmpty, cyrillic != latin else { return latin }
    return "\(latin) (\(cyrillic))"
  }

  /// Whether either script contains `needle`, ignoring case.
  public func matches(_ needle: String) -> Bool {
    latin.lowercased().contains(needle) || (cyrillic?.lowercased().contains(needle) ?? false)
  }
}

/// Where a record's facts come from.
public enum Provenance: Sendable, Hashable {
  /// Reported in public sources; `source` names them.
  case factual(source: String)
  /// Invented for the sample or a test, with an optional explanation.
  case illustrative(note: String?)
  /// Entered by an operator or a feed; the event's author says who.
  case reported

  /// A short label: `factual`, `illustrative` or `reported`.
  public var label: String {
    switch self {
    case .factual: return "factual"
    case .illustrative: return "illustrative"
    case .reported: return "reported"
    }
  }

  /// A line for a detail pane.
  public var summary: String {
    switch self {
    case .factual(let source): return "factual — \(source)"
    case .illustrative(let note): return note.map { "illustrative — \($0)" } ?? "illustrative"
    case .reported: return "reported by an operator or feed"
    }
  }
}

/// A point on the map in decimal degrees.
public struct Coordinate: Sendable, Hashable {
  public var latitude: Double
  public var longitude: Double
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }
}

/// The journal position and time of the event that last touched a record.
public struct EventStamp: Sendable, Hashable {
  public var seq: UInt64
  public var at: Timestamp
  public init(seq: UInt64, at: Timestamp) {
    self.seq = seq
    self.at = at
  }
}
