import BorderModel

/// The reducer: the filter and jump prompts.
extension ConsoleState {
  // MARK: Text entry

  /// The filter being typed: the feed's when the feed has the focus, else the segments'.
  public var filterBeingEdited: String { focus == .alerts ? feed.text : filter }

  /// Typing the segments' filter; a movement key ends it and moves as `keyMap` says.
  mutating func editFilter(_ key: Key, keyMap: KeyMap) -> [ConsoleEffect] {
    if focus == .alerts { return editFeedFilter(key, keyMap: keyMap) }
    switch key {
    case .enter:
      isEditingFilter = false
    case .escape:
      isEditingFilter = false
      filter = ""
    case .backspace, .control("h"):
      if !filter.isEmpty { filter.removeLast() }
    case .control("u"):
      filter = ""
    case .character(let c):
      filter.append(c)
    case .up, .down, .pageUp, .pageDown:
      isEditingFilter = false
      return press(key, keyMap: keyMap)
    default:
      return []
    }
    refreshRows()
    keepSelectionsVisible()
    return []
  }

  /// Typing the feed's filter: it narrows as you type and follows the newest alert it lists.
  mutating func editFeedFilter(_ key: Key, keyMap: KeyMap) -> [ConsoleEffect] {
    switch key {
    case .enter:
      isEditingFilter = false
      return []
    case .escape:
      isEditingFilter = false
      feed.text = ""
    case .backspace, .control("h"):
      if !feed.text.isEmpty { feed.text.removeLast() }
    case .control("u"):
      feed.text = ""
    case .character(let c):
      feed.text.append(c)
    case .up, .down, .pageUp, .pageDown:
      isEditingFilter = false
      return press(key, keyMap: keyMap)
    default:
      return []
    }
    refreshFeed()
    followNewestAgain()
    return []
  }

  mutating func editJump(_ text: String, _ key: Key) -> [ConsoleEffect] {
    switch key {
    case .enter:
      prompt = nil
      jump(to: text)
    case .escape:
      prompt = nil
    case .backspace, .control("h"):
      prompt = .jump(String(text.dropLast()))
    case .character(let c):
      prompt = .jump(text + String(c))
    default:
      break
    }
    return []
  }

  /// Selects the segment whose ID matches `text` exactly (any case), else the only one it begins.
  mutating func jump(to text: String) {
    let wanted = text.trimmingSpaces().lowercased()
    guard !wanted.isEmpty else { return }
    let segments = displayed.segments
    let exact = segments.first { $0.id.rawValue.lowercased() == wanted }
    let prefixed = segments.filter { $0.id.rawValue.lowercased().hasPrefix(wanted) }
    guard let target = exact ?? (prefixed.count == 1 ? prefixed.first : nil) else {
      say(
        prefixed.isEmpty
          ? l10n.tr("no segment %@", text)
          : l10n.plural(
            "%1$d segment begins with %2$@", "%1$d segments begin with %2$@", count: prefixed.count,
            prefixed.count, text),
        error: true)
      return
    }
    if let position = displayed.segmentPosition(target.id), !rows.contains(position) {
      filter = ""
      refreshRows()
    }
    // The jump shows its segment: a detail open over the table closes, so nothing hides what moved.
    overlay = nil
    overlayScroll = 0
    focus = .segments
    segmentSelection.selected = target.id
    markSeen(target.id.rawValue)
    keepSelectionsVisible()
  }
}
