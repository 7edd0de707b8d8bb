import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore

/// Appends one operator action for a scripting command: built and checked by the model under
/// the journal's lock, seq printed (and a new alert's ID on standard error). `via` is nil for a
/// feed's event (`feed heartbeat`), which keeps consoles live where an operator's action does not.
func appendForScript(
  _ action: OperatorAction, options: DataOptions, source: String? = nil, command: String,
  via: OperatorChannel? = .command
) throws {
  let l10n = try options.localizer()
  let clock = SystemWallClock()
  var store = try options.openSituation(clock: clock, snapshots: true)
  defer { store.saveSnapshotIfDue() }
  let provenance: Provenance = source.map { .factual(source: $0) } ?? .reported
  let draft = action.draft(by: OperatorIdentity.current(), provenance: provenance, via: via)
  switch store.append([draft], clock: clock) {
  case .success(let events):
    guard let event = events.first else { return }
    print(event.seq)
    if draft.assignsAlertID, case .alertRaised(let report) = event.payload {
      printError("bordermon \(command): " + l10n.tr("raised %@", report.id))
    }
  case .failure(.rejected(_, let rejection)):
    printError("bordermon \(command): " + l10n.refusal(rejection))
    throw ExitCode(1)
  case .failure(.file(let error)):
    printError("bordermon \(command): " + l10n.fileErrorWithPath(error))
    throw ExitCode(1)
  case .failure(let error):
    printError("bordermon \(command): \(error)")
    throw ExitCode(1)
  }
}

/// Reads `--at`: an RFC 3339 time with a zone, or a date meaning the end of that day in UTC.
func parseAsOf(_ text: String?, _ l10n: Localizer) throws -> Timestamp? {
  guard let text else { return nil }
  switch RFC3339.parseDateOrTime(text) {
  case .success(let time): return time
  case .failure(let error): throw ValidationError("--at: " + l10n.timeParseError(error))
  }
}

/// Reads an RFC 3339 time with a zone.
func parseTime(_ text: String, option: String, _ l10n: Localizer) throws -> Timestamp {
  switch RFC3339.parse(text) {
  case .success(let time): return time
  case .failure(let error): throw ValidationError(option + ": " + l10n.timeParseError(error))
  }
}

/// `bordermon alert …`: raise, acknowledge, resolve and re-level alerts.
struct AlertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alert", abstract: "Raise, acknowledge, resolve or re-level an alert.",
    subcommands: [Raise.self, Acknowledge.self, Resolve.self, Level.self])

  struct Raise: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Raise a new alert on a segment.")
    @OptionGroup var options: DataOptions
    @Option(help: "The segment ID, e.g. A-05.", completion: CompletionCandidates.completion(.segments))
    var segment: String
    @Option(help: ArgumentHelp("The level, by number or word: \(AlertLevel.vocabulary).")) var level:
      AlertLevel
    @Option(help: "The kind of incident.") var type: AlertType
    @Option(help: "What was reported.") var text: String
    @Option(help: "The reporting side.") var side: Side?
    @Option(help: "Where the report comes from (makes it a factual record).") var source: String?
    @Option(help: "How far the report is corroborated.") var confidence: Confidence = .unverified
    @Option(help: "When it happened, if earlier (RFC 3339 with a zone).") var occurred: String?
    @Option(help: "The alert's ID (default: AL-<segment>-<seq>, assigned when it is appended).") var id:
      String?

    func run() throws {
      let request = AlertRequest(
        segment: SegmentID(segment), level: level, type: type, text: text, reportingSide: side,
        occurredAt: try occurred.map { try parseTime($0, option: "--occurred", options.l10n) },
        confidence: confidence,
        id: id.map(AlertID.init))
      try appendForScript(.raise(request), options: options, source: source, command: "alert raise")
    }
  }

  struct Acknowledge: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an alert.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The alert's ID.", completion: CompletionCandidates.completion(.openAlerts)) var id:
      String
    @Option(help: "A short note.") var note: String?
    func run() throws {
      try appendForScript(.acknowledge(AlertID(id), note: note), options: options, command: "alert ack")
    }
  }

  struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Resolve (close) an alert.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The alert's ID.", completion: CompletionCandidates.completion(.openAlerts)) var id:
      String
    @Option(help: "A short note.") var note: String?
    func run() throws {
      try appendForScript(.resolve(AlertID(id), note: note), options: options, command: "alert resolve")
    }
  }

  struct Level: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change an open alert's level.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The alert's ID.", completion: CompletionCandidates.completion(.openAlerts)) var id:
      String
    @Argument(help: ArgumentHelp("The new level, by number or word: \(AlertLevel.vocabulary).")) var level:
      AlertLevel
    @Option(help: "Why.") var reason: String?
    func run() throws {
      try appendForScript(
        .changeLevel(AlertID(id), to: level, reason: reason), options: options, command: "alert level")
    }
  }
}

/// `bordermon segment …`: a segment's demarcation status and alert level.
struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment", abstract: "Set a segment's demarcation status or alert level.",
    subcommands: [Status.self, Level.self])

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set a segment's demarcation status.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The segment ID.", completion: CompletionCandidates.completion(.segments)) var id: String
    @Argument(help: "The demarcation status.") var status: DemarcationStatus
    @Option(help: "A short note.") var note: String?
    @Option(help: "Where this comes from (makes it a factual record).") var source: String?
    func run() throws {
      try appendForScript(
        .setSegmentStatus(SegmentID(id), status, note: note), options: options, source: source,
        command: "segment status")
    }
  }

  struct Level: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set a segment's alert level.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The segment ID.", completion: CompletionCandidates.completion(.segments)) var id: String
    @Argument(help: ArgumentHelp("The level, by number or word: \(AlertLevel.vocabulary).")) var level:
      AlertLevel
    @Option(help: "Why.") var reason: String?
    func run() throws {
      try appendForScript(
        .setSegmentLevel(SegmentID(id), level, reason: reason), options: options, command: "segment level")
    }
  }
}

/// `bordermon meeting …`: the delegations' and working groups' calendar.
struct MeetingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting", abstract: "Schedule, reschedule, start, hold, postpone or cancel a meeting.",
    subcommands: [Schedule.self, Reschedule.self, Start.self, Held.self, Postpone.self, Cancel.self])

  struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Schedule a meeting.")
    @OptionGroup var options: DataOptions
    @Option(help: "A new meeting ID.") var id: String
    @Option(help: "Which body meets.") var kind: MeetingKind
    @Option(help: "Start, RFC 3339 with a zone.") var start: String
    @Option(help: "End, RFC 3339 with a zone.") var end: String
    @Option(help: "Venue (Latin).") var venue: String?
    @Option(help: "Venue in Cyrillic.") var venueCyrillic: String?
    @Option(help: "The hosting side.") var host: Side?
    @Option(help: "Segment IDs on the agenda, comma-separated.") var agenda: String?
    @Option(help: "A note.") var note: String?
    func run() throws {
      if venueCyrillic != nil && venue == nil {
        throw ValidationError(options.l10n.tr("--venue-cyrillic needs --venue"))
      }
      let meeting = Meeting(
        id: MeetingID(id), kind: kind, venue: venue.map { PlaceName($0, cyrillic: venueCyrillic) },
        host: host,
        start: try parseTime(start, option: "--start", options.l10n),
        end: try parseTime(end, option: "--end", options.l10n),
        agenda: (agenda ?? "").split(separator: ",").map { SegmentID(String($0).trimmingCharacters()) },
        note: note, provenance: .reported)
      try appendForScript(.scheduleMeeting(meeting), options: options, command: "meeting schedule")
    }
  }

  struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Move a meeting to new dates.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting ID.", completion: CompletionCandidates.completion(.meetings)) var id: String
    @Option(help: "New start, RFC 3339.") var start: String
    @Option(help: "New end, RFC 3339.") var end: String
    @Option(help: "Why.") var reason: String?
    func run() throws {
      let action = OperatorAction.rescheduleMeeting(
        MeetingID(id), start: try parseTime(start, option: "--start", options.l10n),
        end: try parseTime(end, option: "--end", options.l10n),
        reason: reason)
      try appendForScript(action, options: options, command: "meeting reschedule")
    }
  }

  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Record that a meeting is in session.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting ID.", completion: CompletionCandidates.completion(.meetings)) var id: String
    func run() throws {
      try appendForScript(.startMeeting(MeetingID(id)), options: options, command: "meeting start")
    }
  }

  struct Held: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that a meeting was held, with its outcome.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting ID.", completion: CompletionCandidates.completion(.meetings)) var id: String
    @Option(help: "The protocol's number.") var `protocol`: String?
    @Option(help: "Kilometres of line agreed (0 to \(Int(JournalLimits.maxKm))).") var km: Double?
    @Option(help: "A one-line summary.") var text: String?
    func run() throws {
      let outcome = MeetingOutcome(protocolNumber: `protocol`, kmAgreed: km, summary: text)
      try appendForScript(.holdMeeting(MeetingID(id), outcome), options: options, command: "meeting held")
    }
  }

  struct Postpone: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Postpone a meeting.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting ID.", completion: CompletionCandidates.completion(.meetings)) var id: String
    @Option(help: "Why.") var reason: String?
    func run() throws {
      try appendForScript(
        .postponeMeeting(MeetingID(id), reason: reason), options: options, command: "meeting postpone")
    }
  }

  struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cancel a meeting.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting ID.", completion: CompletionCandidates.completion(.meetings)) var id: String
    @Option(help: "Why.") var reason: String?
    func run() throws {
      try appendForScript(
        .cancelMeeting(MeetingID(id), reason: reason), options: options, command: "meeting cancel")
    }
  }
}

/// `bordermon checkpoint set NAME STATUS`.
struct CheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint", abstract: "Set a checkpoint's status.", subcommands: [Set.self])

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set a checkpoint open, closed or restricted.")
    @OptionGroup var options: DataOptions
    @Argument(
      help: "The checkpoint's ID or name (Latin or Cyrillic, any case).",
      completion: CompletionCandidates.completion(.checkpoints))
    var name: String
    @Argument(help: "The checkpoint's status.") var status: CheckpointStatus
    @Option(help: "A short note.") var note: String?
    func run() throws {
      // Warnings about the choice are said once, by appendForScript.
      let l10n = Localizer.of(try options.language().language)
      let situation = try options.openSituation(clock: SystemWallClock(), snapshots: true).situation
      let wanted = name.lowercased()
      guard
        let checkpoint = situation.checkpoints.first(where: {
          $0.id.rawValue.lowercased() == wanted || $0.name.latin.lowercased() == wanted
            || $0.name.cyrillic?.lowercased() == wanted
        })
      else {
        let known = situation.checkpoints.map { $0.id.rawValue }.joined(separator: ", ")
        printError("bordermon checkpoint set: " + l10n.tr("no checkpoint '%1$@' (known: %2$@)", name, known))
        throw ExitCode(1)
      }
      try appendForScript(
        .setCheckpointStatus(checkpoint.id, status, note: note), options: options, command: "checkpoint set")
    }
  }
}

/// `bordermon note ID TEXT`.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Add a note to a segment, alert, meeting or checkpoint (or '-' for the whole situation).")
  @OptionGroup var options: DataOptions
  @Argument(
    help: "The record's ID, or - for the situation as a whole.",
    completion: CompletionCandidates.completion(.records))
  var id: String
  @Argument(help: "The note.") var text: String
  func run() throws {
    try appendForScript(.note(target: id == "-" ? nil : id, text: text), options: options, command: "note")
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
