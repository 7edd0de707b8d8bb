import ArgumentParser
import BorderConsole
import BorderModel
import BorderPostgres
import BorderStore
import BorderTerminal
import BorderThemes
import Foundation

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
      valueName: "name|path"), completion: CompletionCandidates.completion(.themes))
  var theme: String?

  @Option(
    help: ArgumentHelp(
      "Mark the feeds stale after this many minutes without an event from a feed (operators' actions do not count).",
      valueName: "minutes"))
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
    let l10n = options.l10n
    guard staleAfter >= 1 else { throw ValidationError(l10n.tr("--stale-after must be at least 1 minute")) }
    guard reannounce >= 1 else { throw ValidationError(l10n.tr("--reannounce must be at least 1 minute")) }
    guard (1...5).contains(bellLevel) else { throw ValidationError(l10n.tr("--bell-level must be 1–5")) }
  }

  func run() throws {
    // First, before any work: a crash must never leave Swift's backtracer waiting for a key.
    CrashRestore.makeBacktracesNonInteractive()
    let clock = SystemWallClock()
    let language = try options.language()
    let postgres = try options.openPostgres()
    let directory = try postgres?.directory ?? options.prepared(clock: clock)
    let status = try ConsoleLoop(
      directory: directory, postgres: postgres, clock: clock, colorMode: color, ascii: ascii ? true : nil,
      themeOption: theme, language: language,
      staleAfterSeconds: Int64(staleAfter) * 60, readOnly: readOnly,
      reannounceSeconds: Int64(reannounce) * 60, bellLevel: AlertLevel(rawValue: bellLevel) ?? .armedIncident
    ).run()
    if status != 0 { throw ExitCode(status) }
  }
}

extension ColorMode: ExpressibleByArgument {}

/// Sets up the console's ports (the terminal, the journal, the clock, what wakes it) and runs its loop.
struct ConsoleLoop {
  let directory: DataDirectory
  /// The PostgreSQL store followed instead of the data directory, if one was chosen.
  let postgres: PostgresStore?
  let clock: SystemWallClock
  let colorMode: ColorMode
  let ascii: Bool?
  let themeOption: String?
  /// The language of the interface, and what was skipped choosing it.
  let language: LanguageChoice
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
    let l10n = Localizer.of(language.language)
    var store: SituationStore
    if let postgres {
      switch postgres.situationStore(historyLimit: 10_000, snapshots: true) {
      case .success(let opened): store = opened
      case .failure(let error):
        printError("bordermon: " + l10n.storeError(error))
        throw ExitCode(1)
      }
    } else {
      var info = stat()
      if stat(directory.journalFile, &info) == 0, info.st_size > 32 << 20 {
        printError("bordermon: " + l10n.tr("opening %d MiB of journal…", Int(info.st_size >> 20)))
      }
      store = SituationStore(directory: directory, historyLimit: 10_000, snapshots: true)
    }
    store.reportsAppendedEvents = true
    // A viewer writes nothing in the data directory, not even the snapshot cache; a store's
    // cache is in the viewer's own cache folder, not in the store, so it keeps one there.
    store.savesSnapshots = !readOnly || postgres != nil
    guard let folds = HistoryFolds() else {
      printError("bordermon: " + l10n.tr("cannot create a pipe: %@", l10n.systemReason(errno)))
      throw ExitCode(1)
    }
    let session: TerminalSession
    do {
      session = try TerminalSession.start(colorMode: colorMode, asciiOnly: ascii)
    } catch {
      printError("bordermon: " + l10n.terminalError(error))
      throw ExitCode(1)
    }
    defer { session.stop() }
    let size = session.size
    var state = ConsoleState(
      situation: store.situation, history: store.takeHistoryWindow(), now: clock.now(),
      size: ScreenSize(columns: size.columns, rows: size.rows))
    state.staleAfterSeconds = staleAfterSeconds
    state.clipboardAvailable = session.acceptsClipboard
    state.readOnly = readOnly
    // An unreadable or missing journal shows from the first frame, never as a calm, empty one.
    state.journal.readError = store.journalError.map { l10n.fileError($0) }
    // On a store, the server says who appends (its authenticated user), not the environment.
    state.operatorName = postgres?.operatorName ?? OperatorIdentity.current()
    state.reannounceSeconds = reannounceSeconds
    state.announceLevel = bellLevel
    state.l10n = .of(language.language)
    // A store role the server lets only read is read-only from the first frame, saying why (in its language).
    if postgres.flatMap({ try? $0.mayAppend().get() }) == false { state.startWithStoreRoleReadOnly() }
    if let warning = language.warnings.first { state.say(warning, error: true, seconds: 15) }
    let problems = store.diagnostics.filter { $0.severity == .error }
    if let last = problems.last {
      state.say(
        l10n.plural(
          "%1$d problem(s) in the data were skipped — %2$@ (bordermon check lists them)",
          "%1$d problem(s) in the data were skipped — %2$@ (bordermon check lists them)",
          count: problems.count,
          problems.count, last),
        error: true, seconds: 15)
    }
    let themes = ThemeSelection(catalog: ThemeCatalog(), option: themeOption, l10n)
    state.themeName = themes.entry.name
    if let problem = themes.problem {
      state.say(l10n.tr("theme: %@", problem), error: true, seconds: 15)
    } else if let warning = themes.configWarning {
      state.say(warning, seconds: 15)
    }
    let window = state.history
    let link = postgres.map { StoreLink(store: $0, clock: clock, l10n) }
    var runtime = ConsoleRuntime(
      state: state, terminal: SessionTerminal(session: session),
      journal: StoreJournal(
        store: store, readOnly: readOnly, folds: folds, link: link, clock: clock, l10n: l10n),
      wake: PollWake(
        input: session.inputFileDescriptor, signals: signals,
        watcher: link == nil ? FileWatcher(directory: directory.path) : nil, themes: themes, folds: folds,
        link: link),
      themes: themes, clock: clock, glyphs: session.asciiOnly ? .ascii : .unicode)
    runtime.start()
    // After a long fold, save where it got to (once the first screen is up), so the next start is quick.
    runtime.journal.store.saveSnapshotIfDue(window: window)
    while true {
      if let status = runtime.turn() { return status }
    }
  }
}

/// The terminal port over the ncurses session.
struct SessionTerminal: TerminalPort {
  let session: TerminalSession

  func readInputs() -> [TerminalEvent] {
    session.readKeys().map { input in
      switch input {
      case .key(let key): return .key(key)
      case .resize(let columns, let rows): return .resize(ScreenSize(columns: columns, rows: rows))
      }
    }
  }

  func draw(_ grid: Grid) { session.draw(grid) }
  func redrawHeader(_ body: (inout Grid) -> Void) { session.update(rows: 0..<1, body) }
  func bell() { session.bell() }
  func copy(_ text: String) { session.send(Clipboard.osc52(text)) }
}

/// The journal port over the store: reads, appends under the lock, folds of the past on a worker thread.
struct StoreJournal: JournalPort {
  var store: SituationStore
  let readOnly: Bool
  let folds: HistoryFolds
  /// The PostgreSQL store's link, when the journal is a store's.
  var link: StoreLink?
  /// The clock appended events made now are timed by, under the journal's lock.
  let clock: any WallClock
  /// The words of the messages it gives the console.
  let l10n: Localizer

  mutating func refresh() -> JournalNews {
    if let link { return link.news(&store) }
    // Reference files replaced under the console: taken (the journal folded again over them), or,
    // with errors, kept as they were and said.
    if let reloaded = store.reloadChangedReferenceFiles() {
      return Self.news(from: reloaded.merged(with: store.refresh()), store: store, l10n)
    }
    return Self.news(from: store.refresh(), store: store, l10n)
  }

  /// A refresh's update as the console's reducer takes it.
  static func news(from update: JournalUpdate, store: SituationStore, _ l10n: Localizer) -> JournalNews {
    let problems = update.diagnostics.filter { $0.severity == .error }
    var news = JournalNews(
      situation: store.situation, events: update.events, touches: update.touches,
      restartReason: update.restartReason, baseline: update.restartReason == nil ? nil : store.baseline,
      skipped: update.skipped,
      lastProblem: problems.last.map {
        "line \($0.line ?? 0): \($0.field.map { "\($0): " } ?? "")\($0.message)"
      },
      readError: update.readError.map { l10n.fileError($0) },
      referenceProblem: update.referenceProblems.first.map { problem in
        update.referenceProblems.count > 1
          ? l10n.tr("%@ (and more: bordermon check)", problem.description) : problem.description
      })
    if update.replacedNotice != nil {
      news.replaced = JournalReplacement(historyBefore: update.replacedHistoryBefore)
    }
    return news
  }

  mutating func append(_ draft: EventDraft) -> Result<UInt64, AppendFailure> {
    guard !readOnly else { return .failure(AppendFailure(l10n.tr("read-only console: nothing is written"))) }
    if let link { return link.append(&store, draft, clock: clock) }
    // A console never creates a journal: one that went missing is reported, not started afresh.
    var info = stat()
    let path = store.directory.journalFile
    if lstat(path, &info) != 0 && errno == ENOENT {
      return .failure(
        AppendFailure(
          l10n.tr("the journal %@ is missing: nothing was written (a console never creates one)", path)))
    }
    switch store.append([draft], clock: clock) {
    case .success(let events): return .success(events.first?.seq ?? 0)
    case .failure(.rejected(_, let rejection)): return .failure(AppendFailure(rejected: rejection))
    case .failure(let error): return .failure(AppendFailure(l10n.appendError(error)))
    }
  }

  func startLoadingHistory(asOf: Timestamp) {
    if let link {
      folds.start(store: link.url, asOf: asOf)
    } else {
      folds.start(directory: store.directory, asOf: asOf)
    }
  }
  func takeLoadedHistory() -> [(asOf: Timestamp, situation: Situation)] { folds.take() }
}

/// Folds of the journal up to a past moment, made on a worker thread; each one finished writes a
/// byte to a pipe the loop polls, so keys and drawing never wait for a fold. One fold runs at a
/// time: asked again meanwhile, only the newest moment asked for is folded next.
final class HistoryFolds: @unchecked Sendable {
  private let lock = NSLock()
  private var finished: [(asOf: Timestamp, situation: Situation)] = []
  /// The next fold wanted, and whether a worker is running.
  private var wanted: (fold: @Sendable () -> Situation?, asOf: Timestamp)?
  private var running = false
  /// Readable when a fold finished.
  let readDescriptor: Int32
  private let writeDescriptor: Int32

  init?() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
    }
    readDescriptor = ends[0]
    writeDescriptor = ends[1]
  }

  deinit {
    close(readDescriptor)
    close(writeDescriptor)
  }

  /// Asks for a fold of `directory`'s journal up to `asOf`.
  func start(directory: DataDirectory, asOf: Timestamp) {
    start(asOf: asOf) { SituationStore(directory: directory, asOf: asOf).situation }
  }

  /// Asks for a fold of a PostgreSQL store's journal up to `asOf`, on a connection of the worker's own.
  ///
  /// While the store cannot be reached nothing arrives; the banner stays until `L` goes back to live.
  func start(store url: StoreURL, asOf: Timestamp) {
    start(asOf: asOf) {
      guard case .success(let opened) = PostgresStore.open(url),
        case .success(let past) = opened.situationStore(asOf: asOf)
      else { return nil }
      return past.situation
    }
  }

  /// Asks for a fold up to `asOf`, made by `fold` on the worker (nil: it could not be made).
  private func start(asOf: Timestamp, fold: @escaping @Sendable () -> Situation?) {
    let startsWorker = lock.withLock {
      wanted = (fold, asOf)
      defer { running = true }
      return !running
    }
    guard startsWorker else { return }
    Thread.detachNewThread { [self] in
      while let job = nextJob() {
        guard let past = job.fold() else { continue }
        lock.withLock { finished.append((job.asOf, past)) }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
      }
    }
  }

  /// The fold to make next, or nil (and the worker stops) when none is wanted.
  private func nextJob() -> (fold: @Sendable () -> Situation?, asOf: Timestamp)? {
    lock.withLock {
      defer { wanted = nil }
      if wanted == nil { running = false }
      return wanted
    }
  }

  /// The folds finished since the last call; empties the pipe.
  func take() -> [(asOf: Timestamp, situation: Situation)] {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(readDescriptor, &buffer, buffer.count) > 0 {}
    return lock.withLock {
      defer { finished = [] }
      return finished
    }
  }
}

/// What wakes the loop: poll(2) on the terminal, the signalfd, the data directory's and theme's
/// watchers, and the pipe of finished folds.
struct PollWake: WakeSource {
  let input: Int32
  let signals: SignalWatcher
  /// The data directory's watcher (none on a PostgreSQL store).
  let watcher: FileWatcher?
  let themes: ThemeSelection
  let folds: HistoryFolds
  /// The PostgreSQL store's link: its socket, and reconnection while it is away.
  let link: StoreLink?

  var longestWaitMilliseconds: Int? {
    let polling = watcher?.isPolling == true || themes.watcher?.isPolling == true
    let files = polling ? FileWatcher.pollingInterval : nil
    guard let store = link?.longestWaitMilliseconds else { return files }
    return min(store, files ?? store)
  }

  func wait(timeoutMilliseconds: Int) -> Wakeup {
    var descriptors = [input, signals.fileDescriptor, folds.readDescriptor]
    if let fd = watcher?.fileDescriptor { descriptors.append(fd) }
    if let fd = link?.descriptor { descriptors.append(fd) }
    if let fd = themes.watcher?.fileDescriptor { descriptors.append(fd) }
    let ready = Poller.wait(for: descriptors, timeoutMilliseconds: timeoutMilliseconds)
    var wakeup = Wakeup()
    if ready.readable.contains(signals.fileDescriptor), let signal = signals.readSignals().first {
      wakeup.signal = signal
    }
    wakeup.hungUp = ready.hungUp.contains(input)
    if let watcher {
      let journalTouched = watcher.fileDescriptor.map { ready.readable.contains($0) } ?? true
      wakeup.journalChanged = journalTouched && watcher.drain()
    }
    if let link, link.journalChanged(readable: ready.readable.union(ready.hungUp)) {
      wakeup.journalChanged = true
    }
    if let themeWatcher = themes.watcher {
      wakeup.themeChanged =
        (themeWatcher.fileDescriptor.map { ready.readable.contains($0) } ?? true) && themeWatcher.drain()
    }
    wakeup.historyReady = ready.readable.contains(folds.readDescriptor)
    return wakeup
  }
}

/// The theme in use: which one, where it came from, and the watch on its file for live reloads.
final class ThemeSelection: ThemePort {
  let catalog: ThemeCatalog
  private(set) var theme: Theme
  private(set) var entry: ThemeEntry
  private(set) var watcher: FileWatcher?
  /// What went wrong choosing or loading it, for the message line.
  private(set) var problem: String?
  /// The first warning about the config file (an unknown key, with file:line), for the message line.
  let configWarning: String?
  /// The words of its messages.
  let l10n: Localizer

  init(catalog: ThemeCatalog, option: String?, _ l10n: Localizer) {
    self.catalog = catalog
    self.l10n = l10n
    let resolved = catalog.resolve(option: option)
    theme = resolved.theme
    entry = resolved.entry
    problem = resolved.diagnostics.first { $0.severity == .error }?.description
    configWarning = resolved.choice.diagnostics.first.map {
      resolved.choice.diagnostics.count > 1
        ? l10n.tr("%@ (and more: bordermon doctor)", $0.description) : $0.description
    }
    watch()
  }

  private func watch() {
    watcher?.stop()
    watcher = nil
    guard let path = entry.path, let slash = path.lastIndex(of: "/") else { return }
    watcher = FileWatcher(directory: String(path[..<slash]))
  }

  /// Reads the theme file again; nil when nothing changed.
  func reload() -> ThemeChange? {
    reloadedProblem().map { ThemeChange(name: entry.name, problem: $0.isEmpty ? nil : $0) }
  }

  /// Switches to the next theme found.
  func cycle() -> ThemeChange {
    let problem = cycleProblem()
    return ThemeChange(name: entry.name, problem: problem)
  }

  /// Reads the theme file again; nil when nothing changed, "" when it loaded cleanly, else the first problem.
  private func reloadedProblem() -> String? {
    guard entry.path != nil else { return nil }
    switch catalog.load(entry) {
    case .success(let loaded):
      guard loaded.theme != theme || !loaded.diagnostics.isEmpty else { return nil }
      theme = loaded.theme
      return loaded.diagnostics.first { $0.severity == .error }?.description ?? ""
    case .failure(let error):
      return l10n.tr("%@; keeping the theme as it was", error.description)
    }
  }

  /// Switches to the next theme found; returns a problem to show, if any.
  private func cycleProblem() -> String? {
    let entries = catalog.entries()
    guard entries.count > 1 else {
      return l10n.tr("no other theme is installed (bordermon themes lists them)")
    }
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
