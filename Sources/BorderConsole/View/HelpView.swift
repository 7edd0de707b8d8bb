import BorderModel

/// The help screen: every key of the key map by section, then every glyph of the glyph set in use.
struct HelpContent {
  let context: ViewContext
  let keyMap: KeyMap

  /// The widest a column of keys and summaries needs to be before a second column is worth it.
  static let columnWidth = 56
  /// The key column's width.
  static let keyWidth = 14

  /// The help's sections in key-map order, then the legend: each a block of lines of `width`.
  func sections(width: Int) -> [RichText] {
    var groups: [(LocalizedMessage, [KeyBinding])] = []
    for binding in keyMap.bindings {
      if let index = groups.firstIndex(where: { $0.0 == binding.group }) {
        groups[index].1.append(binding)
      } else {
        groups.append((binding.group, [binding]))
      }
    }
    let readOnly = context.state.readOnly
    let l10n = context.l10n
    var blocks: [RichText] = []
    if readOnly {
      var text = RichText(width: width)
      text.paragraph(
        l10n.tr("READ-ONLY console: the keys marked unavailable record nothing here."), role: .error)
      blocks.append(text)
    }
    for (group, bindings) in groups {
      var text = RichText(width: width)
      text.heading(l10n.text(group))
      for binding in bindings {
        let unavailable = readOnly && binding.command.writesJournal
        let summary =
          unavailable
          ? l10n.tr("%@ — unavailable: read-only", l10n.text(binding.summary)) : l10n.text(binding.summary)
        var label = binding.keyLabel
        if DisplayWidth.of(label) >= Self.keyWidth {
          // Keys too many for the column get a line of their own.
          text.add(RichLine([(label, unavailable ? .muted : .hintKey)]))
          label = ""
        }
        let lines = wrap(summary, width: max(8, width - Self.keyWidth))
        for (index, line) in lines.enumerated() {
          text.add(
            RichLine([
              ((index == 0 ? label : "").padded(to: Self.keyWidth), unavailable ? .muted : .hintKey),
              (line, unavailable ? .muted : .text),
            ]))
        }
      }
      blocks.append(text)
    }
    blocks.append(legend(width: width))
    return blocks
  }

  /// Every glyph the screen draws with, from the glyph set in use.
  func legend(width: Int) -> RichText {
    let g = context.glyphs
    let l10n = context.l10n
    var text = RichText(width: width)
    text.heading(l10n.tr("Reading the screen"))
    let leads = [l10n.tr("Status", context: "legend"), l10n.tr("Level", context: "legend")]
    let leadWidth = (leads.map { DisplayWidth.of($0) }.max() ?? 6) + 1
    text.items(
      DemarcationStatus.allCases.map { ("\(g.status($0)) \(l10n.status($0))", Role.status($0)) },
      lead: leads[0].padded(to: leadWidth))
    text.items(
      AlertLevel.allCases.map { ("\(g.level($0)) \($0.rawValue) \(l10n.level($0))", Role.level($0)) },
      lead: leads[1].padded(to: leadWidth))
    for entry in g.legend(l10n) {
      text.add(RichLine([(entry.glyph.padded(to: 4), .hintKey), (entry.meaning, .text)]))
    }
    text.paragraph(
      l10n.tr("Times in UTC, Bishkek (UTC+6) and Dushanbe (UTC+5). Colour is never the only sign."),
      role: .muted)
    let short = l10n.shortForms
    if !short.isEmpty {
      text.add(.blank)
      text.heading(l10n.tr("Short forms"))
      for (abbreviation, meaning) in short {
        let lines = wrap(meaning, width: max(8, width - Self.keyWidth))
        for (index, line) in lines.enumerated() {
          text.add(
            RichLine([((index == 0 ? abbreviation : "").padded(to: Self.keyWidth), .hintKey), (line, .text)]))
        }
      }
    }
    return text
  }

  /// All of help as one column, a blank line between sections.
  func single(width: Int) -> RichText {
    var text = RichText(width: width)
    for block in sections(width: width) {
      if !text.lines.isEmpty { text.add(.blank) }
      text.lines += block.lines
    }
    return text
  }

  /// Help in as many side-by-side columns as the width allows (the lines flowing from one to the
  /// next), if it fits the height that way; nil when it does not (one column, scrolled, then).
  func columns(in rect: Rect) -> [RichText]? {
    let count = min(3, (rect.width + 3) / (Self.columnWidth + 3))
    guard count >= 2, rect.height > 0 else { return nil }
    let width = (rect.width - 3 * (count - 1)) / count
    var columns: [RichText] = [RichText(width: width)]
    for line in single(width: width).lines {
      if columns[columns.count - 1].lines.count == rect.height {
        guard columns.count < count else { return nil }
        columns.append(RichText(width: width))
      }
      // A column never starts with a blank line.
      if columns[columns.count - 1].lines.isEmpty && line.spans.isEmpty { continue }
      columns[columns.count - 1].add(line)
    }
    return columns
  }

  /// The lines of help that contain `word` (any case), in the one-column form at `width`.
  func matches(_ word: String, width: Int) -> [Int] {
    let needle = word.lowercased()
    guard !needle.isEmpty else { return [] }
    return single(width: width).lines.enumerated().compactMap { index, line in
      line.spans.map(\.text).joined().lowercased().contains(needle) ? index : nil
    }
  }

  /// The area inside the help's border.
  static func inner(_ rect: Rect) -> Rect {
    Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
  }

  /// How far help scrolls at the state's size: nothing when it fits in columns.
  static func scrollLimit(state: ConsoleState, keyMap: KeyMap = .standard) -> Int {
    let c = ViewContext(state: state, theme: .defaultDark, glyphs: .unicode)
    let rect = c.layout.main
    guard rect.height >= 3, rect.width >= 20 else { return 0 }
    let help = HelpContent(context: c, keyMap: keyMap)
    let inner = inner(rect)
    if help.columns(in: inner) != nil { return 0 }
    return max(0, help.single(width: inner.width).lines.count - inner.height)
  }

  /// The lines holding a word in the one-column form at the state's size (for `n` and `N`).
  static func matchLines(_ word: String, state: ConsoleState, keyMap: KeyMap = .standard) -> [Int] {
    let c = ViewContext(state: state, theme: .defaultDark, glyphs: .unicode)
    let rect = c.layout.main
    guard rect.height >= 3, rect.width >= 20 else { return [] }
    return HelpContent(context: c, keyMap: keyMap).matches(word, width: inner(rect).width)
  }
}

/// Draws the help screen over the main area, scrolled, with the word searched for marked.
struct HelpView {
  let context: ViewContext
  let keyMap: KeyMap

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let inner = HelpContent.inner(rect)
    let help = HelpContent(context: c, keyMap: keyMap)
    let word = c.state.helpSearch
    drawPane(&grid, rect, title: c.l10n.tr("Help · q or Esc closes · / finds"), focused: true, context: c)
    if let columns = help.columns(in: inner) {
      var column = inner.column
      for text in columns {
        draw(
          text, into: &grid, Rect(row: inner.row, column: column, width: text.width, height: inner.height),
          offset: 0, word: word)
        column += text.width + 3
      }
      return
    }
    let text = help.single(width: inner.width)
    let limit = max(0, text.lines.count - inner.height)
    let offset = min(c.state.overlayScroll, limit)
    draw(text, into: &grid, inner, offset: offset, word: word)
    drawMoreMarker(
      into: &grid, rect, offset: offset, shown: inner.height, total: text.lines.count, context: c)
  }

  /// Draws lines, marking the ones that contain the word searched for.
  private func draw(_ text: RichText, into grid: inout Grid, _ rect: Rect, offset: Int, word: String) {
    text.draw(into: &grid, rect, context: context, offset: offset)
    let needle = word.lowercased()
    guard !needle.isEmpty else { return }
    for (index, line) in text.lines.dropFirst(offset).prefix(rect.height).enumerated()
    where line.spans.map(\.text).joined().lowercased().contains(needle) {
      grid.put(
        context.glyphs.selectionMark, row: rect.row + index, column: rect.column - 1,
        style: context.style(.focus))
    }
  }
}

/// Writes where a scrolled text stands in the bottom border, like less: lines shown of all, and
/// `more` while there is more below.
func drawMoreMarker(
  into grid: inout Grid, _ rect: Rect, offset: Int, shown: Int, total: Int, context c: ViewContext
) {
  guard total > shown, rect.width > 12 else { return }
  let last = min(total, offset + shown)
  let marker =
    last < total
    ? c.l10n.tr(" ↓ more · %1$d–%2$d of %3$d ", offset + 1, last, total)
    : c.l10n.tr(" end · %1$d–%2$d of %3$d ", offset + 1, last, total)
  let width = DisplayWidth.of(marker)
  grid.put(
    marker, row: rect.bottom - 1, column: max(rect.column + 1, rect.right - 2 - width),
    limit: rect.width - 3, style: c.style(.focus))
}
