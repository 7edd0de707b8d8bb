/// The journal a rotation closed: where its compressed copy is kept and how a reader recognises it.
public struct PreviousJournal: Sendable, Hashable {
  /// The compressed copy's file name, in the journal's folder (`journal-20261130T142630Z.jsonl.gz`).
  public var archive: String
  /// The closed file's device and inode, as a reader following it saw them.
  public var device: UInt64
  public var inode: UInt64
  /// Its length in bytes.
  public var bytes: Int64
  /// Its lines.
  public var lines: Int
  /// The events folded from it (lines applied).
  public var events: Int
  /// The last `seq` on any of its lines.
  public var lastSeq: UInt64
  /// XXH64 of its whole content, to check the kept copy against.
  public var checksum: UInt64
  /// The fingerprint a follower keeps of the bytes it has read (the last 4 KiB, with the length).
  public var tail: UInt64

  public init(
    archive: String, device: UInt64, inode: UInt64, bytes: Int64, lines: Int, events: Int, lastSeq: UInt64,
    checksum: UInt64, tail: UInt64
  ) {
    self.archive = archive
    self.device = device
    self.inode = inode
    self.bytes = bytes
    self.lines = lines
    self.events = events
    self.lastSeq = lastSeq
    self.checksum = checksum
    self.tail = tail
  }
}

/// What a `journal.rotated` event carries: the situation folded from the journal it closed, and that journal.
///
/// Folding the new journal alone (this event first) gives the situation that folding the old
/// one and then the new one gives.
public struct CarriedSituation: Sendable, Hashable {
  /// The journal this one continues.
  public var previous: PreviousJournal
  /// The folded situation in the binary layout of `SituationCoding` (version `stateFormat`).
  public let state: [UInt8]
  /// The layout's version.
  public let stateFormat: UInt8
  /// The situation the state decodes to.
  public let situation: Situation

  /// Carries `situation` over from the journal `previous`.
  public init(previous: PreviousJournal, situation: Situation) {
    self.previous = previous
    var writer = BinaryWriter()
    SituationCoding.write(situation, into: &writer)
    state = writer.bytes
    stateFormat = SituationCoding.formatVersion
    self.situation = situation
  }

  /// Reads a carried situation back from its encoded state, or says what is wrong with it.
  static func decode(previous: PreviousJournal, format: UInt8, state: [UInt8]) -> Result<
    CarriedSituation, EventRejection
  > {
    guard format == SituationCoding.formatVersion else {
      return .failure(
        EventRejection(
          field: "state_format",
          reason: "\(format) is not a layout this version reads (\(SituationCoding.formatVersion))"))
    }
    let decoded: Situation
    do {
      decoded = try state.withUnsafeBufferPointer { buffer in
        var reader = BinaryReader(buffer)
        let situation = try SituationCoding.readSituation(&reader)
        guard reader.isAtEnd else { throw SnapshotFormatError(reason: "bytes after the situation") }
        return situation
      }
    } catch {
      return .failure(EventRejection(field: "state", reason: "cannot be read: \(error)"))
    }
    if let problem = Self.shapeProblem(decoded) { return .failure(problem) }
    return .success(CarriedSituation(previous: previous, state: state, format: format, situation: decoded))
  }

  private init(previous: PreviousJournal, state: [UInt8], format: UInt8, situation: Situation) {
    self.previous = previous
    self.state = state
    stateFormat = format
    self.situation = situation
  }

  public static func == (lhs: CarriedSituation, rhs: CarriedSituation) -> Bool {
    lhs.previous == rhs.previous && lhs.stateFormat == rhs.stateFormat && lhs.state == rhs.state
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(previous)
    hasher.combine(state.count)
  }

  /// The bounds every event keeps, applied to what the state holds: a carried alert, note or
  /// change obeys the limits its own event did.
  static func shapeProblem(_ s: Situation) -> EventRejection? {
    func inside(_ problem: EventRejection?, _ record: String) -> EventRejection? {
      problem.map { EventRejection(field: "state.\(record).\($0.field)", reason: $0.reason) }
    }
    if s.lastSeq > JournalLimits.maxSeq {
      return EventRejection(field: "state.last_seq", reason: "above the largest allowed")
    }
    for alert in s.alerts {
      let problem =
        Shape.id(alert.id.rawValue, "alert") ?? Shape.id(alert.segment.rawValue, "segment")
        ?? Shape.optional(alert.report.text, "text", max: JournalLimits.textBytes)
        ?? Shape.text(alert.raisedBy, "by", max: JournalLimits.authorBytes)
        ?? Shape.claims(alert.report.claims)
        ?? Shape.optional(alert.acknowledgement?.note, "ack.note", max: JournalLimits.textBytes)
        ?? Shape.optional(alert.resolution?.note, "resolved.note", max: JournalLimits.textBytes)
        ?? alert.levelHistory.lazy.compactMap {
          Shape.optional($0.reason, "levels.reason", max: JournalLimits.textBytes)
        }.first
      if let found = inside(problem, "alerts[\(alert.id.rawValue.prefix(JournalLimits.idBytes))]") {
        return found
      }
    }
    for note in s.notes {
      let problem =
        Shape.text(note.text, "text", max: JournalLimits.textBytes)
        ?? note.target.flatMap { Shape.id($0, "target") }
      if let found = inside(problem, "notes") { return found }
    }
    for segment in s.segments {
      let problem =
        Shape.optional(segment.alertReason, "reason", max: JournalLimits.textBytes)
        ?? segment.statusHistory.lazy.compactMap {
          Shape.optional($0.note, "note", max: JournalLimits.textBytes)
        }.first
      if let found = inside(problem, "segments[\(segment.id.rawValue.prefix(JournalLimits.idBytes))]") {
        return found
      }
    }
    for meeting in s.meetings {
      let problem =
        Shape.id(meeting.id.rawValue, "meeting")
        ?? Shape.optional(meeting.outcome?.summary, "text", max: JournalLimits.textBytes)
        ?? Shape.optional(meeting.statusReason, "reason", max: JournalLimits.textBytes)
        ?? meeting.outcome?.kmAgreed.flatMap {
          $0.isFinite && $0 >= 0 && $0 <= JournalLimits.maxKm
            ? nil : EventRejection(field: "km", reason: "out of range")
        }
      if let found = inside(problem, "meetings") { return found }
    }
    for checkpoint in s.checkpoints {
      if let found = inside(
        Shape.optional(checkpoint.note, "note", max: JournalLimits.textBytes), "checkpoints")
      {
        return found
      }
    }
    return nil
  }
}

extension Situation {
  /// This situation's reference data (names, lengths, places) with what a journal folded carried
  /// over from `carried`: statuses, levels and their history, meetings as they stand, checkpoints'
  /// statuses, every alert and note, and the journal's counters.
  func carryingOver(_ carried: Situation) -> Situation {
    var segments = self.segments
    for index in segments.indices {
      guard let from = carried.segment(segments[index].id) else { continue }
      segments[index].status = from.status
      segments[index].statusHistory = from.statusHistory
      segments[index].alertLevel = from.alertLevel
      segments[index].alertReason = from.alertReason
      segments[index].alertLevelSince = from.alertLevelSince
      segments[index].lastEvent = from.lastEvent
    }
    var meetings = self.meetings
    var known: [MeetingID: Int] = [:]
    for (index, meeting) in meetings.enumerated() { known[meeting.id] = index }
    for meeting in carried.meetings {
      if let index = known[meeting.id] {
        meetings[index] = meeting
      } else {
        known[meeting.id] = meetings.count
        meetings.append(meeting)
      }
    }
    var checkpoints = self.checkpoints
    for index in checkpoints.indices {
      guard let from = carried.checkpoint(checkpoints[index].id) else { continue }
      checkpoints[index].status = from.status
      checkpoints[index].since = from.since
      checkpoints[index].note = from.note
      checkpoints[index].lastEvent = from.lastEvent
    }
    return Situation(
      title: title, isIllustrativeSample: isIllustrativeSample, description: description,
      segments: segments, meetings: meetings, alerts: carried.alerts, checkpoints: checkpoints,
      notes: carried.notes, lastSeq: carried.lastSeq, lastEventAt: carried.lastEventAt,
      appliedEventCount: carried.appliedEventCount, unknownEventTypes: carried.unknownEventTypes,
      scenario: scenario, lastFeedEventAt: carried.lastFeedEventAt)
  }
}

/// Base64 (RFC 4648, with padding), for the carried state inside a JSON line.
package enum Base64 {
  private static let alphabet: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  /// The text encoding `bytes`.
  package static func encode(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index + 3 <= bytes.count {
      let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      out += [
        alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)],
        alphabet[Int(n & 63)],
      ]
      index += 3
    }
    let rest = bytes.count - index
    if rest == 1 {
      let n = UInt32(bytes[index]) << 16
      out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 0x3D, 0x3D]
    } else if rest == 2 {
      let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
      out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 0x3D]
    }
    return out
  }

  /// The bytes `text` encodes, or nil when it is not base64.
  package static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard text.count % 4 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(text.count / 4 * 3)
    var index = 0
    while index < text.count {
      var n: UInt32 = 0
      var padding = 0
      for offset in 0..<4 {
        let byte = text[index + offset]
        if byte == 0x3D, index + 4 == text.count, offset >= 2 {
          padding += 1
          n <<= 6
          continue
        }
        guard padding == 0 else { return nil }
        let value = values[Int(byte)]
        guard value != 0xFF else { return nil }
        n = n << 6 | UInt32(value)
      }
      out.append(UInt8(n >> 16 & 0xFF))
      if padding < 2 { out.append(UInt8(n >> 8 & 0xFF)) }
      if padding < 1 { out.append(UInt8(n & 0xFF)) }
      index += 4
    }
    return out
  }
}
