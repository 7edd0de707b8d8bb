import ArgumentParser
import BorderModel
import BorderStore

/// `bordermon init`: creates a data directory from the bundled sample.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a data directory from the bundled sample (never overwrites one).")

  @OptionGroup var options: DataOptions

  func run() throws {
    let (directory, origin) = DataDirectory.locate(option: options.data)
    let clock = SystemWallClock()
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
