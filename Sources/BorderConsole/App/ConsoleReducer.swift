import BorderModel

extension ConsoleState {
  /// The layout for the current size and banners.
  public var layout: ConsoleLayout {
    ConsoleLayout(size: size, banner: !isLive)
  }

  /// Applies one input; returns the effects it asks for.
  public mutating func handle(_ input: ConsoleInput, keyMap: KeyMap = .standard) -> [ConsoleEffect] {
    let effects = reduce(input, keyMap: keyMap)
    // Freezing, history and the turning minute all move the moment meetings are ordered by.
    refreshMoment()
    return effects
  }

  private mutating func reduce(_ input: ConsoleInput, keyMap: KeyMap) -> [ConsoleEffect] {
    switch input {
    case .tick(let time):
      now = time
      expire()
      return reannounce()
    case .resize(let newSize):
      size = newSize
      keepSelectionsVisible()
      return []
    case .journal(let news):
      return receive(news)
    case .historyLoaded(let asOf, let situation):
      // Only the fold still wanted: the operator may have gone back to live or stepped on meanwhile.
      guard loadingHistory == asOf else { return [] }
      loadingHistory = nil
      message = nil
      historyCursor = HistoryCursor(eventCount: nil, asOf: asOf, situation: situation)
      refreshRows()
      keepSelectionsVisible()
      return []
    case .key(let key):
      return press(key, keyMap: keyMap)
    case .appended(.success(let seq)):
      if form?.isSending == true {
        form = nil
        catchUpFeed()
      }
      sayAlongside("recorded as event #\(seq)", seconds: 4)
      return []
    case .appended(.failure(let failure)):
      // The form stays open with what was typed, saying why.
      if var sending = form, sending.isSending {
        sending.isSending = false
        sending.error = "not recorded: \(failure.message)"
        sending.notice = sending.target.changes(to: sending.target.current(in: live), at: now)
        form = sending
      }
      sayAlongside("not recorded: \(failure.message)", error: true, seconds: 10)
      return []
    case .themeChanged(let name, let problem):
      themeName = name
      if let problem {
        say("theme \(name): \(problem)", error: true, seconds: 8)
      } else {
        say("theme: \(name)", seconds: 3)
      }
      return []
    }
  }

  private mutating func expire() {
    flashes = flashes.filter { $0.value > now }
    if let message, message.until <= now { self.message = nil }
  }

  // MARK: Journal

  private mutating func receive(_ news: JournalNews) -> [ConsoleEffect] {
    if let error = news.readError {
      live = news.situation
      if journal.readError != error { say("journal: \(error)", error: true, seconds: 10) }
      journal.readError = error
      return []
    }
    journal.readError = nil
    journal.lastReadAt = now
    journal.skippedLines += news.skipped
    if let problem = news.lastProblem { journal.lastProblem = problem }
    // The feed follows the newest alert, like tail -f, unless the operator chose an older one.
    // (`live` may have been let go before the store read the journal: remembered figures are used.)
    live = news.situation
    newestAlert = live.alerts.last?.id
    // Never behind an open detail or form: what the operator looks at and acts on stays put.
    if followsNewestAlert && isLive && overlay == nil && form == nil { selectedAlert = newestAlert }
    if var open = form, !open.isSending {
      open.notice = open.target.changes(to: open.target.current(in: live), at: now)
      form = open
    }
    if let reason = news.restartReason {
      history.reset(base: news.baseline ?? news.situation, events: news.baseline == nil ? [] : news.events)
      say("\(reason): read again from the start", seconds: 8)
    } else {
      history.append(news.events)
    }
    if live.segments.count != searchKeyCount { rebuildSearchKeys() }
    if news.skipped > 0, let problem = news.lastProblem {
      say("journal: \(news.skipped) line(s) skipped — \(problem)", error: true, seconds: 8)
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
          "\(report.level.label.uppercased()) on \(report.segment): \(report.text.isEmpty ? report.type.label : report.text)"
        )
      case .alertLevelChanged(let id, let level, _) where level >= announceLevel:
        if live.alert(id)?.needsAcknowledgement == true {
          effects.append(.bell)
          lastAnnounced[id] = now
          announcements.append("\(id) raised to \(level.rawValue) \(level.label)")
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
      let more = announcements.count > 1 ? " (and \(announcements.count - 1) more urgent)" : ""
      sayAlongside(newest + more, error: true, seconds: 10)
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
        case .unknown: break
        }
      }
      refreshRows()
      keepSelectionsVisible()
    }
    return effects
  }

  /// Rings again for urgent alerts left unacknowledged longer than the interval.
  private mutating func reannounce() -> [ConsoleEffect] {
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
    let waiting = TimeText.age(first.raisedAt, now: now)
    var text =
      "\(first.id) (\(first.level.rawValue) \(first.level.label)) still unacknowledged after \(waiting)"
    if due.count > 1 { text += "; also " + due.dropFirst().map(\.id.rawValue).joined(separator: ", ") }
    sayAlongside(text, error: true, seconds: 15)
    return [.bell]
  }

  // MARK: Keys

  private mutating func press(_ key: Key, keyMap: KeyMap) -> [ConsoleEffect] {
    // Below the minimum size nothing but the too-small message is drawn: keys reach no hidden form.
    if layout.isTooSmall { return keyMap.command(for: key) == .quit ? [.quit] : [] }
    if key == .control("c") {
      // Ctrl-C cancels a form or prompt (shell habit); in the main view it quits.
      if form != nil {
        cancelForm()
      } else if isEditingFilter {
        return editFilter(.escape)
      } else if prompt != nil {
        prompt = nil
      } else {
        return [.quit]
      }
      return []
    }
    if form != nil { return editForm(key) }
    if isEditingFilter { return editFilter(key) }
    if case .jump(let text) = prompt { return editJump(text, key) }
    if overlay == .help {
      // Any key closes help (q too: it does not quit from here).
      overlay = nil
      return []
    }
    guard let command = keyMap.command(for: key) else { return [] }
    return run(command)
  }

  /// Runs a command from the key map.
  public mutating func run(_ command: Command) -> [ConsoleEffect] {
    switch command {
    case .quit:
      if overlay != nil {
        closeOverlay()
        return []
      }
      return [.quit]
    case .moveUp: move(by: -1)
    case .moveDown: move(by: 1)
    case .pageUp: move(by: -page)
    case .pageDown: move(by: page)
    case .halfPageUp: move(by: -max(1, page / 2))
    case .halfPageDown: move(by: max(1, page / 2))
    case .top: move(by: Int.min / 2)
    case .bottom: move(by: Int.max / 2)
    case .focusNext:
      overlay = nil
      focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count) ?? .segments
    case .focusPrevious:
      overlay = nil
      focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .segments
    case .open:
      if overlay != nil {
        closeOverlay()
      } else {
        openDetail()
      }
    case .close:
      if overlay != nil {
        closeOverlay()
      } else if !filter.isEmpty {
        filter = ""
        refreshRows()
        keepSelectionsVisible()
      } else if !isLive {
        return run(.backToLive)
      }
    case .filter:
      overlay = nil
      focus = .segments
      isEditingFilter = true
    case .cycleSort:
      sort = SegmentSort(rawValue: (sort.rawValue + 1) % SegmentSort.allCases.count) ?? .position
      sortDescending = false
      refreshRows()
      keepSelectionsVisible()
      say("sorted by \(sort.label)", seconds: 2)
    case .reverseSort:
      sortDescending.toggle()
      refreshRows()
      keepSelectionsVisible()
    case .jump:
      prompt = .jump("")
    case .toggleFreeze:
      if frozen != nil {
        frozen = nil
        refreshRows()
        catchUpFeed()
        say("resumed: showing the journal live", seconds: 3)
      } else {
        frozen = FrozenView(situation: displayed, since: now, eventsArrived: 0)
      }
    case .historyBack: return stepHistory(events: -1)
    case .historyForward: return stepHistory(events: 1)
    case .historyBackMonth: return stepHistory(days: -30)
    case .historyForwardMonth: return stepHistory(days: 30)
    case .backToLive:
      if historyCursor != nil || frozen != nil || loadingHistory != nil {
        historyCursor = nil
        frozen = nil
        loadingHistory = nil
        if followsNewestAlert && overlay == nil { selectedAlert = live.alerts.last?.id }
        refreshRows()
        keepSelectionsVisible()
        say("back to live", seconds: 2)
      }
    case .help:
      overlay = overlay == .help ? nil : .help
    case .cycleTheme:
      return [.cycleTheme]
    case .acknowledge, .resolve, .changeLevel, .raiseAlert, .addNote:
      openForm(for: command)
    }
    return []
  }

  /// A page: of the open detail when one is open, else of the focused pane.
  private var page: Int {
    if overlay != nil { return max(1, layout.main.height - 2) }
    return pageSize
  }

  private var pageSize: Int {
    let layout = self.layout
    switch focus {
    case .segments: return layout.segmentRows
    case .meetings: return layout.meetingRows
    case .alerts: return layout.alertRows
    }
  }

  // MARK: Selection

  /// The selected meeting's row in the meetings pane.
  var selectedMeetingRow: Int? {
    guard let id = selectedMeeting else { return nil }
    let meetings = displayed.meetings
    return cache.meetingOrder.firstIndex { meetings[$0].id == id }
  }

  /// The selected alert's row in the feed (newest first), without copying the alerts.
  var selectedAlertRow: Int? {
    let situation = displayed
    guard let id = selectedAlert, let position = situation.alertPosition(id) else { return nil }
    return situation.alerts.count - 1 - position
  }

  private mutating func move(by delta: Int) {
    if overlay != nil {
      // Keys in a detail scroll it; the selection behind it never moves.
      scrollOverlay(by: delta)
      return
    }
    switch focus {
    case .segments:
      guard !rows.isEmpty else { return }
      let current = selectedRow ?? 0
      let target = clamp(current.addingClamped(delta), 0, rows.count - 1)
      selectedSegment = displayed.segments[rows[target]].id
    case .meetings:
      let order = cache.meetingOrder
      guard !order.isEmpty else { return }
      let row = clamp((selectedMeetingRow ?? 0).addingClamped(delta), 0, order.count - 1)
      selectedMeeting = displayed.meetings[order[row]].id
    case .alerts:
      let alerts = displayed.alerts
      guard !alerts.isEmpty else { return }
      let row = clamp((selectedAlertRow ?? 0).addingClamped(delta), 0, alerts.count - 1)
      selectedAlert = alerts[alerts.count - 1 - row].id
      // At the top, the feed follows the newest alert again (like tail -f); elsewhere it stays.
      followsNewestAlert = row == 0
    }
    keepSelectionsVisible()
  }

  /// Scrolls each pane so its selection stays in view.
  mutating func keepSelectionsVisible() {
    let layout = self.layout
    if selectedRow == nil, let first = rows.first { selectedSegment = displayed.segments[first].id }
    segmentScroll = scrolled(
      segmentScroll, selected: selectedRow ?? 0, visible: layout.segmentRows, count: rows.count)
    let order = cache.meetingOrder
    if selectedMeetingRow == nil { selectedMeeting = order.first.map { displayed.meetings[$0].id } }
    meetingScroll = scrolled(
      meetingScroll, selected: selectedMeetingRow ?? 0, visible: layout.meetingRows, count: order.count)
    let alertCount = displayed.alerts.count
    if selectedAlertRow == nil { selectedAlert = displayed.alerts.last?.id }
    alertScroll = scrolled(
      alertScroll, selected: selectedAlertRow ?? 0, visible: layout.alertRows, count: alertCount)
  }

  private func scrolled(_ offset: Int, selected: Int, visible: Int, count: Int) -> Int {
    var offset = offset
    if selected < offset { offset = selected }
    if selected >= offset + visible { offset = selected - visible + 1 }
    return clamp(offset, 0, max(0, count - visible))
  }

  /// Scrolls the open detail, within its content.
  private mutating func scrollOverlay(by delta: Int) {
    guard let overlay else { return }
    let limit = OverlayView.scrollLimit(overlay, state: self)
    overlayScroll = clamp(overlayScroll.addingClamped(delta), 0, limit)
  }

  /// Closes the detail or help; a feed that follows the newest alert catches up.
  private mutating func closeOverlay() {
    overlay = nil
    overlayScroll = 0
    catchUpFeed()
  }

  /// Once nothing is open over it, a feed that follows the newest alert selects it again.
  mutating func catchUpFeed() {
    guard followsNewestAlert && isLive && form == nil && overlay == nil, let newest = live.alerts.last?.id,
      selectedAlert != newest
    else { return }
    selectedAlert = newest
    keepSelectionsVisible()
  }

  private mutating func openDetail() {
    overlayScroll = 0
    switch focus {
    case .segments:
      if let id = selectedSegment { overlay = .segmentDetail(id) }
    case .meetings:
      if let id = selectedMeeting { overlay = .meetingDetail(id) }
    case .alerts:
      if let id = selectedAlert { overlay = .alertDetail(id) }
    }
  }

  // MARK: Actions

  /// The record an action key applies to: the open detail's record, else the focused pane's selected row.
  public var recordOnScreen: RecordOnScreen? {
    switch overlay {
    case .segmentDetail(let id): return .segment(id)
    case .alertDetail(let id): return .alert(id)
    case .meetingDetail(let id): return .meeting(id)
    case .help, nil: break
    }
    switch focus {
    case .segments: return selectedSegment.map { .segment($0) }
    case .meetings: return selectedMeeting.map { .meeting($0) }
    case .alerts: return selectedAlert.map { .alert($0) }
    }
  }

  /// Why the model would refuse an action against the live situation, if it would (its rules, not the console's).
  private func refusal(_ action: OperatorAction) -> String? {
    action.draft(by: operatorName).rejection(now: now, in: live)?.reason
  }

  /// Why no action can be taken from this console now, if none can.
  private var actionsBlocked: String? {
    if readOnly { return "read-only console: actions are disabled (started with --read-only)" }
    if historyCursor != nil || loadingHistory != nil {
      return "actions apply to the present: press L to go back to live first"
    }
    if let error = journal.readError {
      return "refused while the journal cannot be read (\(error)): nothing was written"
    }
    return nil
  }

  private mutating func openForm(for command: Command) {
    if let blocked = actionsBlocked {
      say(blocked, error: true, seconds: 8)
      return
    }
    guard let record = recordOnScreen else {
      say("nothing is selected", error: true)
      return
    }
    switch command {
    case .acknowledge, .resolve, .changeLevel:
      guard case .alert(let id) = record else {
        say("select an alert first: Tab to the alert feed, or Enter on one there", error: true)
        return
      }
      guard let alert = live.alert(id) else {
        say("\(id) is not in the journal now", error: true)
        return
      }
      let name = live.segment(alert.segment)?.name.latin
      switch command {
      case .acknowledge:
        if let reason = refusal(.acknowledge(id, note: nil)) { return say(reason, error: true) }
        form = .acknowledge(alert, segmentName: name)
      case .resolve:
        if let reason = refusal(.resolve(id, note: nil)) { return say(reason, error: true) }
        form = .resolve(alert, segmentName: name)
      default:
        // Any other level than the current one: the model says whether the level can change at all.
        let probe: AlertLevel = alert.level == .stable ? .tense : .stable
        if let reason = refusal(.changeLevel(id, to: probe, reason: nil)) { return say(reason, error: true) }
        form = .changeLevel(alert, segmentName: name)
      }
    case .raiseAlert:
      let segment: Segment?
      switch record {
      case .segment(let id): segment = live.segment(id)
      case .alert(let id): segment = live.alert(id).flatMap { live.segment($0.segment) }
      case .meeting:
        say("select a segment or an alert first: a new alert is raised on a segment", error: true)
        return
      }
      guard let segment else { return say("the segment is not in the journal now", error: true) }
      form = .raiseAlert(on: segment)
    case .addNote:
      let target: ActionTarget?
      switch record {
      case .segment(let id): target = live.segment(id).map { .segment($0) }
      case .alert(let id):
        target = live.alert(id).map { .alert($0, segmentName: live.segment($0.segment)?.name.latin) }
      case .meeting(let id): target = live.meeting(id).map { .meeting($0) }
      }
      guard let target else { return say("that record is not in the journal now", error: true) }
      form = .addNote(on: target)
    default:
      break
    }
  }

  /// An acknowledgement or re-level of a resolved alert says who resolved it.
  private mutating func cancelForm() {
    form = nil
    say("cancelled: nothing recorded", seconds: 3)
    catchUpFeed()
  }

  private mutating func editForm(_ key: Key) -> [ConsoleEffect] {
    guard var current = form, !current.isSending else { return [] }
    switch key {
    case .escape:
      cancelForm()
      return []
    case .enter:
      if let missing = current.missingField {
        current.error = "\(missing) is required"
        form = current
        return []
      }
      // Checked against the live situation now; the journal checks again under its lock.
      // A refusal keeps the form open with what was typed.
      if let blocked = actionsBlocked {
        current.error = blocked
        form = current
        return []
      }
      guard let draft = event(for: current) else { return [] }
      let target = current.target.current(in: live)
      if let reason = draft.rejection(now: now, in: live)?.reason {
        current.error = "not sent: \(reason)"
        current.notice = current.target.changes(to: target, at: now)
        form = current
        return []
      }
      current.isSending = true
      current.error = nil
      form = current
      say("recording…", seconds: 5)
      return [.append(draft)]
    default:
      _ = current.edit(key)
      form = current
      return []
    }
  }

  /// The draft event a completed form stands for, with this operator's name: built by the
  /// model's `OperatorAction`, timed (and a new alert named) when the journal appends it.
  func event(for form: ActionForm) -> EventDraft? {
    let level = AlertLevel(spelling: form.value("Level")) ?? .tense
    let action: OperatorAction
    switch form.purpose {
    case .acknowledge(let id): action = .acknowledge(id, note: form.value("Note"))
    case .resolve(let id): action = .resolve(id, note: form.value("Note"))
    case .changeLevel(let id): action = .changeLevel(id, to: level, reason: form.value("Reason"))
    case .raiseAlert(let segment):
      let type = AlertType(spelling: form.value("Type")) ?? .other
      action = .raise(AlertRequest(segment: segment, level: level, type: type, text: form.value("Text")))
    case .addNote(let target):
      action = .note(target: target, text: form.value("Text"))
    }
    return action.draft(by: operatorName)
  }

  // MARK: Text entry

  private mutating func editFilter(_ key: Key) -> [ConsoleEffect] {
    switch key {
    case .enter:
      isEditingFilter = false
    case .escape:
      isEditingFilter = false
      filter = ""
    case .backspace, .control("h"):
      if !filter.isEmpty { filter.removeLast() }
    case .control("u"):
      filter = ""
    case .character(let c):
      filter.append(c)
    case .up, .down, .pageUp, .pageDown:
      isEditingFilter = false
      return press(key, keyMap: .standard)
    default:
      return []
    }
    refreshRows()
    keepSelectionsVisible()
    return []
  }

  private mutating func editJump(_ text: String, _ key: Key) -> [ConsoleEffect] {
    switch key {
    case .enter:
      prompt = nil
      jump(to: text)
    case .escape:
      prompt = nil
    case .backspace, .control("h"):
      prompt = .jump(String(text.dropLast()))
    case .character(let c):
      prompt = .jump(text + String(c))
    default:
      break
    }
    return []
  }

  /// Selects the segment whose ID matches `text` exactly (any case), else the only one it begins.
  mutating func jump(to text: String) {
    let wanted = text.trimmingSpaces().lowercased()
    guard !wanted.isEmpty else { return }
    let segments = displayed.segments
    let exact = segments.first { $0.id.rawValue.lowercased() == wanted }
    let prefixed = segments.filter { $0.id.rawValue.lowercased().hasPrefix(wanted) }
    guard let target = exact ?? (prefixed.count == 1 ? prefixed.first : nil) else {
      say(
        prefixed.isEmpty ? "no segment \(text)" : "\(prefixed.count) segments begin with \(text)", error: true
      )
      return
    }
    if let position = displayed.segmentPosition(target.id), !rows.contains(position) {
      filter = ""
      refreshRows()
    }
    // The jump shows its segment: a detail open over the table closes, so nothing hides what moved.
    overlay = nil
    overlayScroll = 0
    focus = .segments
    selectedSegment = target.id
    keepSelectionsVisible()
  }

  // MARK: History

  private mutating func stepHistory(events delta: Int) -> [ConsoleEffect] {
    let total = history.totalCount
    let current = historyCursor?.eventCount ?? (historyCursor == nil ? total : nil)
    guard let current else {
      // Placed by time: find the event count at that time, then step.
      guard let asOf = historyCursor?.asOf, let count = history.count(atOrBefore: asOf) else {
        say("older history is not in memory: use { } to step by month", error: true)
        return []
      }
      return moveHistory(to: count + delta)
    }
    return moveHistory(to: current + delta)
  }

  private mutating func moveHistory(to target: Int) -> [ConsoleEffect] {
    let total = history.totalCount
    if target >= total {
      return run(.backToLive)
    }
    guard target >= history.baseCount else {
      say("older history is not in memory: use { } to step by month", error: true)
      return []
    }
    guard let situation = history.situation(afterEvents: max(target, 0)) else { return [] }
    let asOf = history.time(ofEvent: target) ?? history.events.first?.at ?? now
    historyCursor = HistoryCursor(eventCount: max(target, 0), asOf: asOf, situation: situation)
    refreshRows()
    keepSelectionsVisible()
    return []
  }

  private mutating func stepHistory(days: Int) -> [ConsoleEffect] {
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
    say("loading history as of \(DisplayZone.utc.date(target)) … (L: back to live)", seconds: 3600)
    return [.loadHistory(asOf: target)]
  }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }

extension Int {
  fileprivate func addingClamped(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? Int.max : Int.min) : sum
  }
}

extension String {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
