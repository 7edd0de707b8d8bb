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
  /// The label column of `field` and `labelled`: every value starts here.
  var labelWidth = 11

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

  /// A label and a value, the value wrapped under itself in the label column; a label too wide
  /// for the column goes on a line of its own, so it never runs into its value.
  mutating func field(_ label: String, _ value: String, role: Role = .text) {
    let labelWidth = min(self.labelWidth, max(0, width - 8))
    let indent = String(repeating: " ", count: labelWidth)
    var first = label.padded(to: labelWidth)
    if DisplayWidth.of(label) + 1 > labelWidth {
      add(RichLine([(label, .muted)]))
      first = indent
    }
    let wrapped = wrap(value, width: max(8, width - labelWidth))
    for (index, part) in wrapped.enumerated() {
      add(RichLine([(index == 0 ? first : indent, .muted), (part, role)]))
    }
  }

  /// A label and styled parts on one line when they fit the label column and the width; else the
  /// label on its own line, or the parts wrapped under the label column.
  mutating func labelled(_ label: String, _ parts: [(String, Role)]) {
    let labelWidth = min(self.labelWidth, max(0, width - 8))
    var lead = label.padded(to: labelWidth)
    if DisplayWidth.of(label) + 1 > labelWidth {
      add(RichLine([(label, .muted)]))
      lead = String(repeating: " ", count: labelWidth)
    }
    let total = parts.reduce(0) { $0 + DisplayWidth.of($1.0) }
    if labelWidth + total <= width {
      add(RichLine([(lead, .muted)] + parts))
      return
    }
    // Too wide: the first part beside the label, each further part wrapped under the column.
    add(RichLine([(lead, .muted), parts[0]]))
    for part in parts.dropFirst() {
      paragraph(String(part.0.drop { $0 == " " }), role: part.1, indent: labelWidth)
    }
  }

  /// The label column for a set of labels: as wide as the widest and a space, at most a third of
  /// the width or 14 columns (wider labels get a line of their own).
  static func labelColumn(_ labels: [String], width: Int) -> Int {
    let widest = labels.map { DisplayWidth.of($0) }.max() ?? 0
    return min(widest + 1, max(14, width / 3))
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
