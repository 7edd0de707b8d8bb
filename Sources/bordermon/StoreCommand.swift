import ArgumentParser
import BorderConsole
import BorderModel
import BorderPostgres
import BorderStore
import BorderThemes

/// `bordermon store …`: copy a data directory into a PostgreSQL store and back, and manage its reference data.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Copy a data directory into a PostgreSQL store and back; its reference data.",
    subcommands: [Push.self, Pull.self, Reference.self])

  /// The store named by `--store`, else `$BORDERMON_STORE`, else `store =` in config.toml.
  static func url(_ option: String?, _ l10n: Localizer) throws -> StoreURL {
    let config = ThemeCatalog.configFilePath(environment: FileBytes.environment)
    switch StoreChoice.resolve(storeOption: option, dataOption: nil, configFile: config) {
    case .success(.postgres(let url)): return url
    case .success(.directory):
      printError(
        "bordermon store: " + l10n.tr("no store given (--store postgresql://…, or $BORDERMON_STORE)"))
      throw ExitCode(1)
    case .failure(let error):
      printError("bordermon store: " + l10n.storeChoiceError(error))
      throw ExitCode(1)
    }
  }

  static func open(_ option: String?, _ l10n: Localizer) throws -> PostgresStore {
    switch PostgresStore.open(try url(option, l10n)) {
    case .success(let store): return store
    case .failure(let error):
      printError("bordermon store: " + l10n.storeError(error))
      throw ExitCode(1)
    }
  }

  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy a data directory (reference files and journal, every seq kept) into a new store.",
      discussion:
        "The database must not hold a bordermon store yet; the schema is made in the same transaction.")
    @Option(help: ArgumentHelp("The data directory to copy.", valueName: "dir")) var data: String
    @Option(help: ArgumentHelp("The store to make (default: $BORDERMON_STORE).", valueName: "url")) var store:
      String?
    @OptionGroup var language: LanguageOption

    func run() throws {
      let l10n = try language.localizer()
      let url = try StoreCommand.url(store, l10n)
      let directory = DataDirectory(path: data)
      guard directory.exists else {
        printError("bordermon store push: " + l10n.tr("%@: no data directory here", directory.segmentsFile))
        throw ExitCode(1)
      }
      let files: PostgresStore.Files
      switch PostgresStore.files(of: directory) {
      case .success(let read): files = read
      case .failure(let refusal):
        for problem in refusal.diagnostics { printError(problem.description) }
        printError(
          "bordermon store push: "
            + l10n.plural(
              "%d problem(s); nothing was pushed", "%d problem(s); nothing was pushed",
              count: refusal.diagnostics.count))
        throw ExitCode(1)
      }
      switch PostgresStore.create(url, files: files) {
      case .success:
        printText(
          l10n.tr(
            "pushed %1$@ to %2$@: %3$@, %4$@", directory.path, url,
            l10n.plural(
              "%d reference files", "%d reference files", context: "cli count", count: files.reference.count),
            l10n.plural(
              "%d journal lines", "%d journal lines", context: "cli count", count: files.journal.count)))
      case .failure(let error):
        printError("bordermon store push: " + l10n.storeError(error))
        throw ExitCode(1)
      }
    }
  }

  struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write a store out as a new data directory (its current reference files and every journal line).")
    @Option(help: ArgumentHelp("The store to read (default: $BORDERMON_STORE).", valueName: "url")) var store:
      String?
    @Option(help: ArgumentHelp("The data directory to create (never overwritten).", valueName: "dir"))
    var data: String
    @OptionGroup var language: LanguageOption

    func run() throws {
      let l10n = try language.localizer()
      let opened = try StoreCommand.open(store, l10n)
      let reference: [String: String]
      switch opened.currentReference() {
      case .success(let current): reference = current.files
      case .failure(let error):
        printError("bordermon store pull: " + l10n.storeError(error))
        throw ExitCode(1)
      }
      var journal: [UInt8] = []
      let count: Int
      switch opened.journalLines({ _, line in
        journal.append(contentsOf: line)
        journal.append(0x0A)
      }) {
      case .success(let total): count = total
      case .failure(let error):
        printError("bordermon store pull: " + l10n.storeError(error))
        throw ExitCode(1)
      }
      var files = reference.sorted { $0.key < $1.key }.map { (name: $0.key, bytes: Array($0.value.utf8)) }
      files.append((name: "journal.jsonl", bytes: journal))
      let directory = DataDirectory(path: data)
      switch directory.create(files: files) {
      case .success:
        printText(
          l10n.tr(
            "pulled %1$@ to %2$@: %3$@, %4$@", opened.url, directory.path,
            l10n.plural(
              "%d reference files", "%d reference files", context: "cli count", count: reference.count),
            l10n.plural("%d journal lines", "%d journal lines", context: "cli count", count: count)))
      case .failure(let error):
        printError("bordermon store pull: " + l10n.creationError(error))
        throw ExitCode(1)
      }
    }
  }

  struct Reference: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a store's reference data, or replace it from a folder's TOML files (checked first).",
      discussion: """
        Without options: the versions held and the current one's figures. --file NAME prints one \
        current file (segments.toml, …). --replace DIR checks DIR's situation.toml, segments.toml, \
        checkpoints.toml and meetings.toml like bordermon check (file:line: field: reason), and \
        stores them as the next version only when they have no error; running consoles are told.
        """)
    @Option(help: ArgumentHelp("The store (default: $BORDERMON_STORE).", valueName: "url")) var store: String?
    @Option(help: ArgumentHelp("A folder with the new reference files.", valueName: "dir")) var replace:
      String?
    @Option(help: ArgumentHelp("Print this current file.", valueName: "name")) var file: String?
    @OptionGroup var language: LanguageOption

    func run() throws {
      let l10n = try language.localizer()
      let opened = try StoreCommand.open(store, l10n)
      if let file {
        guard case .success(let current) = opened.currentReference(), let text = current.files[file] else {
          printError("bordermon store reference: " + l10n.tr("the store holds no %@", file))
          throw ExitCode(1)
        }
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        return
      }
      if let replace {
        let directory = DataDirectory(path: replace)
        let loaded = ReferenceLoader.load(directory)
        for problem in loaded.diagnostics { printError(problem.description) }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        guard errors == 0 else {
          printError(
            "bordermon store reference: "
              + l10n.plural(
                "%d error(s); the store's reference data is unchanged",
                "%d error(s); the store's reference data is unchanged", count: errors))
          throw ExitCode(1)
        }
        var files: [String: [UInt8]] = [:]
        for name in ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"] {
          if case .success(let bytes) = FileBytes.read(directory.path + "/" + name) { files[name] = bytes }
        }
        switch opened.replaceReference(files) {
        case .success(let version):
          printText(
            l10n.tr(
              "reference version %1$d: %2$@, %3$@, %4$@", version,
              l10n.plural(
                "%d segments", "%d segments", context: "cli count", count: loaded.data.segments.count),
              l10n.plural(
                "%d checkpoints", "%d checkpoints", context: "cli count", count: loaded.data.checkpoints.count
              ),
              l10n.plural(
                "%d meetings", "%d meetings", context: "cli count", count: loaded.data.meetings.count)))
        case .failure(let error):
          printError("bordermon store reference: " + l10n.storeError(error))
          throw ExitCode(1)
        }
        return
      }
      switch opened.referenceVersions() {
      case .failure(let error):
        printError("bordermon store reference: " + l10n.storeError(error))
        throw ExitCode(1)
      case .success(let versions):
        for version in versions {
          printText(
            l10n.tr(
              "version %1$d  %2$@  by %3$@  %4$@", version.version, version.loadedAt, version.loadedBy,
              version.files.joined(separator: " ")))
        }
      }
      if case .success(let reference) = opened.loadReference() {
        printText(
          l10n.tr(
            "current: %1$@, %2$@, %3$@, %4$@",
            l10n.plural(
              "%d segments", "%d segments", context: "cli count", count: reference.data.segments.count),
            l10n.plural(
              "%d checkpoints", "%d checkpoints", context: "cli count",
              count: reference.data.checkpoints.count),
            l10n.plural(
              "%d meetings", "%d meetings", context: "cli count", count: reference.data.meetings.count),
            l10n.plural(
              "%d problem(s)", "%d problem(s)", context: "cli count", count: reference.diagnostics.count)))
        for problem in reference.diagnostics { print(problem.description) }
      }
    }
  }
}
