import BorderModel

/// A field of an action form: a choice among options, or free text.
public struct FormField: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// One of `options`; ←/→ or the option's first letter or digit choose.
    case choice(options: [String], selected: Int)
    /// Free text, up to `limit` bytes of UTF-8 (the journal's limit for its field, as every writer counts it).
    case text(String, limit: Int)
  }

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

  /// Values of every field, by label.
  public func value(_ label: String) -> String {
    fields.first { $0.label == label }?.value ?? ""
  }

  /// Edits the focused field with a key; returns false when the key is not for the form.
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
        // The model's refusal of the text the key would have made, in the command line's words.
        let field = fields[focused]
        error = JournalLimits.lengthProblem(
          field.value + String(c), field: field.journalField ?? field.label.lowercased(), max: limit
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
  static let levelOptions = AlertLevel.allCases.map { "\($0.rawValue) \($0.label)" }
  static let typeOptions = AlertType.allCases.map(\.label)
  /// The longest note, reason or text: the journal's, in bytes of UTF-8 (the command line's limit too).
  public static let textLimit = JournalLimits.textBytes

  static func acknowledge(_ alert: Alert, segmentName: String?) -> ActionForm {
    ActionForm(
      purpose: .acknowledge(alert.id), title: "Acknowledge \(alert.id)",
      target: .alert(alert, segmentName: segmentName),
      warning: "Acknowledging is recorded with your name and cannot be undone.",
      fields: [
        FormField(label: "Note", kind: .text("", limit: textLimit), optional: true, journalField: "note")
      ])
  }

  static func resolve(_ alert: Alert, segmentName: String?) -> ActionForm {
    ActionForm(
      purpose: .resolve(alert.id), title: "Resolve \(alert.id)",
      target: .alert(alert, segmentName: segmentName),
      warning: "Resolving closes the alert for every console and cannot be undone.",
      fields: [
        FormField(label: "Note", kind: .text("", limit: textLimit), optional: true, journalField: "note")
      ])
  }

  static func changeLevel(_ alert: Alert, segmentName: String?) -> ActionForm {
    ActionForm(
      purpose: .changeLevel(alert.id), title: "Change the level of \(alert.id)",
      target: .alert(alert, segmentName: segmentName), warning: nil,
      fields: [
        FormField(
          label: "Level", kind: .choice(options: levelOptions, selected: alert.level.rawValue - 1),
          optional: false),
        FormField(label: "Reason", kind: .text("", limit: textLimit), optional: true, journalField: "reason"),
      ])
  }

  /// The reporting side's choices: not given, then each side by name (read back with `Side(spelling:)`).
  static let sideOptions = [notGiven] + Side.allCases.map(\.label)
  /// The choice that leaves an optional vocabulary field out.
  static let notGiven = "not given"
  static let confidenceOptions = Confidence.allCases.map(\.label)
  /// The longest source named on a raise: the journal's, in bytes of UTF-8.
  public static let sourceLimit = JournalLimits.nameBytes
  /// The longest time typed for when an alert's incident occurred, in bytes (an RFC 3339 time takes 25 at most).
  public static let timeLimit = 40

  /// The raise form: the fields `bordermon alert raise` has (level, type, text, reporting side,
  /// confidence, when it occurred, source), with the command line's defaults.
  static func raiseAlert(on segment: Segment) -> ActionForm {
    ActionForm(
      purpose: .raiseAlert(segment.id), title: "Raise an alert on \(segment.id) \(segment.name.latin)",
      target: .segment(segment), warning: "A new alert at level 4 or 5 rings every console.",
      fields: [
        FormField(label: "Level", kind: .choice(options: levelOptions, selected: 2), optional: false),
        FormField(label: "Type", kind: .choice(options: typeOptions, selected: 0), optional: false),
        FormField(label: "Text", kind: .text("", limit: textLimit), optional: false, journalField: "text"),
        FormField(label: "Side", kind: .choice(options: sideOptions, selected: 0), optional: true),
        FormField(
          label: "Confidence",
          kind: .choice(
            options: confidenceOptions, selected: Confidence.allCases.firstIndex(of: .unverified) ?? 0),
          optional: false),
        FormField(
          label: "Occurred", kind: .text("", limit: timeLimit), optional: true,
          hint: "e.g. 2026-11-30T05:40:00+05:00"),
        FormField(
          label: "Source", kind: .text("", limit: sourceLimit), optional: true, journalField: "source"),
      ])
  }

  static func addNote(on target: ActionTarget) -> ActionForm {
    let title: String
    switch target {
    case .segment(let segment): title = "Note on \(segment.id) \(segment.name.latin)"
    case .alert(let alert, _): title = "Note on alert \(alert.id)"
    case .meeting(let meeting): title = "Note on meeting \(meeting.id)"
    }
    return ActionForm(
      purpose: .addNote(target: target.id), title: title, target: target, warning: nil,
      fields: [
        FormField(label: "Text", kind: .text("", limit: textLimit), optional: false, journalField: "text")
      ])
  }
}

extension ActionTarget {
  /// What changed between `self` (as the form opened) and `now`, said as the operator needs it.
  func changes(to now: ActionTarget?, at moment: Timestamp) -> String? {
    guard let now else { return "\(id) is no longer in the journal" }
    switch (self, now) {
    case (.alert(let before, _), .alert(let after, _)):
      var changes: [String] = []
      if before.acknowledgement == nil, let mark = after.acknowledgement {
        changes.append("acknowledged by \(mark.by) \(agoText(mark.at, now: moment))")
      }
      if before.resolution == nil, let mark = after.resolution {
        changes.append("resolved by \(mark.by) \(agoText(mark.at, now: moment))")
      }
      if before.level != after.level {
        let by = after.levelHistory.last.map { " by \($0.by)" } ?? ""
        changes.append(
          "level changed from \(before.level.rawValue) \(before.level.label) to \(after.level.rawValue) \(after.level.label)\(by)"
        )
      }
      return changes.isEmpty ? nil : "since this form opened, \(id) was " + changes.joined(separator: "; ")
    case (.segment(let before), .segment(let after)):
      var changes: [String] = []
      if before.status != after.status { changes.append("status changed to \(after.status.label)") }
      if before.alertLevel != after.alertLevel {
        changes.append("level changed to \(after.alertLevel.rawValue) \(after.alertLevel.label)")
      }
      return changes.isEmpty ? nil : "since this form opened, \(id): " + changes.joined(separator: "; ")
    case (.meeting(let before), .meeting(let after)):
      return before.status == after.status
        ? nil : "since this form opened, the meeting is \(after.status.label)"
    default:
      return nil
    }
  }
}

/// `3m ago`, or `just now` under a minute.
func agoText(_ time: Timestamp, now: Timestamp) -> String {
  let age = TimeText.age(time, now: now)
  return age == "now" ? "just now" : "\(age) ago"
}
