#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Writes raw bytes to file descriptor 2.
func writeToStandardError(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(2, pointer, count)
}

/// Standard output's fate: what `print` wrote is buffered by C's stdio, and errors surface
/// only when it is flushed.
enum StandardOutput {
  /// How output was lost.
  enum Loss {
    /// The final flush failed with this error code.
    case system(Int32)
    /// An earlier write failed; stdio dropped what it could not write and kept only the flag.
    case earlierWrite
  }

  /// Flushes standard output; how anything written to it was lost, if it was.
  static func finish() -> Loss? {
    errno = 0
    let flushed = fflush(stdout)
    let code = errno
    if flushed != 0 { return .system(code != 0 ? code : EIO) }
    if ferror(stdout) != 0 { return .earlierWrite }
    return nil
  }
}
