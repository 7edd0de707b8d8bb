import BorderModel

/// What covers the main area: the help screen or a full detail view.
struct OverlayView {
  let context: ViewContext
  let keyMap: KeyMap

  func draw(_ overlay: Overlay, into grid: inout Grid, _ rect: Rect) {
    let c = context
    guard rect.height >= 3, rect.width >= 20 else { return }
    grid.fill(rect, style: c.style(.text))
    let inner = Rect(
      row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
    switch overlay {
    case .help:
      drawPane(&grid, rect, title: "Help · any key closes", focused: true, context: c)
      let single = help(width: inner.width, groups: nil)
      if single.lines.count <= inner.height || inner.width < 80 {
        single.draw(into: &grid, inner, context: c)
      } else {
        // Two columns, split between sections.
        let half = (inner.width - 3) / 2
        let left = help(width: half, groups: ["Move", "Look"])
        let right = help(width: half, groups: nil, excluding: ["Move", "Look"])
        left.draw(
          into: &grid, Rect(row: inner.row, column: inner.column, width: half, height: inner.height),
          context: c)
        right.draw(
          into: &grid,
          Rect(row: inner.row, column: inner.column + half + 3, width: half, height: inner.height), context: c
        )
      }
    case .segmentDetail, .alertDetail, .meetingDetail:
      let content = Self.content(overlay, width: inner.width, context: c)
      let limit = max(0, (content?.lines.count ?? 0) - inner.height)
      let offset = min(c.state.overlayScroll, limit)
      var title = "\(Self.name(overlay)) · Enter or Esc closes"
      if limit > 0 {
        let up = c.glyphs.isASCII ? "^" : "↑"
        let down = c.glyphs.isASCII ? "v" : "↓"
        title += " · j/k scroll " + (offset > 0 ? up : "") + (offset < limit ? down : "")
      }
      drawPane(&grid, rect, title: title, focused: true, context: c)
      content?.draw(into: &grid, inner, context: c, offset: offset)
    }
  }

  /// The overlay's title: what it shows.
  private static func name(_ overlay: Overlay) -> String {
    switch overlay {
    case .help: return "Help"
    case .segmentDetail(let id): return "Segment \(id)"
    case .alertDetail(let id): return "Alert \(id)"
    case .meetingDetail: return "Meeting"
    }
  }

  /// The lines of a detail overlay, or nil when its record is not in the situation shown.
  static func content(_ overlay: Overlay, width: Int, context c: ViewContext) -> RichText? {
    switch overlay {
    case .help: return nil
    case .segmentDetail(let id):
      return c.situation.segment(id).map { DetailContent(context: c).segment($0, width: width, full: true) }
    case .alertDetail(let id):
      return c.situation.alert(id).map { DetailContent(context: c).alert($0, width: width) }
    case .meetingDetail(let id):
      return c.situation.meeting(id).map { DetailContent(context: c).meeting($0, width: width) }
    }
  }

  /// How far a detail overlay can scroll at the state's size: its lines beyond the screen.
  static func scrollLimit(_ overlay: Overlay, state: ConsoleState) -> Int {
    let c = ViewContext(state: state, theme: .defaultDark, glyphs: .unicode)
    let rect = c.layout.main
    guard rect.height >= 3, rect.width >= 20 else { return 0 }
    let lines = content(overlay, width: rect.width - 4, context: c)?.lines.count ?? 0
    return max(0, lines - (rect.height - 2))
  }

  /// The help screen, generated from the key map, in two columns when there is room.
  private func help(width: Int, groups wanted: Set<String>?, excluding: Set<String> = []) -> RichText {
    var groups: [(String, [KeyBinding])] = []
    for binding in keyMap.bindings
    where (wanted?.contains(binding.group) ?? true) && !excluding.contains(binding.group) {
      if let index = groups.firstIndex(where: { $0.0 == binding.group }) {
        groups[index].1.append(binding)
      } else {
        groups.append((binding.group, [binding]))
      }
    }
    var text = RichText(width: width)
    let keyWidth = 12
    for (group, bindings) in groups {
      text.heading(group)
      for binding in bindings {
        let lines = wrap(binding.summary, width: max(8, width - keyWidth))
        for (index, line) in lines.enumerated() {
          text.add(
            RichLine([
              (index == 0 ? binding.keyLabel.padded(to: keyWidth) : "".padded(to: keyWidth), .hintKey),
              (line, .text),
            ]))
        }
      }
    }
    guard wanted == nil else { return text }
    text.heading("Reading the screen")
    let g = context.glyphs
    text.items(
      DemarcationStatus.allCases.map { ("\(g.status($0)) \($0.label)", Role.status($0)) }, lead: "Status ")
    text.items(
      AlertLevel.allCases.map { ("\(g.level($0)) \($0.rawValue) \($0.label)", Role.level($0)) },
      lead: "Level  ")
    text.paragraph(
      "\(g.unacknowledged) unacknowledged alert · times in UTC, Bishkek (UTC+6) and Dushanbe (UTC+5)",
      role: .muted)
    text.paragraph(
      "Feed: \(g.acknowledgedMark) acknowledged · \(g.resolvedMark) resolved · who and how long ago · "
        + "\(g.changedMark) changed since you last looked (seen once you select or open the row, or press m; "
        + "each console keeps its own) · N newer \(g.newerMark): alerts above the selection",
      role: .muted)
    return text
  }
}
