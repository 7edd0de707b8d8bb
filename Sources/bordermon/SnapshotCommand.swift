import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore
import BorderThemes

/// `bordermon snapshot`: prints the screen the console would show.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print the screen the console would show, as plain text or with ANSI colours.")

  enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, always
  }

  @OptionGroup var options: DataOptions
  @Option(help: "Screen width in columns.") var width: Int = 120
  @Option(help: "Screen height in rows.") var height: Int = 40
  @Option(
    help: ArgumentHelp(
      "Show the situation as of this time (RFC 3339 with a zone, or a date meaning its end, UTC).",
      valueName: "time"))
  var at: String?
  @Option(help: "never: plain text; always: ANSI colours.") var color: ColorChoice = .never
  @Flag(help: "Draw with ASCII only (no box drawing, no Unicode glyphs).") var ascii = false
  @Option(
    help: ArgumentHelp(
      "A theme name (see `bordermon themes`) or a theme file; else $BORDERMON_THEME, else the config file, as the console chooses.",
      valueName: "name|path"), completion: CompletionCandidates.completion(.themes))
  var theme: String?

  func validate() throws {
    guard (10...1000).contains(width), (3...1000).contains(height) else {
      throw ValidationError(options.l10n.tr("--width must be 10–1000 and --height 3–1000"))
    }
  }

  func run() throws {
    let clock = SystemWallClock()
    let l10n = try options.localizer()
    let asOf = try parseAsOf(at, l10n)
    let store = try options.openSituation(clock: clock, historyLimit: 10_000, snapshots: true)
    var state = ConsoleState(
      situation: store.situation, history: store.historyWindow, now: clock.now(),
      size: ScreenSize(columns: width, rows: height))
    state.journal.readError = store.journalError?.description
    state.l10n = l10n
    if let asOf {
      let past = try options.openSituation(clock: clock, asOf: asOf)
      _ = state.handle(.historyLoaded(asOf: asOf, situation: past.situation))
    }
    // The theme the console would choose: --theme, else $BORDERMON_THEME, else the config file.
    let themes = ThemeCatalog().resolve(option: theme)
    state.themeName = themes.entry.name
    let grid = ConsoleView.render(state, theme: themes.theme, glyphs: ascii ? .ascii : .unicode)
    print(
      color == .always ? TextRenderer.ansi(grid, depth: .palette256) : TextRenderer.plain(grid),
      terminator: "")
    for diagnostic in themes.diagnostics {
      printError("bordermon snapshot: \(Sanitizer.clean(diagnostic.description))")
    }
    if let error = store.journalError {
      printError("bordermon snapshot: " + l10n.fileErrorWithPath(error))
      throw ExitCode(1)
    }
    // A theme that cannot be used: the screen printed in the default, and a failure to say so.
    if themes.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
  }
}
