import ArgumentParser
import BorderConsole
import BorderModel
import BorderSample
import BorderStore
import BorderThemes

/// The `bordermon` command: the console and the tools around its data.
@main
struct Bordermon: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bordermon",
    abstract: "Monitor the demarcation of the Kyrgyzstan–Tajikistan border.",
    discussion: """
      Data lives in a directory (--data DIR, else $BORDERMON_DATA, else \
      $XDG_DATA_HOME/bordermon, else ~/.local/share/bordermon). Only the default directory \
      is created (from the bundled sample) on first use; `bordermon init --data DIR` creates \
      any other.
      """,
    version: BordermonVersion.line,
    subcommands: [
      ConsoleCommand.self, InitCommand.self, CheckCommand.self, SummaryCommand.self, SnapshotCommand.self,
      AppendCommand.self,
      AlertCommand.self, SegmentCommand.self, MeetingCommand.self, CheckpointCommand.self, NoteCommand.self,
      FeedCommand.self,
      ExportCommand.self, ImportCommand.self, DemoCommand.self, GenerateCommand.self, ThemesCommand.self,
      ThemeCommand.self,
      DoctorCommand.self, StoreCommand.self, CompleteCommand.self, JournalCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )

  /// Runs the command, then makes sure everything it printed reached standard output: a full
  /// disk or `/dev/full` is an error (exit 1 with the reason), never a truncated file and exit 0.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: error)
    }
    if let failure = StandardOutput.finish() {
      let l10n = LanguageOption.quiet(languageArgument(CommandLine.arguments))
      let reason: String
      switch failure {
      case .system(let code): reason = l10n.systemReason(code)
      case .earlierWrite: reason = l10n.tr("part of the output was lost (disk full or a device error)")
      }
      printError("bordermon: " + l10n.tr("cannot write standard output: %@", reason))
      exit(withError: ExitCode(1))
    }
  }

  /// The value of `--lang` on a command line (`--lang ru` or `--lang=ru`), if given before `--`.
  static func languageArgument(_ arguments: [String]) -> String? {
    var value: String?
    var index = arguments.index(after: arguments.startIndex)
    while index < arguments.endIndex, arguments[index] != "--" {
      let argument = arguments[index]
      if argument == "--lang", arguments.indices.contains(index + 1) {
        value = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
      }
      index += 1
    }
    return value
  }
}

/// The `--data DIR` option every command shares.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The data directory (default: $BORDERMON_DATA, else $XDG_DATA_HOME/bordermon, else ~/.local/share/bordermon).",
      valueName: "dir"), completion: .directory)
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PostgreSQL store, postgresql://[user@]host[:port]/database (default: $BORDERMON_STORE, else store = \"…\" in config.toml, else the data directory).",
      valueName: "url"))
  var store: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of the console and of messages: ru or en (default: $BORDERMON_LANG, else lang = \"…\" in config.toml, else LC_ALL/LC_MESSAGES/LANG, else English).",
      valueName: "ru|en"))
  var lang: String?

  /// The language this invocation speaks: a bad `--lang` or `$BORDERMON_LANG` stops it with the reason.
  func language() throws -> LanguageChoice { try LanguageOption.choose(lang) }

  /// The words of this invocation's messages, after saying on standard error what was skipped choosing them.
  func localizer() throws -> Localizer { try LanguageOption.localizer(lang) }

  /// The words of this invocation's messages, chosen again without a word on standard error (the
  /// command's `localizer()` has said what was wrong); English when the choice fails.
  var l10n: Localizer { LanguageOption.quiet(lang) }

  /// The data directory this invocation uses.
  var directory: DataDirectory { DataDirectory.resolve(option: data) }

  /// The data directory, with the sample created in it on first use if it is the default one.
  ///
  /// A directory named by `--data` or `$BORDERMON_DATA` that holds no situation is an error
  /// saying how to create one: a typo must not become a fresh sample that records actions.
  func prepared(clock: some WallClock) throws -> DataDirectory {
    let (directory, origin) = DataDirectory.locate(option: data)
    if origin != .standard {
      if let problem = l10n.dataDirectoryProblem(directory, origin: origin) {
        printError("bordermon: \(problem)")
        throw ExitCode(1)
      }
      return directory
    }
    switch SampleSituation.ensure(at: directory, now: clock.now()) {
    case .success(true):
      printError("bordermon: " + l10n.tr("created the sample data directory at %@", directory.path))
    case .success(false): break
    case .failure(let error):
      printError("bordermon: " + l10n.sampleCreationError(error))
      throw ExitCode(1)
    }
    return directory
  }
}

/// `--lang` for the commands that take no `--data` (store, themes, theme check, generate).
struct LanguageOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of messages: ru or en (default: $BORDERMON_LANG, else lang = \"…\" in config.toml, else LC_ALL/LC_MESSAGES/LANG, else English).",
      valueName: "ru|en"))
  var lang: String?

  /// The words of this invocation's messages, after saying on standard error what was skipped choosing them.
  func localizer() throws -> Localizer { try Self.localizer(lang) }

  /// The language chosen from `--lang`, `$BORDERMON_LANG`, config.toml and the locale; a bad
  /// `--lang` or `$BORDERMON_LANG` stops the command with the reason.
  static func choose(_ option: String?) throws -> LanguageChoice {
    switch choice(option) {
    case .success(let choice): return choice
    case .failure(let error):
      printError("bordermon: \(error)")
      throw ExitCode(1)
    }
  }

  /// The localizer of the chosen language, after printing what was skipped choosing it.
  static func localizer(_ option: String?) throws -> Localizer {
    let choice = try choose(option)
    for warning in choice.warnings { printError("bordermon: \(warning)") }
    return .of(choice.language)
  }

  /// The localizer of the chosen language without a word on standard error; English when the choice fails.
  static func quiet(_ option: String?) -> Localizer {
    guard case .success(let choice) = choice(option) else { return .english }
    return .of(choice.language)
  }

  private static func choice(_ option: String?) -> Result<LanguageChoice, LanguageError> {
    let config = ThemeCatalog.configFilePath(environment: FileBytes.environment)
    let setting = config.flatMap { path in ThemeCatalog.configLanguage(path).map { ($0.value, path, $0.line) }
    }
    return LanguageChoice.choose(option: option, environment: FileBytes.environment, config: setting)
  }
}

/// Stops a command that reports on the situation when its journal cannot be read: an
/// unreadable journal must never pass for an empty, calm one.
func requireReadableJournal(_ store: SituationStore, command: String, _ l10n: Localizer) throws {
  guard let error = store.journalError else { return }
  printError("bordermon \(command): " + l10n.fileErrorWithPath(error))
  throw ExitCode(1)
}

/// Writes a line to standard error, sanitised: messages quote data (IDs, names, paths, what
/// another operator typed) and may land on anyone's terminal.
func printError(_ text: String) {
  var stream = StandardError()
  print(TerminalOutput.readable(text), to: &stream)
}

/// Standard error as a text output stream.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    var copy = string
    copy.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = writeToStandardError(bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }
}
