import Foundation
import Testing

/// The string literals of Swift source text, found by a small lexer that knows comments,
/// escapes, interpolation (with literals nested in it), multi-line and raw strings.
enum SwiftLiterals {
  /// One literal: its text (each interpolation shown as `%@`), its line, the code just before it,
  /// and whether it is passed to `tr`/`plural` (or is a `context:` of one).
  struct Literal: Hashable {
    var text: String
    var line: Int
    var before: String
    var translated = false
  }

  /// Every literal in `source`, in order.
  static func literals(in source: String) -> [Literal] {
    var lexer = Lexer(Array(source.unicodeScalars))
    lexer.code(untilClosingParen: false)
    return lexer.found.sorted { $0.line < $1.line }
  }

  private struct Lexer {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var found: [Literal] = []
    /// Code read since the last literal (or interpolation) began, for what the literal is passed to.
    var recentCode = ""
    /// Whether the last literal read was the first argument of a `plural(` call.
    var lastWasPluralSingular = false

    init(_ s: [Unicode.Scalar]) { self.s = s }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    mutating func advance() {
      if s[i] == "\n" { line += 1 }
      i += 1
    }

    /// Reads code up to the end, or up to the `)` that closes an interpolation.
    mutating func code(untilClosingParen: Bool) {
      var depth = 0
      while let c = peek() {
        if c == "/" && peek(1) == "/" {
          while let d = peek(), d != "\n" { advance() }
          continue
        }
        if c == "/" && peek(1) == "*" {
          blockComment()
          continue
        }
        if c == "#" || c == "\"" {
          var hashes = 0
          while peek(hashes) == "#" { hashes += 1 }
          if peek(hashes) == "\"" {
            for _ in 0..<hashes { advance() }
            string(hashes: hashes)
            continue
          }
        }
        if untilClosingParen {
          if c == "(" { depth += 1 }
          if c == ")" {
            if depth == 0 {
              advance()
              return
            }
            depth -= 1
          }
        }
        recentCode.unicodeScalars.append(c)
        if recentCode.unicodeScalars.count > 400 { recentCode = String(recentCode.suffix(200)) }
        advance()
      }
    }

    mutating func blockComment() {
      var depth = 0
      while let c = peek() {
        if c == "/" && peek(1) == "*" {
          depth += 1
          advance()
        } else if c == "*" && peek(1) == "/" {
          depth -= 1
          advance()
          advance()
          if depth == 0 { return }
          continue
        }
        advance()
      }
    }

    /// Reads a string literal whose opening quote is at `i`, after `hashes` `#`.
    mutating func string(hashes: Int) {
      let startLine = line
      let before = recentCode
      let multiline = peek(1) == "\"" && peek(2) == "\""
      for _ in 0..<(multiline ? 3 : 1) { advance() }
      var text = ""
      var literalIndex: Int?
      func closes(_ lexer: Lexer) -> Bool {
        let quotes = multiline ? 3 : 1
        for k in 0..<quotes where lexer.peek(k) != "\"" { return false }
        for k in 0..<hashes where lexer.peek(quotes + k) != "#" { return false }
        return true
      }
      // Recorded before any literal nested in an interpolation, so the order stays the source's.
      found.append(Literal(text: "", line: startLine, before: before))
      literalIndex = found.count - 1
      let pluralSecond =
        lastWasPluralSingular && before.range(of: #"^\s*,\s*$"#, options: .regularExpression) != nil
      while let c = peek() {
        if closes(self) {
          for _ in 0..<((multiline ? 3 : 1) + hashes) { advance() }
          break
        }
        if c == "\\" {
          var k = 1
          var matchesHashes = true
          for _ in 0..<hashes {
            if peek(k) != "#" { matchesHashes = false }
            k += 1
          }
          if matchesHashes, peek(k) == "(" {
            for _ in 0...k { advance() }
            recentCode = ""
            code(untilClosingParen: true)
            text += "%@"
            continue
          }
          if matchesHashes {
            text.unicodeScalars.append(c)
            advance()
            if let next = peek() {
              text.unicodeScalars.append(next)
              advance()
            }
            continue
          }
        }
        if !multiline && c == "\n" { break }
        text.unicodeScalars.append(c)
        advance()
      }
      let isCall =
        before.range(of: #"(^|[^A-Za-z0-9_])(tr|plural)\(\s*$"#, options: .regularExpression) != nil
      let isContext = before.range(of: #"context:\s*$"#, options: .regularExpression) != nil
      if let literalIndex {
        found[literalIndex].text = text
        found[literalIndex].translated = isCall || isContext || pluralSecond
      }
      lastWasPluralSingular =
        before.range(of: #"(^|[^A-Za-z0-9_])plural\(\s*$"#, options: .regularExpression) != nil
      recentCode = ""
    }
  }
}

/// Where the console's words may still be English literals, and why.
enum EnglishLiteralPolicy {
  /// The folders whose words an operator reads.
  static let folders = [
    "Sources/BorderConsole/View/", "Sources/BorderConsole/App/", "Sources/BorderConsole/Input/",
  ]

  /// Files whose words another engineer is converting (issue 15): they leave this list when they do.
  static let pending: [String: String] = [
    "Sources/BorderConsole/App/ActionForm.swift": "k-ru-keys: forms and confirmations",
    "Sources/BorderConsole/View/FormView.swift": "k-ru-keys: forms",
  ]

  /// Literals that are English text and stay so, each with its reason (file suffix, exact text).
  static let allowed: [(file: String, text: String, reason: String)] = []

  /// Whether a literal reads as English words: two Latin words in a row (`hello world`,
  /// `no segment %@`), the way a sentence or a label shows; IDs, keys, format codes and glyphs do not.
  static func isEnglishText(_ text: String) -> Bool {
    let withoutEscapes = text.replacingOccurrences(
      of: #"\\u\{[0-9A-Fa-f]+\}|\\."#, with: " ", options: .regularExpression
    )
    .replacingOccurrences(of: #"%(\d\$)?[@dsf]"#, with: " ", options: .regularExpression)
    return withoutEscapes.range(of: #"[A-Za-z]{2,}[ ,;:'’.!?()-]+[A-Za-z]{2,}"#, options: .regularExpression)
      != nil
  }

  /// Whether the code before a literal shows it to the operator whatever its words: a message.
  static func isMessage(before code: String) -> Bool {
    code.range(
      of: #"(say|sayAlongside)\(\s*$|(error|notice|message)\s*=\s*$|AppendFailure\(\s*$"#,
      options: .regularExpression) != nil
  }

  /// The literals in `source` that should go through the Localizer, as `file:line: "text"`.
  static func untranslated(_ source: String, file: String) -> [String] {
    SwiftLiterals.literals(in: source).compactMap { literal in
      guard !literal.translated else { return nil }
      let letters = literal.text.range(of: "[A-Za-z]{2,}", options: .regularExpression) != nil
      guard isEnglishText(literal.text) || (letters && isMessage(before: literal.before)) else { return nil }
      if allowed.contains(where: { file.hasSuffix($0.file) && $0.text == literal.text }) { return nil }
      return "\(file):\(literal.line): \"\(literal.text)\""
    }
  }
}

@Suite("No English literal in the console's words")
struct EnglishLiteralScanTests {
  @Test("View/, App/ and Input/ pass every English word through tr/plural (pending files aside)")
  func noEnglishLiterals() throws {
    var found: [String] = []
    var scanned = 0
    for (path, text) in try SourceMessages.swiftFiles()
    where EnglishLiteralPolicy.folders.contains(where: { path.hasPrefix($0) }) {
      guard EnglishLiteralPolicy.pending[path] == nil else { continue }
      scanned += 1
      found += EnglishLiteralPolicy.untranslated(text, file: path)
    }
    #expect(scanned >= 20, "the scan reads the console's files (read \(scanned))")
    #expect(found.isEmpty, "English literals not passed to tr/plural:\n\(found.joined(separator: "\n"))")
    for path in EnglishLiteralPolicy.pending.keys {
      #expect(
        FileManager.default.fileExists(atPath: SourceMessages.root.appendingPathComponent(path).path),
        "a pending file that no longer exists: \(path)")
    }
  }

  @Test("the scan catches say(\"hello world\") and an English error, and passes what tr takes")
  func scanCatches() {
    let source = #"""
      // say("a comment is not code")
      /// A doc comment with "quoted words".
      mutating func f() {
        say("hello world")
        say("cancelled", seconds: 3)
        current.error = "\(missing) is required"
        say(l10n.tr("recorded as event #%d", seq))
        say(l10n.plural("marked %d change as seen", "marked %d changes as seen", count: n))
        let s = l10n.tr("level", context: "sort and more")
        let nested = "\(l10n.tr("in %@", context: "countdown", "x")) and more words"
        let key = form.value("Level")
        let glyphs = "▲ ◆ ●"
        /* a block "comment with words" */
        let raw = #"raw "string" with words"#
        let many = """
          multi-line text
          """
      }
      """#
    let found = EnglishLiteralPolicy.untranslated(source, file: "X.swift")
    #expect(
      Array(found.prefix(5)) == [
        #"X.swift:4: "hello world""#,
        #"X.swift:5: "cancelled""#,
        #"X.swift:6: "%@ is required""#,
        #"X.swift:10: "%@ and more words""#,
        #"X.swift:14: "raw "string" with words""#,
      ], "\(found)")
    #expect(
      found.count == 6 && found.last?.hasPrefix("X.swift:15: ") == true, "the multi-line literal: \(found)")
  }
}
