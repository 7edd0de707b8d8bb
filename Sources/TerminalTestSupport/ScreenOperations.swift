// The screen operations that escape sequences and control characters map to.
extension Screen {
  /// Cells erased by EL/ED/ECH and friends: blank, keeping only the current background (xterm's bce).
  var erasedCell: Cell {
    .blank(CellAttributes(background: pen.background))
  }

  // MARK: Printing

  mutating func printScalar(_ scalar: Unicode.Scalar) {
    let charset = shiftedOut ? g1 : g0
    if charset == .decGraphics, let graphic = CharacterWidth.decGraphic(scalar) {
      put(graphic, width: 1)
      return
    }
    let width = CharacterWidth.columns(of: scalar)
    if width == 0 {
      combine(scalar)
    } else if width > 0 {
      put(Character(scalar), width: width)
    }
  }

  /// Writes a character at the cursor with autowrap, insert mode and wide-character rules.
  mutating func put(_ character: Character, width: Int) {
    if width > columns { return }
    if pendingWrap && modes.autowrap {
      col = 0
      index()
    }
    pendingWrap = false
    if col + width > columns {
      if modes.autowrap {
        col = 0
        index()
      } else {
        col = columns - width
      }
    }
    if modes.insertMode { insertBlanks(width) }
    clearWideCharacter(at: col)
    if width == 2 { clearWideCharacter(at: col + 1) }
    lines[row][col] = Cell(character: character, width: width, attributes: pen)
    if width == 2 { lines[row][col + 1] = Cell(character: " ", width: 0, attributes: pen) }
    lastPrinted = character
    if col + width >= columns {
      col = columns - 1
      pendingWrap = modes.autowrap
    } else {
      col += width
    }
  }

  /// Appends a zero-width scalar (combining mark, joiner, variation selector) to the previous cell.
  mutating func combine(_ scalar: Unicode.Scalar) {
    var target = pendingWrap ? col : col - 1
    if target > 0 && lines[row][target].isContinuation { target -= 1 }
    guard target >= 0 else { return }
    let combined = String(lines[row][target].character) + String(scalar)
    if combined.count == 1, let character = combined.first {
      lines[row][target].character = character
    }
  }

  /// Blanks both halves of a wide character if the given column holds either half.
  mutating func clearWideCharacter(at column: Int) {
    guard column < columns else { return }
    let cell = lines[row][column]
    if cell.isContinuation && column > 0 {
      lines[row][column - 1] = .blank(lines[row][column - 1].attributes)
      lines[row][column] = .blank(cell.attributes)
    } else if cell.width == 2 && column + 1 < columns {
      lines[row][column + 1] = .blank(lines[row][column + 1].attributes)
    }
  }

  /// Repeats the last printed character (REP).
  mutating func repeatLast(_ count: Int) {
    guard let character = lastPrinted else { return }
    let width = character.unicodeScalars.first.map { CharacterWidth.columns(of: $0) } ?? 1
    for _ in 0..<min(count, columns * rows) { put(character, width: max(1, width)) }
  }

  // MARK: Cursor movement

  mutating func moveTo(row newRow: Int, col newCol: Int) {
    row = min(max(0, newRow), rows - 1)
    col = min(max(0, newCol), columns - 1)
    pendingWrap = false
  }

  /// Moves up or down, stopping at the scroll margin when the cursor starts inside the region.
  mutating func moveVertically(by delta: Int) {
    let top = row >= scrollTop ? scrollTop : 0
    let bottom = row <= scrollBottom ? scrollBottom : rows - 1
    row = min(max(top, row + delta), bottom)
    pendingWrap = false
  }

  mutating func tab(forward count: Int) {
    for _ in 0..<count {
      var next = col + 1
      while next < columns - 1 && !tabStops[next] { next += 1 }
      col = min(next, columns - 1)
    }
    pendingWrap = false
  }

  mutating func tab(backward count: Int) {
    for _ in 0..<count {
      var previous = col - 1
      while previous > 0 && !tabStops[previous] { previous -= 1 }
      col = max(previous, 0)
    }
    pendingWrap = false
  }

  /// LF / IND: down one row, scrolling the region when at its bottom margin.
  mutating func index() {
    if row == scrollBottom {
      scrollUp(1)
    } else if row < rows - 1 {
      row += 1
    }
  }

  /// RI: up one row, scrolling the region down when at its top margin.
  mutating func reverseIndex() {
    pendingWrap = false
    if row == scrollTop {
      scrollDown(1)
    } else if row > 0 {
      row -= 1
    }
  }

  // MARK: Scrolling and lines

  mutating func scrollUp(_ count: Int, from top: Int? = nil) {
    let top = top ?? scrollTop
    let count = min(count, scrollBottom - top + 1)
    guard count > 0 else { return }
    lines.removeSubrange(top..<(top + count))
    let blanks = Array(repeating: Array(repeating: erasedCell, count: columns), count: count)
    lines.insert(contentsOf: blanks, at: scrollBottom - count + 1)
  }

  mutating func scrollDown(_ count: Int, from top: Int? = nil) {
    let top = top ?? scrollTop
    let count = min(count, scrollBottom - top + 1)
    guard count > 0 else { return }
    lines.removeSubrange((scrollBottom - count + 1)...scrollBottom)
    let blanks = Array(repeating: Array(repeating: erasedCell, count: columns), count: count)
    lines.insert(contentsOf: blanks, at: top)
  }

  /// IL: inserts blank lines at the cursor row, inside the scroll region only.
  mutating func insertLines(_ count: Int) {
    guard (scrollTop...scrollBottom).contains(row) else { return }
    scrollDown(count, from: row)
    col = 0
    pendingWrap = false
  }

  /// DL: deletes lines at the cursor row, inside the scroll region only.
  mutating func deleteLines(_ count: Int) {
    guard (scrollTop...scrollBottom).contains(row) else { return }
    scrollUp(count, from: row)
    col = 0
    pendingWrap = false
  }

  mutating func setScrollRegion(top: Int, bottom: Int) {
    let bottom = min(bottom, rows - 1)
    guard top < bottom else { return }
    scrollTop = top
    scrollBottom = bottom
    moveTo(row: 0, col: 0)
  }

  // MARK: Characters and erasing

  /// ICH: shifts the rest of the row right, dropping what falls off the edge.
  mutating func insertBlanks(_ count: Int) {
    let count = min(count, columns - col)
    clearWideCharacter(at: col)
    lines[row].insert(contentsOf: Array(repeating: erasedCell, count: count), at: col)
    lines[row].removeLast(count)
    if let last = lines[row].last, last.width == 2 { lines[row][columns - 1] = erasedCell }
    pendingWrap = false
  }

  /// DCH: removes characters at the cursor, shifting the rest of the row left.
  mutating func deleteCharacters(_ count: Int) {
    let count = min(count, columns - col)
    clearWideCharacter(at: col)
    clearWideCharacter(at: col + count)
    lines[row].removeSubrange(col..<(col + count))
    lines[row].append(contentsOf: Array(repeating: erasedCell, count: count))
    pendingWrap = false
  }

  /// Blanks columns `from..<to` of a row, splitting no wide character in half.
  mutating func erase(row target: Int, from: Int, to: Int) {
    let from = max(0, from)
    let to = min(columns, to)
    guard from < to else { return }
    if lines[target][from].isContinuation && from > 0 { lines[target][from - 1] = erasedCell }
    if to < columns && lines[target][to].isContinuation { lines[target][to] = erasedCell }
    for column in from..<to { lines[target][column] = erasedCell }
  }

  /// EL: 0 cursor to end, 1 start to cursor, 2 whole row.
  mutating func eraseInLine(_ mode: Int) {
    switch mode {
    case 0: erase(row: row, from: col, to: columns)
    case 1: erase(row: row, from: 0, to: col + 1)
    case 2: erase(row: row, from: 0, to: columns)
    default: return
    }
    pendingWrap = false
  }

  /// ED: 0 cursor to end, 1 start to cursor, 2 (and 3) whole screen; the cursor stays.
  mutating func eraseInDisplay(_ mode: Int) {
    switch mode {
    case 0:
      erase(row: row, from: col, to: columns)
      for target in (row + 1)..<rows { erase(row: target, from: 0, to: columns) }
    case 1:
      for target in 0..<row { erase(row: target, from: 0, to: columns) }
      erase(row: row, from: 0, to: col + 1)
    case 2, 3:
      for target in 0..<rows { erase(row: target, from: 0, to: columns) }
    default: return
    }
    pendingWrap = false
  }

  // MARK: Cursor saving, buffers, reset

  func saveCursor() -> SavedCursor {
    SavedCursor(
      row: row, col: col, pendingWrap: pendingWrap, pen: pen, g0: g0, g1: g1,
      shiftedOut: shiftedOut)
  }

  mutating func restoreCursor(_ saved: SavedCursor) {
    row = min(saved.row, rows - 1)
    col = min(saved.col, columns - 1)
    pendingWrap = saved.pendingWrap
    pen = saved.pen
    g0 = saved.g0
    g1 = saved.g1
    shiftedOut = saved.shiftedOut
  }

  /// Shows the alternate or the main buffer; `clear` blanks the alternate buffer on the way.
  mutating func switchBuffer(toAlternate: Bool, clearAlternate: Bool) {
    if toAlternate != modes.alternateScreen {
      swap(&lines, &otherLines)
      modes.alternateScreen = toAlternate
    }
    if clearAlternate {
      let blank = Array(repeating: Array(repeating: Cell.blank(), count: columns), count: rows)
      if toAlternate { lines = blank } else { otherLines = blank }
    }
  }

  /// RIS (`ESC c`): back to the power-on state, keeping the size.
  mutating func reset() {
    self = Screen(columns: columns, rows: rows)
  }
}
