import BorderConsole

#if canImport(Glibc)
  import Glibc
#endif

/// How the commands put text in front of people: nothing from the data acts on a terminal.
///
/// Reports and messages (`summary`, `check`, `theme check`, `doctor`, refusals, every line on
/// standard error) are text for people wherever they go, so they always pass the console's
/// sanitiser: a control character shows as its picture (`␛`, or `^[` when the locale is not
/// UTF-8) and bidirectional overrides as `�`; line feeds stay. Data (`export`) stays exact in a
/// file or a pipe, and is sanitised only when standard output is a terminal. JSON is safe
/// everywhere: the characters a terminal could act on are written as `\u` escapes, which mean
/// the same to a JSON reader.
enum TerminalOutput {
  /// Whether placeholders must be plain ASCII: the locale's codeset is not UTF-8.
  static let asciiPlaceholders: Bool = {
    setlocale(LC_CTYPE, "")
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return true }
    let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
    return name != "utf8"
  }()

  /// Text for people: every control character but the line feed shown as a placeholder.
  static func readable(_ text: String) -> String {
    Sanitizer.cleanLines(text, ascii: asciiPlaceholders)
  }

  /// Whether a descriptor is a terminal.
  static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

  /// JSON text with DEL, C1 controls, line and paragraph separators and bidirectional controls
  /// escaped as `\uXXXX` (JSON encoders escape only C0): the same data, inert on a terminal.
  static func terminalSafeJSON(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: needsEscape) else { return json }
    var out = ""
    out.reserveCapacity(json.utf8.count + 64)
    for scalar in json.unicodeScalars {
      if needsEscape(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Scalars a terminal may act on or that reorder what is read (never structural in JSON).
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F: return false  // already escaped by every JSON encoder; "\n" between lines
    case 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFB: return true
    default: return false
    }
  }
}

/// Prints a report or message for people on standard output, sanitised for any terminal.
func printText(_ text: String, terminator: String = "\n") {
  print(TerminalOutput.readable(text), terminator: terminator)
}

/// Prints exported data: exact into a file or a pipe, sanitised when standard output is a terminal.
func printData(_ text: String, terminator: String = "\n") {
  print(
    TerminalOutput.isTerminal(STDOUT_FILENO) ? TerminalOutput.readable(text) : text, terminator: terminator)
}
