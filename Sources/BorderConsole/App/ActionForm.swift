import BorderModel

/// A field of an action form: a choice among options, or free text.
public struct FormField: Sendable, Hashable {
  /// Which field it is, whatever the language of its label: the reducer reads the form by it.
  public enum Name: String, Sendable, Hashable {
    case note = "Note"
    case reason = "Reason"
    case level = "Level"
    case type = "Type"
    case text = "Text"
    case side = "Side"
    case confidence = "Confidence"
    case occurred = "Occurred"
    case source = "Source"
  }

  public enum Kind: Sendable, Hashable {
    /// One of `options`; ←/→ or the option's first letter or digit choose.
    case choice(options: [String], selected: Int)
    /// Free text, up to `limit` bytes of UTF-8 (the journal's limit for its field, as every writer counts it).
    case text(String, limit: Int)
  }

  /// Which field it is.
  public var name: Name
  /// Its label, in the interface's language.
  public var label: String
  public var kind: Kind
  /// Whether the form can be sent with this field empty.
  public var optional: Bool
  /// Where the next character typed goes in a text field, in characters from its start.
  public var cursor = 0
  /// What an empty text field shows after `(optional)`: the form of what it takes.
  public var hint: String?
  /// The event's field a text field becomes (`note`, `text`, …): a refusal at its limit names it as the command line does.
  public var journalField: String?

  /// The field with its label in the interface's language.
  init(
    _ name: Name, _ l10n: Localizer, kind: Kind, optional: Bool, hint: String? = nil,
    journalField: String? = nil
  ) {
    self.name = name
    self.label = Self.label(name, l10n)
    self.kind = kind
    self.optional = optional
    self.hint = hint
    self.journalField = journalField
  }

  /// A field's label in a language.
  static func label(_ name: Name, _ l10n: Localizer) -> String {
    switch name {
    case .note: return l10n.tr("Note", context: "form field")
    case .reason: return l10n.tr("Reason", context: "form field")
    case .level: return l10n.tr("Level", context: "form field")
    case .type: return l10n.tr("Type", context: "form field")
    case .text: return l10n.tr("Text", context: "form field")
    case .side: return l10n.tr("Side", context: "form field")
    case .confidence: return l10n.tr("Confidence", context: "form field")
    case .occurred: return l10n.tr("Occurred", context: "form field")
    case .source: return l10n.tr("Source", context: "form field")
    }
  }

  /// The index of the option chosen, for a choice field.
  public var selection: Int? {
    if case .choice(let options, let selected) = kind, options.indices.contains(selected) { return selected }
    return nil
  }

  /// The field's value as text: the chosen option or the text typed.
  public var value: String {
    switch kind {
    case .choice(let options, let selected):
      return options.indices.contains(selected) ? options[selected] : ""
    case .text(let text, _): return text
    }
  }
}

/// What an action form does when sent.
public enum FormPurpose: Sendable, Hashable {
  case acknowledge(AlertID)
  case resolve(AlertID)
  case changeLevel(AlertID)
  case raiseAlert(SegmentID)
  /// A note on a record (a segment, an alert or a meeting), by its ID.
  case addNote(target: String)
}

extension FormPurpose {
  /// Whether it acts on an existing alert (acknowledge, resolve, re-level).
  var isAlertAction: Bool {
    switch self {
    case .acknowledge, .resolve, .changeLevel: return true
    case .raiseAlert, .addNote: return false
    }
  }
}

/// The record an action applies to, as it stood when the form opened.
public enum ActionTarget: Sendable, Hashable {
  case alert(Alert, segmentName: String?)
  case segment(Segment)
  case meeting(Meeting)

  /// The record's ID, as the journal names it.
  public var id: String {
    switch self {
    case .alert(let alert, _): return alert.id.rawValue
    case .segment(let segment): return segment.id.rawValue
    case .meeting(let meeting): return meeting.id.rawValue
    }
  }

  /// The same record as `situation` has it now, or nil when it is no longer there.
  public func current(in situation: Situation) -> ActionTarget? {
    switch self {
    case .alert(let alert, let name):
      return situation.alert(alert.id).map { .alert($0, segmentName: name) }
    case .segment(let segment):
      return situation.segment(segment.id).map { .segment($0) }
    case .meeting(let meeting):
      return situation.meeting(meeting.id).map { .meeting($0) }
    }
  }
}

/// A small dialog that gathers what an action needs, and is its confirmation.
public struct ActionForm: Sendable, Hashable {
  public var purpose: FormPurpose
  public var title: String
  /// The record it applies to, as it stood when the form opened.
  public var target: ActionTarget
  /// A line saying what sending it does, e.g. that it cannot be undone.
  public var warning: String?
  public var fields: [FormField]
  public var focused = 0
  public var error: String?
  /// What changed in the target since the form opened (someone else acted on it), if anything.
  public var notice: String?
  /// Set between Enter and the journal's answer: the form stays until the event is written.
  public var isSending = false

  /// A field's value as shown (the option chosen or the text typed), by the field's English name.
  public func value(_ name: String) -> String {
    fields.first { $0.name.rawValue == name }?.value ?? ""
  }

  /// A field's value as shown, by its name.
  public func value(_ name: FormField.Name) -> String { value(name.rawValue) }

  /// The index of the option chosen in a choice field, by its name.
  public func selection(_ name: FormField.Name) -> Int? {
    fields.first { $0.name == name }?.selection
  }

  /// Edits the focused field with a key; returns false when the key is not for the form.
  /// Says what is wrong (a text at its limit) in the interface's language.
  mutating func edit(_ key: Key, l10n: Localizer = .english) -> Bool {
    guard fields.indices.contains(focused) else { return false }
    switch (fields[focused].kind, key) {
    case (.choice(let options, let selected), .left):
      fields[focused].kind = .choice(
        options: options, selected: (selected + options.count - 1) % options.count)
    case (.choice(let options, let selected), .right), (.choice(let options, let selected), .character(" ")):
      fields[focused].kind = .choice(options: options, selected: (selected + 1) % options.count)
    case (.choice(let options, let selected), .character(let c)):
      let match = options.firstIndex { $0.lowercased().hasPrefix(String(c).lowercased()) }
      fields[focused].kind = .choice(options: options, selected: match ?? selected)
    case (.text(let text, let limit), _):
      guard let edited = TextEdit.apply(key, to: text, cursor: fields[focused].cursor, limit: limit) else {
        return moveFocus(key)
      }
      fields[focused].kind = .text(edited.text, limit: limit)
      fields[focused].cursor = edited.cursor
      error = nil
      if edited.full, case .character(let c) = key {
        // The model's refusal of the text the key would have made, in the command line's words
        // (naming the journal's field, as the command line does, in every language).
        let field = fields[focused]
        error = JournalLimits.lengthProblem(
          field.value + String(c), field: field.journalField ?? field.name.rawValue.lowercased(), max: limit
        ).map { l10n.refusal($0) }
      }
      return true
    default:
      return moveFocus(key)
    }
    error = nil
    return true
  }

  /// Tab/↓ and Shift-Tab/↑ move between fields.
  private mutating func moveFocus(_ key: Key) -> Bool {
    switch key {
    case .tab, .down: focused = (focused + 1) % fields.count
    case .backTab, .up: focused = (focused + fields.count - 1) % fields.count
    default: return false
    }
    error = nil
    return true
  }

  /// The first required field left empty, if any.
  var missingField: String? {
    fields.first { !$0.optional && $0.value.trimmingSpaces().isEmpty }?.label
  }
}

/// The editing keys of a one-line text field, as shells and readline have them.
enum TextEdit {
  /// The text and cursor after `key`, with `full` set when a character was refused at the limit
  /// (`limit` bytes of UTF-8);
  /// nil when the key does not edit text.
  static func apply(_ key: Key, to text: String, cursor: Int, limit: Int) -> (
    text: String, cursor: Int, full: Bool
  )? {
    var characters = Array(text)
    var cursor = clamp(cursor, 0, characters.count)
    switch key {
    case .character(let c):
      guard text.utf8.count + c.utf8.count <= limit else { return (text, cursor, true) }
      characters.insert(c, at: cursor)
      cursor += 1
    case .backspace, .control("h"):
      guard cursor > 0 else { return (text, cursor, false) }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .control("d"):
      guard cursor < characters.count else { return (text, cursor, false) }
      characters.remove(at: cursor)
    case .left, .control("b"): cursor = max(0, cursor - 1)
    case .right, .control("f"): cursor = min(characters.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = characters.count
    case .control("u"):
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .control("k"):
      characters.removeSubrange(cursor...)
    case .control("w"):
      // The word before the cursor, and the spaces after it.
      var start = cursor
      while start > 0 && characters[start - 1] == " " { start -= 1 }
      while start > 0 && characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    default:
      return nil
    }
    return (String(characters), cursor, false)
  }
}

extension ActionForm {
  /// The levels to choose from, `3 tense`, in the model's order.
  static func levelOptions(_ l10n: Localizer) -> [String] {
    AlertLevel.allCases.map { "\($0.rawValue) \(l10n.level($0))" }
  }
  /// The alert types, in the model's order.
  static func typeOptions(_ l10n: Localizer) -> [String] { AlertType.allCases.map(l10n.alertType) }
  /// The longest note, reason or text: the journal's, in bytes of UTF-8 (the command line's limit too).
  public static let textLimit = JournalLimits.textBytes

  static func acknowledge(_ alert: Alert, segmentName: String?, l10n: Localizer = .english) -> ActionForm {
    ActionForm(
      purpose: .acknowledge(alert.id), title: l10n.tr("Acknowledge %@", alert.id),
      target: .alert(alert, segmentName: segmentName),
      warning: l10n.tr("Acknowledging is recorded with your name and cannot be undone."),
      fields: [
        FormField(.note, l10n, kind: .text("", limit: textLimit), optional: true, journalField: "note")
      ])
  }

  static func resolve(_ alert: Alert, segmentName: String?, l10n: Localizer = .english) -> ActionForm {
    ActionForm(
      purpose: .resolve(alert.id), title: l10n.tr("Resolve %@", alert.id),
      target: .alert(alert, segmentName: segmentName),
      warning: l10n.tr("Resolving closes the alert for every console and cannot be undone."),
      fields: [
        FormField(.note, l10n, kind: .text("", limit: textLimit), optional: true, journalField: "note")
      ])
  }

  static func changeLevel(_ alert: Alert, segmentName: String?, l10n: Localizer = .english) -> ActionForm {
    ActionForm(
      purpose: .changeLevel(alert.id), title: l10n.tr("Change the level of %@", alert.id),
      target: .alert(alert, segmentName: segmentName), warning: nil,
      fields: [
        FormField(
          .level, l10n, kind: .choice(options: levelOptions(l10n), selected: alert.level.rawValue - 1),
          optional: false),
        FormField(.reason, l10n, kind: .text("", limit: textLimit), optional: true, journalField: "reason"),
      ])
  }

  /// The reporting side's choices: not given, then each side by name (index 0 is none, then `Side.allCases`).
  static func sideOptions(_ l10n: Localizer) -> [String] {
    [l10n.tr("not given", context: "form side")] + Side.allCases.map(l10n.side)
  }
  /// How far a report is corroborated, in the model's order.
  static func confidenceOptions(_ l10n: Localizer) -> [String] { Confidence.allCases.map(l10n.confidence) }
  /// The longest source named on a raise: the journal's, in bytes of UTF-8.
  public static let sourceLimit = JournalLimits.nameBytes
  /// The longest time typed for when an alert's incident occurred, in bytes (an RFC 3339 time takes 25 at most).
  public static let timeLimit = 40

  /// The raise form: the fields `bordermon alert raise` has (level, type, text, reporting side,
  /// confidence, when it occurred, source), with the command line's defaults.
  static func raiseAlert(on segment: Segment, l10n: Localizer = .english) -> ActionForm {
    ActionForm(
      purpose: .raiseAlert(segment.id),
      title: l10n.tr("Raise an alert on %1$@ %2$@", segment.id, l10n.name(segment.name)),
      target: .segment(segment), warning: l10n.tr("A new alert at level 4 or 5 rings every console."),
      fields: [
        FormField(.level, l10n, kind: .choice(options: levelOptions(l10n), selected: 2), optional: false),
        FormField(.type, l10n, kind: .choice(options: typeOptions(l10n), selected: 0), optional: false),
        FormField(.text, l10n, kind: .text("", limit: textLimit), optional: false, journalField: "text"),
        FormField(.side, l10n, kind: .choice(options: sideOptions(l10n), selected: 0), optional: true),
        FormField(
          .confidence, l10n,
          kind: .choice(
            options: confidenceOptions(l10n), selected: Confidence.allCases.firstIndex(of: .unverified) ?? 0),
          optional: false),
        FormField(
          .occurred, l10n, kind: .text("", limit: timeLimit), optional: true,
          hint: l10n.tr("e.g. 2026-11-30T05:40:00+05:00")),
        FormField(.source, l10n, kind: .text("", limit: sourceLimit), optional: true, journalField: "source"),
      ])
  }

  static func addNote(on target: ActionTarget, l10n: Localizer = .english) -> ActionForm {
    let title: String
    switch target {
    case .segment(let segment): title = l10n.tr("Note on %1$@ %2$@", segment.id, l10n.name(segment.name))
    case .alert(let alert, _): title = l10n.tr("Note on alert %@", alert.id)
    case .meeting(let meeting): title = l10n.tr("Note on meeting %@", meeting.id)
    }
    return ActionForm(
      purpose: .addNote(target: target.id), title: title, target: target, warning: nil,
      fields: [
        FormField(.text, l10n, kind: .text("", limit: textLimit), optional: false, journalField: "text")
      ])
  }
}

extension ActionTarget {
  /// What changed between `self` (as the form opened) and `now`, said as the operator needs it: one
  /// whole sentence per change, in the interface's language, joined by `; `.
  func changes(to now: ActionTarget?, at moment: Timestamp, l10n: Localizer = .english) -> String? {
    guard let now else { return l10n.tr("%@ is no longer in the journal", id) }
    var changes: [String] = []
    switch (self, now) {
    case (.alert(let before, _), .alert(let after, _)):
      if before.acknowledgement == nil, let mark = after.acknowledgement {
        changes.append(
          l10n.tr(
            "since this form opened, %1$@ was acknowledged by %2$@ %3$@", id, mark.by,
            agoText(mark.at, now: moment, l10n)))
      }
      if before.resolution == nil, let mark = after.resolution {
        let ago = agoText(mark.at, now: moment, l10n)
        changes.append(
          changes.isEmpty
            ? l10n.tr("since this form opened, %1$@ was resolved by %2$@ %3$@", id, mark.by, ago)
            : l10n.tr("resolved by %1$@ %2$@", mark.by, ago))
      }
      if before.level != after.level {
        let from = "\(before.level.rawValue) \(l10n.level(before.level))"
        let to = "\(after.level.rawValue) \(l10n.level(after.level))"
        switch (changes.isEmpty, after.levelHistory.last?.by) {
        case (true, let by?):
          changes.append(
            l10n.tr(
              "since this form opened, %1$@ was level changed from %2$@ to %3$@ by %4$@", id, from, to, by))
        case (true, nil):
          changes.append(
            l10n.tr("since this form opened, %1$@ was level changed from %2$@ to %3$@", id, from, to))
        case (false, let by?):
          changes.append(l10n.tr("level changed from %1$@ to %2$@ by %3$@", from, to, by))
        case (false, nil): changes.append(l10n.tr("level changed from %1$@ to %2$@", from, to))
        }
      }
    case (.segment(let before), .segment(let after)):
      if before.status != after.status {
        changes.append(
          l10n.tr("since this form opened, %1$@: status changed to %2$@", id, l10n.status(after.status)))
      }
      if before.alertLevel != after.alertLevel {
        let level = "\(after.alertLevel.rawValue) \(l10n.level(after.alertLevel))"
        changes.append(
          changes.isEmpty
            ? l10n.tr("since this form opened, %1$@: level changed to %2$@", id, level)
            : l10n.tr("level changed to %@", level))
      }
    case (.meeting(let before), .meeting(let after)):
      if before.status != after.status {
        changes.append(l10n.tr("since this form opened, the meeting is %@", l10n.meetingStatus(after.status)))
      }
    default:
      break
    }
    return changes.isEmpty ? nil : changes.joined(separator: "; ")
  }
}

/// `3m ago`, or `just now` under a minute (`3м назад`, `только что` in Russian).
func agoText(_ time: Timestamp, now: Timestamp, _ l10n: Localizer = .english) -> String {
  guard now.milliseconds(since: time) >= 60_000 else { return l10n.tr("just now") }
  return l10n.tr("%@ ago", context: "age", TimeText.age(time, now: now, l10n))
}
