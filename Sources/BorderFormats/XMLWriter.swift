/// A small writer of indented XML elements with escaped text.
struct XMLWriter {
  private(set) var text = ""
  private var depth = 0

  /// Starts a document with its XML declaration.
  init(declaration: Bool = true) {
    if declaration { text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
  }

  /// Opens an element with attributes.
  mutating func open(_ name: String, attributes: [(String, String)] = []) {
    let attrs = attributes.map { " \($0.0)=\"\(XMLWriter.escape($0.1))\"" }.joined()
    line("<\(name)\(attrs)>")
    depth += 1
  }

  /// Closes the innermost element.
  mutating func close(_ name: String) {
    depth -= 1
    line("</\(name)>")
  }

  /// Writes an element holding text; nothing when the text is nil.
  mutating func element(_ name: String, _ value: String?) {
    guard let value else { return }
    line("<\(name)>\(XMLWriter.escape(value))</\(name)>")
  }

  private mutating func line(_ content: String) {
    text += String(repeating: "  ", count: depth) + content + "\n"
  }

  /// Escapes text for XML content or attributes; characters XML 1.0 cannot carry become U+FFFD.
  static func escape(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case "\r": out += "&#13;"
      default:
        let v = scalar.value
        let allowed = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
        if allowed && !(v >= 0x7F && v <= 0x9F) {
          out.unicodeScalars.append(scalar)
        } else {
          out += "\u{FFFD}"
        }
      }
    }
    return out
  }
}
