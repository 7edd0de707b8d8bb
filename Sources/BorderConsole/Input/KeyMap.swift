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
  case copyRecord
  /// In help: type a word to find; then the next and the previous line that has it.
  case searchHelp, nextMatch, previousMatch
  /// In a form or prompt: send it (or keep the filter, jump, find), or cancel it.
  case send, cancel
  /// In a form: the next and the previous field; another option of a choice field.
  case nextField, previousField, choose
  /// In a form's text field or a prompt: move the cursor or delete (the keys of `TextEdit`).
  case editText

  /// Whether the command writes to the journal (so a read-only console cannot run it).
  public var writesJournal: Bool {
    switch self {
    case .acknowledge, .resolve, .changeLevel, .raiseAlert, .addNote: return true
    default: return false
    }
  }
  /// The alert feed: next view, next unacknowledged, alert ↔ segment and back, mark all seen.
  case cycleFeedView, nextUnacknowledged, openCounterpart, goBack, markAllSeen
  /// The feed's `level ≥ N` view, one level up or down.
  case raiseFeedLevel, lowerFeedLevel
  /// Focus one pane directly.
  case focusPane(Pane)
}

/// What the operator is looking at, which decides what a key does and what the hint bar offers.
public enum KeyContext: Sendable, Hashable, CaseIterable {
  /// The main view, by the focused pane.
  case segments, meetings, alerts
  /// A full detail open over the main view.
  case segmentDetail, meetingDetail, alertDetail
  /// The help screen.
  case help
  /// A form, by the kind of its focused field.
  case choiceField, textField
  /// A prompt in the hint bar: the segment filter, the jump to an ID, the search in help.
  case filterPrompt, jumpPrompt, searchPrompt
  /// The display shows the past (history) or is held still (frozen); it goes with the contexts above.
  case past

  /// The three panes of the main view.
  public static let panes: Set<KeyContext> = [.segments, .meetings, .alerts]
  /// The full details.
  public static let details: Set<KeyContext> = [.segmentDetail, .meetingDetail, .alertDetail]
  /// Looking at the situation: a pane or a detail over it.
  public static let browsing: Set<KeyContext> = panes.union(details)
  /// A form, whatever its focused field.
  public static let form: Set<KeyContext> = [.choiceField, .textField]
  /// Typing into the hint bar.
  public static let prompts: Set<KeyContext> = [.filterPrompt, .jumpPrompt, .searchPrompt]
}

/// How much a key's hint matters when the bar is short of room.
public enum HintPriority: Int, Sendable, Hashable, Comparable {
  /// Shown only where there is room to spare.
  case low
  case normal
  /// The keys to act in the context: kept before the rest.
  case high
  /// Never dropped (help, quit, close, send, cancel).
  case essential

  public static func < (a: HintPriority, b: HintPriority) -> Bool { a.rawValue < b.rawValue }
}

/// One entry of the key map: the keys, the command, where it works, and how help and the hint bar
/// describe it.
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
  /// Where the keys run the command.
  public var contexts: Set<KeyContext>
  /// Where the hint bar offers it (when it has a hint): where it matters most, not everywhere it works.
  public var hintContexts: Set<KeyContext>
  /// What the hint bar keeps first when short of room.
  public var priority: HintPriority
  /// The hint's label where it differs from `hint` (`scroll` in a detail, where `move` is said in a pane).
  public var contextHints: [KeyContext: String]

  /// An entry; `contexts` defaults to a pane or a detail, `hintContexts` to `contexts`.
  public init(
    _ keys: [Key], _ command: Command, _ summary: String, hint: String? = nil, hintKeys: String? = nil,
    group: String, contexts: Set<KeyContext> = KeyContext.browsing, hintContexts: Set<KeyContext>? = nil,
    priority: HintPriority = .normal, contextHints: [KeyContext: String] = [:]
  ) {
    self.keys = keys
    self.command = command
    self.summary = summary
    self.hint = hint
    self.hintKeys = hintKeys
    self.group = group
    self.contexts = contexts
    self.hintContexts = hint == nil ? [] : (hintContexts ?? contexts)
    self.priority = priority
    self.contextHints = contextHints
  }

  /// The hint's label in a context.
  public func hint(in context: KeyContext) -> String? { contextHints[context] ?? hint }

  /// How the keys are written, e.g. `j/↓`.
  public var keyLabel: String { keys.map(\.label).joined(separator: "/") }

  /// How the hint bar writes the keys.
  public var hintKeyLabel: String { hintKeys ?? keyLabel }
}

/// The table that handles keys: the same one the hint bar and help screen are generated from.
public struct KeyMap: Sendable {
  public var bindings: [KeyBinding]
  private var lookup: [KeyContext: [Key: Command]]

  public init(_ bindings: [KeyBinding]) {
    self.bindings = bindings
    var lookup: [KeyContext: [Key: Command]] = [:]
    for binding in bindings {
      for context in binding.contexts {
        for key in binding.keys where lookup[context]?[key] == nil {
          lookup[context, default: [:]][key] = binding.command
        }
      }
    }
    self.lookup = lookup
  }

  /// The command a key runs in a context, if any.
  public func command(for key: Key, in context: KeyContext) -> Command? { lookup[context]?[key] }

  /// The command a key runs in the main view, if any.
  public func command(for key: Key) -> Command? { command(for: key, in: .segments) }

  /// The bindings the hint bar may offer in `contexts`, in the key map's order.
  public func hints(in contexts: Set<KeyContext>, readOnly: Bool = false) -> [KeyBinding] {
    bindings.filter { !$0.hintContexts.isDisjoint(with: contexts) && !(readOnly && $0.command.writesJournal) }
  }

  /// Pairs of bindings that claim the same key in the same context (the later one never runs).
  public var clashes: [(Key, KeyContext, KeyBinding, KeyBinding)] {
    var seen: [KeyContext: [Key: KeyBinding]] = [:]
    var found: [(Key, KeyContext, KeyBinding, KeyBinding)] = []
    for binding in bindings {
      for context in binding.contexts {
        for key in binding.keys {
          if let earlier = seen[context]?[key] {
            found.append((key, context, earlier, binding))
          } else {
            seen[context, default: [:]][key] = binding
          }
        }
      }
    }
    return found
  }

  /// The key map of the console.
  public static let standard = KeyMap([
    KeyBinding(
      [.character("k"), .up], .moveUp, "Move up (in help and details: scroll)", group: "Move",
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.character("j"), .down], .moveDown, "Move down (in help and details: scroll)", hint: "move",
      hintKeys: "↑↓/jk", group: "Move", contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .low,
      contextHints: Dictionary(uniqueKeysWithValues: KeyContext.details.union([.help]).map { ($0, "scroll") })
    ),
    KeyBinding(
      [.pageUp, .character("b"), .control("b")], .pageUp, "Page up", group: "Move",
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.pageDown, .character(" "), .control("f")], .pageDown, "Page down", hint: "page", hintKeys: "Space/b",
      group: "Move", contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .normal),
    KeyBinding(
      [.control("u")], .halfPageUp, "Half a page up", group: "Move",
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.control("d")], .halfPageDown, "Half a page down", group: "Move",
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.character("g"), .home], .top, "First row (in help and details: the top)", hint: "top/end",
      hintKeys: "g/G", group: "Move", contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .low),
    KeyBinding(
      [.character("G"), .end], .bottom, "Last row (in help and details: the end)", group: "Move",
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.tab], .focusNext, "Next pane (segments, meetings, alerts)", hint: "pane", group: "Move",
      hintContexts: KeyContext.panes),
    KeyBinding([.backTab], .focusPrevious, "Previous pane", group: "Move"),
    KeyBinding([.character("1")], .focusPane(.segments), "Focus the segments pane", group: "Move"),
    KeyBinding([.character("2")], .focusPane(.meetings), "Focus the meetings pane", group: "Move"),
    KeyBinding([.character("3")], .focusPane(.alerts), "Focus the alert feed", group: "Move"),
    KeyBinding(
      [.enter], .open, "Open the detail of the selected row", hint: "detail", group: "Look",
      contexts: KeyContext.panes),
    KeyBinding(
      [.escape, .character("q"), .enter], .close, "Close the detail", hint: "close", hintKeys: "Esc",
      group: "Look", contexts: KeyContext.details, priority: .essential),
    KeyBinding(
      [.escape], .close, "Clear the filter; back to live", group: "Look", contexts: KeyContext.panes),
    KeyBinding(
      [.character("/")], .filter,
      "Filter the focused pane: segments by ID, name, district or settlement (Latin or Cyrillic); the feed by segment, ID, text or reporter",
      hint: "filter", group: "Look", contexts: KeyContext.panes, hintContexts: [.segments, .alerts]),
    KeyBinding(
      [.character("s")], .cycleSort, "Sort segments by the next column", hint: "sort", group: "Look",
      hintContexts: [.segments], priority: .low),
    KeyBinding([.character("r")], .reverseSort, "Reverse the sort", group: "Look"),
    KeyBinding(
      [.character(":")], .jump, "Jump to a segment ID", hint: "jump", group: "Look",
      hintContexts: [.segments], priority: .low),
    KeyBinding(
      [.character("v")], .cycleFeedView,
      "Feed view: all, open, unacked, level ≥ bell", hint: "view", group: "Feed", hintContexts: [.alerts]),
    KeyBinding(
      [.character("u")], .nextUnacknowledged,
      "Next unacknowledged (most severe, oldest)", hint: "unack", group: "Feed",
      hintContexts: [.alerts], priority: .high),
    KeyBinding(
      [.character("o")], .openCounterpart,
      "Alert → its segment; segment → its alerts", hint: "segment", group: "Feed",
      hintContexts: [.alerts, .segments], contextHints: [.segments: "alerts"]),
    KeyBinding(
      [.character("+")], .raiseFeedLevel, "Feed: level ≥ N, one level up", group: "Feed",
      contexts: KeyContext.panes),
    KeyBinding(
      [.character("-")], .lowerFeedLevel, "Feed: level ≥ N, one level down", group: "Feed",
      contexts: KeyContext.panes),
    KeyBinding([.backspace], .goBack, "Back to where o came from", group: "Feed", contexts: KeyContext.panes),
    KeyBinding(
      [.character("m")], .markAllSeen,
      "Mark all seen (* = changed since you looked)", group: "Feed"),
    KeyBinding(
      [.character("f")], .toggleFreeze, "Freeze the display (events still arrive); again to resume",
      hint: "freeze", group: "Time", hintContexts: [.segments, .meetings], priority: .low),
    KeyBinding(
      [.character("[")], .historyBack, "Step back one journal event", hint: "history", hintKeys: "[ ]",
      group: "Time", hintContexts: [.segments, .meetings, .past]),
    KeyBinding([.character("]")], .historyForward, "Step forward one journal event", group: "Time"),
    KeyBinding([.character("{")], .historyBackMonth, "Step back 30 days", group: "Time"),
    KeyBinding([.character("}")], .historyForwardMonth, "Step forward 30 days", group: "Time"),
    KeyBinding(
      [.character("L")], .backToLive, "Back to live", hint: "live", group: "Time", hintContexts: [.past],
      priority: .high),
    KeyBinding(
      [.character("a")], .acknowledge,
      "Acknowledge the alert on screen: its open detail, else the feed's selected row", hint: "ack",
      group: "Act", hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("x")], .resolve, "Resolve the alert on screen", hint: "resolve", group: "Act",
      hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("l")], .changeLevel, "Change the level of the alert on screen", hint: "level",
      group: "Act", hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("i")], .raiseAlert, "Raise a new alert on the segment on screen (or the selected alert's)",
      hint: "raise", group: "Act", hintContexts: [.segments, .segmentDetail, .alertDetail],
      priority: .high),
    KeyBinding(
      [.character("n")], .addNote, "Add a note to the record on screen (segment, alert or meeting)",
      hint: "note", group: "Act", hintContexts: KeyContext.browsing, priority: .high),
    KeyBinding(
      [.character("y")], .copyRecord,
      "Copy the record's ID and text (OSC 52)",
      group: "Console"),
    KeyBinding([.character("t")], .cycleTheme, "Next theme", group: "Console"),
    KeyBinding(
      [.character("?"), .function(1)], .help, "This help", hint: "help", hintKeys: "?", group: "Console",
      priority: .essential),
    KeyBinding(
      [.character("q"), .control("c")], .quit, "Quit (^C in a form or prompt cancels it)", hint: "quit",
      hintKeys: "q", group: "Console", contexts: KeyContext.panes, priority: .essential),
    // The help screen.
    KeyBinding(
      [.escape, .character("q"), .character("?"), .function(1), .enter], .close, "Close help", hint: "close",
      hintKeys: "q", group: "Help", contexts: [.help], priority: .essential),
    KeyBinding(
      [.character("/")], .searchHelp, "Find a word in help", hint: "find", group: "Help",
      contexts: [.help], priority: .high),
    KeyBinding(
      [.character("n")], .nextMatch, "Next line with the word found", hint: "next", hintKeys: "n/N",
      group: "Help", contexts: [.help], priority: .normal),
    KeyBinding(
      [.character("N")], .previousMatch, "Previous line with the word found", group: "Help", contexts: [.help]
    ),
    // Forms (acknowledge, resolve, level, raise, note) and the prompts in the hint bar.
    KeyBinding(
      [.enter], .send, "Send the form (record the action); in a prompt: keep the filter, jump, find",
      hint: "send", group: "Forms and prompts", contexts: KeyContext.form.union(KeyContext.prompts),
      priority: .essential,
      contextHints: [.filterPrompt: "keep", .jumpPrompt: "jump", .searchPrompt: "find"]),
    KeyBinding(
      [.escape, .control("c")], .cancel,
      "Cancel: nothing is recorded (in the filter: clear it)", hint: "cancel", hintKeys: "Esc",
      group: "Forms and prompts", contexts: KeyContext.form.union(KeyContext.prompts), priority: .essential,
      contextHints: [.filterPrompt: "clear"]),
    KeyBinding(
      [.tab, .down], .nextField, "Next field", hint: "field", hintKeys: "Tab", group: "Forms and prompts",
      contexts: KeyContext.form, priority: .high),
    KeyBinding(
      [.backTab, .up], .previousField, "Previous field", group: "Forms and prompts", contexts: KeyContext.form
    ),
    KeyBinding(
      [.left, .right, .character(" ")], .choose,
      "Another option (or type its first letter or digit)", hint: "choose", hintKeys: "←→",
      group: "Forms and prompts", contexts: [.choiceField], priority: .high),
    KeyBinding(
      [.left, .right, .control("b"), .control("f")], .editText, "Move the cursor", hint: "move",
      hintKeys: "←→", group: "Forms and prompts", contexts: [.textField], priority: .normal),
    KeyBinding(
      [.home, .end, .control("a"), .control("e")], .editText, "To the start, to the end of the text",
      group: "Forms and prompts", contexts: [.textField]),
    KeyBinding(
      [.backspace, .delete], .editText, "Delete before, at the cursor", group: "Forms and prompts",
      contexts: [.textField]),
    KeyBinding(
      [.backspace], .editText, "In a prompt: delete the last character", group: "Forms and prompts",
      contexts: KeyContext.prompts),
    KeyBinding(
      [.control("w")], .editText, "Delete the word before the cursor", hint: "delete", hintKeys: "^W ^U",
      group: "Forms and prompts", contexts: [.textField], priority: .low),
    KeyBinding(
      [.control("u"), .control("k")], .editText, "Delete to the start, to the end of the text",
      group: "Forms and prompts", contexts: [.textField]),
    KeyBinding(
      [.control("u")], .editText, "In the filter: clear it", group: "Forms and prompts",
      contexts: [.filterPrompt]),
  ])
}
