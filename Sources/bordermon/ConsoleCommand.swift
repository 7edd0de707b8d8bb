import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore
import BorderTerminal
import BorderThemes

#if canImport(Glibc)
  import Glibc
#endif

/// `bordermon` (or `bordermon console`): the live console.
struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Open the live console (the default command).",
    discussion: """
      Keys: arrows or j/k move, Tab changes pane, Enter opens the detail, / filters, \
      s sorts, : jumps to a segment, f freezes, [ ] step through history, ? shows every \
      key, q quits.
      """)

  @OptionGroup var options: DataOptions

  @Option(help: "Colour: auto (follow the terminal and NO_COLOR), always or never.")
  var color: ColorMode = .auto

  @Flag(help: "Draw with ASCII only (for terminals and locales without UTF-8).")
  var ascii = false

  @Option(
    help: ArgumentHelp(
      "A theme name (see `bordermon themes`) or a theme file; else $BORDERMON_THEME, else the config file.",
      valueName: "name|path"))
  var theme: String?

  @Option(
    help: ArgumentHelp(
      "Mark the journal stale after this many minutes without an event.", valueName: "minutes"))
  var staleAfter: Int = 60

  @Flag(help: "Refuse every action and never open the journal for writing (viewers, wall screens).")
  var readOnly = false

  @Option(
    help: ArgumentHelp(
      "Ring again for an urgent alert left unacknowledged this many minutes.", valueName: "minutes"))
  var reannounce: Int = 10

  @Option(help: ArgumentHelp("New alerts at this level or above ring the bell (1–5).", valueName: "level"))
  var bellLevel: Int = 4

  func validate() throws {
    guard staleAfter >= 1 else { throw ValidationError("--stale-after must be at least 1 minute") }
    guard reannounce >= 1 else { throw ValidationError("--reannounce must be at least 1 minute") }
    guard (1...5).contains(bellLevel) else { throw ValidationError("--bell-level must be 1–5") }
  }

  func run() throws {
    let clock = SystemWallClock()
    let directory = try options.prepared(clock: clock)
    let status = try ConsoleLoop(
      directory: directory, clock: clock, colorMode: color, ascii: ascii ? true : nil, themeOption: theme,
      staleAfterSeconds: Int64(staleAfter) * 60, readOnly: readOnly,
      reannounceSeconds: Int64(reannounce) * 60, bellLevel: AlertLevel(rawValue: bellLevel) ?? .armedIncident
    ).run()
    if status != 0 { throw ExitCode(status) }
  }
}

extension ColorMode: ExpressibleByArgument {}

/// The single-threaded loop: waits on keys, the journal, signals and the next tick; sleeps otherwise.
struct ConsoleLoop {
  let directory: DataDirectory
  let clock: SystemWallClock
  let colorMode: ColorMode
  let ascii: Bool?
  let themeOption: String?
  let staleAfterSeconds: Int64
  let readOnly: Bool
  let reannounceSeconds: Int64
  let bellLevel: AlertLevel

  /// Runs until `q`, Ctrl-C or a signal; returns the exit status (0, or 128 + signal).
  func run() throws -> Int32 {
    // Signals first: blocked before any thread exists, so every exit path comes through here.
    let signals: SignalWatcher
    do {
      signals = try SignalWatcher()
    } catch {
      printError("bordermon: \(error)")
      throw ExitCode(1)
    }
    defer { signals.stop() }
    // The journal is read before the screen is taken, so the first frame drawn is complete.
    var info = stat()
    if stat(directory.journalFile, &info) == 0, info.st_size > 32 << 20 {
      printError("bordermon: opening \(info.st_size >> 20) MiB of journal…")
    }
    var store = SituationStore(directory: directory, historyLimit: 10_000, snapshots: true)
    store.reportsAppendedEvents = true
    let session: TerminalSession
    do {
      session = try TerminalSession.start(colorMode: colorMode, asciiOnly: ascii)
    } catch {
      printError("bordermon: \(error)")
      throw ExitCode(1)
    }
    defer { session.stop() }
    let size = session.size
    var state = ConsoleState(
      situation: store.situation, history: store.takeHistoryWindow(), now: clock.now(),
      size: ScreenSize(columns: size.columns, rows: size.rows))
    state.staleAfterSeconds = staleAfterSeconds
    state.readOnly = readOnly
    // An unreadable or missing journal shows from the first frame, never as a calm, empty one.
    state.journal.readError = store.journalError?.description
    state.operatorName = OperatorIdentity.current()
    state.reannounceSeconds = reannounceSeconds
    state.announceLevel = bellLevel
    let problems = store.diagnostics.filter { $0.severity == .error }
    if let last = problems.last {
      state.say(
        "\(problems.count) problem(s) in the data were skipped — \(last) (bordermon check lists them)",
        error: true, seconds: 15)
    }
    let watcher = FileWatcher(directory: directory.path)
    let glyphs: GlyphSet = session.asciiOnly ? .ascii : .unicode
    var themes = ThemeSelection(catalog: ThemeCatalog(), option: themeOption)
    var theme = themes.theme
    state.themeName = themes.entry.name
    if let problem = themes.problem { state.say("theme: \(problem)", error: true, seconds: 15) }
    var lastSecond = state.now.epochSeconds
    session.draw(ConsoleView.render(state, theme: theme, glyphs: glyphs))
    // After a long fold, save where it got to (once the first screen is up), so the next start is quick.
    store.saveSnapshotIfDue(window: state.history)

    while true {
      let now = clock.now()
      var timeout = Int(1000 - (now.epochMilliseconds % 1000)) + 2
      if watcher.isPolling { timeout = min(timeout, FileWatcher.pollingInterval) }
      var descriptors = [session.inputFileDescriptor, signals.fileDescriptor]
      if let fd = watcher.fileDescriptor { descriptors.append(fd) }
      if let fd = themes.watcher?.fileDescriptor { descriptors.append(fd) }
      if themes.watcher?.isPolling == true { timeout = min(timeout, FileWatcher.pollingInterval) }
      let ready = Poller.wait(for: descriptors, timeoutMilliseconds: timeout)

      if ready.readable.contains(signals.fileDescriptor), let signal = signals.readSignals().first {
        return SignalWatcher.exitStatus(for: signal)
      }
      if ready.hungUp.contains(session.inputFileDescriptor) {
        return SignalWatcher.exitStatus(for: SIGHUP)
      }
      var effects: [ConsoleEffect] = []
      var changed = false
      var clockTicked = false
      // Drained after every wake-up: ncurses turns SIGWINCH into a resize only inside a key read,
      // and the signal may have arrived outside the wait.
      for input in session.readKeys() {
        changed = true
        switch input {
        case .key(let key): effects += state.handle(.key(key))
        case .resize(let columns, let rows):
          effects += state.handle(.resize(ScreenSize(columns: columns, rows: rows)))
        }
      }
      let journalTouched = watcher.fileDescriptor.map { ready.readable.contains($0) } ?? true
      if journalTouched && watcher.drain() {
        changed = true
        // The console's copy of the live situation is let go first, so the store folds the new
        // events in place instead of copying every array it shares with the console.
        state.releaseLiveSituation()
        effects += state.handle(.journal(news(from: store.refresh(), store: store)))
      }
      // An edited theme file is reloaded at once.
      if let themeWatcher = themes.watcher,
        themeWatcher.fileDescriptor.map({ ready.readable.contains($0) }) ?? true, themeWatcher.drain(),
        let problem = themes.reload()
      {
        theme = themes.theme
        effects += state.handle(
          .themeChanged(name: themes.entry.name, problem: problem.isEmpty ? nil : problem))
      }
      let moment = clock.now()
      if moment.epochSeconds != lastSecond {
        lastSecond = moment.epochSeconds
        // A tick within the minute changes only the clock, unless it ends a highlight or message.
        let before = (state.flashes.count, state.message, state.now.epochSeconds / 60)
        effects += state.handle(.tick(moment))
        let after = (state.flashes.count, state.message, state.now.epochSeconds / 60)
        if before != after { changed = true } else { clockTicked = true }
      }
      if !effects.isEmpty { changed = true }
      for effect in effects {
        switch effect {
        case .quit:
          return 0
        case .bell:
          session.bell()
        case .loadHistory(let asOf):
          let past = SituationStore(directory: directory, asOf: asOf)
          _ = state.handle(.historyLoaded(asOf: asOf, situation: past.situation))
        case .append(let event):
          // The reducer refuses actions in read-only mode; this is the second lock on the door.
          guard !readOnly else { continue }
          let result: Result<UInt64, AppendFailure>
          state.releaseLiveSituation()
          switch store.append([event], clock: clock) {
          case .success(let events): result = .success(events.first?.seq ?? 0)
          case .failure(let error): result = .failure(AppendFailure(error.description))
          }
          _ = state.handle(.appended(result))
          state.releaseLiveSituation()
          _ = state.handle(.journal(news(from: store.refresh(), store: store)))
        case .cycleTheme:
          let problem = themes.cycle()
          theme = themes.theme
          _ = state.handle(.themeChanged(name: themes.entry.name, problem: problem))
        }
      }
      if changed {
        session.draw(ConsoleView.render(state, theme: theme, glyphs: glyphs))
      } else if clockTicked {
        session.update(rows: 0..<1) {
          ConsoleView.renderClock(state, into: &$0, theme: theme, glyphs: glyphs)
        }
      }
    }
  }

  /// What a refresh of the store brought, as the console's reducer takes it.
  func news(from update: JournalUpdate, store: SituationStore) -> JournalNews {
    let problems = update.diagnostics.filter { $0.severity == .error }
    return JournalNews(
      situation: store.situation, events: update.events, touches: update.touches,
      restartReason: update.restartReason, baseline: update.restartReason == nil ? nil : store.baseline,
      skipped: update.skipped,
      lastProblem: problems.last.map {
        "line \($0.line ?? 0): \($0.field.map { "\($0): " } ?? "")\($0.message)"
      },
      readError: update.readError?.description)
  }
}

/// The theme in use: which one, where it came from, and the watch on its file for live reloads.
struct ThemeSelection {
  let catalog: ThemeCatalog
  private(set) var theme: Theme
  private(set) var entry: ThemeEntry
  private(set) var watcher: FileWatcher?
  /// What went wrong choosing or loading it, for the message line.
  private(set) var problem: String?

  init(catalog: ThemeCatalog, option: String?) {
    self.catalog = catalog
    let resolved = catalog.resolve(option: option)
    theme = resolved.theme
    entry = resolved.entry
    problem = resolved.diagnostics.first { $0.severity == .error }?.description
    watch()
  }

  private mutating func watch() {
    watcher?.stop()
    watcher = nil
    guard let path = entry.path, let slash = path.lastIndex(of: "/") else { return }
    watcher = FileWatcher(directory: String(path[..<slash]))
  }

  /// Reads the theme file again; nil when nothing changed, "" when it loaded cleanly, else the first problem.
  mutating func reload() -> String? {
    guard entry.path != nil else { return nil }
    switch catalog.load(entry) {
    case .success(let loaded):
      guard loaded.theme != theme || !loaded.diagnostics.isEmpty else { return nil }
      theme = loaded.theme
      return loaded.diagnostics.first { $0.severity == .error }?.description ?? ""
    case .failure(let error):
      return "\(error); keeping the theme as it was"
    }
  }

  /// Switches to the next theme found; returns a problem to show, if any.
  mutating func cycle() -> String? {
    let entries = catalog.entries()
    guard entries.count > 1 else { return "no other theme is installed (bordermon themes lists them)" }
    let index = entries.firstIndex { $0.name == entry.name } ?? -1
    let next = entries[(index + 1) % entries.count]
    switch catalog.load(next) {
    case .success(let loaded):
      theme = loaded.theme
      entry = loaded.entry
      watch()
      return loaded.diagnostics.first { $0.severity == .error }?.description
    case .failure(let error):
      return error.description
    }
  }
}
