import BorderModel

/// A small reference situation for model tests: three segments, a checkpoint, a meeting.
enum Fixtures {
  static let t0 = Timestamp(year: 2024, month: 1, day: 10, hour: 4)

  static func segment(_ id: String, _ sector: Sector, km: Double, status: DemarcationStatus) -> Segment {
    Segment(
      id: SegmentID(id), name: PlaceName("Segment \(id)", cyrillic: "Участок \(id)"), sector: sector,
      kyrgyzDistrict: District(PlaceName("Batken", cyrillic: "Баткенский")),
      tajikDistrict: District(PlaceName("Isfara", cyrillic: "Исфара")), lengthKm: km,
      settlements: [Settlement(PlaceName("Kok-Tash", cyrillic: "Кёк-Таш"), side: .kyrgyzstan)],
      status: status, provenance: .illustrative(note: "test"))
  }

  static var reference: ReferenceData {
    ReferenceData(
      title: "Test border", isIllustrativeSample: true,
      segments: [
        segment("A-01", .isfaraVorukh, km: 10, status: .disputed),
        segment("B-01", .batken, km: 20, status: .underNegotiation),
        segment("E-01", .chonAlai, km: 70, status: .described),
      ],
      checkpoints: [
        Checkpoint(
          id: "kyzyl-bel", name: PlaceName("Kyzyl-Bel", cyrillic: "Кызыл-Бель"),
          district: PlaceName("Batken"), status: .open, provenance: .illustrative(note: nil))
      ],
      meetings: [
        Meeting(
          id: "M-1", kind: .topographicGroup, venue: PlaceName("Batken"), host: .kyrgyzstan,
          start: t0.adding(seconds: 86_400 * 5), end: t0.adding(seconds: 86_400 * 9),
          agenda: ["A-01"], provenance: .illustrative(note: nil))
      ])
  }

  static func event(_ seq: UInt64, minutes: Int64, _ payload: EventPayload, by: String = "op") -> JournalEvent
  {
    JournalEvent(seq: seq, at: t0.adding(seconds: minutes * 60), by: by, payload: payload)
  }

  static func raise(_ id: String, on segment: String = "A-01", level: AlertLevel = .tense) -> EventPayload {
    .alertRaised(
      AlertReport(
        id: AlertID(id), segment: SegmentID(segment), level: level, type: .shelling, text: "report \(id)"))
  }

  /// One event of every known type, with awkward text, in an order that applies cleanly.
  static var everyType: [JournalEvent] {
    let report = AlertReport(
      id: "AL-1", segment: "A-01", level: .armedIncident, type: .armedClash,
      text: "Mortar fire near \"Golovnoy\"\\ water point\nline two\t— Головной ✓ \u{1B}[31m",
      reportingSide: .kyrgyzstan, occurredAt: t0.adding(seconds: -3600),
      claims: [
        .kyrgyzstan: CasualtyClaim(
          killed: ClaimedFigure(36), injured: ClaimedFigure(154, 189),
          evacuated: ClaimedFigure(10_000, 40_000)),
        .tajikistan: CasualtyClaim(killed: ClaimedFigure(19), injured: ClaimedFigure(87)),
      ],
      confidence: .confirmed)
    let meeting = Meeting(
      id: "M-2", kind: .legalGroup, venue: PlaceName("Buston", cyrillic: "Бустон"), host: .tajikistan,
      start: t0.adding(seconds: 86_400), end: t0.adding(seconds: 86_400 * 3), agenda: ["A-01", "B-01"],
      note: "round 7", provenance: .factual(source: "working-group protocol"))
    let payloads: [(EventPayload, Provenance)] = [
      (.alertRaised(report), .factual(source: "RFE/RL")),
      (.alertLevelChanged(alert: "AL-1", level: .escalation, reason: "spreading"), .reported),
      (.alertAcknowledged(alert: "AL-1", note: "seen, calling Batken"), .reported),
      (.alertResolved(alert: "AL-1", note: nil), .reported),
      (
        .segmentStatusChanged(segment: "B-01", status: .described, note: "protocol 44"),
        .factual(source: "protocol")
      ),
      (
        .segmentLevelSet(segment: "A-01", level: .tense, reason: "after shelling"),
        .illustrative(note: "drill")
      ),
      (.meetingScheduled(meeting), .factual(source: "working-group protocol")),
      (
        .meetingRescheduled(
          meeting: "M-2", start: t0.adding(seconds: 86_400 * 2), end: t0.adding(seconds: 86_400 * 4),
          reason: "weather"), .reported
      ),
      (.meetingPostponed(meeting: "M-2", reason: "delegation delayed"), .reported),
      (.meetingStarted(meeting: "M-2"), .reported),
      (
        .meetingHeld(
          meeting: "M-2",
          outcome: MeetingOutcome(protocolNumber: "44", kmAgreed: 43.32, summary: "described 43.32 km")),
        .factual(source: "24.kg")
      ),
      (.meetingCancelled(meeting: "M-1", reason: "superseded"), .illustrative(note: nil)),
      (
        .checkpointStatusChanged(checkpoint: "kyzyl-bel", status: .closed, note: "closed after clashes"),
        .factual(source: "AKIpress")
      ),
      (.noteAdded(target: "A-01", text: "patrol saw nothing"), .reported),
      (.noteAdded(target: nil, text: "shift handover"), .reported),
      (.feedHeartbeat(feed: "cap-bridge", note: "polled 24.kg, nothing new"), .reported),
      (.feedHeartbeat(feed: "acled-weekly", note: nil), .reported),
      (
        .journalRotated(
          CarriedSituation(
            previous: PreviousJournal(
              archive: "journal-20240110T040000Z.jsonl.gz", device: 0xFE01, inode: 1 << 60, bytes: 68_013,
              lines: 196, events: 190, lastSeq: 196, checksum: 0x3184_4FAA_5203_9BE1,
              tail: 0xFFFF_FFFF_FFFF_FFFF),
            situation: Situation(reference: reference))), .reported
      ),
    ]
    return payloads.enumerated().map { index, entry in
      var event = JournalEvent(
        seq: UInt64(index + 1), at: t0.adding(seconds: Int64(index) * 60), by: "kg-duty@10.0.0.5",
        provenance: entry.1, payload: entry.0)
      // Operators' actions say which tool wrote them; feeds' events say nothing.
      if case .alertAcknowledged = entry.0 { event.via = .console }
      if case .noteAdded = entry.0 { event.via = .command }
      return event
    }
  }
}
