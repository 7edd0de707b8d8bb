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
    if let option, !option.isEmpty { return DataDirectory(path: option) }
    if let explicit = environment("BORDERMON_DATA") { return DataDirectory(path: explicit) }
    if let xdg = environment("XDG_DATA_HOME") { return DataDirectory(path: xdg + "/bordermon") }
    let home = environment("HOME") ?? "."
    return DataDirectory(path: home + "/.local/share/bordermon")
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
  /// console starting at the same moment sees either nothing or the whole directory.
  public func create(files: [(name: String, bytes: [UInt8])]) -> Result<Void, CreationError> {
    if FileBytes.isDirectory(path) && !FileBytes.list(path).isEmpty {
      return .failure(.alreadyExists(path))
    }
    let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    if case .failure(let error) = FileBytes.makeDirectories(parent.isEmpty ? "/" : parent) {
      return .failure(.file(error))
    }
    let staging = "\(path).creating-\(getpid())"
    if case .failure(let error) = FileBytes.makeDirectories(staging) { return .failure(.file(error)) }
    for file in files {
      if case .failure(let error) = FileBytes.write(staging + "/" + file.name, file.bytes) {
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
