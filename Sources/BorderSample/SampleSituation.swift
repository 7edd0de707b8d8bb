import BorderModel
import BorderStore

/// A bundled sample scenario: which of the sample's data files a new data directory is made from.
public enum SampleScenario: String, CaseIterable, Sendable {
  /// The talks as the source article describes them, carried to the present (the default).
  case article
  /// The public record through the 2025 settlement, then demarcation on the ground.
  case treaty

  /// One line for `--help`.
  public var summary: String {
    switch self {
    case .article:
      return "the talks as the source article describes them (about 800 of 975 km agreed), to today"
    case .treaty:
      return "the public record through the 2025 treaty (1,006.84 km), then demarcation work"
    }
  }
}

/// A problem in one of the sample's data files: the file, the line and what is wrong.
public struct SampleTemplateError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var field: String?
  public var reason: String

  public var description: String {
    "Sample/\(file)\(line.map { ":\($0)" } ?? ""): \(field.map { "\($0): " } ?? "")\(reason)"
  }
}

/// Why a sample data directory could not be made.
public enum SampleCreationError: Error, Sendable, CustomStringConvertible {
  /// A data file of the sample is malformed.
  case template(SampleTemplateError)
  /// The directory could not be written, or already holds data.
  case directory(DataDirectory.CreationError)

  public var description: String {
    switch self {
    case .template(let error): return "the bundled sample is broken: \(error)"
    case .directory(let error): return error.description
    }
  }
}

/// The bundled sample: reference files and a journal, built for the day it is created.
public enum SampleSituation {
  /// The files of a sample data directory created at `now` from `scenario`.
  public static func files(scenario: SampleScenario = .article, now: Timestamp) -> Result<
    [(name: String, bytes: [UInt8])], SampleTemplateError
  > {
    let name = scenario.rawValue
    var files: [(name: String, bytes: [UInt8])] = []
    let reference: [(String, String, String)] = [
      ("situation.toml", "situation-\(name).toml", SampleFiles.text("situation-\(name).toml")),
      ("segments.toml", "segments-\(name).toml", SampleFiles.text("segments-\(name).toml")),
      ("checkpoints.toml", "checkpoints.toml", SampleFiles.text("checkpoints.toml")),
      ("meetings.toml", "meetings-\(name).toml", SampleFiles.text("meetings-\(name).toml")),
    ]
    for (target, source, text) in reference {
      switch RelativeTime.substitute(in: text, now: now, quoted: false) {
      case .success(let resolved): files.append((target, Array(resolved.utf8)))
      case .failure(let error):
        return .failure(
          SampleTemplateError(file: source, line: nil, field: nil, reason: "'\(error.text)': \(error.reason)")
        )
      }
    }
    switch journal(scenario: scenario, now: now) {
    case .success(let events):
      var bytes: [UInt8] = []
      for event in events { bytes += EventCodec.encodeLine(event) }
      files.append(("journal.jsonl", bytes))
    case .failure(let error): return .failure(error)
    }
    return .success(files)
  }

  /// The journal template files of a scenario, in the order they are read.
  public static func journalFiles(_ scenario: SampleScenario) -> [String] {
    ["journal-history.jsonl", "journal-\(scenario.rawValue).jsonl"]
  }

  /// The journal of a sample created at `now`: the templates' events sorted by time (ties keep
  /// their order in the files) and numbered from 1.
  public static func journal(scenario: SampleScenario, now: Timestamp) -> Result<
    [JournalEvent], SampleTemplateError
  > {
    journal(templates: journalFiles(scenario).map { ($0, SampleFiles.text($0)) }, now: now)
  }

  /// The journal built from template texts, each named by its file for error messages.
  public static func journal(templates: [(name: String, text: String)], now: Timestamp) -> Result<
    [JournalEvent], SampleTemplateError
  > {
    var drafts: [JournalEvent] = []
    let defaults = EventDefaults(at: now, by: ProvenanceAudit.sampleAuthor)
    for (file, text) in templates {
      var lineNumber = 0
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let resolved: String
        switch RelativeTime.substitute(in: String(line), now: now, quoted: true) {
        case .success(let text): resolved = text
        case .failure(let error):
          return .failure(
            SampleTemplateError(
              file: file, line: lineNumber, field: nil, reason: "'\(error.text)': \(error.reason)"))
        }
        switch EventCodec.decode(resolved, defaults: defaults) {
        case .success(let event): drafts.append(event)
        case .failure(let error):
          return .failure(
            SampleTemplateError(file: file, line: lineNumber, field: error.field, reason: error.reason))
        }
      }
    }
    let order = drafts.indices.sorted { a, b in
      drafts[a].at != drafts[b].at ? drafts[a].at < drafts[b].at : a < b
    }
    return .success(
      order.enumerated().map { position, index in
        var event = drafts[index]
        event.seq = UInt64(position + 1)
        return event
      })
  }

  /// Creates a sample data directory unless one exists (its parent folders too with `creatingParents`).
  public static func create(
    at directory: DataDirectory, scenario: SampleScenario = .article, now: Timestamp,
    creatingParents: Bool = false
  ) -> Result<Void, SampleCreationError> {
    switch files(scenario: scenario, now: now) {
    case .success(let files):
      return directory.create(files: files, creatingParents: creatingParents).mapError {
        .directory($0)
      }
    case .failure(let error): return .failure(.template(error))
    }
  }

  /// Creates the sample on first use: does nothing when the directory already holds data.
  /// Only for the default data directory: one named by `--data` or `$BORDERMON_DATA` is never created.
  public static func ensure(
    at directory: DataDirectory, scenario: SampleScenario = .article, now: Timestamp
  ) -> Result<Bool, SampleCreationError> {
    if directory.exists { return .success(false) }
    switch create(at: directory, scenario: scenario, now: now, creatingParents: true) {
    case .success: return .success(true)
    case .failure(.directory(.alreadyExists)): return .success(false)
    case .failure(let error): return .failure(error)
    }
  }
}
