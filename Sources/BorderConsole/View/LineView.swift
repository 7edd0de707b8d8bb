import BorderModel

/// The agreed-length gauge and the strip map: the whole border west to east at a glance.
struct LineView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect, boxed: Bool) {
    let c = context
    var inner = rect
    if boxed {
      let title = c.l10n.plural(
        "Line · %1$@ km in %2$d segment · west → east", "Line · %1$@ km in %2$d segments · west → east",
        count: c.situation.segments.count, TimeText.km(c.figures.totalKm), c.situation.segments.count)
      grid.box(rect, title: title, glyphs: c.glyphs, style: c.style(.border), titleStyle: c.style(.title))
      inner = rect.inner
    }
    guard inner.height >= 3, inner.width >= 10 else { return }
    drawGauge(into: &grid, row: inner.row, column: inner.column, width: inner.width)
    let spans = StripSpans(
      lengths: c.state.cache.lengths, statuses: c.statuses, width: inner.width)
    var row = inner.row + 1
    if inner.height >= 4 {
      drawSectorLabels(into: &grid, row: row, column: inner.column, spans: spans)
      row += 1
    }
    drawStrip(into: &grid, row: row, column: inner.column, spans: spans)
    drawMarkers(into: &grid, row: row + 1, column: inner.column, spans: spans)
  }

  private func drawGauge(into grid: inout Grid, row: Int, column: Int, width: Int) {
    let c = context
    let figures = c.figures
    var col = column
    let label =
      c.l10n.tr("Agreed %1$@ of %2$@ km", TimeText.km(figures.agreedKm), TimeText.km(figures.totalKm)) + " "
    col += grid.put(label, row: row, column: col, style: c.style(.title))
    let percent = TimeText.percent(figures.agreedShare)
    let legendParts = DemarcationStatus.allCases.filter { (figures.segmentsByStatus[$0] ?? 0) > 0 }
    let legendWidth = legendParts.reduce(0) {
      $0 + DisplayWidth.of(c.glyphs.status($1)) + 1 + DisplayWidth.of(c.l10n.shortStatus($1)) + 1
        + TimeText.km(figures.kmByStatus[$1] ?? 0).count + 2
    }
    let room = column + width - col - percent.count - 2
    let showLegend = room - legendWidth >= 12
    let gaugeWidth = max(4, showLegend ? min(40, room - legendWidth) : room)
    let share = figures.agreedShare.isFinite ? min(max(figures.agreedShare, 0), 1) : 0
    let filled = cellCount((Double(gaugeWidth) * share).rounded())
    for index in 0..<gaugeWidth {
      let isFilled = index < filled
      grid.put(
        isFilled ? c.glyphs.gaugeFull : c.glyphs.gaugeEmpty, row: row, column: col + index,
        style: c.style(isFilled ? .gaugeFilled : .gaugeEmpty))
    }
    col += gaugeWidth + 1
    col += grid.put(percent, row: row, column: col, style: c.style(.title)) + 2
    guard showLegend else { return }
    for status in legendParts {
      col += grid.put(c.glyphs.status(status), row: row, column: col, style: c.style(.status(status)))
      col += grid.put(" \(c.l10n.shortStatus(status)) ", row: row, column: col, style: c.style(.muted))
      col +=
        grid.put(TimeText.km(figures.kmByStatus[status] ?? 0), row: row, column: col, style: c.style(.text))
        + 2
    }
  }

  private func drawSectorLabels(into grid: inout Grid, row: Int, column: Int, spans: StripSpans) {
    let c = context
    var starts: [(Int, Sector)] = []
    var last: Sector?
    let segments = c.situation.segments
    for index in segments.indices where segments[index].sector != last {
      starts.append((spans.start(ofSegment: index), segments[index].sector))
      last = segments[index].sector
    }
    for (index, entry) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1].0 : spans.width
      let span = end - entry.0
      guard span >= 2 else { continue }
      let full = c.l10n.sector(entry.1)
      let name = span > DisplayWidth.of(full) + 1 ? full : c.l10n.shortSector(entry.1)
      let level = c.figures.highestLevelBySector[entry.1] ?? .stable
      let skip = index == 0 ? 0 : 1
      if skip == 1 {
        grid.put(c.glyphs.vertical, row: row, column: column + entry.0, style: c.style(.border))
      }
      grid.put(
        name, row: row, column: column + entry.0 + skip, limit: span - skip,
        style: level >= .tense ? c.style(.level(level)) : c.style(.muted))
    }
  }

  private func drawStrip(into grid: inout Grid, row: Int, column: Int, spans: StripSpans) {
    let c = context
    let selected = c.state.segmentSelection.selected.flatMap { c.situation.segmentPosition($0) }
    let flashing = Set(c.state.flashes.filter { $0.value > c.state.now }.keys)
    for cell in 0..<spans.width {
      guard let index = spans.representative(atCell: cell) else { continue }
      var style = c.style(.status(spans.status(atCell: cell)))
      if spans.covers(cell: cell, segment: selected) {
        style = c.style(.selection)
      } else if !flashing.isEmpty && flashing.contains(c.situation.segments[index].id.rawValue) {
        style = c.style(.changed)
      }
      grid.put(c.glyphs.status(spans.status(atCell: cell)), row: row, column: column + cell, style: style)
    }
  }

  private func drawMarkers(into grid: inout Grid, row: Int, column: Int, spans: StripSpans) {
    let c = context
    if let selectedID = c.state.segmentSelection.selected, let index = c.situation.segmentPosition(selectedID)
    {
      let start = spans.start(ofSegment: index)
      let end = max(start + 1, spans.start(ofSegment: index + 1))
      for cell in start..<min(end, spans.width) {
        grid.put(c.glyphs.pointer, row: row, column: column + cell, style: c.style(.focus))
      }
    }
    var cell = 0
    while cell < spans.width {
      let level = spans.level(atCell: cell, context: c)
      if level >= .tense {
        let glyph = c.glyphs.level(level)
        grid.put(glyph, row: row, column: column + cell, style: c.style(.level(level)))
        cell += DisplayWidth.of(glyph)
      } else {
        cell += 1
      }
    }
  }
}

/// Which segments each cell of the strip shows: widths proportional to length, at least one cell each when they fit.
struct StripSpans {
  let width: Int
  /// The first cell of each segment, plus the end (count + 1 entries).
  private var starts: [Int]
  private let statuses: [DemarcationStatus]

  init(lengths: [Double], statuses: [DemarcationStatus], width: Int) {
    self.width = max(1, width)
    self.statuses = statuses
    // Lengths from the data are held to what a border can measure (NaN and negatives as 0),
    // so the shares below are always finite.
    let segments = lengths.map { $0.isNaN ? 0 : min(max($0, 0), 1e9) }
    let total = segments.reduce(0) { $0 + $1 }
    var starts = [Int]()
    starts.reserveCapacity(segments.count + 1)
    if segments.count <= self.width && total > 0 {
      // Every segment gets one cell; the rest is shared by length.
      let spare = Double(self.width - segments.count)
      var cumulative = 0.0
      for (index, length) in segments.enumerated() {
        starts.append(index + cellCount((cumulative / total * spare).rounded()))
        cumulative += max(0, length)
      }
      starts.append(self.width)
    } else {
      var cumulative = 0.0
      for length in segments {
        starts.append(total > 0 ? cellCount((cumulative / total * Double(self.width)).rounded(.down)) : 0)
        cumulative += max(0, length)
      }
      starts.append(self.width)
    }
    self.starts = starts
  }

  /// The first cell of a segment (or the strip's end past the last).
  func start(ofSegment index: Int) -> Int {
    guard index >= 0 else { return 0 }
    return index < starts.count ? starts[index] : width
  }

  /// The segments drawn in a cell: those starting in it, or the one spanning it.
  func segments(inCell cell: Int) -> Range<Int> {
    let count = statuses.count
    guard count > 0 else { return 0..<0 }
    // The last segment that starts at or before the cell.
    var low = 0
    var high = count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= cell { low = mid } else { high = mid - 1 }
    }
    guard starts[low] == cell else { return low..<(low + 1) }
    var first = low
    while first > 0 && starts[first - 1] == cell { first -= 1 }
    return first..<(low + 1)
  }

  /// The segment a cell stands for.
  func representative(atCell cell: Int) -> Int? {
    let range = segments(inCell: cell)
    return range.isEmpty ? nil : range.lowerBound
  }

  /// The least advanced status among the segments in a cell (the one that needs attention).
  func status(atCell cell: Int) -> DemarcationStatus {
    let range = segments(inCell: cell)
    var status = DemarcationStatus.demarcated
    for index in range { status = min(status, statuses[index]) }
    return range.isEmpty ? .disputed : status
  }

  /// The highest level among the segments in a cell, counting open alerts.
  func level(atCell cell: Int, context: ViewContext) -> AlertLevel {
    var level = AlertLevel.stable
    for index in segments(inCell: cell) {
      level = max(level, context.effectiveLevel(at: index))
    }
    // Show a segment's marker once, in its middle cell.
    guard let first = segments(inCell: cell).first else { return .stable }
    let start = self.start(ofSegment: first)
    let end = max(start + 1, self.start(ofSegment: first + 1))
    let middle = start + (end - start - 1) / 2
    return cell == middle || end - start <= 1 ? level : .stable
  }

  /// Whether a cell shows part of a segment.
  func covers(cell: Int, segment: Int?) -> Bool {
    guard let segment else { return false }
    let start = self.start(ofSegment: segment)
    let end = max(start + 1, self.start(ofSegment: segment + 1))
    return cell >= start && cell < end
  }
}
