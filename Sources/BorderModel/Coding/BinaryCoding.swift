/// Why a snapshot file could not be read back.
package struct SnapshotFormatError: Error, Sendable {
  package var reason: String
}

/// Appends values to a byte buffer: varints, zig-zag integers, doubles, length-prefixed UTF-8.
package struct BinaryWriter {
  package var bytes: [UInt8] = []

  package init() {}

  package mutating func byte(_ value: UInt8) { bytes.append(value) }

  package mutating func unsigned(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  package mutating func int(_ value: Int) {
    unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
  }

  package mutating func int64(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

  package mutating func double(_ value: Double) {
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(bits & 0xFF))
      bits >>= 8
    }
  }

  package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  package mutating func string(_ value: String) {
    let utf8 = value.utf8
    unsigned(UInt64(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    guard let value else { return byte(0) }
    byte(1)
    write(&self, value)
  }

  package mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
    unsigned(UInt64(values.count))
    for value in values { write(&self, value) }
  }
}

/// Reads what `BinaryWriter` wrote, refusing truncated or impossible data instead of trapping.
package struct BinaryReader {
  package let bytes: UnsafeBufferPointer<UInt8>
  package var index = 0

  package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  package var isAtEnd: Bool { index >= bytes.count }

  package mutating func byte() throws(SnapshotFormatError) -> UInt8 {
    guard index < bytes.count else { throw SnapshotFormatError(reason: "truncated") }
    defer { index += 1 }
    return bytes[index]
  }

  package mutating func unsigned() throws(SnapshotFormatError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      value |= UInt64(next & 0x7F) << shift
      if next & 0x80 == 0 { return value }
      shift += 7
      guard shift < 64 else { throw SnapshotFormatError(reason: "bad number") }
    }
  }

  package mutating func int64() throws(SnapshotFormatError) -> Int64 {
    let raw = try unsigned()
    return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  package mutating func int() throws(SnapshotFormatError) -> Int { Int(try int64()) }

  /// A count of items, bounded by the bytes left (each item takes at least one byte).
  package mutating func count() throws(SnapshotFormatError) -> Int {
    let value = try unsigned()
    guard value <= UInt64(bytes.count - index) else { throw SnapshotFormatError(reason: "bad count") }
    return Int(value)
  }

  package mutating func double() throws(SnapshotFormatError) -> Double {
    guard index + 8 <= bytes.count else { throw SnapshotFormatError(reason: "truncated") }
    var bits: UInt64 = 0
    for offset in 0..<8 { bits |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
    index += 8
    return Double(bitPattern: bits)
  }

  package mutating func bool() throws(SnapshotFormatError) -> Bool { try byte() != 0 }

  package mutating func string() throws(SnapshotFormatError) -> String {
    let length = try count()
    defer { index += length }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self)
  }

  package mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
    try byte() == 0 ? nil : read(&self)
  }

  package mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
    let count = try count()
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }

  /// A case of a vocabulary by its position in `allCases`.
  package mutating func term<T: CaseIterable>(_: T.Type) throws -> T where T.AllCases == [T] {
    let position = Int(try byte())
    guard position < T.allCases.count else { throw SnapshotFormatError(reason: "bad \(T.self)") }
    return T.allCases[position]
  }
}

extension BinaryWriter {
  /// A case of a vocabulary by its position in `allCases`.
  package mutating func term<T: CaseIterable & Equatable>(_ value: T) where T.AllCases == [T] {
    byte(UInt8(T.allCases.firstIndex(of: value) ?? 0))
  }
}
