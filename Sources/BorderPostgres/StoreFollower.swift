import BorderModel
import BorderStore

#if canImport(Glibc)
  import Glibc
#endif

/// A console's link to a store: LISTENs for appends, notices the server going away, reconnects
/// with backoff without blocking the loop, and says when to catch up by `seq`.
///
/// Notifications are only a hint: after any wake-up, and after every reconnection, the console
/// reads the rows past the last `seq` it saw, so a notification missed while away costs nothing.
public final class StoreFollower: @unchecked Sendable {
  public let store: PostgresStore
  /// Since when the store cannot be reached (nil while connected).
  public private(set) var unreachableSince: Timestamp?
  /// The last reason the store could not be reached (libpq's or the server's message).
  public private(set) var lastError: String?
  /// The reference data was replaced (a new version) since the last look.
  public private(set) var referenceChanged = false
  private var reconnecting = false
  private var nextAttempt: Timestamp?
  private var backoffMilliseconds: Int64 = 250
  /// The longest wait between two reconnection attempts.
  public static let maximumBackoffMilliseconds: Int64 = 8_000

  public init(store: PostgresStore) { self.store = store }

  /// Starts listening; false (with the outage recorded) when the server is already gone.
  public func listen(now: Timestamp) -> Bool {
    let listened = store.connection.execute(
      "LISTEN \(PostgresSchema.journalChannel); LISTEN \(PostgresSchema.referenceChannel)",
      operation: "listen")
    if case .failure(let error) = listened {
      lost(error.message, now: now)
      return false
    }
    return true
  }

  /// The socket to poll: readable when a notification came or the server went away; nil while away.
  public var socket: Int32? {
    guard unreachableSince == nil, !reconnecting else { return nil }
    let fd = store.connection.socket
    return fd >= 0 ? fd : nil
  }

  /// How soon the loop must wake to drive a reconnection, if one is under way.
  public func wakeWithin(now: Timestamp) -> Int? {
    guard unreachableSince != nil else { return nil }
    if reconnecting { return 50 }
    guard let nextAttempt else { return 0 }
    return Int(max(0, nextAttempt.milliseconds(since: now)))
  }

  /// After the socket was readable: whether anything arrived (or the link broke), so the caller refreshes.
  public func drain(now: Timestamp) -> Bool {
    guard unreachableSince == nil else { return false }
    guard store.connection.consumeInput() else {
      lost(store.connection.lastErrorMessage, now: now)
      return true
    }
    var any = false
    for note in store.connection.notifications() {
      any = true
      if note.channel == PostgresSchema.referenceChannel { referenceChanged = true }
    }
    return any
  }

  /// Records that the store cannot be reached (a failed read or append says so too).
  public func lost(_ message: String, now: Timestamp) {
    lastError = message
    if unreachableSince == nil {
      unreachableSince = now
      backoffMilliseconds = 250
      nextAttempt = now.adding(milliseconds: backoffMilliseconds)
    }
  }

  /// Drives a reconnection one step (never blocks for long); true once connected again and
  /// listening, when the caller must catch up (read every row past the last `seq`).
  public func step(now: Timestamp) -> Bool {
    guard unreachableSince != nil else { return false }
    if !reconnecting {
      guard let nextAttempt, now >= nextAttempt else { return false }
      guard store.connection.startReset() else {
        scheduleRetry(now: now, store.connection.lastErrorMessage)
        return false
      }
      reconnecting = true
    }
    switch store.connection.pollReset() {
    case .pending: return false
    case .failed(let message):
      reconnecting = false
      scheduleRetry(now: now, message)
      return false
    case .connected:
      reconnecting = false
      _ = store.connection.execute("SET TIME ZONE 'UTC'", operation: "reconnect")
      if case .failure(let error) = store.checkIdentity() {
        scheduleRetry(now: now, error.message)
        return false
      }
      let listened = store.connection.execute(
        "LISTEN \(PostgresSchema.journalChannel); LISTEN \(PostgresSchema.referenceChannel)",
        operation: "listen")
      if case .failure(let error) = listened {
        scheduleRetry(now: now, error.message)
        return false
      }
      unreachableSince = nil
      lastError = nil
      backoffMilliseconds = 250
      // A replacement notified while away was missed: the reference's version is looked at again.
      referenceChanged = true
      return true
    }
  }

  private func scheduleRetry(now: Timestamp, _ message: String) {
    lastError = message
    backoffMilliseconds = min(backoffMilliseconds * 2, Self.maximumBackoffMilliseconds)
    nextAttempt = now.adding(milliseconds: backoffMilliseconds)
  }

  /// Asks for the reference's version to be looked at again at the next read.
  public func referenceMayHaveChanged() { referenceChanged = true }

  /// Takes the "reference replaced" flag.
  public func takeReferenceChanged() -> Bool {
    defer { referenceChanged = false }
    return referenceChanged
  }
}
