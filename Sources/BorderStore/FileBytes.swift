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

  /// What the other side said, where the failure is not a system call's (a database server's message).
  public var detail: String?

  public init(path: String, operation: String, code: Int32, detail: String? = nil) {
    self.path = path
    self.operation = operation
    self.code = code
    self.detail = detail
  }

  /// The system's text for the error code, or the server's message.
  public var reason: String { detail ?? String(cString: strerror(code)) }
  /// Whether the file does not exist.
  public var isMissing: Bool { code == ENOENT }
  public var description: String { "cannot \(operation): \(reason)" }
}

/// Small file helpers over the system calls, so errors keep their errno.
public enum FileBytes {
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
