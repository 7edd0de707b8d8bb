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
  public var summary: LocalizedMessage
  /// A one- or two-word label for the hint bar; nil keeps it out of the bar.
  public var hint: LocalizedMessage?
  /// The help screen's section.
  public var group: LocalizedMessage
  /// How the hint bar writes the keys, when not simply the keys (e.g. `[ ]`).
  public var hintKeys: String?
  /// Where the keys run the command.
  public var contexts: Set<KeyContext>
  /// Where the hint bar offers it (when it has a hint): where it matters most, not everywhere it works.
  public var hintContexts: Set<KeyContext>
  /// What the hint bar keeps first when short of room.
  public var priority: HintPriority
  /// The hint's label where it differs from `hint` (`scroll` in a detail, where `move` is said in a pane).
  public var contextHints: [KeyContext: LocalizedMessage]

  /// An entry; `contexts` defaults to a pane or a detail, `hintContexts` to `contexts`.
  public init(
    _ keys: [Key], _ command: Command, _ summary: LocalizedMessage, hint: LocalizedMessage? = nil,
    hintKeys: String? = nil, group: LocalizedMessage, contexts: Set<KeyContext> = KeyContext.browsing,
    hintContexts: Set<KeyContext>? = nil, priority: HintPriority = .normal,
    contextHints: [KeyContext: LocalizedMessage] = [:]
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
  public func hint(in context: KeyContext) -> LocalizedMessage? { contextHints[context] ?? hint }

  /// Every text of the entry (summary, section, hints), for the catalog's checks.
  public var messages: [LocalizedMessage] {
    [summary, group] + (hint.map { [$0] } ?? []) + contextHints.values.sorted { $0.id < $1.id }
  }

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
      [.character("k"), .up], .moveUp, .tr("Move up (in help and details: scroll)", context: "help"),
      group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.character("j"), .down], .moveDown, .tr("Move down (in help and details: scroll)", context: "help"),
      hint: .tr("scroll", context: "hint"),
      hintKeys: "↑↓/jk", group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .low),
    KeyBinding(
      [.pageUp, .character("b"), .control("b")], .pageUp, .tr("Page up", context: "help"),
      group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.pageDown, .character(" "), .control("f")], .pageDown, .tr("Page down", context: "help"),
      hint: .tr("page", context: "hint"), hintKeys: "Space/b",
      group: .tr("Move", context: "help section"), contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .normal),
    KeyBinding(
      [.control("u")], .halfPageUp, .tr("Half a page up", context: "help"),
      group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.control("d")], .halfPageDown, .tr("Half a page down", context: "help"),
      group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.character("g"), .home], .top, .tr("First row (in help and details: the top)", context: "help"),
      hint: .tr("top/end", context: "hint"),
      hintKeys: "g/G", group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help]),
      hintContexts: KeyContext.details.union([.help]), priority: .low),
    KeyBinding(
      [.character("G"), .end], .bottom, .tr("Last row (in help and details: the end)", context: "help"),
      group: .tr("Move", context: "help section"),
      contexts: KeyContext.browsing.union([.help])),
    KeyBinding(
      [.tab], .focusNext, .tr("Next pane (segments, meetings, alerts)", context: "help"),
      hint: .tr("pane", context: "hint"), group: .tr("Move", context: "help section"),
      hintContexts: KeyContext.panes),
    KeyBinding(
      [.backTab], .focusPrevious, .tr("Previous pane", context: "help"),
      group: .tr("Move", context: "help section")),
    KeyBinding(
      [.character("1")], .focusPane(.segments), .tr("Focus the segments pane", context: "help"),
      group: .tr("Move", context: "help section")),
    KeyBinding(
      [.character("2")], .focusPane(.meetings), .tr("Focus the meetings pane", context: "help"),
      group: .tr("Move", context: "help section")),
    KeyBinding(
      [.character("3")], .focusPane(.alerts), .tr("Focus the alert feed", context: "help"),
      group: .tr("Move", context: "help section")),
    KeyBinding(
      [.enter], .open, .tr("Open the detail of the selected row", context: "help"),
      hint: .tr("detail", context: "hint"), group: .tr("Look", context: "help section"),
      contexts: KeyContext.panes),
    KeyBinding(
      [.escape, .character("q"), .enter], .close, .tr("Close the detail", context: "help"),
      hint: .tr("close", context: "hint"), hintKeys: "Esc",
      group: .tr("Look", context: "help section"), contexts: KeyContext.details, priority: .essential),
    KeyBinding(
      [.escape], .close, .tr("Clear the filter; back to live", context: "help"),
      group: .tr("Look", context: "help section"), contexts: KeyContext.panes),
    KeyBinding(
      [.character("/")], .filter,
      .tr(
        "Filter the focused pane: segments by ID, name, district or settlement (Latin or Cyrillic); the feed by segment, ID, text or reporter",
        context: "help"),
      hint: .tr("filter", context: "hint"), group: .tr("Look", context: "help section"),
      contexts: KeyContext.panes, hintContexts: [.segments, .alerts]),
    KeyBinding(
      [.character("s")], .cycleSort, .tr("Sort segments by the next column", context: "help"),
      hint: .tr("sort", context: "hint"), group: .tr("Look", context: "help section"),
      hintContexts: [.segments], priority: .low),
    KeyBinding(
      [.character("r")], .reverseSort, .tr("Reverse the sort", context: "help"),
      group: .tr("Look", context: "help section")),
    KeyBinding(
      [.character(":")], .jump, .tr("Jump to a segment ID", context: "help"),
      hint: .tr("jump", context: "hint"), group: .tr("Look", context: "help section"),
      hintContexts: [.segments], priority: .low),
    KeyBinding(
      [.character("v")], .cycleFeedView,
      .tr("Feed view: all, open, unacked, level ≥ bell", context: "help"), hint: .tr("view", context: "hint"),
      group: .tr("Feed", context: "help section"), hintContexts: [.alerts]),
    KeyBinding(
      [.character("u")], .nextUnacknowledged,
      .tr("Next unacknowledged (most severe, oldest)", context: "help"), hint: .tr("unack", context: "hint"),
      group: .tr("Feed", context: "help section"),
      hintContexts: [.alerts], priority: .high),
    KeyBinding(
      [.character("o")], .openCounterpart,
      .tr("Alert → its segment; segment → its alerts", context: "help"),
      hint: .tr("segment", context: "hint"), group: .tr("Feed", context: "help section"),
      hintContexts: [.alerts, .segments], contextHints: [.segments: .tr("alerts", context: "hint")]),
    KeyBinding(
      [.character("+")], .raiseFeedLevel, .tr("Feed: level ≥ N, one level up", context: "help"),
      group: .tr("Feed", context: "help section"),
      contexts: KeyContext.panes),
    KeyBinding(
      [.character("-")], .lowerFeedLevel, .tr("Feed: level ≥ N, one level down", context: "help"),
      group: .tr("Feed", context: "help section"),
      contexts: KeyContext.panes),
    KeyBinding(
      [.backspace], .goBack, .tr("Back to where o came from", context: "help"),
      group: .tr("Feed", context: "help section"), contexts: KeyContext.panes),
    KeyBinding(
      [.character("m")], .markAllSeen,
      .tr("Mark all seen (* = changed since you looked)", context: "help"),
      group: .tr("Feed", context: "help section")),
    KeyBinding(
      [.character("f")], .toggleFreeze,
      .tr("Freeze the display (events still arrive); again to resume", context: "help"),
      hint: .tr("freeze", context: "hint"), group: .tr("Time", context: "help section"),
      hintContexts: [.segments, .meetings], priority: .low),
    KeyBinding(
      [.character("[")], .historyBack, .tr("Step back one journal event", context: "help"),
      hint: .tr("history", context: "hint"), hintKeys: "[ ]",
      group: .tr("Time", context: "help section"), hintContexts: [.segments, .meetings, .past]),
    KeyBinding(
      [.character("]")], .historyForward, .tr("Step forward one journal event", context: "help"),
      group: .tr("Time", context: "help section")),
    KeyBinding(
      [.character("{")], .historyBackMonth, .tr("Step back 30 days", context: "help"),
      group: .tr("Time", context: "help section")),
    KeyBinding(
      [.character("}")], .historyForwardMonth, .tr("Step forward 30 days", context: "help"),
      group: .tr("Time", context: "help section")),
    KeyBinding(
      [.character("L")], .backToLive, .tr("Back to live", context: "help"),
      hint: .tr("live", context: "hint"), group: .tr("Time", context: "help section"), hintContexts: [.past],
      priority: .high),
    KeyBinding(
      [.character("a")], .acknowledge,
      .tr("Acknowledge the alert on screen: its open detail, else the feed's selected row", context: "help"),
      hint: .tr("ack", context: "hint"),
      group: .tr("Act", context: "help section"), hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("x")], .resolve, .tr("Resolve the alert on screen", context: "help"),
      hint: .tr("resolve", context: "hint"), group: .tr("Act", context: "help section"),
      hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("l")], .changeLevel, .tr("Change the level of the alert on screen", context: "help"),
      hint: .tr("level", context: "hint"),
      group: .tr("Act", context: "help section"), hintContexts: [.alerts, .alertDetail], priority: .high),
    KeyBinding(
      [.character("i")], .raiseAlert,
      .tr("Raise a new alert on the segment on screen (or the selected alert's)", context: "help"),
      hint: .tr("raise", context: "hint"), group: .tr("Act", context: "help section"),
      hintContexts: [.segments, .segmentDetail, .alertDetail],
      priority: .high),
    KeyBinding(
      [.character("n")], .addNote,
      .tr("Add a note to the record on screen (segment, alert or meeting)", context: "help"),
      hint: .tr("note", context: "hint"), group: .tr("Act", context: "help section"),
      hintContexts: KeyContext.browsing, priority: .high),
    KeyBinding(
      [.character("y")], .copyRecord,
      .tr("Copy the record's ID and text (OSC 52)", context: "help"),
      group: .tr("Console", context: "help section")),
    KeyBinding(
      [.character("t")], .cycleTheme, .tr("Next theme", context: "help"),
      group: .tr("Console", context: "help section")),
    KeyBinding(
      [.character("?"), .function(1)], .help, .tr("This help", context: "help"),
      hint: .tr("help", context: "hint"), hintKeys: "?", group: .tr("Console", context: "help section"),
      priority: .essential),
    KeyBinding(
      [.character("q"), .control("c")], .quit,
      .tr("Quit (^C in a form or prompt cancels it)", context: "help"), hint: .tr("quit", context: "hint"),
      hintKeys: "q", group: .tr("Console", context: "help section"), contexts: KeyContext.panes,
      priority: .essential),
    // The help screen.
    KeyBinding(
      [.escape, .character("q"), .character("?"), .function(1), .enter], .close,
      .tr("Close help", context: "help"), hint: .tr("close", context: "hint"),
      hintKeys: "q", group: .tr("Help", context: "help section"), contexts: [.help], priority: .essential),
    KeyBinding(
      [.character("/")], .searchHelp, .tr("Find a word in help", context: "help"),
      hint: .tr("find", context: "hint"), group: .tr("Help", context: "help section"),
      contexts: [.help], priority: .high),
    KeyBinding(
      [.character("n")], .nextMatch, .tr("Next line with the word found", context: "help"),
      hint: .tr("next", context: "hint"), hintKeys: "n/N",
      group: .tr("Help", context: "help section"), contexts: [.help], priority: .normal),
    KeyBinding(
      [.character("N")], .previousMatch, .tr("Previous line with the word found", context: "help"),
      group: .tr("Help", context: "help section"), contexts: [.help]
    ),
    // Forms (acknowledge, resolve, level, raise, note) and the prompts in the hint bar.
    KeyBinding(
      [.enter], .send,
      .tr("Send the form (record the action); in a prompt: keep the filter, jump, find", context: "help"),
      hint: .tr("send", context: "hint"), group: .tr("Forms and prompts", context: "help section"),
      contexts: KeyContext.form.union(KeyContext.prompts),
      priority: .essential,
      contextHints: [
        .filterPrompt: .tr("keep", context: "hint"), .jumpPrompt: .tr("jump", context: "hint"),
        .searchPrompt: .tr("find", context: "hint"),
      ]),
    KeyBinding(
      [.escape, .control("c")], .cancel,
      .tr("Cancel: nothing is recorded (in the filter: clear it)", context: "help"),
      hint: .tr("cancel", context: "hint"), hintKeys: "Esc",
      group: .tr("Forms and prompts", context: "help section"),
      contexts: KeyContext.form.union(KeyContext.prompts), priority: .essential,
      contextHints: [.filterPrompt: .tr("clear", context: "hint")]),
    KeyBinding(
      [.tab, .down], .nextField, .tr("Next field", context: "help"), hint: .tr("field", context: "hint"),
      hintKeys: "Tab", group: .tr("Forms and prompts", context: "help section"),
      contexts: KeyContext.form, priority: .high),
    KeyBinding(
      [.backTab, .up], .previousField, .tr("Previous field", context: "help"),
      group: .tr("Forms and prompts", context: "help section"), contexts: KeyContext.form
    ),
    KeyBinding(
      [.left, .right, .character(" ")], .choose,
      .tr("Another option (or type its first letter or digit)", context: "help"),
      hint: .tr("choose", context: "hint"), hintKeys: "←→",
      group: .tr("Forms and prompts", context: "help section"), contexts: [.choiceField], priority: .high),
    KeyBinding(
      [.left, .right, .control("b"), .control("f")], .editText, .tr("Move the cursor", context: "help"),
      hint: .tr("move", context: "hint"),
      hintKeys: "←→", group: .tr("Forms and prompts", context: "help section"), contexts: [.textField],
      priority: .normal),
    KeyBinding(
      [.home, .end, .control("a"), .control("e")], .editText,
      .tr("To the start, to the end of the text", context: "help"),
      group: .tr("Forms and prompts", context: "help section"), contexts: [.textField]),
    KeyBinding(
      [.backspace, .delete], .editText, .tr("Delete before, at the cursor", context: "help"),
      group: .tr("Forms and prompts", context: "help section"),
      contexts: [.textField]),
    KeyBinding(
      [.backspace], .editText, .tr("In a prompt: delete the last character", context: "help"),
      group: .tr("Forms and prompts", context: "help section"),
      contexts: KeyContext.prompts),
    KeyBinding(
      [.control("w")], .editText, .tr("Delete the word before the cursor", context: "help"),
      hint: .tr("delete", context: "hint"), hintKeys: "^W ^U",
      group: .tr("Forms and prompts", context: "help section"), contexts: [.textField], priority: .low),
    KeyBinding(
      [.control("u"), .control("k")], .editText,
      .tr("Delete to the start, to the end of the text", context: "help"),
      group: .tr("Forms and prompts", context: "help section"), contexts: [.textField]),
    KeyBinding(
      [.control("u")], .editText, .tr("In the filter: clear it", context: "help"),
      group: .tr("Forms and prompts", context: "help section"),
      contexts: [.filterPrompt]),
  ])
}
