import BorderModel

/// Which alerts the feed lists, in the order `v` cycles them.
public enum FeedView: Sendable, Hashable {
  /// Every alert, resolved ones too.
  case all
  /// Alerts not yet resolved.
  case open
  /// Open alerts nobody has acknowledged.
  case unacknowledged
  /// Open alerts at or above a level (the bell level unless chosen).
  case atLeast(AlertLevel)

  /// Whether an alert belongs in this view.
  public func includes(_ alert: Alert) -> Bool {
    switch self {
    case .all: return true
    case .open: return alert.isOpen
    case .unacknowledged: return alert.needsAcknowledgement
    case .atLeast(let level): return alert.isOpen && alert.level >= level
    }
  }

  /// The view after this one; `bellLevel` is the level of the `≥ N` view.
  public func next(bellLevel: AlertLevel) -> FeedView {
    switch self {
    case .all: return .open
    case .open: return .unacknowledged
    case .unacknowledged: return .atLeast(bellLevel)
    case .atLeast: return .all
    }
  }

  /// How the pane title names the view, e.g. `level ≥ 4`.
  public var label: String { label(.english) }

  /// How the pane title names the view, in a language.
  public func label(_ l10n: Localizer) -> String {
    switch self {
    case .all: return l10n.tr("all", context: "feed view")
    case .open: return l10n.tr("open", context: "feed view")
    case .unacknowledged: return l10n.tr("unacknowledged", context: "feed view")
    case .atLeast(let level): return l10n.tr("level ≥ %d", context: "feed view", level.rawValue)
    }
  }
}

/// Where `o` came from, so Backspace can return there.
public enum FeedReturn: Sendable, Hashable {
  /// From this alert in the feed to its segment.
  case alert(AlertID)
  /// From this segment in the table to its alerts (the feed narrowed to it).
  case segment(SegmentID)
}

/// What narrows the alert feed and which of its rows are new to the operator.
public struct AlertFeed: Sendable {
  /// The view: all, open, unacknowledged, or level ≥ N.
  public var view: FeedView = .all
  /// Text the feed is filtered by (segment, alert ID, text, who reported), as typed.
  public var text = ""
  /// Only this segment's alerts, when set (from a segment with `o`).
  public var segment: SegmentID?
  /// Where the last `o` came from.
  public var returnTo: FeedReturn?
  /// Alerts at or after this position in the live situation arrived since the feed stopped
  /// following: those listed above the selection are "N newer ↑". Nil while it follows.
  public var newerFrom: Int?
  /// The feed's rows: alert positions, newest first; nil when every alert is listed.
  public internal(set) var rows: [Int]?

  public init() {}

  /// Whether anything narrows the feed beyond its view.
  public var isNarrowed: Bool { !text.isEmpty || segment != nil }

  /// Whether an alert passes the view, the segment and the text filter (`needle` lower-cased).
  func admits(_ alert: Alert, needle: String) -> Bool {
    guard view.includes(alert) else { return false }
    if let segment, alert.segment != segment { return false }
    guard !needle.isEmpty else { return true }
    return Self.searchKey(alert).contains(needle)
  }

  /// What the feed's text filter looks in: IDs, the text, the type, who reported and from which side.
  static func searchKey(_ alert: Alert) -> String {
    var parts = [alert.id.rawValue, alert.segment.rawValue, alert.report.text, alert.report.type.label]
    parts.append(alert.raisedBy)
    if let side = alert.report.reportingSide { parts.append(side.label) }
    return parts.joined(separator: "\u{1F}").lowercased()
  }
}
