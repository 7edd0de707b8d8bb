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
