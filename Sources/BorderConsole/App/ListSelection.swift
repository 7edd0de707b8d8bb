/// The rows of a list as its selection sees them: how many, which record is on a row, where a record is.
public protocol SelectableRows {
  associatedtype ID: Hashable
  /// How many rows the list has.
  var count: Int { get }
  /// The record on a row (row 0 is the top), nil outside the list.
  func id(atRow row: Int) -> ID?
  /// The row a record is on, nil when the list does not hold it.
  func row(of id: ID) -> Int?
}

/// What a selection does when its record leaves the list (filtered out, acknowledged out of a view).
public enum SelectionFallback: Sendable, Hashable {
  /// The first row is selected; while the list is empty the selection is kept, so it comes back.
  case firstRow
  /// The row where the record was is selected, so the operator works down the list in place;
  /// an empty list selects nothing.
  case sameRow
}

/// A movement of a selection, as the movement keys ask for it.
public enum SelectionStep: Sendable, Hashable {
  /// This many rows down (up when negative).
  case rows(Int)
  /// This many pages down (up when negative).
  case pages(Int)
  /// This many half pages down (up when negative); half a page is at least a row.
  case halfPages(Int)
  /// To the first row.
  case first
  /// To the last row.
  case last

  /// The step in rows, when a page is `page` rows.
  public func rows(page: Int) -> Int {
    switch self {
    case .rows(let count): return count
    case .pages(let count): return count.multipliedClamped(by: page)
    case .halfPages(let count): return count.multipliedClamped(by: max(1, page / 2))
    case .first: return Int.min / 2
    case .last: return Int.max / 2
    }
  }
}

/// A list's selected record and the first row it shows (ratatui's `TableState`): one per pane.
///
/// The selection is kept by ID, so it stays on its record while rows arrive, sort or filter;
/// `offset` is a row, kept so the selected row is in view.
public struct ListSelection<ID: Hashable & Sendable>: Sendable, Hashable {
  /// The selected record, nil when nothing is selected.
  public var selected: ID?
  /// The first row shown.
  public var offset: Int
  /// The row the selection was last seen on (where `.sameRow` selects when its record leaves).
  public internal(set) var lastRow = 0

  /// A selection of `selected`, showing rows from `offset` on.
  public init(selected: ID? = nil, offset: Int = 0) {
    self.selected = selected
    self.offset = offset
  }

  /// The selected row in `rows`, nil when nothing is selected or the list does not hold it.
  public func row<Rows: SelectableRows>(in rows: Rows) -> Int? where Rows.ID == ID {
    selected.flatMap { rows.row(of: $0) }
  }

  /// Moves the selection by `step` within the list (from the top when it is not in the list) and
  /// scrolls to keep it in view; returns the row selected, or nil for an empty list (nothing changes).
  @discardableResult
  public mutating func move<Rows: SelectableRows>(_ step: SelectionStep, in rows: Rows, visible: Int) -> Int?
  where Rows.ID == ID {
    guard rows.count > 0 else { return nil }
    let current = row(in: rows) ?? 0
    let target = clamp(current.addingClamped(step.rows(page: visible)), 0, rows.count - 1)
    selected = rows.id(atRow: target)
    lastRow = target
    offset = Self.offset(offset, showing: target, visible: visible, count: rows.count)
    return target
  }

  /// Selects the first row and shows the top of the list.
  public mutating func showTop<Rows: SelectableRows>(in rows: Rows, visible: Int) where Rows.ID == ID {
    if let first = rows.id(atRow: 0) { selected = first }
    lastRow = 0
    offset = 0
    keepVisible(in: rows, visible: visible)
  }

  /// After the list changed: a selection whose record left it picks a row by `fallback`, and the
  /// offset moves as little as it must to show the selected row.
  public mutating func keepVisible<Rows: SelectableRows>(
    in rows: Rows, visible: Int, fallback: SelectionFallback = .firstRow
  ) where Rows.ID == ID {
    if let row = row(in: rows) {
      lastRow = row
    } else {
      switch fallback {
      case .firstRow:
        if let first = rows.id(atRow: 0) { selected = first }
      case .sameRow:
        selected = rows.id(atRow: min(lastRow, max(0, rows.count - 1)))
      }
    }
    offset = Self.offset(offset, showing: row(in: rows) ?? 0, visible: visible, count: rows.count)
  }

  /// The offset nearest `offset` that shows `row` among `visible` rows of a list of `count`, and
  /// leaves no blank rows below the end when the list fills the pane. With no room (`visible` 0),
  /// the selected row is the first shown when room comes.
  public static func offset(_ offset: Int, showing row: Int, visible: Int, count: Int) -> Int {
    var offset = offset
    if row < offset { offset = row }
    if visible <= 0 {
      offset = row
    } else if row >= offset + visible {
      offset = row - visible + 1
    }
    return clamp(offset, 0, max(0, count - max(0, visible)))
  }
}

extension Int {
  /// Multiplies without trapping: an overflow gives the extreme of its sign.
  func multipliedClamped(by other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard overflow else { return product }
    return (self < 0) != (other < 0) ? Int.min : Int.max
  }
}
