import BorderModel

/// What the terminal reports: a key, or a new size.
public enum TerminalEvent: Sendable, Hashable {
  case key(Key)
  case resize(ScreenSize)
}

/// The terminal as the console's loop uses it: keys in, frames and bells out.
public protocol TerminalPort {
  /// The keys and resizes that arrived, oldest first (none when nothing came).
  mutating func readInputs() -> [TerminalEvent]
  /// Shows a whole frame (the terminal sends only the cells that changed).
  mutating func draw(_ grid: Grid)
  /// Redraws the header row of the last frame in place: what a tick within the minute changes.
  mutating func redrawHeader(_ body: (inout Grid) -> Void)
  mutating func bell()
  /// Puts text on the terminal's clipboard (OSC 52), where the terminal takes it.
  mutating func copy(_ text: String)
}

extension TerminalPort {
  /// A terminal that keeps no clipboard ignores it.
  public mutating func copy(_ text: String) {}
}

/// The journal as the console's loop uses it.
public protocol JournalPort {
  /// What was appended since the last look, with the live situation after it.
  mutating func refresh() -> JournalNews
  /// Validates and appends one draft under the journal's lock (which numbers and times it): its sequence number, or why not.
  mutating func append(_ draft: EventDraft) -> Result<UInt64, AppendFailure>
  /// Starts folding the journal up to a past moment off the loop; the wake source says when it is done.
  mutating func startLoadingHistory(asOf: Timestamp)
  /// The folds finished since the last call.
  mutating func takeLoadedHistory() -> [(asOf: Timestamp, situation: Situation)]
}

/// The theme in use as the loop sees it: its look, a reload when its file changed, the next one.
public protocol ThemePort {
  var theme: Theme { get }
  /// Reads the theme file again; nil when nothing changed.
  mutating func reload() -> ThemeChange?
  /// Switches to the next theme found.
  mutating func cycle() -> ThemeChange
}

/// A theme switched or reloaded: its name, and the problem found, if any.
public struct ThemeChange: Sendable, Hashable {
  public var name: String
  public var problem: String?
  public init(name: String, problem: String?) {
    self.name = name
    self.problem = problem
  }
}

/// Why the loop woke up (several at once is common); nothing set means the timeout passed.
public struct Wakeup: Sendable, Hashable {
  /// A terminating signal (SIGTERM, SIGHUP, SIGINT): the console exits with 128 + it.
  public var signal: Int32?
  /// The terminal went away (an SSH drop).
  public var hungUp = false
  /// Something in the data directory changed (or the watcher polls: look anyway).
  public var journalChanged = false
  /// The theme file changed.
  public var themeChanged = false
  /// A fold of the past finished.
  public var historyReady = false

  public init(
    signal: Int32? = nil, hungUp: Bool = false, journalChanged: Bool = false, themeChanged: Bool = false,
    historyReady: Bool = false
  ) {
    self.signal = signal
    self.hungUp = hungUp
    self.journalChanged = journalChanged
    self.themeChanged = themeChanged
    self.historyReady = historyReady
  }
}

/// What the loop waits on: keys, the journal, the theme file, signals and finished folds, or the timeout.
public protocol WakeSource {
  /// The longest wait the sources allow (a polling watcher looks every 250 ms), if any.
  var longestWaitMilliseconds: Int? { get }
  /// Sleeps until something is ready or the timeout passes.
  mutating func wait(timeoutMilliseconds: Int) -> Wakeup
}
