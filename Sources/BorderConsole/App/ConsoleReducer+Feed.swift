import BorderModel

/// The reducer: the alert feed's views, filters, following, jumps between an alert and its
/// segment, and what this console's operator has seen.
extension ConsoleState {
  // MARK: Rows

  /// Recomputes the feed's rows from the displayed situation, its view and its filters.
  mutating func refreshFeed() {
    guard feed.view != .all || feed.isNarrowed else {
      feed.rows = nil
      return
    }
    let alerts = displayed.alerts
    let needle = feed.text.trimmingSpaces().lowercased()
    var rows: [Int] = []
    var position = alerts.count
    while position > 0 {
      position -= 1
      if feed.admits(alerts[position], needle: needle) { rows.append(position) }
    }
    feed.rows = rows
  }

  /// How many alerts the feed lists.
  public var feedCount: Int { feed.rows?.count ?? displayed.alerts.count }

  /// The alert at a row of the feed (row 0 is the newest listed).
  public func feedAlert(atRow row: Int) -> Alert? { AlertPane.rows(in: self).alert(atRow: row) }

  /// The feed's row of the alert at a position in the situation, if the feed lists it.
  func feedRow(ofPosition position: Int) -> Int? { AlertPane.rows(in: self).row(ofPosition: position) }

  /// Alerts that arrived since the feed stopped following and are listed above the selection:
  /// the "N newer ↑" the pane shows until the operator looks.
  public var newerAboveSelection: Int {
    guard isLive, !followsNewestAlert, let from = feed.newerFrom else { return 0 }
    let arrived: Int
    if let rows = feed.rows {
      arrived = FeedRows.rowsNewer(than: from - 1, in: rows)
    } else {
      arrived = max(0, displayed.alerts.count - from)
    }
    return min(arrived, selectedAlertRow ?? arrived)
  }

  // MARK: Following

  /// The feed follows the newest alert it lists again (after freeze, history, a filter, or `g`).
  mutating func followNewestAgain() {
    followsNewestAlert = true
    feed.newerFrom = nil
    guard isLive, overlay == nil, form == nil else { return }
    alertSelection.selected = feedAlert(atRow: 0)?.id
    keepSelectionsVisible()
  }

  /// The operator put the feed's selection on `row`: at the top it follows, elsewhere it stays.
  mutating func feedSelectionMoved(toRow row: Int) {
    if row == 0 {
      followsNewestAlert = true
      feed.newerFrom = nil
    } else if followsNewestAlert || feed.newerFrom == nil {
      followsNewestAlert = false
      feed.newerFrom = live.alerts.count
    }
  }

  // MARK: Commands

  /// Runs the feed's commands: views, `u`, `o` and back, pane keys, marking seen.
  mutating func runFeedCommand(_ command: Command) -> [ConsoleEffect] {
    switch command {
    case .cycleFeedView:
      feed.view = feed.view.next(bellLevel: announceLevel)
      if overlay != .help { closeDetail() }
      focus = .alerts
      refreshFeed()
      followNewestAgain()
      say(l10n.tr("alerts: %1$@ (%2$d)", feed.view.label(l10n), feedCount), seconds: 2)
    case .raiseFeedLevel, .lowerFeedLevel:
      // From any view: the level view, starting at the bell level, then one step each press.
      var level = announceLevel
      if case .atLeast(let current) = feed.view {
        let step = command == .raiseFeedLevel ? 1 : -1
        level = AlertLevel(rawValue: clamp(current.rawValue + step, 1, 5)) ?? current
      }
      feed.view = .atLeast(level)
      if overlay != .help { closeDetail() }
      focus = .alerts
      refreshFeed()
      followNewestAgain()
      say(l10n.tr("alerts: level ≥ %1$d (%2$d)", level.rawValue, feedCount), seconds: 2)
    case .nextUnacknowledged:
      selectNextUnacknowledged()
    case .openCounterpart:
      openCounterpart()
    case .goBack:
      goBack()
    case .focusPane(let pane):
      if overlay != nil { closeOverlay() }
      focus = pane
    case .markAllSeen:
      let count = unseen.count
      unseen = []
      say(
        count == 0
          ? l10n.tr("nothing new to mark")
          : l10n.plural("marked %d change as seen", "marked %d changes as seen", count: count), seconds: 3)
    default:
      break
    }
    return []
  }

  /// Closes an open detail without the feed catching up (the caller moves the selection).
  private mutating func closeDetail() {
    overlay = nil
    overlayScroll = 0
  }

  /// `u`: the next alert nobody has acknowledged, the most severe then the oldest first, from any pane.
  mutating func selectNextUnacknowledged() {
    var waiting = displayed.alerts.filter(\.needsAcknowledgement)
    guard !waiting.isEmpty else {
      say(l10n.tr("no unacknowledged alerts"), seconds: 3)
      return
    }
    waiting.sort {
      $0.level != $1.level
        ? $0.level > $1.level
        : ($0.raisedAt != $1.raisedAt ? $0.raisedAt < $1.raisedAt : $0.id < $1.id)
    }
    // After the selected one when it is itself waiting; else the first.
    var index = 0
    if focus == .alerts, let current = alertSelection.selected,
      let at = waiting.firstIndex(where: { $0.id == current })
    {
      index = (at + 1) % waiting.count
    }
    let target = waiting[index]
    closeDetail()
    focus = .alerts
    if let position = displayed.alertPosition(target.id), feedRow(ofPosition: position) == nil {
      // Whatever hides it from the feed gives way, and the title says what is shown now.
      feed.text = ""
      feed.segment = nil
      if !feed.view.includes(target) { feed.view = .unacknowledged }
      refreshFeed()
    }
    alertSelection.selected = target.id
    unseen.remove(target.id.rawValue)
    feedSelectionMoved(toRow: selectedAlertRow ?? 0)
    keepSelectionsVisible()
    say(
      l10n.tr(
        "unacknowledged %1$d of %2$d: %3$@ on %4$@", index + 1, waiting.count, target.id, target.segment),
      seconds: 4)
  }

  /// `o`: from an alert to its segment; from a segment to its alerts.
  mutating func openCounterpart() {
    switch recordOnScreen {
    case .alert(let id):
      guard let alert = displayed.alert(id), let position = displayed.segmentPosition(alert.segment) else {
        say(l10n.tr("that alert's segment is not in the reference data"), error: true)
        return
      }
      closeDetail()
      if !rows.contains(position) {
        filter = ""
        refreshRows()
      }
      feed.returnTo = .alert(id)
      focus = .segments
      segmentSelection.selected = alert.segment
      unseen.remove(alert.segment.rawValue)
      keepSelectionsVisible()
      say(l10n.tr("segment %@ · Backspace: back to the alert", alert.segment), seconds: 4)
    case .segment(let id):
      closeDetail()
      feed.returnTo = .segment(id)
      feed.segment = id
      feed.text = ""
      focus = .alerts
      refreshFeed()
      followNewestAgain()
      say(l10n.tr("alerts on %@ · Backspace: back to the segment · Esc: every segment", id), seconds: 4)
    case .meeting, nil:
      say(l10n.tr("o goes from an alert to its segment, and from a segment to its alerts"), error: true)
    }
  }

  /// Backspace: back to where the last `o` came from.
  mutating func goBack() {
    guard let back = feed.returnTo else {
      say(l10n.tr("nothing to go back to: o goes from an alert to its segment and back"), seconds: 3)
      return
    }
    feed.returnTo = nil
    closeDetail()
    switch back {
    case .alert(let id):
      focus = .alerts
      if let position = displayed.alertPosition(id), feedRow(ofPosition: position) == nil {
        feed.text = ""
        feed.segment = nil
        feed.view = .all
        refreshFeed()
      }
      alertSelection.selected = id
      feedSelectionMoved(toRow: selectedAlertRow ?? 0)
    case .segment(let id):
      if feed.segment == id {
        feed.segment = nil
        refreshFeed()
        followNewestAgain()
      }
      focus = .segments
      if let position = displayed.segmentPosition(id), !rows.contains(position) {
        filter = ""
        refreshRows()
      }
      segmentSelection.selected = id
    }
    keepSelectionsVisible()
  }

  /// Esc in the feed: drops its text filter and segment, and the feed follows the newest again.
  mutating func clearFeedNarrowing() {
    feed.text = ""
    feed.segment = nil
    refreshFeed()
    followNewestAgain()
  }

  /// The operator looked at a record: its change mark goes.
  mutating func markSeen(_ id: String?) {
    guard let id, !unseen.isEmpty else { return }
    unseen.remove(id)
  }
}
