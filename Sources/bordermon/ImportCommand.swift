import ArgumentParser
import BorderConsole
import BorderFormats
import BorderModel
import BorderStore
import Foundation

/// `bordermon import`: alerts from the field's formats (CAP 1.2, ACLED CSV) into the journal.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import alerts from CAP 1.2 messages or an ACLED CSV export.",
    subcommands: [ImportCAPCommand.self, ImportACLEDCommand.self])
}

/// The options every import shares.
struct ImportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "How far (km) a reported place may lie from a segment with coordinates to be placed on it.",
      valueName: "km"))
  var within: Double = 25
  @Flag(help: "Say what would be imported, and append nothing.") var dryRun = false

  func validate() throws {
    guard within.isFinite, within >= 0 else { throw ValidationError("--within: must be a number of km ≥ 0") }
  }
}

/// Reads a file, or standard input for `-`, as text; exits 1 with the reason when it cannot.
func readInput(_ path: String, command: String, _ l10n: Localizer) throws -> String {
  if path == "-" {
    return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
  }
  switch FileBytes.read(path) {
  case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
  case .failure(let error):
    printError("bordermon \(command): " + l10n.fileErrorWithPath(error))
    throw ExitCode(1)
  }
}

/// Tallies an import's outcomes and appends its events (or, in a dry run, only says what it would do).
struct ImportRun {
  var store: SituationStore
  let dryRun: Bool
  let command: String
  let l10n: Localizer
  var appended = 0
  var unchanged = 0
  var refused = 0
  /// Records out of scope, counted by reason.
  var skipped: [String: Int] = [:]
  /// In a dry run, the situation with the planned events folded in, so later records see earlier ones.
  var dryRunSituation: Situation

  init(store: SituationStore, dryRun: Bool, command: String, _ l10n: Localizer) {
    self.store = store
    self.dryRun = dryRun
    self.command = command
    self.l10n = l10n
    dryRunSituation = store.situation
  }

  /// The situation the next record is planned against.
  var situation: Situation { dryRun ? dryRunSituation : store.situation }

  /// Carries out one record's outcome; `place` names it (`FILE:LINE: ID`).
  ///
  /// What is printed quotes the input, which is untrusted: control characters are shown as
  /// visible placeholders, never sent to the terminal.
  mutating func apply(_ outcome: ImportOutcome, place rawPlace: String) throws {
    let place = Sanitizer.clean(rawPlace)
    func say(_ text: String) { printText(text) }
    func warn(_ text: String) { printError(Sanitizer.clean(text)) }
    switch outcome {
    case .refused(let field, let reason):
      refused += 1
      warn("\(place): \(field): \(reason)")
    case .skipped(let why):
      skipped[why, default: 0] += 1
    case .unchanged(let why):
      unchanged += 1
      say(l10n.tr("%1$@: unchanged: %2$@", place, why))
    case .append(let events, let summary):
      if dryRun {
        for event in events {
          if let rejection = dryRunSituation.validate(event) {
            refused += 1
            warn("\(place): \(rejection)")
            return
          }
          dryRunSituation.apply(event)
        }
        appended += 1
        say(l10n.tr("%1$@: would have %2$@", place, summary))
        return
      }
      // The whole import appends under one lock, synced once at the end (`finish`).
      if let error = store.beginBatch() {
        warn("bordermon \(command): " + l10n.appendError(error))
        warn(l10n.tr("%@: not imported; stopping (records before it were imported)", place))
        throw ExitCode(1)
      }
      switch store.append(events) {
      case .success(let seqs):
        appended += 1
        say("\(place): \(summary) (seq \(seqs.map(String.init).joined(separator: ", ")))")
      case .failure(.rejected(_, let rejection)):
        refused += 1
        warn("\(place): \(rejection)")
      case .failure(.file(let error)):
        warn("bordermon \(command): " + l10n.fileErrorWithPath(error))
        warn(l10n.tr("%@: not imported; stopping (records before it were imported)", place))
        throw ExitCode(1)
      }
    }
  }

  /// Syncs what was appended and lets go of the journal's lock, prints the tally, and exits 1
  /// if anything was refused or the sync failed.
  mutating func finish() throws {
    if let error = store.endBatch() {
      printError(Sanitizer.clean("bordermon \(command): " + l10n.appendError(error)))
      printError(
        "bordermon \(command): "
          + l10n.plural(
            "the %d record(s) imported are in the journal but may not be on the disk",
            "the %d record(s) imported are in the journal but may not be on the disk", count: appended))
      throw ExitCode(1)
    }
    var parts = [
      dryRun
        ? l10n.plural("%d would be imported", "%d would be imported", context: "import", count: appended)
        : l10n.plural("%d imported", "%d imported", context: "import", count: appended),
      l10n.plural("%d already there", "%d already there", context: "import", count: unchanged),
      l10n.plural("%d refused", "%d refused", context: "import", count: refused),
    ]
    for (why, count) in skipped.sorted(by: { $0.key < $1.key }) {
      parts.append(
        l10n.plural(
          "%1$d skipped: %2$@", "%1$d skipped: %2$@", context: "import", count: count, count,
          Sanitizer.clean(why)))
    }
    printError("bordermon \(command): " + parts.joined(separator: ", "))
    if refused > 0 { throw ExitCode(1) }
  }
}

/// `bordermon import cap FILE|-`: CAP 1.2 messages into alerts.
struct ImportCAPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cap",
    abstract: "Import CAP 1.2 messages: Alert raises, Update changes level or text, Cancel resolves.",
    discussion: """
      FILE holds one CAP <alert> document or several one after another (as export --format cap \\
      writes them); - reads standard input. The segment comes from the geocode bordermon:segment, \\
      else from the area's point nearest a segment with coordinates (within --within km). \\
      Importing the same message twice adds nothing. Every refused message is named with its \\
      reason; the command exits 1 if any was refused.
      """)

  @OptionGroup var options: DataOptions
  @OptionGroup var importOptions: ImportOptions
  @Argument(
    help: ArgumentHelp("The CAP file, or - for standard input.", valueName: "file"), completion: .file())
  var file: String

  func run() throws {
    let clock = SystemWallClock()
    let l10n = try options.localizer()
    let text = try readInput(file, command: "import cap", l10n)
    let store = try options.openSituation(clock: clock, snapshots: true)
    defer { store.saveSnapshotIfDue() }
    try requireReadableJournal(store, command: "import cap", l10n)
    let author = OperatorIdentity.current()
    var run = ImportRun(store: store, dryRun: importOptions.dryRun, command: "import cap", l10n)
    let name = file == "-" ? "stdin" : file
    for document in CAPReader.read(text) {
      switch document.result {
      case .failure(let error):
        let place = "\(name):\(document.line)" + (error.identifier.map { ": \($0)" } ?? "")
        try run.apply(.refused(field: error.field, reason: error.reason), place: place)
      case .success(let message):
        let importer = CAPImport(situation: run.situation, author: author, withinKm: importOptions.within)
        try run.apply(importer.plan(message), place: "\(name):\(document.line): \(message.identifier)")
      }
    }
    try run.finish()
  }
}

/// `bordermon import acled FILE.csv`: ACLED events near the border into alerts on the nearest segment.
struct ImportACLEDCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "acled",
    abstract: "Import an ACLED CSV export: events near the border become alerts on the nearest segment.",
    discussion: """
      Columns as in ACLED's codebook (event_id_cnty, event_date, event_type, sub_event_type, \
      country, latitude, longitude, fatalities, notes, source, timestamp; actor1, actor2, \
      location, admin1, admin2 when present). Events in Kyrgyzstan or Tajikistan within \
      --within km of a segment with coordinates become alerts (ID ACLED-<event_id_cnty>); \
      a row seen before with a newer timestamp becomes an update; others are counted and \
      skipped. Malformed rows are named with their line; the command exits 1 if any was refused.
      """)

  @OptionGroup var options: DataOptions
  @OptionGroup var importOptions: ImportOptions
  @Argument(
    help: ArgumentHelp("The ACLED CSV file, or - for standard input.", valueName: "file"), completion: .file()
  )
  var file: String

  func run() throws {
    let clock = SystemWallClock()
    let l10n = try options.localizer()
    let text = try readInput(file, command: "import acled", l10n)
    let name = file == "-" ? "stdin" : file
    let table: ACLEDFile
    switch ACLEDFile.read(text) {
    case .success(let value): table = value
    case .failure(let error):
      printError("\(name):\(error.line): \(error.field): \(error.reason)")
      throw ExitCode(1)
    }
    let store = try options.openSituation(clock: clock, snapshots: true)
    defer { store.saveSnapshotIfDue() }
    try requireReadableJournal(store, command: "import acled", l10n)
    let author = OperatorIdentity.current()
    var run = ImportRun(store: store, dryRun: importOptions.dryRun, command: "import acled", l10n)
    var malformed = table.malformed[...]
    for row in table.rows {
      // Rows that could not be split are reported in their place in the file.
      while let bad = malformed.first, bad.line < row.line {
        try run.apply(.refused(field: "row", reason: bad.reason), place: "\(name):\(bad.line)")
        malformed = malformed.dropFirst()
      }
      let importer = ACLEDImport(
        situation: run.situation, author: author, withinKm: importOptions.within, now: clock.now())
      let place = "\(name):\(row.line)" + (row.eventID.isEmpty ? "" : ": \(row.eventID)")
      try run.apply(importer.plan(row), place: place)
    }
    for bad in malformed {
      try run.apply(.refused(field: "row", reason: bad.reason), place: "\(name):\(bad.line)")
    }
    try run.finish()
  }
}
