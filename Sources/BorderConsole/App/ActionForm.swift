import BorderModel

/// A field of an action form: a choice among options, or free text.
public struct FormField: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// One of `options`; ←/→ or the option's first letter or digit choose.
    case choice(options: [String], selected: Int)
    /// Free text, up to `limit` characters.
    case text(String, limit: Int)
  }

  public var label: String
  public var kind: Kind
  /// Whether the form can be sent with this field empty.
  public var optional: Bool

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
  case addNote(SegmentID)
}

/// A small dialog that gathers what an action needs, and is its confirmation.
public struct ActionForm: Sendable, Hashable {
  public var purpose: FormPurpose
  public var title: String
  /// A line saying what sending it does, e.g. that it cannot be undone.
  public var warning: String?
  public var fields: [FormField]
  public var focused = 0
  public var error: String?

  /// Values of every field, by label.
  public func value(_ label: String) -> String {
    fields.first { $0.label == label }?.value ?? ""
  }

  /// Edits the focused field with a key; returns false when the key is not for the form.
  mutating func edit(_ key: Key) -> Bool {
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
    case (.text(let text, let limit), .character(let c)):
      if text.count < limit { fields[focused].kind = .text(text + String(c), limit: limit) }
    case (.text(let text, let limit), .backspace), (.text(let text, let limit), .control("h")):
      fields[focused].kind = .text(String(text.dropLast()), limit: limit)
    case (.text(_, let limit), .control("u")):
      fields[focused].kind = .text("", limit: limit)
    case (_, .tab), (_, .down):
      focused = (focused + 1) % fields.count
    case (_, .backTab), (_, .up):
      focused = (focused + fields.count - 1) % fields.count
    default:
      return false
    }
    error = nil
    return true
  }

  /// The first required field left empty, if any.
  var missingField: String? {
    fields.first { !$0.optional && $0.value.trimmingSpaces().isEmpty }?.label
  }
}

extension ActionForm {
  static let levelOptions = AlertLevel.allCases.map { "\($0.rawValue) \($0.label)" }
  static let typeOptions = AlertType.allCases.map(\.label)

  static func acknowledge(_ alert: Alert) -> ActionForm {
    ActionForm(
      purpose: .acknowledge(alert.id), title: "Acknowledge \(alert.id)",
      warning: "Acknowledging is recorded with your name and cannot be undone.",
      fields: [FormField(label: "Note", kind: .text("", limit: 200), optional: true)])
  }

  static func resolve(_ alert: Alert) -> ActionForm {
    ActionForm(
      purpose: .resolve(alert.id), title: "Resolve \(alert.id)",
      warning: "Resolving closes the alert for every console and cannot be undone.",
      fields: [FormField(label: "Note", kind: .text("", limit: 200), optional: true)])
  }

  static func changeLevel(_ alert: Alert) -> ActionForm {
    ActionForm(
      purpose: .changeLevel(alert.id), title: "Change the level of \(alert.id)", warning: nil,
      fields: [
        FormField(
          label: "Level", kind: .choice(options: levelOptions, selected: alert.level.rawValue - 1),
          optional: false),
        FormField(label: "Reason", kind: .text("", limit: 200), optional: true),
      ])
  }

  static func raiseAlert(on segment: Segment) -> ActionForm {
    ActionForm(
      purpose: .raiseAlert(segment.id), title: "Raise an alert on \(segment.id) \(segment.name.latin)",
      warning: "A new alert at level 4 or 5 rings every console.",
      fields: [
        FormField(label: "Level", kind: .choice(options: levelOptions, selected: 2), optional: false),
        FormField(label: "Type", kind: .choice(options: typeOptions, selected: 0), optional: false),
        FormField(label: "Text", kind: .text("", limit: 300), optional: false),
      ])
  }

  static func addNote(on segment: Segment) -> ActionForm {
    ActionForm(
      purpose: .addNote(segment.id), title: "Note on \(segment.id) \(segment.name.latin)", warning: nil,
      fields: [FormField(label: "Text", kind: .text("", limit: 300), optional: false)])
  }
}
