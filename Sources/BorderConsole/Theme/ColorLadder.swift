/// How many colours a terminal can show.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
  case none = 0
  case eight = 8
  case sixteen = 16
  case palette256 = 256
  case trueColor = 16_777_216

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// A label for `doctor` and messages.
  public var label: String {
    switch self {
    case .none: return "no colour"
    case .eight: return "8 colours"
    case .sixteen: return "16 colours"
    case .palette256: return "256 colours"
    case .trueColor: return "truecolour (24-bit)"
    }
  }
}

/// Reduces theme colours to what a terminal can show: the one place colours are reduced.
public enum ColorLadder {
  /// The nearest colour at `depth`, or nil when the terminal has no colour (attributes only).
  public static func reduce(_ color: ThemeColor, to depth: ColorDepth) -> ThemeColor? {
    if depth == .none { return nil }
    switch color {
    case .terminalDefault:
      return .terminalDefault
    case .ansi(let index):
      let index = index & 15
      guard depth == .eight, index >= 8 else { return .ansi(index) }
      // Bright colours fold to their normal ones, bright black (a grey) to white, not black.
      let (r, g, b) = rgb(ofIndex: index)
      return .ansi(nearestANSI(r, g, b, count: 8))
    case .indexed(let index):
      switch depth {
      case .trueColor, .palette256: return .indexed(index)
      default:
        let (r, g, b) = rgb(ofIndex: index)
        return .ansi(nearestANSI(r, g, b, count: depth == .eight ? 8 : 16))
      }
    case .rgb(let r, let g, let b):
      switch depth {
      case .trueColor: return color
      case .palette256: return .indexed(nearest256(r, g, b))
      case .sixteen: return .ansi(nearestANSI(r, g, b, count: 16))
      default: return .ansi(nearestANSI(r, g, b, count: 8))
      }
    }
  }

  /// The xterm palette's RGB for the 16 ANSI colours.
  static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The RGB of a 256-palette entry (xterm's values for the 16 system colours).
  public static func rgb(ofIndex index: UInt8) -> (Int, Int, Int) {
    let i = Int(index)
    if i < 16 {
      let c = ansiRGB[i]
      return (Int(c.0), Int(c.1), Int(c.2))
    }
    if i >= 232 {
      let level = 8 + (i - 232) * 10
      return (level, level, level)
    }
    let cube = i - 16
    return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
  }

  /// Squared distance weighted for the eye (a cheap "redmean" approximation).
  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let meanRed = (a.0 + b.0) / 2
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    // Parenthesised: in Swift `>>` binds tighter than `*`.
    return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
  }

  /// The nearest 256-palette entry (cube or grey ramp; the 16 system colours vary by terminal).
  static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    let target = (Int(r), Int(g), Int(b))
    func cubeIndex(_ v: Int) -> Int { v < 48 ? 0 : (v < 115 ? 1 : (v - 35) / 40) }
    let (cr, cg, cb) = (cubeIndex(target.0), cubeIndex(target.1), cubeIndex(target.2))
    let cubeColor = (cubeLevels[cr], cubeLevels[cg], cubeLevels[cb])
    let average = (target.0 + target.1 + target.2) / 3
    let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
    let greyLevel = 8 + greyIndex * 10
    let grey = (greyLevel, greyLevel, greyLevel)
    if distance(target, grey) < distance(target, cubeColor) { return UInt8(232 + greyIndex) }
    return UInt8(16 + 36 * cr + 6 * cg + cb)
  }

  /// The ANSI colours without hue: black, white, bright black, bright white.
  static let achromaticANSI = [0, 7, 8, 15]

  /// The six ANSI hue families: hue in degrees, normal index, bright index.
  static let hueFamilies: [(hue: Int, normal: Int, bright: Int)] = [
    (0, 1, 9), (60, 3, 11), (120, 2, 10), (180, 6, 14), (240, 4, 12), (300, 5, 13),
  ]

  /// The ANSI colour for an RGB one, keeping what it means: a grey stays a grey, a colour its hue.
  ///
  /// Nearest-by-distance alone sends mid-saturation colours to grey (a sage green became
  /// bright black) and greys to cyan, and cannot tell orange from yellow. So a colour with
  /// little chroma (max − min < 32) takes the nearest of black, white, bright black and
  /// bright white; any other takes the family nearest its hue (orange → red, amber →
  /// yellow), then the nearer of that family's normal and bright colours (at 8 colours,
  /// the normal one).
  static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int) -> UInt8 {
    let high = max(r, g, b)
    let chroma = high - min(r, g, b)
    let candidates: [Int]
    if chroma < 32 {
      candidates = achromaticANSI.filter { $0 < count }
    } else {
      let h = hue(r, g, b, high: high, chroma: chroma)
      func gap(_ familyHue: Int) -> Double {
        let d = abs(h - Double(familyHue))
        return min(d, 360 - d)
      }
      let family = hueFamilies.min { gap($0.hue) < gap($1.hue) }!
      candidates = count > 8 ? [family.normal, family.bright] : [family.normal]
    }
    var best = candidates[0]
    var bestDistance = Int.max
    for index in candidates {
      let c = ansiRGB[index]
      let d = distance((r, g, b), (Int(c.0), Int(c.1), Int(c.2)))
      if d < bestDistance {
        bestDistance = d
        best = index
      }
    }
    return UInt8(best)
  }

  /// The HSV hue in degrees, 0 ≤ hue < 360.
  static func hue(_ r: Int, _ g: Int, _ b: Int, high: Int, chroma: Int) -> Double {
    let c = Double(chroma)
    var h: Double
    if high == r {
      h = Double(g - b) / c
    } else if high == g {
      h = 2 + Double(b - r) / c
    } else {
      h = 4 + Double(r - g) / c
    }
    h *= 60
    return h < 0 ? h + 360 : h
  }

  static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> UInt8 {
    nearestANSI(Int(r), Int(g), Int(b), count: count)
  }
}
