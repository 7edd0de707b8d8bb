#if canImport(Glibc)
  import Glibc
#endif

/// Notices changes in the data directory: inotify when it can, else a cheap polled snapshot.
///
/// The directory itself is watched (not the journal file), so a journal that is replaced or
/// rotated is noticed as well as one appended to. With inotify, add `fileDescriptor` to the
/// poll set; in polling mode it is nil and the caller wakes every `pollingInterval` ms.
/// Either way, `drain()` after a wake-up says whether anything changed.
public final class FileWatcher {
  /// How often to call `drain()` when there is no inotify descriptor, in milliseconds.
  public static let pollingInterval = 250
  /// The inotify events that count as a change.
  static let events = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB)
  static let bufferSize = 16 * 1024

  /// The watched directory.
  public let directory: String
  /// The inotify descriptor to poll, or nil in polling mode.
  public private(set) var fileDescriptor: Int32?
  /// Whether changes are found by comparing snapshots rather than by inotify.
  public var isPolling: Bool { fileDescriptor == nil }
  private var snapshot: [String: EntryStamp] = [:]
  private var buffer = [UInt8](repeating: 0, count: FileWatcher.bufferSize)

  /// Whether the environment asks for polling (`BORDERMON_POLL=1`), for tests of that path.
  public static var pollingRequestedByEnvironment: Bool {
    guard let value = getenv("BORDERMON_POLL") else { return false }
    return String(cString: value) == "1"
  }

  /// Watches `directory`; falls back to polling when inotify is unavailable or `forcePolling`.
  public init(directory: String, forcePolling: Bool = FileWatcher.pollingRequestedByEnvironment) {
    self.directory = directory
    if !forcePolling {
      let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      if descriptor >= 0 {
        if inotify_add_watch(descriptor, directory, Self.events) >= 0 {
          fileDescriptor = descriptor
        } else {
          close(descriptor)
        }
      }
    }
    if fileDescriptor == nil { snapshot = Self.takeSnapshot(of: directory) }
  }

  /// Consumes pending notifications (or compares a new snapshot): true if something changed.
  public func drain() -> Bool {
    guard let descriptor = fileDescriptor else {
      let next = Self.takeSnapshot(of: directory)
      defer { snapshot = next }
      return next != snapshot
    }
    var changed = false
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      changed = true
      if containsWatchRemoval(count) {
        // The directory itself was deleted or moved away: inotify cannot follow it any more.
        close(descriptor)
        fileDescriptor = nil
        snapshot = Self.takeSnapshot(of: directory)
        break
      }
    }
    return changed
  }

  /// Closes the inotify descriptor. Idempotent; also called from deinit.
  public func stop() {
    if let descriptor = fileDescriptor { close(descriptor) }
    fileDescriptor = nil
  }

  deinit { stop() }

  /// Whether the events in the first `count` bytes of the buffer include IN_IGNORED.
  private func containsWatchRemoval(_ count: Int) -> Bool {
    let headerSize = MemoryLayout<inotify_event>.size
    var offset = 0
    return buffer.withUnsafeBytes { bytes in
      while offset + headerSize <= count {
        let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
        let nameLength = bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)
        if mask & UInt32(IN_IGNORED) != 0 { return true }
        offset += headerSize + Int(nameLength)
      }
      return false
    }
  }

  /// What identifies one version of a directory entry.
  struct EntryStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int
    var changed: Int64
  }

  /// Name → stamp for every entry of `directory` (empty if it cannot be read).
  static func takeSnapshot(of directory: String) -> [String: EntryStamp] {
    guard let handle = opendir(directory) else { return [:] }
    defer { closedir(handle) }
    var entries: [String: EntryStamp] = [:]
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      var info = stat()
      guard stat(directory + "/" + name, &info) == 0 else { continue }
      entries[name] = EntryStamp(
        inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
        modifiedNanoseconds: Int(info.st_mtim.tv_nsec), changed: Int64(info.st_ctim.tv_sec))
    }
    return entries
  }
}
