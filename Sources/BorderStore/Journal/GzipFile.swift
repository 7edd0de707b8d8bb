import CZlib

#if canImport(Glibc)
  import Glibc
#endif

/// Gzip files (RFC 1952) through the system's zlib: how a rotated journal is kept.
enum GzipFile {
  /// Compresses everything `source` holds from its start into a new file at `path`, created with
  /// `O_CREAT | O_EXCL | O_NOFOLLOW` (never over an existing file or through a link) and synced.
  static func write(from source: Int32, length: Int64, to path: String, mode: mode_t) -> FileError? {
    let operation = "write the journal's compressed copy"
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { return FileError(path: path, operation: operation, code: errno) }
    defer { close(fd) }
    // zlib closes the descriptor it is given: give it a duplicate, and sync ours after.
    let zfd = dup(fd)
    guard zfd >= 0, let gz = gzdopen(zfd, "wb6") else {
      let code = errno
      if zfd >= 0 { close(zfd) }
      unlink(path)
      return FileError(path: path, operation: operation, code: code == 0 ? ENOMEM : code)
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var offset: Int64 = 0
    var failure: FileError?
    while offset < length {
      let want = Int(min(Int64(buffer.count), length - offset))
      let count = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress, want, off_t(offset)) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        failure = FileError(
          path: path, operation: "read the journal to compress it", code: count < 0 ? errno : EIO)
        break
      }
      let written = buffer.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32(count)) }
      guard written == Int32(count) else {
        failure = FileError(path: path, operation: operation, code: errno == 0 ? EIO : errno)
        break
      }
      offset += Int64(count)
    }
    let closed = gzclose(gz)
    if failure == nil, closed != Z_OK {
      failure = FileError(path: path, operation: operation, code: errno == 0 ? EIO : errno)
    }
    if failure == nil, fsync(fd) != 0 {
      failure = FileError(path: path, operation: "sync the journal's compressed copy", code: errno)
    }
    if failure != nil { unlink(path) }
    return failure
  }

  /// Hands the uncompressed bytes of the gzip file at `path` (a regular file, not through a
  /// link) to `body`, a buffer at a time; stops after `limit` bytes with an error.
  static func read(
    _ path: String, limit: Int64 = 64 << 30, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> FileError? {
    let operation = "read the journal's compressed copy"
    let fd: Int32
    switch FileBytes.openRegular(path, operation: operation) {
    case .failure(let error): return error
    case .success(let opened): fd = opened.fd
    }
    guard let gz = gzdopen(fd, "rb") else {
      close(fd)
      return FileError(path: path, operation: operation, code: ENOMEM)
    }
    defer { gzclose(gz) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total: Int64 = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32($0.count)) }
      if count < 0 {
        var code: Int32 = 0
        let message = gzerror(gz, &code).map { String(cString: $0) } ?? "damaged"
        return FileError(
          path: path, operation: operation, code: EIO, detail: "not a whole gzip file (\(message))")
      }
      if count == 0 { return nil }
      total += Int64(count)
      if total > limit {
        return FileError(
          path: path, operation: operation, code: EFBIG, detail: "it unpacks to more than \(limit) bytes")
      }
      let more = buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<Int(count)])) }
      if !more { return nil }
    }
  }

  /// Hands each complete line of the gzip file at `path` (1-based number, bytes without the newline) to `body`.
  static func readLines(_ path: String, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) -> FileError? {
    var carried: [UInt8] = []
    var number = 0
    var stopped = false
    let error = read(path) { chunk in
      var start = 0
      for index in 0..<chunk.count where chunk[index] == 0x0A {
        number += 1
        var keep: Bool
        if carried.isEmpty {
          var end = index
          if end > start, chunk[end - 1] == 0x0D { end -= 1 }
          keep = body(number, UnsafeBufferPointer(rebasing: chunk[start..<end]))
        } else {
          carried += chunk[start..<index]
          if carried.last == 0x0D { carried.removeLast() }
          keep = carried.withUnsafeBufferPointer { body(number, $0) }
          carried.removeAll(keepingCapacity: true)
        }
        start = index + 1
        if !keep {
          stopped = true
          return false
        }
      }
      carried += chunk[start..<chunk.count]
      return true
    }
    _ = stopped
    return error
  }
}
