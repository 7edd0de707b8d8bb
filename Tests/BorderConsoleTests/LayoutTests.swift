import BorderConsole
import BorderModel
import Foundation
import Testing

/// The four sizes the console is looked at: the smallest it draws, the classic terminal, the usual, a wide one.
let screenSizes = [(64, 20), (80, 24), (120, 40), (250, 60)]

@Suite("Narrow and wide screens (issue 10)")
struct LayoutTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) {
    for key in keys { _ = state.handle(.key(key)) }
  }

  /// The rows of a pane whose title starts with `title`, between its borders.
  func paneRows(_ text: String, title: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let top = lines.firstIndex(where: { $0.contains("─ \(title)") }) else { return [] }
    let column =
      lines[top].distance(
        from: lines[top].startIndex, to: lines[top].range(of: "─ \(title)")!.lowerBound) - 1
    var rows: [String] = []
    for line in lines[(top + 1)...] {
      let characters = Array(line)
      guard column < characters.count, characters[column] == "│" else { break }
      let rest = characters[(column + 1)...]
      guard let end = rest.firstIndex(of: "│") else { break }
      rows.append(String(characters[(column + 1)..<end]))
    }
    return rows
  }

  @Test("every glyph set's glyphs are pairwise distinct: no glyph means two things (ux bug 16)")
  func glyphsDistinct() {
    for (name, set) in [("unicode", GlyphSet.unicode), ("ascii", GlyphSet.ascii)] {
      let marks = set.marks
      #expect(marks.count >= 20, "\(name): every meaning is listed")
      for i in marks.indices {
        for j in marks.indices where j > i {
          #expect(
            marks[i].glyph != marks[j].glyph,
            "\(name): '\(marks[i].glyph)' means both \(marks[i].meaning) and \(marks[j].meaning)")
        }
      }
    }
    #expect(GlyphSet.ascii.marks.allSatisfy { $0.glyph.unicodeScalars.allSatisfy(\.isASCII) })
  }

  @Test("in ASCII, a title's separator is not the unacknowledged mark (ux bug 16)")
  func asciiSeparator() throws {
    let state = try SampleConsole.state(columns: 80, rows: 24)
    let text = ConsoleView.render(state, glyphs: .ascii).text
    #expect(text.contains("Segments 52 | by west->east"), "\(text)")
    #expect(text.contains("Alerts | ") && !text.contains("Alerts * "), "\(text)")
  }

  @Test("the header keeps the alert counts at every width, and drops the title before the clocks (ux bug 8)")
  func headerPriorities() throws {
    let base = try SampleConsole.state()
    let title = base.live.title
    for columns in 64...250 {
      var state = base
      _ = state.handle(.resize(ScreenSize(columns: columns, rows: 40)))
      let header = ConsoleView.render(state).line(0)
      #expect(header.contains("◆1 ▲2 ○1"), "\(columns): open counts by level in \(header)")
      #expect(
        header.contains("●3") || header.contains("● 3 unacked"), "\(columns): unacknowledged in \(header)")
      let allClocks = header.contains("BIS") || header.contains("Bishkek")
      if !allClocks {
        #expect(!header.contains(title), "\(columns): the title goes before the clocks: \(header)")
      }
      if !header.contains("UTC") { #expect(!header.contains("live"), "\(columns): \(header)") }
      if !header.contains("unacked") {
        #expect(!header.contains("UTC"), "\(columns): words go last: \(header)")
      }
    }
    var narrow = base
    _ = narrow.handle(.resize(ScreenSize(columns: 64, rows: 20)))
    #expect(ConsoleView.render(narrow).line(0).contains("● 3 unacked"), "room for the word at 64 columns")
    var wide = base
    _ = wide.handle(.resize(ScreenSize(columns: 250, rows: 60)))
    let line = ConsoleView.render(wide).line(0)
    #expect(line.contains(title) && line.contains("Bishkek") && line.contains("open"), "\(line)")
  }

  @Test("the Last column always fits its age: 19h, 3d, 11mo, 4y (ux bug 13)")
  func lastColumn() throws {
    for (hours, age) in [(19, "19h"), (23, "23h"), (24 * 3, "3d"), (24 * 29, "29d"), (24 * 340, "11mo")] {
      var state = try SampleConsole.state()
      // A-02's last event is 30 minutes old at the sample's moment.
      _ = state.handle(.tick(SampleConsole.now.adding(seconds: Int64(hours * 3600 - 30 * 60))))
      let row =
        paneRows(ConsoleView.render(state).text, title: "Segments").first { $0.contains("A-02") } ?? ""
      #expect(row.hasSuffix(" \(age)"), "A-02 after \(hours)h: \(row)")
      #expect(!row.contains("…"))
    }
  }

  @Test("sorting by level or status puts the worst first, shows the top, ties west to east (ux bug 7)")
  func worstFirst() throws {
    var state = try SampleConsole.state()
    press(&state, .character(":"))
    for c in "C-02" { _ = state.handle(.key(.character(c))) }
    press(&state, .enter)
    #expect(state.segmentSelection.offset > 0, "C-02 is below the first page")
    press(&state, .character("s"))
    #expect(state.sort == .level)
    let segments = state.live.segments
    let levels = state.rows.map { state.cache.effectiveLevels[$0] }
    #expect(levels == levels.sorted(by: >), "worst level first")
    #expect(segments[state.rows[0]].id == "A-05")
    #expect(
      state.segmentSelection.selected == "A-05" && state.segmentSelection.offset == 0,
      "the top of the list is shown")
    for index in state.rows.indices.dropFirst() where levels[index] == levels[index - 1] {
      #expect(state.rows[index - 1] < state.rows[index], "ties west to east")
    }
    let text = ConsoleView.render(state).text
    #expect(paneRows(text, title: "Segments").dropFirst().first?.contains("▶ A-05") == true)
    press(&state, .character("s"))
    #expect(state.sort == .status)
    let statuses = state.rows.map { segments[$0].status }
    #expect(statuses.first == .disputed, "disputed first")
    #expect(statuses == statuses.sorted(), "worst status first")
    for index in state.rows.indices.dropFirst() where statuses[index] == statuses[index - 1] {
      #expect(state.rows[index - 1] < state.rows[index], "ties west to east")
    }
    #expect(state.selectedRow == 0 && state.segmentSelection.offset == 0)
    press(&state, .character("r"))
    let reversed = state.rows.map { segments[$0].status }
    #expect(reversed == reversed.sorted(by: >), "r turns the order round")
    for index in state.rows.indices.dropFirst() where reversed[index] == reversed[index - 1] {
      #expect(state.rows[index - 1] < state.rows[index], "ties still west to east")
    }
  }

  @Test("the filter reads е and ё as one letter, and finds regions in both scripts (ux bug 18)")
  func filterLetters() throws {
    func matches(_ filter: String) throws -> [SegmentID] {
      var state = try SampleConsole.state()
      press(&state, .character("/"))
      for c in filter { _ = state.handle(.key(.character(c))) }
      return state.rows.map { state.live.segments[$0].id }
    }
    let withYo = try matches("кёк-таш")
    #expect(!withYo.isEmpty)
    #expect(try matches("кек-таш") == withYo)
    #expect(try matches("КЕК-ТАШ") == withYo)
    #expect(try matches("ке\u{0308}к-таш") == withYo, "a decomposed ё too")
    let sughd = try matches("sughd")
    let sughdCyrillic = try matches("Согд")
    #expect(!sughd.isEmpty && sughd == sughdCyrillic)
    let batken = try matches("batken oblast")
    let batkenCyrillic = try matches("Баткенская область")
    #expect(!batken.isEmpty && batken == batkenCyrillic)
    let osh = try matches("osh oblast")
    let oshCyrillic = try matches("Ошская")
    #expect(!osh.isEmpty && osh == oshCyrillic)
  }

  @Test("the meetings pane keeps who meets and whole countdowns at every size; past years show (ux bug 17)")
  func meetings() throws {
    for (columns, rows) in screenSizes + [(70, 22), (100, 30)] {
      let state = try SampleConsole.state(columns: columns, rows: rows)
      let text = ConsoleView.render(state).text
      let lines = paneRows(text, title: "Meetings")
      #expect(lines.count >= 3, "\(columns)×\(rows)")
      for line in lines.dropFirst() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        #expect(!trimmed.hasSuffix("…"), "\(columns)×\(rows): the countdown is never cut: \(line)")
        #expect(
          trimmed.hasSuffix("held") || trimmed.hasSuffix("km") || trimmed.hasSuffix("postponed")
            || trimmed.range(of: #"(in|ends) \d+[a-z0-9]*$"#, options: .regularExpression) != nil,
          "\(columns)×\(rows): a whole countdown or outcome ends \(line)")
      }
      if columns >= 80 {
        #expect(lines.dropFirst().first?.contains("topo WG") == true, "\(columns)×\(rows): who meets")
        #expect(lines.dropFirst().first?.contains("ends ") == true, "\(columns)×\(rows): in session")
      }
    }
    // The 2024 meetings, seen in 2026.
    let state = try SampleConsole.state(columns: 120, rows: 60)
    let text = paneRows(ConsoleView.render(state).text, title: "Meetings").joined(separator: "\n")
    #expect(text.contains("May 19 2024"), "\(text)")
    #expect(text.contains("Dec 02 10:00/09:00") || text.contains("Dec 03 10:00/09:00"), "this year's without")
  }

  @Test("at 250×60 the extra room goes to text: districts, both scripts, the agenda")
  func wide() throws {
    let text = ConsoleView.render(try SampleConsole.state(columns: 250, rows: 60)).text
    let segments = paneRows(text, title: "Segments")
    #expect(segments.first?.contains("Districts KG / TJ") == true)
    #expect(
      segments.contains {
        $0.contains("A-02 Golovnoy water point (Головной)") && $0.contains("Batken / Isfara")
      })
    let meetings = paneRows(text, title: "Meetings")
    #expect(meetings.first?.contains("Agenda") == true)
    #expect(meetings.contains { $0.contains("A-05 C-02 E-04") }, "the border services' agenda")
    // Nothing of this where there is no room for it.
    let narrow = ConsoleView.render(try SampleConsole.state(columns: 120, rows: 40)).text
    #expect(!narrow.contains("Districts KG / TJ") && !narrow.contains("Agenda"))
  }

  @Test("a filter that matches nothing leaves the table's heading where it was (ux bug 14)")
  func emptyFilterHeading() throws {
    var state = try SampleConsole.state()
    let before = paneRows(ConsoleView.render(state).text, title: "Segments").first
    press(&state, .character("/"))
    for c in "zzzz" { _ = state.handle(.key(.character(c))) }
    #expect(state.rows.isEmpty)
    let rows = paneRows(ConsoleView.render(state).text, title: "Segments")
    #expect(rows.first == before, "\(rows.first ?? "")")
    #expect(rows.dropFirst().first?.contains("no segment matches \"zzzz\"") == true)
  }

  @Test("in Russian the header keeps its counts too, and the meetings pane its headings")
  func russian() throws {
    for (columns, rows) in screenSizes {
      var state = try SampleConsole.state(columns: columns, rows: rows)
      state.l10n = .russian
      let text = ConsoleView.render(state).text
      let header = text.split(separator: "\n").first.map(String.init) ?? ""
      #expect(header.contains("◆1 ▲2 ○1"), "\(columns)×\(rows): \(header)")
      #expect(header.contains("● 3 не подтв.") || header.contains("●3"), "\(columns)×\(rows): \(header)")
      #expect(paneRows(text, title: "Встречи").first?.contains("Когда (БШК") == true, "\(columns)×\(rows)")
    }
  }
}
