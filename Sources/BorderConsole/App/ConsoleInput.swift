import BorderModel

/// What the journal brought since the console last looked.
public struct JournalNews: Sendable {
  /// The live situation after the new events.
  public var situation: Situation
  /// The events applied, in order.
  public var events: [JournalEvent]
  public var touches: [EventTouch]
  /// Set when the journal was truncated or replaced and folded again from its start.
  public var restartReason: String?
  /// The reference data's situation before any event (given with a restart).
  public var baseline: Situation?
  /// Lines skipped, with the last problem found.
  public var skipped: Int
  public var lastProblem: String?
  /// Set when the journal could not be read.
  public var readError: String?
  /// Set while the store (a PostgreSQL server) cannot be reached: since when.
  public var unreachableSince: Timestamp?
  /// Set when the journal was replaced by something other than `bordermon journal rotate`
  /// (logrotate, a rename, an edit): what is gone, shown in the header for as long as the console runs.
  public var replaced: JournalReplacement?
  /// Set when new reference data was found but not taken (it has errors): the first problem.
  public var referenceProblem: String?
  /// Whether the store's role may append, when the server was asked again (after a reconnection); nil: not asked.
  public var mayAppend: Bool?

  public init(
    situation: Situation, events: [JournalEvent] = [], touches: [EventTouch] = [],
    restartReason: String? = nil, baseline: Situation? = nil, skipped: Int = 0, lastProblem: String? = nil,
    readError: String? = nil, referenceProblem: String? = nil
  ) {
    self.situation = situation
    self.events = events
    self.touches = touches
    self.restartReason = restartReason
    self.baseline = baseline
    self.skipped = skipped
    self.lastProblem = lastProblem
    self.readError = readError
    self.referenceProblem = referenceProblem
  }
}

/// A journal replaced under the console by an outside tool, and what history that cost.
public struct JournalReplacement: Sendable, Hashable {
  /// The first `seq` still there: history before it is gone (nil: the file was read again from seq 1).
  public var historyBefore: UInt64?
  public init(historyBefore: UInt64?) { self.historyBefore = historyBefore }
}

/// Everything that can happen to the console: the reducer's input.
public enum ConsoleInput: Sendable {
  case key(Key)
  /// The clock moved on.
  case tick(Timestamp)
  case resize(ScreenSize)
  case journal(JournalNews)
  /// A fold of the journal up to a past time, asked for by `.loadHistory`.
  case historyLoaded(asOf: Timestamp, situation: Situation)
  /// What became of an `.append`: the sequence number written, or why it failed.
  case appended(Result<UInt64, AppendFailure>)
  /// The theme in use changed (cycled with `t`, or its file was edited).
  case themeChanged(name: String, problem: String?)
}

/// Why an action's event was not written.
public struct AppendFailure: Error, Sendable, Hashable {
  /// The failure in English (a file's or a store's own words, or the model's refusal).
  public var message: String
  /// The model's refusal, when that is why: the console words it in its language.
  public var rejection: EventRejection?
  /// Set when the server refused the append because the store role may not append (the console becomes read-only).
  public var roleCannotAppend = false
  public init(_ message: String) { self.message = message }

  /// The journal refused the event by the model's rules.
  public init(rejected rejection: EventRejection) {
    message = rejection.description
    self.rejection = rejection
  }

  /// A refusal because the store role may not append, with the server's words.
  public static func roleCannotAppend(_ message: String) -> AppendFailure {
    var failure = AppendFailure(message)
    failure.roleCannotAppend = true
    return failure
  }
}

/// What the reducer asks the outside world to do: plain data, so tests can assert it.
public enum ConsoleEffect: Sendable, Hashable {
  case quit
  case bell
  /// Fold the journal up to this time (older than the events kept in memory).
  case loadHistory(asOf: Timestamp)
  /// Validate and append this draft to the journal (its seq, time and any new alert ID are given there).
  case append(EventDraft)
  /// Switch to the next theme.
  case cycleTheme
  /// Put this text on the terminal's clipboard (OSC 52).
  case copy(String)
}
