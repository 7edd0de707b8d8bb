import BorderConsole
import BorderModel
import BorderPostgres
import BorderSample
import BorderStore
import BorderTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// The command line's own sentences in the language of the run: file and store errors, data
/// directory problems and the like. English keeps the exact text the libraries write.
extension Localizer {
  /// A failed file operation, as `cannot read the journal: Permission denied`.
  func fileError(_ error: FileError) -> String {
    tr("cannot %1$@: %2$@", context: "file error", fileOperation(error.operation), fileReason(error))
  }

  /// A failed file operation with its path first, as the libraries print it: `PATH: cannot …: …`.
  func fileErrorWithPath(_ error: FileError) -> String {
    error.path + ": " + fileError(error)
  }

  /// Why events were not appended: a file's failure in this language; a refusal by the model's
  /// rules as the refusal words it.
  func appendError(_ error: AppendError) -> String {
    switch error {
    case .file(let error): return fileErrorWithPath(error)
    case .rejected(_, let rejection): return refusal(rejection)
    }
  }

  /// What was being done to a file or a store, for `cannot …` (`read the journal`: `прочитать журнал`).
  func fileOperation(_ operation: String) -> String {
    switch operation {
    case "read": return tr("read", context: "file operation")
    case "write": return tr("write", context: "file operation")
    case "create": return tr("create", context: "file operation")
    case "create directory": return tr("create directory", context: "file operation")
    case "sync": return tr("sync", context: "file operation")
    case "read the journal": return tr("read the journal", context: "file operation")
    case "append to the journal": return tr("append to the journal", context: "file operation")
    case "open the journal for writing": return tr("open the journal for writing", context: "file operation")
    case "lock the journal": return tr("lock the journal", context: "file operation")
    case "sync the journal": return tr("sync the journal", context: "file operation")
    case "read the reference data": return tr("read the reference data", context: "file operation")
    case "read the snapshot": return tr("read the snapshot", context: "file operation")
    case "create the data directory": return tr("create the data directory", context: "file operation")
    case "rotate the journal": return tr("rotate the journal", context: "file operation")
    case "create the new journal": return tr("create the new journal", context: "file operation")
    case "write the new journal": return tr("write the new journal", context: "file operation")
    case "sync the new journal": return tr("sync the new journal", context: "file operation")
    case "put the new journal in place": return tr("put the new journal in place", context: "file operation")
    case "read the journal to compress it":
      return tr("read the journal to compress it", context: "file operation")
    case "check the journal's compressed copy":
      return tr("check the journal's compressed copy", context: "file operation")
    case "sync the journal's compressed copy":
      return tr("sync the journal's compressed copy", context: "file operation")
    case "cut back a half line in the journal":
      return tr("cut back a half line in the journal", context: "file operation")
    case "open the store": return tr("open the store", context: "file operation")
    case "connect": return tr("connect", context: "file operation")
    case "reconnect": return tr("reconnect", context: "file operation")
    case "listen": return tr("listen", context: "file operation")
    default: return operation
    }
  }

  /// Why a file operation failed: our own words when the library gave them, else the system's.
  func fileReason(_ error: FileError) -> String {
    if let detail = error.detail { return fileDetail(detail) }
    return systemReason(error.code)
  }

  /// The library's own words for a file that is not what it should be (`it is a directory, not a
  /// regular file`); words this table does not know stay as written.
  func fileDetail(_ detail: String) -> String {
    switch detail {
    case "it is a symbolic link (not followed)":
      return tr("it is a symbolic link (not followed)", context: "file")
    case "it is a directory, not a regular file":
      return tr("it is a directory, not a regular file", context: "file")
    case "it is a FIFO, not a regular file": return tr("it is a FIFO, not a regular file", context: "file")
    case "it is a character device, not a regular file":
      return tr("it is a character device, not a regular file", context: "file")
    case "it is a block device, not a regular file":
      return tr("it is a block device, not a regular file", context: "file")
    case "it is a socket, not a regular file":
      return tr("it is a socket, not a regular file", context: "file")
    case "it keeps being replaced": return tr("it keeps being replaced", context: "file")
    case "it changed while it was being rotated; try again":
      return tr("it changed while it was being rotated; try again", context: "file")
    case "it changed while read": return tr("it changed while read", context: "file")
    case "it does not read back as the journal":
      return tr("it does not read back as the journal", context: "file")
    default: return detail
    }
  }

  /// The system's reason for an error code; in Russian for the codes an operator meets, else the C library's text.
  func systemReason(_ code: Int32) -> String {
    guard language != .english else { return String(cString: strerror(code)) }
    switch code {
    case ENOENT: return tr("No such file or directory", context: "errno")
    case EACCES: return tr("Permission denied", context: "errno")
    case EPERM: return tr("Operation not permitted", context: "errno")
    case ENOSPC: return tr("No space left on device", context: "errno")
    case EDQUOT: return tr("Disk quota exceeded", context: "errno")
    case EROFS: return tr("Read-only file system", context: "errno")
    case EISDIR: return tr("Is a directory", context: "errno")
    case ENOTDIR: return tr("Not a directory", context: "errno")
    case EEXIST: return tr("File exists", context: "errno")
    case ENOTEMPTY: return tr("Directory not empty", context: "errno")
    case ELOOP: return tr("Too many levels of symbolic links", context: "errno")
    case EIO: return tr("Input/output error", context: "errno")
    case EFBIG: return tr("File too large", context: "errno")
    case EAGAIN: return tr("Resource temporarily unavailable", context: "errno")
    case EBADF: return tr("Bad file descriptor", context: "errno")
    case ENAMETOOLONG: return tr("File name too long", context: "errno")
    case EXDEV: return tr("Invalid cross-device link", context: "errno")
    default: return String(cString: strerror(code))
    }
  }

  /// Why a data directory named by `--data` or `$BORDERMON_DATA` cannot be used, with how to
  /// create one; nil when it holds a situation (the words of `DataDirectory.problem(origin:)`).
  func dataDirectoryProblem(_ directory: DataDirectory, origin: DataDirectory.Origin) -> String? {
    if directory.exists { return nil }
    let path = directory.path
    let isDirectory = FileBytes.isDirectory(path)
    switch (origin == .environment, isDirectory) {
    case (true, true):
      return tr(
        "$BORDERMON_DATA names %@, which holds no segments.toml: it is not a bordermon data directory (create one with `bordermon init` in an empty or new folder)",
        path)
    case (true, false):
      return tr(
        "$BORDERMON_DATA names %@, which does not exist; nothing was created (create it with `bordermon init`)",
        path)
    case (false, true):
      return tr(
        "%1$@ holds no segments.toml: it is not a bordermon data directory (create one with `bordermon init --data %1$@` in an empty or new folder)",
        path)
    case (false, false):
      return tr(
        "%1$@ does not exist; nothing was created (create it with `bordermon init --data %1$@`)", path)
    }
  }

  /// Why a data directory could not be created.
  func creationError(_ error: DataDirectory.CreationError) -> String {
    switch error {
    case .alreadyExists(let path):
      return tr("%@: a data directory already exists here; not overwriting it", path)
    case .file(let error):
      if error.operation == "create the data directory", let detail = error.detail,
        detail.hasPrefix("its parent folder ")
      {
        let parent = String(detail.dropFirst("its parent folder ".count).dropLast(" does not exist".count))
        return tr(
          "%1$@: cannot create the data directory: its parent folder %2$@ does not exist", error.path, parent)
      }
      return fileErrorWithPath(error)
    }
  }

  /// Why the sample could not be made into a data directory or a store.
  func sampleCreationError(_ error: SampleCreationError) -> String {
    switch error {
    case .template(let problem): return tr("the bundled sample is broken: %@", problem.description)
    case .directory(let error): return creationError(error)
    }
  }

  /// Why a journal could not be rotated (a refusal by the model's rules is printed as the model words it).
  func rotationError(_ error: RotationError) -> String {
    switch error {
    case .file(let error): return fileErrorWithPath(error)
    case .notAFileJournal(let reason):
      switch reason {
      case "only a data directory's journal file can be rotated":
        return tr("only a data directory's journal file can be rotated")
      case "a batch of appends holds the journal's lock; end it before rotating":
        return tr("a batch of appends holds the journal's lock; end it before rotating")
      default: return reason
      }
    case .rejected: return error.description
    }
  }

  /// A PostgreSQL store's failure: `STORE: cannot connect: <the server's message>`.
  func storeError(_ error: StoreError) -> String {
    tr(
      "%1$@: cannot %2$@: %3$@", context: "store error", error.store, fileOperation(error.operation),
      error.message)
  }

  /// Why a text is not a time (`--at`, `--start`, `--occurred`).
  func timeParseError(_ error: TimeParseError) -> String {
    switch error {
    case .malformed(let text):
      return tr("'%@' is not an RFC 3339 time (expected e.g. 2024-05-19T09:00:00Z)", text)
    case .missingZone(let text):
      return tr("'%@' has no zone: add Z for UTC or an offset such as +06:00", text)
    case .outOfRange(let text): return tr("'%@' has a field out of range", text)
    }
  }

  /// Why the console could not take the terminal.
  func terminalError(_ error: TerminalError) -> String {
    switch error {
    case .notATerminal: return tr("standard input and output must be a terminal")
    case .termNotSet: return tr("TERM is not set")
    case .unknownTerminal(let name): return tr("unknown terminal type '%@'", name)
    case .cannotMoveCursor(let name):
      return tr(
        "terminal type '%@' cannot move the cursor; the console needs one that can (xterm-256color, screen, tmux, linux, vt100)",
        name)
    case .cannotSetUp(let name): return tr("cannot set up terminal type '%@'", name)
    case .system: return error.description
    }
  }

  /// Why a store was not chosen: `--store` and `--data` at once, or a bad `store =` line.
  func storeChoiceError(_ error: StoreChoiceError) -> String {
    switch error.kind {
    case .storeAndData: return tr("--store and --data name two different situations; give one")
    case .notAString(let place): return tr("%@: store: must be a string (a postgresql:// URL)", place)
    case .badURL: return error.description
    }
  }
}
