import BorderModel

/// A pane's list as the reducer drives it: its rows, its selection, its page, and what a row opens.
///
/// Moving, paging, keeping the selection in view and opening a detail are written once against this;
/// a new pane is one `PaneModel`, one view, and a case in `Pane.model`.
protocol PaneModel {
  associatedtype Rows: SelectableRows where Rows.ID: Sendable
  /// The rows the pane lists now, in display order.
  static func rows(in state: ConsoleState) -> Rows
  /// How many rows the pane shows at once.
  static func visibleRows(in layout: ConsoleLayout) -> Int
  /// Where the state keeps the pane's selection.
  static var selection: WritableKeyPath<ConsoleState, ListSelection<Rows.ID>> { get }
  /// What the selection does when its record leaves the list.
  static var fallback: SelectionFallback { get }
  /// The record a row holds, as the action keys and the detail see it.
  static func record(_ id: Rows.ID) -> RecordOnScreen
  /// The operator put the selection on `row` (the feed starts or stops following the newest).
  static func selectionMoved(toRow row: Int, in state: inout ConsoleState)
}

extension PaneModel {
  static var fallback: SelectionFallback { .firstRow }
  static func selectionMoved(toRow row: Int, in state: inout ConsoleState) {}
}

extension Pane {
  /// The pane's list model.
  var model: any PaneModel.Type {
    switch self {
    case .segments: return SegmentPane.self
    case .meetings: return MeetingPane.self
    case .alerts: return AlertPane.self
    }
  }
}

extension RecordOnScreen {
  /// The full detail of the record.
  var detail: Overlay {
    switch self {
    case .segment(let id): return .segmentDetail(id)
    case .meeting(let id): return .meetingDetail(id)
    case .alert(let id): return .alertDetail(id)
    }
  }

  /// The record's ID, as `unseen` and flashes hold it.
  var key: String {
    switch self {
    case .segment(let id): return id.rawValue
    case .meeting(let id): return id.rawValue
    case .alert(let id): return id.rawValue
    }
  }
}

// MARK: The three panes

/// The segments table: filtered and sorted segments.
enum SegmentPane: PaneModel {
  static func rows(in state: ConsoleState) -> SegmentRows {
    SegmentRows(situation: state.displayed, positions: state.rows)
  }
  static func visibleRows(in layout: ConsoleLayout) -> Int { layout.segmentRows }
  static var selection: WritableKeyPath<ConsoleState, ListSelection<SegmentID>> { \.segmentSelection }
  static func record(_ id: SegmentID) -> RecordOnScreen { .segment(id) }
}

/// The meetings pane: upcoming soonest first, then the past.
enum MeetingPane: PaneModel {
  static func rows(in state: ConsoleState) -> MeetingRows {
    MeetingRows(meetings: state.displayed.meetings, order: state.cache.meetingOrder)
  }
  static func visibleRows(in layout: ConsoleLayout) -> Int { layout.meetingRows }
  static var selection: WritableKeyPath<ConsoleState, ListSelection<MeetingID>> { \.meetingSelection }
  static func record(_ id: MeetingID) -> RecordOnScreen { .meeting(id) }
}

/// The alert feed: newest first, in its view and filters.
enum AlertPane: PaneModel {
  static func rows(in state: ConsoleState) -> FeedRows {
    FeedRows(situation: state.displayed, listed: state.feed.rows)
  }
  static func visibleRows(in layout: ConsoleLayout) -> Int { layout.alertRows }
  static var selection: WritableKeyPath<ConsoleState, ListSelection<AlertID>> { \.alertSelection }
  /// An alert that leaves the feed (acknowledged in the unacknowledged view) leaves its row selected.
  static var fallback: SelectionFallback { .sameRow }
  static func record(_ id: AlertID) -> RecordOnScreen { .alert(id) }
  /// At the top, the feed follows the newest alert again (like tail -f); elsewhere it stays.
  static func selectionMoved(toRow row: Int, in state: inout ConsoleState) {
    state.feedSelectionMoved(toRow: row)
  }
}

// MARK: Rows

/// The segments table's rows: positions in the situation, in display order.
struct SegmentRows: SelectableRows {
  let situation: Situation
  let positions: [Int]

  var count: Int { positions.count }
  func id(atRow row: Int) -> SegmentID? {
    positions.indices.contains(row) ? situation.segments[positions[row]].id : nil
  }
  func row(of id: SegmentID) -> Int? {
    situation.segmentPosition(id).flatMap { positions.firstIndex(of: $0) }
  }
}

/// The meetings pane's rows: meeting positions in the pane's order.
struct MeetingRows: SelectableRows {
  let meetings: [Meeting]
  let order: [Int]

  var count: Int { order.count }
  func id(atRow row: Int) -> MeetingID? { order.indices.contains(row) ? meetings[order[row]].id : nil }
  func row(of id: MeetingID) -> Int? { order.firstIndex { meetings[$0].id == id } }
}

/// The feed's rows, newest first: every alert, or the positions its view and filters list.
struct FeedRows: SelectableRows {
  let situation: Situation
  /// Alert positions, newest first; nil when every alert is listed.
  let listed: [Int]?

  var count: Int { listed?.count ?? situation.alerts.count }

  /// The alert on a row (row 0 is the newest listed).
  func alert(atRow row: Int) -> Alert? {
    let alerts = situation.alerts
    guard row >= 0, row < count else { return nil }
    let position = listed.map { $0[row] } ?? alerts.count - 1 - row
    return position < alerts.count ? alerts[position] : nil
  }

  func id(atRow row: Int) -> AlertID? { alert(atRow: row)?.id }

  func row(of id: AlertID) -> Int? { situation.alertPosition(id).flatMap(row(ofPosition:)) }

  /// The row of the alert at a position in the situation, if the feed lists it.
  func row(ofPosition position: Int) -> Int? {
    guard let listed else {
      let count = situation.alerts.count
      return position < count ? count - 1 - position : nil
    }
    let row = Self.rowsNewer(than: position - 1, in: listed) - 1
    return row >= 0 && listed[row] == position ? row : nil
  }

  /// How many of the (newest-first) rows hold a position above `position`.
  static func rowsNewer(than position: Int, in rows: [Int]) -> Int {
    var low = 0
    var high = rows.count
    while low < high {
      let middle = (low + high) / 2
      if rows[middle] > position { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
