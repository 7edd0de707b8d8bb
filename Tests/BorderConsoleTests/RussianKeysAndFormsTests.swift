import BorderModel
import Foundation
import Testing

@testable import BorderConsole

/// The English texts of the interface, from the sources (not from the catalog: a message missing
/// from ru.po is still looked for), as the pieces a screen would show between placeholders.
enum EnglishPieces {
  /// Key names and the like that stay as printed on keyboards or are the same in both languages.
  static let sameInBothLanguages: Set<String> = ["Enter", "Esc", "Tab", "Space", "Home", "End", "OSC 52"]

  /// Every piece of every message the sources pass to `tr`, `plural` or `.tr`, with where it comes from:
  /// pieces with a word of three or more Latin letters, leaving out those the Russian catalog's own
  /// translation of the message keeps (`UTC`, `ID`), which are the same in both languages.
  static func all() throws -> [(piece: String, place: String)] {
    let (uses, _) = try SourceMessages.scan()
    let catalog = try #require(Localizer.shippedCatalog(.russian)).get()
    var found: [String: String] = [:]
    for use in uses {
      let russian = catalog.translations(context: use.context, id: use.id)?.joined(separator: "\n") ?? ""
      for text in [use.id] + (use.plural.map { [$0] } ?? []) {
        for piece in pieces(of: text) where !russian.contains(piece) && !sameInBothLanguages.contains(piece) {
          found[piece] = found[piece] ?? use.place
        }
      }
    }
    return found.map { ($0.key, $0.value) }.sorted { $0.piece < $1.piece }
  }

  /// The literal parts of a message between its placeholders, trimmed, that hold a Latin word of 3+ letters.
  static func pieces(of text: String) -> [String] {
    var parts: [String] = []
    Placeholders.forEach(text) { piece in
      if case .text(let literal) = piece { parts.append(String(literal)) }
    }
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { part in
      part.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).contains { $0.count >= 3 }
    }
  }

  /// The pieces a screen shows as words of their own (not inside a longer Latin word).
  static func shown(in screen: String, pieces: [(piece: String, place: String)]) -> [String] {
    pieces.compactMap { piece, place in
      var search = screen.startIndex..<screen.endIndex
      while let range = screen.range(of: piece, range: search) {
        let before =
          range.lowerBound > screen.startIndex ? screen[screen.index(before: range.lowerBound)] : " "
        let after = range.upperBound < screen.endIndex ? screen[range.upperBound] : " "
        if !(before.isASCII && before.isLetter) && !(after.isASCII && after.isLetter) {
          return "'\(piece)' (\(place))"
        }
        search = range.upperBound..<screen.endIndex
      }
      return nil
    }
  }
}

/// Keys pressed in order.
private func press(_ state: inout ConsoleState, _ keys: Key...) {
  for key in keys { _ = state.handle(.key(key)) }
}

/// The sample in a language at a size.
private func console(_ l10n: Localizer, columns: Int, rows: Int) throws -> ConsoleState {
  var state = try SampleConsole.state(columns: columns, rows: rows)
  state.l10n = l10n
  return state
}

/// The keys that bring the sample's console to a context.
private func keys(to context: KeyContext) -> [Key] {
  switch context {
  case .segments: return []
  case .meetings: return [.tab]
  case .alerts: return [.tab, .tab]
  case .segmentDetail: return [.enter]
  case .meetingDetail: return [.tab, .enter]
  case .alertDetail: return [.tab, .tab, .enter]
  case .help: return [.character("?")]
  case .choiceField: return [.character("i")]
  case .textField: return [.character("i"), .tab, .tab]
  case .filterPrompt: return [.character("/")]
  case .jumpPrompt: return [.character(":")]
  case .searchPrompt: return [.character("?"), .character("/")]
  case .past: return [.character("f")]
  }
}

/// Every line help shows from its top to its end, paging with Space; below the header (which holds the
/// situation's title, data in its own language).
private func wholeHelp(_ state: ConsoleState) -> (text: String, end: String) {
  var state = state
  press(&state, .character("?"))
  func belowHeader() -> String {
    ConsoleView.render(state).text.split(separator: "\n").dropFirst().joined(separator: "\n")
  }
  var text = belowHeader()
  for _ in 0..<60 {
    let scroll = state.overlayScroll
    press(&state, .character(" "))
    if state.overlayScroll == scroll { break }
    text += "\n" + belowHeader()
  }
  return (text, belowHeader())
}

/// The sizes the Russian keys are walked at.
private let sizes: [(Int, Int)] = [(64, 20), (80, 24), (120, 40)]

@Suite("Keys and help in Russian and English (issue 15)")
struct RussianKeysTests {
  @Test("every text of every key map entry has its Russian in the catalog")
  func everyBindingTranslated() {
    var missing: [String] = []
    for binding in KeyMap.standard.bindings {
      for message in binding.messages where !Localizer.russian.isTranslated(message) {
        missing.append("\(binding.keyLabel): \"\(message.id)\" (\(message.context ?? "no context"))")
      }
    }
    #expect(missing.isEmpty, "key map texts without Russian: \(missing)")
  }

  @Test(
    "every key in every context, in both languages: the bar and help show each entry's words, none in the other language"
  )
  func walkEveryKey() throws {
    let english = try EnglishPieces.all()
    #expect(english.count > 200, "the sources' English texts are found (\(english.count))")
    for (columns, rows) in sizes {
      for l10n in [Localizer.english, .russian] {
        let start = try console(l10n, columns: columns, rows: rows)
        let help = wholeHelp(start)
        for binding in KeyMap.standard.bindings {
          #expect(
            help.text.contains(String(l10n.text(binding.summary).prefix(12))),
            "\(l10n.language) \(columns)x\(rows): help lists \(binding.keyLabel): \(l10n.text(binding.summary))"
          )
          #expect(
            help.text.contains(l10n.text(binding.group)), "\(l10n.language): help's section \(binding.group)")
        }
        var screens = [help.text]
        for context in KeyContext.allCases {
          var state = start
          for key in keys(to: context) { press(&state, key) }
          let grid = ConsoleView.render(state)
          let bar = grid.line(grid.height - 1)
          screens.append(bar)
          // The keys of the context that fit: each with its words in this language.
          for binding in KeyMap.standard.hints(in: state.hintContexts, readOnly: false)
          where binding.priority == .essential {
            let label = binding.hintKeyLabel + " " + l10n.text(binding.hint(in: state.keyContext)!)
            #expect(bar.contains(label), "\(l10n.language) \(columns)x\(rows) \(context): \(label) in \(bar)")
          }
        }
        if l10n.language == .russian {
          for screen in screens {
            let left = EnglishPieces.shown(in: screen, pieces: english)
            #expect(left.isEmpty, "\(columns)x\(rows): English on a Russian screen: \(left)\n\(screen)")
          }
        }
      }
    }
  }

  @Test(
    "in Russian at 64x20 and 80x24: ? справка and q выход always; at 80x24 the focused pane's action keys")
  func narrowBar() throws {
    for (columns, rows) in [(64, 20), (80, 24)] {
      var state = try console(.russian, columns: columns, rows: rows)
      for pane in ["segments", "meetings", "alerts"] {
        let grid = ConsoleView.render(state)
        let bar = grid.line(grid.height - 1)
        #expect(bar.contains("? справка") && bar.contains("q выход"), "\(columns)x\(rows) \(pane): \(bar)")
        if columns >= 80 {
          let wanted =
            pane == "alerts"
            ? ["a подтв.", "x закрыть", "l уровень", "n заметка", "u неподтв."]
            : pane == "segments" ? ["i новое", "n заметка"] : ["n заметка"]
          for hint in wanted { #expect(bar.contains(hint), "\(columns)x\(rows) \(pane): \(hint) in \(bar)") }
        }
        press(&state, .tab)
      }
    }
  }

  @Test("every Russian abbreviation the bar or the panes use at narrow widths is explained in help's legend")
  func abbreviationsInLegend() throws {
    let help = wholeHelp(try console(.russian, columns: 80, rows: 24)).text
    #expect(help.contains("Сокращения"))
    let forms = Localizer.russian.shortForms
    for short in [
      "подтв.", "неподтв.", "отн.стаб.", "вооруж.", "делимитир.", "демаркир.", "БШК", "ДШБ", "РГ топогр.",
      "погрслужбы", "не подтв.", "Посл.", "прот.", "КР / РТ", "КПП", "м ч д мес г",
    ] {
      guard let form = forms.first(where: { $0.short == short }) else {
        Issue.record("\(short) is not among the short forms")
        continue
      }
      let first = form.meaning.split(separator: " ").prefix(2).joined(separator: " ")
      #expect(
        help.contains(short.padded(to: HelpContent.keyWidth) + first),
        "the legend explains \(short): \(form.meaning)")
    }
    #expect(Localizer.english.shortForms.isEmpty, "English help keeps its legend as it was")
  }

  @Test("help scrolled to its end in Russian at 80x24 and 64x20")
  func helpSnapshots() throws {
    for (columns, rows) in [(64, 20), (80, 24)] {
      var state = try console(.russian, columns: columns, rows: rows)
      press(&state, .character("?"), .character("G"))
      let text = ConsoleView.render(state).text
      #expect(text.contains("конец ·"), "\(columns)x\(rows): the end of help says so in Russian")
      expectSnapshot(text + "\n", named: "ru-help-end-\(columns)x\(rows)")
    }
  }

  @Test("the bar in Russian in each context, at 64x20 and 80x24")
  func barSnapshots() throws {
    for (columns, rows) in [(64, 20), (80, 24)] {
      var lines: [String] = []
      for context in KeyContext.allCases {
        var state = try console(.russian, columns: columns, rows: rows)
        for key in keys(to: context) { press(&state, key) }
        let grid = ConsoleView.render(state)
        lines.append(
          "\(context)".padding(toLength: 14, withPad: " ", startingAt: 0) + "|" + grid.line(grid.height - 1))
      }
      expectSnapshot(lines.joined(separator: "\n") + "\n", named: "ru-hints-\(columns)x\(rows)")
    }
  }

  @Test("finding a word in Russian help: the messages in Russian, the Russian words found")
  func searchInRussian() throws {
    var state = try console(.russian, columns: 80, rows: 24)
    press(&state, .character("?"), .character("n"))
    #expect(state.message?.text == "сначала нажмите /, чтобы найти слово в справке")
    press(&state, .character("/"))
    let grid = ConsoleView.render(state)
    #expect(grid.line(grid.height - 1).contains("найти в справке /"))
    for c in "курсор" { press(&state, .character(c)) }
    press(&state, .enter)
    #expect(state.overlayScroll > 0, "help scrolled to a line with the Russian word")
    #expect(ConsoleView.render(state).line(2).lowercased().contains("курсор"))
    press(&state, .character("/"))
    for c in "zzz" { press(&state, .character(c)) }
    press(&state, .enter)
    #expect(state.message?.text == "в справке нет: zzz")
  }
}

/// Every form the console has, as the operator reaches it by keys from the sample's main view.
private let formCases: [(name: String, keys: [Key])] = [
  ("acknowledge", [.backTab, .character("a")]),
  ("resolve", [.backTab, .character("x")]),
  ("change level", [.backTab, .character("l")]),
  ("raise on a segment", [.character("i")]),
  ("raise on an alert's segment", [.backTab, .character("i")]),
  ("note on a segment", [.character("n")]),
  ("note on an alert", [.backTab, .character("n")]),
  ("note on a meeting", [.tab, .character("n")]),
]

/// The journal bringing one event made by someone else.
private func arrive(_ state: inout ConsoleState, _ payloads: [EventPayload], by: String = "bob") {
  var live = state.live
  var events: [JournalEvent] = []
  for (index, payload) in payloads.enumerated() {
    let event = JournalEvent(seq: 900 + UInt64(index), at: state.now, by: by, payload: payload)
    guard case .success = live.apply(event) else {
      Issue.record("the test's event applies: \(payload)")
      return
    }
    events.append(event)
  }
  _ = state.handle(.journal(JournalNews(situation: live, events: events, touches: [])))
}

/// What someone else does to a form's target meanwhile: every change a form's notice words.
private func changesByOthers(_ purpose: FormPurpose, _ target: ActionTarget) -> [EventPayload] {
  switch target {
  case .alert(let alert, _):
    return [
      .alertAcknowledged(alert: alert.id, note: nil), .alertResolved(alert: alert.id, note: nil),
    ]
  case .segment(let segment):
    return [
      .segmentStatusChanged(
        segment: segment.id, status: .disputed == segment.status ? .described : .disputed, note: nil),
      .segmentLevelSet(
        segment: segment.id, level: segment.alertLevel == .escalation ? .stable : .escalation, reason: nil),
    ]
  case .meeting(let meeting):
    return [.meetingHeld(meeting: meeting.id, outcome: MeetingOutcome())]
  }
}

/// The form alone, as drawn over the screen (the panes behind it hold data in its own language).
private func formText(_ state: ConsoleState) -> String {
  let c = ViewContext(state: state, theme: .defaultDark, glyphs: .unicode)
  var grid = Grid(width: state.size.columns, height: state.size.rows)
  if let form = state.form { FormView(context: c).draw(form, into: &grid, within: c.layout.main) }
  return grid.text
}

/// A form's screen without the lines that show the target's free text or Latin-only names (data
/// keeps its own language): the lines holding the start of one of `data`.
private func withoutData(_ text: String, _ data: [String]) -> String {
  let starts = data.map { String($0.prefix(12)) }.filter { $0.count >= 6 }
  return text.split(separator: "\n").filter { line in !starts.contains { line.contains($0) } }
    .joined(separator: "\n")
}

/// The target's data that may be Latin on a Russian form.
private func dataOf(_ state: ConsoleState) -> [String] {
  guard let target = state.form?.target else { return [] }
  switch target {
  case .alert(let alert, let name):
    return [alert.report.text, alert.raisedBy, name ?? ""]
      + alert.report.text.split(separator: "\n").map(String.init)
  case .segment(let segment): return [segment.name.latin]
  case .meeting(let meeting): return [meeting.venue?.latin ?? ""]
  }
}

@Suite("Forms in Russian and English (issue 15)")
struct RussianFormsTests {
  /// Every screen of a form: each field focused, each option of each choice, the errors a field can
  /// show, and what someone else did meanwhile.
  static func walk(_ name: String, _ keys: [Key], _ l10n: Localizer, columns: Int, rows: Int) throws -> (
    screens: [String], form: ActionForm, data: [String]
  ) {
    var state = try SampleConsole.state(columns: columns, rows: rows)
    state.l10n = l10n
    for key in keys { press(&state, key) }
    let opened = try #require(state.form, "\(name) opens a form")
    var screens: [String] = []
    screens.append(formText(state))
    // Enter on an empty required field says so (a form with none would be sent).
    if opened.missingField != nil {
      press(&state, .enter)
      screens.append(formText(state))
    }
    for _ in opened.fields {
      let field = state.form!.fields[state.form!.focused]
      switch field.kind {
      case .choice(let options, _):
        for _ in options {
          press(&state, .right)
          screens.append(formText(state))
        }
      case .text(_, let limit):
        // Two bytes each: one more than the limit (in bytes of UTF-8) allows.
        for _ in 0...(limit / 2) { press(&state, .character("ж")) }
        #expect(state.form?.error != nil, "\(name): the limit of \(field.label) is said")
        screens.append(formText(state))
        press(&state, .control("u"))
        if field.name == .occurred {
          for c in "yesterday" { press(&state, .character(c)) }
          press(&state, .enter)
          screens.append(formText(state))
          press(&state, .control("u"))
        } else if !field.optional {
          for c in "два слова" { press(&state, .character(c)) }
        }
      }
      press(&state, .tab)
      screens.append(formText(state))
    }
    let form = try #require(state.form)
    arrive(&state, changesByOthers(form.purpose, form.target))
    screens.append(formText(state))
    #expect(state.form?.notice != nil, "\(name): the form says what changed")
    return (screens, form, dataOf(state))
  }

  @Test("every form, every field, choice, error and notice: Russian with no English left, English as before")
  func walkEveryForm() throws {
    let english = try EnglishPieces.all()
    var kinds: Set<String> = []
    for (columns, rows) in sizes {
      for (name, keys) in formCases {
        let ru = try Self.walk(name, keys, .russian, columns: columns, rows: rows)
        let en = try Self.walk(name, keys, .english, columns: columns, rows: rows)
        switch ru.form.purpose {
        case .acknowledge: kinds.insert("acknowledge")
        case .resolve: kinds.insert("resolve")
        case .changeLevel: kinds.insert("level")
        case .raiseAlert: kinds.insert("raise")
        case .addNote:
          switch ru.form.target {
          case .segment: kinds.insert("note on a segment")
          case .alert: kinds.insert("note on an alert")
          case .meeting: kinds.insert("note on a meeting")
          }
        }
        #expect(ru.form.purpose == en.form.purpose)
        let russianText = ru.screens.joined(separator: "\n")
        let englishText = en.screens.joined(separator: "\n")
        // The form's own words are on screen in its language.
        let title = String(ru.form.title.prefix(columns - 12))
        #expect(russianText.contains(title), "\(name) \(columns)x\(rows): the title \(title)")
        #expect(englishText.contains(String(en.form.title.prefix(columns - 12))))
        for field in ru.form.fields { #expect(russianText.contains(field.label), "\(name): \(field.label)") }
        #expect(russianText.contains("Enter отправить") && russianText.contains("Esc отмена"), "\(name)")
        #expect(englishText.contains("Enter send") && englishText.contains("Esc cancel"), "\(name)")
        // The limit refusal names the journal's field (`note`, `text`) as the command line does.
        let left = EnglishPieces.shown(
          in: withoutData(russianText, ru.data).split(separator: "\n").filter { !$0.contains(" байт") }
            .joined(separator: "\n"), pieces: english)
        #expect(left.isEmpty, "\(name) \(columns)x\(rows): English on a Russian form: \(left)")
        if !left.isEmpty { print(withoutData(russianText, ru.data)) }
      }
    }
    #expect(
      kinds == [
        "acknowledge", "resolve", "level", "raise", "note on a segment", "note on an alert",
        "note on a meeting",
      ], "every form is walked")
  }

  @Test("the Russian forms' words: titles with the Cyrillic name first, choices, warnings, errors, notices")
  func russianWords() throws {
    var state = try SampleConsole.state(columns: 120, rows: 40)
    state.l10n = .russian
    press(&state, .backTab, .character("a"))
    #expect(state.form?.title == "Подтвердить AL-NOW-AKSAI")
    #expect(state.form?.warning == "Подтверждение записывается с вашим именем и не может быть отменено.")
    for c in "звоним в Баткен" { press(&state, .character(c)) }
    arrive(&state, [.alertAcknowledged(alert: "AL-NOW-AKSAI", note: nil)])
    #expect(state.form?.notice == "после открытия формы AL-NOW-AKSAI подтверждено: bob, только что")
    #expect(formText(state).contains("подтверждено: bob, только что"), "the target's state in Russian")
    #expect(state.form?.value("Note") == "звоним в Баткен", "what was typed stays")
    press(&state, .escape)
    // The raise form on a segment with a Cyrillic name.
    press(&state, .character("g"), .down, .character("i"))
    let raise = try #require(state.form)
    guard case .segment(let segment) = raise.target, let cyrillic = segment.name.cyrillic else {
      Issue.record("A-02 has a Cyrillic name in the sample")
      return
    }
    #expect(raise.title == "Новое оповещение: \(segment.id) \(cyrillic)")
    #expect(raise.value(.level) == "3 напряжённо" && raise.value(.type) == "вооружённое столкновение")
    #expect(raise.value(.side) == "не указана" && raise.value(.confidence) == "не проверено")
    press(&state, .tab, .tab, .enter)
    #expect(state.form?.error == "нужно заполнить: Текст")
    for c in "перестрелка у канала" { press(&state, .character(c)) }
    press(&state, .tab, .character("т"), .tab, .character("п"), .tab)
    #expect(state.form?.value(.side) == "Таджикистан" && state.form?.value(.confidence) == "подтверждено")
    for c in "вчера" { press(&state, .character(c)) }
    #expect(state.handle(.key(.enter)).isEmpty)
    #expect(
      state.form?.error == "Произошло: «вчера» — не время RFC 3339 (нужно, например, 2024-05-19T09:00:00Z)")
    press(&state, .control("u"))
    for c in "2026-11-29T10:40:00+05:00" { press(&state, .character(c)) }
    guard case .append(let draft)? = state.handle(.key(.enter)).first,
      case .alertRaised(let report) = draft.event.payload
    else {
      Issue.record("the Russian form sends: \(String(describing: state.form?.error))")
      return
    }
    #expect(report.level == .tense && report.type == .armedClash && report.reportingSide == .tajikistan)
    #expect(report.confidence == .confirmed && report.text == "перестрелка у канала")
  }

  @Test("a Russian form at 80x24 and 64x20, and one saying what changed")
  func snapshots() throws {
    for (columns, rows) in [(64, 20), (80, 24)] {
      var state = try SampleConsole.state(columns: columns, rows: rows)
      state.l10n = .russian
      press(&state, .character("i"))
      expectSnapshot(ConsoleView.render(state).text + "\n", named: "ru-form-raise-\(columns)x\(rows)")
      state = try SampleConsole.state(columns: columns, rows: rows)
      state.l10n = .russian
      press(&state, .backTab, .character("l"))
      arrive(
        &state,
        [
          .alertAcknowledged(alert: "AL-NOW-AKSAI", note: nil),
          .alertResolved(alert: "AL-NOW-AKSAI", note: nil),
        ], by: "carol")
      expectSnapshot(ConsoleView.render(state).text + "\n", named: "ru-form-level-changed-\(columns)x\(rows)")
    }
  }
}
