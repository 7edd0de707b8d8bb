import BorderModel

/// The dialog of an action being prepared: what it applies to, its fields, what sending does,
/// and who it is recorded as.
struct FormView {
  let context: ViewContext

  func draw(_ form: ActionForm, into grid: inout Grid, within area: Rect) {
    let c = context
    let width = min(area.width - 4, 76)
    let inner = width - 4
    var lines = targetLines(form, width: inner)
    if let notice = form.notice {
      for part in wrap(notice, width: inner) { lines.append(.plain(part, .error)) }
    }
    lines.append(.blank)
    let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 4) + 2
    for (index, field) in form.fields.enumerated() {
      let focused = index == form.focused
      let label = ((focused ? c.glyphs.selectionMark + " " : "  ") + field.label).padded(to: labelWidth + 2)
      var spans: [(String, Role)] = [(label, focused ? .focus : .muted)]
      switch field.kind {
      case .choice:
        spans.append(
          (
            "\(c.glyphs.choiceBrackets.open) \(field.value) \(c.glyphs.choiceBrackets.close)",
            focused ? .prompt : .text
          ))
      case .text(let text, let limit):
        let count = " \(text.utf8.count)/\(limit)"
        let room = max(4, inner - DisplayWidth.of(label) - DisplayWidth.of(count))
        if text.isEmpty && !focused {
          // The field's hint where it fits whole (a cut example would mislead).
          let base = field.optional ? "(optional)" : "(required)"
          let hinted = field.hint.map { "\(base) \($0)" } ?? base
          let placeholder = DisplayWidth.of(hinted) <= room ? hinted : base
          spans.append((placeholder.padded(to: room), .muted))
        } else {
          let shown = Self.window(
            text, cursor: field.cursor, room: room, cursor: focused ? c.glyphs.textCursor : nil,
            ellipsis: c.glyphs.ellipsis, ascii: c.glyphs.isASCII)
          spans.append((shown.padded(to: room), focused ? .prompt : .text))
        }
        spans.append((count, text.utf8.count >= limit ? .error : .muted))
      }
      lines.append(RichLine(spans))
    }
    lines.append(.blank)
    if let warning = form.warning {
      for part in wrap(warning, width: inner) { lines.append(.plain(part, .muted)) }
    }
    lines.append(.plain("recorded as \(c.state.operatorName)", .muted))
    if let error = form.error {
      for part in wrap(error, width: inner) { lines.append(.plain(part, .error)) }
    }
    if form.isSending { lines.append(.plain("recording…", .prompt)) }
    lines.append(
      RichLine([
        ("Enter", .hintKey), (" send  ", .text), ("Esc", .hintKey), (" cancel  ", .text),
        ("Tab", .hintKey), (" field  ", .text), ("←→", .hintKey), (" move  ", .text),
        ("^W ^U", .hintKey), (" delete", .text),
      ]))
    let height = min(area.height, lines.count + 2)
    let rect = Rect(
      row: area.row + max(0, (area.height - height) / 2),
      column: area.column + max(0, (area.width - width) / 2),
      width: width, height: height)
    grid.fill(rect, style: c.style(.text))
    drawPane(&grid, rect, title: form.title, focused: true, context: c)
    var text = RichText(width: inner)
    // When the screen is short, the fields and keys matter more than the target's last lines.
    let spare = lines.count - (height - 2)
    let targetCount = targetLines(form, width: inner).count
    for (index, line) in lines.enumerated() where spare <= 0 || index >= min(spare, targetCount) {
      text.add(line)
    }
    text.draw(
      into: &grid, Rect(row: rect.row + 1, column: rect.column + 2, width: inner, height: height - 2),
      context: c)
  }

  /// What the form applies to, as the live situation has it now (else as it was when it opened).
  private func targetLines(_ form: ActionForm, width: Int) -> [RichLine] {
    let c = context
    let g = c.glyphs
    let now = c.state.now
    let target = form.target.current(in: c.state.live) ?? form.target
    func line(_ label: String, _ spans: [(String, Role)]) -> RichLine {
      RichLine([(label.padded(to: 9), .muted)] + spans)
    }
    switch target {
    case .alert(let alert, let segmentName):
      var state: (String, Role)
      if let mark = alert.resolution {
        state = ("resolved by \(mark.by) \(agoText(mark.at, now: now))", .error)
      } else if let mark = alert.acknowledgement {
        state = ("acknowledged by \(mark.by) \(agoText(mark.at, now: now))", .text)
      } else {
        state = ("\(g.unacknowledged) not acknowledged", .unacknowledged)
      }
      let firstLine = alert.report.text.split(separator: "\n", omittingEmptySubsequences: true).first
        .map(String.init)
      return [
        line("Alert", [(alert.id.rawValue, .title)]),
        line("Segment", [("\(alert.segment) \(segmentName ?? "")", .text)]),
        line(
          "Level",
          [
            ("\(g.level(alert.level)) \(alert.level.rawValue) \(alert.level.label)", Role.level(alert.level)),
            (" · \(alert.report.type.label)", .text),
          ]),
        line("Raised", [("\(agoText(alert.raisedAt, now: now)) by \(alert.raisedBy)", .text)]),
        line("Text", [(firstLine ?? alert.report.type.label, .text)]),
        line("State", [state]),
      ]
    case .segment(let segment):
      return [
        line("Segment", [("\(segment.id) \(segment.name.latin)", .title)]),
        line(
          "Status", [("\(g.status(segment.status)) \(segment.status.label)", Role.status(segment.status))]),
        line(
          "Level",
          [
            (
              "\(g.level(segment.alertLevel)) \(segment.alertLevel.rawValue) \(segment.alertLevel.label)",
              Role.level(segment.alertLevel)
            )
          ]),
      ]
    case .meeting(let meeting):
      let venue = meeting.venue.map { " · \($0.latin)" } ?? ""
      return [
        line("Meeting", [("\(meeting.id)", .title)]),
        line("What", [("\(meeting.kind.label)\(venue)", .text)]),
        line(
          "When",
          [
            (
              "\(DisplayZone.utc.date(meeting.start)) \(DisplayZone.utc.clock(meeting.start, seconds: false)) UTC",
              .text
            )
          ]),
        line("Status", [(meeting.status.label, .text)]),
      ]
    }
  }

  /// The part of `text` that fits `room` columns with the cursor in view: the end of the text
  /// while typing at its end, `…` where text is cut off.
  static func window(
    _ text: String, cursor: Int, room: Int, cursor glyph: String?, ellipsis: String, ascii: Bool
  ) -> String {
    let characters = Array(text)
    let cursor = clamp(cursor, 0, characters.count)
    let widths = characters.map { DisplayWidth.of(Sanitizer.clean(String($0), ascii: ascii)) }
    let glyphWidth = glyph.map { DisplayWidth.of($0) } ?? 0
    let total = widths.reduce(0, +) + glyphWidth
    func assemble(_ range: Range<Int>) -> String {
      var out = String(characters[range.lowerBound..<max(range.lowerBound, min(cursor, range.upperBound))])
      if let glyph, range.contains(cursor) || cursor == range.upperBound { out += glyph }
      if cursor < range.upperBound {
        out += String(characters[max(cursor, range.lowerBound)..<range.upperBound])
      }
      return out
    }
    if total <= room { return assemble(0..<characters.count) }
    // Keep the cursor in view: from it, take as much to the left as fits, then fill to the right.
    let mark = DisplayWidth.of(ellipsis)
    var budget = room - glyphWidth
    var start = cursor
    var end = cursor
    let rightReserve = cursor < characters.count ? min(widths[cursor...].reduce(0, +), max(0, budget / 4)) : 0
    while start > 0 && budget - widths[start - 1] >= mark + rightReserve {
      start -= 1
      budget -= widths[start]
    }
    if start > 0 { budget -= mark }
    while end < characters.count && budget - widths[end] >= (end + 1 < characters.count ? mark : 0) {
      budget -= widths[end]
      end += 1
    }
    return (start > 0 ? ellipsis : "") + assemble(start..<end) + (end < characters.count ? ellipsis : "")
  }
}
