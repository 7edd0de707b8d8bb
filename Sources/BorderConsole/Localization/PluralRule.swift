/// A gettext `Plural-Forms` rule: how many forms a language has and which one a count takes.
///
/// The `plural=` expression is the C subset gettext uses (`n`, integers, `% / * + -`,
/// comparisons, `! && ||`, `?:` and parentheses), parsed once and evaluated per count.
public struct PluralRule: Sendable, Hashable {
  /// How many forms a message has in this language.
  public let count: Int
  let expression: PluralExpression

  /// English and the Germanic rule: one, other.
  public static let germanic = PluralRule(count: 2, expression: .binary(.notEqual, .n, .number(1)))

  /// Reads the value of a `Plural-Forms` header, `nplurals=3; plural=(…);`; the error says what is wrong.
  public static func parse(_ header: String) -> Result<PluralRule, PluralRuleError> {
    var forms: Int?
    var formula: String?
    for part in header.split(separator: ";") {
      let pieces = part.split(separator: "=", maxSplits: 1)
      guard pieces.count == 2 else { continue }
      let key = pieces[0].trimmingBlanks
      let value = pieces[1].trimmingBlanks
      if key == "nplurals" { forms = Int(value) }
      if key == "plural" { formula = value }
    }
    guard let forms, (1...6).contains(forms) else {
      return .failure(PluralRuleError(message: "nplurals must be a number of forms from 1 to 6"))
    }
    guard let formula else { return .failure(PluralRuleError(message: "no plural= expression")) }
    var parser = PluralParser(formula)
    switch parser.parse() {
    case .success(let expression):
      let rule = PluralRule(count: forms, expression: expression)
      // Every count must pick a form the language has.
      for n in 0...1000 where !(0..<forms).contains(rule.expression.value(n)) {
        return .failure(
          PluralRuleError(
            message: "plural= gives form \(rule.expression.value(n)) for \(n), beyond nplurals=\(forms)"))
      }
      return .success(rule)
    case .failure(let error): return .failure(error)
    }
  }

  /// The form (0-based) a count takes.
  public func form(_ n: Int) -> Int {
    min(max(expression.value(abs(n)), 0), count - 1)
  }
}

/// Why a `Plural-Forms` header cannot be used.
public struct PluralRuleError: Error, Sendable, Hashable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

/// A parsed `plural=` expression.
indirect enum PluralExpression: Sendable, Hashable {
  case n
  case number(Int)
  case not(PluralExpression)
  case binary(PluralOperator, PluralExpression, PluralExpression)
  case condition(PluralExpression, PluralExpression, PluralExpression)

  /// The expression's value for a count; C's truth values (0 false, 1 true), division by zero gives 0.
  func value(_ n: Int) -> Int {
    switch self {
    case .n: return n
    case .number(let value): return value
    case .not(let operand): return operand.value(n) == 0 ? 1 : 0
    case .condition(let test, let then, let otherwise):
      return test.value(n) != 0 ? then.value(n) : otherwise.value(n)
    case .binary(let op, let left, let right):
      let a = left.value(n)
      if op == .and { return a != 0 && right.value(n) != 0 ? 1 : 0 }
      if op == .or { return a != 0 || right.value(n) != 0 ? 1 : 0 }
      let b = right.value(n)
      switch op {
      case .remainder: return b == 0 ? 0 : a % b
      case .divide: return b == 0 ? 0 : a / b
      case .multiply: return a &* b
      case .add: return a &+ b
      case .subtract: return a &- b
      case .less: return a < b ? 1 : 0
      case .lessOrEqual: return a <= b ? 1 : 0
      case .greater: return a > b ? 1 : 0
      case .greaterOrEqual: return a >= b ? 1 : 0
      case .equal: return a == b ? 1 : 0
      case .notEqual: return a != b ? 1 : 0
      case .and, .or: return 0
      }
    }
  }
}

/// The binary operators of a `plural=` expression.
enum PluralOperator: String, Sendable, Hashable {
  case remainder = "%", divide = "/", multiply = "*", add = "+", subtract = "-"
  case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
  case equal = "==", notEqual = "!="
  case and = "&&", or = "||"
}

/// A recursive-descent parser for the C subset of `plural=` expressions.
struct PluralParser {
  private let scalars: [Unicode.Scalar]
  private var index = 0

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  /// The whole expression, or what is wrong with it.
  mutating func parse() -> Result<PluralExpression, PluralRuleError> {
    do {
      let expression = try conditional()
      skipBlanks()
      guard index == scalars.count else { throw PluralRuleError(message: "unexpected '\(rest)' in plural=") }
      return .success(expression)
    } catch let error as PluralRuleError {
      return .failure(error)
    } catch {
      return .failure(PluralRuleError(message: "\(error)"))
    }
  }

  private var rest: String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[index...].prefix(12))
    return String(view)
  }

  private mutating func skipBlanks() {
    while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
  }

  private mutating func take(_ token: String) -> Bool {
    skipBlanks()
    let tokenScalars = Array(token.unicodeScalars)
    guard index + tokenScalars.count <= scalars.count,
      Array(scalars[index..<index + tokenScalars.count]) == tokenScalars
    else { return false }
    index += tokenScalars.count
    return true
  }

  private mutating func conditional() throws -> PluralExpression {
    let test = try binary(level: 0)
    guard take("?") else { return test }
    let then = try conditional()
    guard take(":") else { throw PluralRuleError(message: "'?' without ':' in plural=") }
    return .condition(test, then, try conditional())
  }

  /// Operators by precedence, loosest first.
  private static let levels: [[PluralOperator]] = [
    [.or], [.and], [.equal, .notEqual], [.lessOrEqual, .greaterOrEqual, .less, .greater],
    [.add, .subtract], [.remainder, .divide, .multiply],
  ]

  private mutating func binary(level: Int) throws -> PluralExpression {
    guard level < Self.levels.count else { return try unary() }
    var left = try binary(level: level + 1)
    while true {
      guard let op = Self.levels[level].first(where: { peek($0.rawValue) }) else { return left }
      _ = take(op.rawValue)
      left = .binary(op, left, try binary(level: level + 1))
    }
  }

  /// Whether the next token is `token` (and not the start of a longer operator such as `<=` for `<`).
  private mutating func peek(_ token: String) -> Bool {
    let start = index
    defer { index = start }
    guard take(token) else { return false }
    if token == "!" || token == "<" || token == ">" {
      return !(index < scalars.count && scalars[index] == "=")
    }
    return true
  }

  private mutating func unary() throws -> PluralExpression {
    if peek("!") {
      _ = take("!")
      return .not(try unary())
    }
    skipBlanks()
    guard index < scalars.count else { throw PluralRuleError(message: "plural= ends too early") }
    if take("(") {
      let inner = try conditional()
      guard take(")") else { throw PluralRuleError(message: "'(' without ')' in plural=") }
      return inner
    }
    if take("n") { return .n }
    var digits = 0
    var value = 0
    while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
      value = value &* 10 &+ digit
      digits += 1
      index += 1
    }
    guard digits > 0 else { throw PluralRuleError(message: "unexpected '\(rest)' in plural=") }
    return .number(value)
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  var trimmingBlanks: String {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
