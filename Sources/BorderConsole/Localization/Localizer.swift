import BorderModel

/// The languages the console and the command line speak.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case english = "en"
  case russian = "ru"

  /// The language a code names: `ru`, `en`, or a locale such as `ru_RU.UTF-8` or `ru-KG`; nil for any other.
  public init?(code: String) {
    let lower = code.lowercased()
    for language in Language.allCases {
      if lower == language.rawValue || lower.hasPrefix(language.rawValue + "_")
        || lower.hasPrefix(language.rawValue + "-") || lower.hasPrefix(language.rawValue + ".")
      {
        self = language
        return
      }
    }
    return nil
  }

  /// The codes `--lang` accepts, for messages.
  public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The `.po` file that holds this language's translations (nil for English, the messages' own language).
  var catalogFile: (name: String, bytes: [UInt8])? {
    switch self {
    case .english: return nil
    case .russian: return ("ru.po", PackageResources.ru_po)
    }
  }
}

/// Where the language in use was chosen.
public enum LanguageOrigin: Sendable, Hashable {
  case option
  case environment(String)
  case configFile(path: String, line: Int?)
  case builtInDefault

  /// `--lang`, `$BORDERMON_LANG`, `config.toml:3`, `$LANG`, `the default`.
  public var description: String {
    switch self {
    case .option: return "--lang"
    case .environment(let name): return "$" + name
    case .configFile(let path, let line): return line.map { "\(path):\($0)" } ?? path
    case .builtInDefault: return "the default"
    }
  }
}

/// The language chosen for this run, where it came from, and what was wrong on the way.
public struct LanguageChoice: Sendable, Hashable {
  public var language: Language
  public var origin: LanguageOrigin
  /// Problems met and skipped (a bad `lang` in config.toml): file, line and field.
  public var warnings: [String] = []

  /// Chooses: `--lang`, else `$BORDERMON_LANG`, else `lang` in config.toml, else the locale
  /// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ru*` is Russian), else English.
  ///
  /// A bad `--lang` or `$BORDERMON_LANG` is an error (the operator asked for something on this
  /// very run); a bad config value is a warning and the choice goes on down the list.
  public static func choose(
    option: String?, environment: (String) -> String?, config: (value: String, path: String, line: Int?)?
  ) -> Result<LanguageChoice, LanguageError> {
    if let option {
      guard let language = Language(code: option) else {
        return .failure(LanguageError(origin: "--lang", value: option))
      }
      return .success(LanguageChoice(language: language, origin: .option))
    }
    if let value = environment("BORDERMON_LANG"), !value.isEmpty {
      guard let language = Language(code: value) else {
        return .failure(LanguageError(origin: "$BORDERMON_LANG", value: value))
      }
      return .success(LanguageChoice(language: language, origin: .environment("BORDERMON_LANG")))
    }
    var badConfig: (place: String, value: String)?
    if let config {
      let place = config.line.map { "\(config.path):\($0)" } ?? config.path
      if let language = Language(code: config.value) {
        return .success(
          LanguageChoice(language: language, origin: .configFile(path: config.path, line: config.line)))
      }
      badConfig = (place, config.value)
    }
    /// The choice, with the bad config value (if any) said in the language chosen.
    func chosen(_ language: Language, _ origin: LanguageOrigin) -> LanguageChoice {
      let warnings = badConfig.map { bad in
        Localizer.of(language).tr(
          "%1$@: lang: %2$@ is not a language (use %3$@); ignored", bad.place, TerminalText.quoted(bad.value),
          Language.codes)
      }
      return LanguageChoice(language: language, origin: origin, warnings: warnings.map { [$0] } ?? [])
    }
    // POSIX: the first of these that is set decides the messages' locale.
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment(name), !value.isEmpty else { continue }
      let language: Language = value.lowercased().hasPrefix("ru") ? .russian : .english
      return .success(chosen(language, .environment(name)))
    }
    return .success(chosen(.english, .builtInDefault))
  }
}

/// A language named by `--lang` or `$BORDERMON_LANG` that bordermon does not speak.
public struct LanguageError: Error, Sendable, Hashable, CustomStringConvertible {
  public let origin: String
  public let value: String
  public var description: String {
    "\(origin): \(TerminalText.quoted(value)) is not a language bordermon speaks (use \(Language.codes))"
  }
}

/// Quoting for values in messages.
enum TerminalText {
  /// A value in quotes, with control characters shown as `\u{…}` so nothing reaches a terminal raw.
  static func quoted(_ value: String) -> String {
    var out = "'"
    for scalar in value.unicodeScalars.prefix(64) {
      if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out + (value.unicodeScalars.count > 64 ? "…'" : "'")
  }
}

/// The words of the interface in one language: every message the console and the command line show
/// goes through `tr` or `plural`, with its English text as the key.
///
/// Messages are whole sentences with placeholders (`%@`, `%d`, or `%2$@` to reorder), never built
/// by joining translated fragments. A message the catalog lacks is shown in English.
public struct Localizer: Sendable {
  /// The language spoken.
  public let language: Language
  let catalog: MessageCatalog?

  /// English: the messages as written.
  public static let english = Localizer(language: .english, catalog: nil)
  /// Russian, from the shipped `ru.po`.
  public static let russian = Localizer.loading(.russian)

  /// The localizer of a language.
  public static func of(_ language: Language) -> Localizer {
    switch language {
    case .english: return .english
    case .russian: return .russian
    }
  }

  /// The shipped catalog of a language, read: a catalog that cannot be read is an error naming its line.
  public static func shippedCatalog(_ language: Language) -> Result<MessageCatalog, CatalogError>? {
    guard let file = language.catalogFile else { return nil }
    return MessageCatalog.parse(bytes: file.bytes, file: file.name)
  }

  /// A localizer over a catalog (for tests and for catalogs read from elsewhere).
  public init(language: Language, catalog: MessageCatalog?) {
    self.language = language
    self.catalog = catalog
  }

  /// Reads the shipped catalog; one that cannot be read leaves the messages in English (a test keeps it readable).
  private static func loading(_ language: Language) -> Localizer {
    guard case .success(let catalog) = shippedCatalog(language) else {
      return Localizer(language: language, catalog: nil)
    }
    return Localizer(language: language, catalog: catalog)
  }

  /// A message in this language, its placeholders filled with the arguments in order.
  public func tr(_ message: StaticString, _ arguments: any CustomStringConvertible...) -> String {
    lookup(context: nil, message.description, arguments.map(\.description))
  }

  /// A message in a context: one English text that needs two different translations (`msgctxt`).
  public func tr(_ message: StaticString, context: StaticString, _ arguments: any CustomStringConvertible...)
    -> String
  {
    lookup(context: context.description, message.description, arguments.map(\.description))
  }

  /// A message by count: the form this language gives `count` (`1 минута`, `2 минуты`, `5 минут`).
  /// The placeholders take the arguments, or `count` alone when none are given.
  public func plural(
    _ singular: StaticString, _ pluralText: StaticString, count: Int,
    _ arguments: any CustomStringConvertible...
  ) -> String {
    pluralLookup(
      context: nil, singular.description, pluralText.description, count: count,
      arguments.isEmpty ? [String(count)] : arguments.map(\.description))
  }

  /// A message by count, in a context.
  public func plural(
    _ singular: StaticString, _ pluralText: StaticString, context: StaticString, count: Int,
    _ arguments: any CustomStringConvertible...
  ) -> String {
    pluralLookup(
      context: context.description, singular.description, pluralText.description, count: count,
      arguments.isEmpty ? [String(count)] : arguments.map(\.description))
  }

  /// Whether a message has its translation in this language (English always has).
  public func isTranslated(_ message: String, context: String? = nil) -> Bool {
    guard let catalog else { return language == .english }
    return catalog.translations(context: context, id: message) != nil
  }

  func lookup(context: String?, _ message: String, _ arguments: [String]) -> String {
    let text = catalog?.translations(context: context, id: message)?.first ?? message
    return Placeholders.fill(text, arguments)
  }

  func pluralLookup(context: String?, _ singular: String, _ plural: String, count: Int, _ arguments: [String])
    -> String
  {
    if let catalog, let forms = catalog.translations(context: context, id: singular) {
      let form = catalog.pluralRule.form(count)
      if forms.indices.contains(form) { return Placeholders.fill(forms[form], arguments) }
    }
    return Placeholders.fill(PluralRule.germanic.form(count) == 0 ? singular : plural, arguments)
  }
}
