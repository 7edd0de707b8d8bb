import ArgumentParser
import BorderConsole
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
    let l10n = try options.localizer()
    let clock = SystemWallClock()
    var store = try options.openSituation(clock: clock, snapshots: true)
    defer { store.saveSnapshotIfDue() }
    let author = OperatorIdentity.current()
    var rejected = 0
    var lineNumber = 0
    var input = StandardInputLines()
    while let line = input.next() {
      lineNumber += 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      if let offset = UTF8Validation.firstInvalidByte(line) {
        rejected += 1
        printError(
          l10n.tr("stdin:%1$d: invalid UTF-8 at byte %2$d (line not appended)", lineNumber, offset + 1))
        continue
      }
      // A line without `at` is an event made now: timed under the journal's lock, like the console's.
      let draft: EventDraft
      let decoded = line.withUnsafeBufferPointer { bytes in
        EventCodec.decode(bytes, defaults: EventDefaults(at: EventDraft.placeholderTime, by: author)).map {
          event in
          EventDraft(
            event, timedAtAppend: !Self.hasMember("at", bytes),
            extraMembers: EventCodec.membersNotWritten(bytes, by: event))
        }
      }
      switch decoded {
      case .failure(let error):
        rejected += 1
        printError("stdin:\(lineNumber): \(error)")
        continue
      case .success(let made): draft = made
      }
      switch store.append([draft], clock: clock) {
      case .success(let events):
        for event in events { print(event.seq) }
      case .failure(.rejected(_, let rejection)):
        rejected += 1
        printError("stdin:\(lineNumber): " + l10n.refusal(rejection))
      case .failure(.file(let error)):
        printError("bordermon append: " + l10n.fileErrorWithPath(error))
        printError(l10n.tr("stdin:%d: not appended; stopping (lines before it were appended)", lineNumber))
        throw ExitCode(1)
      }
    }
    if rejected > 0 {
      printError(
        "bordermon append: " + l10n.plural("%d line(s) rejected", "%d line(s) rejected", count: rejected))
      throw ExitCode(1)
    }
  }

  /// Whether the line's object has a non-null member `name` at its top level.
  static func hasMember(_ name: String, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
    EventCodec.topLevelKeys(line).contains(name)
  }
}

/// Standard input read as raw lines of bytes (no newline), so invalid UTF-8 can be named, not replaced.
struct StandardInputLines {
  private var buffer: [UInt8] = []
  private var start = 0
  private var finished = false

  /// The next line, or nil at the end of input.
  mutating func next() -> [UInt8]? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        return line
      }
      if finished {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        finished = true
      } else {
        buffer += chunk[0..<count]
      }
    }
  }
}
