import Foundation
import Testing

@testable import BorderModel

@Suite("Provenance in the journal")
struct ProvenanceTests {
  /// A round's meeting: the protocol is public, its scheduling time and agenda are not.
  static let partlyIllustrative = JournalEvent(
    seq: 4, at: Timestamp(year: 2023, month: 10, day: 3, hour: 4), by: "sample",
    provenance: .factual(
      SourceReference(
        outlet: "Kyrgyz Cabinet via KGinform", title: "Kyrgyzstan and Tajikistan agree 43.32 km",
        url: "https://kginform.com/pda/ru/news/20231009/53793.html", date: "2023-10-09"),
      approximate: ["at", "agenda"]),
    payload: .meetingStarted(meeting: "M-2023-10-BATKEN"))

  @Test("a structured source, the illustrative mark and the approximate fields survive a journal line")
  func structuredRoundTrip() throws {
    let line = EventCodec.encodeText(Self.partlyIllustrative)
    let decoded = try EventCodec.decode(line).get()
    #expect(decoded == Self.partlyIllustrative, "\(line)")
    #expect(decoded.provenance.source?.url == "https://kginform.com/pda/ru/news/20231009/53793.html")
    #expect(decoded.provenance.approximate == ["at", "agenda"])
    #expect(decoded.provenance.label == "partly illustrative")
    // Foundation reads the same structure.
    let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let source = try #require(object["source"] as? [String: String])
    #expect(source["outlet"] == "Kyrgyz Cabinet via KGinform" && source["date"] == "2023-10-09")
    #expect(object["approximate"] as? [String] == ["at", "agenda"])
    #expect(object["illustrative"] as? Bool == true)
  }

  @Test("a plain-text source from older journals still reads as a factual source")
  func legacySource() throws {
    let line =
      #"{"seq":1,"at":"2014-01-11T08:00:00Z","by":"sample","type":"note","text":"x","source":"RFE/RL, Jan 2014"}"#
    let event = try EventCodec.decode(line).get()
    #expect(event.provenance == .factual(source: "RFE/RL, Jan 2014"))
    #expect(event.provenance.label == "factual")
    #expect(EventCodec.encodeText(event) == line, "written back as it was")
  }

  @Test("a source object without an outlet is refused, naming the field")
  func sourceNeedsOutlet() {
    let line =
      #"{"seq":1,"at":"2014-01-11T08:00:00Z","by":"x","type":"note","text":"x","source":{"title":"t"}}"#
    guard case .failure(let error) = EventCodec.decode(line) else {
      Issue.record("accepted a source without outlet")
      return
    }
    #expect(error.field == "source.outlet")
  }

  @Test("the detail line names the outlet, date and title, and the approximate fields")
  func summaryLine() {
    #expect(
      Self.partlyIllustrative.provenance.summary
        == "factual — Kyrgyz Cabinet via KGinform, 2023-10-09, “Kyrgyzstan and Tajikistan agree 43.32 km”;"
        + " approximate: at, agenda")
    #expect(Provenance.illustrative(note: "invented").summary == "illustrative — invented")
    #expect(Provenance.reported.label == "reported")
  }
}
