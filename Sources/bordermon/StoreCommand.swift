import ArgumentParser
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
  static func url(_ option: String?) throws -> StoreURL {
    let config = ThemeCatalog.configFilePath(environment: FileBytes.environment)
    switch StoreChoice.resolve(storeOption: option, dataOption: nil, configFile: config) {
    case .success(.postgres(let url)): return url
    case .success(.directory):
      printError("bordermon store: no store given (--store postgresql://…, or $BORDERMON_STORE)")
      throw ExitCode(1)
    case .failure(let error):
      printError("bordermon store: \(error)")
      throw ExitCode(1)
    }
  }

  static func open(_ option: String?) throws -> PostgresStore {
    switch PostgresStore.open(try url(option)) {
    case .success(let store): return store
    case .failure(let error):
      printError("bordermon store: \(error)")
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

    func run() throws {
      let url = try StoreCommand.url(store)
      let directory = DataDirectory(path: data)
      guard directory.exists else {
        printError("bordermon store push: \(directory.segmentsFile): no data directory here")
        throw ExitCode(1)
      }
      let files: PostgresStore.Files
      switch PostgresStore.files(of: directory) {
      case .success(let read): files = read
      case .failure(let refusal):
        for problem in refusal.diagnostics { printError(problem.description) }
        printError("bordermon store push: \(refusal.diagnostics.count) problem(s); nothing was pushed")
        throw ExitCode(1)
      }
      switch PostgresStore.create(url, files: files) {
      case .success:
        print(
          "pushed \(directory.path) to \(url): \(files.reference.count) reference files, \(files.journal.count) journal lines"
        )
      case .failure(let error):
        printError("bordermon store push: \(error)")
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

    func run() throws {
      let opened = try StoreCommand.open(store)
      let reference: [String: String]
      switch opened.currentReference() {
      case .success(let current): reference = current.files
      case .failure(let error):
        printError("bordermon store pull: \(error)")
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
        printError("bordermon store pull: \(error)")
        throw ExitCode(1)
      }
      var files = reference.sorted { $0.key < $1.key }.map { (name: $0.key, bytes: Array($0.value.utf8)) }
      files.append((name: "journal.jsonl", bytes: journal))
      let directory = DataDirectory(path: data)
      switch directory.create(files: files) {
      case .success:
        print(
          "pulled \(opened.url) to \(directory.path): \(reference.count) reference files, \(count) journal lines"
        )
      case .failure(let error):
        printError("bordermon store pull: \(error)")
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

    func run() throws {
      let opened = try StoreCommand.open(store)
      if let file {
        guard case .success(let current) = opened.currentReference(), let text = current.files[file] else {
          printError("bordermon store reference: the store holds no \(file)")
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
          printError("bordermon store reference: \(errors) error(s); the store's reference data is unchanged")
          throw ExitCode(1)
        }
        var files: [String: [UInt8]] = [:]
        for name in ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"] {
          if case .success(let bytes) = FileBytes.read(directory.path + "/" + name) { files[name] = bytes }
        }
        switch opened.replaceReference(files) {
        case .success(let version):
          print(
            "reference version \(version): \(loaded.data.segments.count) segments, "
              + "\(loaded.data.checkpoints.count) checkpoints, \(loaded.data.meetings.count) meetings")
        case .failure(let error):
          printError("bordermon store reference: \(error)")
          throw ExitCode(1)
        }
        return
      }
      switch opened.referenceVersions() {
      case .failure(let error):
        printError("bordermon store reference: \(error)")
        throw ExitCode(1)
      case .success(let versions):
        for version in versions {
          print(
            "version \(version.version)  \(version.loadedAt)  by \(version.loadedBy)  \(version.files.joined(separator: " "))"
          )
        }
      }
      if case .success(let reference) = opened.loadReference() {
        print(
          "current: \(reference.data.segments.count) segments, \(reference.data.checkpoints.count) checkpoints, "
            + "\(reference.data.meetings.count) meetings, \(reference.diagnostics.count) problem(s)")
        for problem in reference.diagnostics { print(problem.description) }
      }
    }
  }
}
