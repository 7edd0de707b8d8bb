/// A rectangle of the screen, in cells: origin, width and height.
public struct Rect: Sendable, Hashable {
  public var row: Int
  public var column: Int
  public var width: Int
  public var height: Int

  public init(row: Int, column: Int, width: Int, height: Int) {
    self.row = row
    self.column = column
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The rectangle inside a one-cell border.
  public var inner: Rect { Rect(row: row + 1, column: column + 1, width: width - 2, height: height - 2) }
  public var isEmpty: Bool { width <= 0 || height <= 0 }
  public var bottom: Int { row + height }
  public var right: Int { column + width }
}

/// The whole screen as cells: what the view draws and the terminal layer shows.
public struct Grid: Sendable {
  public let width: Int
  public let height: Int
  /// Cells row by row.
  public private(set) var cells: [Cell]
  /// Whether text must be reduced to ASCII (a terminal that is not UTF-8).
  public let asciiOnly: Bool
  /// Where the clock's seconds were drawn, so a tick can redraw just those two cells.
  public var clockSeconds: (row: Int, column: Int)?

  public init(width: Int, height: Int, asciiOnly: Bool = false, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.asciiOnly = asciiOnly
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The cell at a position (blank outside the grid).
  public subscript(row: Int, column: Int) -> Cell {
    get {
      guard row >= 0, row < height, column >= 0, column < width else { return .blank }
      return cells[row * width + column]
    }
    set {
      guard row >= 0, row < height, column >= 0, column < width else { return }
      cells[row * width + column] = newValue
    }
  }

  /// Fills a rectangle with one character and style.
  public mutating func fill(_ rect: Rect, _ text: String = " ", style: CellStyle) {
    let top = max(0, rect.row)
    let bottom = min(height, rect.bottom)
    let left = max(0, rect.column)
    let right = min(width, rect.right)
    guard top < bottom, left < right else { return }
    let cell = Cell(text, style: style)
    for row in top..<bottom {
      for column in left..<right { cells[row * width + column] = cell }
    }
  }

  /// Sets the style of cells in a rectangle, keeping their text.
  public mutating func restyle(_ rect: Rect, _ transform: (CellStyle) -> CellStyle) {
    let top = max(0, rect.row)
    let bottom = min(height, rect.bottom)
    let left = max(0, rect.column)
    let right = min(width, rect.right)
    guard top < bottom, left < right else { return }
    for row in top..<bottom {
      for column in left..<right {
        cells[row * width + column].style = transform(cells[row * width + column].style)
      }
    }
  }

  /// Writes untrusted text at a position, cut to `limit` columns with an ellipsis.
  ///
  /// The text is sanitised first, so no control character reaches the terminal, and cut by
  /// display width, so wide characters never split. Returns the columns written.
  @discardableResult
  public mutating func put(
    _ text: String, row: Int, column: Int, limit: Int? = nil, style: CellStyle,
    ellipsis: Bool = true
  ) -> Int {
    guard row >= 0, row < height, column < width else { return 0 }
    let available = min(limit ?? (width - column), width - column)
    guard available > 0 else { return 0 }
    // Only the start of the text can show: a 50 MB text costs what a line does.
    let (visible, cutShort) = Grid.visiblePrefix(text, columns: available)
    let safe = Sanitizer.clean(visible, ascii: asciiOnly)
    let mark = asciiOnly ? "~" : "…"
    var col = column
    // Fast path: plain ASCII, one byte per cell.
    if safe.utf8.allSatisfy({ $0 < 0x80 }) {
      let length = cutShort ? max(safe.utf8.count, available + 1) : safe.utf8.count
      let cut = length > available && ellipsis ? available - 1 : min(length, available)
      var written = 0
      for byte in safe.utf8 {
        if written == cut { break }
        if col >= 0 { self[row, col] = Cell(Grid.asciiText[Int(byte)], style: style) }
        col += 1
        written += 1
      }
      if length > available && ellipsis {
        self[row, col] = Cell(mark, style: style)
        col += 1
      }
      return col - column
    }
    let fullWidth = cutShort ? max(DisplayWidth.of(safe), available + 1) : DisplayWidth.of(safe)
    let cutAt = fullWidth > available && ellipsis ? available - 1 : available
    for scalar in safe.unicodeScalars {
      let w = DisplayWidth.of(scalar)
      if w == 0 {
        // A combining mark or zero-width scalar joins the previous cell's grapheme.
        if col > column, col - 1 >= 0 { self[row, col - 1].text.unicodeScalars.append(scalar) }
        continue
      }
      if col - column + w > cutAt { break }
      if col >= 0 {
        self[row, col] = Cell(String(scalar), style: style)
        if w == 2 { self[row, col + 1] = Cell("", style: style) }
      }
      col += w
    }
    if fullWidth > available && ellipsis && available >= 1 {
      // Pad a gap left by a wide character that did not fit, then the ellipsis.
      while col - column < available - 1 {
        self[row, col] = Cell(" ", style: style)
        col += 1
      }
      self[row, col] = Cell(mark, style: style)
      col += 1
    }
    return col - column
  }

  /// The start of `text` that can fill `columns` cells, and whether more was left off.
  ///
  /// Every scalar takes at most one cell's worth of room here except zero-width ones, so
  /// `columns + 1` cells' worth of scalars, plus room for combining marks, tell whether the text
  /// overflows; the rest is never looked at (not sanitised, measured or copied).
  static func visiblePrefix(_ text: String, columns: Int) -> (text: String, cutShort: Bool) {
    let budget = columns * 8 + 64
    // A native string's UTF-8 count is known without a pass; fewer bytes means fewer scalars.
    if text.utf8.count <= budget { return (text, false) }
    let scalars = text.unicodeScalars
    guard let end = scalars.index(scalars.startIndex, offsetBy: budget, limitedBy: scalars.endIndex),
      end < scalars.endIndex
    else { return (text, false) }
    return (String(scalars[..<end]), true)
  }

  /// One-character strings for the ASCII range, so drawing plain text makes no new strings.
  static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

  /// Writes text padded with spaces to exactly `width` columns (cut with an ellipsis if longer).
  @discardableResult
  public mutating func put(
    padded text: String, row: Int, column: Int, width span: Int, style: CellStyle,
    alignRight: Bool = false
  ) -> Int {
    guard span > 0 else { return 0 }
    let (visible, cutShort) = Grid.visiblePrefix(text, columns: span)
    let textWidth = cutShort ? span + 1 : DisplayWidth.of(Sanitizer.clean(visible, ascii: asciiOnly))
    fill(Rect(row: row, column: column, width: span, height: 1), style: style)
    if alignRight && textWidth < span {
      put(visible, row: row, column: column + span - textWidth, limit: textWidth, style: style)
    } else {
      put(cutShort ? text : visible, row: row, column: column, limit: span, style: style)
    }
    return span
  }

  /// Draws a border around a rectangle with an optional title in the top edge.
  public mutating func box(
    _ rect: Rect, title: String? = nil, glyphs: GlyphSet, style: CellStyle, titleStyle: CellStyle
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let top = rect.row
    let bottom = rect.bottom - 1
    let left = rect.column
    let right = rect.right - 1
    for column in (left + 1)..<right {
      self[top, column] = Cell(glyphs.horizontal, style: style)
      self[bottom, column] = Cell(glyphs.horizontal, style: style)
    }
    for row in (top + 1)..<bottom {
      self[row, left] = Cell(glyphs.vertical, style: style)
      self[row, right] = Cell(glyphs.vertical, style: style)
    }
    self[top, left] = Cell(glyphs.topLeft, style: style)
    self[top, right] = Cell(glyphs.topRight, style: style)
    self[bottom, left] = Cell(glyphs.bottomLeft, style: style)
    self[bottom, right] = Cell(glyphs.bottomRight, style: style)
    if let title, rect.width > 6 {
      put(" \(title) ", row: top, column: left + 2, limit: rect.width - 4, style: titleStyle)
    }
  }

  /// The text of one row, continuation cells skipped.
  public func line(_ row: Int) -> String {
    guard row >= 0, row < height else { return "" }
    var text = ""
    for column in 0..<width { text += cells[row * width + column].text }
    return text
  }

  /// All rows as plain text, trailing spaces trimmed.
  public var text: String {
    (0..<height).map { row in
      var line = line(row)
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}

extension Grid: Equatable {
  /// Grids are equal when they show the same: size, mode and cells.
  public static func == (lhs: Grid, rhs: Grid) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height && lhs.asciiOnly == rhs.asciiOnly
      && lhs.cells == rhs.cells
  }
}
