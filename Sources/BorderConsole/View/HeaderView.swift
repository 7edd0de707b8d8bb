import BorderModel

/// The top row: the situation's name, alert counts, the live indicator and the three clocks.
struct HeaderView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let bar = c.style(.header)
    grid.fill(rect, style: bar)
    let (tag, right, readOnly) = arrangement(width: rect.width)
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
      // A console that cannot act says so first: it is kept before everything but the counts.
      left += grid.put(readOnly, row: rect.row, column: left, style: c.style(.error).onBar(bar)) + 2
    }
    if !tag.isEmpty {
      left +=
        grid.put(
          tag, row: rect.row, column: left, limit: max(0, rect.right - used - left),
          style: c.style(.headerAccent)) + 1
    }
    let room = rect.right - used - left - 1
    if room >= 6 { grid.put(c.situation.title, row: rect.row, column: left, limit: room, style: bar) }
  }

  /// What the header shows at a width: the sample's tag and the parts on the right.
  ///
  /// Parts go in order of least use (ux.md bug 8): first the title (whole, then cut, then gone),
  /// then the clocks' long names, the second and third clocks, the words of the live indicator,
  /// the UTC clock, the words of the counts; the open and unacknowledged counts go last.
  func arrangement(width columns: Int) -> (tag: String, right: [[(String, CellStyle)]], readOnly: String) {
    let c = context
    let readOnly = c.state.readOnly ? c.l10n.tr("READ-ONLY") : ""
    let readOnlyWidth = readOnly.isEmpty ? 0 : DisplayWidth.of(readOnly) + 2
    let sample = c.l10n.tr("[sample]")
    let tags =
      c.situation.isIllustrativeSample && c.state.journal.replaced == nil
      ? c.situation.scenario.map {
        [c.l10n.tr("[illustrative sample: %@]", $0), c.l10n.tr("[sample: %@]", $0), sample]
      } ?? [c.l10n.tr("[illustrative sample]"), sample, sample] : [""]
    func tagWidth(_ tag: String) -> Int { (tag.isEmpty ? 0 : DisplayWidth.of(tag) + 1) + readOnlyWidth }
    // A journal replaced under the console says so in full: the title then gives up room (and the tag).
    let titleWidth =
      c.state.journal.replaced != nil
      ? min(12, DisplayWidth.of(c.situation.title) + 2) : DisplayWidth.of(c.situation.title) + 2
    // Each variant is built once (this runs every second), and only if it is tried.
    let counts = alertCounts(.words)
    let live = liveIndicator(compact: false)
    // The interface's language, when it is not English: it goes before the counts' words do.
    let language: [[(String, CellStyle)]] =
      c.l10n.language == .english ? [] : [[(c.l10n.language.rawValue.uppercased(), c.style(.headerAccent))]]
    let richest: [[[(String, CellStyle)]]] = [
      [counts, live, clocks(.wide)] + language, [counts, live, clocks(.short)] + language,
    ]
    // With the whole title: the richest right side and tag that leave it room.
    for right in richest {
      for tag in tags where width(of: right) + tagWidth(tag) + titleWidth <= columns {
        return (tag, right, readOnly)
      }
    }
    // The title goes first; then the rest, one part at a time.
    let compactLive = liveIndicator(compact: true)
    let fewer: [() -> [[(String, CellStyle)]]] = [
      { richest[1] },
      { [counts, live, clocks(.utc)] + language },
      { [counts, compactLive, clocks(.utc)] + language },
      { [counts, compactLive, clocks(.utc)] },
      { [alertCounts(.short), compactLive, clocks(.utc)] },
      { [alertCounts(.short), compactLive] },
      { [alertCounts(.compact), compactLive] },
      { [alertCounts(.compact)] },
    ]
    let tag = tags[tags.count - 1]
    var right: [[(String, CellStyle)]] = []
    for option in fewer {
      right = option()
      if width(of: right) + tagWidth(tag) <= columns { return (tag, right, readOnly) }
    }
    let keepsReadOnly = width(of: right) + readOnlyWidth <= columns
    return ("", right, keepsReadOnly ? readOnly : "")
  }

  private func width(of parts: [[(String, CellStyle)]]) -> Int {
    parts.reduce(0) { total, part in total + part.reduce(0) { $0 + DisplayWidth.of($1.0) } + 2 }
  }

  /// How much of the clocks the header shows.
  enum ClockForm { case wide, short, utc }

  private func clocks(_ form: ClockForm) -> [(String, CellStyle)] {
    let now = context.state.now
    let l10n = context.l10n
    let bar = context.style(.header)
    let accent = context.style(.headerAccent)
    // The seconds are the only text that changes every second: they have a role of their own,
    // which the default theme draws in the terminal's own colours so a tick costs a few bytes.
    let seconds = (RFC3339.pad(DisplayZone.utc.civil(now).second, 2), context.style(.clockSeconds).onBar(bar))
    switch form {
    case .wide:
      return [
        (DisplayZone.utc.clock(now) + ":", accent), seconds, (" UTC  ", bar),
        (DisplayZone.bishkek.clock(now), accent), (" " + l10n.tr("Bishkek", context: "clock") + "  ", bar),
        (DisplayZone.dushanbe.clock(now), accent), (" " + l10n.tr("Dushanbe", context: "clock"), bar),
      ]
    case .short:
      return [
        (DisplayZone.utc.clock(now) + ":", accent), seconds, (" UTC ", bar),
        (DisplayZone.bishkek.clock(now), accent), (" " + l10n.tr("BIS", context: "clock") + " ", bar),
        (DisplayZone.dushanbe.clock(now), accent), (" " + l10n.tr("DUS", context: "clock"), bar),
      ]
    case .utc:
      return [(DisplayZone.utc.clock(now) + ":", accent), seconds, (" UTC", bar)]
    }
  }

  private func liveIndicator(compact: Bool) -> [(String, CellStyle)] {
    let c = context
    let state = c.state
    if let since = state.journal.unreachableSince {
      let time = DisplayZone.utc.clock(since, seconds: true)
      return [
        (
          compact
            ? " " + c.l10n.tr("%@STORE UNREACHABLE", c.glyphs.staleMark) + " "
            : " " + c.l10n.tr("%1$@STORE UNREACHABLE since %2$@ UTC", c.glyphs.staleMark, time) + " ",
          c.style(.stale)
        )
      ]
    }
    if state.journal.readError != nil {
      return [
        (
          " " + c.l10n.tr("%@JOURNAL UNREADABLE", c.glyphs.staleMark) + " ",
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
      return [(" \(c.glyphs.staleMark)\(notice) ", c.style(.stale))]
    }
    // Only feeds keep the console live: operators' actions are not news from the border. An event
    // stamped beyond the clock's skew (bad data) never makes the feed look live.
    let last = state.live.latestFeedEventAt(notAfter: JournalLimits.horizon(now: state.now))
    let minute = state.now.minuteFloor
    guard let last else {
      return [
        (
          " "
            + (compact
              ? c.l10n.tr("%@STALE no feed", c.glyphs.staleMark)
              : c.l10n.tr("%@STALE · no feed event", c.glyphs.staleMark)) + " ",
          c.style(.stale)
        )
      ]
    }
    let age = minute.milliseconds(since: last) / 1000
    let ageText = TimeText.age(last, now: minute, c.l10n)
    if age > state.staleAfterSeconds {
      return [
        (
          compact
            ? " " + c.l10n.tr("%1$@STALE %2$@", c.glyphs.staleMark, ageText) + " "
            : " " + c.l10n.tr("%1$@STALE · last feed event %2$@", c.glyphs.staleMark, ageText) + " ",
          c.style(.stale)
        )
      ]
    }
    let dot = c.glyphs.liveDot.isEmpty ? "" : c.glyphs.liveDot + " "
    if compact { return [(dot.isEmpty ? c.l10n.tr("live %@", ageText) : dot + ageText, c.style(.live))] }
    return [
      (c.l10n.tr("%@live", dot), c.style(.live)),
      (" " + (age < 60 ? ageText : c.l10n.tr("%@ ago", context: "age", ageText)), c.style(.header)),
    ]
  }

  /// How much the alert counts say: with words, the unacknowledged count's word only, glyphs alone.
  enum CountsForm { case words, short, compact }

  /// Open alerts by level (glyph and count), then the unacknowledged ones: `◆1 ▲2 open  ● 3 unacked`.
  private func alertCounts(_ form: CountsForm) -> [(String, CellStyle)] {
    let c = context
    let bar = c.style(.header)
    var out: [(String, CellStyle)] = []
    let counts = c.alertCounts
    var levels: [String] = []
    for level in AlertLevel.allCases.reversed() {
      let count = counts.open[level.rawValue - 1]
      guard count > 0 else { continue }
      let style = level == .escalation ? c.style(.level(level)) : c.style(.level(level)).onBar(bar)
      if !levels.isEmpty { out.append((" ", bar)) }
      levels.append("\(c.glyphs.level(level))\(count)")
      out.append((levels[levels.count - 1], style))
    }
    if !levels.isEmpty && form == .words { out.append((" " + c.l10n.tr("open", context: "alerts"), bar)) }
    let unacknowledged = counts.unacknowledged
    let gap = out.isEmpty ? "" : (form == .compact ? " " : "  ")
    if unacknowledged > 0 {
      let style = c.style(.unacknowledged).onBar(bar)
      out.append(
        (
          gap
            + (form == .compact
              ? "\(c.glyphs.unacknowledged)\(unacknowledged)"
              : "\(c.glyphs.unacknowledged) " + c.l10n.tr("%d unacked", unacknowledged)),
          style
        ))
    } else if out.isEmpty, c.state.journal.replaced != nil {
      // What was open before the journal was replaced is not known: never say calm.
      out.append(
        (form == .compact ? c.l10n.tr("alerts ?") : c.l10n.tr("open alerts unknown"), c.style(.stale)))
    } else if out.isEmpty {
      out.append((form == .compact ? c.l10n.tr("calm") : c.l10n.tr("no open alerts"), bar))
    } else if form != .compact {
      out.append((gap + (form == .words ? c.l10n.tr("all acknowledged") : c.l10n.tr("all acked")), bar))
    }
    return out
  }
}

/// The banner row shown when the display is not following the journal live.
struct BannerView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let state = context.state
    let l10n = context.l10n
    if let cursor = state.historyCursor {
      let style = context.style(.historyBanner)
      grid.fill(rect, style: style)
      var text =
        " "
        + l10n.tr(
          "HISTORY · as of %1$@ UTC (%2$@ Bishkek)", DisplayZone.utc.dateTime(cursor.asOf),
          DisplayZone.bishkek.clock(cursor.asOf))
      if let count = cursor.eventCount {
        text += " · " + l10n.tr("event %1$d of %2$d", count, state.history.totalCount)
      }
      text += " · " + l10n.tr("[ ] step · { } 30 days · L or Esc: live")
      grid.put(text, row: rect.row, column: rect.column, limit: rect.width, style: style)
    } else if let frozen = state.frozen {
      let style = context.style(.frozenBanner)
      grid.fill(rect, style: style)
      let text =
        " "
        + l10n.plural(
          "FROZEN since %1$@ UTC · %2$d event arrived meanwhile · f: resume",
          "FROZEN since %1$@ UTC · %2$d events arrived meanwhile · f: resume", count: frozen.eventsArrived,
          DisplayZone.utc.clock(frozen.since, seconds: true), frozen.eventsArrived)
      grid.put(text, row: rect.row, column: rect.column, limit: rect.width, style: style)
    }
  }
}
