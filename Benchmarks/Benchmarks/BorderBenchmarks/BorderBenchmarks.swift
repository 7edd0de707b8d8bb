import Benchmark
import BorderConsole
import BorderModel
import BorderStore
import Foundation

/// Where the generated data sets live (made by scripts/bench.sh with `bordermon generate`).
let dataRoot = ProcessInfo.processInfo.environment["BORDERMON_BENCH_DATA"] ?? "/tmp/bordermon-bench"

/// A data directory of the suite, by name.
func data(_ name: String) -> DataDirectory { DataDirectory(path: dataRoot + "/" + name) }

/// The moment every frame is drawn at, so frames are comparable.
let frameTime = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

/// Consoles opened once per data set and size, so a benchmark measures frames, not opening.
final class Consoles: @unchecked Sendable {
  private let lock = NSLock()
  private var states: [String: ConsoleState] = [:]

  static let shared = Consoles()

  /// A console over a data directory at a size (opened on first use, then kept).
  func state(_ name: String, columns: Int, rows: Int) -> ConsoleState {
    let key = "\(name)-\(columns)x\(rows)"
    lock.lock()
    defer { lock.unlock() }
    if let state = states[key] { return state }
    let store = SituationStore(directory: data(name), historyLimit: 10_000)
    let state = ConsoleState(
      situation: store.situation, history: store.historyWindow, now: frameTime,
      size: ScreenSize(columns: columns, rows: rows))
    states[key] = state
    return state
  }

  /// Changes a kept console in place (no copy), as the running console does.
  func update(_ name: String, columns: Int, rows: Int, _ body: (inout ConsoleState) -> Void) {
    _ = state(name, columns: columns, rows: rows)
    lock.lock()
    defer { lock.unlock() }
    body(&states["\(name)-\(columns)x\(rows)"]!)
  }
}

/// A console over a data directory at a size.
func console(_ name: String, columns: Int, rows: Int) -> ConsoleState {
  Consoles.shared.state(name, columns: columns, rows: rows)
}

let benchmarks: @Sendable () -> Void = {
  let foldMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal], timeUnits: .microseconds, warmupIterations: 1,
    maxDuration: .seconds(5), maxIterations: 1000)

  // Opening a journal: reading the reference data and folding every event into a situation.
  for (name, events) in [("fold-10k", 10_000), ("fold-100k", 100_000), ("fold-1m", 1_000_000)] {
    Benchmark(
      "Open journal \(events) events",
      configuration: .init(
        metrics: foldMetrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20),
        maxIterations: events >= 1_000_000 ? 5 : 20)
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(SituationStore(directory: data(name)).situation.appliedEventCount)
      }
    }
  }

  // The situation as of a past time: the fold stops taking events after it (half the synthetic journal).
  Benchmark(
    "Open journal 1000000 events as of a past time",
    configuration: .init(
      metrics: foldMetrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20),
      maxIterations: 5)
  ) { benchmark in
    let midpoint = SyntheticData.epoch.adding(seconds: 150_000_000)
    for _ in benchmark.scaledIterations {
      blackHole(SituationStore(directory: data("fold-1m"), asOf: midpoint).situation.appliedEventCount)
    }
  }

  // Composing one frame: the pure view from state to a grid of cells.
  for (name, label) in [
    ("sample", "sample"), ("segments-10k", "10000 segments"), ("big", "10000 segments 1000000 events"),
  ] {
    for (columns, rows) in [(120, 40), (300, 100)] {
      Benchmark(
        "Frame \(columns)x\(rows) \(label)",
        closure: { benchmark in
          let state = console(name, columns: columns, rows: rows)
          benchmark.startMeasurement()
          for _ in benchmark.scaledIterations {
            blackHole(ConsoleView.render(state))
          }
        }, setup: { _ = console(name, columns: columns, rows: rows) })
    }
  }

  // A frame with one alert whose text is 50 MB (F12): the feed row, then its detail over the screen.
  for detail in [false, true] {
    Benchmark(
      "Frame 120x40 sample with a 50 MB alert text\(detail ? ", its detail open" : "")",
      closure: { benchmark in
        var state = console("sample", columns: 120, rows: 40)
        var situation = state.live
        situation.apply(
          JournalEvent(
            seq: 1_000_000, at: frameTime, by: "bench",
            payload: .alertRaised(
              AlertReport(
                id: "HUGE-1", segment: "A-01", level: .tense, type: .other,
                text: String(repeating: "Shots reported near the canal ", count: 50 << 20 / 30)))))
        _ = state.handle(.journal(JournalNews(situation: situation)))
        if detail { for key in [Key.tab, .tab, .enter] { _ = state.handle(.key(key)) } }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(ConsoleView.render(state))
        }
        // Freeing the 50 MB text is not part of a frame.
        benchmark.stopMeasurement()
      }, setup: { _ = console("sample", columns: 120, rows: 40) })
  }

  // A key to a new frame with 10,000 segments: the reducer, then the view.
  for (name, label) in [("segments-10k", "10000 segments"), ("big", "10000 segments 1000000 events")] {
    Benchmark(
      "Key to frame 120x40 \(label)",
      closure: { benchmark in
        for iteration in benchmark.scaledIterations {
          Consoles.shared.update(name, columns: 120, rows: 40) { state in
            _ = state.handle(.key(iteration % 50 == 49 ? .home : .down))
            blackHole(ConsoleView.render(state))
          }
        }
      }, setup: { _ = console(name, columns: 120, rows: 40) })
  }

  // A clock tick within a minute: only the seconds are redrawn.
  Benchmark(
    "Clock tick 120x40 sample",
    closure: { benchmark in
      var state = console("sample", columns: 120, rows: 40)
      var grid = ConsoleView.render(state)
      benchmark.startMeasurement()
      for iteration in benchmark.scaledIterations {
        _ = state.handle(.tick(frameTime.adding(seconds: Int64(iteration % 59))))
        ConsoleView.renderClock(state, into: &grid)
        blackHole(grid)
      }
    }, setup: { _ = console("sample", columns: 120, rows: 40) })

  // Validating an append against the situation (what the journal does under its lock for each event):
  // the same cost on the sample and on 1,000,000 events, since the model checks without copying.
  // "copy and apply" is how validation worked before, for comparison.
  for name in ["sample", "fold-1m"] {
    Benchmark(
      "Validate an acknowledgement, \(name)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, maxIterations: 100_000)
    ) { benchmark in
      let situation = Situations.shared.situation(name)
      let draft = Situations.shared.acknowledgement(name)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(draft.rejection(now: frameTime, in: situation))
      }
    }
    Benchmark(
      "Validate by copy and apply (the old way), \(name)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxIterations: 200)
    ) { benchmark in
      let situation = Situations.shared.situation(name)
      let event = Situations.shared.acknowledgement(name).finished(
        seq: situation.lastSeq + 1, now: frameTime, in: situation)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        var copy = situation
        blackHole(copy.apply(event))
      }
    }
  }
}

/// Situations folded once per data set, for the validation benchmarks.
final class Situations: @unchecked Sendable {
  private let lock = NSLock()
  private var folded: [String: Situation] = [:]

  static let shared = Situations()

  /// The folded situation of a data set (folded on first use, then kept).
  func situation(_ name: String) -> Situation {
    lock.lock()
    defer { lock.unlock() }
    if let situation = folded[name] { return situation }
    let situation = SituationStore(directory: data(name)).situation
    folded[name] = situation
    return situation
  }

  /// A draft acknowledging the newest open, unacknowledged alert of a data set.
  func acknowledgement(_ name: String) -> EventDraft {
    let alert = situation(name).alerts.last { $0.needsAcknowledgement }
    return OperatorAction.acknowledge(alert?.id ?? "none", note: "seen").draft(by: "bench")
  }
}
