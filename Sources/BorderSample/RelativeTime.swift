import BorderModel

/// A time written relative to the moment a sample directory is created, e.g. `@now-3d2h` or `@today+4d12h`.
///
/// `@now` is the moment of creation, `@today` that day's midnight (UTC). Signed terms follow and
/// add up left to right; a term is one or more amounts with a unit (`d` days, `h` hours,
/// `m` minutes, `s` seconds) under one sign: `@now-2d+9h` is two days before creation plus nine hours.
public struct RelativeTime: Sendable, Hashable {
  /// Whether the base is the day's midnight rather than the moment of creation.
  public var fromMidnight: Bool
  /// The offset from the base, in seconds.
  public var offsetSeconds: Int64

  /// Reads the notation; nil with a reason when it is malformed.
  public static func parse(_ text: String) -> Result<RelativeTime, RelativeTimeError> {
    var rest = Substring(text)
    let fromMidnight: Bool
    if rest.hasPrefix("@now") {
      fromMidnight = false
      rest = rest.dropFirst(4)
    } else if rest.hasPrefix("@today") {
      fromMidnight = true
      rest = rest.dropFirst(6)
    } else {
      return .failure(RelativeTimeError(text: text, reason: "must start with @now or @today"))
    }
    var offset: Int64 = 0
    while let sign = rest.first {
      guard sign == "+" || sign == "-" else {
        return .failure(RelativeTimeError(text: text, reason: "expected + or - before '\(rest)'"))
      }
      rest = rest.dropFirst()
      var term: Int64 = 0
      var amounts = 0
      while let first = rest.first, first.isASCII, first.isNumber {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(digits.count)
        guard digits.count <= 6, let amount = Int64(digits), let unit = rest.first,
          let seconds = Self.unitSeconds[unit]
        else {
          return .failure(
            RelativeTimeError(text: text, reason: "each amount needs a unit d, h, m or s"))
        }
        rest = rest.dropFirst()
        term += amount * seconds
        amounts += 1
      }
      guard amounts > 0 else {
        return .failure(RelativeTimeError(text: text, reason: "a sign must be followed by an amount"))
      }
      offset += sign == "-" ? -term : term
    }
    return .success(RelativeTime(fromMidnight: fromMidnight, offsetSeconds: offset))
  }

  private static let unitSeconds: [Character: Int64] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]

  /// The time this stands for, for a directory created at `now`.
  public func resolve(now: Timestamp) -> Timestamp {
    let seconds = now.epochSeconds
    let base =
      fromMidnight
      ? Timestamp(epochSeconds: seconds - ((seconds % 86_400) + 86_400) % 86_400) : now
    return base.adding(seconds: offsetSeconds)
  }
}

/// Why a relative time could not be read.
public struct RelativeTimeError: Error, Sendable, Equatable {
  public var text: String
  public var reason: String
}

extension RelativeTime {
  /// Replaces every quoted `"@now…"` or `"@today…"` in `text` by the time it stands for: quoted
  /// RFC 3339 when `quoted` (JSON), a bare offset date-time otherwise (TOML).
  static func substitute(in text: String, now: Timestamp, quoted: Bool) -> Result<
    String, RelativeTimeError
  > {
    guard text.contains("\"@") else { return .success(text) }
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstRange(of: "\"@") {
      out += rest[..<open.lowerBound]
      let afterQuote = rest[rest.index(after: open.lowerBound)...]
      guard let close = afterQuote.firstIndex(of: "\"") else {
        return .failure(RelativeTimeError(text: String(afterQuote), reason: "unterminated string"))
      }
      let token = String(afterQuote[..<close])
      switch parse(token) {
      case .success(let relative):
        let formatted = RFC3339.format(relative.resolve(now: now))
        out += quoted ? "\"\(formatted)\"" : formatted
      case .failure(let error): return .failure(error)
      }
      rest = afterQuote[afterQuote.index(after: close)...]
    }
    out += rest
    return .success(out)
  }
}
