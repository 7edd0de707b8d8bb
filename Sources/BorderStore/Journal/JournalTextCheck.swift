import BorderModel

/// The checks `check` makes on the journal's bytes themselves, which readers do not make.
public enum JournalTextCheck {
  /// One error per line of the journal file at `path` that is not well-formed UTF-8, naming the
  /// line and the byte (readers take such a line with the bad bytes replaced by U+FFFD, so
  /// nothing else would say it); at most `limit` are listed.
  public static func invalidUTF8(_ path: String, limit: Int = 1_000) -> [Diagnostic] {
    var follower = JournalFollower(path: path)
    var found: [Diagnostic] = []
    _ = follower.readNew { number, line in
      guard found.count < limit, let offset = UTF8Validation.firstInvalidByte(line) else { return }
      found.append(
        Diagnostic(
          .error, file: path, line: number,
          message: "invalid UTF-8 at byte \(offset + 1) (read with U+FFFD in its place)"))
    }
    return found
  }
}

extension UTF8Validation {
  /// The offset of the first byte of `bytes` not part of well-formed UTF-8 (a line of ASCII costs one scan).
  static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    return firstInvalidByte(Array(bytes))
  }
}
