import BorderConsole
import BorderModel
import Testing

/// Keys pressed in order.
private func press(_ state: inout ConsoleState, _ keys: Key...) {
  for key in keys { _ = state.handle(.key(key)) }
}

/// The bottom row as the operator reads it.
private func hintBar(_ state: ConsoleState, glyphs: GlyphSet = .unicode) -> String {
  let grid = ConsoleView.render(state, glyphs: glyphs)
  return grid.line(grid.height - 1)
}

/// The sizes the console is checked at: the minimum, the classic terminal, the usual and a wide one.
private let sizes: [(Int, Int)] = [(64, 20), (80, 24), (120, 40), (250, 60)]

/// A console at a size, brought by keys to a context.
private func console(in context: KeyContext, columns: Int = 120, rows: Int = 40) throws -> ConsoleState {
  var state = try SampleConsole.state(columns: columns, rows: rows)
  switch context {
  case .segments: break
  case .meetings: press(&state, .tab)
  case .alerts: press(&state, .tab, .tab)
  case .segmentDetail: press(&state, .enter)
  case .meetingDetail: press(&state, .tab, .enter)
  case .alertDetail: press(&state, .tab, .tab, .enter)
  case .help: press(&state, .character("?"))
  case .choiceField: press(&state, .character("i"))
  case .textField: press(&state, .character("i"), .tab, .tab)
  case .filterPrompt: press(&state, .character("/"))
  case .jumpPrompt: press(&state, .character(":"))
  case .searchPrompt: press(&state, .character("?"), .character("/"))
  case .past: press(&state, .character("f"))
  }
  #expect(state.keyContext == context || context == .past, "the keys reach \(context)")
  return state
}

@Suite("The hint bar offers the keys for what is on screen")
struct HintBarTests {
  @Test("? help and q quit are on the bar at every size, with the focused pane's action keys (ux bug 3)")
  func essentialsAtEverySize() throws {
    for (columns, rows) in sizes {
      var state = try SampleConsole.state(columns: columns, rows: rows)
      for pane in ["segments", "meetings", "alerts"] {
        let bar = hintBar(state)
        #expect(bar.contains("? help") || bar.contains("?/F1 help"), "\(columns)x\(rows) \(pane): \(bar)")
        #expect(bar.contains("q quit"), "\(columns)x\(rows) \(pane): \(bar)")
        if pane == "alerts" && columns >= 80 {
          for hint in ["a ack", "x resolve"] {
            #expect(bar.contains(hint), "\(columns)x\(rows) alerts: \(hint) in \(bar)")
          }
        }
        if pane == "segments" && columns >= 80 {
          #expect(bar.contains("i raise"), "\(columns)x\(rows) segments: \(bar)")
        }
        press(&state, .tab)
      }
    }
  }

  @Test("the bar in each context, at each size")
  func snapshots() throws {
    for (columns, rows) in sizes {
      var lines: [String] = []
      for context in KeyContext.allCases {
        let state = try console(in: context, columns: columns, rows: rows)
        lines.append(pad("\(context)") + "|" + hintBar(state))
      }
      var readOnly = try SampleConsole.state(columns: columns, rows: rows)
      readOnly.readOnly = true
      for _ in 0..<3 {
        lines.append(pad("read-only") + "|" + hintBar(readOnly))
        press(&readOnly, .tab)
      }
      expectSnapshot(lines.joined(separator: "\n") + "\n", named: "hints-\(columns)x\(rows)")
    }
  }

  @Test("a form's bar offers its own keys, not the main view's; a text field does not say choose (ux bug 19)")
  func formKeys() throws {
    let raise = hintBar(try console(in: .choiceField, columns: 80, rows: 24))
    #expect(raise.contains("Enter send") && raise.contains("Esc cancel") && raise.contains("←→ choose"))
    #expect(!raise.contains("sort") && !raise.contains("filter"), "\(raise)")
    let note = hintBar(try console(in: .textField, columns: 80, rows: 24))
    #expect(note.contains("Enter send") && note.contains("Esc cancel"), "\(note)")
    #expect(!note.contains("choose"), "\(note)")
  }

  @Test("every key map entry is in help, and in the bar at 120x40 for each context it is hinted in")
  func everyEntryReachable() throws {
    let help = try fullHelp(columns: 120, rows: 40)
    for binding in KeyMap.standard.bindings {
      let start = binding.summary.id.split(separator: " ").prefix(3).joined(separator: " ")
      #expect(help.contains(binding.keyLabel), "help lists the keys \(binding.keyLabel)")
      #expect(help.contains(start), "help lists \(binding.keyLabel): \(binding.summary)")
      for context in binding.hintContexts {
        var state = try console(in: context == .past ? .segments : context)
        if context == .past { press(&state, .character("f")) }
        let label = binding.hintKeyLabel + " " + (binding.hint(in: state.keyContext)?.id ?? "")
        #expect(hintBar(state).contains(label), "\(label) in the bar in \(context): \(hintBar(state))")
      }
    }
  }

  @Test("no two entries claim one key in one context")
  func noClashes() {
    for (key, context, first, second) in KeyMap.standard.clashes {
      Issue.record("\(key.label) in \(context): \(first.summary) / \(second.summary)")
    }
  }

  @Test("each key a form or prompt entry lists does what it says there")
  func formEntriesAct() throws {
    for binding in KeyMap.standard.bindings {
      for context in binding.contexts.intersection(KeyContext.form.union(KeyContext.prompts)) {
        for key in binding.keys {
          var state = try console(in: context)
          if context == .textField || context == .filterPrompt || context == .jumpPrompt
            || context == .searchPrompt
          {
            // Text to edit, with the cursor in its middle.
            for c in "ab cd" { press(&state, .character(c)) }
            press(&state, .left)
          }
          let before = "\(state.form as Any)|\(state.filter)|\(state.prompt as Any)|\(state.isEditingFilter)"
          press(&state, key)
          let after = "\(state.form as Any)|\(state.filter)|\(state.prompt as Any)|\(state.isEditingFilter)"
          #expect(before != after, "\(key.label) in \(context) (\(binding.summary)) changed nothing")
          if before == after { print("UNCHANGED \(key.label) in \(context)") }
        }
      }
    }
  }
}

/// Every line help shows, paging through it with Space from the top.
private func fullHelp(columns: Int, rows: Int, readOnly: Bool = false) throws -> String {
  var state = try SampleConsole.state(columns: columns, rows: rows)
  state.readOnly = readOnly
  press(&state, .character("?"))
  var text = ConsoleView.render(state).text
  for _ in 0..<40 {
    let scroll = state.overlayScroll
    press(&state, .character(" "))
    if state.overlayScroll == scroll { break }
    text += ConsoleView.render(state).text
  }
  return text
}

@Suite("Help scrolls, finds words and lists every key and glyph")
struct HelpScreenTests {
  @Test("help at 80x24 reaches the Act and Console keys and the legend by paging (ux bug 3, (b) 7)")
  func pagesToItsEnd() throws {
    var state = try SampleConsole.state(columns: 80, rows: 24)
    press(&state, .character("?"))
    let top = ConsoleView.render(state).text
    #expect(top.contains("more"), "the first page says there is more")
    press(&state, .character(" "))
    #expect(state.overlay == .help, "Space pages help rather than closing it")
    press(&state, .character("G"))
    let end = ConsoleView.render(state).text
    #expect(end.contains("end ·"), "the last page says it is the end")
    #expect(end.contains("Dushanbe (UTC+5)"), "the legend's last line is on the last page")
    press(&state, .character("g"))
    #expect(state.overlayScroll == 0)
    press(&state, .character("q"))
    #expect(state.overlay == nil, "q closes help and does not quit")
  }

  @Test("help scrolled to its end, at each size")
  func endSnapshots() throws {
    for (columns, rows) in sizes {
      var state = try SampleConsole.state(columns: columns, rows: rows)
      press(&state, .character("?"), .character("G"))
      expectSnapshot(ConsoleView.render(state).text + "\n", named: "help-end-\(columns)x\(rows)")
    }
  }

  @Test("help lists every glyph of the glyph set in use, and the form keys")
  func legend() throws {
    for glyphs in [GlyphSet.unicode, .ascii] {
      var state = try SampleConsole.state(columns: 80, rows: 24)
      press(&state, .character("?"))
      var text = ""
      for _ in 0..<40 {
        text += ConsoleView.render(state, glyphs: glyphs).text
        press(&state, .pageDown)
      }
      for entry in glyphs.legend() where entry.glyph != " " {
        #expect(text.contains(entry.glyph + " ") && text.contains(entry.meaning.prefix(20)), "\(entry)")
      }
      for status in DemarcationStatus.allCases {
        #expect(text.contains("\(glyphs.status(status)) \(status.label)"))
      }
      for level in AlertLevel.allCases {
        #expect(text.contains("\(glyphs.level(level)) \(level.rawValue) \(level.label)"))
      }
      #expect(text.contains("Forms and prompts") && text.contains("Delete the word before the cursor"))
    }
  }

  @Test("/ finds a word in help; n finds it again further on; N goes back")
  func search() throws {
    var state = try SampleConsole.state(columns: 80, rows: 24)
    press(&state, .character("?"), .character("/"))
    #expect(state.keyContext == .searchPrompt)
    for c in "delete" { press(&state, .character(c)) }
    #expect(hintBar(state).contains("find in help /delete"))
    press(&state, .enter)
    let first = state.overlayScroll
    #expect(first > 0, "help scrolled to the first line with the word")
    let screen = ConsoleView.render(state)
    #expect(screen.line(2).lowercased().contains("delete"), "the line found is at the top: \(screen.line(2))")
    #expect(screen.line(2).hasPrefix("│▶"), "and marked")
    press(&state, .character("n"))
    #expect(state.overlayScroll > first)
    press(&state, .character("N"))
    #expect(state.overlayScroll == first)
    press(&state, .character("/"))
    for c in "zzzz" { press(&state, .character(c)) }
    press(&state, .enter)
    #expect(hintBar(state).contains("not in help: zzzz"))
  }
}

@Suite("A read-only console says so and offers no actions")
struct ReadOnlyConsoleTests {
  @Test("READ-ONLY in the header and the bar; no action keys offered; help marks them (ux bug 19)")
  func readOnly() throws {
    for (columns, rows) in sizes {
      var state = try SampleConsole.state(columns: columns, rows: rows)
      state.readOnly = true
      press(&state, .tab, .tab)
      let grid = ConsoleView.render(state)
      #expect(grid.line(0).contains("READ-ONLY"), "header at \(columns)x\(rows): \(grid.line(0))")
      let bar = grid.line(grid.height - 1)
      #expect(bar.contains("READ-ONLY"), "\(bar)")
      for hint in ["a ack", "x resolve", "l level", "i raise", "n note"] {
        #expect(!bar.contains(hint), "\(hint) is not offered: \(bar)")
      }
      #expect(bar.contains("q quit"))
    }
    let help = try fullHelp(columns: 80, rows: 24, readOnly: true)
    #expect(help.contains("unavailable: read-only"))
  }
}

/// A label padded to a column of 14.
private func pad(_ text: String) -> String {
  text + String(repeating: " ", count: max(0, 14 - text.count))
}
