import ArgumentParser
import BorderModel
import BorderPostgres
import BorderStore

/// `bordermon init`: creates a data directory from the bundled sample.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create a data directory, or a PostgreSQL store (--store), from the bundled sample (never overwrites one)."
  )

  @OptionGroup var options: DataOptions

  func run() throws {
    let clock = SystemWallClock()
    if case .postgres(let url) = try options.choice() {
      try initStore(url, now: clock.now())
      return
    }
    let (directory, origin) = DataDirectory.locate(option: options.data)
    switch SampleSituation.create(at: directory, now: clock.now(), creatingParents: origin == .standard) {
    case .success:
      let store = SituationStore(directory: directory)
      print(
        "created \(directory.path): \(store.situation.segments.count) segments, "
          + "\(store.situation.checkpoints.count) checkpoints, \(store.situation.appliedEventCount) journal events"
      )
    case .failure(let error):
      printError("bordermon init: \(error)")
      throw ExitCode(1)
    }
  }
}

/// Makes a PostgreSQL store from the bundled sample (schema, reference files, journal).
func initStore(_ url: StoreURL, now: Timestamp) throws {
  var reference: [String: [UInt8]] = [:]
  var journal: [(line: [UInt8], event: JournalEvent)] = []
  for file in SampleSituation.files(now: now) {
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
