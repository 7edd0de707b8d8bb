import Foundation
import Testing

@testable import BorderConsole

/// The messages the sources hand to `tr` and `plural`, found the way xgettext finds them.
enum SourceMessages {
  /// The checkout's root, from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// One message a source file passes to the API, with where.
  struct Use: Hashable {
    var context: String?
    var id: String
    var plural: String?
    var place: String
  }

  /// Every Swift file under `Sources/`, with its path relative to the root.
  static func swiftFiles() throws -> [(path: String, text: String)] {
    let sources = root.appendingPathComponent("Sources")
    guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
      return []
    }
    var files: [(String, String)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let relative = String(url.path.dropFirst(root.path.count + 1))
      files.append((relative, try String(contentsOf: url, encoding: .utf8)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  static let literal = #""((?:[^"\\\n]|\\.)*)""#

  /// Every message passed to the API, and every call that passes something other than a literal.
  static func scan() throws -> (uses: [Use], nonLiterals: [String]) {
    let trCall = try Regex(
      #"(?:^|[^A-Za-z0-9_])tr\(\s*"# + literal + #"(\s*,\s*context:\s*"# + literal + ")?")
    let pluralCall = try Regex(
      #"(?:^|[^A-Za-z0-9_])plural\(\s*"# + literal + #"\s*,\s*"# + literal + #"(\s*,\s*context:\s*"# + literal
        + ")?")
    let anyCall = try Regex(#"(?:^|[^A-Za-z0-9_])(tr|plural)\(\s*([^"\s])"#)
    var uses: [Use] = []
    var nonLiterals: [String] = []
    for (path, text) in try swiftFiles() {
      func place(_ index: String.Index) -> String {
        "\(path):\(text[..<index].filter { $0 == "\n" }.count + 1)"
      }
      /// The line a match is on, whole.
      func line(_ range: Range<String.Index>) -> Substring {
        let start =
          text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let end = text[range.lowerBound...].firstIndex(of: "\n") ?? text.endIndex
        return text[start..<end]
      }
      /// Comments mention the calls without making them.
      func isComment(_ range: Range<String.Index>) -> Bool {
        line(range).trimmingCharacters(in: .whitespaces).hasPrefix("//")
      }
      for match in text.matches(of: trCall) where !isComment(match.range) {
        let id = unescape(String(match.output[1].substring!))
        let context = match.output[3].substring.map { unescape(String($0)) }
        uses.append(Use(context: context, id: id, plural: nil, place: place(match.range.lowerBound)))
      }
      for match in text.matches(of: pluralCall) where !isComment(match.range) {
        let id = unescape(String(match.output[1].substring!))
        let plural = unescape(String(match.output[2].substring!))
        let context = match.output[4].substring.map { unescape(String($0)) }
        uses.append(Use(context: context, id: id, plural: plural, place: place(match.range.lowerBound)))
      }
      for match in text.matches(of: anyCall) {
        // Declarations name the calls without making them.
        if line(match.range).contains("func ") || isComment(match.range) { continue }
        nonLiterals.append(place(match.range.lowerBound))
      }
    }
    return (uses, nonLiterals)
  }

  /// A Swift string literal's value: `\"`, `\\`, `\n`, `\t` and `\u{…}`.
  static func unescape(_ text: String) -> String {
    var out = ""
    var iterator = Array(text).makeIterator()
    while let character = iterator.next() {
      guard character == "\\", let next = iterator.next() else {
        out.append(character)
        continue
      }
      switch next {
      case "n": out.append("\n")
      case "t": out.append("\t")
      case "u":
        var hex = ""
        _ = iterator.next()  // {
        while let digit = iterator.next(), digit != "}" { hex.append(digit) }
        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
          out.unicodeScalars.append(scalar)
        }
      default: out.append(next)
      }
    }
    return out
  }
}

@Suite("Languages: catalogs, the API and the choice")
struct LocalizationTests {
  static let catalogPath = "Sources/BorderConsole/Localization/Catalogs/"

  static func shippedRussian() throws -> MessageCatalog {
    try #require(Localizer.shippedCatalog(.russian)).get()
  }

  @Test("what ships is the .po file translators edit, and it reads without a problem")
  func shippedEqualsFile() throws {
    for language in Language.allCases {
      guard let file = language.catalogFile else { continue }
      let onDisk = try Data(
        contentsOf: SourceMessages.root.appendingPathComponent(Self.catalogPath + file.name))
      #expect([UInt8](onDisk) == file.bytes, "the embedded \(file.name) is the one in \(Self.catalogPath)")
      _ = try #require(Localizer.shippedCatalog(language)).get()
    }
    #expect(Localizer.russian.catalog != nil, "the Russian localizer has its catalog")
  }

  @Test("every message the sources pass is translated; the catalog has no message nobody uses")
  func everyMessageTranslated() throws {
    let (uses, nonLiterals) = try SourceMessages.scan()
    #expect(try SourceMessages.swiftFiles().count > 100, "the scan reads the sources")
    #expect(nonLiterals.isEmpty, "tr/plural take literals only (found elsewhere at \(nonLiterals))")
    #expect(uses.count >= 10, "the scan finds the calls (found \(uses.count))")
    let catalog = try Self.shippedRussian()
    var missing: [String] = []
    for use in uses {
      guard let entry = catalog.entries.first(where: { $0.context == use.context && $0.id == use.id }) else {
        missing.append(
          "\(use.place): \"\(use.id)\"\(use.context.map { " (context \($0))" } ?? "") is not in ru.po")
        continue
      }
      if !entry.isTranslated {
        missing.append("\(use.place): \"\(use.id)\" is untranslated or fuzzy in ru.po")
      }
      if entry.idPlural != use.plural {
        missing.append(
          "\(use.place): \"\(use.id)\" plural \(use.plural ?? "none") but ru.po has \(entry.idPlural ?? "none")"
        )
      }
    }
    #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    let used = Set(uses.map { CatalogEntry.key(context: $0.context, id: $0.id) })
    let unused = catalog.entries.filter { !used.contains($0.key) }.map { "ru.po:\($0.line): \"\($0.id)\"" }
    #expect(unused.isEmpty, "messages in ru.po that no source uses: \(unused)")
  }

  @Test("the scan sees a call it must see, and a message without translation is caught")
  func scanCatchesMissing() throws {
    // A message the Russian catalog lacks shows in English and is reported as untranslated.
    let text = "msgid \"Segments\"\nmsgstr \"Участки\"\n"
    let catalog = try MessageCatalog.parse(text, file: "t.po").get()
    let l10n = Localizer(language: .russian, catalog: catalog)
    #expect(l10n.tr("Segments") == "Участки")
    #expect(l10n.tr("Meetings") == "Meetings", "a missing translation falls back to English")
    #expect(!l10n.isTranslated("Meetings"))
    #expect(SourceMessages.unescape(#"a \"b\" \u{2191}\n"#) == "a \"b\" ↑\n")
  }

  static let russianPlurals = """
    msgid ""
    msgstr ""
    "Language: ru\\n"
    "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

    msgid "%d minute"
    msgid_plural "%d minutes"
    msgstr[0] "%d минута"
    msgstr[1] "%d минуты"
    msgstr[2] "%d минут"

    msgctxt "ago"
    msgid "%d minute"
    msgid_plural "%d minutes"
    msgstr[0] "%d минуту назад"
    msgstr[1] "%d минуты назад"
    msgstr[2] "%d минут назад"

    msgid "%1$d of %2$d"
    msgstr "%2$d, из них %1$d"

    #, fuzzy
    msgid "Meetings"
    msgstr "Митинги"
    """

  @Test("Russian plurals: 1 минута, 2 минуты, 5 минут, 21 минута, 11 минут; contexts; reordering")
  func plurals() throws {
    let l10n = Localizer(
      language: .russian, catalog: try MessageCatalog.parse(Self.russianPlurals, file: "t.po").get())
    let expected = [
      0: "0 минут", 1: "1 минута", 2: "2 минуты", 4: "4 минуты", 5: "5 минут", 11: "11 минут", 12: "12 минут",
      14: "14 минут", 21: "21 минута", 22: "22 минуты", 25: "25 минут", 101: "101 минута", 111: "111 минут",
      112: "112 минут", 1001: "1001 минута",
    ]
    for (n, text) in expected {
      #expect(l10n.plural("%d minute", "%d minutes", count: n) == text)
    }
    #expect(l10n.plural("%d minute", "%d minutes", context: "ago", count: 3) == "3 минуты назад")
    #expect(l10n.tr("%1$d of %2$d", 3, 52) == "52, из них 3")
    #expect(l10n.tr("Meetings") == "Meetings", "a fuzzy translation is not used")
    let english = Localizer.english
    #expect(english.plural("%d minute", "%d minutes", count: 1) == "1 minute")
    #expect(english.plural("%d minute", "%d minutes", count: 21) == "21 minutes")
    #expect(english.tr("%1$d of %2$d", 3, 52) == "3 of 52")
    #expect(english.tr("100%% of %@", "it") == "100% of it")
  }

  @Test("plural rules from other languages' headers evaluate as gettext does")
  func pluralRules() throws {
    let one = try PluralRule.parse("nplurals=1; plural=0;").get()
    #expect(one.form(7) == 0)
    let two = try PluralRule.parse("nplurals=2; plural=(n != 1);").get()
    #expect([0, 1, 2].map(two.form) == [1, 0, 1])
    let polish = try PluralRule.parse(
      "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ).get()
    #expect([1, 2, 5, 22, 12].map(polish.form) == [0, 1, 2, 1, 2])
    #expect(
      (try? PluralRule.parse("nplurals=2; plural=n ? 2 : 0;").get()) == nil,
      "a form beyond nplurals is refused")
    #expect((try? PluralRule.parse("nplurals=2; plural=(n != 1;").get()) == nil)
  }

  @Test("a bad catalog is an error naming the file, the line and what is wrong")
  func errors() {
    let cases: [(String, String)] = [
      (
        "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
        "x.po:4: msgid \"a\" again (first at line 1)"
      ),
      (
        "msgid \"a %d\"\nmsgstr \"б\"\n",
        "x.po:1: msgstr of \"a %d\" must use the same placeholders as the English text"
      ),
      ("msgid \"a\"\nmsgstr \"b\n", "x.po:2: expected a string in double quotes"),
      ("msgid \"a\"\n\nmsgstr \"b\"\n", "x.po:1: msgid \"a\" has no msgstr"),
      ("\n\n\"stray\"\n", "x.po:3: a quoted line that continues nothing"),
      ("msgid \"a\"\nmsgstr \"\\q\"\n", "x.po:2: unknown escape \\q"),
      (
        "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[2] \"y\"\n",
        "x.po:4: msgstr[2] out of order (expected msgstr[1])"
      ),
      (
        "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n?5:0;\\n\"\n",
        "x.po:1: Plural-Forms: plural= gives form 5 for 1, beyond nplurals=2"
      ),
      (
        "msgid \"%d a\"\nmsgid_plural \"%d as\"\nmsgstr[0] \"x %d\"\n",
        "x.po:1: msgid \"%d a\" has 1 forms; Plural-Forms says 2"
      ),
      ("msgstr \"b\"\n", "x.po:1: msgstr must follow a msgid"),
      ("msgid \"a\"\nmsgstr \"b\"\nfoo \"c\"\n", "x.po:3: unknown keyword foo"),
    ]
    for (text, message) in cases {
      switch MessageCatalog.parse(text, file: "x.po") {
      case .success: Issue.record("accepted: \(text)")
      case .failure(let error): #expect(error.description == message)
      }
    }
    let invalid: [UInt8] = Array("msgid \"a\"\nmsgstr \"".utf8) + [0xFF] + Array("\"\n".utf8)
    #expect(
      MessageCatalog.parse(bytes: invalid, file: "x.po").failureDescription
        == "x.po:2: not UTF-8 (a .po file must be UTF-8)")
  }

  @Test("continuation lines, escapes and CRLF read as gettext reads them")
  func continuation() throws {
    let text = "# c\r\nmsgid \"\"\r\n\"two \"\r\n\"parts\"\r\nmsgstr \"дв\\\"а\\n\"\r\n"
    let catalog = try MessageCatalog.parse(text, file: "c.po").get()
    #expect(catalog.entries.map(\.id) == ["two parts"])
    #expect(catalog.entries.first?.translations == ["дв\"а\n"])
  }

  @Test("the language: --lang, else $BORDERMON_LANG, else config.toml, else the locale, else English")
  func choice() throws {
    func choose(_ option: String?, _ env: [String: String], _ config: String? = nil) -> Result<
      LanguageChoice, LanguageError
    > {
      LanguageChoice.choose(
        option: option, environment: { env[$0] },
        config: config.map { ($0, "/home/o/.config/bordermon/config.toml", 2) })
    }
    #expect(try choose("ru", ["BORDERMON_LANG": "en"]).get().language == .russian)
    #expect(try choose(nil, ["BORDERMON_LANG": "ru", "LANG": "en_US.UTF-8"]).get().language == .russian)
    #expect(try choose(nil, ["LANG": "ru_RU.UTF-8"], "en").get().language == .english)
    #expect(
      try choose(nil, ["LANG": "en_US.UTF-8"], "ru").get().origin
        == .configFile(path: "/home/o/.config/bordermon/config.toml", line: 2))
    #expect(try choose(nil, ["LANG": "ru_KG.UTF-8"]).get().language == .russian)
    #expect(
      try choose(nil, ["LC_ALL": "C", "LANG": "ru_RU.UTF-8"]).get().language == .english,
      "LC_ALL decides first")
    #expect(
      try choose(nil, ["LC_MESSAGES": "ru_RU", "LANG": "en_GB"]).get().origin == .environment("LC_MESSAGES"))
    #expect(try choose(nil, [:]).get() == LanguageChoice(language: .english, origin: .builtInDefault))
    let bad = choose("xx\u{1B}[2J", [:])
    #expect(
      bad.failureDescription == "--lang: 'xx\\u{1b}[2J' is not a language bordermon speaks (use en, ru)")
    #expect(
      choose(nil, ["BORDERMON_LANG": "de"]).failureDescription?.hasPrefix("$BORDERMON_LANG: 'de'") == true)
    // The bad value is said in the language the choice ends on.
    let warned = try choose(nil, ["LANG": "ru_RU"], "klingon").get()
    #expect(warned.language == .russian)
    #expect(
      warned.warnings == [
        "/home/o/.config/bordermon/config.toml:2: lang: 'klingon' — такого языка нет (допустимо: en, ru); пропущено"
      ])
    let warnedInEnglish = try choose(nil, ["LANG": "C.UTF-8"], "klingon").get()
    #expect(warnedInEnglish.language == .english)
    #expect(
      warnedInEnglish.warnings == [
        "/home/o/.config/bordermon/config.toml:2: lang: 'klingon' is not a language (use en, ru); ignored"
      ])
  }
}

extension Result {
  /// The error's description, nil on success.
  var failureDescription: String? {
    if case .failure(let error) = self { return "\(error)" }
    return nil
  }
}
