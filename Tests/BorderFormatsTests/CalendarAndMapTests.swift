import BorderFormats
import BorderModel
import Foundation
import Testing

@Suite("iCalendar and GeoJSON exports")
struct CalendarAndMapTests {
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6)
  static let longVenue = "Ворух — Тортгульское водохранилище, Баткенская область; ж/д, вход № 3, \\ «Кёк-Таш»"

  /// The map fixture with a meeting scheduled, rescheduled, and two more postponed and cancelled.
  static func situation(rescheduled: Bool) throws -> Situation {
    var situation = try MapFixture.situation()
    let start = Timestamp(year: 2026, month: 12, day: 8, hour: 4)
    var payloads: [EventPayload] = [
      .meetingScheduled(
        Meeting(
          id: "M-1", kind: .topographicGroup, venue: PlaceName("Vorukh", cyrillic: longVenue),
          host: .tajikistan,
          start: start, end: start.adding(seconds: 8 * 3600), agenda: ["A-02", "C-03"],
          note: "Bring maps; the \u{1B}[2Jwater, the road;\nand the line", provenance: .reported)),
      .meetingScheduled(
        Meeting(
          id: "M-2", kind: .coChairs, venue: PlaceName("Bishkek", cyrillic: "Бишкек"), start: start,
          end: start.adding(seconds: 3600), provenance: .reported)),
      .meetingScheduled(
        Meeting(
          id: "M-3", kind: .legalGroup, start: start, end: start.adding(seconds: 3600), provenance: .reported)
      ),
      .meetingPostponed(meeting: "M-2", reason: "delegation ill"),
      .meetingCancelled(meeting: "M-3", reason: "superseded"),
    ]
    if rescheduled {
      payloads.append(
        .meetingRescheduled(
          meeting: "M-1", start: start.adding(seconds: 86_400), end: start.adding(seconds: 86_400 + 8 * 3600),
          reason: "venue"))
    }
    for (index, payload) in payloads.enumerated() {
      let event = JournalEvent(seq: UInt64(index + 1), at: now, by: "op", payload: payload)
      guard case .success = situation.apply(event) else {
        Issue.record("fixture event \(index) rejected")
        continue
      }
    }
    return situation
  }

  static func events(_ report: [String: Any]) -> [String: [String: Any]] {
    let events = report["events"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: events.map { ($0["uid"] as? String ?? "", $0) })
  }

  @Test("the sample's meetings parse with Python icalendar: one event each, UTC times, Cyrillic locations")
  func sampleCalendar() throws {
    let situation = try Sample.situation()
    let text = ICalendarExport(situation: situation, now: Self.now).calendar()
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    guard let (status, report) = try StandardValidator.check("ics", text: text) else { return }
    #expect(status == 0, "\(report["problems"] ?? report)")
    let events = Self.events(report)
    #expect(events.count == situation.meetings.count)
    for meeting in situation.meetings {
      let event = try #require(events[ICalendarExport.uid(meeting.id)])
      #expect((event["start"] as? String)?.hasSuffix("+00:00") == true)
      if let cyrillic = meeting.venue?.cyrillic {
        #expect((event["location"] as? String)?.contains(cyrillic) == true)
      }
    }
  }

  @Test("long Cyrillic lines fold at 75 octets without splitting a character and unfold to the same text")
  func foldingAndEscaping() throws {
    let text = ICalendarExport(situation: try Self.situation(rescheduled: false), now: Self.now).calendar()
    for line in text.components(separatedBy: "\r\n").dropLast() {
      #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
      #expect(!line.contains("\n") && !line.contains("\r"))
    }
    #expect(!text.contains("\u{1B}"))
    guard let (status, report) = try StandardValidator.check("ics", text: text) else { return }
    #expect(status == 0, "\(report["problems"] ?? report)")
    let event = try #require(Self.events(report)["M-1@bordermon"])
    #expect(event["location"] as? String == "Vorukh (\(Self.longVenue))")
    let description = try #require(event["description"] as? String)
    #expect(description.contains("Agenda: A-02 Golovnoy water point (Головной); C-03 Ovchi-Kalacha"))
    #expect(description.contains("Note: Bring maps; the \u{FFFD}[2Jwater, the road;\nand the line"))
    #expect(event["summary"] as? String == "topographic working group — Vorukh")
  }

  @Test("folding keeps every multi-byte character whole at every offset")
  func foldAtEveryOffset() {
    for prefix in 0..<8 {
      let line = "DESCRIPTION:" + String(repeating: "x", count: prefix) + String(repeating: "Жё🇰🇬", count: 30)
      let folded = ICalendarExport.fold(line)
      for physical in folded.split(separator: "\r\n") {
        #expect(physical.utf8.count <= 75)
      }
      #expect(
        folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "") == line)
    }
  }

  @Test("rescheduling bumps SEQUENCE and moves DTSTART; postponed is TENTATIVE, cancelled CANCELLED")
  func sequenceAndStatus() throws {
    let before = ICalendarExport(situation: try Self.situation(rescheduled: false), now: Self.now).calendar()
    let after = ICalendarExport(situation: try Self.situation(rescheduled: true), now: Self.now).calendar()
    guard let (s1, r1) = try StandardValidator.check("ics", text: before),
      let (s2, r2) = try StandardValidator.check("ics", text: after)
    else { return }
    #expect(s1 == 0 && s2 == 0)
    let old = try #require(Self.events(r1)["M-1@bordermon"])
    let new = try #require(Self.events(r2)["M-1@bordermon"])
    #expect((new["sequence"] as? Int ?? 0) > (old["sequence"] as? Int ?? 0))
    #expect(old["start"] as? String == "2026-12-08T04:00:00+00:00")
    #expect(new["start"] as? String == "2026-12-09T04:00:00+00:00")
    #expect(old["status"] as? String == "CONFIRMED")
    #expect(Self.events(r2)["M-2@bordermon"]?["status"] as? String == "TENTATIVE")
    #expect(Self.events(r2)["M-3@bordermon"]?["status"] as? String == "CANCELLED")
  }

  @Test("the calendar check fails on bare LF line ends and unfolded long lines")
  func calendarCheckCanFail() throws {
    let good = ICalendarExport(situation: try Self.situation(rescheduled: false), now: Self.now).calendar()
    let bad = good.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
    guard let (status, report) = try StandardValidator.check("ics", text: bad) else { return }
    #expect(status == 1, "\(report)")
  }

  @Test(
    "GeoJSON: segments as LineStrings in [lon, lat] order, those without coordinates listed; Python geojson validates it"
  )
  func geoJSON() throws {
    let export = GeoJSONExport(situation: try Self.situation(rescheduled: false), asOf: Self.now)
    let object = export.object()
    let features = try #require(object["features"] as? [[String: Any]])
    let a02 = try #require(features.first { $0["id"] as? String == "A-02" })
    let geometry = try #require(a02["geometry"] as? [String: Any])
    #expect(geometry["type"] as? String == "LineString")
    #expect(geometry["coordinates"] as? [[Double]] == [[70.5358, 39.9497], [70.59, 39.93]])
    let properties = try #require(a02["properties"] as? [String: Any])
    #expect(properties["name_cyrillic"] as? String == "Головной")
    #expect(properties["status"] as? String == "disputed")
    #expect(properties["length_km"] as? Double == 5.9)
    #expect((properties["kg_district"] as? [String: Any])?["region"] as? String == "Batken oblast")
    let collection = try #require(object["properties"] as? [String: Any])
    #expect(collection["segments_without_coordinates"] as? [String] == ["F-01"])
    #expect(collection["checkpoints_without_coordinates"] as? [String] == ["karamyk"])
    let checkpoint = try #require(features.first { $0["id"] as? String == "kyzyl-bel" })
    #expect((checkpoint["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [70.495, 39.971])
    #expect((checkpoint["properties"] as? [String: Any])?["counterpart_cyrillic"] as? String == "Гулистон")
    guard let (status, report) = try StandardValidator.check("geojson", text: try export.json()) else {
      return
    }
    #expect(status == 0, "\(report)")
    #expect((report["geometries"] as? [String: Int]) == ["LineString": 2, "Point": 1])
  }

  @Test(
    "GeoJSON of the sample validates, and every segment is either a feature or listed as without coordinates")
  func sampleGeoJSON() throws {
    let situation = try Sample.situation()
    let export = GeoJSONExport(situation: situation, asOf: Self.now)
    let object = export.object()
    let features = (object["features"] as? [[String: Any]]) ?? []
    let properties = object["properties"] as? [String: Any]
    let without = (properties?["segments_without_coordinates"] as? [String]) ?? []
    let checkpointsWithout = (properties?["checkpoints_without_coordinates"] as? [String]) ?? []
    /// The features of one kind (segment or checkpoint).
    func count(_ kind: String) -> Int {
      features.filter { ($0["properties"] as? [String: Any])?["kind"] as? String == kind }.count
    }
    #expect(count("segment") + without.count == situation.segments.count)
    #expect(count("checkpoint") + checkpointsWithout.count == situation.checkpoints.count)
    // The sample has approximate coordinates for every segment and checkpoint (issue 12).
    #expect(without.isEmpty && checkpointsWithout.isEmpty, "\(without) \(checkpointsWithout)")
    #expect(features.count == situation.segments.count + situation.checkpoints.count)
    guard let (status, report) = try StandardValidator.check("geojson", text: try export.json()) else {
      return
    }
    #expect(status == 0, "\(report)")
  }

  @Test("the GeoJSON check fails on a position off the globe")
  func geoJSONCheckCanFail() throws {
    let bad =
      #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[39.9,270.5]},"properties":{}}]}"#
    guard let (status, _) = try StandardValidator.check("geojson", text: bad) else { return }
    #expect(status == 1)
  }
}
