import BorderFormats
import BorderModel
import Foundation
import Testing

@Suite("CAP 1.2 export and import")
struct CAPTests {
  static let t0 = Timestamp(year: 2026, month: 11, day: 20, hour: 8)

  /// The map fixture with three alerts: one new, one re-levelled, one resolved; texts with markup and controls.
  static func fixture() throws -> Situation {
    var situation = try MapFixture.situation()
    let events: [EventPayload] = [
      .alertRaised(
        AlertReport(
          id: "AL 1,<x>&y", segment: "A-02", level: .tense, type: .blockade,
          text: "Residents <block> the road & \u{1B}[31mgate\u{07} — Кёк-Таш", reportingSide: .kyrgyzstan,
          claims: [.kyrgyzstan: CasualtyClaim(injured: ClaimedFigure(3, 5))], confidence: .probable)),
      .alertRaised(
        AlertReport(
          id: "AL-2", segment: "C-03", level: .tense, type: .shelling, text: "Mortar fire",
          confidence: .confirmed)),
      .alertLevelChanged(alert: "AL-2", level: .escalation, reason: "spreading"),
      .alertRaised(
        AlertReport(
          id: "AL-3", segment: "F-01", level: .relativelyStable, type: .troopMovement, text: "Trucks")),
      .alertResolved(alert: "AL-3", note: "left the area"),
    ]
    for (index, payload) in events.enumerated() {
      let event = JournalEvent(
        seq: UInt64(index + 1), at: t0.adding(seconds: Int64(index) * 600), by: "alice", payload: payload)
      guard case .success = situation.apply(event) else {
        Issue.record("fixture event \(index) rejected")
        continue
      }
    }
    return situation
  }

  @Test("every message of the sample and of tricky alerts validates against the official CAP 1.2 schema")
  func validatesAgainstSchema() throws {
    for situation in [try Sample.situation(), try Self.fixture()] {
      let messages = CAPExport(situation: situation).messages()
      #expect(messages.count == situation.alerts.count)
      let text = messages.map(CAPExport.xml).joined()
      guard let (status, report) = try StandardValidator.check("cap", text: text) else { continue }
      #expect(status == 0, "\(report["problems"] ?? report)")
      #expect(report["documents"] as? Int == messages.count)
    }
  }

  @Test("the schema check fails on a message that breaks the schema")
  func schemaCheckCanFail() throws {
    let message = CAPExport(situation: try Self.fixture()).messages()[0]
    let broken = CAPExport.xml(message).replacingOccurrences(of: "<urgency>", with: "<urgency>Soon")
      .replacingOccurrences(
        of: "<scope>Public</scope>\n", with: "")
    guard let (status, report) = try StandardValidator.check("cap", text: broken) else { return }
    #expect(status == 1)
    #expect((report["problems"] as? [String])?.count ?? 0 >= 2)
  }

  @Test(
    "msgType follows the alert: Alert, Update after a level change, Cancel once resolved; references the first"
  )
  func messageTypes() throws {
    let export = CAPExport(situation: try Self.fixture(), sender: "desk.bishkek")
    let byAlert = Dictionary(
      uniqueKeysWithValues: export.messages().map { ($0.info[0].parameter("bordermon:alert")!, $0) })
    let first = try #require(byAlert["AL 1,<x>&y"])
    #expect(first.msgType == .alert)
    #expect(first.identifier == "bordermon-AL%201%2C%3Cx%3E%26y")
    #expect(first.references.isEmpty)
    #expect(first.status == .actual)
    let second = try #require(byAlert["AL-2"])
    #expect(second.msgType == .update)
    #expect(second.references.first?.identifier == "bordermon-AL-2")
    #expect(second.references.first?.sender == "desk.bishkek")
    #expect(second.info[0].severity == "Extreme")
    #expect(second.info[0].urgency == "Immediate")
    #expect(second.info[0].certainty == "Observed")
    #expect(second.note == "spreading")
    let third = try #require(byAlert["AL-3"])
    #expect(third.msgType == .cancel)
    #expect(third.info[0].urgency == "Past")
    #expect(third.info[0].responseTypes == ["AllClear"])
    #expect(third.sent == Self.t0.adding(seconds: 2400))
    // Areas: a circle where the segment has coordinates, the geocode always.
    #expect(first.info[0].areas[0].circles.count == 1)
    #expect(first.info[0].areas[0].geocodes == [CAPValue("bordermon:segment", "A-02")])
    #expect(third.info[0].areas[0].circles.isEmpty)
    let xml = CAPExport.xml(first)
    #expect(
      xml.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"))
    #expect(!xml.contains("\u{1B}") && !xml.contains("\u{07}"))
    #expect(xml.contains("Residents &lt;block&gt; the road &amp;"))
    #expect(xml.contains("<sent>2026-11-20T08:00:00+00:00</sent>"))
  }

  @Test("level, confidence and state map to severity, urgency and certainty as the README's table says")
  func mappingTable() {
    let expected: [(AlertLevel, String, String)] = [
      (.stable, "Minor", "Future"), (.relativelyStable, "Minor", "Future"), (.tense, "Moderate", "Expected"),
      (.armedIncident, "Severe", "Immediate"), (.escalation, "Extreme", "Immediate"),
    ]
    for (level, severity, urgency) in expected {
      #expect(CAPExport.severity(level) == severity)
      #expect(CAPExport.urgency(level, resolved: false) == urgency)
      #expect(CAPExport.urgency(level, resolved: true) == "Past")
    }
    #expect(CAPExport.certainty(.confirmed) == "Observed")
    #expect(CAPExport.certainty(.probable) == "Likely")
    #expect(CAPExport.certainty(.unverified) == "Possible")
    #expect(CAPImport.level(severity: "Extreme") == .escalation)
    #expect(CAPImport.level(severity: "Severe") == .armedIncident)
    #expect(CAPImport.level(severity: "Moderate") == .tense)
    #expect(CAPImport.level(severity: "Minor") == .relativelyStable)
    #expect(CAPImport.level(severity: "Unknown") == .tense)
  }

  /// A foreign CAP message, as another agency would send it.
  static func foreign(
    identifier: String = "KG-MES-2026-0042", status: String = "Actual", msgType: String = "Alert",
    references: String? = nil, severity: String = "Severe", area: String
  ) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
      <identifier>\(identifier)</identifier>
      <sender>mchs.gov.kg</sender>
      <sent>2026-11-21T10:15:00+06:00</sent>
      <status>\(status)</status>
      <msgType>\(msgType)</msgType>
      <scope>Public</scope>
      \(references.map { "<references>\($0)</references>" } ?? "")
      <info>
        <category>Security</category>
        <event>Armed clash</event>
        <urgency>Immediate</urgency>
        <severity>\(severity)</severity>
        <certainty>Likely</certainty>
        <headline>Gunfire near the water point</headline>
        <description><![CDATA[Gunfire heard near the <intake>.]]></description>
        <area>
          <areaDesc>Near Kok-Tash</areaDesc>
          \(area)
        </area>
      </info>
    </alert>

    """
  }

  static func plan(_ xml: String, in situation: Situation) -> ImportOutcome {
    let documents = CAPReader.read(xml)
    guard documents.count == 1, case .success(let message) = documents[0].result else {
      return .refused(field: "read", reason: "\(documents.map(\.result))")
    }
    return CAPImport(situation: situation, author: "op", withinKm: 10).plan(message)
  }

  @Test(
    "a foreign message is placed by geocode, else by the area point nearest a segment, else refused with a reason"
  )
  func placesForeignMessages() throws {
    let situation = try Self.fixture()
    // By the circle's centre: 1 km from A-02's line.
    guard
      case .append(let events, _) = Self.plan(
        Self.foreign(area: "<circle>39.945,70.55 2</circle>"), in: situation),
      case .alertRaised(let report) = events.first?.payload
    else { Issue.record("not imported"); return }
    #expect(report.segment == "A-02")
    #expect(report.id == "CAP-KG-MES-2026-0042")
    #expect(report.level == .armedIncident)
    #expect(report.type == .armedClash)
    #expect(report.confidence == .probable)
    #expect(report.text == "Gunfire heard near the <intake>.")
    #expect(events[0].at == Timestamp(year: 2026, month: 11, day: 21, hour: 4, minute: 15))
    #expect(events[0].provenance == .factual(source: "CAP KG-MES-2026-0042 from mchs.gov.kg"))
    // By a polygon near C-03.
    let polygon = "<polygon>40.07,69.85 40.08,69.86 40.07,69.87 40.07,69.85</polygon>"
    guard case .append(let events2, _) = Self.plan(Self.foreign(area: polygon), in: situation),
      case .alertRaised(let report2) = events2.first?.payload
    else { Issue.record("not imported"); return }
    #expect(report2.segment == "C-03")
    // The geocode wins over points.
    let coded =
      "<circle>39.945,70.55 2</circle><geocode><valueName>bordermon:segment</valueName><value>F-01</value></geocode>"
    guard case .append(let events3, _) = Self.plan(Self.foreign(area: coded), in: situation),
      case .alertRaised(let report3) = events3.first?.payload
    else { Issue.record("not imported"); return }
    #expect(report3.segment == "F-01")
    // Far away (Bishkek), and nothing else: refused, saying why.
    let far = Self.plan(
      Self.foreign(
        area:
          "<circle>42.87,74.59 5</circle><geocode><valueName>bordermon:segment</valueName><value>Z-99</value></geocode>"
      ),
      in: situation)
    #expect(
      far
        == .refused(
          field: "area",
          reason:
            "no segment found: geocode bordermon:segment names Z-99, not a segment; none of its 1 area point(s) lies within 10 km of a segment with coordinates"
        ))
    #expect(
      Self.plan(Self.foreign(area: ""), in: situation)
        == .refused(field: "area", reason: "no segment found: no area point (circle or polygon) to place it"))
  }

  @Test("Test, Ack and unreferenced Update messages are refused with their reason")
  func refusals() throws {
    let situation = try Self.fixture()
    let area = "<circle>39.945,70.55 2</circle>"
    #expect(
      Self.plan(Self.foreign(status: "Test", area: area), in: situation)
        == .refused(field: "status", reason: "Test messages are not for action"))
    #expect(
      Self.plan(Self.foreign(msgType: "Ack", area: area), in: situation)
        == .refused(field: "msgType", reason: "Ack messages carry no alert"))
    #expect(
      Self.plan(Self.foreign(msgType: "Update", area: area), in: situation)
        == .refused(field: "references", reason: "an Update must reference the message it replaces"))
  }

  @Test("malformed and non-CAP documents are named by the line they start on, with the reason")
  func malformed() {
    let text =
      Self.foreign(area: "<circle>39.945,70.55 2</circle>")
      + "<?xml version=\"1.0\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier>\n"
      + "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>\n"
      + Self.foreign(area: "").replacingOccurrences(
        of: "<sent>2026-11-21T10:15:00+06:00</sent>", with: "<sent>yesterday</sent>")
    let documents = CAPReader.read(text)
    #expect(documents.map(\.line) == [1, 24, 26, 28])
    guard case .failure(let error) = documents[1].result else {
      Issue.record("accepted a broken document"); return
    }
    #expect(error.field == "xml")
    #expect(error.reason.hasPrefix("malformed XML"))
    guard case .failure(let error2) = documents[2].result else { Issue.record("accepted Atom"); return }
    #expect(
      error2.reason
        == "root element <feed> in namespace 'http://www.w3.org/2005/Atom' is not a CAP 1.2 <alert>")
    guard case .failure(let error3) = documents[3].result else { Issue.record("accepted a bad time"); return }
    #expect(error3.field == "sent")
    #expect(error3.identifier == "KG-MES-2026-0042")
  }

  @Test("Update changes the level, Cancel resolves, and each message imported twice adds nothing")
  func updatesAndIdempotence() throws {
    var situation = try Self.fixture()
    let area = "<circle>39.945,70.55 2</circle>"
    let reference = "mchs.gov.kg,KG-MES-2026-0042,2026-11-21T10:15:00+06:00"
    let sequence = [
      Self.foreign(area: area),
      Self.foreign(
        identifier: "KG-MES-2026-0043", msgType: "Update", references: reference, severity: "Extreme",
        area: area
      ).replacingOccurrences(of: "Gunfire heard near the <intake>.", with: "Mortar fire now too."),
      Self.foreign(identifier: "KG-MES-2026-0044", msgType: "Cancel", references: reference, area: area),
    ]
    for xml in sequence {
      guard case .append(let events, _) = Self.plan(xml, in: situation) else {
        Issue.record("not imported: \(Self.plan(xml, in: situation))")
        return
      }
      for (index, var event) in events.enumerated() {
        event.seq = situation.lastSeq + 1 + UInt64(index)
        guard case .success = situation.apply(event) else { Issue.record("rejected \(event)"); return }
      }
      guard case .unchanged = Self.plan(xml, in: situation) else {
        Issue.record("second import was not a no-op: \(Self.plan(xml, in: situation))")
        return
      }
    }
    let alert = try #require(situation.alert("CAP-KG-MES-2026-0042"))
    #expect(alert.level == .escalation)
    #expect(alert.resolution != nil)
    #expect(alert.levelHistory.count == 1)
    // The new text became one note, once.
    #expect(situation.notes.filter { $0.text.hasPrefix("Mortar fire now too.") }.count == 1)
  }
}
