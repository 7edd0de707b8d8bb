import BorderModel

/// The reducer: journal news and the bell.
extension ConsoleState {
  // MARK: Journal

  mutating func receive(_ news: JournalNews) -> [ConsoleEffect] {
    journal.unreachableSince = news.unreachableSince
    if let mayAppend = news.mayAppend { storeRole(mayAppend: mayAppend) }
    if let problem = news.referenceProblem {
      say(l10n.tr("reference data not reloaded, kept as it was — %@", problem), error: true, seconds: 15)
    }
    if let error = news.readError {
      live = news.situation
      if journal.readError != error { say(l10n.tr("journal: %@", error), error: true, seconds: 10) }
      journal.readError = error
      return []
    }
    journal.readError = nil
    journal.lastReadAt = now
    if let replaced = news.replaced { journal.replaced = replaced }
    journal.skippedLines += news.skipped
    if let problem = news.lastProblem { journal.lastProblem = problem }
    // The feed follows the newest alert, like tail -f, unless the operator chose an older one.
    // (`live` may have been let go before the store read the journal: remembered figures are used.)
    live = news.situation
    newestAlert = live.alerts.last?.id
    if var open = form, !open.isSending {
      open.notice = open.target.changes(to: open.target.current(in: live), at: now)
      form = open
    }
    if let reason = news.restartReason {
      // Positions in the alert list start again: what counts as newer starts from here.
      if feed.newerFrom != nil { feed.newerFrom = live.alerts.count }
      unseen = []
      history.reset(base: news.baseline ?? news.situation, events: news.baseline == nil ? [] : news.events)
      say(l10n.tr("%@: read again from the start", reason), seconds: 8)
    } else {
      history.append(news.events)
    }
    // Read again from the start (new reference data, perhaps): names may have changed too.
    if news.restartReason != nil || live.segments.count != searchKeyCount { rebuildSearchKeys() }
    if news.skipped > 0, let problem = news.lastProblem {
      say(
        l10n.plural(
          "journal: %1$d line skipped — %2$@", "journal: %1$d lines skipped — %2$@", count: news.skipped,
          news.skipped, problem), error: true, seconds: 8)
    }
    if var frozen {
      frozen.eventsArrived += news.events.count
      self.frozen = frozen
    }
    var effects: [ConsoleEffect] = []
    // A journal read again from its start, or events backfilled with old times, are history:
    // only what happened in the last hour is announced.
    let announced =
      news.restartReason == nil ? news.events.filter { now.milliseconds(since: $0.at) < 3_600_000 } : []
    if news.restartReason != nil {
      lastAnnounced = [:]
      for alert in live.alerts where alert.needsAcknowledgement && alert.level >= announceLevel {
        lastAnnounced[alert.id] = now
      }
    }
    var announcements: [String] = []
    for event in announced {
      switch event.payload {
      case .alertRaised(let report) where report.level >= announceLevel:
        effects.append(.bell)
        lastAnnounced[report.id] = now
        announcements.append(
          l10n.tr(
            "%1$@ on %2$@: %3$@", l10n.level(report.level).uppercased(), report.segment,
            report.text.isEmpty ? l10n.alertType(report.type) : report.text))
      case .alertLevelChanged(let id, let level, _) where level >= announceLevel:
        if live.alert(id)?.needsAcknowledgement == true {
          effects.append(.bell)
          lastAnnounced[id] = now
          announcements.append(l10n.tr("%1$@ raised to %2$d %3$@", id, level.rawValue, l10n.level(level)))
        }
      case .alertAcknowledged(let id, _), .alertResolved(let id, _):
        lastAnnounced[id] = nil
      default:
        break
      }
    }
    if effects.count > 1 { effects = [.bell] }
    if let newest = announcements.last {
      // The newest first; how many more came with it, so none goes unsaid.
      let more = announcements.count - 1
      let text =
        more == 0
        ? newest
        : l10n.plural("%1$@ (and %2$d more urgent)", "%1$@ (and %2$d more urgent)", count: more, newest, more)
      sayAlongside(text, error: true, seconds: 10)
    }
    // What changed stays marked until this console's operator has seen it, frozen or not;
    // what this console's operator did is seen already.
    let paired = news.events.count == news.touches.count
    for (index, touch) in news.touches.enumerated() where news.restartReason == nil {
      if paired && news.events[index].by == operatorName { continue }
      switch touch {
      case .segment(let id): unseen.insert(id.rawValue)
      case .alert(let id, let segment):
        unseen.insert(id.rawValue)
        unseen.insert(segment.rawValue)
      case .meeting(let id): unseen.insert(id.rawValue)
      case .note(let target): if let target { unseen.insert(target) }
      case .checkpoint, .heartbeat, .unknown, .journalRotated: break
      }
    }
    if historyCursor == nil && frozen == nil {
      let until = now.adding(seconds: Self.flashSeconds)
      for touch in news.touches {
        switch touch {
        case .segment(let id): flashes[id.rawValue] = until
        case .alert(let id, let segment):
          flashes[id.rawValue] = until
          flashes[segment.rawValue] = until
        case .meeting(let id): flashes[id.rawValue] = until
        case .checkpoint(let id): flashes[id.rawValue] = until
        case .note(let target): if let target { flashes[target] = until }
        case .heartbeat, .unknown, .journalRotated: break
        }
      }
      refreshRows()
      // The feed follows the newest alert it lists, like tail -f, unless the operator chose an
      // older one; never behind an open detail or form: what the operator acts on stays put.
      if followsNewestAlert && overlay == nil && form == nil {
        alertSelection.selected = feedAlert(atRow: 0)?.id
      }
      keepSelectionsVisible()
    }
    return effects
  }

  /// Rings again for urgent alerts left unacknowledged longer than the interval.
  mutating func reannounce() -> [ConsoleEffect] {
    guard !lastAnnounced.isEmpty else { return [] }
    var due: [Alert] = []
    for (id, last) in lastAnnounced where now.milliseconds(since: last) / 1000 >= reannounceSeconds {
      guard let alert = live.alert(id), alert.needsAcknowledgement else {
        lastAnnounced[id] = nil
        continue
      }
      lastAnnounced[id] = now
      due.append(alert)
    }
    // Every alert still waiting is named, the most urgent (then the oldest) first.
    due.sort { $0.level != $1.level ? $0.level > $1.level : $0.raisedAt < $1.raisedAt }
    guard let first = due.first else { return [] }
    let waiting = TimeText.age(first.raisedAt, now: now, l10n)
    var text = l10n.tr(
      "%1$@ (%2$d %3$@) still unacknowledged after %4$@", first.id, first.level.rawValue,
      l10n.level(first.level),
      waiting)
    if due.count > 1 {
      text = l10n.tr("%1$@; also %2$@", text, due.dropFirst().map(\.id.rawValue).joined(separator: ", "))
    }
    sayAlongside(text, error: true, seconds: 15)
    return [.bell]
  }
}
