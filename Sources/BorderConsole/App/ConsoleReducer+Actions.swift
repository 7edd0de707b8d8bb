import BorderModel

/// The reducer: operator actions and their forms.
extension ConsoleState {
  // MARK: Actions

  /// The record an action key applies to: the open detail's record, else the focused pane's selected row.
  public var recordOnScreen: RecordOnScreen? {
    switch overlay {
    case .segmentDetail(let id): return .segment(id)
    case .alertDetail(let id): return .alert(id)
    case .meetingDetail(let id): return .meeting(id)
    case .help, nil: break
    }
    return selectedInFocus
  }

  /// Why the model would refuse an action against the live situation, if it would (its rules, not the console's).
  func refusal(_ action: OperatorAction) -> String? {
    action.draft(by: operatorName, via: .console).rejection(now: now, in: live).map {
      l10n.consoleRefusal($0)
    }
  }

  /// Why no action can be taken from this console now, if none can.
  private var actionsBlocked: String? {
    if readOnlyCause == .storeRole { return storeRoleRefusal }
    if readOnly { return l10n.tr("read-only console: actions are disabled (started with --read-only)") }
    if historyCursor != nil || loadingHistory != nil {
      return l10n.tr("actions apply to the present: press L to go back to live first")
    }
    if let error = journal.readError {
      return l10n.tr("refused while the journal cannot be read (%@): nothing was written", error)
    }
    return nil
  }

  mutating func openForm(for command: Command) {
    if let blocked = actionsBlocked {
      say(blocked, error: true, seconds: 8)
      return
    }
    guard let record = recordOnScreen else {
      say(l10n.tr("nothing is selected"), error: true)
      return
    }
    switch command {
    case .acknowledge, .resolve, .changeLevel:
      guard case .alert(let id) = record else {
        say(l10n.tr("select an alert first: Tab to the alert feed, or Enter on one there"), error: true)
        return
      }
      guard let alert = live.alert(id) else {
        say(l10n.tr("%@ is not in the journal now", id), error: true)
        return
      }
      let name = live.segment(alert.segment)?.name.latin
      switch command {
      case .acknowledge:
        if let reason = refusal(.acknowledge(id, note: nil)) { return say(reason, error: true) }
        form = .acknowledge(alert, segmentName: name)
      case .resolve:
        if let reason = refusal(.resolve(id, note: nil)) { return say(reason, error: true) }
        form = .resolve(alert, segmentName: name)
      default:
        // Any other level than the current one: the model says whether the level can change at all.
        let probe: AlertLevel = alert.level == .stable ? .tense : .stable
        if let reason = refusal(.changeLevel(id, to: probe, reason: nil)) { return say(reason, error: true) }
        form = .changeLevel(alert, segmentName: name)
      }
    case .raiseAlert:
      let segment: Segment?
      switch record {
      case .segment(let id): segment = live.segment(id)
      case .alert(let id): segment = live.alert(id).flatMap { live.segment($0.segment) }
      case .meeting:
        say(l10n.tr("select a segment or an alert first: a new alert is raised on a segment"), error: true)
        return
      }
      guard let segment else { return say(l10n.tr("the segment is not in the journal now"), error: true) }
      form = .raiseAlert(on: segment)
    case .addNote:
      let target: ActionTarget?
      switch record {
      case .segment(let id): target = live.segment(id).map { .segment($0) }
      case .alert(let id):
        target = live.alert(id).map { .alert($0, segmentName: live.segment($0.segment)?.name.latin) }
      case .meeting(let id): target = live.meeting(id).map { .meeting($0) }
      }
      guard let target else { return say(l10n.tr("that record is not in the journal now"), error: true) }
      form = .addNote(on: target)
    default:
      break
    }
  }

  /// An acknowledgement or re-level of a resolved alert says who resolved it.
  mutating func cancelForm() {
    form = nil
    say(l10n.tr("cancelled: nothing recorded"), seconds: 3)
    catchUpFeed()
  }

  mutating func editForm(_ key: Key, keyMap: KeyMap = .standard) -> [ConsoleEffect] {
    guard var current = form, !current.isSending else { return [] }
    switch keyMap.command(for: key, in: keyContext) {
    case .cancel:
      cancelForm()
      return []
    case .send:
      if let missing = current.missingField {
        current.error = l10n.tr("%@ is required", missing)
        form = current
        return []
      }
      // Checked against the live situation now; the journal checks again under its lock.
      // A refusal keeps the form open with what was typed.
      if let blocked = actionsBlocked {
        current.error = blocked
        form = current
        return []
      }
      let draft: EventDraft
      switch event(for: current) {
      case .success(let made): draft = made
      case .failure(let problem):
        current.error = problem.description
        form = current
        return []
      }
      let target = current.target.current(in: live)
      if let rejection = draft.rejection(now: now, in: live) {
        let reason = l10n.consoleRefusal(rejection)
        current.error = l10n.tr("not sent: %@", reason)
        current.notice = current.target.changes(to: target, at: now)
        form = current
        return []
      }
      current.isSending = true
      current.error = nil
      form = current
      say(l10n.tr("recording…"), seconds: 5)
      return [.append(draft)]
    default:
      _ = current.edit(key, l10n: l10n)
      form = current
      return []
    }
  }

  /// The draft event a completed form stands for, with this operator's name: built by the
  /// model's `OperatorAction`, timed (and a new alert named) when the journal appends it; or
  /// what in the form cannot be read (a field the command line would refuse too).
  func event(for form: ActionForm) -> Result<EventDraft, FormProblem> {
    let level = AlertLevel(spelling: form.value("Level")) ?? .tense
    let action: OperatorAction
    var provenance = Provenance.reported
    switch form.purpose {
    case .acknowledge(let id): action = .acknowledge(id, note: form.value("Note"))
    case .resolve(let id): action = .resolve(id, note: form.value("Note"))
    case .changeLevel(let id): action = .changeLevel(id, to: level, reason: form.value("Reason"))
    case .raiseAlert(let segment):
      switch Self.raiseRequest(form, on: segment, level: level, l10n: l10n) {
      case .success(let request): action = .raise(request)
      case .failure(let problem): return .failure(problem)
      }
      // As `alert raise --source`: a named source makes the report a factual record.
      let source = form.value("Source").trimmingSpaces()
      if !source.isEmpty { provenance = .factual(source: source) }
    case .addNote(let target):
      action = .note(target: target, text: form.value("Text"))
    }
    return .success(action.draft(by: operatorName, provenance: provenance, via: .console))
  }

  /// A new alert from the raise form, its words read by the model's vocabulary parser and its
  /// time by the RFC 3339 parser, as `bordermon alert raise` reads its options.
  static func raiseRequest(
    _ form: ActionForm, on segment: SegmentID, level: AlertLevel, l10n: Localizer = .english
  ) -> Result<
    AlertRequest, FormProblem
  > {
    guard let type = AlertType(spelling: form.value("Type")) else {
      return .failure(
        FormProblem(
          field: "Type", reason: l10n.tr("'%1$@' is not one of %2$@", form.value("Type"), AlertType.spellings)
        ))
    }
    var side: Side?
    let sideText = form.value("Side")
    if !sideText.isEmpty && sideText != ActionForm.notGiven {
      guard let parsed = Side(spelling: sideText) else {
        return .failure(
          FormProblem(field: "Side", reason: l10n.tr("'%1$@' is not one of %2$@", sideText, Side.spellings)))
      }
      side = parsed
    }
    guard let confidence = Confidence(spelling: form.value("Confidence")) else {
      return .failure(
        FormProblem(
          field: "Confidence",
          reason: l10n.tr("'%1$@' is not one of %2$@", form.value("Confidence"), Confidence.spellings)))
    }
    var occurred: Timestamp?
    let occurredText = form.value("Occurred").trimmingSpaces()
    if !occurredText.isEmpty {
      switch RFC3339.parse(occurredText) {
      case .success(let time): occurred = time
      case .failure(let error):
        return .failure(FormProblem(field: "Occurred", reason: error.description))
      }
    }
    return .success(
      AlertRequest(
        segment: segment, level: level, type: type, text: form.value("Text"), reportingSide: side,
        occurredAt: occurred, confidence: confidence))
  }
}

/// A form field that cannot be read as the action needs it: its label and why.
public struct FormProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var field: String
  public var reason: String
  public var description: String { "\(field): \(reason)" }
}
