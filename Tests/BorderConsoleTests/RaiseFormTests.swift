import BorderConsole
import BorderModel
import Testing

/// The console's raise form has what `bordermon alert raise` has, read by the same parsers (issue 10).
@Suite("The raise form: side, confidence, source, time it occurred")
struct RaiseFormTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  func type(_ state: inout ConsoleState, _ text: String) {
    for c in text { _ = state.handle(.key(.character(c))) }
  }

  /// The raise form on A-01 with its text typed, focus on the text.
  func raiseForm() throws -> ConsoleState {
    var state = try SampleConsole.state()
    _ = press(&state, .character("i"))
    #expect(state.form?.purpose == .raiseAlert("A-01"))
    _ = press(&state, .tab, .tab)
    type(&state, "clash at the canal")
    return state
  }

  @Test("the form lists the command line's fields, with its defaults")
  func fieldsAndDefaults() throws {
    var state = try raiseForm()
    let form = try #require(state.form)
    #expect(
      form.fields.map(\.label) == ["Level", "Type", "Text", "Side", "Confidence", "Occurred", "Source"])
    #expect(form.value("Side") == "not given" && form.value("Confidence") == "unverified")
    let screen = ConsoleView.render(state).text
    for label in ["Side", "Confidence", "Occurred", "Source"] { #expect(screen.contains(label), "\(label)") }
    guard case .append(let draft)? = press(&state, .enter).first,
      case .alertRaised(let report) = draft.event.payload
    else {
      Issue.record("expected a raised alert")
      return
    }
    // As `alert raise` without --side, --confidence, --occurred, --source.
    #expect(report.reportingSide == nil && report.confidence == .unverified && report.occurredAt == nil)
    #expect(draft.event.provenance == .reported)
    #expect(draft.event.via == .console)
  }

  @Test("every field filled: side, confidence, occurred and source reach the event")
  func everyField() throws {
    var state = try raiseForm()
    _ = press(&state, .tab, .character("t"))
    #expect(state.form?.value("Side") == "Tajikistan")
    _ = press(&state, .tab, .character("c"))
    #expect(state.form?.value("Confidence") == "confirmed")
    _ = press(&state, .tab)
    type(&state, "2026-11-29T10:40:00+05:00")
    _ = press(&state, .tab)
    type(&state, "Asia-Plus")
    guard case .append(let draft)? = press(&state, .enter).first,
      case .alertRaised(let report) = draft.event.payload
    else {
      Issue.record("expected a raised alert, got \(String(describing: state.form?.error))")
      return
    }
    #expect(report.segment == "A-01" && report.text == "clash at the canal")
    #expect(report.reportingSide == .tajikistan && report.confidence == .confirmed)
    #expect(report.occurredAt == Timestamp(year: 2026, month: 11, day: 29, hour: 5, minute: 40))
    #expect(
      draft.event.provenance == .factual(source: "Asia-Plus"), "a named source makes it factual, as --source")
    #expect(draft.rejection(now: SampleConsole.now, in: state.live) == nil)
  }

  @Test("a time that is not RFC 3339 keeps the form open, naming the field, with what was typed")
  func badTime() throws {
    var state = try raiseForm()
    _ = press(&state, .tab, .tab, .tab)
    type(&state, "yesterday")
    #expect(press(&state, .enter).isEmpty, "nothing is sent")
    let form = try #require(state.form)
    #expect(form.error?.hasPrefix("Occurred: ") == true, "\(String(describing: form.error))")
    #expect(form.error?.contains("yesterday") == true)
    #expect(form.value("Text") == "clash at the canal" && form.value("Occurred") == "yesterday")
  }

  @Test("a time without a zone is refused as the command line refuses it")
  func timeWithoutZone() throws {
    var state = try raiseForm()
    _ = press(&state, .tab, .tab, .tab)
    type(&state, "2026-11-29T05:40:00")
    #expect(press(&state, .enter).isEmpty)
    #expect(state.form?.error?.contains("zone") == true, "\(String(describing: state.form?.error))")
  }

  @Test("a time beyond the clock's skew is refused by the model's rules, before sending")
  func futureTime() throws {
    var state = try raiseForm()
    _ = press(&state, .tab, .tab, .tab)
    type(&state, "2026-11-29T07:00:00Z")
    #expect(press(&state, .enter).isEmpty)
    let error = try #require(state.form?.error)
    #expect(error.hasPrefix("not sent: ") && error.contains("more than 10 minutes ahead"), "\(error)")
  }

  @Test("a source over the journal's limit is refused as it is typed, by the model's bounds, naming source")
  func longSource() throws {
    var state = try raiseForm()
    _ = press(&state, .tab, .tab, .tab, .tab)
    // 150 Cyrillic letters are 300 bytes: the journal's 200 take 100 of them, the rest are refused.
    type(&state, String(repeating: "ж", count: 150))
    #expect(state.form?.value("Source") == String(repeating: "ж", count: 100))
    #expect(state.form?.error == "source: 202 bytes, longer than the 200 allowed")
  }

  @Test("at 80×24 every field of the raise form and its keys are on screen")
  func fitsAt80x24() throws {
    var state = try SampleConsole.state(columns: 80, rows: 24)
    _ = press(&state, .character("i"))
    let screen = ConsoleView.render(state).text
    for label in ["Level", "Type", "Text", "Side", "Confidence", "Occurred", "Source", "Enter", "Esc"] {
      #expect(screen.contains(label), "\(label) at 80×24:\n\(screen)")
    }
  }
}
