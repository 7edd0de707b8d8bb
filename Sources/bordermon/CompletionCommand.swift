import ArgumentParser
import BorderModel
import BorderStore
import BorderThemes

/// What the shells' completion offers for bordermon's arguments: theme names and the IDs in the data directory.
///
/// The generated completion scripts (`bordermon --generate-completion-script bash|zsh|fish`)
/// call back into bordermon for these; the hidden `bordermon complete KIND` prints the same.
/// Nothing here creates a data directory, saves a snapshot or prints a diagnostic.
enum CompletionCandidates {
  /// The kinds of candidates.
  enum Kind: String, CaseIterable, ExpressibleByArgument {
    case themes, segments, alerts
    case openAlerts = "open-alerts"
    case meetings, checkpoints
    /// Anything a note can be about: segments, alerts and meetings.
    case records
  }

  /// The candidates of a kind, for the data directory `--data` names (else the usual default).
  static func list(_ kind: Kind, data: String?) -> [String] {
    if kind == .themes { return ThemeCatalog().entries().map(\.name) }
    let directory = DataDirectory.resolve(option: data)
    guard directory.exists else { return [] }
    if kind == .segments || kind == .checkpoints {
      let reference = ReferenceLoader.load(directory).data
      return kind == .segments
        ? reference.segments.map(\.id.rawValue) : reference.checkpoints.map(\.id.rawValue)
    }
    var store = SituationStore(directory: directory, snapshots: true)
    store.savesSnapshots = false
    let situation = store.situation
    let open = situation.alerts.filter(\.isOpen).map(\.id.rawValue)
    switch kind {
    case .alerts: return situation.alerts.map(\.id.rawValue)
    case .openAlerts: return open
    case .meetings: return situation.meetings.map(\.id.rawValue)
    case .records:
      return situation.segments.map(\.id.rawValue) + open + situation.meetings.map(\.id.rawValue)
    case .themes, .segments, .checkpoints: return []
    }
  }

  /// The value of `--data` on a command line being completed (`--data DIR` or `--data=DIR`), unquoted.
  static func dataOption(in words: [String]) -> String? {
    var found: String?
    for (index, word) in words.enumerated() {
      if word == "--data", index + 1 < words.count {
        found = words[index + 1]
      } else if word.hasPrefix("--data=") {
        found = String(word.dropFirst("--data=".count))
      }
    }
    guard var value = found, !value.isEmpty else { return nil }
    if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
      value = String(value.dropFirst().dropLast())
    }
    if value == "~" || value.hasPrefix("~/"), let home = FileBytes.environment("HOME") {
      value = home + value.dropFirst()
    }
    return value
  }

  /// A completion kind that offers the candidates of `kind` starting with what is typed.
  static func completion(_ kind: Kind) -> CompletionKind {
    .custom { words, _, prefix in
      list(kind, data: dataOption(in: words)).filter { $0.hasPrefix(prefix) }
    }
  }
}

/// `bordermon complete KIND`: the candidates the shell completions offer, one per line (hidden).
struct CompleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "complete",
    abstract:
      "Print completion candidates: themes, segments, alerts, open-alerts, meetings, checkpoints, records.",
    shouldDisplay: false)

  @Argument(help: "What to list.") var kind: CompletionCandidates.Kind
  @Argument(help: "Only candidates starting with this.") var prefix: String = ""
  @Option(help: ArgumentHelp("The data directory.", valueName: "dir"), completion: .directory) var data:
    String?

  func run() throws {
    for candidate in CompletionCandidates.list(kind, data: data) where candidate.hasPrefix(prefix) {
      print(candidate)
    }
  }
}
