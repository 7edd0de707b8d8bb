/// A key press as the console understands it, decoded by the terminal layer.
public enum Key: Sendable, Hashable {
  /// A printable character.
  case character(Character)
  /// Ctrl with a letter, e.g. `.control("d")`.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case tab, backTab, enter, escape, backspace, delete, insert
  /// F1–F12.
  case function(Int)

  /// How the key is written in help and the hint bar, e.g. `^D`, `PgDn`, `Tab`.
  public var label: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .control(let c): return "^" + String(c).uppercased()
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "BS"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    }
  }
}
