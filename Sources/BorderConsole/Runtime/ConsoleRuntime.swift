import BorderModel

/// The console's loop: waits, turns what woke it into inputs, runs every effect through a queue,
/// and draws. Everything outside the state goes through ports, so tests drive it with fakes.
public struct ConsoleRuntime<
  Terminal: TerminalPort, Journal: JournalPort, Wake: WakeSource, Themes: ThemePort
> {
  public var state: ConsoleState
  public var terminal: Terminal
  public var journal: Journal
  public var wake: Wake
  public var themes: Themes
  public let clock: any WallClock
  public let glyphs: GlyphSet
  public let keyMap: KeyMap
  private var lastSecond: Int64
  /// SIGINT, which Ctrl-C sends when the terminal has it generate signals.
  public static var interruptSignal: Int32 { 2 }

  public init(
    state: ConsoleState, terminal: Terminal, journal: Journal, wake: Wake, themes: Themes,
    clock: any WallClock,
    glyphs: GlyphSet, keyMap: KeyMap = .standard
  ) {
    self.state = state
    self.terminal = terminal
    self.journal = journal
    self.wake = wake
    self.themes = themes
    self.clock = clock
    self.glyphs = glyphs
    self.keyMap = keyMap
    lastSecond = state.now.epochSeconds
  }

  /// Draws the first frame.
  public mutating func start() {
    terminal.draw(ConsoleView.render(state, theme: themes.theme, glyphs: glyphs, keyMap: keyMap))
  }

  /// Runs until `q`, Ctrl-C or a signal; returns the exit status (0, or 128 + the signal).
  public mutating func run() -> Int32 {
    start()
    while true {
      if let status = turn() { return status }
    }
  }

  /// One wake-up: waits, handles everything that came, draws; returns an exit status to stop.
  public mutating func turn() -> Int32? {
    let now = clock.now()
    var timeout = Int(1000 - (now.epochMilliseconds % 1000)) + 2
    if let longest = wake.longestWaitMilliseconds { timeout = min(timeout, longest) }
    let woke = wake.wait(timeoutMilliseconds: timeout)
    var inputs: [ConsoleInput] = []
    if let signal = woke.signal {
      // The terminal turns Ctrl-C into SIGINT: in a form or prompt it cancels that, as the key would.
      guard signal == Self.interruptSignal && state.controlCCancels else { return 128 + signal }
      inputs.append(.key(.control("c")))
    }
    if woke.hungUp { return 128 + 1 }  // as SIGHUP would

    // Read after every wake-up: a resize may have arrived outside the wait.
    for event in terminal.readInputs() {
      switch event {
      case .key(let key): inputs.append(.key(key))
      case .resize(let size): inputs.append(.resize(size))
      }
    }
    var changed = !inputs.isEmpty
    // Keys first, against the situation as the screen showed it; then the journal (its read lets
    // go of the console's live situation, so it comes after every input handled before it).
    if let status = process(inputs) { return status }
    inputs = []
    if woke.journalChanged { inputs.append(.journal(readJournal())) }
    if woke.themeChanged, let change = themes.reload() {
      inputs.append(.themeChanged(name: change.name, problem: change.problem))
    }
    if woke.historyReady {
      for fold in journal.takeLoadedHistory() {
        inputs.append(.historyLoaded(asOf: fold.asOf, situation: fold.situation))
      }
    }
    changed = changed || !inputs.isEmpty
    if let status = process(inputs) { return status }
    var clockTicked = false
    let moment = clock.now()
    if moment.epochSeconds != lastSecond {
      lastSecond = moment.epochSeconds
      // A tick within the minute changes only the clock, unless it ends a highlight or a message.
      let before = (state.flashes.count, state.message, state.now.epochSeconds / 60)
      if let status = process([.tick(moment)]) { return status }
      let after = (state.flashes.count, state.message, state.now.epochSeconds / 60)
      if before != after { changed = true } else { clockTicked = true }
    }
    if changed {
      terminal.draw(ConsoleView.render(state, theme: themes.theme, glyphs: glyphs, keyMap: keyMap))
    } else if clockTicked {
      let state = self.state
      let theme = themes.theme
      let glyphs = self.glyphs
      terminal.redrawHeader { ConsoleView.renderClock(state, into: &$0, theme: theme, glyphs: glyphs) }
    }
    return nil
  }

  /// Hands inputs to the reducer in order and performs every effect, including those of the
  /// inputs the effects bring back (an append's result and the journal read after it): a queue.
  /// Returns an exit status when an effect asks to quit.
  public mutating func process(_ inputs: [ConsoleInput]) -> Int32? {
    var queue = inputs
    var next = 0
    while next < queue.count {
      let input = queue[next]
      next += 1
      for effect in state.handle(input, keyMap: keyMap) {
        switch effect {
        case .quit:
          return 0
        case .bell:
          terminal.bell()
        case .loadHistory(let asOf):
          journal.startLoadingHistory(asOf: asOf)
        case .append(let event):
          // The reducer refuses actions in read-only mode; this is the second lock on the door.
          guard !state.readOnly else { continue }
          state.releaseLiveSituation()
          let result = journal.append(event)
          // What the append read (others' events too) first, then its own result, so the
          // confirmation is the message left on screen.
          queue.append(.journal(journal.refresh()))
          queue.append(.appended(result))
        case .copy(let text):
          terminal.copy(text)
        case .cycleTheme:
          let change = themes.cycle()
          queue.append(.themeChanged(name: change.name, problem: change.problem))
        }
      }
    }
    return nil
  }

  /// Reads the journal, letting go of the console's copy of the live situation first so the
  /// store folds new events in place instead of copying every array it shares with the console.
  private mutating func readJournal() -> JournalNews {
    state.releaseLiveSituation()
    return journal.refresh()
  }
}
