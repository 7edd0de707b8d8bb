import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore

/// `bordermon check`: validates reference data and journal, one line per problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the reference data and the journal.",
    discussion: """
      Prints one line per problem as file:line: field: reason and exits 1 when any is an \
      error. Warnings (such as event types this version does not know) are printed but do \
      not fail the check. With --strict, provenance is checked too: a reference record \
      presented as fact without a source, a record both sourced and illustrative that does not \
      say which fields are approximate, and an event of the bundled sample with neither source \
      nor illustrative mark are errors.
      """)

  @OptionGroup var options: DataOptions

  @Flag(help: "Also check provenance: every factual record names its source.")
  var strict = false

  func run() throws {
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    let store = try options.openSituation(clock: clock, now: clock.now())
    let directory = store.directory
    var problems = store.diagnostics
    if let error = store.journalError {
      problems.append(Diagnostic(.error, file: error.path, message: l10n.fileError(error)))
    } else if case .directory = try options.choice() {
      // Readers take a line that is not UTF-8 with U+FFFD in place of the bad bytes: only check says so.
      problems += JournalTextCheck.invalidUTF8(directory.journalFile)
    }
    if strict {
      guard case .directory = try options.choice() else {
        printError(
          "bordermon check: "
            + l10n.tr(
              "--strict reads a data directory's files; run it on a store pulled with bordermon store pull"))
        throw ExitCode(1)
      }
      problems += ProvenanceAudit.audit(directory)
    }
    for problem in problems { printText(problem.description) }
    let hidden = store.journalProblemCount - store.journalDiagnostics.count
    if hidden > 0 {
      printText(
        l10n.plural(
          "%1$@: … and %2$d more problems", "%1$@: … and %2$d more problems", count: hidden,
          store.journalName,
          hidden))
    }
    let errors = problems.filter { $0.severity == .error }.count + max(0, hidden)
    let warnings = problems.count - problems.filter { $0.severity == .error }.count
    let situation = store.situation
    let counts = [
      l10n.plural("%d segments", "%d segments", context: "cli count", count: situation.segments.count),
      l10n.plural(
        "%d checkpoints", "%d checkpoints", context: "cli count", count: situation.checkpoints.count),
      l10n.plural("%d meetings", "%d meetings", context: "cli count", count: situation.meetings.count),
      l10n.plural("%d journal lines", "%d journal lines", context: "cli count", count: store.linesRead),
    ].joined(separator: ", ")
    let warningCount = l10n.plural("%d warning(s)", "%d warning(s)", context: "cli count", count: warnings)
    if errors > 0 {
      let errorCount = l10n.plural("%d error(s)", "%d error(s)", context: "cli count", count: errors)
      printError(
        "bordermon check: "
          + l10n.tr(
            "%1$@, %2$@ in %3$@ (%4$@)", context: "check", errorCount, warningCount, directory.path, counts))
      throw ExitCode(1)
    }
    printText(
      warnings > 0
        ? l10n.tr("ok: %1$@: %2$@, %3$@", context: "check", directory.path, counts, warningCount)
        : l10n.tr("ok: %1$@: %2$@", context: "check", directory.path, counts))
  }
}
