import BorderModel
import Dispatch

/// What one journal line holds.
enum DecodedLine: Sendable {
  case blank
  case event(JournalEvent)
  case failure(EventDecodeError)
}

/// Decodes journal lines on a second core while the calling thread folds the previous batch.
///
/// Decoding and folding each take about half the time of opening a journal; overlapping them
/// is what makes opening a long journal take the longer of the two instead of their sum.
enum PipelinedDecoder {
  /// Lines per batch: small enough to keep both cores busy, large enough to make handing over cheap.
  static let batchSize = 2048
  /// Below this many lines everything is decoded on the calling thread.
  static let parallelThreshold = 4096

  /// Decodes `lines` in order and hands each batch to `body` with the index of its first line.
  static func run(
    _ lines: [UnsafeBufferPointer<UInt8>], _ body: (Int, UnsafeMutableBufferPointer<DecodedLine>) -> Void
  ) {
    let shared = SharedLines(lines: lines)
    if lines.count < parallelThreshold {
      let buffer = DecodeBuffer(capacity: lines.count)
      buffer.fill(shared, range: 0..<lines.count)
      body(0, buffer.contents)
      buffer.clear()
      return
    }
    let batches = (lines.count + batchSize - 1) / batchSize
    let buffers = [DecodeBuffer(capacity: batchSize), DecodeBuffer(capacity: batchSize)]
    let queue = DispatchQueue(label: "bordermon.journal-decode")
    let group = DispatchGroup()
    func range(_ batch: Int) -> Range<Int> { (batch * batchSize)..<min(lines.count, (batch + 1) * batchSize) }
    buffers[0].fill(shared, range: range(0))
    for batch in 0..<batches {
      if batch + 1 < batches {
        let next = buffers[(batch + 1) % 2]
        let nextRange = range(batch + 1)
        queue.async(group: group) { next.fill(shared, range: nextRange) }
      }
      let current = buffers[batch % 2]
      body(range(batch).lowerBound, current.contents)
      current.clear()
      group.wait()
    }
  }

  static func decodeLine(_ line: UnsafeBufferPointer<UInt8>) -> DecodedLine {
    var index = 0
    while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
    guard index < line.count else { return .blank }
    switch EventCodec.decode(line) {
    case .success(let event): return .event(event)
    case .failure(let error): return .failure(error)
    }
  }
}

/// The lines of a chunk, shared with the decoding thread (read only; valid during the chunk's callback).
private struct SharedLines: @unchecked Sendable {
  let lines: [UnsafeBufferPointer<UInt8>]
}

/// A reusable batch of decoded lines, filled by one thread and read by another, never at once.
private final class DecodeBuffer: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<DecodedLine>
  private let capacity: Int
  private var count = 0

  init(capacity: Int) {
    self.capacity = max(1, capacity)
    storage = .allocate(capacity: self.capacity)
  }

  deinit {
    clear()
    storage.deallocate()
  }

  var contents: UnsafeMutableBufferPointer<DecodedLine> {
    UnsafeMutableBufferPointer(start: storage, count: count)
  }

  func fill(_ shared: SharedLines, range: Range<Int>) {
    clear()
    for index in range {
      (storage + count).initialize(to: PipelinedDecoder.decodeLine(shared.lines[index]))
      count += 1
    }
  }

  func clear() {
    storage.deinitialize(count: count)
    count = 0
  }
}
