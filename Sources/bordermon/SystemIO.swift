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
  /// Flushes standard output; the system's reason when anything written to it was lost.
  static func finish() -> String? {
    errno = 0
    let flushed = fflush(stdout)
    let code = errno
    if flushed != 0 { return String(cString: strerror(code != 0 ? code : EIO)) }
    // An earlier write failed; stdio dropped what it could not write and kept only the flag.
    if ferror(stdout) != 0 { return "part of the output was lost (disk full or a device error)" }
    return nil
  }
}
