import BorderConsole
import BorderModel
import Foundation
import Testing

/// `y` copies the record on screen through OSC 52 where the terminal takes it (issue 10, Also).
@Suite("y copies the record on screen")
struct CopyTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  @Test("on the feed, y copies the alert's ID and text and says so")
  func copiesAlert() throws {
    var state = try SampleConsole.state()
    state.clipboardAvailable = true
    _ = press(&state, .tab, .tab)
    let effects = press(&state, .character("y"))
    guard case .copy(let text)? = effects.first else {
      Issue.record("expected a copy, got \(effects)")
      return
    }
    #expect(text.hasPrefix("AL-NOW-AKSAI Kyrgyz side reports mortar fire"), "\(text)")
    #expect(state.message?.text == "copied AL-NOW-AKSAI to the clipboard")
  }

  @Test("where the terminal takes no clipboard writes, y says it cannot and copies nothing")
  func saysItCannot() throws {
    var state = try SampleConsole.state()
    #expect(press(&state, .character("y")).isEmpty)
    #expect(
      state.message?.text.hasPrefix("cannot copy: this terminal does not take clipboard writes") == true)
  }

  @Test("control characters in the data never reach the clipboard, nor the terminal")
  func untrustedText() throws {
    var state = try SampleConsole.state()
    state.clipboardAvailable = true
    var live = state.live
    let hostile = JournalEvent(
      seq: 900, at: SampleConsole.now, by: "feed",
      payload: .alertRaised(
        AlertReport(
          id: "AL-X", segment: "A-01", level: .tense, type: .other,
          text: "ok\u{1B}]52;c;ZXZpbA==\u{07}\nrm -rf ~")))
    live.apply(hostile)
    _ = state.handle(.journal(JournalNews(situation: live, events: [hostile], touches: [])))
    _ = press(&state, .tab, .tab, .character("g"))
    #expect(state.alertSelection.selected == "AL-X")
    guard case .copy(let text)? = press(&state, .character("y")).first else {
      Issue.record("expected a copy")
      return
    }
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(text)")
    let sequence = Clipboard.osc52(text)
    // Only the frame is control bytes: ESC ] 52 ; c ; … BEL.
    #expect(sequence.filter { $0 < 0x20 } == [0x1B, 0x07])
  }

  @Test("OSC 52 carries the text in base64 (RFC 4648 vectors)")
  func base64() {
    #expect(String(decoding: Clipboard.osc52("foobar"), as: UTF8.self) == "\u{1B}]52;c;Zm9vYmFy\u{07}")
    #expect(String(decoding: Clipboard.osc52("fo"), as: UTF8.self) == "\u{1B}]52;c;Zm8=\u{07}")
    #expect(String(decoding: Clipboard.osc52("f"), as: UTF8.self) == "\u{1B}]52;c;Zg==\u{07}")
    let cyrillic = "Ворух"
    let encoded = String(decoding: Clipboard.osc52(cyrillic).dropFirst(7).dropLast(), as: UTF8.self)
    #expect(Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } == cyrillic)
  }

  @Test("help lists y")
  func helpListsIt() {
    #expect(KeyMap.standard.command(for: .character("y")) == .copyRecord)
  }
}
