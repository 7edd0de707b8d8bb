/// A key press, encoded as an xterm sends it once ncurses has called `keypad(win, TRUE)`.
public enum Key: Sendable, Hashable {
  /// Cursor and editing keys: arrows and Home/End as `ESC O x`, the others as `ESC [ n ~`.
  case up, down, right, left, home, end, pageUp, pageDown, insert, delete
  /// Tab (0x09), BackTab (`ESC [ Z`), Enter (CR), Esc, Backspace (DEL, 0x7F) and the space bar.
  case tab, backTab, enter, escape, backspace, space
  /// F1–F12.
  case function(Int)
  /// Ctrl with a letter or one of `@[\]^_ ?`: `.control("c")` is 0x03.
  case control(Character)
  /// Alt (Meta) with a character: ESC followed by it.
  case alt(Character)
  /// Text typed as its UTF-8 bytes.
  case text(String)

  /// The bytes the terminal sends for this key in keypad transmit (application) mode.
  public var bytes: [UInt8] {
    switch self {
    case .up: return Self.ss3("A")
    case .down: return Self.ss3("B")
    case .right: return Self.ss3("C")
    case .left: return Self.ss3("D")
    case .home: return Self.ss3("H")
    case .end: return Self.ss3("F")
    case .pageUp: return Self.csi("5~")
    case .pageDown: return Self.csi("6~")
    case .insert: return Self.csi("2~")
    case .delete: return Self.csi("3~")
    case .tab: return [0x09]
    case .backTab: return Self.csi("Z")
    case .enter: return [0x0D]
    case .escape: return [0x1B]
    case .backspace: return [0x7F]
    case .space: return [0x20]
    case .function(let number): return Self.functionKey(number)
    case .control(let character):
      guard let ascii = character.asciiValue else { return [] }
      if ascii == UInt8(ascii: "?") { return [0x7F] }
      return [((0x61...0x7A).contains(ascii) ? ascii - 0x20 : ascii) & 0x1F]
    case .alt(let character): return [0x1B] + Array(String(character).utf8)
    case .text(let text): return Array(text.utf8)
    }
  }

  private static func ss3(_ final: String) -> [UInt8] { [0x1B, 0x4F] + Array(final.utf8) }

  private static func csi(_ rest: String) -> [UInt8] { [0x1B, 0x5B] + Array(rest.utf8) }

  private static func functionKey(_ number: Int) -> [UInt8] {
    switch number {
    case 1...4: return ss3(["P", "Q", "R", "S"][number - 1])
    case 5: return csi("15~")
    case 6...10: return csi("\(number + 11)~")
    case 11, 12: return csi("\(number + 12)~")
    default: return []
    }
  }
}
