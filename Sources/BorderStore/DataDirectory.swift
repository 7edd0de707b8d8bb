import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// The folder holding one situation: reference TOML files and the journal.
public struct DataDirectory: Sendable, Hashable {
  /// The folder's path.
  public var path: String

  public init(path: String) {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.path = trimmed
  }

  public var situationFile: String { path + "/situation.toml" }
  public var segmentsFile: String { path + "/segments.toml" }
  public var checkpointsFile: String { path + "/checkpoints.toml" }
  public var meetingsFile: String { path + "/meetings.toml" }
  public var journalFile: String { path + "/journal.jsonl" }

  /// Where the data lives: `--data`, else `$BORDERMON_DATA`, else `$XDG_DATA_HOME/bordermon`, else `~/.local/share/bordermon`.
  public static func resolve(option: String?, environment: (String) -> String? = FileBytes.environment)
    -> DataDirectory
  {
    locate(option: option, environment: environment).directory
  }

  /// Who named a data directory: only the default one may be created on first use.
  public enum Origin: Sendable, Hashable {
    /// `--data DIR`.
    case option
    /// `$BORDERMON_DATA`.
    case environment
    /// The default place (`$XDG_DATA_HOME/bordermon` or `~/.local/share/bordermon`).
    case standard
  }

  /// The data directory and who named it.
  public static func locate(option: String?, environment: (String) -> String? = FileBytes.environment)
    -> (directory: DataDirectory, origin: Origin)
  {
    if let option, !option.isEmpty { return (DataDirectory(path: option), .option) }
    if let explicit = environment("BORDERMON_DATA") { return (DataDirectory(path: explicit), .environment) }
    if let xdg = environment("XDG_DATA_HOME") { return (DataDirectory(path: xdg + "/bordermon"), .standard) }
    let home = environment("HOME") ?? "."
    return (DataDirectory(path: home + "/.local/share/bordermon"), .standard)
  }

  /// Why a named directory cannot be used, with how to create one; nil when it holds a situation.
  public func problem(origin: Origin) -> String? {
    if exists { return nil }
    let named = origin == .environment ? "$BORDERMON_DATA names \(path), which" : "\(path)"
    let fix = origin == .environment ? "bordermon init" : "bordermon init --data \(path)"
    if FileBytes.isDirectory(path) {
      return "\(named) holds no segments.toml: it is not a bordermon data directory "
        + "(create one with `\(fix)` in an empty or new folder)"
    }
    return "\(named) does not exist; nothing was created (create it with `\(fix)`)"
  }

  /// Whether the folder holds a situation (its segments file exists).
  public var exists: Bool { FileBytes.exists(segmentsFile) }

  /// Why a data directory could not be created.
  public enum CreationError: Error, Sendable, CustomStringConvertible {
    case alreadyExists(String)
    case file(FileError)

    public var description: String {
      switch self {
      case .alreadyExists(let path):
        return "\(path): a data directory already exists here; not overwriting it"
      case .file(let error): return "\(error.path): \(error.description)"
      }
    }
  }

  /// Writes a complete data directory from files, refusing to touch one that is not empty.
  ///
  /// The files are written into a sibling folder first and renamed into place, so another
  /// console starting at the same moment sees either nothing or the whole directory. Modes
  /// follow the umask (0666 and 0777 before it), and a setgid parent's group is inherited, so
  /// a group-shared setup needs no chmod afterwards. Missing parent folders are created only
  /// with `creatingParents` (the default data directory's `~/.local/share`).
  public func create(files: [(name: String, bytes: [UInt8])], creatingParents: Bool = false) -> Result<
    Void, CreationError
  > {
    if FileBytes.isDirectory(path) && !FileBytes.list(path).isEmpty {
      return .failure(.alreadyExists(path))
    }
    let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let parentPath = parent.isEmpty ? "/" : parent
    if creatingParents {
      if case .failure(let error) = FileBytes.makeDirectories(parentPath, mode: 0o777) {
        return .failure(.file(error))
      }
    } else if !FileBytes.isDirectory(parentPath) {
      return .failure(
        .file(
          FileError(
            path: path, operation: "create the data directory", code: ENOENT,
            detail: "its parent folder \(parentPath) does not exist")))
    }
    let staging = "\(path).creating-\(getpid())"
    guard mkdir(staging, 0o777) == 0 else {
      return .failure(.file(FileError(path: path, operation: "create the data directory", code: errno)))
    }
    for file in files {
      if case .failure(var error) = FileBytes.write(staging + "/" + file.name, file.bytes, mode: 0o666) {
        for file in files { unlink(staging + "/" + file.name) }
        rmdir(staging)
        error.path = path + "/" + file.name
        return .failure(.file(error))
      }
    }
    if FileBytes.isDirectory(path) { rmdir(path) }
    guard rename(staging, path) == 0 else {
      let code = errno
      for file in files { unlink(staging + "/" + file.name) }
      rmdir(staging)
      if code == ENOTEMPTY || code == EEXIST { return .failure(.alreadyExists(path)) }
      return .failure(.file(FileError(path: path, operation: "create the data directory", code: code)))
    }
    return .success(())
  }
}
