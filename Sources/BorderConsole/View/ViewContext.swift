import BorderModel

/// What every part of the view needs for one frame, each piece computed once and only if asked for.
final class ViewContext {
  let state: ConsoleState
  let theme: Theme
  let glyphs: GlyphSet
  let situation: Situation
  let now: Timestamp
  let layout: ConsoleLayout

  /// The situation's figures at `now`.
  lazy var figures: SituationFigures = state.cache.figures ?? situation.figures(now: now)

  /// Open alerts by level (index 0 is level 1) and how many are unacknowledged: all the header needs.
  var alertCounts: (open: [Int], unacknowledged: Int) {
    (state.cache.openByLevel, state.cache.unacknowledged)
  }

  /// Open alerts' highest level and whether one is unacknowledged, by segment.
  var openBySegment: [SegmentID: (level: AlertLevel, unacknowledged: Bool)] { state.cache.openBySegment }

  /// Each segment's level counting its open alerts, by position west to east.
  var effectiveLevels: [AlertLevel] { state.cache.effectiveLevels }

  /// Each segment's status, by position.
  var statuses: [DemarcationStatus] { state.cache.statuses }

  init(state: ConsoleState, theme: Theme, glyphs: GlyphSet) {
    self.state = state
    self.theme = theme
    self.glyphs = glyphs
    situation = state.displayed
    // Ages and countdowns are shown to the minute: reckoning them from the minute's start
    // means they change only when the minute does, and an idle screen redraws only its clock.
    now = state.displayMoment
    layout = state.layout
  }

  func style(_ role: Role) -> CellStyle { theme.style(role) }

  /// A segment's level counting its open alerts.
  func effectiveLevel(_ segment: Segment) -> AlertLevel {
    max(segment.alertLevel, openBySegment[segment.id]?.level ?? .stable)
  }

  /// The level, counting open alerts, of the segment at a position.
  func effectiveLevel(at position: Int) -> AlertLevel { effectiveLevels[position] }

  /// Whether a record changed a moment ago.
  func isFlashing(_ id: String) -> Bool {
    guard let until = state.flashes[id] else { return false }
    return until > state.now
  }
}

/// Short date and time texts for the panes.
enum TimeText {
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `Nov 28` in a zone.
  static func day(_ time: Timestamp, _ zone: DisplayZone) -> String {
    let c = zone.civil(time)
    return "\(months[c.month - 1]) \(RFC3339.pad(c.day, 2))"
  }

  /// `2024-03-29` in a zone.
  static func date(_ time: Timestamp, _ zone: DisplayZone = .utc) -> String { zone.date(time) }

  /// An age such as `12m`, `3h05m`, `4d06h`, `2y`; `now` under a minute.
  static func age(_ time: Timestamp?, now: Timestamp) -> String {
    guard let time else { return "—" }
    let seconds = max(0, now.milliseconds(since: time) / 1000)
    if seconds < 60 { return "now" }
    if seconds >= 86_400 * 365 { return "\(seconds / (86_400 * 365))y" }
    return DurationText.compact(seconds: seconds)
  }

  /// A countdown to a start or an end: `in 3d04h`, `ends 2h10m`.
  static func countdown(_ meeting: Meeting, now: Timestamp) -> String {
    let status = meeting.status(at: now)
    if status == .inSession {
      return "ends " + DurationText.compact(seconds: max(0, meeting.end.milliseconds(since: now) / 1000))
    }
    let seconds = meeting.start.milliseconds(since: now) / 1000
    return seconds >= 0
      ? "in " + DurationText.compact(seconds: seconds) : DurationText.compact(seconds: seconds) + " ago"
  }

  /// Kilometres with one decimal.
  static func km(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }
}

/// Breaks text into lines of at most `width` columns, at spaces where it can.
func wrap(_ text: String, width: Int) -> [String] {
  guard width > 0 else { return [] }
  var lines: [String] = []
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    var line = ""
    var lineWidth = 0
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      var wordWidth = DisplayWidth.of(word)
      while wordWidth > width {
        if !line.isEmpty {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        var head = ""
        var headWidth = 0
        for character in word {
          let w = DisplayWidth.of(character)
          if headWidth + w > width { break }
          head.append(character)
          headWidth += w
        }
        lines.append(head)
        word.removeFirst(head.count)
        wordWidth = DisplayWidth.of(word)
      }
      if word.isEmpty { continue }
      if lineWidth == 0 {
        line = word
        lineWidth = wordWidth
      } else if lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
      } else {
        lines.append(line)
        line = word
        lineWidth = wordWidth
      }
    }
    lines.append(line)
  }
  return lines
}

extension Timestamp {
  /// The start of this moment's minute.
  var minuteFloor: Timestamp {
    let minute = Int64(60_000)
    let millis = epochMilliseconds
    return Timestamp(
      epochMilliseconds: millis >= 0 ? millis / minute * minute : ((millis - minute + 1) / minute) * minute)
  }
}
