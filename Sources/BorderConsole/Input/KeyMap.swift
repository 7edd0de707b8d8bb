/// What a key asks the console to do.
public enum Command: Sendable, Hashable {
  case moveUp, moveDown, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
  case focusNext, focusPrevious
  case open
  case close
  case filter
  case cycleSort
  case reverseSort
  case jump
  case toggleFreeze
  case historyBack, historyForward, historyBackMonth, historyForwardMonth, backToLive
  case help
  case quit
  case acknowledge, resolve, changeLevel, raiseAlert, addNote
  case cycleTheme
  /// The alert feed: next view, next unacknowledged, alert ↔ segment and back, mark all seen.
  case cycleFeedView, nextUnacknowledged, openCounterpart, goBack, markAllSeen
  /// Focus one pane directly.
  case focusPane(Pane)
}

/// One entry of the key map: the keys, the command, and how help and the hint bar describe it.
public struct KeyBinding: Sendable, Hashable {
  public var keys: [Key]
  public var command: Command
  /// A line for the help screen.
  public var summary: String
  /// A one- or two-word label for the hint bar; nil keeps it out of the bar.
  public var hint: String?
  /// The help screen's section.
  public var group: String
  /// How the hint bar writes the keys, when not simply the keys (e.g. `[ ]`).
  public var hintKeys: String?

  public init(
    _ keys: [Key], _ command: Command, _ summary: String, hint: String? = nil, hintKeys: String? = nil,
    group: String
  ) {
    self.keys = keys
    self.command = command
    self.summary = summary
    self.hint = hint
    self.hintKeys = hintKeys
    self.group = group
  }

  /// How the keys are written, e.g. `j/↓`.
  public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The table that handles keys: the same one the hint bar and help screen are generated from.
public struct KeyMap: Sendable {
  public var bindings: [KeyBinding]
  private var lookup: [Key: Command]

  public init(_ bindings: [KeyBinding]) {
    self.bindings = bindings
    var lookup: [Key: Command] = [:]
    for binding in bindings {
      for key in binding.keys where lookup[key] == nil { lookup[key] = binding.command }
    }
    self.lookup = lookup
  }

  /// The command a key runs, if any.
  public func command(for key: Key) -> Command? { lookup[key] }

  /// The bindings shown in the hint bar, in order.
  public var hints: [KeyBinding] { bindings.filter { $0.hint != nil } }

  /// The key map of the console.
  public static let standard = KeyMap([
    KeyBinding([.character("k"), .up], .moveUp, "Move up", group: "Move"),
    KeyBinding(
      [.character("j"), .down], .moveDown, "Move down", hint: "move", hintKeys: "↑↓/jk", group: "Move"),
    KeyBinding([.pageUp], .pageUp, "Page up", group: "Move"),
    KeyBinding([.pageDown], .pageDown, "Page down", group: "Move"),
    KeyBinding([.control("u")], .halfPageUp, "Half a page up", group: "Move"),
    KeyBinding([.control("d")], .halfPageDown, "Half a page down", group: "Move"),
    KeyBinding([.character("g"), .home], .top, "First row", group: "Move"),
    KeyBinding([.character("G"), .end], .bottom, "Last row", group: "Move"),
    KeyBinding([.tab], .focusNext, "Next pane (segments, meetings, alerts)", hint: "pane", group: "Move"),
    KeyBinding([.backTab], .focusPrevious, "Previous pane", group: "Move"),
    KeyBinding([.character("1")], .focusPane(.segments), "Focus the segments pane", group: "Move"),
    KeyBinding([.character("2")], .focusPane(.meetings), "Focus the meetings pane", group: "Move"),
    KeyBinding([.character("3")], .focusPane(.alerts), "Focus the alert feed", group: "Move"),
    KeyBinding([.enter], .open, "Open the detail of the selected row", hint: "detail", group: "Look"),
    KeyBinding([.escape], .close, "Close the detail or help; clear the filter; back to live", group: "Look"),
    KeyBinding(
      [.character("/")], .filter,
      "Filter the focused pane: segments by ID, name, district or settlement (Latin or Cyrillic); the feed by segment, ID, text or reporter",
      hint: "filter", group: "Look"),
    KeyBinding(
      [.character("s")], .cycleSort, "Sort segments by the next column", hint: "sort", group: "Look"),
    KeyBinding([.character("r")], .reverseSort, "Reverse the sort", group: "Look"),
    KeyBinding([.character(":")], .jump, "Jump to a segment ID", hint: "jump", group: "Look"),
    KeyBinding(
      [.character("v")], .cycleFeedView,
      "Feed view: all, open, unacked, level ≥ bell",
      group: "Feed"),
    KeyBinding(
      [.character("u")], .nextUnacknowledged,
      "Next unacknowledged (most severe, oldest)", group: "Feed"),
    KeyBinding(
      [.character("o")], .openCounterpart,
      "Alert → its segment; segment → its alerts",
      group: "Feed"),
    KeyBinding([.backspace], .goBack, "Back to where o came from", group: "Feed"),
    KeyBinding(
      [.character("m")], .markAllSeen,
      "Mark all seen (* = changed since you looked)",
      group: "Feed"),
    KeyBinding(
      [.character("f")], .toggleFreeze, "Freeze the display (events still arrive); again to resume",
      hint: "freeze", group: "Time"),
    KeyBinding(
      [.character("[")], .historyBack, "Step back one journal event", hint: "history", hintKeys: "[ ]",
      group: "Time"),
    KeyBinding([.character("]")], .historyForward, "Step forward one journal event", group: "Time"),
    KeyBinding([.character("{")], .historyBackMonth, "Step back 30 days", group: "Time"),
    KeyBinding([.character("}")], .historyForwardMonth, "Step forward 30 days", group: "Time"),
    KeyBinding([.character("L")], .backToLive, "Back to live", group: "Time"),
    KeyBinding(
      [.character("a")], .acknowledge,
      "Acknowledge the alert on screen: its open detail, else the feed's selected row", hint: "ack",
      group: "Act"),
    KeyBinding([.character("x")], .resolve, "Resolve the alert on screen", group: "Act"),
    KeyBinding([.character("l")], .changeLevel, "Change the level of the alert on screen", group: "Act"),
    KeyBinding(
      [.character("i")], .raiseAlert, "Raise a new alert on the segment on screen (or the selected alert's)",
      hint: "raise", group: "Act"
    ),
    KeyBinding(
      [.character("n")], .addNote, "Add a note to the record on screen (segment, alert or meeting)",
      group: "Act"),
    KeyBinding([.character("t")], .cycleTheme, "Next theme", group: "Console"),
    KeyBinding([.character("?"), .function(1)], .help, "This help", hint: "help", group: "Console"),
    KeyBinding(
      [.character("q"), .control("c")], .quit, "Quit (^C in a form or prompt cancels it)", hint: "quit",
      group: "Console"),
  ])
}
