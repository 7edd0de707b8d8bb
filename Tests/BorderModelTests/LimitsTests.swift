import BorderModel
import Testing

/// The journal's bounds, held by the codec for readers and by `shapeProblem` for writers alike.
@Suite("One codec, one set of bounds")
struct LimitsTests {
  func line(_ members: String) -> String {
    #"{"seq":7,"at":"2024-01-10T04:00:00Z","by":"op","# + members + "}"
  }

  @Test(
    "what a reader skips, a writer refuses: the same field and reason (F1, F3, F12, F17)",
    arguments: [
      (EventPayload.noteAdded(target: "A-01", text: ""), "text"),
      (.alertRaised(AlertReport(id: "", segment: "A-01", level: .tense, type: .other, text: "t")), "alert"),
      (
        .meetingScheduled(
          Meeting(id: "", kind: .coChairs, start: Fixtures.t0, end: Fixtures.t0, provenance: .reported)),
        "meeting"
      ),
      (.meetingHeld(meeting: "M-1", outcome: MeetingOutcome(kmAgreed: 9.3e17)), "km"),
      (.meetingHeld(meeting: "M-1", outcome: MeetingOutcome(kmAgreed: -.infinity)), "km"),
      (.noteAdded(target: nil, text: String(repeating: "x", count: JournalLimits.textBytes + 1)), "text"),
      (.alertAcknowledged(alert: AlertID(String(repeating: "A", count: 65)), note: nil), "alert"),
      (
        .alertRaised(
          AlertReport(
            id: "AL-9", segment: "A-01", level: .tense, type: .other, text: "t",
            claims: [.kyrgyzstan: CasualtyClaim(killed: ClaimedFigure(20_000_000))])), "claims.KG.killed"
      ),
    ])
  func writerRefusesWhatReaderSkips(payload: EventPayload, field: String) {
    let event = JournalEvent(seq: 7, at: Fixtures.t0, by: "op", payload: payload)
    let refusal = event.shapeProblem
    #expect(refusal?.field == field, "the writer refuses \(payload)")
    let written = EventCodec.encodeText(event)
    guard case .failure(let skipped) = EventCodec.decode(written) else {
      if payload != .meetingHeld(meeting: "M-1", outcome: MeetingOutcome(kmAgreed: -.infinity)) {
        Issue.record("the reader must skip \(written)")
      }
      return
    }
    #expect(skipped.field == field && skipped.reason == refusal?.reason.description)
    #expect(skipped.seq == 7, "a skipped line's seq is still known, so it is never reused")
  }

  @Test("a seq beyond 2^53 - 1 is refused and not carried: it cannot poison numbering (F17)")
  func seqBound() {
    let huge = EventCodec.decode(
      #"{"seq":9223372036854775807,"at":"2024-01-10T04:00:00Z","by":"op","type":"note","text":"x"}"#)
    guard case .failure(let error) = huge else {
      Issue.record("seq Int64.max must be refused")
      return
    }
    #expect(error.field == "seq" && error.seq == nil)
    let last = EventCodec.decode(
      line(#""type":"note","text":"x""#).replacingOccurrences(
        of: #""seq":7"#, with: #""seq":9007199254740991"#))
    #expect((try? last.get())?.seq == JournalLimits.maxSeq)
  }

  @Test("times outside 1900–2200 are refused by the codec")
  func timeRange() {
    let far = EventCodec.decode(
      line(#""type":"note","text":"x""#).replacingOccurrences(of: "2024-01", with: "9999-12"))
    #expect((try? far.get()) == nil)
  }

  @Test("a bridge's unknown members are found byte for byte, known ones left to the encoder (F14)")
  func unknownMembers() throws {
    let text = #"{"type":"note","text":"hi","x-ref":{"a":[1, 2.50]},"seq":3,"kind":"ignored-here" }"#
    var copy = text
    let extra = copy.withUTF8 { bytes -> [UInt8] in
      guard
        case .success(let event) = EventCodec.decode(
          bytes, defaults: EventDefaults(at: Fixtures.t0, by: "op"))
      else { return [] }
      return EventCodec.membersNotWritten(bytes, by: event)
    }
    #expect(String(decoding: extra, as: UTF8.self) == #""x-ref":{"a":[1, 2.50]},"kind":"ignored-here""#)
  }

  @Test("invalid UTF-8 is found at its byte")
  func utf8() {
    #expect(UTF8Validation.firstInvalidByte(Array("Головной ✓".utf8)) == nil)
    #expect(UTF8Validation.firstInvalidByte([0x61, 0xFF, 0xFE]) == 1)
    #expect(UTF8Validation.firstInvalidByte([0x61, 0xC0, 0x80]) == 1, "overlong")
    #expect(UTF8Validation.firstInvalidByte([0xED, 0xA0, 0x80]) == 0, "surrogate")
    #expect(UTF8Validation.firstInvalidByte([0xE2, 0x9C]) == 0, "cut short")
  }
}
