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

  mutating func reduce(_ input: ConsoleInput, keyMap: KeyMap) -> [ConsoleEffect] {
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
      sayAlongside(l10n.tr("recorded as event #%d", seq), seconds: 4)
      return []
    case .appended(.failure(let failure)) where failure.roleCannotAppend:
      refusedForStoreRole()
      return []
    case .appended(.failure(let failure)):
      // The form stays open with what was typed, saying why.
      if var sending = form, sending.isSending {
        sending.isSending = false
        sending.error = l10n.tr("not recorded: %@", reason(failure))
        sending.notice = sending.target.changes(to: sending.target.current(in: live), at: now)
        form = sending
      }
      sayAlongside(l10n.tr("not recorded: %@", reason(failure)), error: true, seconds: 10)
      return []
    case .themeChanged(let name, let problem):
      themeName = name
      if let problem {
        say(l10n.tr("theme %1$@: %2$@", name, problem), error: true, seconds: 8)
      } else {
        say(l10n.tr("theme: %@", name), seconds: 3)
      }
      return []
    }
  }

  /// Why an append failed, in the interface's language: the model's refusal worded here, else the port's own words.
  func reason(_ failure: AppendFailure) -> String {
    failure.rejection.map { l10n.consoleRefusal($0) } ?? failure.message
  }

  mutating func expire() {
    flashes = flashes.filter { $0.value > now }
    if let message, message.until <= now { self.message = nil }
  }

  // MARK: Keys

  mutating func press(_ key: Key, keyMap: KeyMap) -> [ConsoleEffect] {
    // Below the minimum size nothing but the too-small message is drawn: keys reach no hidden form.
    if layout.isTooSmall { return keyMap.command(for: key) == .quit ? [.quit] : [] }
    if key == .control("c") {
      // Ctrl-C cancels a form or prompt (shell habit); in the main view it quits.
      if form != nil {
        cancelForm()
      } else if isEditingFilter {
        return editFilter(.escape, keyMap: keyMap)
      } else if prompt != nil {
        prompt = nil
      } else {
        return [.quit]
      }
      return []
    }
    if form != nil { return editForm(key, keyMap: keyMap) }
    if isEditingFilter { return editFilter(key, keyMap: keyMap) }
    if case .jump(let text) = prompt { return editJump(text, key) }
    if case .search(let text) = prompt { return editHelpSearch(text, key) }
    guard let command = keyMap.command(for: key, in: keyContext) else { return [] }
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
    case .moveUp: move(.rows(-1))
    case .moveDown: move(.rows(1))
    case .pageUp: move(.pages(-1))
    case .pageDown: move(.pages(1))
    case .halfPageUp: move(.halfPages(-1))
    case .halfPageDown: move(.halfPages(1))
    case .top: move(.first)
    case .bottom: move(.last)
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
      } else if focus == .alerts && feed.isNarrowed {
        clearFeedNarrowing()
      } else if !filter.isEmpty {
        filter = ""
        refreshRows()
        keepSelectionsVisible()
      } else if !isLive {
        return run(.backToLive)
      }
    case .filter:
      // `/` filters the focused pane: the feed when it has the focus, else the segments.
      if focus != .alerts { focus = .segments }
      overlay = nil
      isEditingFilter = true
    case .cycleSort:
      sort = SegmentSort(rawValue: (sort.rawValue + 1) % SegmentSort.allCases.count) ?? .position
      sortDescending = false
      refreshRows()
      showTopOfTable()
      say(l10n.tr("sorted by %@", sort.label(l10n)), seconds: 2)
    case .reverseSort:
      sortDescending.toggle()
      refreshRows()
      showTopOfTable()
    case .jump:
      prompt = .jump("")
    case .toggleFreeze:
      if frozen != nil {
        frozen = nil
        refreshRows()
        // Back from a frozen picture the feed follows the newest alert again.
        followNewestAgain()
        say(l10n.tr("resumed: showing the journal live"), seconds: 3)
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
        refreshRows()
        // Back from the past the feed follows the newest alert again.
        followNewestAgain()
        keepSelectionsVisible()
        say(l10n.tr("back to live"), seconds: 2)
      }
    case .help:
      overlay = overlay == .help ? nil : .help
      overlayScroll = 0
    case .cycleTheme:
      return [.cycleTheme]
    case .copyRecord:
      return copyRecordOnScreen()
    case .searchHelp:
      prompt = .search("")
    case .nextMatch: findInHelp(forward: true)
    case .previousMatch: findInHelp(forward: false)
    case .send, .cancel, .nextField, .previousField, .choose, .editText:
      // Keys of forms and prompts: their editors (editForm, editFilter, editJump) run them.
      break
    case .acknowledge, .resolve, .changeLevel, .raiseAlert, .addNote:
      openForm(for: command)
    case .cycleFeedView, .nextUnacknowledged, .openCounterpart, .goBack, .markAllSeen, .focusPane,
      .raiseFeedLevel, .lowerFeedLevel:
      return runFeedCommand(command)
    }
    return []
  }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }

/// Overflow-safe steps for selections.
extension Int {
  func addingClamped(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? Int.max : Int.min) : sum
  }
}

extension String {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
