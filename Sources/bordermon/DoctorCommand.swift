import ArgumentParser
import BorderConsole
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
    let l10n = try options.localizer()
    let env = FileBytes.environment
    var report = DoctorReport()
    func row(_ label: String, _ value: String) { report.row(label, value) }
    report.heading("bordermon doctor")
    report.blank()
    row(
      l10n.tr("version", context: "doctor"),
      l10n.tr(
        "%1$@ · built with %2$@ · %3$@ · %4$@", context: "doctor", BordermonVersion.line,
        BordermonVersion.swift,
        NCursesLibrary.version, BordermonVersion.system))
    report.blank()

    let probe = TerminalProbe.current()
    report.heading(l10n.tr("Terminal", context: "doctor"))
    row(
      "TERM",
      probe.term.map {
        probe.known
          ? l10n.tr("%@ (known to terminfo)", context: "doctor", $0)
          : l10n.tr("%@ (NOT known to terminfo)", context: "doctor", $0)
      } ?? l10n.tr("not set: the console cannot start", context: "doctor"))
    let noColor = env("NO_COLOR") != nil
    let depth = color.depth(
      terminfoColors: max(0, probe.colors), colorTerm: env("COLORTERM"), noColor: noColor)
    row(
      l10n.tr("colours", context: "doctor"),
      l10n.tr(
        "terminfo %1$d · COLORTERM=%2$@ · NO_COLOR %3$@ · --color %4$@", context: "doctor",
        max(0, probe.colors),
        env("COLORTERM") ?? l10n.tr("unset", context: "variable"),
        noColor ? l10n.tr("set", context: "variable") : l10n.tr("unset", context: "variable"), color.rawValue)
    )
    row(
      l10n.tr("draws with", context: "doctor"),
      depth == .trueColor
        ? l10n.tr(
          "%@ (reduced to 256 unless terminfo is direct-colour)", context: "doctor", Self.depth(depth, l10n))
        : Self.depth(depth, l10n))
    row(
      l10n.tr("capabilities", context: "doctor"),
      l10n.tr(
        "alternate screen %1$@ · cursor addressing %2$@ · line drawing %3$@", context: "doctor",
        yes(probe.hasAlternateScreen, l10n), yes(probe.hasCursorAddressing, l10n),
        yes(probe.hasLineDrawing, l10n)))
    row(
      l10n.tr("size", context: "doctor"),
      probe.size.map {
        $0.columns < 64 || $0.rows < 20
          ? l10n.tr("%1$d×%2$d (below the 64×20 minimum)", context: "doctor", $0.columns, $0.rows)
          : "\($0.columns)×\($0.rows)"
      } ?? l10n.tr("not a terminal", context: "doctor"))
    var inside: [String] = []
    if env("TMUX") != nil { inside.append("tmux") }
    if env("STY") != nil { inside.append("screen") }
    row(
      l10n.tr("multiplexer", context: "doctor"),
      inside.isEmpty ? l10n.tr("none", context: "doctor") : inside.joined(separator: ", "))
    row(
      "SSH",
      env("SSH_CONNECTION").map {
        l10n.tr("from %@", context: "doctor", $0.split(separator: " ").first.map(String.init) ?? $0)
      } ?? l10n.tr("no", context: "doctor"))
    report.blank()

    report.heading(l10n.tr("Locale", context: "doctor"))
    row(
      l10n.tr("variables", context: "doctor"),
      ["LC_ALL", "LC_CTYPE", "LANG"].map { "\($0)=\(env($0) ?? "")" }.joined(separator: " "))
    let text: String
    if probe.isUTF8 {
      text = l10n.tr("UTF-8: box drawing, glyphs and Cyrillic as they are", context: "doctor")
    } else if probe.utf8Fallback {
      text = l10n.tr(
        "not UTF-8; the console switches to C.UTF-8, so Unicode still draws (--ascii forces plain ASCII)",
        context: "doctor")
    } else {
      text = l10n.tr(
        "not UTF-8 and no UTF-8 locale here: ASCII drawing, Cyrillic shown in Latin letters",
        context: "doctor")
    }
    row(l10n.tr("codeset", context: "doctor"), "\(probe.codeset) → \(text)")
    report.blank()

    report.heading(l10n.tr("Theme", context: "doctor"))
    let catalog = ThemeCatalog()
    let resolved = catalog.resolve(option: theme)
    let source =
      resolved.entry.path.map { "\(resolved.entry.source.rawValue): \($0)" }
      ?? l10n.tr("built into the binary", context: "doctor")
    let origin =
      resolved.choice.origin == .builtInDefault
      ? l10n.tr("default", context: "theme origin") : resolved.choice.originDescription
    row(
      l10n.tr("chosen", context: "doctor"),
      l10n.tr("%1$@ (%2$@) — from %3$@", context: "doctor", resolved.entry.name, source, origin))
    row(l10n.tr("available", context: "doctor"), catalog.entries().map(\.name).joined(separator: ", "))
    row(
      l10n.tr("problems", context: "doctor"),
      resolved.diagnostics.isEmpty ? l10n.tr("none", context: "doctor") : "\(resolved.diagnostics.count)")
    for problem in resolved.diagnostics.prefix(5) { report.detail(problem.description) }
    report.blank()

    if case .postgres(let url) = try options.choice() {
      report.heading(l10n.tr("Store", context: "doctor"))
      let origin =
        options.store != nil ? "--store" : env("BORDERMON_STORE") != nil ? "$BORDERMON_STORE" : "config.toml"
      for (label, value) in Self.describe(PostgresStore.diagnose(url), origin: origin, l10n) {
        row(label, value)
      }
      printText(report.text)
      return
    }

    report.heading(l10n.tr("Data", context: "doctor"))
    let directory = options.directory
    let dataOrigin =
      options.data != nil
      ? "--data"
      : env("BORDERMON_DATA") != nil
        ? "$BORDERMON_DATA"
        : env("XDG_DATA_HOME") != nil
          ? "$XDG_DATA_HOME" : "~/.local/share"
    row(
      l10n.tr("directory", context: "doctor"),
      l10n.tr("%1$@ (from %2$@)", context: "doctor", directory.path, dataOrigin))
    if directory.exists {
      let store = SituationStore(directory: directory)
      let situation = store.situation
      let referenceProblems = store.reference.diagnostics.count
      row(
        l10n.tr("reference", context: "doctor"),
        l10n.tr(
          "%1$@, %2$@, %3$@; %4$@", context: "doctor",
          l10n.plural("%d segments", "%d segments", context: "cli count", count: situation.segments.count),
          l10n.plural(
            "%d checkpoints", "%d checkpoints", context: "cli count", count: situation.checkpoints.count),
          l10n.plural("%d meetings", "%d meetings", context: "cli count", count: situation.meetings.count),
          l10n.plural("%d problem(s)", "%d problem(s)", context: "cli count", count: referenceProblems)))
      var info = stat()
      let size = stat(directory.journalFile, &info) == 0 ? Int(info.st_size) : 0
      let writable = access(directory.journalFile, W_OK) == 0
      let last =
        situation.lastEventAt.map {
          l10n.tr("last event #%1$@ at %2$@", context: "doctor", situation.lastSeq, RFC3339.format($0))
        } ?? l10n.tr("no events", context: "doctor")
      // What keeps consoles live: only feeds' events count, not operators' actions.
      let feed =
        situation.lastFeedEventAt.map {
          l10n.tr("last feed event at %@", context: "doctor", RFC3339.format($0))
        }
        ?? l10n.tr("no feed event", context: "doctor")
      if let error = store.journalError {
        row(
          l10n.tr("journal", context: "doctor"),
          l10n.tr("UNREADABLE: %@", context: "doctor", l10n.fileError(error)))
      } else {
        row(
          l10n.tr("journal", context: "doctor"),
          l10n.tr(
            "%1$@, %2$d KiB, %3$@, %4$@", context: "doctor",
            l10n.plural("%d lines", "%d lines", context: "cli count", count: store.linesRead), size / 1024,
            last, feed))
      }
      row(
        l10n.tr("journal state", context: "doctor"),
        l10n.tr(
          "%1$@ · %2$d bytes waiting for a newline · writable %3$@", context: "doctor",
          l10n.plural(
            "%d problem(s)", "%d problem(s)", context: "cli count", count: store.journalProblemCount),
          store.pendingBytes, yes(writable, l10n)))
      for problem in store.diagnostics.prefix(5) { report.detail(problem.description) }
    } else {
      let (_, dataOrigin) = DataDirectory.locate(option: options.data)
      row(
        l10n.tr("state", context: "doctor"),
        dataOrigin == .standard
          ? l10n.tr(
            "does not exist yet (the console creates the sample there on first use)", context: "doctor")
          : l10n.dataDirectoryProblem(directory, origin: dataOrigin) ?? "")
    }
    printText(report.text)
  }

  private func yes(_ flag: Bool, _ l10n: Localizer) -> String {
    flag ? l10n.tr("yes", context: "doctor") : l10n.tr("no", context: "doctor")
  }

  /// How many colours the console draws with, in words.
  static func depth(_ depth: ColorDepth, _ l10n: Localizer) -> String {
    switch depth {
    case .none: return l10n.tr("no colour", context: "doctor")
    case .eight: return l10n.plural("%d colour", "%d colours", context: "doctor", count: 8)
    case .sixteen: return l10n.plural("%d colour", "%d colours", context: "doctor", count: 16)
    case .palette256: return l10n.plural("%d colour", "%d colours", context: "doctor", count: 256)
    case .trueColor: return l10n.tr("truecolour (24-bit)", context: "doctor")
    }
  }

  /// The store's rows of the report: where it is, whether it answers, its schema and journal, and the role's rights.
  static func describe(_ found: StoreDiagnosis, origin: String, _ l10n: Localizer) -> [(String, String)] {
    let none = l10n.tr("none", context: "doctor")
    var rows: [(String, String)] = [
      (l10n.tr("store", context: "doctor"), l10n.tr("%1$@ (from %2$@)", context: "doctor", found.url, origin))
    ]
    let reachable = l10n.tr("reachable", context: "doctor")
    if let reason = found.unreachable {
      rows.append((reachable, l10n.tr("NO: %@", context: "doctor", reason)))
      return rows
    }
    rows.append(
      (
        reachable,
        l10n.tr(
          "yes · PostgreSQL %1$@ · connected as %2$@", context: "doctor", found.serverVersion ?? "?",
          found.sessionUser ?? "?")
      ))
    if let problem = found.problem { rows.append((l10n.tr("problem", context: "doctor"), problem)) }
    let schema = l10n.tr("schema", context: "doctor")
    guard found.hasStore else {
      rows.append(
        (
          schema,
          l10n.tr(
            "none: the database holds no bordermon store (bordermon init --store URL creates one)",
            context: "doctor")
        ))
      return rows
    }
    let rights = l10n.tr("rights", context: "doctor")
    guard found.canRead else {
      rows.append(
        (
          rights,
          l10n.tr("none: this role may not read the store (grant it bordermon_reader)", context: "doctor")
        ))
      return rows
    }
    let supported = StoreDiagnosis.supportedSchemaVersion
    rows.append(
      (
        schema,
        found.schemaVersion.map {
          found.schemaReadable
            ? l10n.tr("version %@", context: "doctor", $0)
            : l10n.tr(
              "version %1$@ — this bordermon reads version %2$@ only", context: "doctor", $0, supported)
        } ?? l10n.tr("no version recorded", context: "doctor")
      ))
    rows.append((l10n.tr("store id", context: "doctor"), found.storeID ?? none))
    rows.append(
      (
        l10n.tr("journal", context: "doctor"),
        l10n.tr(
          "%1$@ events, last seq %2$@", context: "doctor", found.eventCount.map(String.init) ?? "?",
          found.lastSeq.map(String.init) ?? "?")
      ))
    rows.append(
      (
        l10n.tr("reference", context: "doctor"),
        found.referenceVersion.map { l10n.tr("version %@", context: "doctor", $0) } ?? none
      ))
    let replace =
      found.canReplaceReference ? l10n.tr("yes", context: "doctor") : l10n.tr("no", context: "doctor")
    rows.append(
      (
        rights,
        found.canAppend
          ? l10n.tr(
            "can append (recorded as %1$@) · replace reference data: %2$@", context: "doctor",
            found.sessionUser ?? "?", replace)
          : l10n.tr(
            "read-only: the server refuses every append from this role · replace reference data: %@",
            context: "doctor", replace)
      ))
    if let id = found.storeID, let path = StoreSnapshotCache.path(storeIdentity: id) {
      rows.append(
        (
          l10n.tr("cache", context: "doctor"),
          FileBytes.exists(path) ? path : l10n.tr("%@ (none yet)", context: "doctor", path)
        ))
    }
    return rows
  }
}

/// The lines of `doctor`'s report: headings, and rows whose values line up after the widest label.
struct DoctorReport {
  private enum Line {
    case heading(String)
    case row(String, String)
    case detail(String)
  }

  private var lines: [Line] = []

  /// A heading, flush left (`Terminal`, `Data`).
  mutating func heading(_ text: String) { lines.append(.heading(text)) }
  /// An empty line between sections.
  mutating func blank() { lines.append(.heading("")) }
  /// A label and its value.
  mutating func row(_ label: String, _ value: String) { lines.append(.row(label, value)) }
  /// A problem quoted under a row.
  mutating func detail(_ text: String) { lines.append(.detail(text)) }

  /// The report, its values in one column: 16 wide, or one past the widest label.
  var text: String {
    let width = lines.reduce(16) { widest, line in
      if case .row(let label, _) = line, label.count >= widest { return label.count + 1 }
      return widest
    }
    return lines.map { line in
      switch line {
      case .heading(let text): return text
      case .row(let label, let value): return "  " + label.padding(width) + value
      case .detail(let text): return "    " + text
      }
    }.joined(separator: "\n")
  }
}

/// `bordermon themes`: the themes found, and where.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes", abstract: "List the themes found, where each comes from, and which is chosen.")
  @OptionGroup var language: LanguageOption

  func run() throws {
    let l10n = try language.localizer()
    let catalog = ThemeCatalog()
    let chosen = catalog.resolve(option: nil)
    for problem in chosen.choice.diagnostics { printError(problem.description) }
    for entry in catalog.entries() {
      let mark = entry.name == chosen.entry.name ? "*" : " "
      let place = entry.path ?? l10n.tr("built into the binary", context: "doctor")
      printText("\(mark) \(entry.name.padding(16)) \(entry.source.rawValue.padding(11)) \(place)")
    }
    let origin =
      chosen.choice.origin == .builtInDefault
      ? l10n.tr("default", context: "theme origin") : chosen.choice.originDescription
    printText("\n" + l10n.tr("* chosen now, from %@. Search order:", origin))
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
    @OptionGroup var language: LanguageOption

    func run() throws {
      let l10n = try language.localizer()
      let text: String
      switch FileBytes.readTextFile(file, limit: ThemeFile.sizeLimit) {
      case .success(let contents): text = contents
      case .failure(let error):
        printError(file + ": " + l10n.fileError(error))
        throw ExitCode(1)
      }
      let document = ThemeFile.read(text: text, path: file)
      for problem in document.diagnostics { printText(problem.description) }
      if document.hasErrors { throw ExitCode(1) }
      printText(
        document.diagnostics.isEmpty
          ? l10n.tr("ok: %1$@: theme \"%2$@\", every role set", file, document.theme.name)
          : l10n.tr(
            "ok: %1$@: theme \"%2$@\", every role set (%3$@)", file, document.theme.name,
            l10n.plural(
              "%d warning(s)", "%d warning(s)", context: "cli count", count: document.diagnostics.count)))
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
