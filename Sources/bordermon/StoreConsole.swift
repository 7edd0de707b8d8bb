import BorderConsole
import BorderModel
import BorderPostgres
import BorderStore

/// The console's link to a PostgreSQL store: its socket in the poll, notifications, the outage
/// (`STORE UNREACHABLE since …`), reconnection with backoff, and catching up by `seq` after it.
final class StoreLink {
  let follower: StoreFollower
  let clock: any WallClock
  /// The store's URL, for the worker connections that fold the past.
  var url: StoreURL { follower.store.url }

  /// Set when the rights were asked again after a reconnection, until the console is told.
  private var rightsToReport: Bool?

  /// The words of the messages it gives the console.
  let l10n: Localizer

  init(store: PostgresStore, clock: any WallClock, _ l10n: Localizer) {
    follower = StoreFollower(store: store)
    self.clock = clock
    self.l10n = l10n
    _ = follower.listen(now: clock.now())
  }

  /// Asks the server again what the role may do (GRANT or REVOKE while the console ran); nil when it could not say.
  private func checkRights() -> Bool? {
    try? follower.store.mayAppend().get()
  }

  /// The socket to add to the poll set, while connected.
  var descriptor: Int32? { follower.socket }

  /// How long the loop may sleep (short while reconnecting).
  var longestWaitMilliseconds: Int? { follower.wakeWithin(now: clock.now()) }

  /// After a wake-up: whether the journal must be read (news, the link broke, or it came back).
  func journalChanged(readable: Set<Int32>) -> Bool {
    let now = clock.now()
    var changed = false
    if let fd = follower.socket, readable.contains(fd) { changed = follower.drain(now: now) }
    if follower.step(now: now) {
      changed = true
      // Reconnected: the role's rights may have changed meanwhile.
      rightsToReport = checkRights()
    }
    return changed
  }

  /// Why actions and reads are refused now, if the store is unreachable: `STORE UNREACHABLE since …`.
  var outage: String? {
    guard let since = follower.unreachableSince else { return nil }
    let time = DisplayZone.utc.clock(since, seconds: true)
    return follower.lastError.map { l10n.tr("STORE UNREACHABLE since %1$@ UTC (%2$@)", time, $0) }
      ?? l10n.tr("STORE UNREACHABLE since %@ UTC", time)
  }

  /// What the store brought: the rows past the last `seq` seen, or the outage.
  func news(_ store: inout SituationStore) -> JournalNews {
    if follower.unreachableSince == nil {
      var update = store.refresh()
      if follower.takeReferenceChanged() {
        // `store reference --replace` stored a new version: fold the journal again over it.
        let held = follower.store.loadedReference
        switch follower.store.loadReference() {
        case .success where follower.store.loadedReference == held: break  // the version already shown
        case .success(let reference):
          let version = follower.store.loadedReference.first.map { " (version \($0))" } ?? ""
          update = update.merged(
            with: store.replaceReference(
              reference, journal: follower.store.journal(),
              reason: "reference data replaced in the store\(version)"))
        case .failure(let error):
          follower.referenceMayHaveChanged()  // looked at again at the next read
          update.readError = FileError(
            path: store.journalName, operation: "read the reference data", code: 0, detail: error.message)
        }
      }
      if let error = update.readError, !follower.store.connection.isConnected {
        follower.lost(error.reason, now: clock.now())
      } else {
        var news = StoreJournal.news(from: update, store: store, l10n)
        news.mayAppend = rightsToReport
        rightsToReport = nil
        return news
      }
    }
    var news = JournalNews(situation: store.situation, readError: outage)
    news.unreachableSince = follower.unreachableSince
    return news
  }

  /// Appends through the store, or refuses with the outage as the reason (never queued).
  func append(_ store: inout SituationStore, _ draft: EventDraft, clock: any WallClock) -> Result<
    UInt64, AppendFailure
  > {
    if let outage { return .failure(AppendFailure(l10n.tr("not sent: %@", outage))) }
    switch store.append([draft], clock: clock) {
    case .success(let events): return .success(events.first?.seq ?? 0)
    case .failure(.rejected(_, let rejection)): return .failure(AppendFailure(rejected: rejection))
    case .failure(let error):
      if !follower.store.connection.isConnected {
        follower.lost(error.description, now: clock.now())
      } else if checkRights() == false {
        // Refused because the role may not append (a REVOKE while the console ran): read-only from now on.
        return .failure(.roleCannotAppend(error.description))
      }
      return .failure(AppendFailure(error.description))
    }
  }
}
