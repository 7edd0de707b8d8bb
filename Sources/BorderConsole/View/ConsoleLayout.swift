/// Where each part of the screen goes at a given size: the one place that decides it.
public struct ConsoleLayout: Sendable, Equatable {
  /// The smallest screen the console draws; below it, it says so instead.
  public static let minimum = ScreenSize(columns: 64, rows: 20)

  public var size: ScreenSize
  public var header: Rect
  /// A full-width banner row (frozen, history), when one is shown.
  public var banner: Rect?
  /// The progress gauge and strip map.
  public var line: Rect
  /// Whether the line section has a border (and room for sector labels).
  public var lineBoxed: Bool
  public var segments: Rect
  /// The detail pane beside the table; nil when the screen is too narrow (Enter opens it instead).
  public var detail: Rect?
  public var meetings: Rect
  public var alerts: Rect
  public var hint: Rect
  /// The main area, which overlays (help, full detail) cover: everything between header and hint bar.
  public var main: Rect

  /// Whether the screen is below the minimum.
  public var isTooSmall: Bool {
    size.columns < Self.minimum.columns || size.rows < Self.minimum.rows
  }

  /// Rows of segments the table shows at once.
  public var segmentRows: Int { max(1, segments.height - 3) }
  /// Rows the meetings pane shows at once.
  public var meetingRows: Int { max(1, meetings.height - 3) }
  /// Rows the alert feed shows at once (it has no heading row).
  public var alertRows: Int { max(1, alerts.height - 2) }

  /// Lays out a screen of `size`, with a banner row if `banner` is set.
  public init(size: ScreenSize, banner hasBanner: Bool) {
    self.size = size
    let columns = max(size.columns, 1)
    let rows = max(size.rows, 1)
    header = Rect(row: 0, column: 0, width: columns, height: 1)
    var top = 1
    if hasBanner {
      banner = Rect(row: 1, column: 0, width: columns, height: 1)
      top = 2
    }
    lineBoxed = rows >= 30
    let lineHeight = lineBoxed ? 6 : 3
    line = Rect(row: top, column: 0, width: columns, height: lineHeight)
    top += lineHeight
    hint = Rect(row: rows - 1, column: 0, width: columns, height: 1)
    let remaining = max(0, rows - 1 - top)
    main = Rect(row: 1, column: 0, width: columns, height: max(0, rows - 2))
    var upper = (remaining * 58 + 50) / 100
    upper = min(max(upper, min(remaining, 8)), max(0, remaining - 6))
    let lower = remaining - upper
    let detailWidth: Int
    if columns >= 100 {
      detailWidth = columns * 2 / 5
    } else if columns >= 76 {
      detailWidth = max(30, columns * 3 / 8)
    } else {
      detailWidth = 0
    }
    segments = Rect(row: top, column: 0, width: columns - detailWidth, height: upper)
    detail =
      detailWidth > 0
      ? Rect(row: top, column: columns - detailWidth, width: detailWidth, height: upper) : nil
    // Meetings carry more columns than the feed's free text: give them a little more.
    let half = columns >= 100 ? columns * 27 / 50 : columns / 2
    meetings = Rect(row: top + upper, column: 0, width: half, height: lower)
    alerts = Rect(row: top + upper, column: half, width: columns - half, height: lower)
  }
}
