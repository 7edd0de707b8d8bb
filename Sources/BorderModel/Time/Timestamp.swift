/// A moment in time, stored as milliseconds since 1970-01-01T00:00:00Z.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
  /// Milliseconds since the Unix epoch, in UTC.
  public var epochMilliseconds: Int64

  /// Creates a timestamp from milliseconds since the Unix epoch.
  public init(epochMilliseconds: Int64) {
    self.epochMilliseconds = epochMilliseconds
  }

  /// Creates a timestamp from whole seconds since the Unix epoch.
  public init(epochSeconds: Int64) {
    self.epochMilliseconds = epochSeconds * 1000
  }

  /// Creates a timestamp from a UTC civil date and time.
  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    millisecond: Int = 0
  ) {
    let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
    let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    self.epochMilliseconds = seconds * 1000 + Int64(millisecond)
  }

  /// Whole seconds since the Unix epoch, rounded down.
  public var epochSeconds: Int64 {
    epochMilliseconds >= 0 ? epochMilliseconds / 1000 : -((-epochMilliseconds + 999) / 1000)
  }

  /// This moment moved by a number of seconds.
  public func adding(seconds: Int64) -> Timestamp {
    Timestamp(epochMilliseconds: epochMilliseconds + seconds * 1000)
  }

  /// This moment moved by a number of milliseconds.
  public func adding(milliseconds: Int64) -> Timestamp {
    Timestamp(epochMilliseconds: epochMilliseconds + milliseconds)
  }

  /// Milliseconds from `other` to this moment (negative when `other` is later).
  public func milliseconds(since other: Timestamp) -> Int64 {
    epochMilliseconds - other.epochMilliseconds
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.epochMilliseconds < rhs.epochMilliseconds
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    switch RFC3339.parse(text) {
    case .success(let time): self = time
    case .failure(let error):
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(RFC3339.format(self))
  }
}

extension Timestamp: CustomStringConvertible {
  /// The RFC 3339 form in UTC, e.g. `2021-04-28T06:00:00Z`.
  public var description: String { RFC3339.format(self) }
}

/// A civil date and time of day in some fixed UTC offset.
public struct CivilTime: Sendable, Equatable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  public var millisecond: Int
  /// Day of the week, 0 = Monday … 6 = Sunday.
  public var weekday: Int
}

/// Proleptic Gregorian calendar arithmetic on day counts since 1970-01-01.
public enum CivilCalendar {
  /// Days since 1970-01-01 of a civil date (month 1–12).
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day count since 1970-01-01.
  public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Number of days in a month of a year.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    default:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    }
  }

  /// The civil time of a timestamp at a fixed offset east of UTC.
  public static func civil(_ time: Timestamp, offsetSeconds: Int) -> CivilTime {
    let millis = time.epochMilliseconds + Int64(offsetSeconds) * 1000
    var seconds = millis / 1000
    var millisecond = Int(millis % 1000)
    if millisecond < 0 {
      millisecond += 1000
      seconds -= 1
    }
    var days = seconds / 86_400
    var secondOfDay = Int(seconds % 86_400)
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let date = civilFromDays(Int(days))
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    var weekday = Int((days + 3) % 7)
    if weekday < 0 { weekday += 7 }
    return CivilTime(
      year: date.year, month: date.month, day: date.day, hour: secondOfDay / 3600,
      minute: secondOfDay / 60 % 60, second: secondOfDay % 60, millisecond: millisecond,
      weekday: weekday)
  }
}
