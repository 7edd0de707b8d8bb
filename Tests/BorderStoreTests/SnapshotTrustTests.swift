import BorderModel
import BorderSample
import Foundation
import Testing

@testable import BorderStore

/// The snapshot cache cannot lie: checksummed, trusted only from its owners, never a FIFO,
/// a device or a link, written where nothing planted can redirect it.
@Suite("The snapshot cache cannot lie", .serialized)
struct SnapshotTrustTests {
  /// A sample data directory with a snapshot of its journal saved, and the situation folded without one.
  func sampleWithSnapshot() throws -> (TemporaryDirectory, DataDirectory, Situation) {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Timestamp(year: 2026, month: 11, day: 29)).get()
    let store = SituationStore(directory: data, historyLimit: 40, snapshots: true)
    store.saveSnapshot()
    #expect(FileManager.default.fileExists(atPath: JournalSnapshot.path(for: data)))
    #expect(SituationStore(directory: data, snapshots: true).openedFromSnapshot, "a good snapshot is used")
    return (dir, data, SituationStore(directory: data).situation)
  }

  @Test("the checksum is XXH64 as published (test vectors)")
  func checksumVectors() {
    #expect(Checksum.xxh64([]) == 0xEF46_DB37_51D8_E999)
    #expect(Checksum.xxh64(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
    #expect(Checksum.xxh64(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    let long = Array(repeating: Array(0...255) as [UInt8], count: 3).flatMap { $0 } + Array("bordermon".utf8)
    #expect(Checksum.xxh64(long) == 0x19CE_271D_2AE6_49AB)
    #expect(Checksum.xxh64(long, seed: 7) == 0x2C52_CFCC_E9C8_A3CF)
  }

  @Test(
    "100 caches with random bytes flipped: each time the situation equals the one folded without a cache (F4a)"
  )
  func randomFlips() throws {
    let (dir, data, truth) = try sampleWithSnapshot()
    let path = JournalSnapshot.path(for: data)
    let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var random = SeededGenerator(seed: 0xB0_DE_2026)
    for round in 0..<100 {
      var damaged = original
      switch round % 4 {
      case 0, 1:
        // One to eight bytes changed anywhere (the checksum itself included).
        for _ in 0..<Int.random(in: 1...8, using: &random) {
          damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(
            in: 1...255, using: &random)
        }
      case 2:
        // A range zeroed.
        let start = Int.random(in: 0..<damaged.count, using: &random)
        let end = min(damaged.count, start + Int.random(in: 1...64, using: &random))
        for index in start..<end { damaged[index] = 0 }
        if damaged == original { damaged[start] = 1 }
      default:
        // Truncated.
        damaged.removeLast(Int.random(in: 1...(damaged.count - 1), using: &random))
      }
      try Data(damaged).write(to: URL(fileURLWithPath: path))
      let store = SituationStore(directory: data, snapshots: true)
      #expect(!store.openedFromSnapshot, "round \(round): a damaged cache was used")
      expectSame(store.situation, truth)
    }
    _ = dir
  }

  @Test("a cache owned by another user, writable by others, or too large is not trusted (F4)")
  func untrusted() throws {
    let (dir, data, truth) = try sampleWithSnapshot()
    let path = JournalSnapshot.path(for: data)
    #expect(chmod(path, 0o666) == 0)
    #expect(JournalSnapshot.load(path, journal: data.journalFile).failure == .writableByOthers)
    #expect(!SituationStore(directory: data, snapshots: true).openedFromSnapshot)
    #expect(chmod(path, 0o644) == 0)
    if geteuid() == 0 {
      // Neither this user nor the journal's owner: a cache another operator planted.
      #expect(chown(path, 65534, 65534) == 0)
      #expect(JournalSnapshot.load(path, journal: data.journalFile).failure == .foreignOwner(uid: 65534))
      // The journal's owner is trusted (the operator who set the directory up).
      #expect(chown(data.journalFile, 65534, 65534) == 0)
      #expect(JournalSnapshot.load(path, journal: data.journalFile).failure == nil)
      #expect(chown(data.journalFile, 0, 0) == 0 && chown(path, 0, 0) == 0)
    }
    let limit = JournalSnapshot.sizeLimit(journal: data.journalFile)
    #expect(truncate(path, off_t(limit + 1)) == 0)
    #expect(
      JournalSnapshot.load(path, journal: data.journalFile).failure == .tooLarge(limit + 1, limit: limit))
    let store = SituationStore(directory: data, snapshots: true)
    #expect(!store.openedFromSnapshot)
    expectSame(store.situation, truth)
    _ = dir
  }

  @Test("a FIFO, /dev/zero or a folder in the cache's place is refused at once, without hanging (F4, F19)")
  func notRegular() throws {
    let (dir, data, truth) = try sampleWithSnapshot()
    let path = JournalSnapshot.path(for: data)
    for make in ["fifo", "zero", "folder"] {
      unlink(path)
      rmdir(path)
      switch make {
      case "fifo": #expect(mkfifo(path, 0o644) == 0)
      case "zero": #expect(symlink("/dev/zero", path) == 0)
      default: #expect(mkdir(path, 0o755) == 0)
      }
      guard case .failure(.unusable(let reason)) = JournalSnapshot.load(path, journal: data.journalFile)
      else {
        Issue.record("\(make): must be refused as unusable")
        continue
      }
      #expect(reason.contains("not a regular file") || reason.contains("symbolic link"), "\(make): \(reason)")
      let store = SituationStore(directory: data, snapshots: true)
      #expect(!store.openedFromSnapshot)
      expectSame(store.situation, truth)
    }
    _ = dir
  }

  @Test("writing never follows a planted link: not at the cache's name, not at .cache itself (F4b)")
  func plantedLinks() throws {
    let (dir, data, _) = try sampleWithSnapshot()
    let path = JournalSnapshot.path(for: data)
    dir.write("victim/precious", "precious\n")
    let victim = dir.path + "/victim/precious"
    // A link at the cache's own name is replaced, not written through.
    unlink(path)
    #expect(symlink(victim, path) == 0)
    SituationStore(directory: data, snapshots: true).saveSnapshot()
    #expect(dir.read("victim/precious") == "precious\n")
    var info = stat()
    #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    // Links at any temporary name the writer might pick (the old name was predictable).
    for pid in [getpid()] { _ = symlink(victim, "\(path).\(pid).tmp") }
    SituationStore(directory: data, snapshots: true).saveSnapshot()
    #expect(dir.read("victim/precious") == "precious\n")
    // .cache itself a link to another folder: nothing is written there.
    try FileManager.default.removeItem(atPath: data.path + "/.cache")
    #expect(symlink(dir.path + "/victim", data.path + "/.cache") == 0)
    SituationStore(directory: data, snapshots: true).saveSnapshot()
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/victim") == ["precious"])
    #expect(!SituationStore(directory: data, snapshots: true).openedFromSnapshot)
  }

  @Test("a store that may not write (a --read-only console) leaves no cache (F18)")
  func readOnlyStore() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Timestamp(year: 2026, month: 11, day: 29)).get()
    var store = SituationStore(directory: data, snapshots: true)
    store.savesSnapshots = false
    store.saveSnapshot()
    #expect(!FileManager.default.fileExists(atPath: data.path + "/.cache"))
  }
}

extension Result {
  /// The error, if this is a failure.
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

/// A small deterministic generator (SplitMix64), so a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
