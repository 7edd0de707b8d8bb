import BorderModel

/// The segments table: one row per segment, the selected one marked, scrolled to keep it in view.
struct SegmentTableView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let focused = state.focus == .segments && state.overlay == nil
    let total = c.situation.segments.count
    var title =
      state.rows.count == total
      ? c.l10n.tr("Segments %d", total) : c.l10n.tr("Segments %1$d of %2$d", state.rows.count, total)
    if !state.filter.isEmpty || state.isEditingFilter {
      title += " · " + c.l10n.tr("filter \"%@\"", state.filter)
    }
    let sortLabel = state.sort.label(c.l10n)
    title +=
      " · "
      + (state.sortDescending ? c.l10n.tr("by %@ (reversed)", sortLabel) : c.l10n.tr("by %@", sortLabel))
    drawPane(&grid, rect, title: title, focused: focused, context: c)
    let inner = rect.inner
    guard inner.height >= 2, inner.width >= 20 else { return }
    let columns = self.columns(width: inner.width - 2)
    // Heading row.
    var col = inner.column + 2
    for column in columns {
      grid.put(
        padded: column.heading, row: inner.row, column: col, width: column.width,
        style: c.style(.tableHeader), alignRight: column.alignRight)
      col += column.width + 1
    }
    let visible = inner.height - 1
    if state.rows.isEmpty {
      grid.put(
        "no segment matches \"\(state.filter)\" — Esc clears the filter", row: inner.row + 1,
        column: inner.column + 2, limit: inner.width - 2, style: c.style(.muted))
      return
    }
    let selectedRow = state.selectedRow
    for line in 0..<visible {
      let rowIndex = state.segmentScroll + line
      guard rowIndex < state.rows.count else { break }
      let segment = c.situation.segments[state.rows[rowIndex]]
      drawRow(
        &grid, segment, row: inner.row + 1 + line, column: inner.column, width: inner.width, columns: columns,
        selected: rowIndex == selectedRow, focused: focused)
    }
    if state.rows.count > visible {
      let text =
        " \(state.segmentScroll + 1)–\(min(state.rows.count, state.segmentScroll + visible)) of \(state.rows.count) "
      grid.put(
        text, row: rect.bottom - 1, column: rect.right - 2 - DisplayWidth.of(text), style: c.style(.muted))
    }
  }

  func columns(width: Int) -> [TableColumn] {
    var columns = [
      TableColumn(heading: "ID", width: 5),
      TableColumn(heading: "Name", width: 0),
      TableColumn(heading: "Sector", width: 10),
      TableColumn(heading: "km", width: 6, alignRight: true),
      TableColumn(heading: "Status", width: 13),
      TableColumn(heading: "Level", width: 16),
      TableColumn(heading: "Last", width: 5, alignRight: true),
    ]
    // The widest ID among the rows in view (all rows would cost a pass over every segment per frame).
    let segments = context.situation.segments
    let visible = context.state.rows[min(context.state.segmentScroll, context.state.rows.count)...].prefix(
      200)
    let idWidth = visible.reduce(2) { max($0, DisplayWidth.of(segments[$1].id.rawValue)) }
    columns[0].width = min(12, idWidth)
    if width < 78 { columns.remove(at: 2) }
    if width < 58 { columns.removeLast() }
    if width < 50 { columns[columns.count - 1].width = 8 }
    return fitColumns(columns, flexible: 1, width: width)
  }

  private func drawRow(
    _ grid: inout Grid, _ segment: Segment, row: Int, column: Int, width: Int, columns: [TableColumn],
    selected: Bool, focused: Bool
  ) {
    let c = context
    let base: CellStyle
    if selected && focused {
      base = c.style(.selection)
    } else if c.isFlashing(segment.id.rawValue) {
      base = c.style(.changed)
    } else {
      base = c.style(.text)
    }
    grid.fill(Rect(row: row, column: column, width: width, height: 1), style: base)
    // A change stays marked until this console's operator has seen it (moved onto it or opened it).
    let changed = c.isFlashing(segment.id.rawValue) || c.isUnseen(segment.id.rawValue)
    let mark = selected ? c.glyphs.selectionMark : (changed ? c.glyphs.changedMark : " ")
    grid.put(mark, row: row, column: column, style: changed && !selected ? c.style(.changed) : base)
    let highlighted = (selected && focused) || c.isFlashing(segment.id.rawValue)
    func styled(_ role: Role) -> CellStyle {
      guard highlighted else { return c.style(role) }
      var style = c.style(role)
      style.background = base.background
      style.attributes.formUnion(base.attributes)
      if base.background != .terminalDefault { style.foreground = base.foreground }
      return style
    }
    let level = c.effectiveLevel(segment)
    let unacknowledged = c.openBySegment[segment.id]?.unacknowledged ?? false
    var col = column + 2
    for columnSpec in columns {
      switch columnSpec.heading {
      case "ID":
        grid.put(
          padded: segment.id.rawValue, row: row, column: col, width: columnSpec.width, style: styled(.title))
      case "Name":
        grid.put(padded: segment.name.latin, row: row, column: col, width: columnSpec.width, style: base)
      case "Sector":
        grid.put(
          padded: segment.sector.shortLabel, row: row, column: col, width: columnSpec.width,
          style: styled(.muted))
      case "km":
        grid.put(
          padded: TimeText.km(segment.lengthKm), row: row, column: col, width: columnSpec.width, style: base,
          alignRight: true)
      case "Status":
        let glyph = c.glyphs.status(segment.status)
        let used = grid.put(
          glyph + " ", row: row, column: col, limit: columnSpec.width, style: styled(.status(segment.status)))
        grid.put(
          padded: segment.status.shortLabel, row: row, column: col + used, width: columnSpec.width - used,
          style: styled(.status(segment.status)))
      case "Level":
        var text = "\(c.glyphs.level(level)) \(level.rawValue) \(level.shortLabel)"
        if columnSpec.width < 12 { text = "\(c.glyphs.level(level)) \(level.rawValue)" }
        let used = grid.put(
          padded: text, row: row, column: col, width: columnSpec.width - 1, style: styled(.level(level)))
        if unacknowledged {
          grid.put(c.glyphs.unacknowledged, row: row, column: col + used, style: styled(.unacknowledged))
        }
      case "Last":
        grid.put(
          padded: TimeText.age(segment.lastEvent?.at, now: c.now), row: row, column: col,
          width: columnSpec.width, style: styled(.muted), alignRight: true)
      default:
        break
      }
      col += columnSpec.width + 1
    }
  }
}
