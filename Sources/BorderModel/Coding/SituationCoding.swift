/// Writes and reads every part of a situation for snapshots; the one place that knows the layout.
package enum SituationCoding {
  /// Bumped whenever the layout below changes: an older snapshot is then ignored and rebuilt.
  package static let formatVersion: UInt8 = 5

  // MARK: Writing

  package static func write(_ s: Situation, into w: inout BinaryWriter) {
    w.string(s.title)
    w.bool(s.isIllustrativeSample)
    w.optional(s.description) { $0.string($1) }
    w.array(s.segments, segment)
    w.array(s.meetings, meeting)
    w.array(s.alerts, alert)
    w.array(s.checkpoints, checkpoint)
    w.array(s.notes, note)
    w.unsigned(s.lastSeq)
    w.optional(s.lastEventAt, time)
    w.int(s.appliedEventCount)
    w.array(s.unknownEventTypes.sorted { $0.key < $1.key }) {
      $0.string($1.key)
      $0.int($1.value)
    }
    w.optional(s.scenario) { $0.string($1) }
    w.optional(s.lastFeedEventAt, time)
  }

  package static func time(_ w: inout BinaryWriter, _ t: Timestamp) { w.int64(t.epochMilliseconds) }

  package static func place(_ w: inout BinaryWriter, _ p: PlaceName) {
    w.string(p.latin)
    w.optional(p.cyrillic) { $0.string($1) }
  }

  package static func provenance(_ w: inout BinaryWriter, _ p: Provenance) {
    w.optional(p.source) { w, source in
      w.string(source.outlet)
      w.optional(source.title) { $0.string($1) }
      w.optional(source.url) { $0.string($1) }
      w.optional(source.date) { $0.string($1) }
    }
    w.bool(p.isIllustrative)
    w.optional(p.note) { $0.string($1) }
    w.array(p.approximate) { $0.string($1) }
  }

  package static func stamp(_ w: inout BinaryWriter, _ s: EventStamp) {
    w.unsigned(s.seq)
    time(&w, s.at)
  }

  package static func district(_ w: inout BinaryWriter, _ d: District) {
    place(&w, d.name)
    w.optional(d.region, place)
  }

  package static func coordinate(_ w: inout BinaryWriter, _ c: Coordinate) {
    w.double(c.latitude)
    w.double(c.longitude)
  }

  package static func segment(_ w: inout BinaryWriter, _ s: Segment) {
    w.string(s.id.rawValue)
    w.optional(s.borderPoints) { $0.string($1) }
    place(&w, s.name)
    w.term(s.sector)
    district(&w, s.kyrgyzDistrict)
    district(&w, s.tajikDistrict)
    w.double(s.lengthKm)
    w.optional(s.westEnd, coordinate)
    w.optional(s.eastEnd, coordinate)
    w.array(s.settlements) {
      place(&$0, $1.name)
      $0.term($1.side)
    }
    w.array(s.features) { $0.term($1) }
    w.term(s.status)
    w.array(s.statusHistory) {
      $0.term($1.status)
      time(&$0, $1.at)
      $0.optional($1.note) { $0.string($1) }
      provenance(&$0, $1.provenance)
    }
    w.byte(UInt8(s.alertLevel.rawValue))
    w.string(s.alertReason)
    w.optional(s.alertLevelSince, time)
    provenance(&w, s.provenance)
    w.optional(s.lastEvent, stamp)
  }

  package static func meeting(_ w: inout BinaryWriter, _ m: Meeting) {
    w.string(m.id.rawValue)
    w.term(m.kind)
    w.optional(m.venue, place)
    w.optional(m.host) { $0.term($1) }
    time(&w, m.start)
    time(&w, m.end)
    w.array(m.agenda) { $0.string($1.rawValue) }
    w.term(m.status)
    w.optional(m.outcome) {
      $0.optional($1.protocolNumber) { $0.string($1) }
      $0.optional($1.kmAgreed) { $0.double($1) }
      $0.optional($1.summary) { $0.string($1) }
    }
    w.optional(m.statusReason) { $0.string($1) }
    w.optional(m.note) { $0.string($1) }
    provenance(&w, m.provenance)
    w.optional(m.lastEvent, stamp)
  }

  package static func figure(_ w: inout BinaryWriter, _ f: ClaimedFigure) {
    w.int(f.low)
    w.int(f.high)
  }

  package static func mark(_ w: inout BinaryWriter, _ m: OperatorMark) {
    w.string(m.by)
    time(&w, m.at)
    w.optional(m.note) { $0.string($1) }
    w.optional(m.uid) { $0.unsigned(UInt64($1)) }
  }

  package static func alert(_ w: inout BinaryWriter, _ a: Alert) {
    let r = a.report
    w.string(r.id.rawValue)
    w.string(r.segment.rawValue)
    w.byte(UInt8(r.level.rawValue))
    w.term(r.type)
    w.string(r.text)
    w.optional(r.reportingSide) { $0.term($1) }
    w.optional(r.occurredAt, time)
    w.array(r.claims.sorted { $0.key < $1.key }) {
      $0.term($1.key)
      $0.optional($1.value.killed, figure)
      $0.optional($1.value.injured, figure)
      $0.optional($1.value.evacuated, figure)
    }
    w.term(r.confidence)
    time(&w, a.raisedAt)
    w.string(a.raisedBy)
    w.optional(a.raisedByUID) { $0.unsigned(UInt64($1)) }
    w.byte(UInt8(a.level.rawValue))
    w.array(a.levelHistory) {
      $0.byte(UInt8($1.level.rawValue))
      time(&$0, $1.at)
      $0.string($1.by)
      $0.optional($1.reason) { $0.string($1) }
    }
    w.optional(a.acknowledgement, mark)
    w.optional(a.resolution, mark)
    provenance(&w, a.provenance)
    stamp(&w, a.lastEvent)
  }

  package static func checkpoint(_ w: inout BinaryWriter, _ c: Checkpoint) {
    w.string(c.id.rawValue)
    place(&w, c.name)
    w.optional(c.counterpart, place)
    place(&w, c.district)
    w.optional(c.category) { $0.string($1) }
    w.term(c.status)
    w.optional(c.since, time)
    w.optional(c.note) { $0.string($1) }
    w.optional(c.location, coordinate)
    provenance(&w, c.provenance)
    w.optional(c.lastEvent, stamp)
  }

  package static func note(_ w: inout BinaryWriter, _ n: Note) {
    w.unsigned(n.seq)
    time(&w, n.at)
    w.string(n.by)
    w.optional(n.target) { $0.string($1) }
    w.string(n.text)
    provenance(&w, n.provenance)
  }

  // MARK: Reading

  package static func readSituation(_ r: inout BinaryReader) throws -> Situation {
    let title = try r.string()
    let sample = try r.bool()
    let description = try r.optional { try $0.string() }
    let segments = try r.array(readSegment)
    let meetings = try r.array(readMeeting)
    let alerts = try r.array(readAlert)
    let checkpoints = try r.array(readCheckpoint)
    let notes = try r.array(readNote)
    let lastSeq = try r.unsigned()
    let lastEventAt = try r.optional(readTime)
    let applied = try r.int()
    let unknown = try r.array { (r: inout BinaryReader) throws -> (String, Int) in
      (try r.string(), try r.int())
    }
    let scenario = try r.optional { try $0.string() }
    let lastFeedEventAt = try r.optional(readTime)
    return Situation(
      title: title, isIllustrativeSample: sample, description: description, segments: segments,
      meetings: meetings, alerts: alerts, checkpoints: checkpoints, notes: notes, lastSeq: lastSeq,
      lastEventAt: lastEventAt, appliedEventCount: applied,
      unknownEventTypes: Dictionary(unknown, uniquingKeysWith: { $1 }), scenario: scenario,
      lastFeedEventAt: lastFeedEventAt)
  }

  package static func readTime(_ r: inout BinaryReader) throws -> Timestamp {
    Timestamp(epochMilliseconds: try r.int64())
  }

  package static func readPlace(_ r: inout BinaryReader) throws -> PlaceName {
    PlaceName(try r.string(), cyrillic: try r.optional { try $0.string() })
  }

  package static func readProvenance(_ r: inout BinaryReader) throws -> Provenance {
    let source = try r.optional { r in
      SourceReference(
        outlet: try r.string(), title: try r.optional { try $0.string() },
        url: try r.optional { try $0.string() }, date: try r.optional { try $0.string() })
    }
    return Provenance(
      source: source, isIllustrative: try r.bool(), note: try r.optional { try $0.string() },
      approximate: try r.array { try $0.string() })
  }

  package static func readStamp(_ r: inout BinaryReader) throws -> EventStamp {
    EventStamp(seq: try r.unsigned(), at: try readTime(&r))
  }

  package static func readLevel(_ r: inout BinaryReader) throws -> AlertLevel {
    guard let level = AlertLevel(rawValue: Int(try r.byte())) else {
      throw SnapshotFormatError(reason: "bad level")
    }
    return level
  }

  package static func readDistrict(_ r: inout BinaryReader) throws -> District {
    District(try readPlace(&r), region: try r.optional(readPlace))
  }

  package static func readCoordinate(_ r: inout BinaryReader) throws -> Coordinate {
    Coordinate(latitude: try r.double(), longitude: try r.double())
  }

  package static func readSegment(_ r: inout BinaryReader) throws -> Segment {
    let id = SegmentID(try r.string())
    let points = try r.optional { try $0.string() }
    let name = try readPlace(&r)
    let sector = try r.term(Sector.self)
    let kg = try readDistrict(&r)
    let tj = try readDistrict(&r)
    let length = try r.double()
    let west = try r.optional(readCoordinate)
    let east = try r.optional(readCoordinate)
    let settlements = try r.array { (r: inout BinaryReader) throws -> Settlement in
      Settlement(try readPlace(&r), side: try r.term(Side.self))
    }
    let features = try r.array { try $0.term(SegmentFeature.self) }
    let status = try r.term(DemarcationStatus.self)
    let history = try r.array { (r: inout BinaryReader) throws -> StatusChange in
      StatusChange(
        status: try r.term(DemarcationStatus.self), at: try readTime(&r),
        note: try r.optional { try $0.string() },
        provenance: try readProvenance(&r))
    }
    let level = try readLevel(&r)
    let reason = try r.string()
    let since = try r.optional(readTime)
    let provenance = try readProvenance(&r)
    let last = try r.optional(readStamp)
    return Segment(
      id: id, borderPoints: points, name: name, sector: sector, kyrgyzDistrict: kg, tajikDistrict: tj,
      lengthKm: length, westEnd: west, eastEnd: east, settlements: settlements, features: features,
      status: status, statusHistory: history, alertLevel: level, alertReason: reason, alertLevelSince: since,
      provenance: provenance, lastEvent: last)
  }

  package static func readMeeting(_ r: inout BinaryReader) throws -> Meeting {
    let id = MeetingID(try r.string())
    let kind = try r.term(MeetingKind.self)
    let venue = try r.optional(readPlace)
    let host = try r.optional { try $0.term(Side.self) }
    let start = try readTime(&r)
    let end = try readTime(&r)
    let agenda = try r.array { SegmentID(try $0.string()) }
    let status = try r.term(MeetingStatus.self)
    let outcome = try r.optional { (r: inout BinaryReader) throws -> MeetingOutcome in
      MeetingOutcome(
        protocolNumber: try r.optional { try $0.string() }, kmAgreed: try r.optional { try $0.double() },
        summary: try r.optional { try $0.string() })
    }
    let reason = try r.optional { try $0.string() }
    let note = try r.optional { try $0.string() }
    let provenance = try readProvenance(&r)
    let last = try r.optional(readStamp)
    return Meeting(
      id: id, kind: kind, venue: venue, host: host, start: start, end: end, agenda: agenda, status: status,
      outcome: outcome, statusReason: reason, note: note, provenance: provenance, lastEvent: last)
  }

  package static func readFigure(_ r: inout BinaryReader) throws -> ClaimedFigure {
    ClaimedFigure(try r.int(), try r.int())
  }

  package static func readMark(_ r: inout BinaryReader) throws -> OperatorMark {
    var mark = OperatorMark(
      by: try r.string(), at: try readTime(&r), note: try r.optional { try $0.string() })
    mark.uid = try r.optional(readUID)
    return mark
  }

  package static func readUID(_ r: inout BinaryReader) throws -> UInt32 {
    guard let uid = UInt32(exactly: try r.unsigned()) else { throw SnapshotFormatError(reason: "bad uid") }
    return uid
  }

  package static func readAlert(_ r: inout BinaryReader) throws -> Alert {
    let id = AlertID(try r.string())
    let segment = SegmentID(try r.string())
    let reportedLevel = try readLevel(&r)
    let type = try r.term(AlertType.self)
    let text = try r.string()
    let side = try r.optional { try $0.term(Side.self) }
    let occurred = try r.optional(readTime)
    let claims = try r.array { (r: inout BinaryReader) throws -> (Side, CasualtyClaim) in
      (
        try r.term(Side.self),
        CasualtyClaim(
          killed: try r.optional(readFigure), injured: try r.optional(readFigure),
          evacuated: try r.optional(readFigure))
      )
    }
    let confidence = try r.term(Confidence.self)
    let report = AlertReport(
      id: id, segment: segment, level: reportedLevel, type: type, text: text, reportingSide: side,
      occurredAt: occurred, claims: Dictionary(claims, uniquingKeysWith: { $1 }), confidence: confidence)
    let raisedAt = try readTime(&r)
    let raisedBy = try r.string()
    let raisedByUID = try r.optional(readUID)
    let level = try readLevel(&r)
    let history = try r.array { (r: inout BinaryReader) throws -> LevelChange in
      LevelChange(
        level: try readLevel(&r), at: try readTime(&r), by: try r.string(),
        reason: try r.optional { try $0.string() })
    }
    let acknowledgement = try r.optional(readMark)
    let resolution = try r.optional(readMark)
    let provenance = try readProvenance(&r)
    let last = try readStamp(&r)
    var alert = Alert(
      report: report, raisedAt: raisedAt, raisedBy: raisedBy, provenance: provenance, stamp: last)
    alert.raisedByUID = raisedByUID
    alert.level = level
    alert.levelHistory = history
    alert.acknowledgement = acknowledgement
    alert.resolution = resolution
    return alert
  }

  package static func readCheckpoint(_ r: inout BinaryReader) throws -> Checkpoint {
    Checkpoint(
      id: CheckpointID(try r.string()), name: try readPlace(&r), counterpart: try r.optional(readPlace),
      district: try readPlace(&r), category: try r.optional { try $0.string() },
      status: try r.term(CheckpointStatus.self), since: try r.optional(readTime),
      note: try r.optional { try $0.string() }, location: try r.optional(readCoordinate),
      provenance: try readProvenance(&r), lastEvent: try r.optional(readStamp))
  }

  package static func readNote(_ r: inout BinaryReader) throws -> Note {
    Note(
      seq: try r.unsigned(), at: try readTime(&r), by: try r.string(),
      target: try r.optional { try $0.string() },
      text: try r.string(), provenance: try readProvenance(&r))
  }
}
