import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore

/// `bordermon journal …`: housekeeping of the journal file.
struct JournalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal", abstract: "Look after the journal file.", subcommands: [Rotate.self])

  /// `bordermon journal rotate`: a new journal carrying the situation, the old one kept compressed.
  struct Rotate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a new journal that carries the situation over; keep the old one compressed.",
      discussion: """
        Under the writers' lock, the journal is copied to journal-<UTC time>.jsonl.gz next to it \
        (read back and checked), and replaced by a new journal whose first line, a \
        journal.rotated event, carries the situation folded so far and names the old journal; \
        seq continues. Nothing is deleted. Running consoles carry on unchanged; history and \
        --at read the kept copies. Use this instead of logrotate (see the README).
        """)
    @OptionGroup var options: DataOptions

    func run() throws {
      let l10n = try options.localizer()
      if case .postgres = try options.choice() {
        printError(
          "bordermon journal rotate: "
            + l10n.tr(
              "a PostgreSQL store keeps every event in its table and has no journal file to rotate; nothing was done"
            ))
        throw ExitCode(1)
      }
      let clock = SystemWallClock()
      var store = try options.openSituation(clock: clock)
      if let error = store.journalError {
        printError("bordermon journal rotate: " + l10n.fileErrorWithPath(error))
        throw ExitCode(1)
      }
      switch store.rotateJournal(by: OperatorIdentity.current(), clock: clock) {
      case .success(let report):
        let previous = report.previous
        printText(
          l10n.tr(
            "kept %1$@ (%2$@, seq up to %3$@); the journal starts again at seq %4$@ with the situation carried over",
            report.archivePath,
            l10n.plural("%d lines", "%d lines", context: "cli count", count: previous.lines),
            previous.lastSeq, report.event.seq))
      case .failure(let error):
        printError("bordermon journal rotate: " + l10n.rotationError(error))
        throw ExitCode(1)
      }
    }
  }
}
