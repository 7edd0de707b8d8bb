import BorderTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// bordermon's version, and what it was built with and runs on.
enum BordermonVersion {
  /// The release number.
  static let number = "0.9.0"

  /// What `--version` prints.
  static let line = "bordermon \(number)"

  /// The Swift compiler the binary was built with (major and minor).
  static var swift: String {
    #if compiler(>=6.4)
      return "Swift 6.4 or later"
    #elseif compiler(>=6.3)
      return "Swift 6.3"
    #elseif compiler(>=6.2)
      return "Swift 6.2"
    #elseif compiler(>=6.1)
      return "Swift 6.1"
    #else
      return "Swift 6.0"
    #endif
  }

  /// The kernel and machine: `Linux 6.1.0 x86_64`.
  static var system: String {
    var name = utsname()
    guard uname(&name) == 0 else { return "unknown system" }
    func text<T>(_ field: T) -> String {
      withUnsafeBytes(of: field) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
    }
    return "\(text(name.sysname)) \(text(name.release)) \(text(name.machine))"
  }
}
