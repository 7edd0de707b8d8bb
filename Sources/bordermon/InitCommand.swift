import ArgumentParser
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
    let clock = SystemWallClock()
    if case .postgres(let url) = try options.choice() {
      try initStore(url, scenario: scenario, now: clock.now())
      return
    }
    let (directory, origin) = DataDirectory.locate(option: options.data)
    switch SampleSituation.create(
      at: directory, scenario: scenario, now: clock.now(), creatingParents: origin == .standard)
    {
    case .success:
      let store = SituationStore(directory: directory)
      printText(
        "created \(directory.path) (scenario \(scenario.rawValue)): \(store.situation.segments.count) segments, "
          + "\(store.situation.checkpoints.count) checkpoints, \(store.situation.appliedEventCount) journal events"
      )
    case .failure(let error):
      printError("bordermon init: \(error)")
      throw ExitCode(1)
    }
  }
}

/// Makes a PostgreSQL store from the bundled sample (schema, reference files, journal).
func initStore(_ url: StoreURL, scenario: SampleScenario, now: Timestamp) throws {
  var reference: [String: [UInt8]] = [:]
  var journal: [(line: [UInt8], event: JournalEvent)] = []
  let files: [(name: String, bytes: [UInt8])]
  switch SampleSituation.files(scenario: scenario, now: now) {
  case .success(let made): files = made
  case .failure(let error):
    printError("bordermon init: \(error)")
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
    print(
      "created the store \(url): \(situation.segments.count) segments, \(situation.checkpoints.count) checkpoints, "
        + "\(situation.appliedEventCount) journal events")
  case .failure(let error):
    printError("bordermon init: \(error)")
    throw ExitCode(1)
  }
}
