import BorderModel

/// The reducer: stepping through history.
extension ConsoleState {
  // MARK: History

  mutating func stepHistory(events delta: Int) -> [ConsoleEffect] {
    let total = history.totalCount
    let current = historyCursor?.eventCount ?? (historyCursor == nil ? total : nil)
    guard let current else {
      // Placed by time: find the event count at that time, then step.
      guard let asOf = historyCursor?.asOf, let count = history.count(atOrBefore: asOf) else {
        say(l10n.tr("older history is not in memory: use { } to step by month"), error: true)
        return []
      }
      return moveHistory(to: count + delta)
    }
    return moveHistory(to: current + delta)
  }

  mutating func moveHistory(to target: Int) -> [ConsoleEffect] {
    let total = history.totalCount
    if target >= total {
      return run(.backToLive)
    }
    guard target >= history.baseCount else {
      say(l10n.tr("older history is not in memory: use { } to step by month"), error: true)
      return []
    }
    guard let situation = history.situation(afterEvents: max(target, 0)) else { return [] }
    let asOf = history.time(ofEvent: target) ?? history.events.first?.at ?? now
    historyCursor = HistoryCursor(eventCount: max(target, 0), asOf: asOf, situation: situation)
    refreshRows()
    keepSelectionsVisible()
    return []
  }

  mutating func stepHistory(days: Int) -> [ConsoleEffect] {
    let from = loadingHistory ?? historyCursor?.asOf ?? now
    let target = from.adding(seconds: Int64(days) * 86_400)
    if target >= now {
      return run(.backToLive)
    }
    if let count = history.count(atOrBefore: target), let situation = history.situation(afterEvents: count) {
      loadingHistory = nil
      historyCursor = HistoryCursor(eventCount: nil, asOf: target, situation: situation)
      refreshRows()
      keepSelectionsVisible()
      return []
    }
    // Folded off the loop: keys and drawing go on, and the screen says so meanwhile.
    loadingHistory = target
    say(l10n.tr("loading history as of %@ … (L: back to live)", DisplayZone.utc.date(target)), seconds: 3600)
    return [.loadHistory(asOf: target)]
  }
}
