import BorderConsole
import BorderModel
import BorderSample
import BorderStore
import Foundation
import Testing

/// The sample as a console opens it, shared by the fold, view and loader fuzz tests.
enum FuzzSample {
  /// The moment the sample is created and looked at (the same as the console's snapshot tests).
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  /// The sample's files, as `bordermon init` writes them at `now`.
  static let files = try! SampleSituation.files(now: now).get()

  /// The sample's journal events, decoded once.
  static let events: [JournalEvent] = {
    let journal = files.first { $0.name == "journal.jsonl" }!.bytes
    return journal.split(separator: 0x0A).compactMap { line in
      try? Array(line).withUnsafeBufferPointer { EventCodec.decode($0) }.get()
    }
  }()

  /// The sample's situation with its whole journal folded.
  static let situation: Situation = {
    let directory = FuzzFolder("sample")
    defer { directory.remove() }
    for (name, bytes) in files { directory.write(name, bytes) }
    return SituationStore(directory: DataDirectory(path: directory.path)).situation
  }()
}

/// What a grid must never hold, whatever the data: a control character or a bidi override.
func controlCharacters(in grid: Grid) -> [UInt32] {
  var found: [UInt32] = []
  for cell in grid.cells {
    for scalar in cell.text.unicodeScalars
    where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
      || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    {
      found.append(scalar.value)
    }
  }
  return found
}

/// Draws a console state at a size, with an overlay on one record, and checks the grid.
func renderChecked(
  _ state: ConsoleState, columns: Int, rows: Int, overlay: Overlay?, theme: Theme = .defaultDark,
  glyphs: GlyphSet = .unicode, label: String
) {
  var state = state
  _ = state.handle(.resize(ScreenSize(columns: columns, rows: rows)))
  state.overlay = overlay
  let grid = ConsoleView.render(state, theme: theme, glyphs: glyphs)
  #expect(grid.width == columns && grid.height == rows, "\(label)")
  let controls = controlCharacters(in: grid)
  #expect(
    controls.isEmpty, "control characters \(controls.prefix(8)) on screen at \(columns)×\(rows): \(label)")
  if glyphs == .ascii {
    #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in ASCII mode: \(label)")
  }
}

/// Mutated events folded into the sample, and the console drawing what they left.
@Suite("Fuzz: the fold and the view")
struct FoldViewFuzzTests {
  static let target = "FoldViewFuzzTests"

  @Test(
    "mutated events never trap the fold or the view; a refused event changes nothing; no control character reaches a cell"
  )
  func mutatedEvents() {
    let plan = FuzzPlan.current
    let corpus = FuzzCorpus.journalLines
    let mutator = Mutator(format: .jsonLine, sizeLimit: 48 << 10, donors: corpus.map(\.bytes))
    let base = FuzzSample.situation
    var applied = 0
    var refused = 0
    // The hand cases and every event type as they are, then mutated batches.
    // Every event type in order, as one batch; each hand case alone, so one cannot hide another.
    let everyType = corpus.filter { $0.origin.hasPrefix("every-type") }.map { ($0.origin, $0.bytes) }
    run(everyType, on: base, label: "every event type", applied: &applied, refused: &refused)
    for line in corpus where line.origin.hasPrefix("hand-cases") {
      run(
        [(line.origin, line.bytes)], on: base, label: "hand case \(line.origin)", applied: &applied,
        refused: &refused)
    }
    for caseNumber in plan.cases(250) {
      var random = FuzzRandom(seed: plan.seed, target: Self.target, caseNumber: caseNumber)
      var lines: [(String, [UInt8])] = []
      for _ in 0..<random.int(1...6) {
        let (origin, original) = random.pick(corpus)
        if random.chance(0.85) {
          let (bytes, steps) = mutator.mutate(original, &random)
          lines.append(("\(origin) after \(steps.joined(separator: "; "))", bytes))
        } else {
          lines.append((origin, original))
        }
      }
      run(
        lines, on: base, label: plan.replay(Self.target, caseNumber), applied: &applied, refused: &refused,
        random: &random)
    }
    FuzzCrashReport.set(1, "")
    print("fold fuzz: \(applied) events applied, \(refused) refused by the situation")
    #expect(applied > 0 && refused > 0)
  }

  private func run(
    _ lines: [(String, [UInt8])], on base: Situation, label: String, applied: inout Int, refused: inout Int
  ) {
    var random = FuzzRandom(seed: 0, target: label, caseNumber: 0)
    run(lines, on: base, label: label, applied: &applied, refused: &refused, random: &random)
  }

  /// Folds the decodable lines into the sample, then draws the console on what they touched.
  private func run(
    _ lines: [(String, [UInt8])], on base: Situation, label: String, applied: inout Int, refused: inout Int,
    random: inout FuzzRandom
  ) {
    let description =
      label + "\n" + lines.map { "  \($0.0): \(printable($0.1, limit: 200))" }.joined(separator: "\n")
    FuzzCrashReport.set(1, description)
    var situation = base
    var events: [JournalEvent] = []
    var touches: [EventTouch] = []
    for (_, bytes) in lines {
      guard case .success(let event) = bytes.withUnsafeBufferPointer({ EventCodec.decode($0) }) else {
        continue
      }
      let before = Fingerprint(situation)
      switch situation.apply(event) {
      case .success(let touch):
        applied += 1
        events.append(event)
        touches.append(touch)
      case .failure(let rejection):
        refused += 1
        #expect(!rejection.field.isEmpty && !rejection.reason.description.isEmpty, "\(description)")
        #expect(Fingerprint(situation) == before, "a refused event changed the situation: \(description)")
      }
    }
    var state = ConsoleState(situation: base, now: FuzzSample.now, size: ScreenSize(columns: 120, rows: 40))
    _ = state.handle(.journal(JournalNews(situation: situation, events: events, touches: touches)))
    _ = state.handle(.tick(FuzzSample.now.adding(seconds: 1)))
    // Select what the last event touched, and open its detail, as an operator would.
    var overlay: Overlay?
    switch touches.last {
    case .segment(let id)?:
      state.segmentSelection.selected = id
      overlay = .segmentDetail(id)
    case .alert(let id, let segment)?:
      state.segmentSelection.selected = segment
      state.alertSelection.selected = id
      state.focus = .alerts
      overlay = .alertDetail(id)
    case .meeting(let id)?:
      state.meetingSelection.selected = id
      state.focus = .meetings
      overlay = .meetingDetail(id)
    default:
      overlay = nil
    }
    renderChecked(state, columns: 120, rows: 40, overlay: nil, label: description)
    renderChecked(
      state, columns: 80, rows: 24, overlay: nil, glyphs: random.chance(0.3) ? .ascii : .unicode,
      label: description)
    if let overlay {
      renderChecked(state, columns: 120, rows: 40, overlay: overlay, label: description)
    }
  }
}

/// What a refused event must leave as it was: every record and the counters.
struct Fingerprint: Equatable {
  var segments: [Segment]
  var alerts: [Alert]
  var meetings: [Meeting]
  var checkpoints: [Checkpoint]
  var notes: [Note]
  var lastSeq: UInt64
  var lastEventAt: Timestamp?
  var applied: Int

  init(_ situation: Situation) {
    segments = situation.segments
    alerts = situation.alerts
    meetings = situation.meetings
    checkpoints = situation.checkpoints
    notes = situation.notes
    lastSeq = situation.lastSeq
    lastEventAt = situation.lastEventAt
    applied = situation.appliedEventCount
  }
}
