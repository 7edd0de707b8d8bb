import BorderModel

/// The top row: the situation's name, alert counts, the live indicator and the three clocks.
struct HeaderView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let bar = c.style(.header)
    grid.fill(rect, style: bar)
    // The right side in full, else compact; the title takes what is left and goes first.
    // The sample's tag names the scenario; the long form only where it costs the right side nothing.
    let scenario = c.situation.scenario.map { ": \($0)" } ?? ""
    let tags =
      !c.situation.isIllustrativeSample || c.state.journal.replaced != nil
      ? [""]
      : rect.width >= 100
        ? ["[illustrative sample\(scenario)]", "[sample\(scenario)]"] : ["[sample\(scenario)]"]
    // From richest to most compact: the first that leaves the whole title room wins. A journal
    // replaced under the console says so in full: the title then gives up room (and the tag).
    // A console that cannot act says so first: it is kept before everything but the counts.
    let readOnly = c.state.readOnly ? "READ-ONLY" : ""
    let readOnlyWidth = readOnly.isEmpty ? 0 : DisplayWidth.of(readOnly) + 2
    let replaced = c.state.journal.replaced != nil
    let titleWidth =
      (replaced ? min(12, DisplayWidth.of(c.situation.title) + 1) : DisplayWidth.of(c.situation.title) + 1)
      + readOnlyWidth
    // Each variant is built once (this runs every second).
    let counts = alertCounts(compact: false)
    let live = liveIndicator(compact: false)
    let narrowClocks = clocks(wide: false)
    let options: [() -> [[(String, CellStyle)]]] = [
      { [counts, live, clocks(wide: true)] },
      { [counts, live, narrowClocks] },
      { [alertCounts(compact: true), live, narrowClocks] },
      { [alertCounts(compact: true), liveIndicator(compact: true), narrowClocks] },
    ]
    var right: [[(String, CellStyle)]] = []
    var tag = tags[tags.count - 1]
    var tagWidth = tag.isEmpty ? 0 : DisplayWidth.of(tag) + 2
    search: for option in options {
      right = option()
      for candidate in tags {
        let candidateWidth = candidate.isEmpty ? 0 : DisplayWidth.of(candidate) + 2
        if width(of: right) + candidateWidth + titleWidth <= rect.width {
          (tag, tagWidth) = (candidate, candidateWidth)
          break search
        }
      }
    }
    while width(of: right) + tagWidth + readOnlyWidth > rect.width, !right.isEmpty { right.removeFirst() }
    let used = width(of: right)
    var column = rect.right - used
    grid.clockSeconds = nil
    for part in right {
      column += 1
      for (text, style) in part {
        if style == c.style(.clockSeconds).onBar(bar), text.count == 2, text.allSatisfy(\.isNumber) {
          grid.clockSeconds = (rect.row, column)
        }
        column += grid.put(text, row: rect.row, column: column, style: style)
      }
      column += 1
    }
    var left = rect.column + 1
    if !readOnly.isEmpty {
      left += grid.put(readOnly, row: rect.row, column: left, style: c.style(.error).onBar(bar)) + 2
    }
    if !tag.isEmpty {
      left += grid.put(tag, row: rect.row, column: left, style: c.style(.headerAccent)) + 1
    }
    let room = rect.right - used - left - 1
    if room >= 6 { grid.put(c.situation.title, row: rect.row, column: left, limit: room, style: bar) }
  }

  private func width(of parts: [[(String, CellStyle)]]) -> Int {
    parts.reduce(0) { total, part in total + part.reduce(0) { $0 + DisplayWidth.of($1.0) } + 2 }
  }

  private func clocks(wide: Bool) -> [(String, CellStyle)] {
    let now = context.state.now
    let bar = context.style(.header)
    let accent = context.style(.headerAccent)
    // The seconds are the only text that changes every second: they have a role of their own,
    // which the default theme draws in the terminal's own colours so a tick costs a few bytes.
    let seconds = (RFC3339.pad(DisplayZone.utc.civil(now).second, 2), context.style(.clockSeconds).onBar(bar))
    if wide {
      return [
        (DisplayZone.utc.clock(now) + ":", accent), seconds, (" UTC  ", bar),
        (DisplayZone.bishkek.clock(now), accent), (" Bishkek  ", bar),
        (DisplayZone.dushanbe.clock(now), accent), (" Dushanbe", bar),
      ]
    }
    return [
      (DisplayZone.utc.clock(now) + ":", accent), seconds, (" UTC ", bar),
      (DisplayZone.bishkek.clock(now), accent), (" BIS ", bar),
      (DisplayZone.dushanbe.clock(now), accent), (" DUS", bar),
    ]
  }

  private func liveIndicator(compact: Bool) -> [(String, CellStyle)] {
    let c = context
    let state = c.state
    if let since = state.journal.unreachableSince {
      let time = DisplayZone.utc.clock(since, seconds: true)
      return [
        (
          compact
            ? " \(c.glyphs.staleDot) STORE UNREACHABLE "
            : " \(c.glyphs.staleDot) STORE UNREACHABLE since \(time) UTC ",
          c.style(.stale)
        )
      ]
    }
    if state.journal.readError != nil {
      return [
        (
          " \(c.glyphs.staleDot) JOURNAL UNREADABLE ",
          c.style(.stale)
        )
      ]
    }
    if let replaced = state.journal.replaced {
      // Replaced by an outside tool: never calm, for as long as the console runs.
      let notice =
        compact
        ? c.l10n.tr("JOURNAL REPLACED")
        : replaced.historyBefore.map { c.l10n.tr("JOURNAL REPLACED: HISTORY BEFORE SEQ %d UNAVAILABLE", $0) }
          ?? c.l10n.tr("JOURNAL REPLACED: READ AGAIN FROM ITS START")
      return [(" \(c.glyphs.staleDot) \(notice) ", c.style(.stale))]
    }
    // Only feeds keep the console live: operators' actions are not news from the border. An event
    // stamped beyond the clock's skew (bad data) never makes the feed look live.
    let last = state.live.latestFeedEventAt(notAfter: JournalLimits.horizon(now: state.now))
    let minute = state.now.minuteFloor
    guard let last else {
      return [
        (
          compact ? " \(c.glyphs.staleDot) STALE no feed " : " \(c.glyphs.staleDot) STALE · no feed event ",
          c.style(.stale)
        )
      ]
    }
    let age = minute.milliseconds(since: last) / 1000
    let ageText = TimeText.age(last, now: minute)
    if age > state.staleAfterSeconds {
      return [
        (
          compact
            ? " \(c.glyphs.staleDot) STALE \(ageText) "
            : " \(c.glyphs.staleDot) STALE · last feed event \(ageText) ", c.style(.stale)
        )
      ]
    }
    if compact { return [("\(c.glyphs.liveDot) \(ageText)", c.style(.live))] }
    return [
      ("\(c.glyphs.liveDot) live", c.style(.live)),
      (" \(ageText == "now" ? "now" : ageText + " ago")", c.style(.header)),
    ]
  }

  private func alertCounts(compact: Bool) -> [(String, CellStyle)] {
    let c = context
    let bar = c.style(.header)
    var out: [(String, CellStyle)] = []
    let counts = c.alertCounts
    for level in AlertLevel.allCases.reversed() {
      let count = counts.open[level.rawValue - 1]
      guard count > 0 else { continue }
      let style = level == .escalation ? c.style(.level(level)) : c.style(.level(level)).onBar(bar)
      out.append(("\(c.glyphs.level(level))\(count) ", style))
    }
    let unacknowledged = counts.unacknowledged
    if unacknowledged > 0 {
      let style = c.style(.unacknowledged).onBar(bar)
      out.append(
        (
          compact
            ? "\(c.glyphs.unacknowledged)\(unacknowledged)"
            : "\(c.glyphs.unacknowledged) \(unacknowledged) unack", style
        ))
    } else if out.isEmpty, c.state.journal.replaced != nil {
      // What was open before the journal was replaced is not known: never say calm.
      out.append((compact ? c.l10n.tr("alerts ?") : c.l10n.tr("open alerts unknown"), c.style(.stale)))
    } else if out.isEmpty {
      out.append((compact ? "calm" : "no open alerts", bar))
    } else if !compact {
      out.append(("all acknowledged", bar))
    }
    return out
  }
}

/// The banner row shown when the display is not following the journal live.
struct BannerView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let state = context.state
    if let cursor = state.historyCursor {
      let style = context.style(.historyBanner)
      grid.fill(rect, style: style)
      var text = " HISTORY · as of \(DisplayZone.utc.dateTime(cursor.asOf)) UTC"
      text += " (\(DisplayZone.bishkek.clock(cursor.asOf)) Bishkek)"
      if let count = cursor.eventCount { text += " · event \(count) of \(state.history.totalCount)" }
      text += " · [ ] step · { } 30 days · L or Esc: live"
      grid.put(text, row: rect.row, column: rect.column, limit: rect.width, style: style)
    } else if let frozen = state.frozen {
      let style = context.style(.frozenBanner)
      grid.fill(rect, style: style)
      let arrived = frozen.eventsArrived == 1 ? "1 event arrived" : "\(frozen.eventsArrived) events arrived"
      let text =
        " FROZEN since \(DisplayZone.utc.clock(frozen.since, seconds: true)) UTC · \(arrived) meanwhile · f: resume"
      grid.put(text, row: rect.row, column: rect.column, limit: rect.width, style: style)
    }
  }
}
