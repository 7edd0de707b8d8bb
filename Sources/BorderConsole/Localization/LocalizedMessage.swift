/// A message kept to be worded later, in the language of the screen that shows it (the key map's texts).
///
/// Made only by `.tr("literal")` or `.tr("literal", context: "…")`, so the catalog test finds every one
/// of them as it finds `l10n.tr(…)` calls; `Localizer.text(_:)` words it.
public struct LocalizedMessage: Sendable, Hashable, CustomStringConvertible {
  /// The English text: the catalog's key.
  public let id: String
  /// The catalog's `msgctxt`, when one English text needs two translations.
  public let context: String?

  private init(id: String, context: String?) {
    self.id = id
    self.context = context
  }

  /// A message to translate when shown.
  public static func tr(_ message: StaticString) -> LocalizedMessage {
    LocalizedMessage(id: message.description, context: nil)
  }

  /// A message in a context, to translate when shown.
  public static func tr(_ message: StaticString, context: StaticString) -> LocalizedMessage {
    LocalizedMessage(id: message.description, context: context.description)
  }

  /// The English text.
  public var description: String { id }
}

extension Localizer {
  /// A kept message in this language.
  public func text(_ message: LocalizedMessage) -> String {
    lookup(context: message.context, message.id, [])
  }

  /// Whether a kept message has its translation in this language.
  public func isTranslated(_ message: LocalizedMessage) -> Bool {
    isTranslated(message.id, context: message.context)
  }
}
