import BorderConsole
import BorderModel
import Testing

@Suite("What the operator sees")
struct ViewSnapshotTests {
  @Test("the sample at 120×40")
  func sample120x40() throws {
    let state = try SampleConsole.state()
    expectSnapshot(TextRenderer.plain(ConsoleView.render(state)), named: "sample-120x40")
  }

  @Test("the sample at 80×24: every pane still there, nothing overlaps")
  func sample80x24() throws {
    let state = try SampleConsole.state(columns: 80, rows: 24)
    let grid = ConsoleView.render(state)
    expectSnapshot(TextRenderer.plain(grid), named: "sample-80x24")
    for title in ["Segments", "Detail", "Meetings", "Alerts"] {
      #expect(grid.text.contains("─ \(title)"), "the \(title) pane is drawn")
    }
  }

  @Test("the sample at 64×20, 80×24, 120×40 and 250×60, in Unicode and ASCII", arguments: screenSizes)
  func sizes(columns: Int, rows: Int) throws {
    let state = try SampleConsole.state(columns: columns, rows: rows)
    for glyphs in [GlyphSet.unicode, .ascii] {
      let grid = ConsoleView.render(state, glyphs: glyphs)
      let name = "sample-\(columns)x\(rows)\(glyphs.isASCII ? "-ascii" : "")"
      expectSnapshot(TextRenderer.plain(grid), named: name)
      for title in ["Segments", "Meetings", "Alerts"] {
        #expect(grid.text.contains("\(glyphs.horizontal) \(title)"), "\(name): the \(title) pane is drawn")
      }
    }
  }

  @Test("ASCII only, for terminals without UTF-8")
  func ascii() throws {
    let state = try SampleConsole.state(columns: 80, rows: 24)
    let grid = ConsoleView.render(state, glyphs: .ascii)
    expectSnapshot(TextRenderer.plain(grid), named: "sample-80x24-ascii")
    #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII }, "every byte is ASCII")
  }

  @Test("the help screen is generated from the key map")
  func help() throws {
    var state = try SampleConsole.state()
    _ = state.handle(.key(.character("?")))
    let text = ConsoleView.render(state).text
    expectSnapshot(text + "\n", named: "help-120x40")
    // Its first page, with the rest below (HintAndHelpTests pages through all of it).
    #expect(text.contains("Move up (in help and details: scroll)") && text.contains("↓ more"))
  }

  @Test("the full detail of a segment, with both scripts")
  func segmentDetail() throws {
    var state = try SampleConsole.state()
    _ = state.handle(.key(.character(":")))
    for c in "a-02" { _ = state.handle(.key(.character(c))) }
    _ = state.handle(.key(.enter))
    #expect(state.segmentSelection.selected == "A-02")
    _ = state.handle(.key(.enter))
    #expect(state.overlay == .segmentDetail("A-02"))
    let text = ConsoleView.render(state).text
    expectSnapshot(text + "\n", named: "detail-A-02-120x40")
    #expect(text.contains("Головной"))
    #expect(text.contains("Баткенский"))
  }

  @Test("history mode shows its banner and the past")
  func history() throws {
    var state = try SampleConsole.state()
    for _ in 0..<30 { _ = state.handle(.key(.character("{"))) }
    let text = ConsoleView.render(state).text
    #expect(text.contains("HISTORY · as of"))
    expectSnapshot(text + "\n", named: "history-120x40")
  }

  @Test("below the minimum size it says so instead of drawing")
  func tooSmall() throws {
    let state = try SampleConsole.state(columns: 50, rows: 12)
    let text = ConsoleView.render(state).text
    #expect(text.contains("terminal too small: 50×12, needs 64×20"))
  }

  @Test("control characters and escapes in data never reach the screen as such")
  func untrustedText() throws {
    var state = try SampleConsole.state()
    var situation = state.live
    let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\r\nnext"
    situation.apply(
      JournalEvent(
        seq: 10_000, at: SampleConsole.now, by: "feed\u{1B}[31m",
        payload: .alertRaised(
          AlertReport(id: "X\u{1B}", segment: "A-01", level: .armedIncident, type: .other, text: hostile))))
    _ = state.handle(.journal(JournalNews(situation: situation)))
    let grid = ConsoleView.render(state)
    for cell in grid.cells {
      for scalar in cell.text.unicodeScalars {
        #expect(
          scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value),
          "control \(scalar.value) in a cell")
        #expect(!(0x202A...0x202E).contains(scalar.value))
      }
    }
    #expect(grid.text.contains("␛]0;pwned␇␛[2J"))
  }

  @Test("Cyrillic and wide characters keep the columns aligned")
  func wideText() {
    var grid = Grid(width: 20, height: 3)
    grid.put("Баткен 漢字 end", row: 0, column: 0, style: .plain)
    grid.put("漢字漢字漢字漢字漢字漢字", row: 1, column: 0, limit: 10, style: .plain)
    grid.put("ab", row: 2, column: 0, style: .plain)
    #expect(grid.line(0) == "Баткен 漢字 end     ")
    #expect(DisplayWidth.of(grid.line(0)) == 20)
    #expect(grid.line(1).hasPrefix("漢字漢字 …"), "cut by width, a wide character never split: \(grid.line(1))")
    #expect(DisplayWidth.of(grid.line(1)) == 20)
  }
}

@Suite("Redrawing only what a tick changes")
struct ClockRedrawTests {
  @Test("within a minute, redrawing the clock alone gives the same screen as drawing it all")
  func clockOnly() throws {
    var state = try SampleConsole.state()
    let start = SampleConsole.now.adding(seconds: 7)
    _ = state.handle(.tick(start))
    var grid = ConsoleView.render(state)
    for second in 1..<53 {
      _ = state.handle(.tick(start.adding(seconds: Int64(second))))
      ConsoleView.renderClock(state, into: &grid)
      #expect(grid == ConsoleView.render(state), "second \(second)")
    }
    // And the clock did move.
    #expect(grid.line(0).contains("06:00:59 UTC"))
  }
}
