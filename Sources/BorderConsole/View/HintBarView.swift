/// The bottom row: the main keys from the key map, or a message, or the text being typed.
struct HintBarView {
  let context: ViewContext
  let keyMap: KeyMap

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let bar = c.style(.hintBar)
    grid.fill(rect, style: bar)
    var col = rect.column + 1
    if state.isEditingFilter {
      col += grid.put("/", row: rect.row, column: col, style: c.style(.hintKey))
      col += grid.put(
        state.filterBeingEdited + "▏", row: rect.row, column: col, limit: rect.width / 2, style: bar)
      let matches =
        state.focus == .alerts
        ? "  Enter keep · Esc clear · matches segment, alert ID, text, type or reporter"
        : "  Enter keep · Esc clear · matches ID, name, district, settlement (Latin or Cyrillic)"
      grid.put(
        matches,
        row: rect.row, column: col, limit: rect.right - col, style: bar)
      return
    }
    if case .jump(let text) = state.prompt {
      col += grid.put(":", row: rect.row, column: col, style: c.style(.hintKey))
      col += grid.put(text + "▏", row: rect.row, column: col, limit: rect.width / 2, style: bar)
      grid.put(
        "  segment ID · Enter jump · Esc cancel", row: rect.row, column: col, limit: rect.right - col,
        style: bar)
      return
    }
    if let message = state.message, message.until > state.now {
      let style = (message.isError ? c.style(.error) : c.style(.prompt)).onBar(bar)
      grid.put(message.text, row: rect.row, column: col, limit: rect.width - 2, style: style)
      return
    }
    for binding in keyMap.hints {
      let keys = binding.hintKeys ?? binding.keyLabel
      let label = binding.hint ?? ""
      let width = DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) + 2
      guard col + width <= rect.right else { break }
      col += grid.put(keys, row: rect.row, column: col, style: c.style(.hintKey))
      col += grid.put(" " + label + "  ", row: rect.row, column: col, style: bar)
    }
  }
}
