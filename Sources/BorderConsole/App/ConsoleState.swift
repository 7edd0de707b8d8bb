import BorderModel

/// The panes that take the keyboard focus, in Tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
  case segments
  case meetings
  case alerts

  public var title: String { title(.english) }

  /// The pane's name in a language.
  public func title(_ l10n: Localizer) -> String {
    switch self {
    case .segments: return l10n.tr("Segments")
    case .meetings: return l10n.tr("Meetings")
    case .alerts: return l10n.tr("Alerts")
    }
  }
}

/// The columns the segments table sorts by, in the order `s` cycles them.
public enum SegmentSort: Int, Sendable, Hashable, CaseIterable {
  case position
  case level
  case status
  case length
  case lastEvent
  case id
  case name

  /// The column's name in titles and messages.
  public var label: String { label(.english) }

  /// The column's name in a language.
  public func label(_ l10n: Localizer) -> String {
    switch self {
    case .position: return l10n.tr("west→east", context: "sort")
    case .level: return l10n.tr("level", context: "sort")
    case .status: return l10n.tr("status", context: "sort")
    case .length: return l10n.tr("km", context: "sort")
    case .lastEvent: return l10n.tr("last event", context: "sort")
    case .id: return l10n.tr("ID", context: "sort")
    case .name: return l10n.tr("name", context: "sort")
    }
  }
}

/// What covers the main area: help or a full detail view.
public enum Overlay: Sendable, Hashable {
  case help
  case segmentDetail(SegmentID)
  case alertDetail(AlertID)
  case meetingDetail(MeetingID)
}

/// A record on screen, by its ID: what an action key applies to.
public enum RecordOnScreen: Sendable, Hashable {
  case segment(SegmentID)
  case alert(AlertID)
  case meeting(MeetingID)
}

/// A one-line text entry at the bottom of the screen.
public enum Prompt: Sendable, Hashable {
  /// `:` — jump to a segment ID.
  case jump(String)
  /// `/` in help — a word to find there.
  case search(String)
}

/// A short message in the hint bar, shown until `until`.
public struct StatusMessage: Sendable, Hashable {
  public var text: String
  public var isError: Bool
  public var until: Timestamp
  /// When it was said.
  public var at: Timestamp? = nil
  /// News (an alert, one's own action's outcome) that a message said at the same moment joins.
  public var isNews = false
}

/// The display held still by `f`: what it showed, and what arrived since.
public struct FrozenView: Sendable {
  public var situation: Situation
  public var since: Timestamp
  public var eventsArrived: Int
}

/// A position in the journal's past that the display shows instead of the present.
public struct HistoryCursor: Sendable {
  /// Events folded in (when stepping by event), or nil when placed by time.
  public var eventCount: Int?
  /// The moment shown.
  public var asOf: Timestamp
  public var situation: Situation
}

/// How the journal is doing, for the live indicator.
public struct JournalHealth: Sendable, Hashable {
  /// The last time the journal was read without error.
  public var lastReadAt: Timestamp?
  /// Why the journal cannot be read, if it cannot.
  public var readError: String?
  /// Since when the store (a PostgreSQL server) cannot be reached, while it cannot.
  public var unreachableSince: Timestamp?
  /// Lines skipped so far (malformed or rejected).
  public var skippedLines = 0
  /// The journal was replaced under the console by an outside tool: what is gone (kept until the console quits).
  public var replaced: JournalReplacement?
  /// The last problem found, for the message line.
  public var lastProblem: String?
}

/// The size of the terminal in cells.
public struct ScreenSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int
  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }
}

/// Everything the console shows, as one value: the reducer changes it, the view draws it.
public struct ConsoleState: Sendable {
  public var now: Timestamp
  public var size: ScreenSize
  /// The live situation, as the journal has it now.
  public var live: Situation
  public var history: HistoryWindow
  public var frozen: FrozenView?
  public var historyCursor: HistoryCursor?
  public var focus: Pane = .segments
  /// The segments table's selected segment and first row shown.
  public var segmentSelection = ListSelection<SegmentID>()
  /// The meetings pane's selected meeting and first row shown.
  public var meetingSelection = ListSelection<MeetingID>()
  /// The feed's selected alert and first row shown.
  public var alertSelection = ListSelection<AlertID>()
  public var filter = ""
  public var isEditingFilter = false
  public var sort: SegmentSort = .position
  public var sortDescending = false
  public var prompt: Prompt?
  public var overlay: Overlay?
  /// Lines of the open detail or help scrolled past.
  public var overlayScroll = 0
  /// The word last searched for in help (`/`), which `n` and `N` find again.
  public var helpSearch = ""
  /// Whether the feed's selection moves to each new alert (it does until the operator picks an older one).
  public var followsNewestAlert = true
  /// The feed's view, filters and rows, and what arrived above the selection.
  public var feed = AlertFeed()
  /// Records (by ID) changed since this console's operator last saw them: marked until seen.
  public var unseen: Set<String> = []
  /// The past moment being folded off the loop for `{`/`}`, until it arrives.
  public var loadingHistory: Timestamp?
  /// Records changed a moment ago, and until when they stand out.
  public var flashes: [String: Timestamp] = [:]
  public var message: StatusMessage?
  public var journal = JournalHealth()
  /// How long the journal may stay silent before the indicator says stale.
  public var staleAfterSeconds: Int64 = 3600
  /// Whether the terminal takes clipboard writes (OSC 52), so `y` can copy.
  public var clipboardAvailable = false
  /// The dialog of an action being prepared (acknowledge, resolve, raise, note).
  public var form: ActionForm?
  /// Why actions are refused, if they are: started with `--read-only`, or a store role that cannot append.
  public var readOnlyCause: ReadOnlyCause?
  /// Whether actions are refused (a viewer or wall screen, or a store role the server lets only read).
  public var readOnly: Bool {
    get { readOnlyCause != nil }
    set { readOnlyCause = newValue ? (readOnlyCause ?? .startedReadOnly) : nil }
  }
  /// Who acts from this console: login, and the SSH client's address when there is one.
  public var operatorName = "operator"
  /// New alerts at or above this level ring the bell; left unacknowledged, they ring again.
  public var announceLevel: AlertLevel = .armedIncident
  /// How long an urgent alert may stay unacknowledged before it is announced again.
  public var reannounceSeconds: Int64 = 600
  /// When each urgent, unacknowledged alert was last announced.
  public var lastAnnounced: [AlertID: Timestamp] = [:]
  /// The words of the interface: every message on screen goes through it (`l10n.tr("…")`).
  public var l10n: Localizer = .english
  /// The name of the theme in use, for the hint bar after `t`.
  public var themeName = "default"
  /// Segment positions in the table, in display order (filtered and sorted).
  public private(set) var rows: [Int] = []
  /// Per-segment and per-level figures of the displayed situation, kept in step with it.
  public private(set) var cache = DisplayCache()
  /// Search keys of the segments (lower-cased names in both scripts), by position.
  private var searchKeys: [String] = []
  /// How many segments the search keys cover.
  var searchKeyCount: Int { searchKeys.count }
  /// The newest alert of the live situation when it was last received.
  var newestAlert: AlertID?
  /// How long a changed row stands out.
  public static let flashSeconds: Int64 = 3

  /// A console showing `situation`; `history` holds the recent events to step back through.
  public init(situation: Situation, history: HistoryWindow? = nil, now: Timestamp, size: ScreenSize) {
    self.now = now
    self.size = size
    live = situation
    self.history = history ?? HistoryWindow(base: situation)
    journal.lastReadAt = now
    rebuildSearchKeys()
    segmentSelection.selected = situation.segments.first?.id
    newestAlert = situation.alerts.last?.id
    refreshRows()
    keepSelectionsVisible()
    for alert in situation.alerts where alert.needsAcknowledgement && alert.level >= announceLevel {
      lastAnnounced[alert.id] = now
    }
  }

  /// Lets go of the live situation until the next `.journal` news brings it back.
  ///
  /// The store keeps the same situation; while both hold it, the store's next fold would copy
  /// every array of it. Call this right before the store reads the journal, then hand the news in.
  public mutating func releaseLiveSituation() {
    live = .placeholder
  }

  /// The moment the screen reckons ages and countdowns from: the history position, the moment
  /// the display froze, else the start of the current minute (so they change once a minute).
  public var displayMoment: Timestamp {
    historyCursor?.asOf ?? frozen?.since ?? now.minuteFloor
  }

  /// Re-orders the meetings when the minute turned (a tick).
  mutating func refreshMoment() {
    let moment = displayMoment
    guard moment != cache.moment else { return }
    cache.orderMeetings(displayed, moment: moment)
  }

  /// The situation on screen: the history position, else the frozen picture, else live.
  public var displayed: Situation {
    historyCursor?.situation ?? frozen?.situation ?? live
  }

  /// Whether Ctrl-C cancels something (a form or a prompt) instead of quitting.
  public var controlCCancels: Bool {
    !layout.isTooSmall && (form != nil || isEditingFilter || prompt != nil)
  }

  /// Whether the display follows the journal as it grows.
  public var isLive: Bool { historyCursor == nil && frozen == nil }

  /// The row of the selected segment in the table, if it is shown.
  public var selectedRow: Int? { segmentSelection.row(in: SegmentPane.rows(in: self)) }

  mutating func rebuildSearchKeys() {
    searchKeys = live.segments.map { segment in
      var parts = [segment.id.rawValue, segment.name.latin, segment.name.cyrillic ?? ""]
      parts.append(segment.borderPoints ?? "")
      for district in [segment.kyrgyzDistrict, segment.tajikDistrict] {
        parts.append(district.name.latin)
        parts.append(district.name.cyrillic ?? "")
        parts.append(district.region?.latin ?? "")
        parts.append(district.region?.cyrillic ?? "")
      }
      for settlement in segment.settlements {
        parts.append(settlement.name.latin)
        parts.append(settlement.name.cyrillic ?? "")
      }
      return Self.searchForm(parts.joined(separator: "\u{1F}"))
    }
  }

  /// Text as the filter compares it: lower case, `ё` read as `е`, composed or not (ux.md bug 18).
  static func searchForm(_ text: String) -> String {
    let lower = text.lowercased()
    guard lower.unicodeScalars.contains(where: { $0 == "ё" || $0 == "\u{0308}" }) else { return lower }
    var out = String.UnicodeScalarView()
    for scalar in lower.unicodeScalars {
      if scalar == "\u{0308}", out.last == "е" { continue }
      out.append(scalar == "ё" ? "е" : scalar)
    }
    return String(out)
  }

  /// Recomputes the table's rows after the data, filter or sort changed.
  public mutating func refreshRows() {
    let situation = displayed
    cache = DisplayCache(situation, moment: displayMoment)
    let needle = Self.searchForm(filter)
    var positions = Array(situation.segments.indices)
    if !needle.isEmpty {
      positions = positions.filter { $0 < searchKeys.count && searchKeys[$0].contains(needle) }
    }
    let segments = situation.segments
    let effective = cache.effectiveLevels
    // Whether `a` comes before `b` by the sort's own key, worst or newest or largest first for
    // level, status, recency and length (ux.md bug 7); nil when the key ties.
    func precedes(_ a: Int, _ b: Int) -> Bool? {
      let x = segments[a]
      let y = segments[b]
      switch sort {
      case .position: return nil
      case .id: return x.id != y.id ? x.id < y.id : nil
      case .name: return x.name.latin != y.name.latin ? x.name.latin < y.name.latin : nil
      case .length: return x.lengthKm != y.lengthKm ? x.lengthKm > y.lengthKm : nil
      case .status: return x.status != y.status ? x.status < y.status : nil
      case .level: return effective[a] != effective[b] ? effective[a] > effective[b] : nil
      case .lastEvent:
        let p = x.lastEvent?.seq ?? 0
        let q = y.lastEvent?.seq ?? 0
        return p != q ? p > q : nil
      }
    }
    // Ties stay west to east, reversed or not; reversing turns the key's order round.
    let reversesPosition = sort == .position && sortDescending
    positions.sort { a, b in
      if let first = precedes(a, b) { return first != sortDescending }
      return reversesPosition ? a > b : a < b
    }
    rows = positions
    refreshFeed()
  }

  /// Shows a message in the hint bar for a few seconds.
  public mutating func say(_ text: String, error: Bool = false, seconds: Int64 = 5) {
    message = StatusMessage(text: text, isError: error, until: now.adding(seconds: seconds), at: now)
  }

  /// Shows a message without hiding one said at this same moment (one's own confirmation and an
  /// alert that arrived with it are both news): the two are shown together.
  mutating func sayAlongside(_ text: String, error: Bool = false, seconds: Int64 = 5) {
    guard let earlier = message, earlier.isNews, earlier.at == now, earlier.until > now, earlier.text != text
    else {
      say(text, error: error, seconds: seconds)
      message?.isNews = true
      return
    }
    message = StatusMessage(
      text: text + " · " + earlier.text, isError: error || earlier.isError,
      until: max(earlier.until, now.adding(seconds: seconds)), at: now, isNews: true)
  }
}
