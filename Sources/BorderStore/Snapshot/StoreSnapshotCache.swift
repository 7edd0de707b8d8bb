import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// A journal kept outside a data directory (a PostgreSQL store's) whose folded state can be
/// cached on this host: keyed by the store's identity and the `seq` read up to.
public protocol SnapshotCachedJournal: JournalBackend {
  /// Where this journal's snapshot is cached and what it must match; nil: no cache.
  var snapshotKey: SnapshotKey? { get }
  /// Where reading stands now (the last row's seq and a hash of its line); nil before any row.
  var snapshotPoint: SnapshotPoint? { get }
  /// Whether the journal still holds, at `point.seq`, the very line the point was made from.
  func holds(_ point: SnapshotPoint) -> Bool
  /// Reads on after `point` (the rows up to it are in the snapshot).
  mutating func resume(at point: SnapshotPoint)
}

/// What a store's snapshot is keyed by and checked against before it is used.
public struct SnapshotKey: Sendable, Equatable {
  /// The cache file.
  public var path: String
  /// The store's identity (its `store_id`), recorded in the snapshot and checked.
  public var storeIdentity: String
  /// The reference data folded under the journal (its version, and a hash of its files).
  public var referenceFingerprint: [Int64]
  /// The most bytes a snapshot of this store can take.
  public var sizeLimit: Int64

  public init(path: String, storeIdentity: String, referenceFingerprint: [Int64], sizeLimit: Int64) {
    self.path = path
    self.storeIdentity = storeIdentity
    self.referenceFingerprint = referenceFingerprint
    self.sizeLimit = sizeLimit
  }
}

/// A place in a store's journal: the last row read, how many rows were read, and a hash of that row's line.
public struct SnapshotPoint: Sendable, Equatable {
  public var seq: UInt64
  public var rows: Int
  public var lineHash: UInt64

  public init(seq: UInt64, rows: Int, lineHash: UInt64) {
    self.seq = seq
    self.rows = rows
    self.lineHash = lineHash
  }
}

/// Where snapshots of stores are cached on this host: `$XDG_CACHE_HOME/bordermon/stores`, else
/// `~/.cache/bordermon/stores`, one file per store named by its identity.
public enum StoreSnapshotCache {
  /// The folder, from the environment; nil when neither an absolute `$XDG_CACHE_HOME` nor `$HOME` is set.
  public static func folder(environment: (String) -> String? = FileBytes.environment) -> String? {
    if let cache = environment("XDG_CACHE_HOME"), cache.hasPrefix("/") { return cache + "/bordermon/stores" }
    if let home = environment("HOME"), home.hasPrefix("/") { return home + "/.cache/bordermon/stores" }
    return nil
  }

  /// The cache file of the store with this identity; nil unless the identity is a plain UUID
  /// (it comes from the database: it never names a path of its own).
  public static func path(storeIdentity: String, environment: (String) -> String? = FileBytes.environment)
    -> String?
  {
    let allowed = storeIdentity.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
        || byte == 0x2D
    }
    guard allowed, (1...64).contains(storeIdentity.utf8.count), let folder = folder(environment: environment)
    else { return nil }
    return folder + "/" + storeIdentity + ".snapshot"
  }

  /// The hash a snapshot point keeps of a row's line.
  public static func lineHash(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
    Checksum.xxh64(UnsafeRawBufferPointer(line))
  }

  /// The hash of reference files (by name, in name order), for a snapshot's reference fingerprint.
  public static func referenceHash(_ files: [String: String]) -> Int64 {
    var bytes: [UInt8] = []
    for name in files.keys.sorted() {
      bytes += Array(name.utf8) + [0] + Array(files[name]!.utf8) + [0]
    }
    return Int64(bitPattern: Checksum.xxh64(bytes))
  }

  /// Makes the cache folder (and its missing parents) private to this user; false when it cannot
  /// be made or is not a real folder (a symbolic link there is refused).
  static func prepareFolder(_ folder: String) -> Bool {
    var info = stat()
    if lstat(folder, &info) != 0 {
      guard errno == ENOENT, case .success = FileBytes.makeDirectories(folder, mode: 0o700) else {
        return false
      }
      guard lstat(folder, &info) == 0 else { return false }
    }
    return (info.st_mode & S_IFMT) == S_IFDIR
  }
}
