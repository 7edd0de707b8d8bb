import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A small, fast, seeded random source (SplitMix64): the same seed gives the same cases on every machine.
struct FuzzRandom {
  private var state: UInt64

  /// The source for one case of one fuzz target: independent of every other case, so a case replays alone.
  init(seed: UInt64, target: String, caseNumber: Int) {
    var mixed = seed ^ 0x9E37_79B9_7F4A_7C15
    for byte in target.utf8 { mixed = (mixed ^ UInt64(byte)) &* 0x100_0000_01B3 }
    state = mixed ^ (UInt64(bitPattern: Int64(caseNumber)) &* 0xD1B5_4A32_D192_ED03)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range` (which must not be empty).
  mutating func int(_ range: Range<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True with probability `chance`.
  mutating func chance(_ chance: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < chance
  }

  /// One element of a non-empty collection.
  mutating func pick<C: Collection>(_ collection: C) -> C.Element where C.Index == Int {
    collection[collection.startIndex + int(0..<collection.count)]
  }
}

/// How many cases each fuzz target runs, from which seed, and whether only one case is replayed.
///
/// `BORDERMON_FUZZ_CASES=N` multiplies the default counts by N / 1000 (so 100000 runs 100× the
/// suite's cases); `BORDERMON_FUZZ_SEED=S` picks another seed; `BORDERMON_FUZZ_CASE=K` runs
/// case K alone (the number a failure prints).
struct FuzzPlan: Sendable {
  var seed: UInt64
  var scale: Double
  var only: Int?

  /// The plan the environment asks for.
  static let current: FuzzPlan = {
    let environment = ProcessInfo.processInfo.environment
    let seed = environment["BORDERMON_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_130
    let scale = environment["BORDERMON_FUZZ_CASES"].flatMap { Double($0) }.map { $0 / 1000 } ?? 1
    let only = environment["BORDERMON_FUZZ_CASE"].flatMap { Int($0) }
    return FuzzPlan(seed: seed, scale: max(scale, 0.001), only: only)
  }()

  /// The case numbers a target with `base` cases by default runs.
  func cases(_ base: Int) -> [Int] {
    if let only { return [only] }
    return Array(0..<max(1, Int((Double(base) * scale).rounded())))
  }

  /// When one case is replayed, writes its input to a file (to feed to `bordermon check`, say) and says where.
  func keep(_ bytes: [UInt8], _ target: String, _ caseNumber: Int) {
    guard only == caseNumber else { return }
    let path =
      NSTemporaryDirectory()
      + "bordermon-fuzz-\(target.replacingOccurrences(of: "/", with: "-"))-\(caseNumber).bin"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    print("bordermon fuzz: the input of \(target) case \(caseNumber) is in \(path)")
  }

  /// How to replay one case, for failure messages.
  func replay(_ target: String, _ caseNumber: Int) -> String {
    "\(target) case \(caseNumber) (replay: BORDERMON_FUZZ_SEED=\(seed) BORDERMON_FUZZ_CASE=\(caseNumber) swift test --filter \(target))"
  }
}

/// Names the fuzz case in progress, so a crash (a trap kills the test process) still says which input did it.
///
/// Each fuzz target owns one slot; a fatal signal prints every slot in use before Swift's own handler runs.
enum FuzzCrashReport {
  private static let slotCount = 8
  private static let slotSize = 1024
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * slotSize)
    pointer.initialize(repeating: 0, count: slotCount * slotSize)
    return pointer
  }()
  /// The handlers that were there before, by signal number (a plain buffer: read inside a signal handler).
  nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    pointer.initialize(repeating: sigaction(), count: 32)
    return pointer
  }()
  private static let installed: Bool = {
    for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { signal, _, _ in FuzzCrashReport.crashed(signal) }
      action.sa_flags = SA_SIGINFO
      sigaction(signal, &action, previous + Int(signal))
    }
    return true
  }()

  /// Records what `slot` is working on (empty when done).
  static func set(_ slot: Int, _ label: String) {
    _ = installed
    let base = slots + slot * slotSize
    var bytes = Array(label.utf8.prefix(slotSize - 2))
    if !bytes.isEmpty { bytes.append(0x0A) }
    bytes.append(0)
    for (offset, byte) in bytes.enumerated() { base[offset] = byte }
  }

  /// Prints the cases in progress, then gives the signal back to the handler that was there before.
  private static func crashed(_ signal: Int32) {
    let header: StaticString = "\nbordermon fuzz: crashed during\n"
    _ = write(2, header.utf8Start, header.utf8CodeUnitCount)
    for slot in 0..<slotCount {
      let base = slots + slot * slotSize
      _ = write(2, base, strlen(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)))
    }
    sigaction(signal, previous + Int(signal), nil)
    // A trap re-runs its instruction on return and meets the old handler; abort() needs the signal again.
    if signal == SIGABRT { raise(signal) }
  }
}

/// The seed corpus in `Tests/BorderFuzzTests/Corpus`: files as bytes, by folder.
enum FuzzCorpus {
  /// The corpus folder beside this file.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Corpus")

  /// Every file of a corpus folder, by name, in name order.
  static func files(_ subfolder: String) -> [(name: String, bytes: [UInt8])] {
    let directory = folder.appendingPathComponent(subfolder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
      else { return nil }
      return (name, [UInt8](data))
    }
  }

  /// The journal corpus as lines (without their newlines), each with the file and line it came from.
  static let journalLines: [(origin: String, bytes: [UInt8])] = {
    var lines: [(String, [UInt8])] = []
    for (name, bytes) in files("journal") {
      for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
      where !line.isEmpty {
        lines.append(("\(name):\(index + 1)", Array(line)))
      }
    }
    return lines
  }()
}

/// A fresh temporary folder, removed by `remove()`.
struct FuzzFolder {
  let path: String

  init(_ label: String) {
    path = NSTemporaryDirectory() + "bordermon-fuzz-\(label)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes a file in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let file = path + "/" + name
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A short, printable rendering of bytes for failure messages (escapes what is not printable ASCII).
func printable(_ bytes: [UInt8], limit: Int = 600) -> String {
  var text = ""
  for byte in bytes.prefix(limit) {
    switch byte {
    case 0x20..<0x7F where byte != 0x5C: text.unicodeScalars.append(Unicode.Scalar(byte))
    case 0x5C: text += "\\\\"
    case 0x0A: text += "\\n"
    case 0x0D: text += "\\r"
    case 0x09: text += "\\t"
    default: text += String(format: "\\x%02X", byte)
    }
  }
  if bytes.count > limit { text += "…(\(bytes.count) bytes)" }
  return text
}
