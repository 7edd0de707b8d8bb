import ArgumentParser
import BorderConsole
import BorderModel
import BorderPostgres
import BorderSample
import BorderStore

extension SampleScenario: ExpressibleByArgument {}

/// `bordermon init`: creates a data directory from the bundled sample.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create a data directory, or a PostgreSQL store (--store), from the bundled sample (never overwrites one).",
    discussion: """
      Scenarios: \(SampleScenario.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ")).
      """)

  @OptionGroup var options: DataOptions

  @Option(
    help: ArgumentHelp(
      "The sample scenario: \(SampleScenario.allCases.map(\.rawValue).joined(separator: " or ")).",
      valueName: "name"))
  var scenario: SampleScenario = .article

  func run() throws {
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    if case .postgres(let url) = try options.choice() {
      try initStore(url, scenario: scenario, now: clock.now(), l10n)
      return
    }
    let (directory, origin) = DataDirectory.locate(option: options.data)
    switch SampleSituation.create(
      at: directory, scenario: scenario, now: clock.now(), creatingParents: origin == .standard)
    {
    case .success:
      let store = SituationStore(directory: directory)
      printText(
        l10n.tr(
          "created %1$@ (scenario %2$@): %3$@, %4$@, %5$@", directory.path, scenario.rawValue,
          l10n.plural(
            "%d segments", "%d segments", context: "cli count", count: store.situation.segments.count),
          l10n.plural(
            "%d checkpoints", "%d checkpoints", context: "cli count", count: store.situation.checkpoints.count
          ),
          l10n.plural(
            "%d journal events", "%d journal events", context: "cli count",
            count: store.situation.appliedEventCount)))
    case .failure(let error):
      printError("bordermon init: " + l10n.sampleCreationError(error))
      throw ExitCode(1)
    }
  }
}

/// Makes a PostgreSQL store from the bundled sample (schema, reference files, journal).
func initStore(_ url: StoreURL, scenario: SampleScenario, now: Timestamp, _ l10n: Localizer) throws {
  var reference: [String: [UInt8]] = [:]
  var journal: [(line: [UInt8], event: JournalEvent)] = []
  let files: [(name: String, bytes: [UInt8])]
  switch SampleSituation.files(scenario: scenario, now: now) {
  case .success(let made): files = made
  case .failure(let error):
    printError("bordermon init: " + l10n.tr("the bundled sample is broken: %@", error.description))
    throw ExitCode(1)
  }
  for file in files {
    if file.name == "journal.jsonl" {
      for line in file.bytes.split(separator: 0x0A) {
        let bytes = Array(line)
        guard case .success(let event) = bytes.withUnsafeBufferPointer({ EventCodec.decode($0) }) else {
          continue
        }
        journal.append((bytes, event))
      }
    } else {
      reference[file.name] = file.bytes
    }
  }
  switch PostgresStore.create(url, files: PostgresStore.Files(reference: reference, journal: journal)) {
  case .success(let store):
    let situation = try store.situationStore().get().situation
    printText(
      l10n.tr(
        "created the store %1$@: %2$@, %3$@, %4$@", url,
        l10n.plural("%d segments", "%d segments", context: "cli count", count: situation.segments.count),
        l10n.plural(
          "%d checkpoints", "%d checkpoints", context: "cli count", count: situation.checkpoints.count),
        l10n.plural(
          "%d journal events", "%d journal events", context: "cli count", count: situation.appliedEventCount))
    )
  case .failure(let error):
    printError("bordermon init: " + l10n.storeError(error))
    throw ExitCode(1)
  }
}
