/// Turns a grid into text for scripts, reports and tests: plain, or with ANSI colours.
public enum TextRenderer {
  /// The grid as plain text, one line per row, trailing spaces trimmed.
  public static func plain(_ grid: Grid) -> String { grid.text + "\n" }

  /// The grid with SGR colour and attribute sequences, colours reduced to `depth`.
  public static func ansi(_ grid: Grid, depth: ColorDepth = .palette256) -> String {
    var out = ""
    for row in 0..<grid.height {
      var current: CellStyle?
      var line = ""
      for column in 0..<grid.width {
        let cell = grid[row, column]
        if cell.isContinuation { continue }
        if cell.style != current {
          line += sgr(cell.style, depth: depth)
          current = cell.style
        }
        line += cell.text
      }
      out += line + "\u{1B}[0m\n"
    }
    return out
  }

  /// The SGR sequence that sets a style from scratch.
  public static func sgr(_ style: CellStyle, depth: ColorDepth) -> String {
    var codes = ["0"]
    if style.attributes.contains(.bold) { codes.append("1") }
    if style.attributes.contains(.dim) { codes.append("2") }
    if style.attributes.contains(.italic) { codes.append("3") }
    if style.attributes.contains(.underline) { codes.append("4") }
    if style.attributes.contains(.reverse) { codes.append("7") }
    if let fg = ColorLadder.reduce(style.foreground, to: depth) { codes += colorCodes(fg, background: false) }
    if let bg = ColorLadder.reduce(style.background, to: depth) { codes += colorCodes(bg, background: true) }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  private static func colorCodes(_ color: ThemeColor, background: Bool) -> [String] {
    switch color {
    case .terminalDefault: return []
    case .ansi(let index):
      let base = index < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
      return [String(base + Int(index % 8))]
    case .indexed(let index): return [background ? "48" : "38", "5", String(index)]
    case .rgb(let r, let g, let b): return [background ? "48" : "38", "2", String(r), String(g), String(b)]
    }
  }
}
