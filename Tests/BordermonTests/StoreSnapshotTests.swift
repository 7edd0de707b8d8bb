import BorderModel
import BorderPostgres
import Foundation
import Testing

@testable import BorderStore

extension PostgresSuites {
  /// A store's snapshot cache on this host: keyed by the store's identity and `seq`, checksummed,
  /// trusted only from this user, and never a wrong situation.
  @Suite("The snapshot cache of a PostgreSQL store")
  struct StoreSnapshotTests {
    /// A store made by `init --store`, a cache folder of its own, and the situation folded without a cache.
    static func storeWithCache(_ name: String = #function) throws -> (
      StoreURL, ScratchDirectory, (String) -> String?
    )? {
      guard let url = try TestServer.freshDatabase(name) else { return nil }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let scratch = ScratchDirectory(name)
      let cacheHome = scratch.path + "/cache"
      let environment: (String) -> String? = { $0 == "XDG_CACHE_HOME" ? cacheHome : nil }
      return (url, scratch, environment)
    }

    /// Opens the store's situation with the cache.
    static func open(_ url: StoreURL, _ environment: (String) -> String?) throws -> SituationStore {
      let store = try PostgresStore.open(url).get()
      return try store.situationStore(historyLimit: 40, snapshots: true, environment: environment).get()
    }

    /// The situation folded from every row, without a cache.
    static func truth(_ url: StoreURL) throws -> Situation {
      try PostgresStore.open(url).get().situationStore().get().situation
    }

    /// The cache file of the store at `url`.
    static func cacheFile(_ url: StoreURL, _ environment: (String) -> String?) throws -> String {
      let store = try PostgresStore.open(url).get()
      let path = StoreSnapshotCache.path(storeIdentity: store.storeID, environment: environment)
      return try #require(path)
    }

    static func same(_ a: Situation, _ b: Situation, sourceLocation: SourceLocation = #_sourceLocation) {
      #expect(a.segments == b.segments, sourceLocation: sourceLocation)
      #expect(a.alerts == b.alerts, sourceLocation: sourceLocation)
      #expect(a.meetings == b.meetings, sourceLocation: sourceLocation)
      #expect(a.checkpoints == b.checkpoints, sourceLocation: sourceLocation)
      #expect(a.notes == b.notes, sourceLocation: sourceLocation)
      #expect(
        a.lastSeq == b.lastSeq && a.appliedEventCount == b.appliedEventCount, sourceLocation: sourceLocation)
    }

    @Test("a valid cache is used and only the rows after its seq are read; the situation is the same")
    func usedWhenValid() throws {
      guard let made = try Self.storeWithCache() else { return }
      let (url, scratch, environment) = made
      let first = try Self.open(url, environment)
      #expect(!first.openedFromSnapshot)
      let folded = first.eventsFoldedAtOpen
      #expect(folded > 10)
      first.saveSnapshot()
      let file = try Self.cacheFile(url, environment)
      #expect(file.hasPrefix(scratch.path + "/cache/bordermon/stores/"))
      var info = stat()
      #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600, "private to this user")

      let second = try Self.open(url, environment)
      #expect(second.openedFromSnapshot)
      #expect(second.eventsFoldedAtOpen == 0)
      Self.same(second.situation, try Self.truth(url))

      // An event appended since: the cache is still used, and only that row is read.
      let raised = try CommandRunner.run([
        "alert", "raise", "--segment", "A-03", "--level", "3", "--type", "blockade", "--text",
        "Road blocked after the cache", "--store", url.description,
      ])
      #expect(raised.status == 0, "\(raised.stderr)")
      let third = try Self.open(url, environment)
      #expect(third.openedFromSnapshot)
      #expect(third.eventsFoldedAtOpen == 1)
      #expect(
        third.situation.alerts.contains { alert in alert.report.text == "Road blocked after the cache" })
      Self.same(third.situation, try Self.truth(url))
      // The history a console steps through goes on to the new event.
      #expect((third.historyWindow?.events.count ?? 0) >= 40)
      #expect(third.historyWindow?.events.last?.seq == third.situation.lastSeq)
    }

    @Test("a damaged cache (bytes flipped, truncated) is rejected and the store is folded in full")
    func damagedRejected() throws {
      guard let made = try Self.storeWithCache() else { return }
      let (url, _, environment) = made
      try Self.open(url, environment).saveSnapshot()
      let file = try Self.cacheFile(url, environment)
      let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
      let truth = try Self.truth(url)
      var random = SystemRandomNumberGenerator()
      for round in 0..<12 {
        var damaged = original
        if round % 3 == 2 {
          damaged.removeLast(Int.random(in: 1...(damaged.count - 1), using: &random))
        } else {
          damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(
            in: 1...255, using: &random)
        }
        try Data(damaged).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let opened = try Self.open(url, environment)
        #expect(!opened.openedFromSnapshot, "round \(round): a damaged cache was used")
        Self.same(opened.situation, truth)
      }
      // Intact again: used.
      try Data(original).write(to: URL(fileURLWithPath: file))
      chmod(file, 0o600)
      #expect(try Self.open(url, environment).openedFromSnapshot)
    }

    @Test(
      "a cache writable by others, a link, another store's, or one whose row at its seq changed is not used")
    func untrusted() throws {
      guard let made = try Self.storeWithCache() else { return }
      let (url, scratch, environment) = made
      try Self.open(url, environment).saveSnapshot()
      let file = try Self.cacheFile(url, environment)
      let truth = try Self.truth(url)
      #expect(try Self.open(url, environment).openedFromSnapshot)

      #expect(chmod(file, 0o622) == 0)
      #expect(!(try Self.open(url, environment).openedFromSnapshot), "writable by others")
      #expect(chmod(file, 0o600) == 0)

      // A symbolic link in the cache's place is never followed.
      let aside = scratch.path + "/aside.snapshot"
      try FileManager.default.moveItem(atPath: file, toPath: aside)
      try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: aside)
      #expect(!(try Self.open(url, environment).openedFromSnapshot), "a link")
      try FileManager.default.removeItem(atPath: file)
      try FileManager.default.moveItem(atPath: aside, toPath: file)
      #expect(try Self.open(url, environment).openedFromSnapshot)

      // Another store's cache copied under this store's name: its identity inside does not match.
      guard let made = try Self.storeWithCache("untrustedOther") else { return }
      let (other, _, _) = made
      try Self.open(other, environment).saveSnapshot()
      let otherFile = try Self.cacheFile(other, environment)
      try FileManager.default.removeItem(atPath: file)
      try FileManager.default.copyItem(atPath: otherFile, toPath: file)
      let store = try PostgresStore.open(url).get()
      #expect(
        JournalSnapshot.load(file, storeIdentity: store.storeID, sizeLimit: 1 << 30).failure == .otherStore)
      #expect(!(try Self.open(url, environment).openedFromSnapshot), "another store's cache")
      try FileManager.default.removeItem(atPath: file)

      // The row at the cache's seq is not the one it was made from: folded in full.
      try Self.open(url, environment).saveSnapshot()
      #expect(try Self.open(url, environment).openedFromSnapshot)
      try TestServer.sql(
        url,
        "UPDATE bordermon.journal SET line = replace(line, '\"by\":', '\"by\" :') "
          + "WHERE seq = (SELECT max(seq) FROM bordermon.journal)")
      let changed = try Self.open(url, environment)
      #expect(!changed.openedFromSnapshot, "the row at its seq changed")
      Self.same(changed.situation, truth)
    }

    @Test("replaced reference data, or a store made anew, means a full fold")
    func referenceAndIdentity() throws {
      guard let made = try Self.storeWithCache() else { return }
      let (url, scratch, environment) = made
      let now = Timestamp(year: 2026, month: 11, day: 29)
      let before = try Self.open(url, environment)
      before.saveSnapshot()
      let kilometres = before.situation.figures(now: now).totalKm
      #expect(try Self.open(url, environment).openedFromSnapshot)
      let folder = scratch.path + "/ref"
      #expect(
        try CommandRunner.run(["store", "pull", "--store", url.description, "--data", folder]).status == 0)
      let segments = folder + "/segments.toml"
      let text = try String(contentsOfFile: segments, encoding: .utf8)
      // One segment 1 km longer.
      try text.replacingOccurrences(
        of: "length_km = 14.20", with: "length_km = 15.20", range: text.range(of: "length_km = 14.20")
      ).write(toFile: segments, atomically: true, encoding: .utf8)
      let replaced = try CommandRunner.run([
        "store", "reference", "--store", url.description, "--replace", folder,
      ])
      #expect(replaced.status == 0, "\(replaced.stderr)")
      let after = try Self.open(url, environment)
      #expect(!after.openedFromSnapshot, "made over other reference data")
      #expect(abs(after.situation.figures(now: now).totalKm - (kilometres + 1)) < 0.001, "the new length")

      // A store_id that is not a plain UUID never names a file.
      try TestServer.sql(url, "UPDATE bordermon.meta SET value = '../../escape' WHERE key = 'store_id'")
      let odd = try Self.open(url, environment)
      #expect(!odd.openedFromSnapshot)
      odd.saveSnapshot()
      #expect(!FileManager.default.fileExists(atPath: scratch.path + "/cache/bordermon/escape.snapshot"))
      let escaping = StoreSnapshotCache.path(storeIdentity: "../../escape", environment: environment)
      #expect(escaping == nil)
    }
  }
}

extension Result {
  /// The error, if this is a failure.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
