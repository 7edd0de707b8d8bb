import BorderModel

/// The reducer: what the operator is looking at (for the key map), and finding words in help.
extension ConsoleState {
  /// The context keys run in: a form's focused field, a prompt, help, a detail, else the focused pane.
  public var keyContext: KeyContext {
    if let form {
      guard form.fields.indices.contains(form.focused) else { return .textField }
      if case .choice = form.fields[form.focused].kind { return .choiceField }
      return .textField
    }
    if isEditingFilter { return .filterPrompt }
    switch prompt {
    case .jump: return .jumpPrompt
    case .search: return .searchPrompt
    case nil: break
    }
    switch overlay {
    case .help: return .help
    case .segmentDetail: return .segmentDetail
    case .meetingDetail: return .meetingDetail
    case .alertDetail: return .alertDetail
    case nil: break
    }
    switch focus {
    case .segments: return .segments
    case .meetings: return .meetings
    case .alerts: return .alerts
    }
  }

  /// The contexts the hint bar offers keys for: the key context, and `past` while a pane or
  /// detail shows history or a frozen picture.
  public var hintContexts: Set<KeyContext> {
    let context = keyContext
    return KeyContext.browsing.contains(context) && !isLive ? [context, .past] : [context]
  }

  /// Types the word to find in help; Enter finds it from the top of the page shown.
  mutating func editHelpSearch(_ text: String, _ key: Key) -> [ConsoleEffect] {
    switch KeyMap.standard.command(for: key, in: .searchPrompt) {
    case .send:
      prompt = nil
      helpSearch = text
      findInHelp(forward: true, including: true)
    case .cancel:
      prompt = nil
    default:
      switch key {
      case .backspace, .control("h"), .delete: prompt = .search(String(text.dropLast()))
      case .character(let c): prompt = .search(text + String(c))
      default: break
      }
    }
    return []
  }

  /// Scrolls help to the next (or previous) line holding the word searched for; says when none does.
  mutating func findInHelp(forward: Bool, including: Bool = false) {
    guard overlay == .help else { return }
    guard !helpSearch.isEmpty else {
      say(l10n.tr("press / to find a word in help first"), seconds: 3)
      return
    }
    let lines = HelpContent.matchLines(helpSearch, state: self)
    guard !lines.isEmpty else {
      say(l10n.tr("not in help: %@", helpSearch), error: true, seconds: 4)
      return
    }
    let limit = HelpContent.scrollLimit(state: self)
    guard limit > 0 else {
      // Everything is on screen: the matches are marked where they are.
      say(
        l10n.plural(
          "%1$d line with %2$@, marked", "%1$d lines with %2$@, marked", count: lines.count, lines.count,
          helpSearch),
        seconds: 3)
      return
    }
    let here = overlayScroll
    let target: Int?
    if forward {
      target = lines.first { including ? $0 >= here : $0 > here } ?? lines.first
    } else {
      target = lines.last { $0 < here } ?? lines.last
    }
    if let target {
      overlayScroll = clamp(target, 0, limit)
      // At the end of help, the line found may sit below the top: it is still on screen.
    }
  }
}
