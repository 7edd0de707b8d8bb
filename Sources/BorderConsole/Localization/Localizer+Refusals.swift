import BorderModel

/// The model's refusals in the interface's language.
extension Localizer {
  /// Why the model refuses an event, in this language. English reads exactly as the model's
  /// `description` (times in RFC 3339); Russian gives times as `2026-11-30 12:00 UTC` and uses
  /// the interface's words for levels and statuses.
  public func refusal(_ reason: RejectionReason) -> String {
    switch reason {
    case .alreadyRaised(let id, let by, let at):
      return tr("%1$@ was already raised by %2$@ at %3$@", id, by, refusalTime(at))
    case .noSegment(let id): return tr("no segment %@", id)
    case .noAlert(let id): return tr("no alert %@", id)
    case .resolvedLevelFixed(let id, let by, let at):
      return tr("%1$@ was resolved by %2$@ at %3$@; its level can no longer change", id, by, refusalTime(at))
    case .resolvedCannotAcknowledge(let id, let by, let at):
      return tr("%1$@ was resolved by %2$@ at %3$@; it cannot be acknowledged", id, by, refusalTime(at))
    case .alreadyAcknowledged(let id, let by, let at):
      return tr("%1$@ was already acknowledged by %2$@ at %3$@", id, by, refusalTime(at))
    case .alreadyResolved(let id, let by, let at):
      return tr("%1$@ was already resolved by %2$@ at %3$@", id, by, refusalTime(at))
    case .alreadyAtLevel(let id, let level, let by, let at):
      return tr(
        "%1$@ is already at level %2$d %3$@ (set by %4$@ at %5$@)", id, level.rawValue,
        self.level(level), by, refusalTime(at))
    case .meetingAlreadyScheduled(let id): return tr("%@ is already scheduled", id)
    case .noMeeting(let id): return tr("no meeting %@", id)
    case .meetingClosed(let id, let status):
      return tr("%1$@ is already %2$@", id, meetingStatus(status))
    case .meetingNotScheduled(let id, let status):
      return tr("%1$@ is %2$@, not scheduled", id, meetingStatus(status))
    case .noCheckpoint(let id): return tr("no checkpoint %@", id)
    case .noRecord(let target): return tr("no segment, alert, meeting or checkpoint %@", target)
    case .rotationNotFirst(let count):
      return plural(
        "journal.rotated begins a journal; here %d event came before it (only `bordermon journal rotate` writes it)",
        "journal.rotated begins a journal; here %d events came before it (only `bordermon journal rotate` writes it)",
        count: count)
    case .empty: return tr("must not be empty")
    case .tooLong(let bytes, let limit):
      return plural(
        "%1$d byte, longer than the %2$d allowed", "%1$d bytes, longer than the %2$d allowed", count: bytes,
        bytes, limit)
    case .outsideYears(let time): return tr("%@ is outside 1900–2200", refusalTime(time))
    case .aheadOfNow(let time, let now, let minutes):
      return plural(
        "%1$@ is more than %2$d minute ahead of now (%3$@)",
        "%1$@ is more than %2$d minutes ahead of now (%3$@)",
        count: Int(minutes), refusalTime(time), minutes, refusalTime(now))
    case .seqTooLarge(let seq, let limit): return tr("%1$@ is above the largest allowed, %2$@", seq, limit)
    case .endBeforeStart: return tr("is before start")
    case .kmOutOfRange(let limit): return tr("must be a number from 0 to %d", limit)
    case .claimOutOfRange(let limit):
      return tr("must be a whole number from 0 to %d, or [low, high] with low ≤ high", limit)
    case .agendaTooLong(let limit): return tr("more than %d segments", limit)
    case .other(let text): return text
    }
  }

  /// A refusal with its field, as the command line prints it: `alert: AL-1 was already acknowledged…`.
  public func refusal(_ rejection: EventRejection) -> String {
    tr("%1$@: %2$@", context: "field and refusal", rejection.field, refusal(rejection.reason))
  }

  /// A refusal as the console shows it: the reason alone when it names its record
  /// (`AL-1 was already acknowledged by…`), else with its field (`text: 4001 bytes, longer than…`).
  public func consoleRefusal(_ rejection: EventRejection) -> String {
    rejection.reason.namesItsRecord ? refusal(rejection.reason) : refusal(rejection)
  }

  /// A time in a refusal: RFC 3339 in English (as the journal's tools print it), else the
  /// console's 24-hour `2026-11-30 12:00 UTC`.
  func refusalTime(_ time: Timestamp) -> String {
    language == .english
      ? RFC3339.format(time) : tr("%@ UTC", context: "refusal time", DisplayZone.utc.dateTime(time))
  }
}
