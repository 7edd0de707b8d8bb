import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore

/// `bordermon generate`: a deterministic synthetic data directory of any size.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a deterministic synthetic data directory (for benchmarks and load tests).")

  @Option(help: "Number of segments.") var segments: Int = 50
  @Option(help: "Number of journal events.") var events: Int = 1000
  @Option(help: "Seed: the same seed gives the same files.") var seed: UInt64 = 1
  @Option(
    help: ArgumentHelp("The directory to create (must not exist or be empty).", valueName: "dir"),
    completion: .directory)
  var data: String
  @OptionGroup var language: LanguageOption

  func validate() throws {
    let l10n = LanguageOption.quiet(language.lang)
    guard segments >= 1 else { throw ValidationError(l10n.tr("--segments must be at least 1")) }
    guard events >= 0 else { throw ValidationError(l10n.tr("--events must be 0 or more")) }
  }

  func run() throws {
    let l10n = try language.localizer()
    let directory = DataDirectory(path: data)
    let generator = SyntheticData(segments: segments, events: events, seed: seed)
    switch generator.write(to: directory) {
    case .success:
      printText(
        l10n.tr(
          "generated %1$@: %2$@, %3$@ (seed %4$@)", directory.path,
          l10n.plural("%d segments", "%d segments", context: "cli count", count: segments),
          l10n.plural("%d events", "%d events", context: "cli count", count: events), seed))
    case .failure(let error):
      printError("bordermon generate: " + l10n.creationError(error))
      throw ExitCode(1)
    }
  }
}
