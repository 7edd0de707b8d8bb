import BorderModel
import BorderSample
import BorderStore
import Foundation
import Testing

/// A sample data directory created in a fresh temporary folder, removed when done.
final class SampleDirectory {
  let path: String
  let data: DataDirectory
  let scenario: SampleScenario
  /// The moment the directory is created.
  static let created = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  init(_ scenario: SampleScenario) throws {
    path = NSTemporaryDirectory() + "bordermon-sample-\(scenario.rawValue)-\(UUID().uuidString.prefix(8))"
    data = DataDirectory(path: path + "/data")
    self.scenario = scenario
    try SampleSituation.create(
      at: data, scenario: scenario, now: Self.created, creatingParents: true
    ).get()
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The situation as of a time.
  func situation(asOf at: Timestamp? = nil) -> Situation {
    SituationStore(directory: data, asOf: at).situation
  }

  /// Agreed (described or further) km, in hundredths, at the end of a day (UTC).
  func agreedHundredths(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let at = Timestamp(year: year, month: month, day: day, hour: 23, minute: 59)
    return hundredths(situation(asOf: at).figures(now: at).agreedKm)
  }

  /// The journal as written, one event per line.
  func events() throws -> [JournalEvent] {
    let text = try String(contentsOfFile: data.journalFile, encoding: .utf8)
    return try text.split(separator: "\n").map { try EventCodec.decode(String($0)).get() }
  }
}

/// Kilometres as whole hundredths, so sums are exact.
func hundredths(_ km: Double) -> Int { Int((km * 100).rounded()) }

@Suite("The bundled sample")
struct SampleScenarioTests {
  @Test(
    "each scenario is clean: no problem in reference data or journal, none under --strict",
    arguments: SampleScenario.allCases)
  func clean(_ scenario: SampleScenario) throws {
    let sample = try SampleDirectory(scenario)
    let store = SituationStore(directory: sample.data)
    #expect(store.diagnostics.isEmpty, "\(store.diagnostics.prefix(5))")
    let strict = ProvenanceAudit.audit(sample.data)
    #expect(strict.isEmpty, "\(strict.prefix(5).map(\.description))")
    #expect(store.situation.segments.count == 52)
    #expect(store.situation.checkpoints.count == 5)
    #expect(store.situation.isIllustrativeSample)
    #expect(store.situation.scenario == scenario.rawValue)
  }

  @Test(
    "every segment and checkpoint has approximate coordinates on the real line, marked approximate",
    arguments: SampleScenario.allCases)
  func coordinates(_ scenario: SampleScenario) throws {
    let situation = try SampleDirectory(scenario).situation()
    /// Whether a point lies in the border's box (lat 39.3–40.3 N, lon 69.3–73.9 E).
    func onTheBorder(_ point: Coordinate) -> Bool {
      (39.3...40.3).contains(point.latitude) && (69.3...73.9).contains(point.longitude)
    }
    var ends: [String: (west: Coordinate, east: Coordinate)] = [:]
    for segment in situation.segments {
      let west = try #require(segment.westEnd, "\(segment.id.rawValue) has no west end")
      let east = try #require(segment.eastEnd, "\(segment.id.rawValue) has no east end")
      #expect(onTheBorder(west) && onTheBorder(east), "\(segment.id.rawValue): \(west), \(east)")
      #expect(west != east, "\(segment.id.rawValue) is drawn as a point")
      #expect(
        segment.provenance.note?.contains("end points approximate") == true,
        "\(segment.id.rawValue): \(segment.provenance.note ?? "no note")")
      ends[segment.id.rawValue] = (west, east)
    }
    // Neighbours share an end, so the map draws one line; the file's order leaves the line
    // only where the real line doubles back (B-09 → C-01, C-09 → D-01), and there the ends
    // meet elsewhere: Leilek's east end is the Isfara valley's west end, and the line turns
    // south at Kairagach.
    let ids = situation.segments.map(\.id.rawValue)
    for (previous, next) in zip(ids, ids.dropFirst())
    where !["B-09 C-01", "C-09 D-01"].contains("\(previous) \(next)") {
      #expect(ends[previous]?.east == ends[next]?.west, "\(previous) → \(next)")
    }
    #expect(ends["C-09"]?.east == ends["A-01"]?.west)
    #expect(ends["C-01"]?.west == ends["D-01"]?.west)
    // Anchors from public gazetteers: Leilek (Kairagach, 69.5° E) lies west of Batken (70.8° E),
    // Kok-Tash at 39°56′59″N 70°32′09″E, the Kyzyl-Art pass near 39.38° N 73.32° E.
    #expect(ends["A-02"]?.west == Coordinate(latitude: 39.9497, longitude: 70.5358))
    #expect((ends["C-01"]?.west.longitude ?? 99) < (ends["B-02"]?.east.longitude ?? 0))
    let pass = try #require(ends["F-03"])
    #expect(pass.west.longitude < 73.3225 && 73.3225 < pass.east.longitude)
    for checkpoint in situation.checkpoints {
      let location = try #require(checkpoint.location, "\(checkpoint.id) has no location")
      #expect(onTheBorder(location), "\(checkpoint.id): \(location)")
      #expect(checkpoint.provenance.approximate.contains("location"), "\(checkpoint.id)")
    }
  }

  @Test("article: 975 km, and the agreed length through time matches the reported figures")
  func articleFigures() throws {
    let sample = try SampleDirectory(.article)
    let now = sample.situation().figures(now: SampleDirectory.created)
    #expect(hundredths(now.totalKm) == 97_500)
    #expect(sample.agreedHundredths(2002, 12, 31) == 0)
    // 519.9 km described before 2011 (Tashiev; Tajik land committee).
    #expect(sample.agreedHundredths(2010, 12, 31) == 51_990)
    #expect(sample.agreedHundredths(2019, 12, 31) == 51_990)
    // Plus the Kyrgyz Cabinet's ~81 km since May 2021, not the presidents' disputed 664.
    #expect(sample.agreedHundredths(2022, 4, 30) == 60_090)
    // Plus 17.66 km at Batken, 1–6 Dec 2022 (Rahmon: 614 km in Jan 2023).
    #expect(sample.agreedHundredths(2022, 12, 31) == 61_856)
    // Protocol No. 44 (2 Oct 2023) comes before the 3–8 Oct round.
    #expect(sample.agreedHundredths(2023, 10, 2) == 61_856)
    // Five rounds Oct–Dec 2023: 43.32 + 13.98 + 17.98 + 24.01 + 11.88.
    #expect(sample.agreedHundredths(2023, 12, 31) == 61_856 + 4_332 + 1_398 + 1_798 + 2_401 + 1_188)
    // Five rounds Jan–Mar 2024: 38.35 + 3.71 + 1.11 + 10.76 + 28.37; the article's "about 800".
    #expect(sample.agreedHundredths(2024, 3, 31) == 81_203)
    #expect(sample.agreedHundredths(2024, 5, 31) == 81_203)
    #expect(hundredths(now.agreedKm) == 81_203)
  }

  @Test("each round's segments add up to the km its protocol reports", arguments: SampleScenario.allCases)
  func roundArithmetic(_ scenario: SampleScenario) throws {
    let sample = try SampleDirectory(scenario)
    let lengths = Dictionary(
      uniqueKeysWithValues: sample.situation().segments.map { ($0.id, hundredths($0.lengthKm)) })
    let events = try sample.events()
    var rounds = 0
    for event in events {
      guard case .meetingHeld(_, let outcome) = event.payload, let km = outcome.kmAgreed else { continue }
      let described = events.filter { other in
        guard case .segmentStatusChanged(_, .described, _) = other.payload else { return false }
        return other.at == event.at && other.provenance.source == event.provenance.source
      }
      let sum = described.reduce(0) { total, other in
        guard case .segmentStatusChanged(let segment, _, _) = other.payload else { return total }
        return total + (lengths[segment] ?? 0)
      }
      #expect(sum == hundredths(km), "round held at \(RFC3339.format(event.at))")
      rounds += 1
    }
    #expect(rounds == 11, "Dec 2022 and the ten 2023–24 rounds that reported km")
  }

  @Test(
    "treaty: 1,006.84 km, all described by Dec 2024, delimited by the treaty, four checkpoints open after July 2025"
  )
  func treatyFigures() throws {
    let sample = try SampleDirectory(.treaty)
    let now = sample.situation().figures(now: SampleDirectory.created)
    #expect(hundredths(now.totalKm) == 100_684)
    #expect(sample.agreedHundredths(2010, 12, 31) == 51_990)
    #expect(sample.agreedHundredths(2024, 3, 31) == 81_203)
    #expect(sample.agreedHundredths(2024, 12, 3) == 81_203)
    #expect(sample.agreedHundredths(2024, 12, 4) == 100_684)
    let treaty = sample.situation(asOf: Timestamp(year: 2025, month: 3, day: 14))
    #expect(treaty.segments.allSatisfy { $0.status == .delimited })
    func open(_ year: Int, _ month: Int, _ day: Int) -> [String] {
      sample.situation(asOf: Timestamp(year: year, month: month, day: day, hour: 23, minute: 59))
        .checkpoints.filter { $0.status == .open }.map(\.id.rawValue).sorted()
    }
    #expect(open(2025, 3, 12) == [])
    #expect(open(2025, 3, 13) == ["kairagach", "kyzyl-bel"])
    #expect(open(2025, 7, 31) == ["bor-dobo", "kairagach", "karamyk", "kyzyl-bel"])
    #expect(sample.situation().checkpoint("kulundu")?.status == .closed)
    // Then demarcation on the ground, relative to the day of creation.
    let statuses = Set(sample.situation().segments.map(\.status))
    #expect(statuses == [.delimited, .demarcationInProgress, .demarcated])
  }

  @Test(
    "every factual record names its source; none is both sourced and illustrative without saying which fields are approximate",
    arguments: SampleScenario.allCases)
  func provenance(_ scenario: SampleScenario) throws {
    let sample = try SampleDirectory(scenario)
    let situation = sample.situation()
    var records: [(String, Provenance)] = []
    records += situation.segments.map { ("segment \($0.id)", $0.provenance) }
    records += situation.checkpoints.map { ("checkpoint \($0.id)", $0.provenance) }
    records += situation.meetings.map { ("meeting \($0.id)", $0.provenance) }
    records += situation.alerts.map { ("alert \($0.id)", $0.provenance) }
    records += try sample.events().map { ("event \($0.seq)", $0.provenance) }
    for (name, provenance) in records {
      #expect(
        provenance.isSourced || provenance.isIllustrative,
        "\(name) has no source and is not marked illustrative")
      if provenance.isSourced && provenance.isIllustrative {
        #expect(
          !provenance.approximate.isEmpty, "\(name) is sourced and illustrative without approximate fields")
      }
      if provenance.isSourced {
        #expect(provenance.source?.outlet.isEmpty == false, "\(name)")
      }
    }
    #expect(records.count > 200)
  }

  @Test("the record as corrected by the fact check (E1–E12 and the minor errors)")
  func corrections() throws {
    let sample = try SampleDirectory(.article)
    let situation = sample.situation()
    let events = try sample.events()
    // E1: the missing 2023 rounds and April 2024 are there.
    for id in ["M-2023-10-BUSTON", "M-2023-11-BUSTON", "M-2023-12-BUSTON-1", "M-2024-04-BUSTON"] {
      #expect(situation.meeting(MeetingID(id))?.status == .held, "\(id)")
    }
    // E2: Protocol No. 44 signed on 2 Oct 2023, before the 3–8 Oct round started.
    let protocol44 = try #require(situation.meeting("M-2023-10-PROTOCOL44"))
    #expect(protocol44.outcome?.protocolNumber == "44")
    #expect(protocol44.end < Timestamp(year: 2023, month: 10, day: 3))
    // E3: the Batken round as the cited outlet dates it, 3–8 Oct.
    #expect(situation.meeting("M-2023-10-BATKEN")?.end == Timestamp(year: 2023, month: 10, day: 8, hour: 12))
    // E5: no alert is raised before the event it reports; 2019's injured are in the claims.
    for alert in situation.alerts { #expect(alert.raisedAt >= alert.occurredAt, "\(alert.id)") }
    let maksat = try #require(situation.alert("AL-2019-09-MAKSAT"))
    #expect(maksat.report.claims[.kyrgyzstan]?.injured == ClaimedFigure(13))
    #expect(maksat.report.occurredAt == Timestamp(year: 2019, month: 9, day: 16, hour: 14))
    // E6: the Chon-Alai section (Karamyk, E-04) shelled on 17 Sep 2022, not E-01 on the 16th.
    let september = Timestamp(year: 2022, month: 9, day: 14)...Timestamp(year: 2022, month: 10, day: 1)
    let armed = events.filter { event in
      guard september.contains(event.at), case .segmentLevelSet(let segment, let level, _) = event.payload
      else { return false }
      return segment.rawValue.hasPrefix("E-") && level >= .armedIncident
    }
    #expect(armed.count == 1)
    #expect(armed.first.map { RFC3339.format($0.at).hasPrefix("2022-09-17") } == true)
    // E7: the Trans-Alay sector and Bor-Dobo are in Alay district; Cyrillic Бордобо.
    #expect(
      situation.segments.filter { $0.sector == .transAlay }.allSatisfy {
        $0.kyrgyzDistrict.name.latin == "Alay"
      })
    #expect(situation.checkpoint("bor-dobo")?.name.cyrillic == "Бордобо")
    // The district stays marked approximate; the location (issue 12) is approximate too.
    #expect(situation.checkpoint("bor-dobo")?.provenance.approximate == ["district", "location"])
    // E8: Bulak-Bashy under Batken town; E9: Kairagach a Tajik enclave before 2025.
    #expect(situation.segment("B-02")?.kyrgyzDistrict.name.latin == "Batken town")
    #expect(situation.segment("C-01")?.settlements.first?.side == .tajikistan)
    // E10: the final 2021 evacuation figure, the sourced injured figure.
    let golovnoy = try #require(situation.alert("AL-2021-04-GOLOVNOY"))
    #expect(golovnoy.report.claims[.kyrgyzstan]?.evacuated == ClaimedFigure(40_649))
    #expect(golovnoy.report.claims[.kyrgyzstan]?.injured == ClaimedFigure(189))
    // E11: Protocol No. 42's content as Tashiev described it, not the 19 Sep protocol's.
    let kyzylBel = try #require(situation.meeting("M-2022-09-KYZYLBEL"))
    #expect(kyzylBel.outcome?.summary?.contains("preventing new ones") == true)
    // E12: the 2014 reopening is sourced, and the crossings reopen in the journal.
    let reopening = events.first { event in
      guard case .segmentLevelSet(_, _, let reason) = event.payload else { return false }
      return reason?.contains("31 March 2014") == true
    }
    #expect(reopening?.provenance.isSourced == true)
    // Minor: Kulundu's category; the 2014 closure and reopening as checkpoint events.
    #expect(situation.checkpoint("kulundu")?.category == "international")
    let karamyk2014 = sample.situation(asOf: Timestamp(year: 2014, month: 2, day: 1)).checkpoint("karamyk")
    #expect(karamyk2014?.status == .closed)
    // The CSTO's role, as a sourced note.
    #expect(
      events.contains { event in
        guard case .noteAdded(_, let text) = event.payload else { return false }
        return text.contains("CSTO") && event.provenance.isSourced
      })
  }

  @Test(
    "illustrative present-day events sit relative to the day of creation", arguments: SampleScenario.allCases)
  func relativeToCreation(_ scenario: SampleScenario) throws {
    let sample = try SampleDirectory(scenario)
    let figures = sample.situation().figures(now: SampleDirectory.created)
    let next = try #require(figures.nextMeeting)
    #expect(next.start < SampleDirectory.created && next.end > SampleDirectory.created, "a round in session")
    let last = try #require(try sample.events().last)
    #expect(last.at <= SampleDirectory.created)
    #expect(last.at > SampleDirectory.created.adding(seconds: -86_400))
    if scenario == .article { #expect(figures.unacknowledgedAlerts >= 2) }
  }

  @Test("init refuses to overwrite an existing data directory")
  func noOverwrite() throws {
    let sample = try SampleDirectory(.article)
    let handle = try #require(FileHandle(forWritingAtPath: sample.data.journalFile))
    handle.seekToEndOfFile()
    handle.write(
      Data(#"{"seq":100000,"at":"2026-11-29T07:00:00Z","by":"op","type":"note","text":"mine"}"#.utf8 + [0x0A])
    )
    try handle.close()
    let before = try String(contentsOfFile: sample.data.journalFile, encoding: .utf8)
    guard
      case .failure(.directory(.alreadyExists)) = SampleSituation.create(
        at: sample.data, scenario: .treaty, now: SampleDirectory.created)
    else {
      Issue.record("overwrote an existing directory")
      return
    }
    #expect(try String(contentsOfFile: sample.data.journalFile, encoding: .utf8) == before)
  }
}

@Suite("Times relative to the day of creation")
struct RelativeTimeTests {
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6, minute: 30)

  @Test(
    "the notation reads as documented",
    arguments: [
      ("@now", "2026-11-29T06:30:00Z"), ("@now-2d", "2026-11-27T06:30:00Z"),
      ("@now-2d+9h", "2026-11-27T15:30:00Z"), ("@now-3d2h", "2026-11-26T04:30:00Z"),
      ("@now-20h+25m", "2026-11-28T10:55:00Z"), ("@today", "2026-11-29T00:00:00Z"),
      ("@today+4d12h", "2026-12-03T12:00:00Z"), ("@today-1d+4h", "2026-11-28T04:00:00Z"),
    ])
  func reads(_ text: String, _ expected: String) throws {
    let time = try RelativeTime.parse(text).get()
    #expect(RFC3339.format(time.resolve(now: Self.now)) == expected)
  }

  @Test(
    "malformed times are refused with a reason",
    arguments: ["@yesterday", "@now-", "@now-3", "@now-3w", "@now 3d", "now-3d"])
  func refuses(_ text: String) {
    guard case .failure(let error) = RelativeTime.parse(text) else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(!error.reason.isEmpty)
  }
}

@Suite("Sample templates")
struct SampleTemplateTests {
  @Test("a broken template line is reported with its file, line and field")
  func brokenLine() {
    let now = SampleDirectory.created
    let good = #"{"at":"@now-1h","type":"note","text":"fine","illustrative":true}"#
    let cases: [(String, String)] = [
      (
        "# a comment\n\(good)\n" + #"{"at":"@now-1h","type":"segment.level","segment":"A-01","level":9}"#,
        "Sample/journal-x.jsonl:3: level: 9 is outside 1–5"
      ),
      (
        "\(good)\n" + #"{"at":"@now-1w","type":"note","text":"x"}"#,
        "Sample/journal-x.jsonl:2: '@now-1w': each amount needs a unit d, h, m or s"
      ),
    ]
    for (text, expected) in cases {
      guard
        case .failure(let error) = SampleSituation.journal(templates: [("journal-x.jsonl", text)], now: now)
      else {
        Issue.record("accepted a broken template: \(text)")
        continue
      }
      #expect(error.description.hasPrefix(expected), "\(error)")
    }
    let events = try? SampleSituation.journal(templates: [("a.jsonl", good), ("b.jsonl", good)], now: now)
      .get()
    #expect(events?.map(\.seq) == [1, 2])
    #expect(events?.first?.at == now.adding(seconds: -3_600))
    #expect(events?.first?.by == "sample")
  }
}
