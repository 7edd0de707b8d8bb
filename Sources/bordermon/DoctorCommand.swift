import ArgumentParser
import BorderModel
import BorderPostgres
import BorderStore
import BorderTerminal
import BorderThemes

#if canImport(Glibc)
  import Glibc
#endif

/// `bordermon doctor`: what an operator pastes into a support request.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract:
      "Describe the terminal, locale, theme and data directory or store (paste it into a support request).")

  @OptionGroup var options: DataOptions
  @Option(
    help: "The theme to check, as the console would choose it.",
    completion: CompletionCandidates.completion(.themes))
  var theme: String?
  @Option(help: "The colour mode to check: auto, always or never.") var color: ColorMode = .auto

  func run() throws {
    let env = FileBytes.environment
    var lines: [String] = ["bordermon doctor", ""]
    func row(_ label: String, _ value: String) { lines.append("  " + label.padding(16) + value) }
    row("version", BordermonVersion.summary)
    lines.append("")

    let probe = TerminalProbe.current()
    lines.append("Terminal")
    row(
      "TERM",
      probe.term.map { "\($0) (\(probe.known ? "known to terminfo" : "NOT known to terminfo"))" }
        ?? "not set: the console cannot start")
    let noColor = env("NO_COLOR") != nil
    let depth = color.depth(
      terminfoColors: max(0, probe.colors), colorTerm: env("COLORTERM"), noColor: noColor)
    row(
      "colours",
      "terminfo \(max(0, probe.colors)) · COLORTERM=\(env("COLORTERM") ?? "unset") · NO_COLOR \(noColor ? "set" : "unset") · --color \(color.rawValue)"
    )
    row(
      "draws with",
      depth.label + (depth == .trueColor ? " (reduced to 256 unless terminfo is direct-colour)" : ""))
    row(
      "capabilities",
      "alternate screen \(yes(probe.hasAlternateScreen)) · cursor addressing \(yes(probe.hasCursorAddressing)) · line drawing \(yes(probe.hasLineDrawing))"
    )
    row(
      "size",
      probe.size.map {
        "\($0.columns)×\($0.rows)" + ($0.columns < 64 || $0.rows < 20 ? " (below the 64×20 minimum)" : "")
      } ?? "not a terminal")
    var inside: [String] = []
    if env("TMUX") != nil { inside.append("tmux") }
    if env("STY") != nil { inside.append("screen") }
    row("multiplexer", inside.isEmpty ? "none" : inside.joined(separator: ", "))
    row(
      "SSH",
      env("SSH_CONNECTION").map { "from \($0.split(separator: " ").first.map(String.init) ?? $0)" } ?? "no")
    lines.append("")

    lines.append("Locale")
    row("variables", ["LC_ALL", "LC_CTYPE", "LANG"].map { "\($0)=\(env($0) ?? "")" }.joined(separator: " "))
    let text: String
    if probe.isUTF8 {
      text = "UTF-8: box drawing, glyphs and Cyrillic as they are"
    } else if probe.utf8Fallback {
      text = "not UTF-8; the console switches to C.UTF-8, so Unicode still draws (--ascii forces plain ASCII)"
    } else {
      text = "not UTF-8 and no UTF-8 locale here: ASCII drawing, Cyrillic shown in Latin letters"
    }
    row("codeset", "\(probe.codeset) → \(text)")
    lines.append("")

    lines.append("Theme")
    let catalog = ThemeCatalog()
    let resolved = catalog.resolve(option: theme)
    let source =
      resolved.entry.path.map { "\(resolved.entry.source.rawValue): \($0)" } ?? "built into the binary"
    row("chosen", "\(resolved.entry.name) (\(source)) — from \(resolved.choice.originDescription)")
    row("available", catalog.entries().map(\.name).joined(separator: ", "))
    row("problems", resolved.diagnostics.isEmpty ? "none" : "\(resolved.diagnostics.count)")
    for problem in resolved.diagnostics.prefix(5) { lines.append("    " + problem.description) }
    lines.append("")

    if case .postgres(let url) = try options.choice() {
      lines.append("Store")
      let origin =
        options.store != nil ? "--store" : env("BORDERMON_STORE") != nil ? "$BORDERMON_STORE" : "config.toml"
      for (label, value) in Self.describe(PostgresStore.diagnose(url), origin: origin) { row(label, value) }
      printText(lines.joined(separator: "\n"))
      return
    }

    lines.append("Data")
    let directory = options.directory
    let origin =
      options.data != nil
      ? "--data"
      : env("BORDERMON_DATA") != nil
        ? "$BORDERMON_DATA"
        : env("XDG_DATA_HOME") != nil
          ? "$XDG_DATA_HOME" : "~/.local/share"
    row("directory", "\(directory.path) (from \(origin))")
    if directory.exists {
      let store = SituationStore(directory: directory)
      let situation = store.situation
      let referenceProblems = store.reference.diagnostics.count
      row(
        "reference",
        "\(situation.segments.count) segments, \(situation.checkpoints.count) checkpoints, \(situation.meetings.count) meetings; \(referenceProblems) problem(s)"
      )
      var info = stat()
      let size = stat(directory.journalFile, &info) == 0 ? Int(info.st_size) : 0
      let writable = access(directory.journalFile, W_OK) == 0
      let last =
        situation.lastEventAt.map { "last event #\(situation.lastSeq) at \(RFC3339.format($0))" }
        ?? "no events"
      // What keeps consoles live: only feeds' events count, not operators' actions.
      let feed =
        situation.lastFeedEventAt.map { "last feed event at \(RFC3339.format($0))" } ?? "no feed event"
      if let error = store.journalError {
        row("journal", "UNREADABLE: \(error.description)")
      } else {
        row("journal", "\(store.linesRead) lines, \(size / 1024) KiB, \(last), \(feed)")
      }
      row(
        "journal state",
        "\(store.journalProblemCount) problem(s) · \(store.pendingBytes) bytes waiting for a newline · writable \(yes(writable))"
      )
      for problem in store.diagnostics.prefix(5) { lines.append("    " + problem.description) }
    } else {
      let (_, dataOrigin) = DataDirectory.locate(option: options.data)
      row(
        "state",
        dataOrigin == .standard
          ? "does not exist yet (the console creates the sample there on first use)"
          : directory.problem(origin: dataOrigin) ?? "")
    }
    printText(lines.joined(separator: "\n"))
  }

  private func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }

  /// The store's rows of the report: where it is, whether it answers, its schema and journal, and the role's rights.
  static func describe(_ found: StoreDiagnosis, origin: String) -> [(String, String)] {
    var rows: [(String, String)] = [("store", "\(found.url) (from \(origin))")]
    if let reason = found.unreachable {
      rows.append(("reachable", "NO: \(reason)"))
      return rows
    }
    rows.append(
      (
        "reachable",
        "yes · PostgreSQL \(found.serverVersion ?? "?") · connected as \(found.sessionUser ?? "?")"
      ))
    if let problem = found.problem { rows.append(("problem", problem)) }
    guard found.hasStore else {
      rows.append(
        ("schema", "none: the database holds no bordermon store (bordermon init --store URL creates one)"))
      return rows
    }
    guard found.canRead else {
      rows.append(("rights", "none: this role may not read the store (grant it bordermon_reader)"))
      return rows
    }
    let supported = StoreDiagnosis.supportedSchemaVersion
    rows.append(
      (
        "schema",
        found.schemaVersion.map {
          "version \($0)" + (found.schemaReadable ? "" : " — this bordermon reads version \(supported) only")
        } ?? "no version recorded"
      ))
    rows.append(("store id", found.storeID ?? "none"))
    rows.append(
      (
        "journal",
        "\(found.eventCount.map(String.init) ?? "?") events, last seq \(found.lastSeq.map(String.init) ?? "?")"
      ))
    rows.append(("reference", found.referenceVersion.map { "version \($0)" } ?? "none"))
    let append =
      found.canAppend
      ? "can append (recorded as \(found.sessionUser ?? "?"))"
      : "read-only: the server refuses every append from this role"
    rows.append(
      ("rights", append + " · replace reference data: " + (found.canReplaceReference ? "yes" : "no")))
    if let id = found.storeID, let path = StoreSnapshotCache.path(storeIdentity: id) {
      rows.append(("cache", path + (FileBytes.exists(path) ? "" : " (none yet)")))
    }
    return rows
  }
}

/// `bordermon themes`: the themes found, and where.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes", abstract: "List the themes found, where each comes from, and which is chosen.")

  func run() throws {
    let catalog = ThemeCatalog()
    let chosen = catalog.resolve(option: nil)
    for problem in chosen.choice.diagnostics { printError(problem.description) }
    for entry in catalog.entries() {
      let mark = entry.name == chosen.entry.name ? "*" : " "
      let place = entry.path ?? "built into the binary"
      printText("\(mark) \(entry.name.padding(16)) \(entry.source.rawValue.padding(11)) \(place)")
    }
    printText("\n* chosen now, from \(chosen.choice.originDescription). Search order:")
    for folder in catalog.folders { printText("  \(folder.source.rawValue.padding(11)) \(folder.path)") }
  }
}

/// `bordermon theme check FILE`: validates a theme file.
struct ThemeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "theme", abstract: "Work with theme files.", subcommands: [Check.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a theme file: one line per problem as file:line: role: reason; exit 1 on errors.")
    @Argument(help: "The theme file.", completion: .file(extensions: ["toml"])) var file: String

    func run() throws {
      let text: String
      switch FileBytes.readTextFile(file, limit: ThemeFile.sizeLimit) {
      case .success(let contents): text = contents
      case .failure(let error):
        printError("\(file): \(error.description)")
        throw ExitCode(1)
      }
      let document = ThemeFile.read(text: text, path: file)
      for problem in document.diagnostics { printText(problem.description) }
      if document.hasErrors { throw ExitCode(1) }
      printText(
        "ok: \(file): theme \"\(document.theme.name)\", every role set"
          + (document.diagnostics.isEmpty ? "" : " (\(document.diagnostics.count) warning(s))"))
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
