import BorderModel
import Dispatch

/// What one journal line holds.
enum DecodedLine: Sendable {
  case blank
  case event(JournalEvent)
  case failure(EventDecodeError)
}

/// Decodes many journal lines on every core; the events still fold in order on one.
enum ParallelDecoder {
  /// Below this many lines a chunk is decoded on the calling thread.
  static let parallelThreshold = 4096

  static func decode(_ lines: [UnsafeBufferPointer<UInt8>]) -> [DecodedLine] {
    guard lines.count >= parallelThreshold else { return lines.map(decodeLine) }
    var results = [DecodedLine](repeating: .blank, count: lines.count)
    let workers = 2
    results.withUnsafeMutableBufferPointer { output in
      let shared = SharedBuffers(lines: lines, output: output)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let start = shared.lines.count * worker / workers
        let end = shared.lines.count * (worker + 1) / workers
        for index in start..<end { shared.output[index] = decodeLine(shared.lines[index]) }
      }
    }
    return results
  }

  static func decodeLine(_ line: UnsafeBufferPointer<UInt8>) -> DecodedLine {
    guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return .blank }
    switch EventCodec.decode(line) {
    case .success(let event): return .event(event)
    case .failure(let error): return .failure(error)
    }
  }
}

/// Buffers shared by the decoding workers; each worker writes a disjoint range of `output`.
private struct SharedBuffers: @unchecked Sendable {
  let lines: [UnsafeBufferPointer<UInt8>]
  let output: UnsafeMutableBufferPointer<DecodedLine>
}
