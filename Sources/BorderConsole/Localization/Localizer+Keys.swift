/// The key map's words (help lines, hint-bar labels, help sections) in the interface's language.
///
/// The key map keeps its English text; these give the same English (a test holds them equal)
/// and the translations, keyed by command so a key's text never drifts from what it does.
extension Localizer {
  /// A binding's line on the help screen.
  public func summary(_ binding: KeyBinding) -> String {
    switch binding.command {
    case .moveUp: return tr("Move up", context: "key")
    case .moveDown: return tr("Move down", context: "key")
    case .pageUp: return tr("Page up", context: "key")
    case .pageDown: return tr("Page down", context: "key")
    case .halfPageUp: return tr("Half a page up", context: "key")
    case .halfPageDown: return tr("Half a page down", context: "key")
    case .top: return tr("First row", context: "key")
    case .bottom: return tr("Last row", context: "key")
    case .focusNext: return tr("Next pane (segments, meetings, alerts)", context: "key")
    case .focusPrevious: return tr("Previous pane", context: "key")
    case .focusPane(.segments): return tr("Focus the segments pane", context: "key")
    case .focusPane(.meetings): return tr("Focus the meetings pane", context: "key")
    case .focusPane(.alerts): return tr("Focus the alert feed", context: "key")
    case .open: return tr("Open the detail of the selected row", context: "key")
    case .close: return tr("Close the detail or help; clear the filter; back to live", context: "key")
    case .filter:
      return tr(
        "Filter the focused pane: segments by ID, name, district or settlement (Latin or Cyrillic); the feed by segment, ID, text or reporter",
        context: "key")
    case .cycleSort: return tr("Sort segments by the next column", context: "key")
    case .reverseSort: return tr("Reverse the sort", context: "key")
    case .jump: return tr("Jump to a segment ID", context: "key")
    case .cycleFeedView: return tr("Feed view: all, open, unacked, level ≥ bell", context: "key")
    case .nextUnacknowledged: return tr("Next unacknowledged (most severe, oldest)", context: "key")
    case .openCounterpart: return tr("Alert → its segment; segment → its alerts", context: "key")
    case .goBack: return tr("Back to where o came from", context: "key")
    case .markAllSeen: return tr("Mark all seen (* = changed since you looked)", context: "key")
    case .toggleFreeze: return tr("Freeze the display (events still arrive); again to resume", context: "key")
    case .historyBack: return tr("Step back one journal event", context: "key")
    case .historyForward: return tr("Step forward one journal event", context: "key")
    case .historyBackMonth: return tr("Step back 30 days", context: "key")
    case .historyForwardMonth: return tr("Step forward 30 days", context: "key")
    case .backToLive: return tr("Back to live", context: "key")
    case .acknowledge:
      return tr(
        "Acknowledge the alert on screen: its open detail, else the feed's selected row", context: "key")
    case .resolve: return tr("Resolve the alert on screen", context: "key")
    case .changeLevel: return tr("Change the level of the alert on screen", context: "key")
    case .raiseAlert:
      return tr("Raise a new alert on the segment on screen (or the selected alert's)", context: "key")
    case .addNote: return tr("Add a note to the record on screen (segment, alert or meeting)", context: "key")
    case .cycleTheme: return tr("Next theme", context: "key")
    case .help: return tr("This help", context: "key")
    case .quit: return tr("Quit (^C in a form or prompt cancels it)", context: "key")
    }
  }

  /// A binding's label in the hint bar, if it has one there.
  public func hint(_ binding: KeyBinding) -> String? {
    guard binding.hint != nil else { return nil }
    switch binding.command {
    case .moveDown: return tr("move", context: "hint")
    case .focusNext: return tr("pane", context: "hint")
    case .open: return tr("detail", context: "hint")
    case .filter: return tr("filter", context: "hint")
    case .cycleSort: return tr("sort", context: "hint")
    case .jump: return tr("jump", context: "hint")
    case .toggleFreeze: return tr("freeze", context: "hint")
    case .historyBack: return tr("history", context: "hint")
    case .acknowledge: return tr("ack", context: "hint")
    case .raiseAlert: return tr("raise", context: "hint")
    case .help: return tr("help", context: "hint")
    case .quit: return tr("quit", context: "hint")
    default: return binding.hint
    }
  }

  /// A section of the help screen.
  public func keyGroup(_ group: String) -> String {
    switch group {
    case "Move": return tr("Move", context: "help section")
    case "Look": return tr("Look", context: "help section")
    case "Feed": return tr("Feed", context: "help section")
    case "Time": return tr("Time", context: "help section")
    case "Act": return tr("Act", context: "help section")
    case "Console": return tr("Console", context: "help section")
    default: return group
    }
  }
}
