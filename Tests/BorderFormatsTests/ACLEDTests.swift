import BorderFormats
import BorderModel
import Foundation
import Testing

@Suite("ACLED import")
struct ACLEDTests {
  static let fixtures = StandardValidator.folder.appendingPathComponent("Fixtures/acled")
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  static func file(_ name: String) throws -> ACLEDFile {
    let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    return try ACLEDFile.read(text).get()
  }

  /// Plans and applies every row, as the command does; returns the outcomes by event ID.
  static func importRows(_ file: ACLEDFile, into situation: inout Situation) -> [String: ImportOutcome] {
    var outcomes: [String: ImportOutcome] = [:]
    for row in file.rows {
      let outcome = ACLEDImport(situation: situation, author: "op", withinKm: 25, now: now).plan(row)
      outcomes[row.eventID] = outcome
      if case .append(let events, _) = outcome {
        for var event in events {
          event.seq = situation.lastSeq + 1
          guard case .success = situation.apply(event) else {
            Issue.record("\(row.eventID): rejected \(event)")
            continue
          }
        }
      }
    }
    return outcomes
  }

  @Test(
    "rows near a segment become alerts on the nearest one; kind, level, claims, text and provenance from the row"
  )
  func importsFixture() throws {
    var situation = try MapFixture.situation()
    let outcomes = Self.importRows(try Self.file("border-events.csv"), into: &situation)
    #expect(situation.alerts.count == 4)
    let clash = try #require(situation.alert("ACLED-KGZ90001"))
    #expect(clash.segment == "A-02")
    #expect(clash.report.type == .armedClash)
    #expect(clash.level == .armedIncident)
    #expect(clash.report.claims[.kyrgyzstan]?.killed == ClaimedFigure(3))
    #expect(clash.report.occurredAt == Timestamp(year: 2026, month: 9, day: 14))
    #expect(
      clash.report.text.contains("exchanged fire near the \"Golovnoy\" water point, Kok-Tash; 3 killed."))
    #expect(
      clash.report.text.hasPrefix(
        "Armed clash — Kok-Tash, Batken, Batken, Kyrgyzstan (Military Forces of Kyrgyzstan"))
    #expect(clash.provenance.source?.outlet == "ACLED, from 24.kg; Asia-Plus")
    #expect(clash.provenance.source?.title == "event ACLED KGZ90001 timestamp 1757900000")
    #expect(clash.provenance.source?.date == "2026-09-14")
    let shelling = try #require(situation.alert("ACLED-TJK80002"))
    #expect(shelling.report.type == .shelling)
    #expect(shelling.level == .escalation)  // 12 fatalities
    #expect(shelling.report.claims[.tajikistan]?.killed == ClaimedFigure(12))
    let protest = try #require(situation.alert("ACLED-KGZ90003"))
    #expect(protest.segment == "C-03")
    #expect(protest.report.type == .blockade)
    #expect(protest.level == .relativelyStable)
    #expect(protest.report.claims.isEmpty)
    #expect(protest.report.occurredAt == Timestamp(year: 2026, month: 9, day: 15))  // "15 September 2026"
    #expect(protest.report.text.contains("demanded\ncompensation for land, and blocked"))
    #expect(situation.alert("ACLED-TJK80008")?.report.type == .detention)
    #expect(outcomes["KGZ90004"] == .skipped("farther than 25 km from every segment with coordinates"))
    #expect(outcomes["UZB70005"] == .skipped("outside Kyrgyzstan and Tajikistan"))
  }

  @Test("importing the fixture twice adds nothing; a newer timestamp becomes an update with the new level")
  func idempotentAndUpdates() throws {
    var situation = try MapFixture.situation()
    _ = Self.importRows(try Self.file("border-events.csv"), into: &situation)
    let seq = situation.lastSeq
    let again = Self.importRows(try Self.file("border-events.csv"), into: &situation)
    #expect(situation.lastSeq == seq)
    #expect(again.values.allSatisfy { if case .append = $0 { return false } else { return true } })
    let revised = Self.importRows(try Self.file("border-events-revised.csv"), into: &situation)
    guard case .append(let events, _) = revised["KGZ90001"] else {
      Issue.record("revision not applied: \(String(describing: revised["KGZ90001"]))")
      return
    }
    #expect(events.count == 2)
    #expect(situation.alert("ACLED-KGZ90001")?.level == .escalation)
    #expect(
      situation.notes.last?.text.hasPrefix(
        "ACLED revised the event (ACLED KGZ90001 timestamp 1758200000): 11 fatalities.") == true)
    if case .unchanged = revised["TJK80002"] {} else { Issue.record("same timestamp re-imported") }
    let seqAfter = situation.lastSeq
    _ = Self.importRows(try Self.file("border-events-revised.csv"), into: &situation)
    #expect(situation.lastSeq == seqAfter)
  }

  @Test("malformed rows are named by their line and field; a header without a codebook column is refused")
  func malformedRows() throws {
    let file = try Self.file("malformed.csv")
    #expect(file.malformed.map(\.line) == [5])
    #expect(file.malformed.first?.reason == "7 field(s) where the header has 16")
    var situation = try MapFixture.situation()
    let outcomes = Self.importRows(file, into: &situation)
    #expect(
      outcomes["KGZ90101"] == .refused(field: "latitude", reason: "'forty', '70.5480' is not a position"))
    #expect(
      outcomes["KGZ90102"]
        == .refused(field: "event_date", reason: "'2026-13-40' is not a date (2021-04-29 or 29 April 2021)"))
    #expect(
      outcomes["KGZ90103"] == .refused(field: "event_type", reason: "'Skirmishes' is not an ACLED event type")
    )
    #expect(situation.alert("ACLED-KGZ90105") != nil)
    let headerless = ACLEDFile.read("event_id_cnty,event_date,latitude\nX,2026-01-01,40\n")
    guard case .failure(let error) = headerless else {
      Issue.record("accepted a header without columns"); return
    }
    #expect(error == InputProblem(line: 1, field: "event_type", reason: "column missing from the header"))
  }

  @Test("event type and fatalities give the level, sub-event type the kind, as the README's tables say")
  func mappingTables() {
    let levels: [(String, [Int])] = [
      ("Battles", [4, 4, 5]), ("Explosions/Remote violence", [4, 4, 5]),
      ("Violence against civilians", [3, 4, 5]),
      ("Riots", [3, 4, 5]), ("Protests", [2, 3, 4]), ("Strategic developments", [2, 3, 4]),
    ]
    for (type, expected) in levels {
      #expect(
        [0, 1, 10].map { ACLEDImport.level(eventType: type, fatalities: $0)?.rawValue } == expected, "\(type)"
      )
    }
    #expect(ACLEDImport.level(eventType: "Battles", fatalities: 9) == .armedIncident)
    #expect(ACLEDImport.level(eventType: "Skirmish", fatalities: 0) == nil)
    #expect(ACLEDImport.kind(subEventType: "Armed clash") == .armedClash)
    #expect(ACLEDImport.kind(subEventType: "Air/drone strike") == .shelling)
    #expect(ACLEDImport.kind(subEventType: "Abduction/forced disappearance") == .detention)
    #expect(ACLEDImport.kind(subEventType: "Violent demonstration") == .blockade)
    #expect(ACLEDImport.kind(subEventType: "Looting/property destruction") == .infrastructureDamage)
    #expect(ACLEDImport.kind(subEventType: "Headquarters or base established") == .troopMovement)
    #expect(ACLEDImport.kind(subEventType: "Attack") == .other)
  }

  @Test(
    "CSV: quoted commas, doubled quotes, line breaks in fields, CRLF, a BOM; lines counted from the record's start"
  )
  func csvReader() {
    let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n2,\"multi\nline\",4\n\n5,,\n"
    let (records, unterminated) = CSVReader.records(text)
    #expect(unterminated == nil)
    #expect(
      records.map(\.fields) == [
        ["a", "b", "c"], ["1", "x, \"y\"", "3"], ["2", "multi\nline", "4"], ["5", "", ""],
      ])
    #expect(records.map(\.line) == [1, 2, 3, 6])
    #expect(CSVReader.records("a,b\n1,\"open\n2,3\n").unterminatedQuoteAt == 2)
  }
}
