import Foundation
import Testing

@testable import BorderModel

@Suite("Journal codec")
struct EventCodecTests {
  @Test("every event type round-trips through a journal line")
  func everyTypeRoundTrips() throws {
    let events = Fixtures.everyType
    let covered = Set(events.compactMap(\.payload.eventType))
    #expect(covered == Set(EventType.allCases), "the fixture must cover every type")
    for event in events {
      let line = EventCodec.encodeText(event)
      #expect(!line.contains("\n"), "one event is one line")
      let decoded = try EventCodec.decode(line).get()
      #expect(decoded == event, "\(line)")
    }
  }

  @Test("the fast reader agrees with Foundation's JSON parser on every line it writes")
  func agreesWithFoundation() throws {
    for event in Fixtures.everyType {
      let line = EventCodec.encode(event)
      let object = try #require(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
      #expect(object["seq"] as? Int == Int(event.seq))
      #expect(object["type"] as? String == event.type)
      #expect(object["by"] as? String == event.by)
      #expect((object["at"] as? String).flatMap { try? RFC3339.parse($0).get() } == event.at)
      if case .alertRaised(let report) = event.payload {
        #expect(object["text"] as? String == report.text)
        let claims = try #require(object["claims"] as? [String: [String: Any]])
        #expect(claims["KG"]?["injured"] as? [Int] == [154, 189])
        #expect(claims["TJ"]?["killed"] as? Int == 19)
      }
    }
    // And lines written by another tool, with escapes and spacing, read the same both ways.
    let foreign =
      #"{ "seq" : 7 , "at":"2024-01-10T10:00:00+06:00","by":"feed\/x","type":"note","text":"\u0412\u043e\u0440\u0443\u0445 \ud83d\ude00 \"q\"","extra":{"nested":[1,2,{"a":null}]}}"#
    let event = try EventCodec.decode(foreign).get()
    let object = try #require(JSONSerialization.jsonObject(with: Data(foreign.utf8)) as? [String: Any])
    #expect(event.by == object["by"] as? String)
    #expect(event.payload == .noteAdded(target: nil, text: object["text"] as! String))
    #expect(event.at == Timestamp(year: 2024, month: 1, day: 10, hour: 4))
  }

  @Test(
    "a bad line names the field and the reason",
    arguments: [
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"alert.raised","alert":"X","segment":"A-01","level":7,"kind":"shelling"}"#,
        "level", "7 is outside 1–5"
      ),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"alert.raised","alert":"X","segment":"A-01","level":"high","kind":"shelling"}"#,
        "level", "must be a whole number 1–5"
      ),
      (#"{"seq":1,"at":"2024-01-10T04:00:00","by":"op","type":"note","text":"x"}"#, "at", "has no zone"),
      (#"{"seq":1,"by":"op","type":"note","text":"x"}"#, "at", "missing"),
      (#"{"at":"2024-01-10T04:00:00Z","by":"op","type":"note","text":"x"}"#, "seq", "missing"),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"segment.status","segment":"A-01","status":"finished"}"#,
        "status", "is not one of disputed"
      ),
      (#"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"alert.ack"}"#, "alert", "missing"),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"meeting.scheduled","meeting":"M","kind":"co-chairs","start":"2024-01-12T00:00:00Z","end":"2024-01-11T00:00:00Z"}"#,
        "end", "before start"
      ),
      (#"{"seq":-3,"at":"2024-01-10T04:00:00Z","by":"op","type":"note","text":"x"}"#, "seq", "whole number"),
      (#"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"feed.heartbeat"}"#, "feed", "missing"),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"feed.heartbeat","feed":""}"#, "feed",
        "not be empty"
      ),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"feed.heartbeat","feed":"\#(String(repeating: "f", count: 201))"}"#,
        "feed", "201 bytes, longer than the 200 allowed"
      ),
      (
        #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"op","type":"note","text":"x","via":"radio"}"#, "via",
        "'radio' is not one of console, command"
      ),
    ])
  func fieldErrors(line: String, field: String, reason: String) {
    guard case .failure(let error) = EventCodec.decode(line) else {
      Issue.record("accepted: \(line)")
      return
    }
    #expect(error.field == field)
    #expect(error.reason.contains(reason), "\(error.reason)")
  }

  @Test(
    "malformed JSON is reported with its column",
    arguments: [
      (#"{"seq":1,"at":"2024-01-10T04:00:00Z""#, 37),
      (#"{"seq":1 "at":"x"}"#, 10),
      ("not json", 1),
      ("{\"seq\":1,\"text\":\"tab\tinside\"}", 21),
      (#"{"seq":1}garbage"#, 10),
    ])
  func malformed(line: String, column: Int) {
    guard case .failure(let error) = EventCodec.decode(line) else {
      Issue.record("accepted: \(line)")
      return
    }
    #expect(error.field == nil)
    #expect(error.reason.hasPrefix("malformed JSON at column \(column):"), "\(error.reason)")
  }

  @Test("an unknown event type is kept, not refused, and unknown fields are skipped")
  func unknownType() throws {
    let line =
      #"{"seq":9,"at":"2024-01-10T04:00:00Z","by":"newer-tool","type":"drone.sighting","altitude":120,"segment":"A-01"}"#
    let event = try EventCodec.decode(line).get()
    #expect(event.payload == .unknown(type: "drone.sighting"))
    #expect(event.type == "drone.sighting")
  }

  @Test("a draft may leave out seq, at and by")
  func drafts() throws {
    let defaults = EventDefaults(at: Fixtures.t0, by: "alice@10.1.1.1")
    let event = try EventCodec.decode(#"{"type":"note","text":"hi"}"#, defaults: defaults).get()
    #expect(event.seq == 0 && event.at == Fixtures.t0 && event.by == "alice@10.1.1.1")
    #expect((try? EventCodec.decode(#"{"type":"note","text":"hi"}"#).get()) == nil)
  }

  @Test("control characters in text are escaped in the journal, never written raw")
  func escaping() {
    let event = Fixtures.event(1, minutes: 0, .noteAdded(target: nil, text: "a\u{1B}[2Jb\u{07}\u{7F}c"))
    let line = EventCodec.encode(event)
    #expect(!line.contains(0x1B) && !line.contains(0x07) && !line.contains(0x7F))
    #expect(String(decoding: line, as: UTF8.self).contains(#"a\u001b[2Jb\u0007\u007fc"#))
  }
}
