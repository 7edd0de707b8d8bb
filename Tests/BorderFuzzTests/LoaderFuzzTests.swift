import BorderConsole
import BorderModel
import BorderStore
import BorderThemes
import Foundation
import Testing

/// Checks that a diagnostic names one of the files it may be about, and a line inside it when it has one.
func expectNamesFileAndLine(
  _ diagnostic: Diagnostic, files: [String: Int], label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let lineCount = files[diagnostic.file] else {
    Issue.record("\(diagnostic) names no file of the case: \(label)", sourceLocation: sourceLocation)
    return
  }
  #expect(!diagnostic.message.isEmpty, "\(diagnostic): \(label)", sourceLocation: sourceLocation)
  if let line = diagnostic.line {
    #expect(
      (1...max(1, lineCount)).contains(line), "\(diagnostic): line outside 1…\(lineCount): \(label)",
      sourceLocation: sourceLocation)
  }
  if let field = diagnostic.field {
    #expect(!field.isEmpty, "\(diagnostic): \(label)", sourceLocation: sourceLocation)
  }
}

/// Lines in a file as an editor counts them (a last line without a newline counts).
func lineCount(_ bytes: [UInt8]) -> Int {
  let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  return newlines + (bytes.last == 0x0A || bytes.isEmpty ? 0 : 1)
}

/// Damaged journal files read by the store, mutated reference files by the loader, mutated theme files by the theme loader.
@Suite("Fuzz: the loaders")
struct LoaderFuzzTests {
  @Test(
    "a damaged journal file: every problem names the journal and its line, and that line alone explains it")
  func damagedJournal() {
    let target = "LoaderFuzzTests/damagedJournal"
    let plan = FuzzPlan.current
    let corpus = FuzzCorpus.journalLines
    let mutator = Mutator(format: .jsonLine, sizeLimit: 16 << 10, donors: corpus.map(\.bytes))
    let folder = FuzzFolder("journal")
    defer { folder.remove() }
    for (name, bytes) in FuzzSample.files where name != "journal.jsonl" { folder.write(name, bytes) }
    let sampleLines = FuzzSample.files.first { $0.name == "journal.jsonl" }!.bytes.split(separator: 0x0A).map(
      Array.init)
    for caseNumber in [-1] + plan.cases(60) {
      var random = FuzzRandom(seed: plan.seed, target: target, caseNumber: caseNumber)
      var lines = sampleLines
      var steps: [String] = []
      if caseNumber < 0 {
        // The whole corpus, as it is, after the sample.
        lines += corpus.filter { !$0.origin.hasPrefix("sample") }.map(\.bytes)
        steps.append("the corpus's hand cases after the sample")
      } else {
        for _ in 0..<random.int(1...8) {
          let (origin, original) = random.pick(corpus)
          let (bytes, mutation) = mutator.mutate(original, &random)
          let at = random.int(0...lines.count)
          lines.insert(bytes, at: at)
          steps.append("line \(at + 1): \(origin) after \(mutation.joined(separator: "; "))")
        }
      }
      var file = Array(lines.joined(separator: [0x0A])) + [0x0A]
      switch random.int(0..<8) {
      case 0:
        file = [0xEF, 0xBB, 0xBF] + file
        steps.append("BOM at the start")
      case 1:
        file = Array(
          file.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A]))
        steps.append("CRLF line ends")
      case 2:
        let cut = random.int(0...file.count)
        file.removeLast(file.count - cut)
        steps.append("file cut at \(cut)")
      default: break
      }
      let label = plan.replay(target, caseNumber) + "\n  " + steps.joined(separator: "\n  ")
      FuzzCrashReport.set(2, label)
      plan.keep(file, target, caseNumber)
      let path = folder.write("journal.jsonl", file)
      let store = SituationStore(directory: DataDirectory(path: folder.path))
      // The store reads complete lines only: a last line without its newline waits for the rest.
      let physical = file.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
      for diagnostic in store.journalDiagnostics {
        expectNamesFileAndLine(diagnostic, files: [path: physical.count], label: label)
        guard let line = diagnostic.line, diagnostic.message.hasSuffix("(line skipped)"),
          line <= physical.count
        else { continue }
        // A skipped line is skipped for a reason the line alone gives.
        var bytes = physical[line - 1]
        if bytes.last == 0x0D { bytes.removeLast() }
        let alone = bytes.withUnsafeBufferPointer { EventCodec.decode($0) }
        guard case .failure(let error) = alone else {
          Issue.record("line \(line) was skipped but reads alone: \(diagnostic): \(label)")
          continue
        }
        #expect(
          diagnostic.field == error.field && diagnostic.message == error.reason + " (line skipped)",
          "line \(line): the store says \(diagnostic), the line alone \(error): \(label)")
      }
      #expect(store.journalProblemCount >= store.journalDiagnostics.count, "\(label)")
    }
    FuzzCrashReport.set(2, "")
  }

  @Test("mutated reference files: the loader names file and line; the console draws what loaded")
  func mutatedReference() {
    let target = "LoaderFuzzTests/mutatedReference"
    let plan = FuzzPlan.current
    let names = ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"]
    var bases: [(name: String, origin: String, bytes: [UInt8])] = FuzzSample.files
      .filter { names.contains($0.name) }.map { ($0.name, "sample \($0.name)", $0.bytes) }
    for (file, bytes) in FuzzCorpus.files("reference") {
      guard let which = file.split(separator: "-").first.map({ "\($0).toml" }), names.contains(which) else {
        Issue.record("reference corpus file \(file) does not start with one of \(names)")
        continue
      }
      bases.append((which, "corpus \(file)", bytes))
    }
    #expect(bases.count > 20, "the reference corpus is in the repository")
    let mutator = Mutator(format: .toml, sizeLimit: 64 << 10, donors: bases.map(\.bytes))
    let folder = FuzzFolder("reference")
    defer { folder.remove() }
    let sampleJournal = FuzzSample.events
    let corpusCases = bases.indices.filter { bases[$0].origin.hasPrefix("corpus") }
    for caseNumber in corpusCases.map({ -1 - $0 }) + plan.cases(120) {
      var random = FuzzRandom(seed: plan.seed, target: target, caseNumber: caseNumber)
      let base = caseNumber < 0 ? bases[-1 - caseNumber] : random.pick(bases)
      var bytes = base.bytes
      var steps = ["as it is"]
      if caseNumber >= 0 { (bytes, steps) = mutator.mutate(base.bytes, &random) }
      let label =
        plan.replay(target, caseNumber) + ": \(base.origin) as \(base.name) after "
        + steps.joined(separator: "; ")
      FuzzCrashReport.set(3, label + "\n" + printable(bytes, limit: 700))
      plan.keep(bytes, target, caseNumber)
      var counts: [String: Int] = [:]
      for (name, sample) in FuzzSample.files where names.contains(name) {
        let content = name == base.name ? bytes : sample
        counts[folder.write(name, content)] = lineCount(content)
      }
      let loaded = ReferenceLoader.load(DataDirectory(path: folder.path))
      for diagnostic in loaded.diagnostics {
        expectNamesFileAndLine(diagnostic, files: counts, label: label)
      }
      // Whatever loaded, the console folds the sample's journal over it and draws it.
      var situation = Situation(reference: loaded.data)
      for event in sampleJournal { situation.apply(event) }
      var state = ConsoleState(
        situation: situation, now: FuzzSample.now, size: ScreenSize(columns: 120, rows: 40))
      _ = state.handle(.tick(FuzzSample.now.adding(seconds: 1)))
      let segment = situation.segments.isEmpty ? nil : random.pick(situation.segments).id
      state.segmentSelection.selected = segment
      renderChecked(state, columns: 120, rows: 40, overlay: nil, label: label)
      renderChecked(state, columns: 80, rows: 24, overlay: segment.map { .segmentDetail($0) }, label: label)
      if let meeting = situation.meetings.isEmpty ? nil : random.pick(situation.meetings).id {
        renderChecked(state, columns: 120, rows: 40, overlay: .meetingDetail(meeting), label: label)
      }
    }
    FuzzCrashReport.set(3, "")
  }

  @Test("mutated theme files: the theme loader names file and line; the console draws with what loaded")
  func mutatedThemes() {
    let target = "LoaderFuzzTests/mutatedThemes"
    let plan = FuzzPlan.current
    let repositoryThemes = FuzzCorpus.folder.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Themes").path
    var bases: [(origin: String, bytes: [UInt8])] = []
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: repositoryThemes)) ?? []).sorted()
    where name.hasSuffix(".toml") {
      if let data = FileManager.default.contents(atPath: repositoryThemes + "/" + name) {
        bases.append(("Themes/\(name)", [UInt8](data)))
      }
    }
    #expect(bases.count >= 5, "the repository's themes are found in \(repositoryThemes)")
    bases += FuzzCorpus.files("themes").map { ("corpus \($0.name)", $0.bytes) }
    let mutator = Mutator(format: .toml, sizeLimit: 64 << 10, donors: bases.map(\.bytes))
    let folder = FuzzFolder("themes")
    defer { folder.remove() }
    let catalog = ThemeCatalog(folders: [])
    let state = ConsoleState(
      situation: FuzzSample.situation, now: FuzzSample.now, size: ScreenSize(columns: 80, rows: 24))
    for caseNumber in bases.indices.map({ -1 - $0 }) + plan.cases(250) {
      var random = FuzzRandom(seed: plan.seed, target: target, caseNumber: caseNumber)
      let base = caseNumber < 0 ? bases[-1 - caseNumber] : random.pick(bases)
      var bytes = base.bytes
      var steps = ["as it is"]
      if caseNumber >= 0 { (bytes, steps) = mutator.mutate(base.bytes, &random) }
      let label = plan.replay(target, caseNumber) + ": \(base.origin) after " + steps.joined(separator: "; ")
      FuzzCrashReport.set(4, label + "\n" + printable(bytes, limit: 700))
      plan.keep(bytes, target, caseNumber)
      let path = folder.write("fuzzed.toml", bytes)
      // A theme file is text: the first line holding a NUL or bytes that are not UTF-8 makes it refused, by name.
      let binaryLine = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).firstIndex {
        $0.contains(0) || String(validating: $0, as: UTF8.self) == nil
      }.map { $0 + 1 }
      switch catalog.load(nameOrPath: path) {
      case .failure(let error):
        if let binaryLine, case .unreadable(let named, let reason) = error {
          #expect(named == path && reason.contains("line \(binaryLine) "), "\(error): \(label)")
        } else {
          Issue.record("a text theme file failed to load (\(error)): \(label)")
        }
      case .success(let loaded):
        #expect(
          binaryLine == nil,
          "a theme file with a NUL or bad UTF-8 on line \(binaryLine ?? 0) loaded: \(label)")
        for diagnostic in loaded.diagnostics {
          expectNamesFileAndLine(diagnostic, files: [path: lineCount(bytes)], label: label)
        }
        if caseNumber % 5 == 0 || caseNumber < 0 {
          renderChecked(state, columns: 80, rows: 24, overlay: nil, theme: loaded.theme, label: label)
        }
      }
    }
    FuzzCrashReport.set(4, "")
  }
}
