import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore
import Foundation

/// `bordermon summary`: the situation's figures, now or as of a past time.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Print the situation's figures: kilometres agreed, alerts, the next meeting.")

  @OptionGroup var options: DataOptions

  @Option(
    help: ArgumentHelp(
      "Show the situation as of this time: an RFC 3339 time with a zone, or a date (its end, UTC).",
      valueName: "time"))
  var at: String?

  @Flag(help: "Print one JSON object instead of text.") var json = false

  func run() throws {
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    let asOf = try parseAsOf(at, l10n)
    let store = try options.openSituation(clock: clock, asOf: asOf, snapshots: true)
    try requireReadableJournal(store, command: "summary", l10n)
    let moment = asOf ?? clock.now()
    let report = SummaryReport(store: store, moment: moment, isHistorical: asOf != nil)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(report)
      print(TerminalOutput.terminalSafeJSON(String(decoding: data, as: UTF8.self)))
    } else {
      printText(report.text(l10n))
    }
    let errors = store.diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
      printError(
        "bordermon: "
          + l10n.plural(
            "%d problem(s) in the data were skipped; run `bordermon check`",
            "%d problem(s) in the data were skipped; run `bordermon check`", count: errors))
    }
    store.saveSnapshotIfDue()
  }
}

/// The figures `summary` prints, shaped for JSON.
struct SummaryReport: Encodable {
  struct NextMeeting: Encodable {
    var id: String
    var kind: String
    var status: String
    var venue: String?
    var host: String?
    var startUtc: String
    var endUtc: String
    var startBishkek: String
    var startDushanbe: String
    var startsInSeconds: Int64
    var agenda: [String]

    enum CodingKeys: String, CodingKey {
      case id, kind, status, venue, host, agenda
      case startUtc = "start_utc"
      case endUtc = "end_utc"
      case startBishkek = "start_bishkek"
      case startDushanbe = "start_dushanbe"
      case startsInSeconds = "starts_in_seconds"
    }
  }

  var title: String
  var sample: Bool
  /// The sample scenario the data directory was created from, if any.
  var scenario: String?
  var asOf: String
  var totalKm: Double
  var agreedKm: Double
  var agreedShare: Double
  var segments: Int
  var kmByStatus: [String: Double]
  var segmentsByStatus: [String: Int]
  var alertsByLevel: [String: Int]
  var openAlerts: Int
  var unacknowledgedAlerts: Int
  var unacknowledgedByLevel: [String: Int]
  var highestLevelBySector: [String: Int]
  var nextMeeting: NextMeeting?
  var eventsApplied: Int
  var lastSeq: UInt64
  var problems: Int

  private var figures: SituationFigures
  private var moment: Timestamp
  private var isHistorical: Bool

  enum CodingKeys: String, CodingKey {
    case title
    case sample
    case scenario
    case asOf = "as_of"
    case totalKm = "total_km"
    case agreedKm = "agreed_km"
    case agreedShare = "agreed_share"
    case segments
    case kmByStatus = "km_by_status"
    case segmentsByStatus = "segments_by_status"
    case alertsByLevel = "alerts_by_level"
    case openAlerts = "open_alerts"
    case unacknowledgedAlerts = "unacknowledged_alerts"
    case unacknowledgedByLevel = "unacknowledged_by_level"
    case highestLevelBySector = "highest_level_by_sector"
    case nextMeeting = "next_meeting"
    case eventsApplied = "events_applied"
    case lastSeq = "last_seq"
    case problems
  }

  init(store: SituationStore, moment: Timestamp, isHistorical: Bool) {
    let situation = store.situation
    let figures = situation.figures(now: moment)
    self.figures = figures
    self.moment = moment
    self.isHistorical = isHistorical
    title = situation.title
    sample = situation.isIllustrativeSample
    scenario = situation.scenario
    asOf = RFC3339.format(moment)
    totalKm = Self.round(figures.totalKm)
    agreedKm = Self.round(figures.agreedKm)
    agreedShare = (figures.agreedShare * 10_000).rounded() / 10_000
    segments = situation.segments.count
    kmByStatus = Dictionary(
      uniqueKeysWithValues: figures.kmByStatus.map { ($0.key.rawValue, Self.round($0.value)) })
    segmentsByStatus = Dictionary(
      uniqueKeysWithValues: figures.segmentsByStatus.map { ($0.key.rawValue, $0.value) })
    alertsByLevel = Dictionary(
      uniqueKeysWithValues: figures.openAlertsByLevel.map { (String($0.key.rawValue), $0.value) })
    openAlerts = figures.openAlerts
    unacknowledgedAlerts = figures.unacknowledgedAlerts
    unacknowledgedByLevel = Dictionary(
      uniqueKeysWithValues: figures.unacknowledgedByLevel.map { (String($0.key.rawValue), $0.value) })
    highestLevelBySector = Dictionary(
      uniqueKeysWithValues: figures.highestLevelBySector.map { ($0.key.rawValue, $0.value.rawValue) })
    nextMeeting = figures.nextMeeting.map { meeting in
      NextMeeting(
        id: meeting.id.rawValue, kind: meeting.kind.rawValue,
        status: meeting.status(at: moment).rawValue, venue: meeting.venue?.latin,
        host: meeting.host?.rawValue, startUtc: RFC3339.format(meeting.start),
        endUtc: RFC3339.format(meeting.end),
        startBishkek: DisplayZone.bishkek.dateTime(meeting.start) + " (UTC+6)",
        startDushanbe: DisplayZone.dushanbe.dateTime(meeting.start) + " (UTC+5)",
        startsInSeconds: meeting.start.milliseconds(since: moment) / 1000,
        agenda: meeting.agenda.map(\.rawValue))
    }
    eventsApplied = situation.appliedEventCount
    lastSeq = situation.lastSeq
    problems = store.diagnostics.filter { $0.severity == .error }.count
  }

  static func round(_ km: Double) -> Double { (km * 100).rounded() / 100 }

  /// The report as lines for a terminal or a log, in the language of `l10n`.
  func text(_ l10n: Localizer) -> String {
    var lines: [String] = []
    var tag: [String] = []
    if sample { tag.append(l10n.tr("illustrative sample", context: "summary")) }
    if let scenario { tag.append(l10n.tr("scenario %@", context: "summary", scenario)) }
    lines.append(title + (tag.isEmpty ? "" : "  (\(tag.joined(separator: ", ")))"))
    let when = DisplayZone.utc.dateTime(moment)
    lines.append(
      (isHistorical
        ? l10n.tr("as of %@ UTC (history)", context: "summary", when)
        : l10n.tr("now %@ UTC", context: "summary", when))
        + " · "
        + l10n.plural("%d journal events", "%d journal events", context: "cli count", count: eventsApplied))
    lines.append("")
    let percent = (figures.agreedShare * 1000).rounded() / 10
    var rows: [(label: String, value: String)] = [
      (
        l10n.tr("Line", context: "summary"),
        l10n.plural(
          "%1$@ in %2$d segments", "%1$@ in %2$d segments", context: "summary", count: segments,
          Self.km(figures.totalKm, l10n), segments)
      ),
      (
        l10n.tr("Agreed", context: "summary"),
        l10n.tr("%1$@ (%2$@%%)", context: "summary", Self.km(figures.agreedKm, l10n), percent)
      ),
    ]
    var byStatus: [(String, String)] = []
    for status in DemarcationStatus.allCases {
      let count = figures.segmentsByStatus[status] ?? 0
      guard count > 0 else { continue }
      byStatus.append(
        (
          l10n.status(status),
          l10n.plural(
            "%1$@ in %2$d", "%1$@ in %2$d", context: "summary, by status", count: count,
            Self.km(figures.kmByStatus[status] ?? 0, l10n), count)
        ))
    }
    let byLevel = AlertLevel.allCases.reversed().map {
      l10n.tr("L%1$d %2$d", context: "summary", $0.rawValue, figures.openAlertsByLevel[$0] ?? 0)
    }
    let alerts = (
      l10n.tr("Open alerts", context: "summary"),
      l10n.tr(
        "%1$d (%2$@); %3$d unacknowledged", context: "summary", figures.openAlerts,
        byLevel.joined(separator: " · "), figures.unacknowledgedAlerts)
    )
    let meetingLabel = l10n.tr("Next meeting", context: "summary")
    let meetingValue: String
    if let meeting = figures.nextMeeting {
      let countdown = Self.countdown(from: moment, to: meeting.start, l10n)
      let status = l10n.meetingStatus(meeting.status(at: moment))
      let kind = l10n.meetingKind(meeting.kind)
      meetingValue =
        meeting.venue.map {
          l10n.tr("%1$@ in %2$@ — %3$@, %4$@", context: "summary", kind, l10n.name($0), status, countdown)
        } ?? l10n.tr("%1$@ — %2$@, %3$@", context: "summary", kind, status, countdown)
    } else {
      meetingValue = l10n.tr("none scheduled", context: "summary")
    }
    // One label column, as wide as the widest label in this language (13 in English).
    let labelWidth = ([meetingLabel, alerts.0] + rows.map(\.label)).map(\.count).max()! + 1
    func row(_ label: String, _ value: String) -> String { Self.pad(label, labelWidth) + value }
    rows.append(alerts)
    lines.append(row(rows[0].label, rows[0].value))
    lines.append(row(rows[1].label, rows[1].value))
    let statusWidth = max(18, byStatus.map(\.0.count).max() ?? 0)
    for (label, value) in byStatus { lines.append("  " + Self.pad(label, statusWidth) + " " + value) }
    lines.append(row(alerts.0, alerts.1))
    lines.append(l10n.tr("Highest level by sector", context: "summary"))
    let sectors = Sector.allCases.map { (l10n.sector($0), figures.highestLevelBySector[$0] ?? .stable) }
    let sectorWidth = max(24, sectors.map(\.0.count).max() ?? 0)
    for (label, level) in sectors {
      lines.append("  " + Self.pad(label, sectorWidth) + " \(level.rawValue) " + l10n.level(level))
    }
    lines.append(row(meetingLabel, meetingValue))
    if let meeting = figures.nextMeeting {
      let zones = [
        (l10n.tr("UTC", context: "summary"), DisplayZone.utc.dateTime(meeting.start)),
        (
          l10n.tr("Bishkek", context: "summary"),
          DisplayZone.bishkek.dateTime(meeting.start) + " (UTC+6)"
        ),
        (
          l10n.tr("Dushanbe", context: "summary"),
          DisplayZone.dushanbe.dateTime(meeting.start) + " (UTC+5)"
        ),
      ]
      let zoneWidth = max(10, zones.map(\.0.count).max()! + 1)
      for (label, time) in zones { lines.append("  " + Self.pad(label, zoneWidth) + time) }
    }
    return lines.joined(separator: "\n")
  }

  /// Kilometres with one decimal: `812.0 km` (`812.0 км`).
  static func km(_ value: Double, _ l10n: Localizer) -> String {
    let tenths = Int((value * 10).rounded())
    return l10n.tr("%@ km", "\(tenths / 10).\(tenths % 10)")
  }

  /// A countdown such as `in 3d04h` or `2h10m ago` (`через 3д04ч`, `2ч10м назад`).
  static func countdown(from now: Timestamp, to time: Timestamp, _ l10n: Localizer) -> String {
    let seconds = time.milliseconds(since: now) / 1000
    let span = l10n.compactDuration(seconds: seconds)
    return seconds >= 0
      ? l10n.tr("in %@", context: "countdown", span) : l10n.tr("%@ ago", context: "countdown", span)
  }

  /// A label followed by spaces up to `width` characters (never cut).
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
