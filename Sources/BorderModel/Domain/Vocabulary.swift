/// A word of the domain vocabulary that has a fixed spelling in files and a label for people.
public protocol DomainTerm: RawRepresentable, CaseIterable, Sendable, Hashable
where RawValue == String {
  /// How the term reads on screen, e.g. `under negotiation`.
  var label: String { get }
}

extension DomainTerm {
  /// The term written as in files or as the console labels it, in any case
  /// (`under-negotiation`, `under negotiation`, `Negotiating`): the one parser of the vocabulary.
  public init?(spelling text: String) {
    let wanted = Vocabulary.folded(text)
    guard
      let term = Self.allCases.first(where: {
        Vocabulary.folded($0.rawValue) == wanted || Vocabulary.folded($0.label) == wanted
          || ($0 as? any ShortLabelled).map { Vocabulary.folded($0.shortLabel) == wanted } == true
      })
    else { return nil }
    self = term
  }

  /// The accepted spellings, for error messages: `a, b or c`.
  public static var spellings: String {
    let all = allCases.map(\.rawValue)
    guard all.count > 1 else { return all.first ?? "" }
    return all.dropLast().joined(separator: ", ") + " or " + (all.last ?? "")
  }
}

/// Helpers for reading vocabulary words as people type them.
enum Vocabulary {
  /// Lower-cased, with spaces and underscores read as hyphens and the ends trimmed.
  static func folded(_ text: String) -> String {
    var result = ""
    for character in text.lowercased() {
      result.append(character == " " || character == "_" ? "-" : character)
    }
    while result.hasPrefix("-") { result.removeFirst() }
    while result.hasSuffix("-") { result.removeLast() }
    return result
  }
}

/// A term with a short label for narrow columns, also accepted as a spelling.
public protocol ShortLabelled {
  /// The short label, e.g. `negotiating`.
  var shortLabel: String { get }
}

/// One of the two states on the border.
public enum Side: String, DomainTerm, Comparable {
  case kyrgyzstan = "KG"
  case tajikistan = "TJ"

  public var label: String { self == .kyrgyzstan ? "Kyrgyzstan" : "Tajikistan" }
  /// The capital whose clock the console shows for this side.
  public var capitalZone: DisplayZone { self == .kyrgyzstan ? .bishkek : .dushanbe }
  public static func < (lhs: Side, rhs: Side) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A stretch of the border, west to east.
public enum Sector: String, DomainTerm, ShortLabelled, Comparable {
  case isfaraVorukh = "isfara-vorukh"
  case batken = "batken"
  case leilek = "leilek"
  case turkestan = "turkestan"
  case chonAlai = "chon-alai"
  case transAlay = "trans-alay"

  public var label: String {
    switch self {
    case .isfaraVorukh: return "Isfara valley & Vorukh"
    case .batken: return "Batken"
    case .leilek: return "Leilek lowlands"
    case .turkestan: return "Turkestan ridge"
    case .chonAlai: return "Chon-Alai / Lakhsh"
    case .transAlay: return "Trans-Alay / Murghob"
    }
  }

  /// A short label for narrow columns.
  public var shortLabel: String {
    switch self {
    case .isfaraVorukh: return "Isfara"
    case .batken: return "Batken"
    case .leilek: return "Leilek"
    case .turkestan: return "Turkestan"
    case .chonAlai: return "Chon-Alai"
    case .transAlay: return "Trans-Alay"
    }
  }

  /// Position west to east, from 0.
  public var order: Int { Sector.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: Sector, rhs: Sector) -> Bool { lhs.order < rhs.order }
}

/// Where a segment stands on the way from dispute to a marked line on the ground.
public enum DemarcationStatus: String, DomainTerm, ShortLabelled, Comparable {
  case disputed = "disputed"
  case underNegotiation = "under-negotiation"
  case described = "described"
  case delimited = "delimited"
  case demarcationInProgress = "demarcation-in-progress"
  case demarcated = "demarcated"

  public var label: String {
    switch self {
    case .disputed: return "disputed"
    case .underNegotiation: return "under negotiation"
    case .described: return "described/agreed"
    case .delimited: return "delimited"
    case .demarcationInProgress: return "demarcating"
    case .demarcated: return "demarcated"
    }
  }

  /// A short label for narrow columns.
  public var shortLabel: String {
    switch self {
    case .disputed: return "disputed"
    case .underNegotiation: return "negotiating"
    case .described: return "agreed"
    case .delimited: return "delimited"
    case .demarcationInProgress: return "demarcating"
    case .demarcated: return "demarcated"
    }
  }

  /// Whether the line here has been agreed by both delegations (described or further).
  public var isAgreed: Bool { self >= .described }

  /// Position on the ladder, from 0 (disputed).
  public var rank: Int { DemarcationStatus.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: DemarcationStatus, rhs: DemarcationStatus) -> Bool {
    lhs.rank < rhs.rank
  }
}

/// How tense a place is, on the five-level scale built from the official wording.
public enum AlertLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
  case stable = 1
  case relativelyStable = 2
  case tense = 3
  case armedIncident = 4
  case escalation = 5

  /// The word for the level.
  public var label: String {
    switch self {
    case .stable: return "stable"
    case .relativelyStable: return "relatively stable"
    case .tense: return "tense"
    case .armedIncident: return "armed incident"
    case .escalation: return "escalation"
    }
  }

  /// A short word for narrow columns.
  public var shortLabel: String {
    switch self {
    case .stable: return "stable"
    case .relativelyStable: return "rel.stable"
    case .tense: return "tense"
    case .armedIncident: return "armed"
    case .escalation: return "escalation"
    }
  }

  /// Whether a new alert at this level must be announced loudly.
  public var isUrgent: Bool { self >= .armedIncident }

  /// Reads a level as the console shows it: its number, its word or both (`3`, `tense`, `3 tense`).
  public init?(spelling text: String) {
    let wanted = Vocabulary.folded(text)
    guard
      let level = AlertLevel.allCases.first(where: { level in
        let number = String(level.rawValue)
        return [
          number, level.label, level.shortLabel, number + " " + level.label, number + " " + level.shortLabel,
        ]
        .contains { Vocabulary.folded($0) == wanted }
      })
    else { return nil }
    self = level
  }

  /// Reads a level from its number, or nil outside 1–5.
  public init?(number: Int64) {
    guard let level = AlertLevel(rawValue: Int(clamping: number)) else { return nil }
    self = level
  }

  public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What kind of incident an alert reports.
public enum AlertType: String, DomainTerm {
  case armedClash = "armed-clash"
  case shelling = "shelling"
  case blockade = "blockade"
  case detention = "detention"
  case infrastructureDamage = "infrastructure-damage"
  case troopMovement = "troop-movement"
  case other = "other"

  public var label: String {
    switch self {
    case .armedClash: return "armed clash"
    case .shelling: return "shelling"
    case .blockade: return "blockade/protest"
    case .detention: return "detention"
    case .infrastructureDamage: return "infrastructure damage"
    case .troopMovement: return "troop movement"
    case .other: return "other"
    }
  }
}

/// How far a report has been corroborated.
public enum Confidence: String, DomainTerm {
  case confirmed = "confirmed"
  case probable = "probable"
  case unverified = "unverified"

  public var label: String { rawValue }
}

/// Which body meets.
public enum MeetingKind: String, DomainTerm, ShortLabelled {
  case coChairs = "co-chairs"
  case topographicGroup = "topographic-wg"
  case legalGroup = "legal-wg"
  case governors = "governors"
  case borderServices = "border-services"

  public var label: String {
    switch self {
    case .coChairs: return "co-chairs of the government delegations"
    case .topographicGroup: return "topographic working group"
    case .legalGroup: return "legal working group"
    case .governors: return "regional governors"
    case .borderServices: return "border services"
    }
  }

  /// A short label for narrow columns.
  public var shortLabel: String {
    switch self {
    case .coChairs: return "co-chairs"
    case .topographicGroup: return "topo WG"
    case .legalGroup: return "legal WG"
    case .governors: return "governors"
    case .borderServices: return "border svc"
    }
  }
}

/// Where a meeting stands.
public enum MeetingStatus: String, DomainTerm, ShortLabelled {
  case scheduled = "scheduled"
  case inSession = "in-session"
  case held = "held"
  case postponed = "postponed"
  case cancelled = "cancelled"

  public var label: String { self == .inSession ? "in session" : rawValue }

  /// A short label for narrow columns.
  public var shortLabel: String {
    switch self {
    case .scheduled: return "sched."
    case .inSession: return "in sess."
    case .held: return "held"
    case .postponed: return "postp."
    case .cancelled: return "cancel."
    }
  }

  /// Whether the meeting is over, one way or another.
  public var isClosed: Bool { self == .held || self == .cancelled }
}

/// Whether a crossing point lets people and goods through.
public enum CheckpointStatus: String, DomainTerm {
  case open = "open"
  case closed = "closed"
  case restricted = "restricted"

  public var label: String { rawValue }
}

/// Something on a segment that makes it matter.
public enum SegmentFeature: String, DomainTerm {
  case water = "water"
  case enclave = "enclave"
  case checkpoint = "checkpoint"
  case road = "road"

  public var label: String {
    switch self {
    case .water: return "water infrastructure"
    case .enclave: return "enclave"
    case .checkpoint: return "checkpoint"
    case .road: return "road"
    }
  }
}
