import BorderConsole
import CNCursesW

/// Colour pairs for (foreground, background) combinations, each allocated once with
/// `init_extended_pair` and remembered, so drawing never asks ncurses to search for a pair.
///
/// Pairs are numbered 1, 2, … in order of first use and never freed (a screen uses a few
/// dozen). If the terminal runs out (`COLOR_PAIRS`), further combinations fall back to the
/// default pair 0 rather than recycling one that cells on screen still use.
struct ColorPairs {
  /// The depth colours are reduced to before they become ncurses colour numbers.
  let depth: ColorDepth
  /// Whether colour numbers are packed 24-bit RGB (a direct-colour terminfo, COLORS > 256).
  let direct: Bool
  /// Whether -1 means the terminal's own default colour (`use_default_colors` succeeded).
  let defaultColors: Bool
  /// The number of pairs the terminal has.
  let limit: Int32
  private var pairs: [Key: Int32] = [:]
  private var next: Int32 = 1
  /// How many combinations were drawn with pair 0 because the terminal ran out of pairs.
  private(set) var overflowCount = 0

  init(depth: ColorDepth, direct: Bool, defaultColors: Bool, limit: Int32) {
    self.depth = depth
    self.direct = direct
    self.defaultColors = defaultColors
    self.limit = limit
  }

  /// The pair number for a cell's colours (0, the default pair, without colour).
  mutating func pair(foreground: ThemeColor, background: ThemeColor) -> Int32 {
    guard depth != .none else { return 0 }
    let key = Key(
      foreground: number(ColorLadder.reduce(foreground, to: depth), isForeground: true),
      background: number(ColorLadder.reduce(background, to: depth), isForeground: false))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = pairs[key] { return known }
    var pair: Int32 = 0
    if next < limit, init_extended_pair(next, key.foreground, key.background) != ERR {
      pair = next
      next += 1
    } else {
      overflowCount += 1
    }
    pairs[key] = pair
    return pair
  }

  /// The ncurses colour number for a reduced colour (-1: the terminal's default).
  private func number(_ color: ThemeColor?, isForeground: Bool) -> Int32 {
    switch color {
    case nil, .terminalDefault?:
      if defaultColors { return -1 }
      return isForeground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK)
    case .ansi(let index)?:
      return direct && index >= 8 ? approximate(ThemeColor.ansi(index)) : Int32(index)
    case .indexed(let index)?:
      return direct && index >= 8 ? approximate(ThemeColor.indexed(index)) : Int32(index)
    case .rgb(let r, let g, let b)?:
      if direct { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
      // Not reached: below truecolour the ladder never returns RGB. Stay safe anyway.
      return number(ColorLadder.reduce(ThemeColor.rgb(r, g, b), to: .palette256), isForeground: isForeground)
    }
  }

  /// A palette colour on a direct-colour terminal, where numbers ≥ 8 mean RGB, not palette
  /// entries: the nearest of the 8 basic colours (exact RGB would need the palette's RGB values).
  private func approximate(_ color: ThemeColor) -> Int32 {
    if case .ansi(let basic)? = ColorLadder.reduce(color, to: .eight) { return Int32(basic) }
    return -1
  }

  /// A reduced (foreground, background) as ncurses colour numbers.
  struct Key: Hashable {
    var foreground: Int32
    var background: Int32
  }
}
