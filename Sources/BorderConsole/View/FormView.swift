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
          let base =
            field.optional
            ? c.l10n.tr("(optional)", context: "form") : c.l10n.tr("(required)", context: "form")
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
    lines.append(.plain(c.l10n.tr("recorded as %@", context: "form", c.state.operatorName), .muted))
    if let error = form.error {
      for part in wrap(error, width: inner) { lines.append(.plain(part, .error)) }
    }
    if form.isSending { lines.append(.plain(c.l10n.tr("recording…", context: "form"), .prompt)) }
    // The form's keys, in the words of the hint bar.
    let keys: [(String, String)] = [
      ("Enter", c.l10n.tr("send", context: "hint")), ("Esc", c.l10n.tr("cancel", context: "hint")),
      ("Tab", c.l10n.tr("field", context: "hint")), ("←→", c.l10n.tr("move", context: "hint")),
      ("^W ^U", c.l10n.tr("delete", context: "hint")),
    ]
    // Whole keys only, as many as fit: send and cancel first.
    var keySpans: [(String, Role)] = []
    var used = 0
    for (key, label) in keys {
      let gap = keySpans.isEmpty ? 0 : 2
      let width = gap + DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
      guard used + width <= inner else { break }
      if gap > 0 { keySpans[keySpans.count - 1].0 += "  " }
      keySpans += [(key, .hintKey), (" " + label, .text)]
      used += width
    }
    lines.append(RichLine(keySpans))
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
    let l10n = c.l10n
    let now = c.state.now
    let target = form.target.current(in: c.state.live) ?? form.target
    let rows: [(String, [(String, Role)])]
    switch target {
    case .alert(let alert, let segmentName):
      var state: (String, Role)
      if let mark = alert.resolution {
        state = (
          l10n.tr("resolved by %1$@ %2$@", context: "form", mark.by, agoText(mark.at, now: now, l10n)), .error
        )
      } else if let mark = alert.acknowledgement {
        state = (
          l10n.tr("acknowledged by %1$@ %2$@", context: "form", mark.by, agoText(mark.at, now: now, l10n)),
          .text
        )
      } else {
        state = (l10n.tr("%@ not acknowledged", context: "form", g.unacknowledged), .unacknowledged)
      }
      let firstLine = alert.report.text.split(separator: "\n", omittingEmptySubsequences: true).first
        .map(String.init)
      rows = [
        (l10n.tr("Alert", context: "form target"), [(alert.id.rawValue, .title)]),
        (l10n.tr("Segment", context: "form target"), [("\(alert.segment) \(segmentName ?? "")", .text)]),
        (
          l10n.tr("Level", context: "form target"),
          [
            (
              "\(g.level(alert.level)) \(alert.level.rawValue) \(l10n.level(alert.level))",
              Role.level(alert.level)
            ),
            (" · \(l10n.alertType(alert.report.type))", .text),
          ]
        ),
        (
          l10n.tr("Raised", context: "form target"),
          [
            (
              l10n.tr(
                "%1$@ by %2$@", context: "form", agoText(alert.raisedAt, now: now, l10n), alert.raisedBy),
              .text
            )
          ]
        ),
        (l10n.tr("Text", context: "form target"), [(firstLine ?? l10n.alertType(alert.report.type), .text)]),
        (l10n.tr("State", context: "form target"), [state]),
      ]
    case .segment(let segment):
      rows = [
        (l10n.tr("Segment", context: "form target"), [("\(segment.id) \(l10n.name(segment.name))", .title)]),
        (
          l10n.tr("Status", context: "form target"),
          [("\(g.status(segment.status)) \(l10n.status(segment.status))", Role.status(segment.status))]
        ),
        (
          l10n.tr("Level", context: "form target"),
          [
            (
              "\(g.level(segment.alertLevel)) \(segment.alertLevel.rawValue) \(l10n.level(segment.alertLevel))",
              Role.level(segment.alertLevel)
            )
          ]
        ),
      ]
    case .meeting(let meeting):
      let venue = meeting.venue.map { " · \(l10n.name($0))" } ?? ""
      rows = [
        (l10n.tr("Meeting", context: "form target"), [("\(meeting.id)", .title)]),
        (l10n.tr("What", context: "form target"), [("\(l10n.meetingKind(meeting.kind))\(venue)", .text)]),
        (
          l10n.tr("When", context: "form target"),
          [
            (
              "\(DisplayZone.utc.date(meeting.start)) \(DisplayZone.utc.clock(meeting.start, seconds: false)) UTC",
              .text
            )
          ]
        ),
        (l10n.tr("Status", context: "form target"), [(l10n.meetingStatus(meeting.status), .text)]),
      ]
    }
    // One label column, as wide as the longest label in this language (9 in English, as before).
    let labelWidth = max(9, (rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 1)
    return rows.map { label, spans in RichLine([(label.padded(to: labelWidth), .muted)] + spans) }
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
