/// XXH64, the 64-bit xxHash, written here from its published specification: a checksum that
/// catches any accidental damage to the snapshot cache (flipped bytes, truncation, zeroed
/// ranges) with a collision chance of 2⁻⁶⁴, at several GB/s, so checking a large cache costs
/// little next to reading it.
///
/// It is not a defence against a deliberate forger: anyone able to write the cache could
/// recompute any unkeyed hash, SHA-256 included. That defence is the cache's trust rule
/// (a regular file owned by this user or the journal's owner, writable by no one else).
package enum Checksum {
  private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 {
    (x << r) | (x >> (64 - r))
  }

  @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* prime2, 31) &* prime1
  }

  @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* prime1 &+ prime4
  }

  @inline(__always) private static func load64(_ p: UnsafeRawPointer, _ at: Int) -> UInt64 {
    UInt64(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt64.self))
  }

  @inline(__always) private static func load32(_ p: UnsafeRawPointer, _ at: Int) -> UInt64 {
    UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
  }

  /// The XXH64 hash of `bytes` with `seed`.
  package static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let count = bytes.count
    guard let p = bytes.baseAddress, count > 0 else { return avalanche(seed &+ prime5) }
    var index = 0
    var hash: UInt64
    if count >= 32 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      while index + 32 <= count {
        v1 = round(v1, load64(p, index))
        v2 = round(v2, load64(p, index + 8))
        v3 = round(v3, load64(p, index + 16))
        v4 = round(v4, load64(p, index + 24))
        index += 32
      }
      hash = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      hash = merge(hash, v1)
      hash = merge(hash, v2)
      hash = merge(hash, v3)
      hash = merge(hash, v4)
    } else {
      hash = seed &+ prime5
    }
    hash &+= UInt64(count)
    while index + 8 <= count {
      hash ^= round(0, load64(p, index))
      hash = rotl(hash, 27) &* prime1 &+ prime4
      index += 8
    }
    if index + 4 <= count {
      hash ^= load32(p, index) &* prime1
      hash = rotl(hash, 23) &* prime2 &+ prime3
      index += 4
    }
    while index < count {
      hash ^= UInt64(p.load(fromByteOffset: index, as: UInt8.self)) &* prime5
      hash = rotl(hash, 11) &* prime1
      index += 1
    }
    return avalanche(hash)
  }

  private static func avalanche(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash &*= prime2
    hash ^= hash >> 29
    hash &*= prime3
    hash ^= hash >> 32
    return hash
  }

  /// The hash of a byte array.
  package static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { xxh64($0, seed: seed) }
  }
}
