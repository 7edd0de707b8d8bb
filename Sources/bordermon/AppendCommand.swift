import ArgumentParser
import BorderModel
import BorderStore

#if canImport(Glibc)
  import Glibc
#endif

/// `bordermon append`: events as JSON lines on standard input, validated and appended.
struct AppendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "append",
    abstract: "Append events given as JSON lines on standard input (the bridge for other systems).",
    discussion: """
      Each line is one event in the journal format; seq is assigned here, and a missing at \
      or by defaults to now and to the operator running the command. Valid events are \
      appended; every rejected line is reported as stdin:LINE: field: reason, and the \
      command exits 1 if any was rejected. Prints the sequence number of each event appended.
      """)

  @OptionGroup var options: DataOptions

  func run() throws {
    let clock = SystemWallClock()
    var store = try options.openSituation(clock: clock, snapshots: true)
    defer { store.saveSnapshotIfDue() }
    let author = OperatorIdentity.current()
    var rejected = 0
    var lineNumber = 0
    while let line = readLine(strippingNewline: true) {
      lineNumber += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let defaults = EventDefaults(at: clock.now(), by: author)
      switch EventCodec.decode(line, defaults: defaults) {
      case .failure(let error):
        rejected += 1
        printError("stdin:\(lineNumber): \(error)")
      case .success(let event):
        switch store.append([event]) {
        case .success(let seqs):
          for seq in seqs { print(seq) }
        case .failure(.rejected(_, let rejection)):
          rejected += 1
          printError("stdin:\(lineNumber): \(rejection)")
        case .failure(.file(let error)):
          printError("bordermon append: \(error.path): \(error.description)")
          printError("stdin:\(lineNumber): not appended; stopping (lines before it were appended)")
          throw ExitCode(1)
        }
      }
    }
    if rejected > 0 {
      printError("bordermon append: \(rejected) line(s) rejected")
      throw ExitCode(1)
    }
  }
}
