/// Why a journal line could not be read as an event: the field at fault and the reason.
public struct EventDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The field at fault, or nil for the line as a whole (e.g. bad JSON).
  public var field: String?
  public var reason: String
  /// The line's `seq` when it could be read (and is in range), so a skipped line still counts for numbering.
  public var seq: UInt64?

  public init(field: String?, reason: String, seq: UInt64? = nil) {
    self.field = field
    self.reason = reason
    self.seq = seq
  }

  public var description: String { field.map { "\($0): \(reason)" } ?? reason }
}

/// The fields a journal line may carry, gathered before they are checked against its type.
struct EventFields {
  var seq: UInt64?
  var at: Timestamp?
  var by: String?
  var uid: UInt32?
  var type: String?
  /// The type, when it is one this version knows (read without making a string).
  var knownType: EventType?
  var source: SourceReference?
  var approximate: [String] = []
  var illustrative = false
  var illustrativeNote: String?
  var alert: String?
  var segment: String?
  var meeting: String?
  var checkpoint: String?
  var target: String?
  var level: Int64?
  var kind: RawText?
  var text: String?
  var note: String?
  var reason: String?
  var side: RawText?
  var occurred: Timestamp?
  var confidence: RawText?
  var claims: [Side: CasualtyClaim] = [:]
  var status: RawText?
  var venue: String?
  var venueCyrillic: String?
  var host: RawText?
  var start: Timestamp?
  var end: Timestamp?
  var agenda: [String]?
  var protocolNumber: String?
  var km: Double?
  var previous: PreviousJournal?
  var state: [UInt8]?
  var stateFormat: Int64?
  var stateChecksum: UInt64?
  var via: RawText?
  var feed: String?
}

/// What a new event gets when its line leaves out `seq`, `at` or `by` (for `bordermon append`).
public struct EventDefaults: Sendable {
  /// The time given to an event without `at`.
  public var at: Timestamp
  /// The author given to an event without `by`.
  public var by: String
  public init(at: Timestamp, by: String) {
    self.at = at
    self.by = by
  }
}

/// Reads and writes journal lines: one JSON object per event.
public enum EventCodec {
  /// Decodes one journal line (without its newline).
  ///
  /// With `defaults`, the line is a draft: `seq` may be left out (the writer numbers it),
  /// and a missing `at` or `by` takes the default.
  public static func decode(_ line: UnsafeBufferPointer<UInt8>, defaults: EventDefaults? = nil)
    -> Result<JournalEvent, EventDecodeError>
  {
    var fields = EventFields()
    do {
      try readFields(line, into: &fields)
    } catch {
      var failure = error
      failure.seq = fields.seq.flatMap { $0 <= JournalLimits.maxSeq ? $0 : nil }
      return .failure(failure)
    }
    if let defaults {
      fields.seq = fields.seq ?? 0
      fields.at = fields.at ?? defaults.at
      if fields.by?.isEmpty ?? true { fields.by = defaults.by }
    }
    let result = build(fields)
    if case .failure(var failure) = result {
      failure.seq = fields.seq.flatMap { $0 <= JournalLimits.maxSeq ? $0 : nil }
      return .failure(failure)
    }
    return result
  }

  /// Decodes one journal line given as text.
  public static func decode(_ line: String, defaults: EventDefaults? = nil) -> Result<
    JournalEvent, EventDecodeError
  > {
    var copy = line
    return copy.withUTF8 { decode($0, defaults: defaults) }
  }

  private static func syntax(_ error: JSONSyntaxError) -> EventDecodeError {
    EventDecodeError(
      field: nil, reason: "malformed JSON at column \(error.offset + 1): \(error.message)")
  }

  private static func readFields(_ line: UnsafeBufferPointer<UInt8>, into fields: inout EventFields)
    throws(EventDecodeError)
  {
    var scanner = JSONScanner(line)
    do {
      guard try scanner.beginObject() else {
        throw EventDecodeError(field: nil, reason: "empty object")
      }
      repeat {
        let key = try scanner.readKey()
        try readMember(key, &scanner, &fields)
      } while try scanner.nextMember()
      try scanner.expectEnd()
    } catch let error as JSONSyntaxError {
      throw syntax(error)
    } catch let error as EventDecodeError {
      throw error
    } catch {
      throw EventDecodeError(field: nil, reason: "\(error)")
    }
  }

  // swift-format-ignore
  private static func readMember(_ key: JSONKey, _ s: inout JSONScanner, _ f: inout EventFields) throws {
    // Dispatch on length and first byte, then confirm: at most two comparisons per key.
    switch (key.length, key.first) {
    case (2, 0x61) where key.is("at"): f.at = try time(&s, "at"); return
    case (2, 0x62) where key.is("by"): f.by = try string(&s, "by"); return
    case (2, 0x6B) where key.is("km"): f.km = try number(&s, "km"); return
    case (3, 0x73) where key.is("seq"):
      guard let value = try s.readInteger(), value >= 0 else {
        throw EventDecodeError(field: "seq", reason: "must be a whole number ≥ 0")
      }
      f.seq = UInt64(value); return
    case (3, 0x65) where key.is("end"): f.end = try time(&s, "end"); return
    case (3, 0x76) where key.is("via"): f.via = try raw(&s, "via"); return
    case (3, 0x75) where key.is("uid"):
      guard let value = try s.readInteger(), let uid = UInt32(exactly: value) else {
        throw EventDecodeError(field: "uid", reason: "must be a user ID, a whole number 0–4294967295")
      }
      f.uid = uid; return
    case (4, 0x74) where key.is("type"):
      // A later `type` replaces an earlier one entirely (the known type too), as JSON readers take the last.
      f.knownType = nil
      if s.peek() == 0x22, let range = try s.readRawString() {
        let slice = UnsafeBufferPointer(rebasing: s.bytes[range])
        if let known = EventType.match(slice) { f.knownType = known; f.type = known.rawValue; return }
        f.type = String(decoding: slice, as: UTF8.self); return
      }
      f.type = try string(&s, "type"); return
    case (4, 0x74) where key.is("text"): f.text = try string(&s, "text"); return
    case (4, 0x6B) where key.is("kind"): f.kind = try raw(&s, "kind"); return
    case (4, 0x6E) where key.is("note"): f.note = try string(&s, "note"); return
    case (4, 0x73) where key.is("side"): f.side = try raw(&s, "side"); return
    case (4, 0x68) where key.is("host"): f.host = try raw(&s, "host"); return
    case (4, 0x66) where key.is("feed"): f.feed = try string(&s, "feed"); return
    case (5, 0x61) where key.is("alert"): f.alert = try string(&s, "alert"); return
    case (5, 0x6C) where key.is("level"):
      guard let value = try integerOrNil(&s) else {
        throw EventDecodeError(field: "level", reason: "must be a whole number 1–5")
      }
      f.level = value; return
    case (5, 0x76) where key.is("venue"): f.venue = try string(&s, "venue"); return
    case (5, 0x73) where key.is("start"): f.start = try time(&s, "start"); return
    case (6, 0x73) where key.is("source"): f.source = try source(&s); return
    case (6, 0x73) where key.is("status"): f.status = try raw(&s, "status"); return
    case (6, 0x72) where key.is("reason"): f.reason = try string(&s, "reason"); return
    case (6, 0x74) where key.is("target"): f.target = try string(&s, "target"); return
    case (6, 0x63) where key.is("claims"): f.claims = try claims(&s); return
    case (6, 0x61) where key.is("agenda"): f.agenda = try stringArray(&s, "agenda"); return
    case (7, 0x73) where key.is("segment"): f.segment = try string(&s, "segment"); return
    case (7, 0x6D) where key.is("meeting"): f.meeting = try string(&s, "meeting"); return
    case (8, 0x6F) where key.is("occurred"): f.occurred = try time(&s, "occurred"); return
    case (8, 0x70) where key.is("protocol"):
      if s.peek() == 0x22 { f.protocolNumber = try s.readString(); return }
      guard let number = try integerOrNil(&s) else {
        throw EventDecodeError(field: "protocol", reason: "must be a string or whole number")
      }
      f.protocolNumber = String(number); return
    case (10, 0x63) where key.is("checkpoint"): f.checkpoint = try string(&s, "checkpoint"); return
    case (10, 0x63) where key.is("confidence"): f.confidence = try raw(&s, "confidence"); return
    case (11, 0x61) where key.is("approximate"): f.approximate = try stringArray(&s, "approximate"); return
    case (12, 0x69) where key.is("illustrative"):
      if let flag = s.readBool() { f.illustrative = flag; return }
      if s.peek() == 0x22 { f.illustrative = true; f.illustrativeNote = try s.readString(); return }
      throw EventDecodeError(field: "illustrative", reason: "must be true, false or a note")
    case (8, 0x70) where key.is("previous"): f.previous = try previousJournal(&s); return
    case (5, 0x73) where key.is("state"): f.state = try base64(&s, "state"); return
    case (12, 0x73) where key.is("state_format"):
      guard let value = try integerOrNil(&s) else {
        throw EventDecodeError(field: "state_format", reason: "must be a whole number")
      }
      f.stateFormat = value; return
    case (11, 0x73) where key.is("state_xxh64"): f.stateChecksum = try hex(&s, "state_xxh64"); return
    case (14, 0x76) where key.is("venue_cyrillic"): f.venueCyrillic = try string(&s, "venue_cyrillic"); return
    default: break
    }
    // Fields this version does not know are skipped, so newer writers do not break it.
    try s.skipValue()
  }

  /// A string value kept as its bytes in the line (for vocabulary words matched without a String).
  private static func raw(_ s: inout JSONScanner, _ field: String) throws -> RawText? {
    guard s.peek() == 0x22 else {
      if s.readNull() { return nil }
      throw EventDecodeError(field: field, reason: "must be a string")
    }
    if let range = try s.readRawString() { return .bytes(UnsafeBufferPointer(rebasing: s.bytes[range])) }
    return .string(try s.readString())
  }

  private static func string(_ s: inout JSONScanner, _ field: String) throws -> String? {
    guard s.peek() == 0x22 else {
      if s.readNull() { return nil }
      throw EventDecodeError(field: field, reason: "must be a string")
    }
    return try s.readString()
  }

  private static func integerOrNil(_ s: inout JSONScanner) throws -> Int64? {
    guard let byte = s.peek(), byte == 0x2D || (byte >= 0x30 && byte <= 0x39) else { return nil }
    return try s.readInteger()
  }

  private static func number(_ s: inout JSONScanner, _ field: String) throws -> Double? {
    if s.readNull() { return nil }
    guard let byte = s.peek(), byte == 0x2D || (byte >= 0x30 && byte <= 0x39) else {
      throw EventDecodeError(field: field, reason: "must be a number")
    }
    return try s.readDouble()
  }

  private static func time(_ s: inout JSONScanner, _ field: String) throws -> Timestamp? {
    if s.readNull() { return nil }
    guard s.peek() == 0x22 else {
      throw EventDecodeError(field: field, reason: "must be an RFC 3339 time in quotes")
    }
    let parsed: Result<Timestamp, TimeParseError>
    let text: String
    if let range = try s.readRawString() {
      parsed = RFC3339.parse(UnsafeBufferPointer(rebasing: s.bytes[range]))
      if case .success(let time) = parsed { return time }
      text = String(decoding: UnsafeBufferPointer(rebasing: s.bytes[range]), as: UTF8.self)
    } else {
      text = try s.readString()
      parsed = RFC3339.parse(text)
      if case .success(let time) = parsed { return time }
    }
    if case .failure(let error) = parsed {
      throw EventDecodeError(field: field, reason: error.with(text: text).description)
    }
    return nil
  }

  /// `source`: a string (the outlet, in words) or an object with `outlet`, `title`, `url` and `date`.
  private static func source(_ s: inout JSONScanner) throws -> SourceReference? {
    if s.peek() == 0x22 {
      // An empty source names nothing: no source, as the writer (which leaves it out) reads it back.
      let outlet = try s.readString()
      return outlet.isEmpty ? nil : SourceReference(outlet: outlet)
    }
    if s.readNull() { return nil }
    guard s.peek() == 0x7B else {
      throw EventDecodeError(
        field: "source", reason: "must be a string or an object with outlet, title, url, date")
    }
    var reference = SourceReference(outlet: "")
    if try s.beginObject() {
      repeat {
        let key = try s.readKey()
        let name = key.text
        guard let value = try string(&s, "source.\(name)") else { continue }
        switch name {
        case "outlet": reference.outlet = value
        case "title": reference.title = value
        case "url": reference.url = value
        case "date": reference.date = value
        default: break
        }
      } while try s.nextMember()
    }
    guard !reference.outlet.isEmpty else {
      throw EventDecodeError(field: "source.outlet", reason: "missing: a source names its outlet")
    }
    return reference
  }

  /// 16 hexadecimal digits: a 64-bit value.
  private static func hex(_ s: inout JSONScanner, _ field: String) throws -> UInt64 {
    guard s.peek() == 0x22, let text = try? s.readString(), text.utf8.count == 16,
      let value = UInt64(text, radix: 16)
    else { throw EventDecodeError(field: field, reason: "must be 16 hexadecimal digits in quotes") }
    return value
  }

  /// A base64 string's bytes.
  private static func base64(_ s: inout JSONScanner, _ field: String) throws -> [UInt8] {
    guard s.peek() == 0x22 else { throw EventDecodeError(field: field, reason: "must be a base64 string") }
    let decoded: [UInt8]?
    if let range = try s.readRawString() {
      decoded = Base64.decode(UnsafeBufferPointer(rebasing: s.bytes[range]))
    } else {
      var text = try s.readString()
      decoded = text.withUTF8 { Base64.decode($0) }
    }
    guard let decoded else { throw EventDecodeError(field: field, reason: "is not base64") }
    return decoded
  }

  /// `previous`: the journal a `journal.rotated` event continues.
  private static func previousJournal(_ s: inout JSONScanner) throws -> PreviousJournal {
    guard s.peek() == 0x7B else {
      throw EventDecodeError(field: "previous", reason: "must be an object")
    }
    var archive: String?
    var device: UInt64?
    var inode: UInt64?
    var bytes: Int64?
    var lines: Int64?
    var events: Int64?
    var lastSeq: Int64?
    var checksum: UInt64?
    var tail: UInt64?
    if try s.beginObject() {
      repeat {
        let key = try s.readKey()
        let name = key.text
        let field = "previous.\(name)"
        func count() throws -> Int64 {
          guard let value = try integerOrNil(&s), value >= 0 else {
            throw EventDecodeError(field: field, reason: "must be a whole number ≥ 0")
          }
          return value
        }
        switch name {
        case "archive": archive = try string(&s, field)
        case "device": device = try hex(&s, field)
        case "inode": inode = try hex(&s, field)
        case "bytes": bytes = try count()
        case "lines": lines = try count()
        case "events": events = try count()
        case "last_seq": lastSeq = try count()
        case "xxh64": checksum = try hex(&s, field)
        case "tail": tail = try hex(&s, field)
        default: try s.skipValue()
        }
      } while try s.nextMember()
    }
    func need<T>(_ value: T?, _ name: String) throws -> T {
      guard let value else { throw EventDecodeError(field: "previous.\(name)", reason: "missing") }
      return value
    }
    return PreviousJournal(
      archive: try need(archive, "archive"), device: try need(device, "device"),
      inode: try need(inode, "inode"),
      bytes: try need(bytes, "bytes"), lines: Int(try need(lines, "lines")),
      events: Int(try need(events, "events")),
      lastSeq: UInt64(try need(lastSeq, "last_seq")), checksum: try need(checksum, "xxh64"),
      tail: try need(tail, "tail"))
  }

  private static func stringArray(_ s: inout JSONScanner, _ field: String) throws -> [String] {
    var values: [String] = []
    guard s.peek() == 0x5B else {
      throw EventDecodeError(field: field, reason: "must be an array of strings")
    }
    guard try s.beginArray() else { return values }
    repeat {
      guard s.peek() == 0x22 else {
        throw EventDecodeError(field: field, reason: "must be an array of strings")
      }
      values.append(try s.readString())
    } while try s.nextElement()
    return values
  }

  private static func claims(_ s: inout JSONScanner) throws -> [Side: CasualtyClaim] {
    var result: [Side: CasualtyClaim] = [:]
    guard s.peek() == 0x7B else {
      throw EventDecodeError(field: "claims", reason: "must be an object keyed by KG and TJ")
    }
    guard try s.beginObject() else { return result }
    repeat {
      let key = try s.readKey()
      guard let side = Side(rawValue: key.text) else {
        throw EventDecodeError(field: "claims", reason: "unknown side '\(key.text)' (expected KG or TJ)")
      }
      var claim = CasualtyClaim()
      guard s.peek() == 0x7B else {
        throw EventDecodeError(field: "claims.\(side.rawValue)", reason: "must be an object")
      }
      if try s.beginObject() {
        repeat {
          let figureKey = try s.readKey()
          let path = "claims.\(side.rawValue).\(figureKey.text)"
          let figure = try claimedFigure(&s, path)
          if figureKey.is("killed") {
            claim.killed = figure
          } else if figureKey.is("injured") {
            claim.injured = figure
          } else if figureKey.is("evacuated") {
            claim.evacuated = figure
          }
        } while try s.nextMember()
      }
      result[side] = claim
    } while try s.nextMember()
    return result
  }

  private static func claimedFigure(_ s: inout JSONScanner, _ path: String) throws -> ClaimedFigure {
    func count() throws -> Int {
      guard let value = try integerOrNil(&s), value >= 0, value <= Int64(Int32.max) else {
        throw EventDecodeError(field: path, reason: "must be a whole number ≥ 0 or [low, high]")
      }
      return Int(value)
    }
    if s.peek() == 0x5B {
      _ = try s.beginArray()
      let low = try count()
      guard try s.nextElement() else { return ClaimedFigure(low) }
      let high = try count()
      guard try !s.nextElement(), low <= high else {
        throw EventDecodeError(field: path, reason: "a range is [low, high] with low ≤ high")
      }
      return ClaimedFigure(low, high)
    }
    return ClaimedFigure(try count())
  }
}

/// A string from a journal line: its bytes when it had no escapes (valid while decoding), else decoded.
enum RawText {
  case bytes(UnsafeBufferPointer<UInt8>)
  case string(String)

  /// The text as a String.
  var text: String {
    switch self {
    case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .string(let string): return string
    }
  }

  /// The vocabulary word this spells, without making a String.
  func term<T: DomainTerm>(_: T.Type) -> T? {
    switch self {
    case .string(let string): return T(rawValue: string)
    case .bytes(let bytes):
      for term in T.allCases where term.rawValue.utf8.elementsEqual(bytes) { return term }
      return nil
    }
  }

  /// Whether the text is empty.
  var isEmpty: Bool {
    switch self {
    case .bytes(let bytes): return bytes.isEmpty
    case .string(let string): return string.isEmpty
    }
  }
}
