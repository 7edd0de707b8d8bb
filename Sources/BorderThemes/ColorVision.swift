import BorderConsole

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Colour arithmetic for judging themes: luminance, contrast, CIELAB and colour-blindness simulation.
public enum ColorVision {
  /// An sRGB colour with components 0–1 (gamma-encoded, as written in `#rrggbb`).
  public struct RGB: Sendable, Hashable {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(_ r: Double, _ g: Double, _ b: Double) {
      self.r = r
      self.g = g
      self.b = b
    }

    /// From 0–255 components.
    public init(bytes r: Int, _ g: Int, _ b: Int) {
      self.init(Double(r) / 255, Double(g) / 255, Double(b) / 255)
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(1, 1, 1)
  }

  /// A CIELAB colour (D65): lightness `l` 0–100, `a` green(−)…red(+), `b` blue(−)…yellow(+).
  public struct Lab: Sendable, Hashable {
    public var l: Double
    public var a: Double
    public var b: Double
  }

  /// The RGB a terminal shows for a theme colour (xterm's palette for ANSI and indexed colours).
  public static func rgb(_ color: ThemeColor, terminalDefault: RGB) -> RGB {
    switch color {
    case .terminalDefault: return terminalDefault
    case .ansi(let index), .indexed(let index):
      let (r, g, b) = ColorLadder.rgb(ofIndex: index)
      return RGB(bytes: r, g, b)
    case .rgb(let r, let g, let b): return RGB(bytes: Int(r), Int(g), Int(b))
    }
  }

  static func linear(_ channel: Double) -> Double {
    channel <= 0.040_45 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
  }

  static func encoded(_ channel: Double) -> Double {
    let c = min(1, max(0, channel))
    return c <= 0.003_130_8 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055
  }

  /// WCAG relative luminance, 0 (black) to 1 (white).
  public static func relativeLuminance(_ c: RGB) -> Double {
    0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
  }

  /// WCAG contrast ratio, 1 (none) to 21 (black on white).
  public static func contrastRatio(_ x: RGB, _ y: RGB) -> Double {
    let (a, b) = (relativeLuminance(x), relativeLuminance(y))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// CIELAB under D65.
  public static func lab(_ c: RGB) -> Lab {
    let (r, g, b) = (linear(c.r), linear(c.g), linear(c.b))
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b
    let z = (0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b) / 1.088_83
    func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
    let (fx, fy, fz) = (f(x), f(y), f(z))
    return Lab(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  /// A red–green colour-vision deficiency (together about 8% of men).
  public enum Deficiency: String, Sendable, Hashable, CaseIterable {
    case protanopia, deuteranopia
  }

  /// How a colour looks to a dichromat (Viénot, Brettel & Mollon 1999, in linear sRGB).
  public static func simulate(_ c: RGB, _ deficiency: Deficiency) -> RGB {
    let (r, g, b) = (linear(c.r), linear(c.g), linear(c.b))
    let m: [Double]
    switch deficiency {
    case .protanopia: m = [0.112_38, 0.887_62, 0, 0.112_38, 0.887_62, 0, 0.004_01, -0.004_01, 1]
    case .deuteranopia: m = [0.292_75, 0.707_25, 0, 0.292_75, 0.707_25, 0, -0.022_34, 0.022_34, 1]
    }
    return RGB(
      encoded(m[0] * r + m[1] * g + m[2] * b), encoded(m[3] * r + m[4] * g + m[5] * b),
      encoded(m[6] * r + m[7] * g + m[8] * b))
  }

  // MARK: Colour-blind safety

  /// Two roles a red–green colour-blind operator could mistake for each other.
  public struct Confusion: Sendable, Hashable, CustomStringConvertible {
    public var first: Role
    public var second: Role
    /// The deficiency under which they look alike.
    public var deficiency: Deficiency
    /// Their lightness and blue–yellow differences as that operator sees them (CIELAB ΔL*, Δb*).
    public var lightnessDifference: Double
    public var blueYellowDifference: Double

    public var description: String {
      let l = (lightnessDifference * 10).rounded() / 10
      let b = (blueYellowDifference * 10).rounded() / 10
      return "\(first.key) and \(second.key) look alike with \(deficiency.rawValue): ΔL* \(l), Δb* \(b)"
    }
  }

  /// Below both of these, two colours are told apart by red against green alone.
  public static let minimumLightnessDifference = 15.0
  public static let minimumBlueYellowDifference = 30.0

  /// The pairs of `roles` that differ by red against green alone.
  ///
  /// The check. A red–green dichromat (protan or deutan) has lost the red–green opponent
  /// channel: what is left to tell colours apart is lightness and the blue–yellow channel.
  /// So for every pair of roles we ask whether they differ in something that survives:
  ///
  /// 1. their attributes differ (bold, dim, underline, reverse, italic), or one fills its
  ///    cell with a background colour and the other does not — both visible without colour;
  /// 2. otherwise we take each role's signal colour (the background when it fills the cell,
  ///    else the foreground; the terminal's default is `terminalForeground`), simulate how a
  ///    protanope and a deuteranope see it (Viénot, Brettel & Mollon 1999), convert to CIELAB
  ///    and require, for both simulations, a lightness difference |ΔL*| ≥ 15 or a blue–yellow
  ///    difference |Δb*| ≥ 30. (The simulated colours lie on a lightness/blue–yellow plane,
  ///    so a* carries almost nothing; simulating also catches the protan's darkened reds,
  ///    which a plain L* comparison of the originals would miss.) The thresholds are about
  ///    6 and 13 times CIELAB's just-noticeable difference of 2.3: enough for a small glyph
  ///    of text, not just for two large patches side by side. The default theme's red
  ///    #e5534b against its green #5fb36b fails (ΔL* ≈ 6, Δb* ≈ 16 as a deutan sees them).
  public static func colorBlindConfusions(
    in theme: Theme, among roles: [Role], terminalForeground: RGB = RGB(bytes: 229, 229, 229)
  ) -> [Confusion] {
    var confusions: [Confusion] = []
    for (i, first) in roles.enumerated() {
      for second in roles[(i + 1)...] {
        let (x, y) = (theme.style(first), theme.style(second))
        if x.attributes != y.attributes { continue }
        let (xFilled, yFilled) = (x.background != .terminalDefault, y.background != .terminalDefault)
        if xFilled != yFilled { continue }
        let xColor = rgb(xFilled ? x.background : x.foreground, terminalDefault: terminalForeground)
        let yColor = rgb(yFilled ? y.background : y.foreground, terminalDefault: terminalForeground)
        for deficiency in Deficiency.allCases {
          let (a, b) = (lab(simulate(xColor, deficiency)), lab(simulate(yColor, deficiency)))
          let (dl, db) = (abs(a.l - b.l), abs(a.b - b.b))
          if dl < minimumLightnessDifference && db < minimumBlueYellowDifference {
            confusions.append(
              Confusion(
                first: first, second: second, deficiency: deficiency, lightnessDifference: dl,
                blueYellowDifference: db))
          }
        }
      }
    }
    return confusions
  }

  /// The demarcation-status roles, west-to-east ladder order.
  public static let statusRoles: [Role] = [
    .statusDisputed, .statusUnderNegotiation, .statusDescribed, .statusDelimited,
    .statusDemarcationInProgress, .statusDemarcated,
  ]
  /// The alert-level roles, 1 to 5.
  public static let levelRoles: [Role] = [.level1, .level2, .level3, .level4, .level5]
}
