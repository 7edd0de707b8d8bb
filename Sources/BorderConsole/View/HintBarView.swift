/// The bottom row: the keys for what the operator is looking at, from the key map, with a message
/// or the text being typed; help and quit (or send and cancel) are never dropped.
struct HintBarView {
  let context: ViewContext
  let keyMap: KeyMap

  /// One hint as drawn: the keys and their label.
  struct Item {
    var keys: String
    var label: String
    var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) }
  }

  /// The hints for the state, split into those never dropped and the rest in the order they are
  /// kept: by priority, then in key-map order.
  static func items(for state: ConsoleState, keyMap: KeyMap) -> (essential: [Item], rest: [Item]) {
    let contexts = state.hintContexts
    let context = state.keyContext
    let bindings = keyMap.hints(in: contexts, readOnly: state.readOnly)
    func item(_ binding: KeyBinding) -> Item {
      Item(keys: binding.hintKeyLabel, label: binding.hint(in: context).map(state.l10n.text) ?? "")
    }
    let essential = bindings.filter { $0.priority == .essential }.map(item)
    let rest = bindings.enumerated().filter { $0.element.priority != .essential }
      .sorted { a, b in
        a.element.priority != b.element.priority
          ? a.element.priority > b.element.priority : a.offset < b.offset
      }
      .map { item($0.element) }
    return (essential, rest)
  }

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let bar = c.style(.hintBar)
    grid.fill(rect, style: bar)
    var col = rect.column + 1
    let (essential, rest) = Self.items(for: state, keyMap: keyMap)
    // The essential keys sit at the right end, where the eye finds them at every width.
    let essentialWidth = essential.reduce(0) { $0 + $1.width + 2 }
    let end = rect.right - 1 - essentialWidth
    var at = end + 2
    for item in essential {
      at += put(item, &grid, row: rect.row, column: at) + 2
    }
    // What is not live, or not allowed, is said before anything else.
    var badges: [String] = []
    if state.readOnly { badges.append(c.l10n.tr("READ-ONLY")) }
    if state.overlay != nil, state.historyCursor != nil || state.loadingHistory != nil {
      badges.append(c.l10n.tr("HISTORY", context: "badge"))
    } else if state.overlay != nil, state.frozen != nil {
      badges.append(c.l10n.tr("FROZEN", context: "badge"))
    }
    for badge in badges where col + DisplayWidth.of(badge) + 1 <= end {
      col += grid.put(badge, row: rect.row, column: col, style: c.style(.error).onBar(bar)) + 2
    }
    let prompt: (String, String)?
    if state.isEditingFilter {
      prompt = ("/", state.filterBeingEdited)
    } else if case .jump(let text) = state.prompt {
      prompt = (":", text)
    } else if case .search(let text) = state.prompt {
      prompt = (c.l10n.tr("find in help /"), text)
    } else {
      prompt = nil
    }
    if let (mark, text) = prompt {
      col += grid.put(mark, row: rect.row, column: col, style: c.style(.hintKey))
      col += grid.put(text + "▏", row: rect.row, column: col, limit: max(1, (end - col) / 2), style: bar) + 2
    } else if let message = state.message, message.until > state.now {
      let style = (message.isError ? c.style(.error) : c.style(.prompt)).onBar(bar)
      grid.put(message.text, row: rect.row, column: col, limit: max(0, end - col), style: style)
      return
    }
    for item in rest where col + item.width <= end {
      col += put(item, &grid, row: rect.row, column: col) + 2
    }
    let about =
      state.focus == .alerts
      ? c.l10n.tr("matches segment, alert ID, text, type or reporter")
      : c.l10n.tr("matches ID, name, district, region, settlement (Latin or Cyrillic; е = ё)")
    if state.isEditingFilter, col + DisplayWidth.of(about) <= end {
      grid.put(about, row: rect.row, column: col, style: bar)
    }
  }

  /// Draws one hint; returns its width.
  private func put(_ item: Item, _ grid: inout Grid, row: Int, column: Int) -> Int {
    let keys = grid.put(item.keys, row: row, column: column, style: context.style(.hintKey))
    return keys + grid.put(" " + item.label, row: row, column: column + keys, style: context.style(.hintBar))
  }
}
