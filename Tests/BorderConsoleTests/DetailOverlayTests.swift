import BorderConsole
import BorderModel
import Testing

/// Keys pressed in order.
private func press(_ state: inout ConsoleState, _ keys: Key...) {
  for key in keys { _ = state.handle(.key(key)) }
}

/// The column where the value after a label starts, on the screen line that has the label.
private func valueColumn(_ grid: Grid, label: String) -> Int? {
  for row in 0..<grid.height {
    let line = Array(grid.line(row))
    let text = String(line)
    guard let range = text.range(of: "│ " + label + " ") else { continue }
    var index = text.distance(from: text.startIndex, to: range.upperBound)
    while index < line.count && line[index] == " " { index += 1 }
    return index
  }
  return nil
}

@Suite("Details scroll like less, and labels never run into their values")
struct DetailOverlayTests {
  @Test("each detail scrolled to its end at each size shows its last line and says end")
  func scrolledToEnd() throws {
    for (columns, rows) in [(64, 20), (80, 24), (120, 40), (250, 60)] {
      for (name, keys) in [
        ("segment", [Key.enter]), ("meeting", [.tab, .enter]), ("alert", [.tab, .tab, .enter]),
      ] {
        var state = try SampleConsole.state(columns: columns, rows: rows)
        for key in keys { press(&state, key) }
        press(&state, .character("G"))
        let text = ConsoleView.render(state).text
        expectSnapshot(text + "\n", named: "detail-\(name)-end-\(columns)x\(rows)")
        #expect(text.contains("Provenance"), "\(name) at \(columns)x\(rows): the last section is reachable")
        if state.overlayScroll > 0 { #expect(text.contains("end · ")) }
      }
    }
  }

  @Test("an alert's labels line up, long ones included, at 64 columns too (ux bug 14)")
  func labelsAligned() throws {
    for columns in [64, 120] {
      var state = try SampleConsole.state(columns: columns, rows: 40)
      press(&state, .tab, .tab, .enter)
      let grid = ConsoleView.render(state)
      let text = grid.text
      #expect(!text.contains("Acknowledged●"), "the label runs into its value")
      let columnsFound = ["Segment", "Type", "Reported", "Confidence", "Acknowledged"].map {
        valueColumn(grid, label: $0)
      }
      #expect(columnsFound.allSatisfy { $0 != nil }, "\(columnsFound)")
      #expect(Set(columnsFound.compactMap { $0 }).count == 1, "values start in one column: \(columnsFound)")
    }
  }
}
