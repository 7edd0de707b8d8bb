import ArgumentParser
import BorderConsole
import BorderModel
import BorderStore

#if canImport(Glibc)
  import Glibc
#endif

/// `bordermon demo`: a simulated feed appending plausible events at a steady pace.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Append plausible, illustrative events at a steady pace (watch them in a console).",
    discussion:
      "Runs until interrupted (Ctrl-C) or --count events were appended. Every event is marked illustrative.")

  @OptionGroup var options: DataOptions
  @Option(help: "Events per second.") var rate: Double = 0.5
  @Option(help: "Stop after this many events (default: run until interrupted).") var count: Int?
  @Option(help: "Seed for the simulation's choices.") var seed: UInt64 = 1

  func validate() throws {
    guard rate > 0, rate <= 1000 else {
      throw ValidationError(options.l10n.tr("--rate must be above 0 and at most 1000"))
    }
  }

  func run() throws {
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    var store = try options.openSituation(clock: clock, snapshots: true)
    var feed = DemoFeed(seed: seed)
    var appended = 0
    let interval = 1.0 / rate
    printError(
      "bordermon demo: " + l10n.tr("appending to %1$@ at %2$@/s; Ctrl-C stops", store.journalName, rate))
    while count.map({ appended < $0 }) ?? true {
      store.refresh(collectingTouches: false)
      guard let action = feed.next(in: store.situation) else { continue }
      let draft = action.draft(by: "demo-feed", provenance: .illustrative(note: "bordermon demo"))
      switch store.append([draft], clock: clock) {
      case .success(let events):
        appended += 1
        for event in events { printText("#\(event.seq) \(event.type) \(DemoFeed.describe(event.payload))") }
        fflush(nil)
      case .failure(.rejected(_, let rejection)):
        printError("bordermon demo: skipped (\(rejection))")
      case .failure(let error):
        printError("bordermon demo: " + l10n.appendError(error))
        throw ExitCode(1)
      }
      var pause = timespec(tv_sec: Int(interval), tv_nsec: Int((interval - Double(Int(interval))) * 1e9))
      var remaining = timespec()
      while nanosleep(&pause, &remaining) != 0 && errno == EINTR { pause = remaining }
    }
  }
}

/// Chooses the next plausible event for the situation as it stands.
struct DemoFeed {
  private var random: SeededRandom

  init(seed: UInt64) { random = SeededRandom(seed: seed) }

  static let reports: [(AlertType, String)] = [
    (.troopMovement, "Vehicles seen moving along the line road"),
    (.blockade, "Residents block the road in protest over water use"),
    (.detention, "Herders detained by border guards near the pasture"),
    (.infrastructureDamage, "Canal gate reported damaged"),
    (.shelling, "Shots heard near the line, source unclear"),
    (.armedClash, "Exchange of fire between border posts reported"),
    (.other, "Drone sighted over the settlement"),
  ]

  /// The next action the simulated duty officers take.
  mutating func next(in situation: Situation) -> OperatorAction? {
    let open = situation.alerts.filter(\.isOpen)
    let unacknowledged = open.filter(\.needsAcknowledgement)
    let roll = random.below(100)
    if roll < 35 || open.isEmpty {
      // Contested stretches get most reports.
      let contested = situation.segments.filter { !$0.status.isAgreed }
      let pool = contested.isEmpty || random.below(4) == 0 ? situation.segments : contested
      guard !pool.isEmpty else { return nil }
      let segment = pool[random.below(pool.count)]
      let report = Self.reports[random.weighted([20, 18, 16, 14, 12, 6, 14])]
      let level = report.0 == .armedClash ? 4 + random.below(2) : 1 + random.weighted([15, 35, 40, 10])
      return .raise(
        AlertRequest(
          segment: segment.id, level: AlertLevel(rawValue: level) ?? .tense, type: report.0,
          text: "\(report.1) (\(segment.name.latin))",
          reportingSide: random.below(2) == 0 ? .kyrgyzstan : .tajikistan,
          confidence: random.below(3) == 0 ? .probable : .unverified))
    }
    if roll < 60, let alert = unacknowledged.first {
      return .acknowledge(alert.id, note: "seen by the demo feed's duty officer")
    }
    if roll < 80, let alert = open.filter({ !$0.needsAcknowledgement }).first {
      return .resolve(alert.id, note: "calm restored")
    }
    if roll < 90 {
      let segment = situation.segments[random.below(situation.segments.count)]
      return .setSegmentLevel(
        segment.id, AlertLevel(rawValue: 1 + random.weighted([40, 35, 20, 5])) ?? .stable,
        reason: "posture review")
    }
    let segment = situation.segments[random.below(situation.segments.count)]
    return .note(target: segment.id.rawValue, text: "Patrol reports the line quiet")
  }

  static func describe(_ payload: EventPayload) -> String {
    switch payload {
    case .alertRaised(let report):
      return "\(report.id) level \(report.level.rawValue) on \(report.segment): \(report.text)"
    case .alertAcknowledged(let id, _), .alertResolved(let id, _): return id.rawValue
    case .segmentLevelSet(let segment, let level, _): return "\(segment) → level \(level.rawValue)"
    case .noteAdded(let target, let text): return "\(target ?? "-"): \(text)"
    default: return ""
    }
  }
}
