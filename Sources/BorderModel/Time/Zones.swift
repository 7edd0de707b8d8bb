/// A fixed-offset zone the console shows times in (neither capital observes daylight saving).
public struct DisplayZone: Sendable, Equatable, Hashable {
  /// Short label shown beside a time, e.g. `Bishkek`.
  public var name: String
  /// Offset east of UTC in seconds.
  public var offsetSeconds: Int

  /// Coordinated Universal Time.
  public static let utc = DisplayZone(name: "UTC", offsetSeconds: 0)
  /// Asia/Bishkek, UTC+6 all year.
  public static let bishkek = DisplayZone(name: "Bishkek", offsetSeconds: 6 * 3600)
  /// Asia/Dushanbe, UTC+5 all year.
  public static let dushanbe = DisplayZone(name: "Dushanbe", offsetSeconds: 5 * 3600)

  /// The offset as `UTC+6`.
  public var offsetLabel: String {
    let hours = offsetSeconds / 3600
    return hours == 0 ? "UTC" : (hours > 0 ? "UTC+\(hours)" : "UTC\(hours)")
  }

  /// The civil time of a moment in this zone.
  public func civil(_ time: Timestamp) -> CivilTime {
    CivilCalendar.civil(time, offsetSeconds: offsetSeconds)
  }

  /// `HH:MM` of a moment in this zone.
  public func clock(_ time: Timestamp, seconds: Bool = false) -> String {
    let c = civil(time)
    let base = "\(RFC3339.pad(c.hour, 2)):\(RFC3339.pad(c.minute, 2))"
    return seconds ? base + ":\(RFC3339.pad(c.second, 2))" : base
  }

  /// `YYYY-MM-DD` of a moment in this zone.
  public func date(_ time: Timestamp) -> String {
    let c = civil(time)
    return "\(RFC3339.pad(c.year, 4))-\(RFC3339.pad(c.month, 2))-\(RFC3339.pad(c.day, 2))"
  }

  /// `YYYY-MM-DD HH:MM` of a moment in this zone.
  public func dateTime(_ time: Timestamp) -> String {
    date(time) + " " + clock(time)
  }
}

/// A source of the current time, injected so tests can fix it.
public protocol WallClock: Sendable {
  /// The current moment.
  func now() -> Timestamp
}

/// A wall clock that always answers the same moment.
public struct FixedWallClock: WallClock {
  /// The moment this clock answers.
  public var moment: Timestamp
  /// Creates a clock stopped at `moment`.
  public init(_ moment: Timestamp) { self.moment = moment }
  public func now() -> Timestamp { moment }
}

/// Formats durations the way an operator reads them: `45s`, `12m`, `3h05m`, `4d06h`.
public enum DurationText {
  /// A compact, signless duration of whole seconds.
  public static func compact(seconds: Int64) -> String {
    let s = abs(seconds)
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" }
    if s < 86_400 { return "\(s / 3600)h\(RFC3339.pad(Int(s % 3600 / 60), 2))m" }
    if s < 86_400 * 100 { return "\(s / 86_400)d\(RFC3339.pad(Int(s % 86_400 / 3600), 2))h" }
    return "\(s / 86_400)d"
  }

  /// A countdown such as `in 3d04h` or `2h10m ago`.
  public static func relative(from now: Timestamp, to time: Timestamp) -> String {
    let seconds = time.milliseconds(since: now) / 1000
    return seconds >= 0 ? "in " + compact(seconds: seconds) : compact(seconds: seconds) + " ago"
  }
}
