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

  /// The interface's words in the language in use.
  var l10n: Localizer { state.l10n }

  /// A segment's level counting its open alerts.
  func effectiveLevel(_ segment: Segment) -> AlertLevel {
    max(segment.alertLevel, openBySegment[segment.id]?.level ?? .stable)
  }

  /// The level, counting open alerts, of the segment at a position.
  func effectiveLevel(at position: Int) -> AlertLevel { effectiveLevels[position] }

  /// Whether a record changed since this console's operator last saw it.
  func isUnseen(_ id: String) -> Bool { !state.unseen.isEmpty && state.unseen.contains(id) }

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

  /// Kilometres with one decimal; beyond any real distance in powers of ten (`9.3e17`), and `—`
  /// for a value that is not a number, so no figure in the data can stop a frame.
  static func km(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "—" : (value < 0 ? "-∞" : "∞") }
    guard abs(value) < 1e12 else { return scientific(value) }
    let tenths = Int((value * 10).rounded())
    return (value < 0 && tenths != 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }

  /// A finite value as `9.3e17`: one decimal of mantissa and a power of ten.
  static func scientific(_ value: Double) -> String {
    var mantissa = abs(value)
    var exponent = 0
    while mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    while mantissa > 0 && mantissa < 1 {
      mantissa *= 10
      exponent -= 1
    }
    var tenths = Int((mantissa * 10).rounded())
    if tenths >= 100 {
      tenths /= 10
      exponent += 1
    }
    return (value < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)e\(exponent)"
  }

  /// A share (0…1) as a percentage with one decimal, `—%` when it is not a number.
  static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "—%" }
    let tenths = Int((min(max(share, 0), 1) * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}

/// A count of cells from a computed Double: NaN is 0 and the value is held within ±2^52,
/// so a figure from the data never traps a conversion.
func cellCount(_ value: Double) -> Int {
  guard !value.isNaN else { return 0 }
  return Int(min(max(value, -4.5e15), 4.5e15))
}

/// The most lines `wrap` gives; text beyond them is cut, with `…` at the end of the last line.
let wrapLineLimit = 200

/// Breaks text into lines of at most `width` columns, at spaces where it can.
///
/// One pass over the text's scalars, and over no more of them than `maxLines` lines can hold:
/// a 50 MB note costs what a page of text does. When text is left off, the last line ends in `…`.
func wrap(_ text: String, width: Int, maxLines: Int = wrapLineLimit) -> [String] {
  guard width > 0, maxLines > 0 else { return [] }
  // Each line holds at most `width` columns and the space before the next word, plus room for
  // combining marks; whatever lies beyond cannot be shown.
  let budget = maxLines * (width + 1) * 2 + 64
  let all = text.unicodeScalars
  var end = all.endIndex
  var cutShort = false
  if text.utf8.count > budget,
    let limit = all.index(all.startIndex, offsetBy: budget, limitedBy: all.endIndex), limit < all.endIndex
  {
    end = limit
    cutShort = true
  }
  let scalars = Array(all[..<end])
  func columns(_ scalar: Unicode.Scalar) -> Int {
    // A control character is drawn as its picture, one cell.
    let value = scalar.value
    return value < 0x20 || (0x7F..<0xA0).contains(value) ? 1 : DisplayWidth.of(scalar)
  }
  func string(_ range: Range<Int>) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[range])
    return String(out)
  }
  var lines: [String] = []
  var line = ""
  var lineWidth = 0
  var index = 0
  let space = Unicode.Scalar(0x20)
  let newline = Unicode.Scalar(0x0A)
  while index < scalars.count && lines.count <= maxLines {
    let scalar = scalars[index]
    if scalar == newline {
      lines.append(line)
      line = ""
      lineWidth = 0
      index += 1
      continue
    }
    if scalar == space {
      index += 1
      continue
    }
    // A word: up to the next space or line feed.
    var wordEnd = index
    var wordWidth = 0
    while wordEnd < scalars.count && scalars[wordEnd] != space && scalars[wordEnd] != newline {
      wordWidth += columns(scalars[wordEnd])
      wordEnd += 1
    }
    var wordStart = index
    if wordWidth > width {
      // Too long for a line: cut into lines of `width` columns; a mark stays with its character.
      if !line.isEmpty {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      var headStart = wordStart
      var headWidth = 0
      for position in wordStart..<wordEnd {
        let w = columns(scalars[position])
        if w > 0 && headWidth + w > width && position > headStart {
          lines.append(string(headStart..<position))
          headStart = position
          headWidth = 0
        }
        headWidth += w
      }
      wordStart = headStart
      wordWidth = headWidth
    }
    let word = string(wordStart..<wordEnd)
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
    index = wordEnd
  }
  lines.append(line)
  if lines.count > maxLines {
    lines.removeLast(lines.count - maxLines)
    cutShort = true
  }
  if cutShort, let last = lines.last {
    // Room for the mark: drop characters from the end of the last line until it fits.
    var shortened = last
    while !shortened.isEmpty && DisplayWidth.of(shortened) + 1 > width { shortened.removeLast() }
    lines[lines.count - 1] = shortened + "…"
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
