/// The dialog of an action being prepared: its fields, what sending does, and who it is recorded as.
struct FormView {
  let context: ViewContext

  func draw(_ form: ActionForm, into grid: inout Grid, within area: Rect) {
    let c = context
    let width = min(area.width - 4, 72)
    let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 4) + 2
    var lines: [RichLine] = []
    for (index, field) in form.fields.enumerated() {
      let focused = index == form.focused
      let label = (focused ? c.glyphs.selectionMark + " " : "  ") + field.label
      var value: String
      switch field.kind {
      case .choice:
        value = c.glyphs.isASCII ? "< \(field.value) >" : "◀ \(field.value) ▶"
      case .text(let text, _):
        value = text + (focused ? "▏" : "")
        if text.isEmpty && !focused { value = field.optional ? "(optional)" : "(required)" }
      }
      lines.append(
        RichLine([
          (label.padded(to: labelWidth + 2), focused ? .focus : .muted), (value, focused ? .prompt : .text),
        ]))
    }
    lines.append(.blank)
    if let warning = form.warning {
      for part in wrap(warning, width: width - 4) { lines.append(.plain(part, .muted)) }
    }
    lines.append(.plain("recorded as \(c.state.operatorName)", .muted))
    if let error = form.error { lines.append(.plain(error, .error)) }
    lines.append(
      RichLine([
        ("Enter", .hintKey), (" confirm  ", .text), ("Esc", .hintKey), (" cancel  ", .text),
        ("Tab", .hintKey), (" next field  ", .text), ("←→", .hintKey), (" choose", .text),
      ]))
    let height = min(area.height, lines.count + 2)
    let rect = Rect(
      row: area.row + max(0, (area.height - height) / 2),
      column: area.column + max(0, (area.width - width) / 2),
      width: width, height: height)
    grid.fill(rect, style: c.style(.text))
    drawPane(&grid, rect, title: form.title, focused: true, context: c)
    var text = RichText(width: width - 4)
    for line in lines { text.add(line) }
    text.draw(
      into: &grid, Rect(row: rect.row + 1, column: rect.column + 2, width: width - 4, height: height - 2),
      context: c)
  }
}
