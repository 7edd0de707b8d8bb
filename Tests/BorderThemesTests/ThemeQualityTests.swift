import BorderConsole
import Foundation
import Testing

@testable import BorderThemes

/// The shipped themes, parsed.
enum ShippedTheme {
  static func named(_ name: String) -> Theme {
    ThemeFile.parse(text: RepositoryThemes.text(name), path: name + ".toml").0
  }
}

@Suite("What each shipped theme promises")
struct ThemeQualityTests {
  typealias RGB = ColorVision.RGB

  @Test("colorblind: no two statuses and no two levels differ by red against green alone")
  func colorBlindSafe() {
    let theme = ShippedTheme.named("colorblind")
    #expect(theme.name == "colorblind")
    let statuses = ColorVision.colorBlindConfusions(in: theme, among: ColorVision.statusRoles)
    #expect(statuses.isEmpty, "\(statuses.map(\.description))")
    let levels = ColorVision.colorBlindConfusions(in: theme, among: ColorVision.levelRoles)
    #expect(levels.isEmpty, "\(levels.map(\.description))")
  }

  @Test("colorblind: still safe once a 256-colour terminal has reduced its colours")
  func colorBlindSafeAt256() {
    let theme = ShippedTheme.named("colorblind")
    var reduced = theme
    for role in Role.allCases {
      var style = theme.style(role)
      style.foreground = ColorLadder.reduce(style.foreground, to: .palette256) ?? .terminalDefault
      style.background = ColorLadder.reduce(style.background, to: .palette256) ?? .terminalDefault
      reduced = reduced.with(role, style)
    }
    for group in [ColorVision.statusRoles, ColorVision.levelRoles] {
      let confusions = ColorVision.colorBlindConfusions(in: reduced, among: group)
      #expect(confusions.isEmpty, "\(confusions.map(\.description))")
    }
  }

  @Test("the colour-blind check catches a red/green pair and accepts attributes or a filled cell instead")
  func colorBlindCheckCatchesRedGreen() {
    let red = CellStyle(foreground: .rgb(0xE5, 0x53, 0x4B))
    let green = CellStyle(foreground: .rgb(0x5F, 0xB3, 0x6B))
    let pair: [Role] = [.statusDisputed, .statusDescribed]
    let plain = Theme(name: "t", styles: [.statusDisputed: red, .statusDescribed: green])
    let confusions = ColorVision.colorBlindConfusions(in: plain, among: pair)
    #expect(confusions.map(\.deficiency).contains(.deuteranopia))
    #expect(confusions.allSatisfy { $0.first == .statusDisputed && $0.second == .statusDescribed })

    var bold = red
    bold.attributes = .bold
    #expect(ColorVision.colorBlindConfusions(in: plain.with(.statusDisputed, bold), among: pair).isEmpty)
    let filled = CellStyle(foreground: .rgb(0xFF, 0xFF, 0xFF), background: .rgb(0xE5, 0x53, 0x4B))
    #expect(ColorVision.colorBlindConfusions(in: plain.with(.statusDisputed, filled), among: pair).isEmpty)
    // Blue against orange passes on colour alone: they differ along the blue–yellow axis.
    let blue = CellStyle(foreground: .rgb(0x56, 0xB4, 0xE9))
    let orange = CellStyle(foreground: .rgb(0xE6, 0x9F, 0x00))
    let blueOrange = Theme(name: "t", styles: [.statusDisputed: orange, .statusDescribed: blue])
    #expect(ColorVision.colorBlindConfusions(in: blueOrange, among: pair).isEmpty)
  }

  @Test("monochrome: every colour is the terminal's; statuses and levels differ in attributes")
  func monochrome() {
    let theme = ShippedTheme.named("monochrome")
    for role in Role.allCases {
      #expect(theme.style(role).foreground == .terminalDefault, "\(role.key)")
      #expect(theme.style(role).background == .terminalDefault, "\(role.key)")
    }
    for group in [ColorVision.statusRoles, ColorVision.levelRoles] {
      let sets = group.map { theme.style($0).attributes.rawValue }
      #expect(Set(sets).count == group.count, "\(group.map(\.key)) share attributes: \(sets)")
    }
  }

  /// The colours a role's text is drawn in and on, with the terminal's default filled in.
  static func colors(_ style: CellStyle, foreground: RGB, background: RGB) -> (RGB, RGB) {
    var fg = ColorVision.rgb(style.foreground, terminalDefault: foreground)
    var bg = ColorVision.rgb(style.background, terminalDefault: background)
    if style.attributes.contains(.reverse) { swap(&fg, &bg) }
    return (fg, bg)
  }

  /// Roles that are meant to recede (frames, the empty part of a gauge).
  static let decorative: Set<Role> = [.border, .gaugeEmpty]

  @Test("light: dark text, 4.5:1 against white (frames 2.5:1, the empty gauge 1.5:1), nothing near white")
  func light() {
    let theme = ShippedTheme.named("light")
    let paper = RGB.white
    let ink = RGB(bytes: 0x20, 0x20, 0x20)
    for role in Role.allCases {
      let style = theme.style(role)
      let (fg, bg) = Self.colors(style, foreground: ink, background: paper)
      let ratio = ColorVision.contrastRatio(fg, bg)
      let minimum = role == .border ? 2.5 : (role == .gaugeEmpty ? 1.5 : 4.5)
      #expect(ratio >= minimum, "\(role.key): \(ratio)")
      if style.background == .terminalDefault {
        let limit = Self.decorative.contains(role) ? 0.6 : 0.4
        #expect(ColorVision.relativeLuminance(fg) < limit, "\(role.key) is too light for a light background")
      }
    }
    // Alert counts are drawn in level colours on the header bar.
    let bar = ColorVision.rgb(theme.style(.header).background, terminalDefault: paper)
    for role in ColorVision.levelRoles.dropLast() + [.unacknowledged] {
      let fg = ColorVision.rgb(theme.style(role).foreground, terminalDefault: ink)
      #expect(ColorVision.contrastRatio(fg, bar) >= 3.5, "\(role.key) on the header bar")
    }
  }

  @Test("high-contrast: 7:1 for every role, on its background and on the bars")
  func highContrast() {
    let theme = ShippedTheme.named("high-contrast")
    for role in Role.allCases {
      let style = theme.style(role)
      #expect(style.background != .terminalDefault, "\(role.key) leaves the terminal's background showing")
      #expect(!style.attributes.contains(.dim), "\(role.key) is dim")
      let (fg, bg) = Self.colors(style, foreground: .white, background: .black)
      #expect(ColorVision.contrastRatio(fg, bg) >= 7, "\(role.key): \(ColorVision.contrastRatio(fg, bg))")
    }
    let header = ColorVision.rgb(theme.style(.header).background, terminalDefault: .black)
    for role in ColorVision.levelRoles.dropLast() + [.unacknowledged, .live] {
      let fg = ColorVision.rgb(theme.style(role).foreground, terminalDefault: .white)
      #expect(ColorVision.contrastRatio(fg, header) >= 7, "\(role.key) on the header bar")
    }
    let hint = ColorVision.rgb(theme.style(.hintBar).background, terminalDefault: .black)
    for role in [Role.hintKey, .prompt, .error] {
      let fg = ColorVision.rgb(theme.style(role).foreground, terminalDefault: .white)
      #expect(ColorVision.contrastRatio(fg, hint) >= 7, "\(role.key) on the hint bar")
    }
  }

  @Test("dark themes: text on the terminal's dark background stays readable (4.5:1; frames 2:1)")
  func darkThemesReadable() {
    for name in ["default", "colorblind"] {
      let theme = ShippedTheme.named(name)
      let dark = RGB(bytes: 0x1C, 0x1C, 0x1C)
      for role in Role.allCases {
        let style = theme.style(role)
        let (fg, bg) = Self.colors(style, foreground: RGB(bytes: 0xD0, 0xD0, 0xD0), background: dark)
        let ratio = ColorVision.contrastRatio(fg, bg)
        let minimum = Self.decorative.contains(role) ? 2 : (style.attributes.contains(.dim) ? 3 : 4.5)
        #expect(ratio >= minimum, "\(name) \(role.key): \(ratio)")
      }
    }
  }

  @Test("colour arithmetic: WCAG contrast and CIELAB of known colours")
  func arithmetic() {
    #expect(abs(ColorVision.contrastRatio(.black, .white) - 21) < 0.01)
    #expect(abs(ColorVision.contrastRatio(RGB(bytes: 0x77, 0x77, 0x77), .white) - 4.48) < 0.01)
    let white = ColorVision.lab(.white)
    #expect(abs(white.l - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    let red = ColorVision.lab(RGB(bytes: 255, 0, 0))
    #expect(abs(red.l - 53.24) < 0.05 && abs(red.a - 80.09) < 0.05 && abs(red.b - 67.20) < 0.05)
    // A grey looks the same to a dichromat.
    let grey = RGB(bytes: 128, 128, 128)
    let simulated = ColorVision.simulate(grey, .deuteranopia)
    #expect(
      abs(simulated.r - grey.r) < 0.01 && abs(simulated.g - grey.g) < 0.01 && abs(simulated.b - grey.b) < 0.01
    )
  }
}
