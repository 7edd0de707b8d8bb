import ArgumentParser
import BorderModel
import BorderSample
import BorderStore

extension SampleScenario: ExpressibleByArgument {}

/// `bordermon init`: creates a data directory from the bundled sample.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a data directory from the bundled sample (never overwrites one).",
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
    let (directory, origin) = DataDirectory.locate(option: options.data)
    let clock = SystemWallClock()
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
