import BorderModel

/// The sample journal: the real history to May 2024, then illustrative events around `now`.
enum SampleHistory {
  /// The journal of a sample directory created at `now`: sorted by `at`, numbered 1…n.
  static func events(now: Timestamp) -> [JournalEvent] {
    var journal = SampleJournal()
    addTalks(to: &journal)
    addEarlyDescriptions(to: &journal)
    addIncidents(to: &journal)
    addRounds(to: &journal)
    addRecent(to: &journal, now: now)
    return journal.events()
  }
}

/// Events gathered in any order, then sorted by time; ties keep the order they were added in.
private struct SampleJournal {
  private var drafts: [JournalEvent] = []

  /// Adds one event, recorded by `by`.
  mutating func add(
    _ at: Timestamp, by: String = "sample", _ provenance: Provenance, _ payload: EventPayload
  ) {
    drafts.append(JournalEvent(at: at, by: by, provenance: provenance, payload: payload))
  }

  /// The events sorted by time and numbered from 1.
  func events() -> [JournalEvent] {
    let order = drafts.indices.sorted { a, b in
      drafts[a].at != drafts[b].at ? drafts[a].at < drafts[b].at : a < b
    }
    return order.enumerated().map { position, index in
      var event = drafts[index]
      event.seq = UInt64(position + 1)
      return event
    }
  }
}

extension SampleHistory {
  private static let minute: Int64 = 60
  private static let hour: Int64 = 3_600
  private static let day: Int64 = 86_400

  /// A UTC time on a calendar day (noon unless given).
  private static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 12, _ mi: Int = 0) -> Timestamp {
    Timestamp(year: y, month: mo, day: d, hour: h, minute: mi)
  }

  /// Provenance for a fact with its source.
  private static func source(_ text: String) -> Provenance { .factual(source: text) }

  /// Provenance for something the sample invents, saying what.
  private static func illustrative(_ note: String) -> Provenance { .illustrative(note: note) }

  /// Marks for acknowledgements and resolutions the sample replays on historical alerts.
  private static let replay = illustrative(
    "operator step replayed by the sample; its time is illustrative")

  private static let domainNotes = "public reporting, as compiled in the project's domain notes"

  // MARK: - The commission, the early agreed line, the headline figures

  /// The commission's creation and the notes that frame the record.
  private static func addTalks(to journal: inout SampleJournal) {
    journal.add(
      utc(2002, 12, 2, 6),
      source("Asia-Plus, 25 May 2021 (talks began in 2002); month per \(domainNotes)"),
      .noteAdded(
        target: nil,
        text:
          "December 2002: the Kyrgyz and Tajik governments set up an intergovernmental commission"
          + " (government delegations) on the delimitation and demarcation of the state border."
          + " Topographic and legal working groups work beneath it."))
    journal.add(
      utc(2002, 12, 2, 6, 1), illustrative("about this sample"),
      .noteAdded(
        target: nil,
        text:
          "In the historical part of this journal the dates come from the sources; times of day,"
          + " per-segment lengths and which segments each agreement covered are illustrative."))
    journal.add(
      utc(2021, 5, 25, 6), source("Asia-Plus, 25 May 2021"),
      .noteAdded(
        target: nil,
        text:
          "Asia-Plus reports that only 504 of 976 km had been properly delineated. Other"
          + " sources give 519.9 km described before 2011; this sample follows the 519.9 km"
          + " figure."))
    journal.add(
      utc(2022, 4, 30, 6),
      source(
        "IA-Center via inozpress.kg, Jul 2022 (Japarov on Facebook; Rahmon in Isfara, Apr 2022)"),
      .noteAdded(
        target: nil,
        text:
          "April 2022: President Japarov puts the agreed line at 664 of 972 km; President Rahmon at"
          + " 663.7 of 987 km (68.4%). Exact day not recorded here."))
    journal.add(
      utc(2023, 10, 31, 6), source(domainNotes),
      .noteAdded(
        target: nil,
        text:
          "October 2023: Protocol No. 44 signed; about 290 km of line remained to be described."
          + " Sources differ on the total length, so this sample's own remainder (267.68 of 975 km"
          + " after the Batken round of 3–7 October) does not match exactly. The exact day"
          + " is not recorded here."))
  }

  /// Segments described before 2011, spread over 2003–2010; the dates are illustrative.
  private static let describedBefore2011: [(String, Timestamp)] = [
    ("D-05", utc(2003, 6, 18)), ("D-06", utc(2003, 11, 12)), ("F-01", utc(2004, 5, 20)),
    ("F-02", utc(2004, 10, 7)), ("D-07", utc(2005, 4, 14)), ("D-08", utc(2005, 9, 22)),
    ("E-07", utc(2006, 3, 16)), ("E-08", utc(2006, 10, 26)), ("F-03", utc(2007, 4, 19)),
    ("F-04", utc(2007, 9, 13)), ("D-01", utc(2008, 5, 22)), ("D-02", utc(2008, 10, 16)),
    ("F-05", utc(2009, 4, 9)), ("F-06", utc(2009, 7, 2)), ("D-03", utc(2009, 10, 22)),
    ("D-04", utc(2010, 3, 18)), ("D-09", utc(2010, 6, 10)), ("E-01", utc(2010, 9, 23)),
    ("A-01", utc(2010, 11, 25)),
  ]

  /// Segments described in 2021–2022, before President Japarov's figure of 664 km.
  private static let described2021: [(String, Timestamp, String?)] = [
    (
      "B-05", utc(2021, 7, 10),
      "border points No. 43 to No. 61 (24.kg, 2021); placement on this segment illustrative"
    ),
    (
      "E-05", utc(2021, 7, 10),
      "border points No. 135 to No. 141 (24.kg, 2021); placement on this segment illustrative"
    ),
    ("C-09", utc(2021, 10, 20), nil),
    ("E-03", utc(2021, 12, 15), nil),
    ("E-06", utc(2022, 3, 24), nil),
  ]

  /// Hotspots that move from disputed to under negotiation (illustrative dates and reasons).
  private static let openedTalks: [(String, Timestamp, String)] = [
    (
      "A-08", utc(2014, 3, 3),
      "joint commission working on the Vorukh road area after the January 2014 clash"
    ),
    (
      "C-03", utc(2019, 10, 15), "border representatives take up the Maksat / Ovchi-Kalacha stretch"
    ),
    (
      "A-02", utc(2021, 6, 15),
      "working groups take up the Golovnoy water point after the 2021 clashes"
    ),
    ("A-06", utc(2022, 3, 12), "working groups take up the Tort-Kocho crossroads"),
    ("B-02", utc(2023, 4, 10), "topographic groups survey Bulak-Bashy"),
    ("E-04", utc(2023, 11, 20), "topographic groups survey the Karamyk section"),
    ("C-01", utc(2024, 3, 29), "Kairagach enclave on the agenda of the Batken round"),
  ]

  /// The described line before 2011 and in 2021–2022, and the hotspots where talks begin.
  private static func addEarlyDescriptions(to journal: inout SampleJournal) {
    for (segment, at) in describedBefore2011 {
      journal.add(
        at,
        illustrative(
          "per-segment date illustrative; 519.9 km described before 2011 (domain notes; same"
            + " figure in Asia-Plus, 20 Jul 2018)"
        ),
        .segmentStatusChanged(
          segment: SegmentID(segment), status: .described,
          note: "line described by the government delegations"))
    }
    for (segment, at, points) in described2021 {
      journal.add(
        at,
        illustrative("per-segment date illustrative; 664 km agreed by 2022 per President Japarov"),
        .segmentStatusChanged(
          segment: SegmentID(segment), status: .described,
          note: points.map { "line described: \($0)" } ?? "line described by the working groups"))
    }
    for (segment, at, reason) in openedTalks {
      journal.add(
        at, illustrative("date and reason illustrative"),
        .segmentStatusChanged(segment: SegmentID(segment), status: .underNegotiation, note: reason))
    }
  }

  // MARK: - Incidents

  /// Sets a segment's level.
  private static func level(
    _ journal: inout SampleJournal, _ at: Timestamp, _ segment: String, _ level: AlertLevel,
    _ reason: String, _ provenance: Provenance
  ) {
    journal.add(
      at, provenance, .segmentLevelSet(segment: SegmentID(segment), level: level, reason: reason))
  }

  /// The armed incidents of 2014–2022, each with its alert, levels, acknowledgement and end.
  private static func addIncidents(to journal: inout SampleJournal) {
    let lowered = illustrative("date of de-escalation illustrative")

    // 11 January 2014: Ak-Sai / Kok-Tash.
    let rferl = source("RFE/RL, Jan 2014")
    let aksai = AlertID("AL-2014-01-AKSAI")
    journal.add(
      utc(2014, 1, 11, 8), rferl,
      .alertRaised(
        AlertReport(
          id: aksai, segment: "A-04", level: .armedIncident, type: .armedClash,
          text:
            "Exchange of fire between border guards near Ak-Sai / Kok-Tash over the road"
            + " being built around Vorukh; mortars fired near a Kyrgyz water intake."
            + " 6 Kyrgyz and 2 Tajik wounded, no deaths.",
          occurredAt: utc(2014, 1, 11, 6),
          claims: [
            .kyrgyzstan: CasualtyClaim(killed: ClaimedFigure(0), injured: ClaimedFigure(6)),
            .tajikistan: CasualtyClaim(killed: ClaimedFigure(0), injured: ClaimedFigure(2)),
          ],
          confidence: .confirmed)))
    level(
      &journal, utc(2014, 1, 11, 8), "A-04", .armedIncident,
      "exchange of fire near Ak-Sai / Kok-Tash", rferl)
    journal.add(utc(2014, 1, 11, 8, 30), replay, .alertAcknowledged(alert: aksai, note: nil))
    journal.add(
      utc(2014, 1, 25), illustrative("resolution date illustrative"),
      .alertResolved(
        alert: aksai,
        note: "road construction suspended; a joint commission works on the disputed area (RFE/RL)")
    )
    level(
      &journal, utc(2014, 1, 25), "A-04", .tense, "crossings closed; road construction suspended",
      lowered)
    level(
      &journal, utc(2014, 4, 1), "A-04", .relativelyStable,
      "crossings reopening since 31 March 2014", lowered)

    // 16 September 2019: Ovchi-Kalacha / Maksat.
    let asiaPlus = source("Asia-Plus, Sep 2019")
    let maksat = AlertID("AL-2019-09-MAKSAT")
    journal.add(
      utc(2019, 9, 16, 9), asiaPlus,
      .alertRaised(
        AlertReport(
          id: maksat, segment: "C-03", level: .armedIncident, type: .armedClash,
          text:
            "Armed clash near Ovchi-Kalacha / Maksat (Leilek district) after a dispute"
            + " over construction on the line. 3 Tajik and 1 Kyrgyz killed.",
          occurredAt: utc(2019, 9, 16, 7),
          claims: [
            .kyrgyzstan: CasualtyClaim(killed: ClaimedFigure(1)),
            .tajikistan: CasualtyClaim(killed: ClaimedFigure(3)),
          ],
          confidence: .confirmed)))
    level(
      &journal, utc(2019, 9, 16, 9), "C-03", .armedIncident,
      "armed clash at Maksat / Ovchi-Kalacha", asiaPlus)
    journal.add(utc(2019, 9, 16, 9, 30), replay, .alertAcknowledged(alert: maksat, note: nil))
    journal.add(
      utc(2019, 9, 18), illustrative("resolution date illustrative"),
      .alertResolved(
        alert: maksat, note: "calm after talks between border representatives in Batken"))
    level(
      &journal, utc(2019, 10, 1), "C-03", .relativelyStable, "calm since the September talks",
      lowered)

    // 28 April – 1 May 2021: Golovnoy.
    let golovnoySource = source(
      "24.kg, 28 Apr–5 May 2021 (course of events); per-side totals: \(domainNotes)")
    let golovnoy = AlertID("AL-2021-04-GOLOVNOY")
    journal.add(
      utc(2021, 4, 28, 10), golovnoySource,
      .alertRaised(
        AlertReport(
          id: golovnoy, segment: "A-02", level: .armedIncident, type: .armedClash,
          text:
            "Clash at the Golovnoy water distribution point (Kok-Tash, Batken district)"
            + " over surveillance cameras; fire between the two sides' forces from 29 April;"
            + " ceasefire and withdrawal agreed 1 May. 10,000–40,000 people evacuated"
            + " (reported range). Figures are each side's final totals.",
          occurredAt: utc(2021, 4, 28, 8),
          claims: [
            .kyrgyzstan: CasualtyClaim(killed: ClaimedFigure(36), injured: ClaimedFigure(154, 189)),
            .tajikistan: CasualtyClaim(killed: ClaimedFigure(19), injured: ClaimedFigure(87)),
          ],
          confidence: .confirmed)))
    level(
      &journal, utc(2021, 4, 28, 10), "A-02", .armedIncident, "clash at the Golovnoy water point",
      golovnoySource)
    journal.add(utc(2021, 4, 28, 10, 30), replay, .alertAcknowledged(alert: golovnoy, note: nil))
    journal.add(
      utc(2021, 4, 29, 8), golovnoySource,
      .alertLevelChanged(
        alert: golovnoy, level: .escalation,
        reason: "gunfire and heavy weapons; fighting spreads along the Batken–Isfara line"))
    level(
      &journal, utc(2021, 4, 29, 8), "A-02", .escalation,
      "escalation: fighting around the Golovnoy water point", golovnoySource)
    journal.add(
      utc(2021, 5, 1, 15), source("24.kg, 5 May 2021"),
      .alertResolved(
        alert: golovnoy,
        note: "ceasefire and withdrawal of troops agreed on the evening of 1 May 2021"))
    level(
      &journal, utc(2021, 5, 2), "A-02", .armedIncident, "ceasefire holding; troops withdrawing",
      lowered)
    level(
      &journal, utc(2021, 6, 15), "A-02", .tense, "water point guarded; crossings closed", lowered)
    let closure = source(
      "Kyrgyz Cabinet regulation of 21 May 2021 (Asia-Plus citing AKIPress, 25 May 2021)")
    for checkpoint in ["kyzyl-bel", "kairagach", "kulundu", "karamyk", "bor-dobo"] {
      journal.add(
        utc(2021, 5, 21, 6), closure,
        .checkpointStatusChanged(
          checkpoint: CheckpointID(checkpoint), status: .closed,
          note: "closed to Tajik nationals, goods and vehicles after the April–May 2021 clashes"))
    }

    // 27–28 January 2022: Tort-Kocho / Khojai Alo.
    let tortKochoSource = source(
      "24.kg and Khovar, 27 Jan 2022 (course of events); figures: \(domainNotes)")
    let tortKocho = AlertID("AL-2022-01-TORTKOCHO")
    journal.add(
      utc(2022, 1, 27, 13), tortKochoSource,
      .alertRaised(
        AlertReport(
          id: tortKocho, segment: "A-06", level: .armedIncident, type: .armedClash,
          text:
            "Shooting at the Tort-Kocho crossroads / Khojai Alo after the road was blocked; mortars"
            + " reported. 17–24 injured in all (reports vary); 1,470 Kyrgyz residents evacuated.",
          occurredAt: utc(2022, 1, 27, 12, 15),
          claims: [
            .kyrgyzstan: CasualtyClaim(evacuated: ClaimedFigure(1_470)),
            .tajikistan: CasualtyClaim(killed: ClaimedFigure(2)),
          ],
          confidence: .confirmed)))
    level(
      &journal, utc(2022, 1, 27, 13), "A-06", .armedIncident,
      "shooting at the Tort-Kocho crossroads", tortKochoSource)
    level(
      &journal, utc(2022, 1, 27, 13), "A-07", .armedIncident, "shooting near Khojai Alo",
      tortKochoSource)
    journal.add(utc(2022, 1, 27, 13, 30), replay, .alertAcknowledged(alert: tortKocho, note: nil))
    journal.add(
      utc(2022, 1, 28, 10), illustrative("resolution time illustrative"),
      .alertResolved(alert: tortKocho, note: "firing stopped; the road reopened after talks"))
    level(&journal, utc(2022, 2, 10), "A-06", .tense, "calm but guarded", lowered)
    level(&journal, utc(2022, 2, 10), "A-07", .tense, "calm but guarded", lowered)
    level(
      &journal, utc(2022, 6, 1), "A-06", .relativelyStable, "no incidents since February", lowered)
    level(
      &journal, utc(2022, 6, 1), "A-07", .relativelyStable, "no incidents since February", lowered)

    // 14–16 September 2022: from Bulak-Bashy to Chon-Alai.
    let septemberSource = source(
      "TASS and 24.kg, 14–16 Sep 2022 (course of events); per-side totals: \(domainNotes)")
    let tass = source("TASS, 16 Sep 2022")
    let september = AlertID("AL-2022-09-BULAKBASHY")
    journal.add(
      utc(2022, 9, 14, 4), septemberSource,
      .alertRaised(
        AlertReport(
          id: september, segment: "B-02", level: .armedIncident, type: .armedClash,
          text:
            "Border troops exchange fire at Bulak-Bashy (Batken district) on 14 September; from 16"
            + " September fighting with heavy weapons along the line from Batken to Chon-Alai."
            + " Kyrgyzstan about 63 dead and 136,000–140,000 evacuated; more than 20,000 evacuated"
            + " in Tajikistan. Figures are each side's final totals.",
          occurredAt: utc(2022, 9, 14, 3),
          claims: [
            .kyrgyzstan: CasualtyClaim(
              killed: ClaimedFigure(63), injured: ClaimedFigure(198),
              evacuated: ClaimedFigure(136_000, 140_000)),
            .tajikistan: CasualtyClaim(
              killed: ClaimedFigure(41), injured: ClaimedFigure(30),
              evacuated: ClaimedFigure(20_000)),
          ],
          confidence: .confirmed)))
    level(
      &journal, utc(2022, 9, 14, 4), "B-02", .armedIncident, "exchange of fire at Bulak-Bashy",
      septemberSource)
    journal.add(utc(2022, 9, 14, 4, 30), replay, .alertAcknowledged(alert: september, note: nil))
    journal.add(
      utc(2022, 9, 16, 0, 30), septemberSource,
      .alertLevelChanged(
        alert: september, level: .escalation,
        reason: "shelling and fighting with heavy weapons along the line from Batken to Chon-Alai"))
    level(
      &journal, utc(2022, 9, 16, 0, 30), "B-02", .escalation, "escalation: heavy weapons",
      septemberSource)
    level(
      &journal, utc(2022, 9, 16, 0, 30), "B-01", .escalation,
      "escalation: fighting in Dostuk (Batken district)", tass)
    level(
      &journal, utc(2022, 9, 16, 0, 30), "C-02", .armedIncident, "shelling reported at Kulundu",
      tass)
    level(
      &journal, utc(2022, 9, 16, 0, 30), "C-03", .armedIncident, "shelling reported at Maksat", tass
    )
    level(
      &journal, utc(2022, 9, 16, 0, 30), "E-01", .armedIncident,
      "fighting reported to reach Chon-Alai",
      illustrative(
        "fighting reached Chon-Alai (\(domainNotes)); placement on this segment illustrative"))
    journal.add(
      utc(2022, 9, 19, 12), source(domainNotes),
      .noteAdded(
        target: september.rawValue,
        text: "19 September 2022: peace protocol signed between the two sides."))
    level(
      &journal, utc(2022, 9, 20), "B-02", .armedIncident,
      "ceasefire holding; forces still deployed", lowered)
    level(
      &journal, utc(2022, 9, 20), "B-01", .armedIncident,
      "ceasefire holding; forces still deployed", lowered)

    let kyzylBelMeeting = MeetingID("M-2022-09-KYZYLBEL")
    let kyzylBelSource = source(
      "Kazinform citing Kabar, 26 Sep 2022; 24.kg (Protocol No. 42 of 25 Sep 2022)")
    journal.add(
      utc(2022, 9, 20, 6), kyzylBelSource,
      .meetingScheduled(
        Meeting(
          id: kyzylBelMeeting, kind: .borderServices,
          venue: PlaceName("Kyzyl-Bel checkpoint", cyrillic: "Кызыл-Бель"),
          start: utc(2022, 9, 25, 4),
          end: utc(2022, 9, 25, 12), agenda: ["B-01", "B-02", "C-02", "C-03"],
          note:
            "Heads of the two State Committees for National Security, which command the border"
            + " services. The journal's scheduling date is illustrative.",
          provenance: kyzylBelSource)))
    journal.add(
      utc(2022, 9, 25, 12), kyzylBelSource,
      .meetingHeld(
        meeting: kyzylBelMeeting,
        outcome: MeetingOutcome(
          protocolNumber: "42",
          summary:
            "Protocol on settling the situation: hostilities stop, forces and heavy equipment"
            + " withdraw, a joint commission monitors"
        )))
    journal.add(
      utc(2022, 9, 25, 12), kyzylBelSource,
      .noteAdded(
        target: kyzylBelMeeting.rawValue,
        text:
          "25 September 2022: second peace protocol (No. 42) signed at the Kyzyl-Bel checkpoint."))
    journal.add(
      utc(2022, 9, 25, 13), kyzylBelSource,
      .alertResolved(
        alert: september, note: "peace protocol No. 42 signed at Kyzyl-Bel on 25 September 2022"))
    for segment in ["B-01", "B-02", "C-03"] {
      level(
        &journal, utc(2022, 10, 15), segment, .tense,
        "protocol being implemented; posts reinforced", lowered)
    }
    level(
      &journal, utc(2022, 10, 15), "C-02", .relativelyStable, "calm since the protocol", lowered)
    level(
      &journal, utc(2022, 10, 15), "E-01", .relativelyStable, "calm since the protocol", lowered)
    for segment in ["A-02", "B-01", "B-02", "C-03"] {
      level(
        &journal, utc(2023, 6, 1), segment, .relativelyStable, "no incidents for months", lowered)
    }
    level(&journal, utc(2023, 6, 1), "E-01", .stable, "no incidents for months", lowered)
  }

  // MARK: - The 2023–24 working-group rounds

  /// One working-group round and the segments this sample says it described.
  private struct Round {
    var id: String
    var venue: String
    var cyrillic: String
    var host: Side
    var start: Timestamp
    var end: Timestamp
    /// The dates as written in the protocol's source, e.g. `3–7 Oct 2023`.
    var dates: String
    var km: Double?
    var segments: [SegmentID]
    var outlet: String
  }

  /// The rounds from October 2023 to May 2024, with their real dates and km.
  private static let rounds: [Round] = [
    Round(
      id: "M-2023-10-BATKEN", venue: "Batken", cyrillic: "Баткен", host: .kyrgyzstan,
      start: utc(2023, 10, 3, 4), end: utc(2023, 10, 7, 12), dates: "3–7 Oct 2023", km: 43.32,
      segments: ["A-03", "B-04", "B-06"], outlet: "Kyrgyz Cabinet press service via KGinform"),
    Round(
      id: "M-2023-12-BUSTON", venue: "Buston", cyrillic: "Бустон", host: .tajikistan,
      start: utc(2023, 12, 17, 4), end: utc(2023, 12, 23, 12), dates: "17–23 Dec 2023", km: 11.88,
      segments: ["C-05"], outlet: "Kyrgyz Cabinet press service via 24.kg"),
    Round(
      id: "M-2024-01-BATKEN", venue: "Batken", cyrillic: "Баткен", host: .kyrgyzstan,
      start: utc(2024, 1, 10, 4), end: utc(2024, 1, 16, 12), dates: "10–16 Jan 2024", km: 38.35,
      segments: ["B-07", "B-08", "B-09"], outlet: "Kyrgyz Cabinet press service via Kabar"),
    Round(
      id: "M-2024-02-BATKEN", venue: "Batken", cyrillic: "Баткен", host: .kyrgyzstan,
      start: utc(2024, 1, 30, 4), end: utc(2024, 2, 5, 12), dates: "30 Jan–5 Feb 2024", km: 3.71,
      segments: ["C-04"], outlet: "Kyrgyz Cabinet via Trend"),
    Round(
      id: "M-2024-02-BUSTON", venue: "Buston", cyrillic: "Бустон", host: .tajikistan,
      start: utc(2024, 2, 11, 4), end: utc(2024, 2, 18, 12), dates: "11–18 Feb 2024", km: 1.11,
      segments: ["B-03"], outlet: domainNotes),
    Round(
      id: "M-2024-03-BUSTON", venue: "Buston", cyrillic: "Бустон", host: .tajikistan,
      start: utc(2024, 3, 12, 4), end: utc(2024, 3, 17, 12), dates: "12–17 Mar 2024", km: 10.76,
      segments: ["C-06"], outlet: domainNotes),
    Round(
      id: "M-2024-03-BATKEN", venue: "Batken", cyrillic: "Баткен", host: .kyrgyzstan,
      start: utc(2024, 3, 24, 4), end: utc(2024, 3, 29, 12), dates: "24–29 Mar 2024", km: 28.37,
      segments: ["C-07", "C-08"], outlet: "Kyrgyz Cabinet press service via vb.kg"),
    Round(
      id: "M-2024-05-BISHKEK", venue: "Bishkek", cyrillic: "Бишкек", host: .kyrgyzstan,
      start: utc(2024, 5, 19, 4), end: utc(2024, 5, 25, 12), dates: "19–25 May 2024", km: nil,
      segments: [], outlet: "Kyrgyz Cabinet press service via 24.kg"),
  ]

  /// Segments still unagreed after March 2024: the agenda of later rounds.
  private static let unagreed: [SegmentID] = [
    "A-02", "A-04", "A-05", "A-06", "A-07", "A-08", "A-09", "B-01", "B-02", "C-01", "C-02", "C-03",
    "E-02", "E-04",
  ]

  /// Each round scheduled three weeks ahead, started, held, and its segments described.
  private static func addRounds(to journal: inout SampleJournal) {
    for round in rounds {
      let id = MeetingID(round.id)
      let provenance = source(
        "working-group protocol, \(round.venue) \(round.dates) (\(round.outlet))")
      let agenda = round.segments.isEmpty ? unagreed : round.segments
      journal.add(
        round.start.adding(seconds: -21 * day), provenance,
        .meetingScheduled(
          Meeting(
            id: id, kind: .topographicGroup,
            venue: PlaceName(round.venue, cyrillic: round.cyrillic), host: round.host,
            start: round.start, end: round.end, agenda: agenda,
            note:
              "Topographic and legal working groups of the government delegations. The journal's"
              + " scheduling date and which segments the round covered are illustrative.",
            provenance: provenance)))
      journal.add(round.start, provenance, .meetingStarted(meeting: id))
      if let km = round.km {
        for segment in round.segments {
          journal.add(
            round.end, provenance,
            .segmentStatusChanged(
              segment: segment, status: .described,
              note:
                "described in this round: its km is factual, the segment assignment illustrative"))
        }
        journal.add(
          round.end, provenance,
          .meetingHeld(
            meeting: id,
            outcome: MeetingOutcome(
              kmAgreed: km,
              summary:
                "Protocol signed: \(kmText(km)) km of line described; work continues at"
                + " the next round")))
      } else {
        journal.add(
          round.end, provenance,
          .meetingHeld(
            meeting: id,
            outcome: MeetingOutcome(
              summary:
                "Proposals exchanged on the remaining sections; no km reported; next"
                + " round in Tajikistan")))
      }
    }
  }

  /// Kilometres with two decimals, e.g. `43.32`.
  private static func kmText(_ km: Double) -> String {
    let hundredths = Int((km * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  // MARK: - Illustrative events around `now`

  /// A working-group round in session, a postponed one, and the alerts of the last two days.
  private static func addRecent(to journal: inout SampleJournal, now: Timestamp) {
    let note = illustrative("placed relative to the day the data directory was created")
    let seconds = now.epochSeconds
    let today = Timestamp(epochSeconds: seconds - ((seconds % day) + day) % day)
    func ago(_ offset: Int64) -> Timestamp { now.adding(seconds: -offset) }

    journal.add(
      ago(45 * day), note,
      .noteAdded(
        target: nil,
        text:
          "From here on the journal is illustrative: meetings and alerts placed around the day this"
          + " data directory was created. The record above ends in May 2024; the 2025"
          + " treaty is not folded in."))

    // A round that was postponed, then the round now in session.
    let postponed = MeetingID("M-TOPO-POSTPONED")
    let fergana = Array(unagreed.prefix(12))
    journal.add(
      ago(40 * day), by: "kg-delegation-secretariat", note,
      .meetingScheduled(
        Meeting(
          id: postponed, kind: .topographicGroup, venue: PlaceName("Buston", cyrillic: "Бустон"),
          host: .tajikistan, start: today.adding(seconds: -26 * day + 4 * hour),
          end: today.adding(seconds: -21 * day + 12 * hour), agenda: fergana, provenance: note)))
    journal.add(
      ago(28 * day), by: "kg-delegation-secretariat", note,
      .meetingPostponed(
        meeting: postponed, reason: "host side asked for more time to prepare joint field surveys"))

    let current = MeetingID("M-TOPO-CURRENT")
    let start = today.adding(seconds: -day + 4 * hour)
    journal.add(
      ago(21 * day), by: "kg-delegation-secretariat", note,
      .meetingScheduled(
        Meeting(
          id: current, kind: .topographicGroup, venue: PlaceName("Batken", cyrillic: "Баткен"),
          host: .kyrgyzstan, start: start, end: today.adding(seconds: 4 * day + 12 * hour),
          agenda: fergana,
          note:
            "Topographic and legal working groups; takes up the work of the postponed"
            + " Buston round.",
          provenance: note)))
    journal.add(start, by: "kg-delegation-secretariat", note, .meetingStarted(meeting: current))
    journal.add(
      start.adding(seconds: 3 * hour), by: "kg-bishkek-analyst", note,
      .noteAdded(
        target: current.rawValue,
        text:
          "Round opened in Batken; delegations began with the roads around Vorukh"
          + " and the Golovnoy water point."))

    // Two days ago: a blockade at Tort-Kocho, acknowledged and resolved.
    let blockade = AlertID("AL-NOW-TORTKOCHO")
    journal.add(
      ago(2 * day), by: "feed-border-svc", note,
      .alertRaised(
        AlertReport(
          id: blockade, segment: "A-06", level: .tense, type: .blockade,
          text:
            "Residents block the Tort-Kocho crossroads in protest at a fence put up on the"
            + " undescribed stretch; traffic stopped.",
          reportingSide: .kyrgyzstan, confidence: .probable)))
    level(
      &journal, ago(2 * day), "A-06", .tense, "road blocked by a protest at the crossroads", note)
    journal.add(
      ago(2 * day - 20 * minute), by: "kg-batken-duty", note,
      .alertAcknowledged(
        alert: blockade, note: "district police and border representatives on site"))
    journal.add(
      ago(2 * day - 9 * hour), by: "kg-batken-duty", note,
      .alertResolved(
        alert: blockade, note: "fence removed after the two district heads met; road reopened"))
    level(&journal, ago(2 * day - 9 * hour), "A-06", .relativelyStable, "road reopened", note)

    // Twenty hours ago: troop movement near Karamyk, acknowledged.
    let troops = AlertID("AL-NOW-KARAMYK")
    journal.add(
      ago(20 * hour), by: "feed-border-svc", note,
      .alertRaised(
        AlertReport(
          id: troops, segment: "E-04", level: .relativelyStable, type: .troopMovement,
          text:
            "Vehicles and personnel seen moving toward the line near Karamyk; the other side"
            + " calls it a routine rotation.",
          reportingSide: .kyrgyzstan, confidence: .probable)))
    level(
      &journal, ago(20 * hour), "E-04", .relativelyStable, "troop movement reported near Karamyk",
      note)
    journal.add(
      ago(20 * hour - 25 * minute), by: "kg-chonalai-duty", note,
      .alertAcknowledged(
        alert: troops, note: "asked the border representative to confirm the rotation"))

    // Five hours ago: herders detained near Kulundu, not yet acknowledged.
    let detention = AlertID("AL-NOW-KULUNDU")
    journal.add(
      ago(5 * hour), by: "feed-border-svc", note,
      .alertRaised(
        AlertReport(
          id: detention, segment: "C-02", level: .tense, type: .detention,
          text:
            "Two Kyrgyz herders detained by border guards of the other side while grazing on an"
            + " undescribed stretch near Kulundu.",
          reportingSide: .kyrgyzstan, confidence: .probable)))
    level(&journal, ago(5 * hour), "C-02", .tense, "herders detained near Kulundu", note)
    journal.add(
      ago(3 * hour), by: "kg-leilek-duty", note,
      .noteAdded(
        target: detention.rawValue,
        text:
          "Border representatives in contact; the herders are said to be held at a"
          + " post near Ovchi-Kalacha."))

    // Forty minutes ago: damage at the Golovnoy water point, not yet acknowledged.
    let damage = AlertID("AL-NOW-GOLOVNOY")
    journal.add(
      ago(40 * minute), by: "feed-border-svc", note,
      .alertRaised(
        AlertReport(
          id: damage, segment: "A-02", level: .tense, type: .infrastructureDamage,
          text:
            "Gate mechanism at the Golovnoy water distribution point reported damaged; flow to"
            + " the Tortkul reservoir canals reduced. Cause unknown.",
          reportingSide: .kyrgyzstan, confidence: .probable)))
    level(&journal, ago(40 * minute), "A-02", .tense, "damage reported at the water point", note)
    journal.add(
      ago(30 * minute), by: "kg-batken-duty", note,
      .noteAdded(
        target: "A-02",
        text: "Asked the Isfara counterpart to confirm the state of the gates; no reply yet."))

    // Twelve minutes ago: shelling reported near Ak-Sai by one side only.
    let shelling = AlertID("AL-NOW-AKSAI")
    journal.add(
      ago(12 * minute), by: "feed-border-svc", note,
      .alertRaised(
        AlertReport(
          id: shelling, segment: "A-05", level: .armedIncident, type: .shelling,
          text:
            "Kyrgyz side reports mortar fire near Ak-Sai; not confirmed by the Tajik side; no"
            + " casualties reported so far.",
          reportingSide: .kyrgyzstan, confidence: .unverified)))
    level(
      &journal, ago(12 * minute), "A-05", .armedIncident,
      "shelling reported near Ak-Sai (unverified)", note)
  }
}
