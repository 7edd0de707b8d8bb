import BorderModel
import Foundation
import Testing

/// The journal decoder against mutated lines, and against Foundation's JSON parser.
@Suite("Fuzz: the journal decoder")
struct DecoderFuzzTests {
  static let target = "DecoderFuzzTests"

  @Test(
    "no mutated line crashes the decoder; Foundation's invalid JSON is refused; what is read agrees with Foundation and round-trips"
  )
  func mutatedLines() {
    let plan = FuzzPlan.current
    let corpus = FuzzCorpus.journalLines
    #expect(corpus.count > 150, "the journal corpus is in the repository")
    let mutator = Mutator(format: .jsonLine, sizeLimit: 48 << 10, donors: corpus.map(\.bytes))
    var accepted = 0
    var refusedValid = 0
    var encodingRepaired = 0
    // Every corpus line as it is, then mutated ones.
    for (origin, bytes) in corpus {
      check(
        bytes, label: "corpus \(origin)", accepted: &accepted, refusedValid: &refusedValid,
        repaired: &encodingRepaired)
    }
    for caseNumber in plan.cases(6000) {
      var random = FuzzRandom(seed: plan.seed, target: Self.target, caseNumber: caseNumber)
      let (origin, original) = random.pick(corpus)
      let (bytes, steps) = mutator.mutate(original, &random)
      let label = "\(plan.replay(Self.target, caseNumber)): \(origin) after \(steps.joined(separator: "; "))"
      plan.keep(bytes, Self.target, caseNumber)
      check(
        bytes, label: label, accepted: &accepted, refusedValid: &refusedValid, repaired: &encodingRepaired)
    }
    FuzzCrashReport.set(0, "")
    print(
      "decoder fuzz: \(accepted) lines read, \(refusedValid) valid JSON refused by the schema, \(encodingRepaired) with bad UTF-8 or lone surrogates read as U+FFFD"
    )
    // The run must exercise both sides: some mutated lines still read, some are refused.
    #expect(accepted > 0)
  }

  /// Checks one line: no crash, a refusal that says why, agreement with Foundation, a round trip.
  private func check(
    _ bytes: [UInt8], label: String, accepted: inout Int, refusedValid: inout Int,
    repaired encodingRepaired: inout Int
  ) {
    FuzzCrashReport.set(0, label + " line " + printable(bytes, limit: 300))
    let decoded = bytes.withUnsafeBufferPointer { EventCodec.decode($0) }
    let defaults = EventDefaults(at: Timestamp(year: 2026, month: 11, day: 29, hour: 6), by: "fuzz")
    _ = bytes.withUnsafeBufferPointer { EventCodec.decode($0, defaults: defaults) }
    var foundation = try? JSONSerialization.jsonObject(with: Data(bytes))
    if foundation == nil, let repaired = Self.repairedEncoding(bytes) {
      // Invalid UTF-8 and lone surrogate escapes are not JSON, but the journal reader keeps such a
      // line with U+FFFD in their place (so nothing recorded is lost), and Foundation refuses numbers
      // beyond a Double's range that the reader skips in fields it does not know: then it must read
      // the line exactly as Foundation reads the repaired one.
      foundation = try? JSONSerialization.jsonObject(with: Data(repaired))
      if foundation != nil { encodingRepaired += 1 }
    }
    switch decoded {
    case .failure(let error):
      #expect(!error.reason.isEmpty, "a refusal says why: \(label)")
      if let field = error.field { #expect(!field.isEmpty, "\(label)") }
      if foundation != nil { refusedValid += 1 }
    case .success(let event):
      accepted += 1
      guard let object = foundation as? [String: Any] else {
        Issue.record(
          "the decoder read a line Foundation says is not a JSON object: \(label)\n  \(printable(bytes))")
        return
      }
      compare(event, object, label: label, bytes: bytes)
      let again = EventCodec.encode(event)
      switch again.withUnsafeBufferPointer({ EventCodec.decode($0) }) {
      case .success(let reread):
        #expect(reread == event, "re-encoding changes the event: \(label)\n  \(printable(again))")
      case .failure(let error):
        Issue.record(
          "the decoder refuses its own encoding (\(error)): \(label)\n  in:  \(printable(bytes))\n  out: \(printable(again))"
        )
      }
    }
  }

  /// The decoded event's fields against Foundation's reading of the same line.
  private func compare(_ event: JournalEvent, _ object: [String: Any], label: String, bytes: [UInt8]) {
    func string(_ key: String) -> String? { object[key] as? String }
    func expectString(_ key: String, _ value: String?) {
      #expect(
        string(key) == value,
        "\(key): decoder \(String(describing: value)), Foundation \(String(describing: object[key])): \(label)\n  \(printable(bytes))"
      )
    }
    func expectTime(_ key: String, _ value: Timestamp?) {
      let parsed = string(key).flatMap { try? RFC3339.parse($0).get() }
      #expect(parsed == value, "\(key): \(String(describing: object[key])): \(label)")
    }
    func expectInteger(_ key: String, _ value: Int64?) {
      let number = object[key] as? NSNumber
      #expect(number?.int64Value == value, "\(key): \(String(describing: object[key])): \(label)")
    }
    #expect((object["seq"] as? NSNumber)?.uint64Value == event.seq, "seq: \(label)")
    expectString("type", event.type)
    expectString("by", event.by)
    expectTime("at", event.at)
    expectString("via", event.via?.rawValue)
    compareProvenance(event.provenance, object, label: label)
    switch event.payload {
    case .alertRaised(let report):
      expectString("alert", report.id.rawValue)
      expectString("segment", report.segment.rawValue)
      expectInteger("level", Int64(report.level.rawValue))
      expectString("kind", report.type.rawValue)
      // An alert's text may be left out: it then reads as empty.
      if object["text"] is String || !report.text.isEmpty { expectString("text", report.text) }
      if let side = report.reportingSide { expectString("side", side.rawValue) }
      expectTime("occurred", report.occurredAt)
      if object["confidence"] is String { expectString("confidence", report.confidence.rawValue) }
      compareClaims(report.claims, object["claims"], label: label)
    case .alertLevelChanged(let alert, let level, let reason):
      expectString("alert", alert.rawValue)
      expectInteger("level", Int64(level.rawValue))
      expectString("reason", reason)
    case .alertAcknowledged(let alert, let note), .alertResolved(let alert, let note):
      expectString("alert", alert.rawValue)
      expectString("note", note)
    case .segmentStatusChanged(let segment, let status, let note):
      expectString("segment", segment.rawValue)
      expectString("status", status.rawValue)
      expectString("note", note)
    case .segmentLevelSet(let segment, let level, let reason):
      expectString("segment", segment.rawValue)
      expectInteger("level", Int64(level.rawValue))
      expectString("reason", reason)
    case .meetingScheduled(let meeting):
      expectString("meeting", meeting.id.rawValue)
      expectString("kind", meeting.kind.rawValue)
      if let venue = meeting.venue {
        expectString("venue", venue.latin)
        if let cyrillic = venue.cyrillic { expectString("venue_cyrillic", cyrillic) }
      }
      if let host = meeting.host { expectString("host", host.rawValue) }
      expectTime("start", meeting.start)
      expectTime("end", meeting.end)
      if !meeting.agenda.isEmpty {
        #expect(object["agenda"] as? [String] == meeting.agenda.map(\.rawValue), "agenda: \(label)")
      }
      expectString("note", meeting.note)
    case .meetingRescheduled(let meeting, let start, let end, let reason):
      expectString("meeting", meeting.rawValue)
      expectTime("start", start)
      expectTime("end", end)
      expectString("reason", reason)
    case .meetingStarted(let meeting):
      expectString("meeting", meeting.rawValue)
    case .meetingHeld(let meeting, let outcome):
      expectString("meeting", meeting.rawValue)
      if let number = object["protocol"] as? NSNumber {
        #expect(outcome.protocolNumber == String(number.int64Value), "protocol: \(label)")
      } else {
        expectString("protocol", outcome.protocolNumber)
      }
      // Foundation reads a whole number past UInt64 as a Decimal, whose Double is not always the
      // nearest one: within a few units in the last place of the decoder's (correctly rounded) value.
      let foundationKm = (object["km"] as? NSNumber)?.doubleValue
      #expect(
        foundationKm == outcome.kmAgreed
          || (foundationKm.flatMap { found in outcome.kmAgreed.map { abs(found - $0) <= 4 * $0.ulp } }
            ?? false),
        "km: \(String(describing: object["km"])): \(label)")
      expectString("text", outcome.summary)
    case .meetingPostponed(let meeting, let reason), .meetingCancelled(let meeting, let reason):
      expectString("meeting", meeting.rawValue)
      expectString("reason", reason)
    case .checkpointStatusChanged(let checkpoint, let status, let note):
      expectString("checkpoint", checkpoint.rawValue)
      expectString("status", status.rawValue)
      expectString("note", note)
    case .noteAdded(let target, let text):
      expectString("target", target)
      expectString("text", text)
    case .journalRotated(let carried):
      let previous = object["previous"] as? [String: Any]
      #expect(previous?["archive"] as? String == carried.previous.archive, "previous: \(label)")
      expectString("state", String(decoding: Base64.encode(carried.state), as: UTF8.self))
    case .feedHeartbeat(let feed, let note):
      expectString("feed", feed)
      expectString("note", note)
    case .unknown(let type):
      expectString("type", type)
    }
  }

  /// Provenance: the source (in words or as an object), illustrative (a flag or a note), approximate fields.
  private func compareProvenance(_ provenance: Provenance, _ object: [String: Any], label: String) {
    func text(_ value: Any?) -> String? { value as? String }
    switch object["source"] {
    case let outlet as String:
      let expected = outlet.isEmpty ? nil : SourceReference(outlet: outlet)
      #expect(provenance.source == expected, "source: \(label)")
    case let fields as [String: Any]:
      let expected = SourceReference(
        outlet: text(fields["outlet"]) ?? "", title: text(fields["title"]), url: text(fields["url"]),
        date: text(fields["date"]))
      #expect(provenance.source == expected, "source: \(label)")
    default:
      #expect(provenance.source == nil, "source: \(String(describing: object["source"])): \(label)")
    }
    switch object["illustrative"] {
    case let note as String:
      #expect(provenance.isIllustrative && provenance.note == note, "illustrative: \(label)")
    case let flag as Bool:
      #expect(provenance.isIllustrative == flag && provenance.note == nil, "illustrative: \(label)")
    default:
      #expect(!provenance.isIllustrative && provenance.note == nil, "illustrative: \(label)")
    }
    #expect(provenance.approximate == (object["approximate"] as? [String] ?? []), "approximate: \(label)")
  }

  /// Casualty claims: each side's killed, injured and evacuated figures, as Foundation reads them.
  private func compareClaims(_ claims: [Side: CasualtyClaim], _ value: Any?, label: String) {
    guard let sides = value as? [String: Any] else {
      #expect(claims.isEmpty, "claims: \(String(describing: value)): \(label)")
      return
    }
    #expect(Set(sides.keys) == Set(claims.keys.map(\.rawValue)), "claim sides: \(label)")
    for (side, claim) in claims {
      let figures = sides[side.rawValue] as? [String: Any] ?? [:]
      for (name, figure) in [
        ("killed", claim.killed), ("injured", claim.injured), ("evacuated", claim.evacuated),
      ] {
        let expected = figure.map { [$0.low, $0.high] }
        let found: [Int]?
        switch figures[name] {
        case let number as NSNumber: found = [number.intValue, number.intValue]
        case let array as [NSNumber]:
          found =
            array.map(\.intValue).count == 1 ? [array[0].intValue, array[0].intValue] : array.map(\.intValue)
        default: found = nil
        }
        #expect(found == expected, "claims.\(side.rawValue).\(name): \(label)")
      }
    }
  }

  /// The line with invalid UTF-8 and lone surrogate escapes replaced by U+FFFD, and numbers beyond a
  /// Double's range by 0; nil when it has none of these.
  static func repairedEncoding(_ bytes: [UInt8]) -> [UInt8]? {
    var changed = false
    var text = Array(String(decoding: bytes, as: UTF8.self).utf8)
    if text != bytes { changed = true }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    func hex(_ at: Int) -> UInt32? {
      guard at + 6 <= text.count, text[at] == 0x5C, text[at + 1] == 0x75 else { return nil }
      return UInt32(String(decoding: text[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16)
    }
    var index = 0
    var inString = false
    while index < text.count {
      let byte = text[index]
      if inString, byte == 0x5C, index + 1 < text.count {
        if let value = hex(index) {
          if (0xD800...0xDBFF).contains(value), let low = hex(index + 6), (0xDC00...0xDFFF).contains(low) {
            out += text[index..<(index + 12)]
            index += 12
            continue
          }
          if (0xD800...0xDFFF).contains(value) {
            out += Array(#"\ufffd"#.utf8)
            changed = true
          } else {
            out += text[index..<(index + 6)]
          }
          index += 6
          continue
        }
        out += text[index...(index + 1)]
        index += 2
        continue
      }
      if !inString, byte == 0x2D || (0x30...0x39).contains(byte) {
        var end = index + 1
        while end < text.count, Array("0123456789.eE+-".utf8).contains(text[end]) { end += 1 }
        let token = String(decoding: text[index..<end], as: UTF8.self)
        if let value = Double(token), value.isInfinite {
          out.append(0x30)
          changed = true
        } else {
          out += text[index..<end]
        }
        index = end
        continue
      }
      if byte == 0x22 { inString.toggle() }
      out.append(byte)
      index += 1
    }
    text = out
    return changed ? text : nil
  }
}
