/// A line of text in several styles, for the detail panes.
struct RichLine {
  var spans: [(text: String, role: Role)] = []

  init(_ spans: [(String, Role)] = []) { self.spans = spans.map { (text: $0.0, role: $0.1) } }

  /// A line of one style.
  static func plain(_ text: String, _ role: Role = .text) -> RichLine { RichLine([(text, role)]) }

  /// An empty line.
  static let blank = RichLine()
}

/// Builds the lines of a detail view, wrapping long text to the width.
struct RichText {
  let width: Int
  var lines: [RichLine] = []

  init(width: Int) { self.width = max(1, width) }

  mutating func add(_ line: RichLine) { lines.append(line) }

  /// Adds a line; if too wide, its last span moves to a line of its own under the label column.
  mutating func addFitting(_ line: RichLine, indent: Int = 11) {
    let total = line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    guard total > width, line.spans.count > 1, let last = line.spans.last else {
      add(line)
      return
    }
    add(RichLine(line.spans.dropLast().map { ($0.text, $0.role) }))
    paragraph(String(last.text.drop { $0 == " " }), role: last.role, indent: indent)
  }

  /// A label and a value, the value wrapped under itself.
  mutating func field(_ label: String, _ value: String, role: Role = .text, labelWidth: Int = 11) {
    // A label as long as the column still gets a space after it.
    let labelWidth = max(labelWidth, DisplayWidth.of(label) + 1)
    let labelText = label.padded(to: labelWidth)
    let wrapped = wrap(value, width: max(8, width - labelWidth))
    for (index, part) in wrapped.enumerated() {
      add(
        RichLine([(index == 0 ? labelText : String(repeating: " ", count: labelWidth), .muted), (part, role)])
      )
    }
  }

  /// A paragraph of one style, wrapped.
  mutating func paragraph(_ text: String, role: Role = .text, indent: Int = 0) {
    let pad = String(repeating: " ", count: indent)
    for part in wrap(text, width: max(8, width - indent)) { add(RichLine([(pad + part, role)])) }
  }

  /// Short styled items, as many to a line as fit, never split.
  mutating func items(_ entries: [(String, Role)], lead: String) {
    var line = RichLine([(lead, .muted)])
    var used = DisplayWidth.of(lead)
    let indent = String(repeating: " ", count: used)
    for (text, role) in entries {
      let itemWidth = DisplayWidth.of(text) + 2
      if used + itemWidth > width && line.spans.count > 1 {
        add(line)
        line = RichLine([(indent, .muted)])
        used = DisplayWidth.of(indent)
      }
      line.spans.append((text: text + "  ", role: role))
      used += itemWidth
    }
    add(line)
  }

  /// A section heading.
  mutating func heading(_ text: String) {
    if !lines.isEmpty { add(.blank) }
    add(RichLine([(text, .title)]))
  }

  /// Draws the lines into a rectangle from `offset`, clipping each line to the width.
  func draw(into grid: inout Grid, _ rect: Rect, context: ViewContext, offset: Int = 0) {
    for (index, line) in lines.dropFirst(offset).prefix(rect.height).enumerated() {
      var col = rect.column
      for span in line.spans {
        let room = rect.right - col
        guard room > 0 else { break }
        col += grid.put(
          span.text, row: rect.row + index, column: col, limit: room, style: context.style(span.role))
      }
    }
  }
}
