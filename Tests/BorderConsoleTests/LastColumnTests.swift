import BorderConsole
import BorderModel
import Testing

/// The rows inside the pane titled `title` (between its side borders), heading row first.
private func rowsOfPane(_ text: String, title: String) -> [String] {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
  guard let top = lines.firstIndex(where: { String($0).contains("─ \(title)") }),
    let left = lines[top].firstIndex(of: "┌")
  else { return [] }
  var rows: [String] = []
  for line in lines[(top + 1)...] {
    guard left < line.count, line[left] == "│", let right = line[(left + 1)...].firstIndex(of: "│") else {
      break
    }
    rows.append(String(line[(left + 1)..<right]))
  }
  return rows
}

@Suite("The segments table's Last column at every width (issue 10)")
struct LastColumnTests {
  /// The sample at a size, in a language.
  static func state(columns: Int, rows: Int, _ l10n: Localizer) throws -> ConsoleState {
    var state = try SampleConsole.state(columns: columns, rows: rows)
    state.l10n = l10n
    return state
  }

  @Test(
    "from 64 to 160 columns, in English and Russian, the table shows Last with whole ages (A-02 30m, A-01 16y)",
    arguments: [
      (Localizer.english, "Segments", "Last", "30m", "16y"), (.russian, "Участки", "Посл.", "30м", "16г"),
    ])
  func everyWidth(l10n: Localizer, title: String, heading: String, recent: String, old: String) throws {
    var state = try Self.state(columns: 64, rows: 24, l10n)
    for columns in 64...160 {
      _ = state.handle(.resize(ScreenSize(columns: columns, rows: 24)))
      let rows = rowsOfPane(TextRenderer.plain(ConsoleView.render(state)), title: title)
      let headingRow = rows.first ?? ""
      #expect(headingRow.hasSuffix(heading), "\(columns) columns: \(headingRow)")
      let a02 = rows.first { $0.contains("A-02") } ?? ""
      let a01 = rows.first { $0.contains("A-01") } ?? ""
      #expect(a02.hasSuffix(" " + recent), "\(columns) columns: \(a02)")
      #expect(a01.hasSuffix(" " + old), "\(columns) columns: \(a01)")
    }
  }

  @Test("at 80×24 the longest ages fit whole: 11mo and 4y, in English and Russian")
  func longestAgesAt80() throws {
    for (l10n, title, ages) in [
      (Localizer.english, "Segments", ["11mo", "4y"]), (.russian, "Участки", ["11мес", "4г"]),
    ] {
      // A-02's last event is 30 minutes old at the sample's moment.
      for (days, age) in zip([340, 4 * 365 + 1], ages) {
        var state = try Self.state(columns: 80, rows: 24, l10n)
        _ = state.handle(.tick(SampleConsole.now.adding(seconds: Int64(days * 86_400 - 30 * 60))))
        let rows = rowsOfPane(TextRenderer.plain(ConsoleView.render(state)), title: title)
        let a02 = rows.first { $0.contains("A-02") } ?? ""
        #expect(a02.hasSuffix(" " + age), "\(a02)")
      }
    }
  }

  @Test("at 80×24 the length goes before the age; sorted by length, the km column stays instead")
  func sortedByLength() throws {
    var state = try Self.state(columns: 80, rows: 24, .english)
    var heading = rowsOfPane(TextRenderer.plain(ConsoleView.render(state)), title: "Segments").first ?? ""
    #expect(!heading.contains("km") && heading.contains("Level"), "\(heading)")
    while state.sort != .length { _ = state.handle(.key(.character("s"))) }
    heading = rowsOfPane(TextRenderer.plain(ConsoleView.render(state)), title: "Segments").first ?? ""
    #expect(heading.contains("km") && !heading.hasSuffix("Last"), "\(heading)")
  }
}
