import BorderModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed file operation: what was attempted on which path, and the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var operation: String
  public var code: Int32
  /// Our own words for the reason, when the system's text would mislead (a symlink, a FIFO).
  public var detail: String?
  /// The 1-based line a problem with a text file's content is on (a NUL byte, bytes that are not UTF-8).
  public var line: Int?

  public init(path: String, operation: String, code: Int32, detail: String? = nil) {
    self.path = path
    self.operation = operation
    self.code = code
    self.detail = detail
  }

  /// Why it failed: our own words when given, else the system's text for the error code.
  public var reason: String { detail ?? String(cString: strerror(code)) }
  /// Whether the file does not exist.
  public var isMissing: Bool { code == ENOENT }
  public var description: String { "cannot \(operation): \(reason)" }
}

/// Small file helpers over the system calls, so errors keep their errno.
public enum FileBytes {
  /// Opens a path that must be a regular file, never following a symbolic link at its last
  /// component and never blocking on a FIFO or a device; returns the descriptor and its `stat`.
  ///
  /// `flags` are added to `O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC` (never pass `O_CREAT` for data
  /// another process may own).
  public static func openRegular(_ path: String, flags: Int32 = O_RDONLY, operation: String) -> Result<
    (fd: Int32, info: stat), FileError
  > {
    let fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      var info = stat()
      if code != ENOENT, lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
        // Opening a directory for writing, or a FIFO nobody reads, fails first: say what it is.
        let kind =
          (info.st_mode & S_IFMT) == S_IFLNK
          ? "a symbolic link (not followed)" : kindDescription(info.st_mode) + ", not a regular file"
        return .failure(FileError(path: path, operation: operation, code: code, detail: "it is \(kind)"))
      }
      return .failure(FileError(path: path, operation: operation, code: code))
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      return .failure(FileError(path: path, operation: operation, code: code))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return .failure(
        FileError(
          path: path, operation: operation, code: EINVAL,
          detail: "it is \(kindDescription(info.st_mode)), not a regular file"))
    }
    return .success((fd, info))
  }

  /// "a directory", "a FIFO", … for a file mode.
  static func kindDescription(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFLNK: return "a symbolic link"
    default: return "not a plain file"
    }
  }

  /// Reads a whole regular file of at most `limit` bytes; a FIFO, a device, a directory, a
  /// symbolic link or a larger file is refused without reading (so nothing hangs or fills memory).
  public static func readRegular(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
    let opened: (fd: Int32, info: stat)
    switch openRegular(path, operation: "read") {
    case .failure(let error): return .failure(error)
    case .success(let value): opened = value
    }
    defer { close(opened.fd) }
    guard opened.info.st_size <= limit else {
      return .failure(
        FileError(
          path: path, operation: "read", code: EFBIG,
          detail: "it is \(opened.info.st_size) bytes, more than the \(limit) allowed"))
    }
    return readAll(opened.fd, path: path, limit: limit)
  }

  /// Reads a text file: a regular file of at most `limit` bytes (see `readRegular`), holding
  /// UTF-8 text; a binary file (a NUL byte, or bytes that are not UTF-8) is an error naming its line.
  public static func readTextFile(_ path: String, limit: Int) -> Result<String, FileError> {
    let bytes: [UInt8]
    switch readRegular(path, limit: limit) {
    case .failure(let error): return .failure(error)
    case .success(let read): bytes = read
    }
    var line = 1
    var start = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let slice = bytes[start..<end]
      if slice.contains(0) {
        var error = FileError(
          path: path, operation: "read", code: EILSEQ,
          detail: "line \(line) holds a NUL byte: not a text file")
        error.line = line
        return .failure(error)
      }
      if let bad = UTF8Validation.firstInvalidByte(Array(slice)) {
        var error = FileError(
          path: path, operation: "read", code: EILSEQ,
          detail: "line \(line) is not UTF-8 text at byte \(bad + 1) (a binary file?)")
        error.line = line
        return .failure(error)
      }
      line += 1
      start = end + 1
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// Reads from a descriptor to its end, failing once more than `limit` bytes came.
  static func readAll(_ fd: Int32, path: String, limit: Int) -> Result<[UInt8], FileError> {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(FileError(path: path, operation: "read", code: errno))
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
      if result.count > limit {
        return .failure(
          FileError(
            path: path, operation: "read", code: EFBIG, detail: "it grew past the \(limit) bytes allowed"))
      }
    }
    return .success(result)
  }

  /// Reads a whole file.
  public static func read(_ path: String) -> Result<[UInt8], FileError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(FileError(path: path, operation: "read", code: errno)) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 1 << 16 {
      // A regular file of known size: one allocation, read straight into it.
      let size = Int(info.st_size)
      var failure: Int32?
      let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        while count < size {
          let got = Glibc.read(fd, buffer.baseAddress! + count, size - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          if got == 0 { return }
          count += got
        }
      }
      if let failure { return .failure(FileError(path: path, operation: "read", code: failure)) }
      return .success(bytes)
    }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(FileError(path: path, operation: "read", code: errno))
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return .success(result)
  }

  /// Reads a whole file as UTF-8 text.
  public static func readText(_ path: String) -> Result<String, FileError> {
    read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes a whole file (create or truncate), then syncs it.
  public static func write(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) -> Result<Void, FileError>
  {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { return .failure(FileError(path: path, operation: "create", code: errno)) }
    defer { close(fd) }
    if let failure = writeAll(fd, bytes) {
      return .failure(FileError(path: path, operation: "write", code: failure))
    }
    guard fsync(fd) == 0 else { return .failure(FileError(path: path, operation: "sync", code: errno)) }
    return .success(())
  }

  /// Writes every byte, retrying short writes; returns errno on failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(fd, $0.baseAddress! + written, $0.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if count == 0 { return EIO }
      written += count
    }
    return nil
  }

  /// Whether a path exists.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Whether a path is a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Creates a directory and its missing parents.
  public static func makeDirectories(_ path: String, mode: mode_t = 0o755) -> Result<Void, FileError> {
    if isDirectory(path) { return .success(()) }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part + "/"
      if mkdir(prefix, mode) != 0 && errno != EEXIST {
        return .failure(FileError(path: prefix, operation: "create directory", code: errno))
      }
    }
    return .success(())
  }

  /// The names in a directory, without `.` and `..`.
  public static func list(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The value of an environment variable, nil when unset or empty.
  public static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}

/// The machine's clock, or a fixed moment from `$BORDERMON_NOW` (for tests and reproducible output).
public struct SystemWallClock: WallClock {
  private let fixed: Timestamp?

  public init(environment: (String) -> String? = FileBytes.environment) {
    fixed = environment("BORDERMON_NOW").flatMap { try? RFC3339.parse($0).get() }
  }

  public func now() -> Timestamp {
    if let fixed { return fixed }
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Timestamp(epochMilliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
  }
}
