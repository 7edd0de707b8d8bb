/// Why a text could not be read as a time.
public enum TimeParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The text is not of the form `YYYY-MM-DDTHH:MM[:SS[.fff]]Z` or `±HH:MM`.
  case malformed(String)
  /// The text gives a date and time but no zone.
  case missingZone(String)
  /// A field is out of its range, e.g. month 13.
  case outOfRange(String)

  public var description: String {
    switch self {
    case .malformed(let text):
      return "'\(text)' is not an RFC 3339 time (expected e.g. 2024-05-19T09:00:00Z)"
    case .missingZone(let text):
      return "'\(text)' has no zone: add Z for UTC or an offset such as +06:00"
    case .outOfRange(let text): return "'\(text)' has a field out of range"
    }
  }
}

/// Reading and writing RFC 3339 times, without Foundation formatters.
public enum RFC3339 {
  /// Formats a time in UTC, with milliseconds only when they are not zero.
  public static func format(_ time: Timestamp) -> String {
    let civil = CivilCalendar.civil(time, offsetSeconds: 0)
    var text =
      "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T"
      + "\(pad(civil.hour, 2)):\(pad(civil.minute, 2)):\(pad(civil.second, 2))"
    if civil.millisecond != 0 { text += ".\(pad(civil.millisecond, 3))" }
    return text + "Z"
  }

  /// Reads an RFC 3339 time that must carry a zone (`Z` or an offset).
  public static func parse(_ text: String) -> Result<Timestamp, TimeParseError> {
    var copy = text
    return copy.withUTF8 { bytes in
      parse(bytes, allowDateOnly: false).mapError { $0.with(text: text) }
    }
  }

  /// Reads an RFC 3339 time, or a date alone meaning the end of that day in UTC.
  public static func parseDateOrTime(_ text: String) -> Result<Timestamp, TimeParseError> {
    var copy = text
    return copy.withUTF8 { bytes in
      parse(bytes, allowDateOnly: true).mapError { $0.with(text: text) }
    }
  }

  /// Reads a time from UTF-8 bytes; the error texts are filled in by the caller.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowDateOnly: Bool = false)
    -> Result<Timestamp, TimeParseError>
  {
    var index = 0
    let count = bytes.count
    func digits(_ n: Int) -> Int? {
      guard index + n <= count else { return nil }
      var value = 0
      for offset in 0..<n {
        let byte = bytes[index + offset]
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += n
      return value
    }
    func take(_ byte: UInt8) -> Bool {
      guard index < count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
    guard let year = digits(4), take(45), let month = digits(2), take(45), let day = digits(2)
    else { return .failure(.malformed("")) }
    guard (1...12).contains(month),
      (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
    else { return .failure(.outOfRange("")) }
    if index == count {
      guard allowDateOnly else { return .failure(.missingZone("")) }
      return .success(
        Timestamp(year: year, month: month, day: day, hour: 23, minute: 59, second: 59, millisecond: 999))
    }
    guard take(84) || take(116) || take(32) else { return .failure(.malformed("")) }
    guard let hour = digits(2), take(58), let minute = digits(2) else {
      return .failure(.malformed(""))
    }
    var second = 0
    var millisecond = 0
    if take(58) {
      guard let s = digits(2) else { return .failure(.malformed("")) }
      second = s
      if take(46) {
        var scale = 100
        var sawDigit = false
        while index < count, bytes[index] >= 48, bytes[index] <= 57 {
          millisecond += Int(bytes[index] - 48) * scale
          scale /= 10
          sawDigit = true
          index += 1
        }
        guard sawDigit else { return .failure(.malformed("")) }
      }
    }
    guard hour <= 23, minute <= 59, second <= 59 else { return .failure(.outOfRange("")) }
    var offsetSeconds = 0
    if index == count {
      return .failure(.missingZone(""))
    } else if take(90) || take(122) {
      offsetSeconds = 0
    } else if index < count, bytes[index] == 43 || bytes[index] == 45 {
      let sign = bytes[index] == 45 ? -1 : 1
      index += 1
      guard let offsetHours = digits(2) else { return .failure(.malformed("")) }
      _ = take(58)
      guard let offsetMinutes = digits(2) else { return .failure(.malformed("")) }
      guard offsetHours <= 23, offsetMinutes <= 59 else { return .failure(.outOfRange("")) }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
    } else {
      return .failure(.malformed(""))
    }
    guard index == count else { return .failure(.malformed("")) }
    let local = Timestamp(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      millisecond: millisecond)
    return .success(local.adding(seconds: Int64(-offsetSeconds)))
  }

  /// Zero-pads a number to `width` digits.
  public static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

extension TimeParseError {
  func with(text: String) -> TimeParseError {
    switch self {
    case .malformed: return .malformed(text)
    case .missingZone: return .missingZone(text)
    case .outOfRange: return .outOfRange(text)
    }
  }
}
