import BorderConsole
import CNCursesW

/// How one cell style is drawn: ncurses attributes and a colour pair.
struct Rendition {
  var attributes: attr_t
  var pair: Int32
}

extension TerminalSession {
  /// Shows a grid: only cells that differ from the last drawn grid are sent to ncurses,
  /// which in turn sends the terminal only what changed on screen.
  ///
  /// A new size (of the grid or the terminal) or `invalidate()` repaints everything. A grid
  /// larger than the terminal is clipped; a smaller one leaves the rest blank.
  public func draw(_ grid: Grid) {
    guard !isStopped else { return }
    let screenSize = size
    var previous = lastGrid
    if previous?.width != grid.width || previous?.height != grid.height || screenSize != lastSize {
      previous = nil
    }
    if previous == nil { werase(window) }
    if repaintAll { clearok(bm_curscr(), true) }
    let old = previous?.cells
    push(grid, rows: 0..<grid.height, screenSize: screenSize) { index in old?[index] }
    wnoutrefresh(window)
    doupdate()
    lastGrid = grid
    lastSize = screenSize
    repaintAll = false
  }

  /// Changes some rows of the grid last drawn, in place, and shows what changed in them.
  ///
  /// For updates known to touch only those rows (a clock tick): it avoids copying and
  /// comparing the whole screen. Falls back to a full `draw` when there is no usable last
  /// grid or `body` changes its size.
  public func update(rows: Range<Int>, _ body: (inout Grid) -> Void) {
    guard !isStopped, var grid = lastGrid, !repaintAll, size == lastSize else {
      if var grid = lastGrid {
        body(&grid)
        draw(grid)
      }
      return
    }
    lastGrid = nil  // the grid is now uniquely ours: changed in place, not copied
    let width = grid.width
    let height = grid.height
    let rows = rows.clamped(to: 0..<height)
    let saved = Array(grid.cells[(rows.lowerBound * width)..<(rows.upperBound * width)])
    body(&grid)
    guard grid.width == width, grid.height == height else {
      draw(grid)
      return
    }
    let base = rows.lowerBound * width
    push(grid, rows: rows, screenSize: lastSize) { index in
      index >= base && index - base < saved.count ? saved[index - base] : nil
    }
    wnoutrefresh(window)
    doupdate()
    lastGrid = grid
  }

  /// Sends ncurses the cells of `rows` that differ from `old` (nil: draw the cell).
  private func push(
    _ grid: Grid, rows: Range<Int>, screenSize: (columns: Int, rows: Int), old: (Int) -> Cell?
  ) {
    let width = min(grid.width, screenSize.columns)
    let height = min(grid.height, screenSize.rows)
    let cells = grid.cells
    for row in rows where row < height {
      let start = row * grid.width
      var leftDrawn = false
      for column in 0..<max(0, width) {
        let index = start + column
        let cell = cells[index]
        let previous = old(index)
        var dirty = previous.map { $0 != cell } ?? true
        if !dirty, column + 1 < width, let next = old(index + 1), next != cells[index + 1],
          next.isContinuation || cells[index + 1].isContinuation
        {
          dirty = true  // the right half of a wide character changed
        }
        if cell.isContinuation {
          // Normally covered by the wide character to its left; an orphan becomes a blank.
          let covered = column > 0 && !cells[index - 1].isContinuation && columns(of: cells[index - 1]) == 2
          if !covered && (dirty || leftDrawn) {
            put(Cell(" ", style: cell.style), row: row, column: column, room: 1, nextIsContinuation: false)
          }
          leftDrawn = !covered && (dirty || leftDrawn)
          continue
        }
        leftDrawn = dirty
        guard dirty else { continue }
        let nextIsContinuation = column + 1 < grid.width && cells[index + 1].isContinuation
        put(cell, row: row, column: column, room: width - column, nextIsContinuation: nextIsContinuation)
      }
    }
  }

  /// Draws one cell with `mvwadd_wch`. At the bottom-right corner ncurses reports ERR (the
  /// cursor cannot advance and the window does not scroll) but keeps the character: ignored.
  private func put(_ cell: Cell, row: Int, column: Int, room: Int, nextIsContinuation: Bool) {
    let rendition = rendition(for: cell.style)
    fillWideBuffer(cell.text)
    // A wide character needs its continuation cell and room for it; otherwise "?" keeps columns.
    let wide = columns(ofScalar: wideBuffer[0]) == 2
    if wide && (!nextIsContinuation || room < 2) {
      wideBuffer[0] = wchar_t(UInt8(ascii: "?"))
      wideBuffer[1] = 0
    }
    var character = cchar_t()
    if wideBuffer.withUnsafeBufferPointer({
      bm_setcchar(&character, $0.baseAddress, rendition.attributes, rendition.pair)
    }) == ERR {
      // ncurses refused the combination (say, an emoji ZWJ sequence): keep the first scalar.
      wideBuffer[1] = 0
      _ = wideBuffer.withUnsafeBufferPointer {
        bm_setcchar(&character, $0.baseAddress, rendition.attributes, rendition.pair)
      }
    }
    _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
  }

  /// Puts a cell's grapheme into `wideBuffer` as at most 4 scalars and a NUL: a spacing
  /// character first, then combining marks. Controls (C0, DEL, C1) become "?", and so does
  /// anything outside ASCII when the terminal is ASCII-only.
  private func fillWideBuffer(_ text: String) {
    var count = 0
    for scalar in text.unicodeScalars {
      guard count < 4 else { break }
      var value = scalar.value
      let control = value < 0x20 || (0x7F..<0xA0).contains(value)
      if control || (asciiOnly && value > 0x7E) { value = UInt32(UInt8(ascii: "?")) }
      if count == 0 {
        if columns(ofScalar: wchar_t(bitPattern: value)) < 1 { value = UInt32(UInt8(ascii: "?")) }
      } else if asciiOnly || wcwidth(wchar_t(bitPattern: value)) != 0 {
        break  // only zero-width marks may follow the first character
      }
      wideBuffer[count] = wchar_t(bitPattern: value)
      count += 1
    }
    if count == 0 {
      wideBuffer[0] = wchar_t(UInt8(ascii: " "))
      count = 1
    }
    wideBuffer[count] = 0
  }

  /// Display columns of a cell's first scalar as the C library sees it (1 for ASCII).
  func columns(of cell: Cell) -> Int {
    guard let first = cell.text.unicodeScalars.first else { return 0 }
    return columns(ofScalar: wchar_t(bitPattern: first.value))
  }

  private func columns(ofScalar scalar: wchar_t) -> Int {
    if scalar >= 0x20 && scalar < 0x7F { return 1 }
    if asciiOnly { return 1 }
    return Int(wcwidth(scalar))
  }

  /// The attributes and pair for a style, worked out once per style.
  func rendition(for style: CellStyle) -> Rendition {
    if let known = renditions[style] { return known }
    var attributes = bm_a_normal()
    if style.attributes.contains(.bold) { attributes |= bm_a_bold() }
    if style.attributes.contains(.dim) { attributes |= bm_a_dim() }
    if style.attributes.contains(.underline) { attributes |= bm_a_underline() }
    if style.attributes.contains(.reverse) { attributes |= bm_a_reverse() }
    if style.attributes.contains(.italic) { attributes |= bm_a_italic() }
    let rendition = Rendition(
      attributes: attributes, pair: pairs.pair(foreground: style.foreground, background: style.background))
    renditions[style] = rendition
    return rendition
  }
}
