import BorderModel
import Testing

@testable import BorderConsole

#if canImport(Glibc)
  import Glibc
#endif

/// Figures and texts no real data has, which a damaged or hostile journal can still carry (F3, F12).
@Suite("The view draws any value and any length of text")
struct HostileDataViewTests {
  /// The sample with every held meeting's agreed km and the first segment's length set to `km`.
  static func state(km: Double, columns: Int = 120, rows: Int = 40) throws -> ConsoleState {
    var state = try SampleConsole.state(columns: columns, rows: rows)
    let base = state.live
    var segments = base.segments
    segments[0].lengthKm = km
    let meetings = base.meetings.map { meeting in
      var meeting = meeting
      if meeting.status == .held { meeting.outcome = MeetingOutcome(protocolNumber: "P-1", kmAgreed: km) }
      return meeting
    }
    let reference = ReferenceData(
      title: base.title, isIllustrativeSample: base.isIllustrativeSample, segments: segments,
      checkpoints: base.checkpoints, meetings: meetings)
    _ = state.handle(.journal(JournalNews(situation: Situation(reference: reference))))
    return state
  }

  @Test(
    "kilometres beyond any border, infinite or not a number are drawn, never trapped on (F3)",
    arguments: [
      (9.3e17, "9.3e17"), (1e18, "1.0e18"), (1e308, "1.0e308"), (Double.infinity, "∞"),
      (-Double.infinity, "-∞"), (Double.nan, "—"), (-5.25, "-5.3"),
    ])
  func hugeKilometres(km: Double, shown: String) throws {
    for (columns, rows) in [(120, 40), (80, 24)] {
      var state = try Self.state(km: km, columns: columns, rows: rows)
      let text = ConsoleView.render(state).text
      #expect(text.contains("\(shown) km"), "the meetings pane or the detail shows \(shown) km")
      #expect(text.contains("─ Segments "))
      // The segment's own detail, and every meeting's, drawn over the screen.
      _ = state.handle(.key(.enter))
      #expect(ConsoleView.render(state).text.contains("\(shown) km"))
      _ = state.handle(.key(.escape))
      _ = state.handle(.key(.tab))
      for _ in 0..<state.live.meetings.count {
        _ = state.handle(.key(.enter))
        _ = ConsoleView.render(state)
        _ = state.handle(.key(.escape))
        _ = state.handle(.key(.down))
      }
    }
  }

  /// The sample with one alert raised on A-01 carrying `text`.
  static func state(alertText text: String) throws -> ConsoleState {
    var state = try SampleConsole.state()
    var situation = state.live
    situation.apply(
      JournalEvent(
        seq: 10_000, at: SampleConsole.now, by: "feed",
        payload: .alertRaised(
          AlertReport(id: "HUGE-1", segment: "A-01", level: .tense, type: .other, text: text))))
    _ = state.handle(.journal(JournalNews(situation: situation)))
    return state
  }

  @Test("a very long text is cut before it wraps: at most a page of lines, ending in … (F12)")
  func longTextWrapsToABoundedPage() throws {
    // 5 MB of words: before the cut, every frame of the detail wrapped all of it into 65,000 lines.
    let text = String(repeating: "Shots reported near the canal ", count: 170_000)
    let lines = wrap(text, width: 80)
    #expect(lines.count == wrapLineLimit)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    #expect(lines.first == "Shots reported near the canal Shots reported near the canal Shots reported near")
    #expect(lines.last?.hasSuffix("…") == true, "the cut is marked")
    // A word longer than the width is cut into lines of the width, just as far.
    let word = wrap(String(repeating: "Б", count: 3 << 20), width: 50)
    #expect(word.count == wrapLineLimit)
    #expect(word.dropLast().allSatisfy { $0.count == 50 })
    // Text that fits is untouched: no mark.
    #expect(wrap("Shots reported near the canal", width: 80) == ["Shots reported near the canal"])
    // And the alert's detail opens on it.
    var state = try Self.state(alertText: text)
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.enter))
    let detail = ConsoleView.render(state).text
    #expect(detail.contains("Alert HUGE-1"), "the alert's detail is open")
    #expect(detail.contains("Shots reported near the canal"))
  }

  @Test(
    "a 50 MB text without a space, in the feed and in its detail, draws like a normal one (F12)",
    .timeLimit(.minutes(2)))
  func fiftyMegabyteWord() throws {
    let text = String(repeating: "x", count: 50 << 20)
    var state = try Self.state(alertText: text)
    let screen = ConsoleView.render(state).text
    // The acknowledgement column is empty: nobody has acknowledged it yet.
    #expect(screen.contains("A-01     now            xxxx"), "the feed shows the alert")
    #expect(screen.contains("xxxx…"), "its text is cut to the row with …")
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.enter))
    let detail = ConsoleView.render(state).text
    #expect(detail.contains("HUGE-1"))
    #expect(detail.contains(String(repeating: "x", count: 40)))
    // Keys keep working on it: moving and closing redraw at once.
    for key in [Key.pageDown, .pageDown, .escape, .down, .up] {
      _ = state.handle(.key(key))
      _ = ConsoleView.render(state)
    }
  }
}

@Suite("The sanitiser for command output")
struct CommandTextSanitizerTests {
  @Test("lines keep their line feeds and CR LF ends; every other control shows as a placeholder")
  func lines() {
    #expect(Sanitizer.cleanLines("a\nb\r\nc") == "a\nb\r\nc")
    #expect(Sanitizer.cleanLines("ok\rFAKE\u{1B}[2J\u{9B}1m\u{202E}") == "ok␍FAKE␛[2J�1m�")
    #expect(Sanitizer.cleanLines("Баткен\u{07}\r", ascii: true) == "Баткен^G^M", "no transliteration")
    #expect(Sanitizer.cleanLines("Баткен · 14.2 km") == "Баткен · 14.2 km")
  }
}

@_silgen_name("wcwidth") private func libcWidth(_ character: Int32) -> Int32
@_silgen_name("gnu_get_libc_version") private func libcVersion() -> UnsafePointer<CChar>

@Suite("One width table: the view's, the emulator's and ncurses' (F21)")
struct WidthTableTests {
  /// The C library running the tests, spelled as the table's `source`.
  static let runningCLibrary = "glibc " + String(cString: libcVersion())

  @Test("the project's width table is well formed and gives the widths the console draws with")
  func ownTable() {
    for table in [WidthTable.wide, WidthTable.zero] {
      #expect(!table.isEmpty)
      for (earlier, later) in zip(table, table.dropFirst()) {
        #expect(earlier.upperBound < later.lowerBound, "sorted and apart: \(earlier), \(later)")
      }
    }
    for wide in WidthTable.wide {
      #expect(!WidthTable.zero.contains { $0.overlaps(wide) }, "\(wide) is both wide and zero")
    }
    // What the console draws: ASCII, Cyrillic, its frames, gauges and glyphs take one column;
    // CJK, Hangul and emoji two; combining marks, joiners and variation selectors none.
    let expected: [(String, Int)] = [
      ("A", 1), ("Б", 1), ("─", 1), ("┌", 1), ("█", 1), ("▓", 1), ("▒", 1), ("░", 1), ("▔", 1), ("◆", 1),
      ("▲", 1), ("○", 1), ("●", 1), ("✓", 1), ("■", 1), ("·", 1), ("▶", 1), ("…", 1), ("–", 1), ("中", 2),
      ("가", 2), ("\u{1100}", 2), ("😀", 2), ("🇰", 1), ("\u{0301}", 0), ("\u{200D}", 0), ("\u{FE0F}", 0),
    ]
    for (text, width) in expected {
      let scalar = text.unicodeScalars.first!
      #expect(DisplayWidth.of(scalar) == width, "U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
  }

  @Test(
    "on the C library the table was generated from, every scalar's width is its wcwidth (which ncurses uses)",
    .enabled(
      if: runningCLibrary == WidthTable.source,
      "the table was generated on \(WidthTable.source); this C library's wcwidth may differ (run scripts/generate-width-table.py to follow it)"
    ))
  func agreesWithWcwidth() {
    setlocale(LC_CTYPE, "C.UTF-8")
    var disagreements: [String] = []
    for value in UInt32(0x20)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), !(0x7F..<0xA0).contains(value) else { continue }
      let libc = Int(libcWidth(Int32(bitPattern: value)))
      // wcwidth's -1 (unassigned) is drawn as "?", one cell.
      let expected = libc < 0 ? 1 : libc
      if DisplayWidth.of(scalar) != expected, disagreements.count < 20 {
        disagreements.append(
          "U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.of(scalar)) vs \(libc)")
      }
    }
    #expect(disagreements == [], "run scripts/generate-width-table.py on this C library")
  }

  @Test("emoji sequences terminals join differently are taken apart; flags become their letters")
  func emojiSequences() {
    #expect(Sanitizer.clean("👨‍👩‍👧‍👦🇰🇬🇹🇯🏳️‍🌈👍🏽 #️⃣") == "👨👩👧👦KGTJ🏳🌈👍 #⃣")
    var grid = Grid(width: 30, height: 1)
    grid.put("|👨‍👩‍👧‍👦🇰🇬🇹🇯🏳️‍🌈👍🏽|", row: 0, column: 0, style: .plain)
    // 4 family members × 2, KGTJ, the white flag (1) and the rainbow (2), the thumb (2), two bars.
    #expect(DisplayWidth.of(grid.line(0)) == 30)
    #expect(grid.line(0).hasPrefix("|👨👩👧👦KGTJ🏳🌈👍|"))
  }
}
