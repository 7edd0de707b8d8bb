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

/// A public source a fact comes from: the outlet, the piece's title or address, and its date.
public struct SourceReference: Sendable, Hashable {
  /// The outlet or body that published it, e.g. `24.kg` or `Kyrgyz Cabinet via KGinform`.
  public var outlet: String
  /// The title of the piece, when known.
  public var title: String?
  /// The address of the piece, when known.
  public var url: String?
  /// The publication date as the source gives it (`2023-10-09`, or `Oct 2023` when only the month is known).
  public var date: String?

  public init(outlet: String, title: String? = nil, url: String? = nil, date: String? = nil) {
    self.outlet = outlet
    self.title = title
    self.url = url
    self.date = date
  }

  /// One line: outlet, date, then the title or the address.
  public var citation: String {
    var parts = [outlet]
    if let date, !date.isEmpty { parts.append(date) }
    if let title, !title.isEmpty {
      parts.append("“\(title)”")
    } else if let url, !url.isEmpty {
      parts.append(url)
    }
    return parts.joined(separator: ", ")
  }
}

/// Where a record's facts come from: a public source, invention (illustrative), or an operator's report.
///
/// A record may be both sourced and illustrative: the fact is public, some of its details are
/// not; `approximate` then names the fields that are approximate or invented (e.g. `at`, `agenda`).
public struct Provenance: Sendable, Hashable {
  /// The public source of the facts, if any.
  public var source: SourceReference?
  /// Whether anything in the record is invented (for the sample or a test).
  public var isIllustrative: Bool
  /// What is invented, in words.
  public var note: String?
  /// The fields whose values are approximate or invented although the record is sourced.
  public var approximate: [String]

  public init(
    source: SourceReference? = nil, isIllustrative: Bool = false, note: String? = nil,
    approximate: [String] = []
  ) {
    self.source = source
    self.isIllustrative = isIllustrative
    self.note = note
    self.approximate = approximate
  }

  /// Reported in public sources, named by `source` in words.
  public static func factual(source: String) -> Provenance {
    Provenance(source: SourceReference(outlet: source))
  }

  /// Reported in `source`; the fields in `approximate` are approximate or invented.
  public static func factual(_ source: SourceReference, approximate: [String] = []) -> Provenance {
    Provenance(source: source, isIllustrative: !approximate.isEmpty, approximate: approximate)
  }

  /// Invented for the sample or a test, with an optional explanation.
  public static func illustrative(note: String?) -> Provenance {
    Provenance(isIllustrative: true, note: note)
  }

  /// Entered by an operator or a feed; the event's author says who.
  public static let reported = Provenance()

  /// Whether a public source is named.
  public var isSourced: Bool { source.map { !$0.outlet.isEmpty } ?? false }

  /// Whether this is an operator's or feed's report: neither sourced nor illustrative.
  public var isReported: Bool { !isSourced && !isIllustrative }

  /// Whether the record is sourced but some of its details are approximate or invented.
  public var isPartlyIllustrative: Bool { isSourced && (isIllustrative || !approximate.isEmpty) }

  /// A short label: `factual`, `partly illustrative`, `illustrative` or `reported`.
  public var label: String {
    if isSourced { return isPartlyIllustrative ? "partly illustrative" : "factual" }
    return isIllustrative ? "illustrative" : "reported"
  }

  /// A line for a detail pane.
  public var summary: String {
    var text: String
    if let source, isSourced {
      text = "factual — \(source.citation)"
      if !approximate.isEmpty {
        text += "; approximate: \(approximate.joined(separator: ", "))"
      } else if isIllustrative {
        text += "; partly illustrative"
      }
      if let note, !note.isEmpty { text += " — \(note)" }
    } else if isIllustrative {
      text = note.map { "illustrative — \($0)" } ?? "illustrative"
    } else {
      text = "reported by an operator or feed"
    }
    return text
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
