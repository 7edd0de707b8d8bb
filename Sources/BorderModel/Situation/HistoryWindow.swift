/// The most recent journal events kept in memory, so an operator can step back through them.
///
/// Older events are folded into `base`; stepping further back asks for a fold from the file.
public struct HistoryWindow: Sendable {
  /// The situation before the first event of the window.
  public private(set) var base: Situation
  /// Events applied before the window begins.
  public private(set) var baseCount: Int
  /// The applied events in the window, in journal order.
  public private(set) var events: [JournalEvent]
  /// How many events the window keeps (it trims to this once it holds twice as many).
  public let limit: Int

  public init(base: Situation, limit: Int = 20_000) {
    self.base = base
    self.baseCount = 0
    self.events = []
    self.limit = max(1, limit)
  }

  /// Every event applied, in the window and before it.
  public var totalCount: Int { baseCount + events.count }

  /// Adds newly applied events, folding the oldest into `base` when the window is full.
  public mutating func append(_ new: [JournalEvent]) {
    events += new
    trim()
  }

  /// Adds one newly applied event.
  public mutating func append(_ event: JournalEvent) {
    events.append(event)
    trim()
  }

  private mutating func trim() {
    if events.count >= 2 * limit {
      let drop = events.count - limit
      for event in events.prefix(drop) { base.apply(event) }
      events.removeFirst(drop)
      baseCount += drop
    }
  }

  /// Starts over from a new base (after the journal was replaced).
  public mutating func reset(base: Situation, events: [JournalEvent]) {
    self.base = base
    baseCount = 0
    self.events = []
    append(events)
  }

  /// The situation after the first `count` events, if the window reaches that far back.
  public func situation(afterEvents count: Int) -> Situation? {
    guard count >= baseCount, count <= totalCount else { return nil }
    var situation = base
    for event in events.prefix(count - baseCount) { situation.apply(event) }
    return situation
  }

  /// The time of the `count`-th event (1-based), if in the window.
  public func time(ofEvent count: Int) -> Timestamp? {
    let index = count - baseCount - 1
    guard index >= 0, index < events.count else { return nil }
    return events[index].at
  }

  /// How many events of the window happened at or before `time` (with those before it).
  public func count(atOrBefore time: Timestamp) -> Int? {
    guard let first = events.first, time >= first.at || baseCount == 0 else { return nil }
    var count = baseCount
    for event in events where event.at <= time { count += 1 }
    return count
  }
}
