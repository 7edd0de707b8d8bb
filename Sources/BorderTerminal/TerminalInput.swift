import BorderConsole
import CNCursesW

/// One thing read from the terminal: a key, or a new size after the window was resized.
public enum TerminalInput: Sendable, Hashable {
  case key(Key)
  case resize(columns: Int, rows: Int)
}

/// Turns what `wget_wch` returns into `Key`s: pure, so it can be tested without a terminal.
enum KeyDecoder {
  /// A key from a `KEY_*` code (when `wget_wch` returned `KEY_CODE_YES`); nil if unknown.
  static func decode(keyCode code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1, KEY_FIND: return .home
    case KEY_END, KEY_C1, KEY_SELECT: return .end
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case bm_key_f(1)...bm_key_f(12): return .function(Int(code - bm_key_f(0)))
    default: return nil
    }
  }

  /// A key from a character code (when `wget_wch` returned `OK`); nil for other controls.
  static func decode(character code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}
