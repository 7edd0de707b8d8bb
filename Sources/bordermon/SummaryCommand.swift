import ArgumentParser
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
    let clock = SystemWallClock()
    let asOf = try parseAsOf(at)
    let directory = try options.prepared(clock: clock)
    let store = SituationStore(directory: directory, asOf: asOf, snapshots: true)
    try requireReadableJournal(store, command: "summary")
    let moment = asOf ?? clock.now()
    let report = SummaryReport(store: store, moment: moment, isHistorical: asOf != nil)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(report)
      print(TerminalOutput.terminalSafeJSON(String(decoding: data, as: UTF8.self)))
    } else {
      printText(report.text)
    }
    let errors = store.diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
      printError("bordermon: \(errors) problem(s) in the data were skipped; run `bordermon check`")
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

  static func km(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) km"
  }

  /// The report as lines for a terminal or a log.
  var text: String {
    var lines: [String] = []
    let tag = [sample ? "illustrative sample" : nil, scenario.map { "scenario \($0)" }].compactMap { $0 }
    lines.append(title + (tag.isEmpty ? "" : "  (\(tag.joined(separator: ", ")))"))
    let when = DisplayZone.utc.dateTime(moment)
    lines.append(
      (isHistorical ? "as of \(when) UTC (history)" : "now \(when) UTC")
        + " · \(eventsApplied) journal events")
    lines.append("")
    let percent = (figures.agreedShare * 1000).rounded() / 10
    lines.append("Line         \(Self.km(figures.totalKm)) in \(segments) segments")
    lines.append("Agreed       \(Self.km(figures.agreedKm)) (\(percent)%)")
    for status in DemarcationStatus.allCases {
      let count = figures.segmentsByStatus[status] ?? 0
      guard count > 0 else { continue }
      let label = status.label.padding(toLength: 18, withPad: " ", startingAt: 0)
      lines.append("  \(label) \(Self.km(figures.kmByStatus[status] ?? 0)) in \(count)")
    }
    let byLevel = AlertLevel.allCases.reversed().map {
      "L\($0.rawValue) \(figures.openAlertsByLevel[$0] ?? 0)"
    }
    lines.append(
      "Open alerts  \(figures.openAlerts) (\(byLevel.joined(separator: " · "))); "
        + "\(figures.unacknowledgedAlerts) unacknowledged")
    lines.append("Highest level by sector")
    for sector in Sector.allCases {
      let level = figures.highestLevelBySector[sector] ?? .stable
      let label = sector.label.padding(toLength: 24, withPad: " ", startingAt: 0)
      lines.append("  \(label) \(level.rawValue) \(level.label)")
    }
    if let meeting = figures.nextMeeting {
      let venue = meeting.venue.map { " in \($0.latin)" } ?? ""
      lines.append(
        "Next meeting \(meeting.kind.label)\(venue) — \(meeting.status(at: moment).label), "
          + DurationText.relative(from: moment, to: meeting.start))
      lines.append("  UTC       \(DisplayZone.utc.dateTime(meeting.start))")
      lines.append("  Bishkek   \(DisplayZone.bishkek.dateTime(meeting.start)) (UTC+6)")
      lines.append("  Dushanbe  \(DisplayZone.dushanbe.dateTime(meeting.start)) (UTC+5)")
    } else {
      lines.append("Next meeting none scheduled")
    }
    return lines.joined(separator: "\n")
  }
}
