#if canImport(Glibc)
  import Glibc
#endif

/// Reads the journal's complete lines as they are appended, holding back a partial last line.
///
/// It notices when the file is truncated or replaced (rotation) and starts over.
public struct JournalFollower: Sendable {
  /// What a read found.
  public enum Outcome: Sendable, Equatable {
    /// These many new complete lines were handed over (possibly 0).
    case read(lines: Int)
    /// The file is not the one read before (truncated or replaced): the reader restarted
    /// at its beginning, and the caller must rebuild what it folded so far.
    case restarted(reason: String)
  }

  public let path: String
  /// Bytes of the file consumed: everything up to the last newline read.
  public private(set) var offset: Int64 = 0
  /// Complete lines consumed.
  public private(set) var lineCount = 0
  /// Bytes after the last newline, waiting for theirs.
  public private(set) var pendingBytes = 0
  private var identity: (device: UInt64, inode: UInt64)?
  /// The fingerprint of the bytes just before `offset` when they were read (nil before any).
  private var fingerprint: UInt64?
  private let chunkSize: Int

  /// The device and inode of the file being followed, once read.
  var fileIdentity: (device: UInt64, inode: UInt64)? { identity }

  /// What had been read of the file followed before the last restart: so a reader can tell a
  /// rotation that continues it (`journal.rotated` naming it) from an outside replacement.
  public private(set) var readBeforeRestart: ReadPlace?

  /// Continues from a known place: `offset` bytes and `lineCount` lines of this very file were read.
  mutating func resume(offset: Int64, lineCount: Int, device: UInt64, inode: UInt64, fingerprint: UInt64) {
    self.offset = offset
    self.lineCount = lineCount
    identity = (device, inode)
    self.fingerprint = fingerprint
    pendingBytes = 0
  }

  public init(path: String, chunkSize: Int = 4 << 20) {
    self.path = path
    self.chunkSize = chunkSize
  }

  /// A hash (FNV-1a) of up to 4 KiB before `offset`, mixed with `offset`: what was read, as
  /// the follower and the snapshot both recognise it. Nil when those bytes cannot be read.
  static func tailFingerprint(_ fd: Int32, offset: Int64) -> UInt64? {
    let start = max(0, offset - 4096)
    var buffer = [UInt8](repeating: 0, count: Int(offset - start))
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
    guard count == buffer.count else { return nil }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in buffer {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    return hash ^ UInt64(bitPattern: offset)
  }

  /// The same fingerprint, of a file by its path (a regular file only).
  static func tailFingerprint(_ path: String, offset: Int64) -> UInt64? {
    guard case .success(let opened) = FileBytes.openRegular(path, operation: "read the journal") else {
      return nil
    }
    defer { close(opened.fd) }
    return tailFingerprint(opened.fd, offset: offset)
  }

  /// The fingerprint of what has been read so far, for a snapshot.
  var currentFingerprint: UInt64? { fingerprint }

  /// Opens the journal (a regular file, not through a symbolic link) and checks whether it is
  /// still the one being followed, with the same bytes before the offset; restarts at 0 if not.
  private mutating func openChecked() -> Result<(fd: Int32, restart: Outcome?), FileError> {
    let opened: (fd: Int32, info: stat)
    switch FileBytes.openRegular(path, operation: "read the journal") {
    case .failure(let error): return .failure(error)
    case .success(let value): opened = value
    }
    let info = opened.info
    let current = (UInt64(info.st_dev), UInt64(info.st_ino))
    defer { identity = current }
    if let identity, identity != current {
      restart()
      return .success((opened.fd, .restarted(reason: "the journal was replaced")))
    }
    if Int64(info.st_size) < offset {
      restart()
      return .success((opened.fd, .restarted(reason: "the journal was truncated")))
    }
    if offset > 0, let fingerprint, Self.tailFingerprint(opened.fd, offset: offset) != fingerprint {
      // Same file, but what was read is no longer there: it was rewritten in place.
      restart()
      return .success((opened.fd, .restarted(reason: "the journal was rewritten in place")))
    }
    return .success((opened.fd, nil))
  }

  private mutating func restart() {
    if let identity {
      readBeforeRestart = ReadPlace(
        device: identity.device, inode: identity.inode, offset: offset, lineCount: lineCount,
        fingerprint: fingerprint)
    }
    offset = 0
    lineCount = 0
    pendingBytes = 0
    fingerprint = nil
  }

  /// Hands each new complete line (1-based line number, bytes without the newline) to `body`.
  ///
  /// Returns `.restarted` without reading when the file changed identity; call again to read it.
  public mutating func readNew(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) -> Result<
    Outcome, FileError
  > {
    readNewChunks { chunk in
      for (offset, line) in chunk.lines.enumerated() { body(chunk.firstLineNumber + offset, line) }
    }
  }

  /// Hands the new complete lines to `body` a buffer at a time, for callers that work on many lines at once.
  public mutating func readNewChunks(_ body: (JournalChunk) -> Void) -> Result<
    Outcome, FileError
  > {
    let fd: Int32
    switch openChecked() {
    case .failure(let error): return .failure(error)
    case .success(let opened):
      if let restarted = opened.restart {
        close(opened.fd)
        return .success(restarted)
      }
      fd = opened.fd
    }
    defer { close(fd) }
    let startOffset = offset
    defer {
      if offset != startOffset || fingerprint == nil {
        fingerprint = Self.tailFingerprint(fd, offset: offset)
      }
    }
    var capacity = chunkSize
    var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var carried = 0
    var linesRead = 0
    while true {
      let count = pread(fd, buffer + carried, capacity - carried, off_t(offset + Int64(carried)))
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(FileError(path: path, operation: "read the journal", code: errno))
      }
      if count == 0 { break }
      let total = carried + count
      let base = buffer.assumingMemoryBound(to: UInt8.self)
      var lineStart = 0
      var lines: [UnsafeBufferPointer<UInt8>] = []
      let firstLine = lineCount + 1
      while lineStart < total {
        guard let found = memchr(base + lineStart, 0x0A, total - lineStart) else { break }
        let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        var end = newline
        if end > lineStart && base[end - 1] == 0x0D { end -= 1 }
        lineCount += 1
        linesRead += 1
        lines.append(UnsafeBufferPointer(start: base + lineStart, count: end - lineStart))
        lineStart = newline + 1
      }
      if !lines.isEmpty { body(JournalChunk(firstLineNumber: firstLine, lines: lines)) }
      offset += Int64(lineStart)
      carried = total - lineStart
      if carried > 0 && lineStart > 0 {
        (buffer + 0).copyMemory(from: buffer + lineStart, byteCount: carried)
      }
      if carried == capacity {
        // One line longer than the buffer: grow it.
        let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
        larger.copyMemory(from: buffer, byteCount: carried)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
      }
    }
    pendingBytes = carried
    return .success(.read(lines: linesRead))
  }
}

/// How far a follower had read a file: which file, and the bytes and lines read.
public struct ReadPlace: Sendable, Equatable {
  public var device: UInt64
  public var inode: UInt64
  public var offset: Int64
  public var lineCount: Int
  /// The follower's fingerprint of what it read (nil before any read).
  public var fingerprint: UInt64?
}

extension JournalFollower {
  /// The first complete line of the file at `path` (without its newline), nil when there is
  /// none yet or it cannot be read; at most `limit` bytes are looked at.
  static func firstLine(_ path: String, limit: Int) -> [UInt8]? {
    guard case .success(let opened) = FileBytes.openRegular(path, operation: "read the journal") else {
      return nil
    }
    defer { close(opened.fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count < limit {
      let count = chunk.withUnsafeMutableBytes {
        pread(opened.fd, $0.baseAddress, $0.count, off_t(bytes.count))
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      if let newline = chunk[0..<count].firstIndex(of: 0x0A) {
        bytes += chunk[0..<newline]
        if bytes.last == 0x0D { bytes.removeLast() }
        return bytes
      }
      bytes += chunk[0..<count]
    }
    return nil
  }
}

/// Complete journal lines read in one go; the bytes are valid only during the call that hands them over.
public struct JournalChunk {
  /// The 1-based line number of `lines[0]`.
  public var firstLineNumber: Int
  /// Each line's bytes, without its newline.
  public var lines: [UnsafeBufferPointer<UInt8>]

  public init(firstLineNumber: Int, lines: [UnsafeBufferPointer<UInt8>]) {
    self.firstLineNumber = firstLineNumber
    self.lines = lines
  }
}
