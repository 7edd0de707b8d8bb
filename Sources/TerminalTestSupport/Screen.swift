/// A colour as a program set it through SGR.
public enum TerminalColor: Sendable, Hashable {
  /// A palette index: 0–7 from SGR 30–37/40–47, 8–15 from 90–97/100–107, or 0–255 from 38;5;n.
  case indexed(Int)
  /// A direct colour from SGR 38;2;r;g;b.
  case rgb(UInt8, UInt8, UInt8)
}

/// The rendition of one cell, as set by SGR.
public struct CellAttributes: Sendable, Hashable {
  /// SGR 1.
  public var bold = false
  /// SGR 2 (faint).
  public var dim = false
  /// SGR 3.
  public var italic = false
  /// SGR 4 (and 21).
  public var underline = false
  /// SGR 5 or 6.
  public var blink = false
  /// SGR 7: how ncurses draws A_REVERSE and A_STANDOUT highlights on xterm.
  public var reverse = false
  /// SGR 8.
  public var invisible = false
  /// SGR 9.
  public var strikethrough = false
  /// The foreground colour, nil for the terminal's default.
  public var foreground: TerminalColor?
  /// The background colour, nil for the terminal's default.
  public var background: TerminalColor?

  /// Plain text in the default colours.
  public static let normal = CellAttributes()

  /// Creates attributes; everything off and default colours unless given.
  public init(
    bold: Bool = false, reverse: Bool = false, underline: Bool = false,
    foreground: TerminalColor? = nil, background: TerminalColor? = nil
  ) {
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.foreground = foreground
    self.background = background
  }
}

/// One character cell of the emulated screen.
public struct Cell: Sendable, Equatable {
  /// The character shown (a space when blank; a space in the right half of a wide character).
  public var character: Character
  /// Columns taken: 1, 2 for a wide character, 0 for the right half of a wide character.
  public var width: Int
  /// The rendition the cell was written or erased with.
  public var attributes: CellAttributes

  /// True for the right half of a double-width character.
  public var isContinuation: Bool { width == 0 }

  static func blank(_ attributes: CellAttributes = .normal) -> Cell {
    Cell(character: " ", width: 1, attributes: attributes)
  }
}

/// Terminal modes a program switched, used to check that it restored the terminal.
public struct TerminalModes: Sendable, Equatable {
  /// The alternate screen (?1049, ?1047 or ?47) is shown.
  public var alternateScreen = false
  /// The cursor is visible (?25).
  public var cursorVisible = true
  /// Cursor keys send application sequences (DECCKM, ?1): part of ncurses' keypad transmit mode.
  public var applicationCursorKeys = false
  /// The keypad sends application sequences (`ESC =`): the other part of keypad transmit mode.
  public var applicationKeypad = false
  /// Mouse reporting modes that are on (?9, ?1000–?1003, ?1005, ?1006, ?1015, ?1016).
  public var mouseModes: Set<Int> = []
  /// Bracketed paste (?2004) is on.
  public var bracketedPaste = false
  /// Autowrap at the right margin (DECAWM, ?7).
  public var autowrap = true
  /// Insert mode (IRM, `ESC [ 4 h`).
  public var insertMode = false
}

/// A small VT100/xterm screen emulator, fed with a program's output bytes.
public struct Screen: Sendable {
  enum Charset: Sendable { case ascii, decGraphics }

  struct SavedCursor: Sendable {
    var row = 0
    var col = 0
    var pendingWrap = false
    var pen = CellAttributes.normal
    var g0 = Charset.ascii
    var g1 = Charset.ascii
    var shiftedOut = false
  }

  var columns: Int
  var rows: Int
  var lines: [[Cell]]
  /// The buffer not shown: the main screen while the alternate one is up, and vice versa.
  var otherLines: [[Cell]]
  var row = 0
  var col = 0
  var pendingWrap = false
  var pen = CellAttributes.normal
  var scrollTop = 0
  var scrollBottom: Int
  var tabStops: [Bool]
  var g0 = Charset.ascii
  var g1 = Charset.ascii
  var shiftedOut = false
  var savedCursor = SavedCursor()
  var savedCursorBeforeAlternate = SavedCursor()
  var lastPrinted: Character?
  var parser = ParserState()

  /// Modes the program has set, for restore checks.
  public internal(set) var modes = TerminalModes()

  /// Creates a blank screen of the given size (each at least 1).
  public init(columns: Int, rows: Int) {
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    lines = Array(repeating: Array(repeating: .blank(), count: self.columns), count: self.rows)
    otherLines = lines
    scrollBottom = self.rows - 1
    tabStops = (0..<self.columns).map { $0 % 8 == 0 }
  }

  /// The size as (columns, rows).
  public var size: (columns: Int, rows: Int) { (columns, rows) }

  /// The cursor position, zero-based.
  public var cursor: (row: Int, col: Int) { (row, col) }

  /// The whole screen: rows joined by "\n", trailing spaces trimmed from each row.
  public var text: String {
    (0..<rows).map { line($0) }.joined(separator: "\n")
  }

  /// The text of one row (zero-based), trailing spaces trimmed; empty outside the screen.
  public func line(_ row: Int) -> String {
    guard lines.indices.contains(row) else { return "" }
    var text = String(lines[row].lazy.filter { !$0.isContinuation }.map(\.character))
    while text.last == " " { text.removeLast() }
    return text
  }

  /// The cell at a zero-based position, nil outside the screen.
  public func cell(row: Int, col: Int) -> Cell? {
    guard lines.indices.contains(row), lines[row].indices.contains(col) else { return nil }
    return lines[row][col]
  }

  /// True when some row contains the string.
  public func contains(_ string: String) -> Bool {
    find(string) != nil
  }

  /// The first (row, column) where the string starts within one row, scanning top to bottom.
  public func find(_ string: String) -> (row: Int, col: Int)? {
    let needle = Array(string)
    guard !needle.isEmpty else { return (0, 0) }
    for (rowIndex, cells) in lines.enumerated() {
      let visible = cells.indices.filter { !cells[$0].isContinuation }
      guard visible.count >= needle.count else { continue }
      for start in 0...(visible.count - needle.count)
      where (0..<needle.count).allSatisfy({ cells[visible[start + $0]].character == needle[$0] }) {
        return (rowIndex, visible[start])
      }
    }
    return nil
  }

  /// Changes the size like a terminal window resize: keeps the top-left content, homes the margins.
  public mutating func resize(columns newColumns: Int, rows newRows: Int) {
    let newColumns = max(1, newColumns)
    let newRows = max(1, newRows)
    func fit(_ buffer: [[Cell]]) -> [[Cell]] {
      var result = buffer.prefix(newRows).map { line -> [Cell] in
        var line = Array(line.prefix(newColumns))
        if line.count < newColumns {
          line += Array(repeating: .blank(), count: newColumns - line.count)
        }
        if let last = line.last, last.width == 2 { line[newColumns - 1] = .blank(last.attributes) }
        return line
      }
      while result.count < newRows {
        result.append(Array(repeating: .blank(), count: newColumns))
      }
      return result
    }
    lines = fit(lines)
    otherLines = fit(otherLines)
    tabStops = (0..<newColumns).map { $0 < columns ? tabStops[$0] : $0 % 8 == 0 }
    columns = newColumns
    rows = newRows
    scrollTop = 0
    scrollBottom = newRows - 1
    row = min(row, newRows - 1)
    col = min(col, newColumns - 1)
    pendingWrap = false
  }
}
