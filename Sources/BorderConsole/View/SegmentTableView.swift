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
        padded: column.kind.heading(context.l10n), row: inner.row, column: col, width: column.width,
        style: c.style(.tableHeader), alignRight: column.alignRight)
      col += column.width + 1
    }
    let visible = inner.height - 1
    if state.rows.isEmpty {
      grid.put(
        c.l10n.tr("no segment matches \"%@\" — Esc clears the filter", state.filter), row: inner.row + 1,
        column: inner.column + 2, limit: inner.width - 2, style: c.style(.muted))
      return
    }
    let selectedRow = state.selectedRow
    for line in 0..<visible {
      let rowIndex = state.segmentSelection.offset + line
      guard rowIndex < state.rows.count else { break }
      let segment = c.situation.segments[state.rows[rowIndex]]
      drawRow(
        &grid, segment, row: inner.row + 1 + line, column: inner.column, width: inner.width, columns: columns,
        selected: rowIndex == selectedRow, focused: focused)
    }
    if state.rows.count > visible {
      let text =
        " "
        + c.l10n.tr(
          "%1$d–%2$d of %3$d", state.segmentSelection.offset + 1,
          min(state.rows.count, state.segmentSelection.offset + visible),
          state.rows.count) + " "
      grid.put(
        text, row: rect.bottom - 1, column: rect.right - 2 - DisplayWidth.of(text), style: c.style(.muted))
    }
  }

  func columns(width: Int) -> [TableColumn<SegmentColumn>] {
    var columns: [TableColumn<SegmentColumn>] = [
      TableColumn(kind: .id, width: 5),
      TableColumn(kind: .name, width: 0),
      TableColumn(kind: .sector, width: 10),
      TableColumn(kind: .km, width: 6, alignRight: true),
      TableColumn(kind: .status, width: 13),
      TableColumn(kind: .level, width: 16),
      TableColumn(kind: .last, width: 5, alignRight: true),
    ]
    // The widest ID among the rows in view (all rows would cost a pass over every segment per frame).
    let segments = context.situation.segments
    let visible = context.state.rows[min(context.state.segmentSelection.offset, context.state.rows.count)...]
      .prefix(
        200)
    // With no row in view (a filter that matches nothing) the heading keeps the width it had (ux.md bug 14).
    let idRows = visible.isEmpty ? ArraySlice(segments.indices.prefix(200)) : visible
    let idWidth = idRows.reduce(2) { max($0, DisplayWidth.of(segments[$1].id.rawValue)) }
    columns[0].width = min(12, idWidth)
    // "Last" is as wide as the widest age in view, so an age is never cut (ux.md bug 13).
    let now = context.now
    let l10n = context.l10n
    columns[6].width = visible.prefix(context.layout.segmentRows).reduce(
      DisplayWidth.of(SegmentColumn.last.heading(l10n))
    ) {
      max($0, DisplayWidth.of(TimeText.shortAge(segments[$1].lastEvent?.at, now: now, l10n)))
    }
    // A wide screen's room goes to text: both sides' districts, then both scripts of the name.
    if width >= 140 { columns.insert(TableColumn(kind: .districts, width: 34), at: 3) }
    // Short of room, what an operator misses least goes first: the sector (the line above shows
    // it), then the length (fixed reference data, in the detail beside the table), then the
    // level's word (its glyph and number stay). The age of the last event stays (issue 10),
    // unless the table is sorted by length: then the column it is sorted by stays instead.
    if width < 78 { columns.removeAll { $0.kind == .sector } }
    if width < 58 {
      let dropped: SegmentColumn = context.state.sort == .length ? .last : .km
      columns.removeAll { $0.kind == dropped }
    }
    if width < 50, let level = columns.firstIndex(where: { $0.kind == .level }) { columns[level].width = 8 }
    return fitColumns(columns, flexible: 1, width: width)
  }

  private func drawRow(
    _ grid: inout Grid, _ segment: Segment, row: Int, column: Int, width: Int,
    columns: [TableColumn<SegmentColumn>],
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
      switch columnSpec.kind {
      case .id:
        grid.put(
          padded: segment.id.rawValue, row: row, column: col, width: columnSpec.width, style: styled(.title))
      case .name:
        let name = columnSpec.width >= 48 ? c.l10n.bothScripts(segment.name) : c.l10n.name(segment.name)
        grid.put(padded: name, row: row, column: col, width: columnSpec.width, style: base)
      case .districts:
        grid.put(
          padded: "\(c.l10n.name(segment.kyrgyzDistrict.name)) / \(c.l10n.name(segment.tajikDistrict.name))",
          row: row, column: col, width: columnSpec.width, style: styled(.muted))
      case .sector:
        grid.put(
          padded: c.l10n.shortSector(segment.sector), row: row, column: col, width: columnSpec.width,
          style: styled(.muted))
      case .km:
        grid.put(
          padded: TimeText.km(segment.lengthKm), row: row, column: col, width: columnSpec.width, style: base,
          alignRight: true)
      case .status:
        let glyph = c.glyphs.status(segment.status)
        let used = grid.put(
          glyph + " ", row: row, column: col, limit: columnSpec.width, style: styled(.status(segment.status)))
        grid.put(
          padded: c.l10n.shortStatus(segment.status), row: row, column: col + used,
          width: columnSpec.width - used,
          style: styled(.status(segment.status)))
      case .level:
        var text = "\(c.glyphs.level(level)) \(level.rawValue) \(c.l10n.shortLevel(level))"
        if columnSpec.width < 12 { text = "\(c.glyphs.level(level)) \(level.rawValue)" }
        let used = grid.put(
          padded: text, row: row, column: col, width: columnSpec.width - 1, style: styled(.level(level)))
        if unacknowledged {
          grid.put(c.glyphs.unacknowledged, row: row, column: col + used, style: styled(.unacknowledged))
        }
      case .last:
        grid.put(
          padded: TimeText.shortAge(segment.lastEvent?.at, now: c.now, c.l10n), row: row, column: col,
          width: columnSpec.width, style: styled(.muted), alignRight: true)
      }
      col += columnSpec.width + 1
    }
  }
}

/// The segments table's columns; each draws itself in `drawRow` and names itself in the interface's language.
enum SegmentColumn: Equatable {
  case id, name, districts, sector, km, status, level, last

  /// The heading in the interface's language.
  func heading(_ l10n: Localizer) -> String {
    switch self {
    case .id: return l10n.tr("ID", context: "column")
    case .name: return l10n.tr("Name", context: "column")
    case .districts: return l10n.tr("Districts KG / TJ", context: "column")
    case .sector: return l10n.tr("Sector", context: "column")
    case .km: return l10n.tr("km", context: "column")
    case .status: return l10n.tr("Status", context: "column")
    case .level: return l10n.tr("Level", context: "column")
    case .last: return l10n.tr("Last", context: "column")
    }
  }
}
