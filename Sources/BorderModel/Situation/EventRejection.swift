/// Why an event cannot be applied to the situation: the field at fault and the reason.
public struct EventRejection: Error, Sendable, Hashable, CustomStringConvertible {
  public var field: String
  /// Why, as a value: a console words it in its language; `description` is the English.
  public var reason: RejectionReason

  /// A rejection with a structured reason.
  public init(field: String, reason: RejectionReason) {
    self.field = field
    self.reason = reason
  }

  /// A rejection whose reason is a text of its own (a store's or a decoder's detail).
  public init(field: String, reason: String) {
    self.init(field: field, reason: .other(reason))
  }

  /// `field: reason`, in English: what the journal's tools print.
  public var description: String { "\(field): \(reason)" }
}

/// Why the model refuses an event, as a value: each case carries what a message about it needs
/// (IDs, who and when, the status or level), so a console can say it in its own language.
///
/// `description` is the English wording, with times in RFC 3339: what `check`, `append` and the
/// journal's tools print whatever the interface's language.
public enum RejectionReason: Sendable, Hashable, CustomStringConvertible {
  /// An alert with this ID was raised already, by someone at some time.
  case alreadyRaised(AlertID, by: String, at: Timestamp)
  /// No segment has this ID.
  case noSegment(SegmentID)
  /// No alert has this ID.
  case noAlert(AlertID)
  /// The alert was resolved, so its level can no longer change.
  case resolvedLevelFixed(AlertID, by: String, at: Timestamp)
  /// The alert was resolved, so it cannot be acknowledged.
  case resolvedCannotAcknowledge(AlertID, by: String, at: Timestamp)
  /// The alert was acknowledged already.
  case alreadyAcknowledged(AlertID, by: String, at: Timestamp)
  /// The alert was resolved already.
  case alreadyResolved(AlertID, by: String, at: Timestamp)
  /// The alert is at this level already, set by someone at some time.
  case alreadyAtLevel(AlertID, AlertLevel, by: String, at: Timestamp)
  /// A meeting with this ID is scheduled already.
  case meetingAlreadyScheduled(MeetingID)
  /// No meeting has this ID.
  case noMeeting(MeetingID)
  /// The meeting is closed (held or cancelled): nothing more happens to it.
  case meetingClosed(MeetingID, MeetingStatus)
  /// Only a scheduled or postponed meeting can start; this one is in another status.
  case meetingNotScheduled(MeetingID, MeetingStatus)
  /// No checkpoint has this ID.
  case noCheckpoint(CheckpointID)
  /// A note's target is no segment, alert, meeting or checkpoint.
  case noRecord(String)
  /// `journal.rotated` begins a journal, and this many events came before it.
  case rotationNotFirst(eventsBefore: Int)
  /// A required field is empty.
  case empty
  /// A text is longer than its limit, in bytes of UTF-8.
  case tooLong(bytes: Int, limit: Int)
  /// A time outside the years a journal may hold (1900–2200).
  case outsideYears(Timestamp)
  /// A time further ahead of the writer's clock than the allowed skew.
  case aheadOfNow(Timestamp, now: Timestamp, minutes: Int64)
  /// A sequence number above the largest a journal holds.
  case seqTooLarge(UInt64, limit: UInt64)
  /// An end before its start.
  case endBeforeStart
  /// Kilometres out of range.
  case kmOutOfRange(limit: Int)
  /// A claimed figure out of range, or a range the wrong way round.
  case claimOutOfRange(limit: Int)
  /// A meeting's agenda names too many segments.
  case agendaTooLong(limit: Int)
  /// A reason in words only (a store's or a decoder's detail), in English.
  case other(String)

  /// Whether the reason names the record it is about (`AL-1 was already acknowledged…`), so it
  /// reads alone; a field's bound (`4001 bytes, longer than…`) needs the field's name with it.
  public var namesItsRecord: Bool {
    switch self {
    case .alreadyRaised, .noSegment, .noAlert, .resolvedLevelFixed, .resolvedCannotAcknowledge,
      .alreadyAcknowledged, .alreadyResolved, .alreadyAtLevel, .meetingAlreadyScheduled, .noMeeting,
      .meetingClosed, .meetingNotScheduled, .noCheckpoint, .noRecord, .rotationNotFirst:
      return true
    case .empty, .tooLong, .outsideYears, .aheadOfNow, .seqTooLarge, .endBeforeStart, .kmOutOfRange,
      .claimOutOfRange, .agendaTooLong, .other:
      return false
    }
  }

  public var description: String {
    switch self {
    case .alreadyRaised(let id, let by, let at):
      return "\(id) was already raised by \(by) at \(RFC3339.format(at))"
    case .noSegment(let id): return "no segment \(id)"
    case .noAlert(let id): return "no alert \(id)"
    case .resolvedLevelFixed(let id, let by, let at):
      return "\(id) was resolved by \(by) at \(RFC3339.format(at)); its level can no longer change"
    case .resolvedCannotAcknowledge(let id, let by, let at):
      return "\(id) was resolved by \(by) at \(RFC3339.format(at)); it cannot be acknowledged"
    case .alreadyAcknowledged(let id, let by, let at):
      return "\(id) was already acknowledged by \(by) at \(RFC3339.format(at))"
    case .alreadyResolved(let id, let by, let at):
      return "\(id) was already resolved by \(by) at \(RFC3339.format(at))"
    case .alreadyAtLevel(let id, let level, let by, let at):
      return
        "\(id) is already at level \(level.rawValue) \(level.label) (set by \(by) at \(RFC3339.format(at)))"
    case .meetingAlreadyScheduled(let id): return "\(id) is already scheduled"
    case .noMeeting(let id): return "no meeting \(id)"
    case .meetingClosed(let id, let status): return "\(id) is already \(status.label)"
    case .meetingNotScheduled(let id, let status): return "\(id) is \(status.label), not scheduled"
    case .noCheckpoint(let id): return "no checkpoint \(id)"
    case .noRecord(let target): return "no segment, alert, meeting or checkpoint \(target)"
    case .rotationNotFirst(let count):
      let came = count == 1 ? "1 event came" : "\(count) events came"
      return
        "journal.rotated begins a journal; here \(came) before it (only `bordermon journal rotate` writes it)"
    case .empty: return "must not be empty"
    case .tooLong(let bytes, let limit):
      return "\(bytes) \(bytes == 1 ? "byte" : "bytes"), longer than the \(limit) allowed"
    case .outsideYears(let time): return "\(RFC3339.format(time)) is outside 1900–2200"
    case .aheadOfNow(let time, let now, let minutes):
      return
        "\(RFC3339.format(time)) is more than \(minutes) \(minutes == 1 ? "minute" : "minutes") ahead of now (\(RFC3339.format(now)))"
    case .seqTooLarge(let seq, let limit): return "\(seq) is above the largest allowed, \(limit)"
    case .endBeforeStart: return "is before start"
    case .kmOutOfRange(let limit): return "must be a number from 0 to \(limit)"
    case .claimOutOfRange(let limit):
      return "must be a whole number from 0 to \(limit), or [low, high] with low ≤ high"
    case .agendaTooLong(let limit): return "more than \(limit) segments"
    case .other(let text): return text
    }
  }
}
