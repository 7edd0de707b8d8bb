/// Builds one JSON object as bytes, members in the order they are added.
struct JSONObjectWriter {
  var bytes: [UInt8] = [0x7B]
  private var first = true

  private mutating func key(_ name: String) {
    if !first { bytes.append(0x2C) }
    first = false
    appendString(name)
    bytes.append(0x3A)
  }

  mutating func appendString(_ text: String) {
    bytes.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20, 0x7F:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }

  mutating func string(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    appendString(value)
  }

  mutating func integer(_ name: String, _ value: Int64?) {
    guard let value else { return }
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func number(_ name: String, _ value: Double?) {
    guard let value, value.isFinite else { return }
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func time(_ name: String, _ value: Timestamp?) {
    string(name, value.map(RFC3339.format))
  }

  mutating func bool(_ name: String, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  mutating func strings(_ name: String, _ values: [String]) {
    key(name)
    bytes.append(0x5B)
    for (index, value) in values.enumerated() {
      if index > 0 { bytes.append(0x2C) }
      appendString(value)
    }
    bytes.append(0x5D)
  }

  mutating func object(_ name: String, _ build: (inout JSONObjectWriter) -> Void) {
    key(name)
    var inner = JSONObjectWriter()
    build(&inner)
    bytes.append(contentsOf: inner.finish())
  }

  /// A string member whose bytes need no escaping (base64, hexadecimal).
  mutating func rawString(_ name: String, _ plain: [UInt8]) {
    key(name)
    bytes.append(0x22)
    bytes += plain
    bytes.append(0x22)
  }

  mutating func raw(_ name: String, _ json: String) {
    key(name)
    bytes.append(contentsOf: json.utf8)
  }

  func finish() -> [UInt8] { bytes + [0x7D] }
}

extension EventCodec {
  /// Encodes an event as one journal line, with its newline.
  public static func encodeLine(_ event: JournalEvent) -> [UInt8] {
    encode(event) + [0x0A]
  }

  /// Encodes an event as one journal line with members this version does not write
  /// (`"key":value,…`, raw JSON) copied in after its own.
  public static func encodeLine(_ event: JournalEvent, extraMembers: [UInt8]) -> [UInt8] {
    guard !extraMembers.isEmpty else { return encodeLine(event) }
    var bytes = encode(event)
    bytes.removeLast()
    if bytes.count > 1 { bytes.append(0x2C) }
    bytes += extraMembers
    bytes += [0x7D, 0x0A]
    return bytes
  }

  /// The members of `line` that encoding `event` would not write, as raw JSON (`"key":value,…`),
  /// byte for byte: what a bridge must keep when it re-writes a line (unknown types and fields).
  public static func membersNotWritten(_ line: UnsafeBufferPointer<UInt8>, by event: JournalEvent) -> [UInt8]
  {
    let written = memberKeys(encode(event))
    var extra: [UInt8] = []
    var scanner = JSONScanner(line)
    do {
      guard try scanner.beginObject() else { return [] }
      repeat {
        _ = scanner.peek()
        let start = scanner.index
        let key = try scanner.readKey()
        try scanner.skipValue()
        let name = key.text
        guard name != "seq", !written.contains(name) else { continue }
        if !extra.isEmpty { extra.append(0x2C) }
        extra += line[start..<scanner.index]
      } while try scanner.nextMember()
    } catch {
      return []
    }
    return extra
  }

  /// The keys of a line's object whose values are not null (empty when it is not an object).
  public static func topLevelKeys(_ line: UnsafeBufferPointer<UInt8>) -> Set<String> {
    var keys: Set<String> = []
    var scanner = JSONScanner(line)
    do {
      guard try scanner.beginObject() else { return keys }
      repeat {
        let key = try scanner.readKey()
        if scanner.peek() == 0x6E, scanner.readNull() { continue }
        keys.insert(key.text)
        try scanner.skipValue()
      } while try scanner.nextMember()
    } catch {}
    return keys
  }

  /// The keys of a JSON object this codec wrote.
  private static func memberKeys(_ object: [UInt8]) -> Set<String> {
    object.withUnsafeBufferPointer { bytes in
      var keys: Set<String> = []
      var scanner = JSONScanner(bytes)
      do {
        guard try scanner.beginObject() else { return keys }
        repeat {
          keys.insert(try scanner.readKey().text)
          try scanner.skipValue()
        } while try scanner.nextMember()
      } catch {}
      return keys
    }
  }

  /// Encodes an event as one JSON object, without a newline.
  public static func encode(_ event: JournalEvent) -> [UInt8] {
    var w = JSONObjectWriter()
    w.integer("seq", Int64(clamping: event.seq))
    w.time("at", event.at)
    w.string("by", event.by)
    if let uid = event.uid { w.integer("uid", Int64(uid)) }
    w.string("type", event.type)
    switch event.payload {
    case .alertRaised(let report):
      w.string("alert", report.id.rawValue)
      w.string("segment", report.segment.rawValue)
      w.integer("level", Int64(report.level.rawValue))
      w.string("kind", report.type.rawValue)
      w.string("text", report.text)
      w.string("side", report.reportingSide?.rawValue)
      w.time("occurred", report.occurredAt)
      w.string("confidence", report.confidence.rawValue)
      if !report.claims.isEmpty {
        w.object("claims") { claims in
          for side in report.claims.keys.sorted() {
            guard let claim = report.claims[side] else { continue }
            claims.object(side.rawValue) { figures in
              figures.figure("killed", claim.killed)
              figures.figure("injured", claim.injured)
              figures.figure("evacuated", claim.evacuated)
            }
          }
        }
      }
    case .alertLevelChanged(let alert, let level, let reason):
      w.string("alert", alert.rawValue)
      w.integer("level", Int64(level.rawValue))
      w.string("reason", reason)
    case .alertAcknowledged(let alert, let note), .alertResolved(let alert, let note):
      w.string("alert", alert.rawValue)
      w.string("note", note)
    case .segmentStatusChanged(let segment, let status, let note):
      w.string("segment", segment.rawValue)
      w.string("status", status.rawValue)
      w.string("note", note)
    case .segmentLevelSet(let segment, let level, let reason):
      w.string("segment", segment.rawValue)
      w.integer("level", Int64(level.rawValue))
      w.string("reason", reason)
    case .meetingScheduled(let meeting):
      w.string("meeting", meeting.id.rawValue)
      w.string("kind", meeting.kind.rawValue)
      w.string("venue", meeting.venue?.latin)
      w.string("venue_cyrillic", meeting.venue?.cyrillic)
      w.string("host", meeting.host?.rawValue)
      w.time("start", meeting.start)
      w.time("end", meeting.end)
      if !meeting.agenda.isEmpty { w.strings("agenda", meeting.agenda.map(\.rawValue)) }
      w.string("note", meeting.note)
    case .meetingRescheduled(let meeting, let start, let end, let reason):
      w.string("meeting", meeting.rawValue)
      w.time("start", start)
      w.time("end", end)
      w.string("reason", reason)
    case .meetingStarted(let meeting):
      w.string("meeting", meeting.rawValue)
    case .meetingHeld(let meeting, let outcome):
      w.string("meeting", meeting.rawValue)
      w.string("protocol", outcome.protocolNumber)
      w.number("km", outcome.kmAgreed)
      w.string("text", outcome.summary)
    case .meetingPostponed(let meeting, let reason), .meetingCancelled(let meeting, let reason):
      w.string("meeting", meeting.rawValue)
      w.string("reason", reason)
    case .checkpointStatusChanged(let checkpoint, let status, let note):
      w.string("checkpoint", checkpoint.rawValue)
      w.string("status", status.rawValue)
      w.string("note", note)
    case .noteAdded(let target, let text):
      w.string("target", target)
      w.string("text", text)
    case .journalRotated(let carried):
      w.object("previous") { p in
        p.string("archive", carried.previous.archive)
        p.string("device", hex(carried.previous.device))
        p.string("inode", hex(carried.previous.inode))
        p.integer("bytes", carried.previous.bytes)
        p.integer("lines", Int64(carried.previous.lines))
        p.integer("events", Int64(carried.previous.events))
        p.integer("last_seq", Int64(clamping: carried.previous.lastSeq))
        p.string("xxh64", hex(carried.previous.checksum))
        p.string("tail", hex(carried.previous.tail))
      }
      w.integer("state_format", Int64(carried.stateFormat))
      w.string("state_xxh64", hex(Checksum.xxh64(carried.state)))
      w.rawString("state", Base64.encode(carried.state))
    case .feedHeartbeat(let feed, let note):
      w.string("feed", feed)
      w.string("note", note)
    case .unknown:
      break
    }
    w.string("via", event.via?.rawValue)
    w.provenance(event.provenance)
    return w.finish()
  }

  /// A 64-bit value as 16 hexadecimal digits (JSON numbers hold only 53 bits exactly).
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Encodes an event as one line of text, without a newline.
  public static func encodeText(_ event: JournalEvent) -> String {
    String(decoding: encode(event), as: UTF8.self)
  }
}

extension JSONObjectWriter {
  /// `source` (a string when only the outlet is known, else an object), `illustrative`, `approximate`.
  mutating func provenance(_ provenance: Provenance) {
    if let source = provenance.source, !source.outlet.isEmpty {
      if source.title == nil, source.url == nil, source.date == nil {
        string("source", source.outlet)
      } else {
        object("source") { o in
          o.string("outlet", source.outlet)
          o.string("title", source.title)
          o.string("url", source.url)
          o.string("date", source.date)
        }
      }
    }
    if provenance.isIllustrative {
      if let note = provenance.note { string("illustrative", note) } else { bool("illustrative", true) }
    }
    if !provenance.approximate.isEmpty { strings("approximate", provenance.approximate) }
  }

  mutating func figure(_ name: String, _ figure: ClaimedFigure?) {
    guard let figure else { return }
    if figure.low == figure.high {
      integer(name, Int64(figure.low))
    } else {
      raw(name, "[\(figure.low),\(figure.high)]")
    }
  }
}
