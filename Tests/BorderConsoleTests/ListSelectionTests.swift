import BorderConsole
import BorderModel
import Testing

/// A list of names, as a pane's rows: the record on row `i` is `names[i]`.
private struct Names: SelectableRows {
  var names: [String]
  var count: Int { names.count }
  func id(atRow row: Int) -> String? { names.indices.contains(row) ? names[row] : nil }
  func row(of id: String) -> Int? { names.firstIndex(of: id) }
}

/// `count` rows named `r0`, `r1`, ….
private func rows(_ count: Int) -> Names { Names(names: (0..<count).map { "r\($0)" }) }

@Suite("One selection type for every pane (ratatui's TableState)")
struct ListSelectionTests {
  @Test("moving stops at both ends; the offset keeps the selection in view and moves as little as it must")
  func movingAndOffset() {
    let list = rows(20)
    var selection = ListSelection<String>()
    #expect(
      selection.move(.rows(1), in: list, visible: 5) == 1, "from nothing selected, a step counts from the top"
    )
    #expect(selection.selected == "r1" && selection.offset == 0)
    selection.move(.rows(5), in: list, visible: 5)
    #expect(selection.selected == "r6" && selection.offset == 2, "the selection is the last row shown")
    selection.move(.rows(-3), in: list, visible: 5)
    #expect(selection.selected == "r3" && selection.offset == 2, "inside the page: no scrolling")
    selection.move(.rows(-100), in: list, visible: 5)
    #expect(selection.selected == "r0" && selection.offset == 0)
    selection.move(.rows(-1), in: list, visible: 5)
    #expect(selection.selected == "r0", "up at the top stays")
    selection.move(.rows(Int.max), in: list, visible: 5)
    #expect(selection.selected == "r19" && selection.offset == 15, "no overflow; the last page is full")
    selection.move(.rows(Int.min), in: list, visible: 5)
    #expect(selection.selected == "r0" && selection.offset == 0)
  }

  @Test("pages, half pages, first and last; a page past the end stops on the last row")
  func pagesAndEnds() {
    let list = rows(12)
    var selection = ListSelection<String>(selected: "r0")
    selection.move(.pages(1), in: list, visible: 5)
    #expect(selection.selected == "r5" && selection.offset == 1)
    selection.move(.pages(1), in: list, visible: 5)
    #expect(selection.selected == "r10")
    selection.move(.pages(1), in: list, visible: 5)
    #expect(
      selection.selected == "r11" && selection.offset == 7, "past the end: the last row, a full last page")
    selection.move(.pages(Int.max), in: list, visible: 5)
    #expect(selection.selected == "r11", "a huge page count does not trap")
    selection.move(.halfPages(-1), in: list, visible: 5)
    #expect(selection.selected == "r9", "half of 5 rows is 2")
    selection.move(.halfPages(-1), in: list, visible: 1)
    #expect(selection.selected == "r8", "half a one-row page is still a row")
    selection.move(.first, in: list, visible: 5)
    #expect(selection.selected == "r0" && selection.offset == 0)
    selection.move(.last, in: list, visible: 5)
    #expect(selection.selected == "r11" && selection.offset == 7)
  }

  @Test("an empty list: moving changes nothing and says so; keeping in view leaves the offset at 0")
  func emptyList() {
    let empty = rows(0)
    var selection = ListSelection<String>(selected: "gone", offset: 3)
    #expect(selection.move(.rows(1), in: empty, visible: 5) == nil)
    #expect(selection.selected == "gone" && selection.offset == 3, "nothing moved")
    selection.keepVisible(in: empty, visible: 5, fallback: .firstRow)
    #expect(selection.selected == "gone", "kept while nothing is listed, so it comes back")
    #expect(selection.offset == 0)
    #expect(selection.row(in: empty) == nil)
    selection.keepVisible(in: empty, visible: 5, fallback: .sameRow)
    #expect(selection.selected == nil, "the same-row rule selects nothing in an empty list")
    selection.keepVisible(in: rows(3), visible: 5, fallback: .firstRow)
    #expect(selection.selected == "r0", "rows again: the first is selected")
  }

  @Test("the list shrinks below the selection: the first row, or the row where it was, is selected")
  func shrinkBelowSelection() {
    var selection = ListSelection<String>()
    selection.move(.rows(8), in: rows(10), visible: 4)
    #expect(selection.selected == "r8" && selection.offset == 5)
    // The selected record leaves and the list gets shorter than its row.
    let shorter = Names(names: ["r0", "r1", "r2", "r3", "r4", "r5"])
    var sameRow = selection
    sameRow.keepVisible(in: shorter, visible: 4, fallback: .sameRow)
    #expect(sameRow.selected == "r5" && sameRow.offset == 2, "the last row, nearest where it was; in view")
    var firstRow = selection
    firstRow.keepVisible(in: shorter, visible: 4, fallback: .firstRow)
    #expect(firstRow.selected == "r0" && firstRow.offset == 0)
    // The record stays but rows above it go: the selection follows the record, not the row.
    var kept = selection
    kept.keepVisible(in: Names(names: ["r7", "r8", "r9"]), visible: 4)
    #expect(kept.selected == "r8" && kept.row(in: Names(names: ["r7", "r8", "r9"])) == 1 && kept.offset == 0)
    // The same-row rule remembers the row the record was last seen on.
    var feed = ListSelection<String>()
    feed.move(.rows(2), in: rows(5), visible: 5)
    feed.keepVisible(in: Names(names: ["r0", "r1", "r3", "r4"]), visible: 5, fallback: .sameRow)
    #expect(feed.selected == "r3", "the row below moved up into its place")
  }

  @Test("the offset keeps the selection visible as the pane grows, shrinks or has no room")
  func offsetForVisible() {
    #expect(ListSelection<String>.offset(0, showing: 9, visible: 5, count: 20) == 5)
    #expect(ListSelection<String>.offset(8, showing: 9, visible: 5, count: 20) == 8, "already in view")
    #expect(ListSelection<String>.offset(12, showing: 9, visible: 5, count: 20) == 9)
    #expect(
      ListSelection<String>.offset(15, showing: 19, visible: 10, count: 20) == 10,
      "no blank rows below the end")
    #expect(
      ListSelection<String>.offset(3, showing: 2, visible: 10, count: 4) == 0, "a list shorter than the pane")
    #expect(ListSelection<String>.offset(-4, showing: 0, visible: 3, count: 4) == 0)
    // No room at all: the selected row is the first shown once room comes back.
    let none = ListSelection<String>.offset(0, showing: 7, visible: 0, count: 20)
    #expect(none == 7)
    #expect(ListSelection<String>.offset(none, showing: 7, visible: 4, count: 20) == 7)
    var selection = ListSelection<String>(selected: "r7")
    selection.keepVisible(in: rows(20), visible: 0)
    selection.keepVisible(in: rows(20), visible: 4)
    #expect(selection.offset == 7 && selection.selected == "r7")
    #expect(selection.move(.pages(1), in: rows(20), visible: 0) == 7, "a page of no rows does not move")
  }

  @Test("showing the top selects the first row and scrolls to it")
  func showTop() {
    var selection = ListSelection<String>()
    selection.move(.last, in: rows(30), visible: 6)
    selection.showTop(in: rows(30), visible: 6)
    #expect(selection.selected == "r0" && selection.offset == 0)
  }
}

@Suite("The filter prompt honours the console's key map (code.md problem 3, item 4)")
struct FilterKeyMapTests {
  /// The standard keys, except that ↓ goes to the end of the list (the binding of End, on ↓ first).
  static let downToEnd: KeyMap = {
    var toEnd = KeyMap.standard.bindings.first { $0.command == .bottom }!
    toEnd.keys = [.down]
    return KeyMap([toEnd] + KeyMap.standard.bindings)
  }()

  @Test("↓ while typing the segments' filter ends it and moves as the key map says")
  func segmentFilter() throws {
    var state = try SampleConsole.state()
    _ = state.handle(.key(.character("/")), keyMap: Self.downToEnd)
    #expect(state.isEditingFilter)
    _ = state.handle(.key(.down), keyMap: Self.downToEnd)
    #expect(!state.isEditingFilter)
    #expect(state.segmentSelection.selected == state.live.segments.last?.id, "↓ is bound to the end here")
    #expect(state.selectedRow == state.rows.count - 1)
  }

  @Test("↓ while typing the feed's filter ends it and moves as the key map says")
  func feedFilter() throws {
    var state = try SampleConsole.state()
    _ = state.handle(.key(.character("3")), keyMap: Self.downToEnd)
    _ = state.handle(.key(.character("/")), keyMap: Self.downToEnd)
    #expect(state.focus == .alerts && state.isEditingFilter)
    _ = state.handle(.key(.down), keyMap: Self.downToEnd)
    #expect(!state.isEditingFilter)
    #expect(state.selectedAlertRow == state.feedCount - 1, "↓ is bound to the end here")
    #expect(
      state.alertSelection.selected == state.live.alerts.first?.id, "the oldest alert is the feed's last row")
  }
}

@Suite("Every pane moves, pages and opens the same way (one ListSelection per pane)")
struct PaneSelectionTests {
  @Test(
    "in each pane PgDn moves a page of its rows, End the last row in view, Home the top, Enter its detail")
  func eachPane() throws {
    var state = try SampleConsole.state(columns: 80, rows: 24)
    let layout = state.layout
    for (pane, visible) in [
      (Pane.segments, layout.segmentRows), (.meetings, layout.meetingRows), (.alerts, layout.alertRows),
    ] {
      _ = state.handle(.key(.character(Character(String(pane.rawValue + 1)))))
      #expect(state.focus == pane)
      func row() -> Int? {
        switch pane {
        case .segments: return state.selectedRow
        case .meetings: return rowOfMeeting()
        case .alerts: return state.selectedAlertRow
        }
      }
      func rowOfMeeting() -> Int? {
        let meetings = state.displayed.meetings
        return state.cache.meetingOrder.firstIndex { meetings[$0].id == state.meetingSelection.selected }
      }
      func offset() -> Int {
        switch pane {
        case .segments: return state.segmentSelection.offset
        case .meetings: return state.meetingSelection.offset
        case .alerts: return state.alertSelection.offset
        }
      }
      let count = [state.rows.count, state.cache.meetingOrder.count, state.feedCount][pane.rawValue]
      #expect(count > visible, "\(pane): more rows than fit")
      _ = state.handle(.key(.home))
      #expect(row() == 0 && offset() == 0, "\(pane)")
      _ = state.handle(.key(.pageDown))
      #expect(row() == visible, "\(pane): a page is the pane's \(visible) rows")
      #expect(offset() == 1, "\(pane): scrolled just enough to show it")
      _ = state.handle(.key(.end))
      #expect(row() == count - 1 && offset() == count - visible, "\(pane): the last row, a full last page")
      _ = state.handle(.key(.enter))
      let expected: Overlay? =
        switch pane {
        case .segments: state.segmentSelection.selected.map { .segmentDetail($0) }
        case .meetings: state.meetingSelection.selected.map { .meetingDetail($0) }
        case .alerts: state.alertSelection.selected.map { .alertDetail($0) }
        }
      #expect(state.overlay == expected && expected != nil, "\(pane): Enter opens the selected record")
      _ = state.handle(.key(.escape))
      #expect(state.overlay == nil)
    }
  }
}
