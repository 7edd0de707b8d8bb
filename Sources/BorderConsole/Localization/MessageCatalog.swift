/// One message of a catalog: the English text (and its plural), its context and its translations.
public struct CatalogEntry: Sendable, Hashable {
  /// `msgctxt`: tells apart one English text that needs two translations.
  public var context: String?
  /// `msgid`: the English text, placeholders and all.
  public var id: String
  /// `msgid_plural`: the English plural, for a message that has forms by count.
  public var idPlural: String?
  /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… by form; an empty one is untranslated.
  public var translations: [String]
  /// Marked `#, fuzzy`: a guess awaiting review, not used (gettext's convention).
  public var isFuzzy: Bool
  /// The line of its `msgid`.
  public var line: Int

  /// The lookup key: the context and the English text, as gettext joins them.
  var key: String { CatalogEntry.key(context: context, id: id) }

  /// The lookup key of a message in a context.
  static func key(context: String?, id: String) -> String {
    guard let context else { return id }
    return context + "\u{4}" + id
  }

  /// Whether every form is translated and the entry is not fuzzy.
  public var isTranslated: Bool {
    !isFuzzy && !translations.isEmpty && translations.allSatisfy { !$0.isEmpty }
  }
}

/// What is wrong in a catalog file, at which line.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let message: String
  public var description: String { "\(file):\(line): \(message)" }
}

/// A GNU gettext `.po` file, read: its header's plural rule and its messages.
public struct MessageCatalog: Sendable {
  /// Where it was read from, for messages.
  public let file: String
  /// The `Language:` of the header.
  public let language: String?
  /// The `Plural-Forms:` of the header (English's rule when absent).
  public let pluralRule: PluralRule
  /// The messages, in file order, without the header.
  public let entries: [CatalogEntry]
  /// Translated messages by key.
  let translated: [String: [String]]

  /// Reads a `.po` file's text; the first problem is an error naming the file and line.
  ///
  /// Checks that each translation uses the placeholders of its English text (a translation that
  /// drops or adds an argument would show the wrong figure), that plural messages have as many
  /// forms as the plural rule, and that no message appears twice.
  public static func parse(_ text: String, file: String) -> Result<MessageCatalog, CatalogError> {
    var reader = POReader(file: file)
    do {
      let raw = try reader.read(text)
      var header: CatalogEntry?
      var entries: [CatalogEntry] = []
      for entry in raw {
        if entry.id.isEmpty && entry.context == nil {
          guard header == nil else {
            throw CatalogError(file: file, line: entry.line, message: "a second header (msgid \"\")")
          }
          header = entry
        } else {
          entries.append(entry)
        }
      }
      var language: String?
      var rule = PluralRule.germanic
      if let header {
        for line in (header.translations.first ?? "").split(separator: "\n") {
          let pieces = line.split(separator: ":", maxSplits: 1)
          guard pieces.count == 2 else { continue }
          let name = pieces[0].trimmingBlanks
          let value = pieces[1].trimmingBlanks
          if name == "Language" { language = value }
          if name == "Plural-Forms" {
            switch PluralRule.parse(value) {
            case .success(let parsed): rule = parsed
            case .failure(let error):
              throw CatalogError(file: file, line: header.line, message: "Plural-Forms: \(error)")
            }
          }
        }
      }
      var translated: [String: [String]] = [:]
      var seen: [String: Int] = [:]
      for entry in entries {
        if let first = seen[entry.key] {
          throw CatalogError(
            file: file, line: entry.line, message: "msgid \"\(entry.id)\" again (first at line \(first))")
        }
        seen[entry.key] = entry.line
        try check(entry, rule: rule, file: file)
        if entry.isTranslated { translated[entry.key] = entry.translations }
      }
      return .success(
        MessageCatalog(
          file: file, language: language, pluralRule: rule, entries: entries, translated: translated))
    } catch let error as CatalogError {
      return .failure(error)
    } catch {
      return .failure(CatalogError(file: file, line: 0, message: "\(error)"))
    }
  }

  /// Reads a `.po` file's bytes (UTF-8; anything else is an error at its line).
  public static func parse(bytes: [UInt8], file: String) -> Result<MessageCatalog, CatalogError> {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      var line = 1
      var index = 0
      // The line of the first byte that is not UTF-8: decode line by line.
      var start = 0
      while index <= bytes.count {
        if index == bytes.count || bytes[index] == 0x0A {
          if String(validating: bytes[start..<index], as: UTF8.self) == nil { break }
          line += 1
          start = index + 1
        }
        index += 1
      }
      return .failure(CatalogError(file: file, line: line, message: "not UTF-8 (a .po file must be UTF-8)"))
    }
    return parse(text, file: file)
  }

  /// The translations of a message, when it has them.
  func translations(context: String?, id: String) -> [String]? {
    translated[CatalogEntry.key(context: context, id: id)]
  }

  private static func check(_ entry: CatalogEntry, rule: PluralRule, file: String) throws {
    let english = Placeholders.of(entry.id)
    if let plural = entry.idPlural {
      guard entry.translations.count == rule.count || entry.translations.allSatisfy(\.isEmpty) else {
        throw CatalogError(
          file: file, line: entry.line,
          message:
            "msgid \"\(entry.id)\" has \(entry.translations.count) forms; Plural-Forms says \(rule.count)")
      }
      let allowed = english.union(Placeholders.of(plural))
      for (form, text) in entry.translations.enumerated() where !text.isEmpty {
        guard Placeholders.of(text).isSubset(of: allowed) else {
          throw CatalogError(
            file: file, line: entry.line,
            message: "msgstr[\(form)] of \"\(entry.id)\" uses placeholders its English text does not have")
        }
      }
    } else {
      guard entry.translations.count == 1 else {
        throw CatalogError(
          file: file, line: entry.line, message: "msgid \"\(entry.id)\" needs one msgstr, not msgstr[n]")
      }
      let text = entry.translations[0]
      guard text.isEmpty || Placeholders.of(text) == english else {
        throw CatalogError(
          file: file, line: entry.line,
          message: "msgstr of \"\(entry.id)\" must use the same placeholders as the English text")
      }
    }
  }
}

/// Placeholders in a message: `%@`, `%d` (the next argument), `%2$@` (the second), `%%` (a percent sign).
enum Placeholders {
  /// The argument numbers (1-based) a message uses.
  static func of(_ text: String) -> Set<Int> {
    var used: Set<Int> = []
    var next = 1
    forEach(text) { piece in
      if case .argument(let number) = piece {
        used.insert(number ?? next)
        if number == nil { next += 1 }
      }
    }
    return used
  }

  /// A piece of a message: literal text or an argument (by number, or the next one).
  enum Piece {
    case text(Substring)
    case argument(Int?)
  }

  /// Walks a message's literal text and placeholders.
  static func forEach(_ text: String, _ body: (Piece) -> Void) {
    var literalStart = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      guard text[index] == "%" else {
        index = text.index(after: index)
        continue
      }
      var cursor = text.index(after: index)
      if cursor < text.endIndex && text[cursor] == "%" {
        body(.text(text[literalStart..<cursor]))
        index = text.index(after: cursor)
        literalStart = index
        continue
      }
      var number = 0
      var digits = 0
      while cursor < text.endIndex, let digit = text[cursor].wholeNumberValue, text[cursor].isASCII {
        number = number * 10 + digit
        digits += 1
        cursor = text.index(after: cursor)
      }
      var position: Int?
      if digits > 0 {
        guard cursor < text.endIndex && text[cursor] == "$" && number > 0 else {
          index = cursor
          continue
        }
        position = number
        cursor = text.index(after: cursor)
      }
      guard cursor < text.endIndex && (text[cursor] == "@" || text[cursor] == "d") else {
        index = cursor
        continue
      }
      body(.text(text[literalStart..<index]))
      body(.argument(position))
      index = text.index(after: cursor)
      literalStart = index
    }
    body(.text(text[literalStart..<text.endIndex]))
  }

  /// A message with its placeholders replaced by the arguments; one without its argument stays as written.
  static func fill(_ text: String, _ arguments: [String]) -> String {
    guard text.contains("%") else { return text }
    var out = ""
    var next = 0
    forEach(text) { piece in
      switch piece {
      case .text(let literal): out += literal
      case .argument(let number):
        let index = number.map { $0 - 1 } ?? next
        if number == nil { next += 1 }
        out +=
          arguments.indices.contains(index) ? arguments[index] : "%" + (number.map { "\($0)$" } ?? "") + "@"
      }
    }
    return out
  }
}

/// Reads the entries of a `.po` file, keeping the line of each.
struct POReader {
  let file: String

  /// Which keyword a quoted continuation line extends.
  private enum Field: Equatable {
    case context, id, idPlural, translation(Int)
  }

  mutating func read(_ text: String) throws -> [CatalogEntry] {
    var entries: [CatalogEntry] = []
    var current: CatalogEntry?
    var field: Field?
    var fuzzy = false
    var lineNumber = 0
    func finish() throws {
      guard let entry = current else { return }
      guard !entry.translations.isEmpty else {
        throw CatalogError(file: file, line: entry.line, message: "msgid \"\(entry.id)\" has no msgstr")
      }
      entries.append(entry)
      current = nil
      field = nil
    }
    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.last == "\r" { line.removeLast() }
      let trimmed = line.trimmingBlanks
      if trimmed.isEmpty {
        try finish()
        fuzzy = false
        continue
      }
      if trimmed.hasPrefix("#") {
        if trimmed.hasPrefix("#,") && trimmed.contains("fuzzy") { fuzzy = true }
        continue
      }
      if trimmed.hasPrefix("\"") {
        guard let field, current != nil else {
          throw CatalogError(file: file, line: lineNumber, message: "a quoted line that continues nothing")
        }
        let value = try quoted(Substring(trimmed), line: lineNumber)
        switch field {
        case .context: current!.context! += value
        case .id: current!.id += value
        case .idPlural: current!.idPlural! += value
        case .translation(let form): current!.translations[form] += value
        }
        continue
      }
      guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
        throw CatalogError(
          file: file, line: lineNumber, message: "expected a keyword and a quoted string: \(trimmed)")
      }
      let keyword = String(trimmed[..<space])
      let value = try quoted(Substring(trimmed[space...]).trimmingBlanks[...], line: lineNumber)
      switch keyword {
      case "msgctxt":
        try finish()
        current = CatalogEntry(
          context: value, id: "", idPlural: nil, translations: [], isFuzzy: fuzzy, line: lineNumber)
        field = .context
      case "msgid":
        if let entry = current, entry.context != nil, entry.id.isEmpty, entry.translations.isEmpty {
          current!.id = value
          current!.line = lineNumber
        } else {
          try finish()
          current = CatalogEntry(
            context: nil, id: value, idPlural: nil, translations: [], isFuzzy: fuzzy, line: lineNumber)
        }
        field = .id
      case "msgid_plural":
        guard current != nil, current!.translations.isEmpty, current!.idPlural == nil else {
          throw CatalogError(file: file, line: lineNumber, message: "msgid_plural must follow a msgid")
        }
        current!.idPlural = value
        field = .idPlural
      case "msgstr":
        guard current != nil, current!.translations.isEmpty else {
          throw CatalogError(file: file, line: lineNumber, message: "msgstr must follow a msgid")
        }
        guard current!.idPlural == nil else {
          throw CatalogError(
            file: file, line: lineNumber, message: "a plural message takes msgstr[0], msgstr[1]…")
        }
        current!.translations = [value]
        field = .translation(0)
      default:
        guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
          let form = Int(keyword.dropFirst(7).dropLast())
        else {
          throw CatalogError(file: file, line: lineNumber, message: "unknown keyword \(keyword)")
        }
        guard current != nil, current!.idPlural != nil else {
          throw CatalogError(
            file: file, line: lineNumber, message: "\(keyword) needs a msgid_plural before it")
        }
        guard form == current!.translations.count else {
          throw CatalogError(
            file: file, line: lineNumber,
            message: "\(keyword) out of order (expected msgstr[\(current!.translations.count)])")
        }
        current!.translations.append(value)
        field = .translation(form)
      }
    }
    try finish()
    return entries
  }

  /// The value of a quoted string with C escapes (`\n \t \" \\`).
  private func quoted(_ text: Substring, line: Int) throws -> String {
    guard text.count >= 2, text.first == "\"", text.last == "\"" else {
      throw CatalogError(file: file, line: line, message: "expected a string in double quotes")
    }
    var out = ""
    var escaped = false
    for character in text.dropFirst().dropLast() {
      if escaped {
        switch character {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        default: throw CatalogError(file: file, line: line, message: "unknown escape \\\(character)")
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        throw CatalogError(file: file, line: line, message: "a quote inside a string must be written \\\"")
      } else {
        out.append(character)
      }
    }
    guard !escaped else {
      throw CatalogError(file: file, line: line, message: "the string ends in a lone backslash")
    }
    return out
  }
}
