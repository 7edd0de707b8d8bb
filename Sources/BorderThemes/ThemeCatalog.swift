import BorderConsole
import BorderModel
import BorderStore
import TOMLKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A theme the catalog knows: its name and where it comes from.
public struct ThemeEntry: Sendable, Hashable {
  /// Where a theme was found.
  public enum Source: String, Sendable, Hashable, CaseIterable {
    /// The user's folder: `$XDG_CONFIG_HOME/bordermon/themes` or `~/.config/bordermon/themes`.
    case user
    /// Beside the installed binary: `<bin>/../share/bordermon/themes`.
    case installed
    /// The `Themes/` folder of the source checkout the binary or the current directory is in.
    case repository
    /// Compiled into the binary (`Theme.defaultDark`).
    case builtIn = "built-in"
    /// A file named by path rather than by name.
    case path
  }

  public var name: String
  /// The file, nil for the built-in theme.
  public var path: String?
  public var source: Source

  public init(name: String, path: String?, source: Source) {
    self.name = name
    self.path = path
    self.source = source
  }

  /// The built-in default theme's entry.
  public static let builtInDefault = ThemeEntry(name: "default", path: nil, source: .builtIn)
}

/// A folder the catalog searches, with what kind of folder it is.
public struct ThemeFolder: Sendable, Hashable {
  public var path: String
  public var source: ThemeEntry.Source

  public init(path: String, source: ThemeEntry.Source) {
    self.path = path
    self.source = source
  }
}

/// Why a theme could not be loaded.
public enum ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No theme of that name in any folder.
  case notFound(name: String, available: [String], searched: [String])
  /// The file exists (or was named) but could not be read.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .notFound(let name, let available, let searched):
      let hint = Suggestion.nearest(name, in: available).map { " (did you mean \($0)?)" } ?? ""
      return "no theme named '\(name)'\(hint); themes: \(available.joined(separator: ", "))"
        + (searched.isEmpty ? "" : "; searched \(searched.joined(separator: ", "))")
    case .unreadable(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}

/// A theme file loaded through the catalog.
public struct LoadedTheme: Sendable {
  public var theme: Theme
  /// Problems in the file (the theme is usable regardless).
  public var diagnostics: [Diagnostic]
  public var entry: ThemeEntry
  /// The file's `description`, if any.
  public var description: String?
}

/// Which theme was asked for, and by what: `--theme`, `$BORDERMON_THEME`, the config file, or the default.
public struct ThemeChoice: Sendable, Hashable {
  /// What made the choice.
  public enum Origin: Sendable, Hashable {
    case option
    case environment(variable: String)
    case configFile(path: String, line: Int?)
    case builtInDefault
  }

  /// The theme's name or a path to a theme file.
  public var value: String
  public var origin: Origin
  /// Problems reading the config file, if it was consulted (warnings; the choice fell through).
  public var diagnostics: [Diagnostic]

  /// Where the choice came from, for `bordermon doctor`: `--theme`, `$BORDERMON_THEME`, `path:line`, `default`.
  public var originDescription: String {
    switch origin {
    case .option: return "--theme"
    case .environment(let variable): return "$" + variable
    case .configFile(let path, let line): return line.map { "\(path):\($0)" } ?? path
    case .builtInDefault: return "default"
    }
  }
}

/// The outcome of choosing and loading a theme, which always yields a theme.
public struct ResolvedTheme: Sendable {
  public var theme: Theme
  /// The theme actually used (the built-in default when the chosen one could not be loaded).
  public var entry: ThemeEntry
  public var choice: ThemeChoice
  /// Problems with the config file, with finding the theme and in the theme file.
  public var diagnostics: [Diagnostic]
}

/// Finds themes by name across the search path: user folder, installed share folder, source checkout.
public struct ThemeCatalog: Sendable {
  /// The folders searched, in order; the first file of a name wins.
  public var folders: [ThemeFolder]

  /// A catalog over explicit folders (for tests and tools).
  public init(folders: [ThemeFolder]) {
    var seen = Set<String>()
    self.folders = folders.filter { seen.insert(Self.normalize($0.path)).inserted }
  }

  /// The standard search path for this process.
  public init(
    environment: (String) -> String? = FileBytes.environment,
    executablePath: String? = ThemeCatalog.runningExecutablePath(),
    currentDirectory: String? = ThemeCatalog.workingDirectory()
  ) {
    self.init(
      folders: Self.searchFolders(
        environment: environment, executablePath: executablePath, currentDirectory: currentDirectory))
  }

  // MARK: Search path

  /// The user's folder, the installed folder, then the checkout's `Themes/` (from the binary, then the working directory).
  public static func searchFolders(
    environment: (String) -> String?, executablePath: String?, currentDirectory: String?
  ) -> [ThemeFolder] {
    var folders: [ThemeFolder] = []
    if let config = configDirectory(environment: environment) {
      folders.append(ThemeFolder(path: config + "/themes", source: .user))
    }
    let binaryFolder = executablePath.map { parent(of: absolute($0, in: currentDirectory)) }
    if let binaryFolder {
      folders.append(
        ThemeFolder(path: normalize(binaryFolder + "/../share/bordermon/themes"), source: .installed))
    }
    for start in [binaryFolder, currentDirectory].compactMap({ $0 }) {
      if let themes = checkoutThemes(from: start) {
        folders.append(ThemeFolder(path: themes, source: .repository))
      }
    }
    return folders
  }

  /// `$XDG_CONFIG_HOME/bordermon`, else `~/.config/bordermon`; nil with neither variable set.
  public static func configDirectory(environment: (String) -> String?) -> String? {
    if let xdg = environment("XDG_CONFIG_HOME") { return xdg + "/bordermon" }
    if let home = environment("HOME") { return home + "/.config/bordermon" }
    return nil
  }

  /// The config file: `$XDG_CONFIG_HOME/bordermon/config.toml`, else `~/.config/bordermon/config.toml`.
  public static func configFilePath(environment: (String) -> String?) -> String? {
    configDirectory(environment: environment).map { $0 + "/config.toml" }
  }

  /// Walks up from `start` to the bordermon checkout (`Package.swift` beside `Themes/`); its `Themes/` folder.
  static func checkoutThemes(from start: String) -> String? {
    var folder = normalize(start)
    while true {
      let themes = (folder == "/" ? "" : folder) + "/Themes"
      let manifest = (folder == "/" ? "" : folder) + "/Package.swift"
      if FileBytes.isDirectory(themes),
        case .success(let text) = FileBytes.readTextFile(manifest, limit: ThemeFile.sizeLimit),
        text.contains("\"bordermon\"")
      {
        return themes
      }
      if folder == "/" || folder.isEmpty { return nil }
      folder = parent(of: folder)
    }
  }

  /// The running binary's path (`/proc/self/exe` on Linux), nil when unknown.
  public static func runningExecutablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      if count > 0 {
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
    #endif
    return CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil }
  }

  /// The current working directory, nil when it cannot be read.
  public static func workingDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: Finding and loading

  /// Every theme by name, first found winning; the built-in `default` when no file shadows it. Sorted by name.
  public func entries() -> [ThemeEntry] {
    var byName: [String: ThemeEntry] = [:]
    for folder in folders {
      for file in FileBytes.list(folder.path).sorted() where file.hasSuffix(".toml") && !file.hasPrefix(".") {
        let name = String(file.dropLast(5))
        guard !name.isEmpty, byName[name] == nil else { continue }
        byName[name] = ThemeEntry(name: name, path: folder.path + "/" + file, source: folder.source)
      }
    }
    if byName["default"] == nil { byName["default"] = .builtInDefault }
    return byName.values.sorted { $0.name < $1.name }
  }

  /// The entry for a theme name, if any folder has it (or it is the built-in default).
  public func entry(named name: String) -> ThemeEntry? {
    for folder in folders {
      let path = folder.path + "/" + name + ".toml"
      if FileBytes.exists(path) { return ThemeEntry(name: name, path: path, source: folder.source) }
    }
    return name == "default" ? .builtInDefault : nil
  }

  /// Whether a `--theme` value names a file rather than a theme: it contains `/` or ends in `.toml`.
  public static func isPath(_ value: String) -> Bool { value.contains("/") || value.hasSuffix(".toml") }

  /// Loads a theme by name (searching the folders) or by path.
  public func load(nameOrPath value: String, fallback: Theme = .defaultDark) -> Result<
    LoadedTheme, ThemeError
  > {
    let entry: ThemeEntry
    if Self.isPath(value) {
      entry = ThemeEntry(name: ThemeFile.name(ofPath: value), path: value, source: .path)
    } else if let found = self.entry(named: value) {
      entry = found
    } else {
      return .failure(
        .notFound(name: value, available: entries().map(\.name), searched: folders.map(\.path)))
    }
    return load(entry, fallback: fallback)
  }

  /// Loads a catalog entry.
  public func load(_ entry: ThemeEntry, fallback: Theme = .defaultDark) -> Result<LoadedTheme, ThemeError> {
    guard let path = entry.path else {
      return .success(LoadedTheme(theme: .defaultDark, diagnostics: [], entry: entry, description: nil))
    }
    switch FileBytes.readTextFile(path, limit: ThemeFile.sizeLimit) {
    case .failure(let error):
      return .failure(.unreadable(path: path, reason: error.description))
    case .success(let text):
      let document = ThemeFile.read(text: text, path: path, fallback: fallback)
      return .success(
        LoadedTheme(
          theme: document.theme, diagnostics: document.diagnostics, entry: entry,
          description: document.description))
    }
  }

  // MARK: Choosing

  /// The theme asked for: `--theme`, else `$BORDERMON_THEME`, else `theme` in the config file, else `default`.
  ///
  /// `configFile` nil means the standard place (`configFilePath(environment:)`). A relative
  /// path in the config file is taken relative to the config file's folder; `~/` means `$HOME`.
  public func choose(
    option: String?, environment: (String) -> String? = FileBytes.environment, configFile: String? = nil
  ) -> ThemeChoice {
    let home = environment("HOME")
    // The config file is read whatever decides the theme, so its unknown keys are always reported.
    var diagnostics: [Diagnostic] = []
    let path = configFile ?? Self.configFilePath(environment: environment)
    let configured = path.flatMap { Self.configTheme($0, &diagnostics) }
    if let option, !option.trimmingSpaces.isEmpty {
      return ThemeChoice(
        value: Self.expandHome(option, home: home), origin: .option, diagnostics: diagnostics)
    }
    if let variable = environment("BORDERMON_THEME"), !variable.trimmingSpaces.isEmpty {
      return ThemeChoice(
        value: Self.expandHome(variable, home: home), origin: .environment(variable: "BORDERMON_THEME"),
        diagnostics: diagnostics)
    }
    if let path, let (value, line) = configured {
      var resolved = Self.expandHome(value, home: home)
      if Self.isPath(resolved) && !resolved.hasPrefix("/") {
        resolved = Self.parent(of: path) + "/" + resolved
      }
      return ThemeChoice(
        value: resolved, origin: .configFile(path: path, line: line), diagnostics: diagnostics)
    }
    return ThemeChoice(value: "default", origin: .builtInDefault, diagnostics: diagnostics)
  }

  /// Chooses and loads a theme, never failing: a theme that cannot be loaded gives the built-in default.
  public func resolve(
    option: String?, environment: (String) -> String? = FileBytes.environment, configFile: String? = nil
  ) -> ResolvedTheme {
    let choice = choose(option: option, environment: environment, configFile: configFile)
    switch load(nameOrPath: choice.value) {
    case .success(let loaded):
      return ResolvedTheme(
        theme: loaded.theme, entry: loaded.entry, choice: choice,
        diagnostics: choice.diagnostics + loaded.diagnostics)
    case .failure(let error):
      var file = choice.originDescription
      var line: Int?
      if case .configFile(let path, let configLine) = choice.origin {
        file = path
        line = configLine
      }
      let problem = Diagnostic(
        .error, file: file, line: line, field: "theme", message: "\(error); using the built-in default")
      return ResolvedTheme(
        theme: .defaultDark, entry: .builtInDefault, choice: choice,
        diagnostics: choice.diagnostics + [problem])
    }
  }

  /// The keys `config.toml` understands; any other is warned about with its file and line.
  public static let configKeys = ["theme", "lang"]

  /// The `lang` key of a config file and its line; nil when the file or the key is absent
  /// (or not a string: that is said with the file, line and field).
  public static func configLanguage(_ path: String) -> (value: String, line: Int?)? {
    guard case .success(let text) = FileBytes.readTextFile(path, limit: ThemeFile.sizeLimit),
      case .success(let root) = TOMLText.parse(text, file: path, severity: .warning, consequence: ""),
      let value = root["lang"]
    else { return nil }
    let line = TOMLKeyLines(text).line(["lang"])
    // A value that is not a string is handed on as its TOML text, so the choice names it as not a language.
    return (value.string ?? "\(value)", line)
  }

  /// The `theme` key of a config file and its line; nil when the file or the key is absent or bad.
  /// Unknown keys are reported as warnings with their line.
  static func configTheme(_ path: String, _ diagnostics: inout [Diagnostic]) -> (String, Int?)? {
    let text: String
    switch FileBytes.readTextFile(path, limit: ThemeFile.sizeLimit) {
    case .success(let contents): text = contents
    case .failure(let error):
      if !error.isMissing { diagnostics.append(Diagnostic(.warning, file: path, message: error.description)) }
      return nil
    }
    let root: TOMLTable
    switch TOMLText.parse(text, file: path, severity: .warning, consequence: "; theme setting ignored") {
    case .success(let table): root = table
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    }
    let lines = TOMLKeyLines(text)
    for key in root.keys.sorted(by: { (lines.line([$0]) ?? 0) < (lines.line([$1]) ?? 0) })
    where !configKeys.contains(key) {
      diagnostics.append(
        Diagnostic(
          .warning, file: path, line: lines.line([key]), field: key,
          message: "unknown key (ignored); config.toml sets only `theme` and `lang`"
            + (Suggestion.nearest(key, in: configKeys).map { " (did you mean \($0)?)" }
              ?? "; the console's other settings are options and variables (bordermon --help)")))
    }
    guard let value = root["theme"] else { return nil }
    let line = lines.line(["theme"])
    guard let name = value.string, !name.trimmingSpaces.isEmpty else {
      diagnostics.append(
        Diagnostic(
          .warning, file: path, line: line, field: "theme",
          message: "must be a theme name or a path to a .toml file (ignored)"))
      return nil
    }
    return (name.trimmingSpaces, line)
  }

  // MARK: Paths

  static func expandHome(_ value: String, home: String?) -> String {
    guard let home, value == "~" || value.hasPrefix("~/") else { return value }
    return home + value.dropFirst()
  }

  static func absolute(_ path: String, in directory: String?) -> String {
    guard !path.hasPrefix("/"), let directory else { return path }
    return directory + "/" + path
  }

  /// The folder a path is in (lexically).
  static func parent(of path: String) -> String {
    let normalized = normalize(path)
    guard let slash = normalized.lastIndex(of: "/") else { return "." }
    return slash == normalized.startIndex ? "/" : String(normalized[..<slash])
  }

  /// A path with `.`, `..` and repeated slashes resolved lexically.
  static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !absolute {
          parts.append(part)
        }
        continue
      }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }
}
