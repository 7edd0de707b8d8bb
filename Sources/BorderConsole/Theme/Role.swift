import BorderModel

/// What a piece of the screen means; a theme gives each role its look.
public enum Role: Int, Sendable, Hashable, CaseIterable {
  case text
  case muted
  case title
  case header
  case headerAccent
  case border
  case focus
  case selection
  case tableHeader
  case gaugeFilled
  case gaugeEmpty
  case statusDisputed
  case statusUnderNegotiation
  case statusDescribed
  case statusDelimited
  case statusDemarcationInProgress
  case statusDemarcated
  case level1
  case level2
  case level3
  case level4
  case level5
  case meetingScheduled
  case meetingInSession
  case meetingHeld
  case meetingPostponed
  case meetingCancelled
  case unacknowledged
  case changed
  case frozenBanner
  case historyBanner
  case live
  case stale
  case hintBar
  case hintKey
  case prompt
  case error
  case clockSeconds

  /// The role's name in theme files, e.g. `status.disputed`, `level.3`.
  public var key: String {
    switch self {
    case .text: return "text"
    case .muted: return "muted"
    case .title: return "title"
    case .header: return "header"
    case .headerAccent: return "header.accent"
    case .border: return "border"
    case .focus: return "focus"
    case .selection: return "selection"
    case .tableHeader: return "table.header"
    case .gaugeFilled: return "gauge.filled"
    case .gaugeEmpty: return "gauge.empty"
    case .statusDisputed: return "status.disputed"
    case .statusUnderNegotiation: return "status.under-negotiation"
    case .statusDescribed: return "status.described"
    case .statusDelimited: return "status.delimited"
    case .statusDemarcationInProgress: return "status.demarcation-in-progress"
    case .statusDemarcated: return "status.demarcated"
    case .level1: return "level.1"
    case .level2: return "level.2"
    case .level3: return "level.3"
    case .level4: return "level.4"
    case .level5: return "level.5"
    case .meetingScheduled: return "meeting.scheduled"
    case .meetingInSession: return "meeting.in-session"
    case .meetingHeld: return "meeting.held"
    case .meetingPostponed: return "meeting.postponed"
    case .meetingCancelled: return "meeting.cancelled"
    case .unacknowledged: return "alert.unacknowledged"
    case .changed: return "changed"
    case .frozenBanner: return "banner.frozen"
    case .historyBanner: return "banner.history"
    case .live: return "live"
    case .stale: return "stale"
    case .hintBar: return "hint.bar"
    case .hintKey: return "hint.key"
    case .prompt: return "prompt"
    case .error: return "error"
    case .clockSeconds: return "clock.seconds"
    }
  }

  /// The role of a demarcation status.
  public static func status(_ status: DemarcationStatus) -> Role {
    switch status {
    case .disputed: return .statusDisputed
    case .underNegotiation: return .statusUnderNegotiation
    case .described: return .statusDescribed
    case .delimited: return .statusDelimited
    case .demarcationInProgress: return .statusDemarcationInProgress
    case .demarcated: return .statusDemarcated
    }
  }

  /// The role of an alert level.
  public static func level(_ level: AlertLevel) -> Role {
    switch level {
    case .stable: return .level1
    case .relativelyStable: return .level2
    case .tense: return .level3
    case .armedIncident: return .level4
    case .escalation: return .level5
    }
  }

  /// The role of a meeting status.
  public static func meeting(_ status: MeetingStatus) -> Role {
    switch status {
    case .scheduled: return .meetingScheduled
    case .inSession: return .meetingInSession
    case .held: return .meetingHeld
    case .postponed: return .meetingPostponed
    case .cancelled: return .meetingCancelled
    }
  }
}

/// A named set of looks for every role.
public struct Theme: Sendable, Equatable {
  public var name: String
  private var styles: [CellStyle]

  /// A theme from a role→style table; roles left out take `fallback`'s style.
  public init(name: String, styles table: [Role: CellStyle], fallback: Theme? = nil) {
    self.name = name
    styles = Role.allCases.map { table[$0] ?? fallback?.style($0) ?? .plain }
  }

  /// The look of a role.
  @inline(__always)
  public func style(_ role: Role) -> CellStyle { styles[role.rawValue] }

  /// A copy with one role's look replaced.
  public func with(_ role: Role, _ style: CellStyle) -> Theme {
    var copy = self
    copy.styles[role.rawValue] = style
    return copy
  }

  /// The default dark theme, built into the binary.
  public static let defaultDark: Theme = {
    func fg(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ attributes: TextAttributes = []) -> CellStyle {
      CellStyle(foreground: .rgb(r, g, b), attributes: attributes)
    }
    let barBackground = ThemeColor.rgb(0x26, 0x2B, 0x33)
    return Theme(
      name: "default",
      styles: [
        .text: .plain,
        .muted: fg(0x8A, 0x93, 0x9E),
        .title: fg(0xE6, 0xE6, 0xE6, .bold),
        // The header has no bar, so the clock's seconds can be drawn in the terminal's own
        // colours: an idle tick then costs the terminal two or three bytes instead of forty.
        .header: fg(0xE6, 0xE6, 0xE6, .bold),
        .headerAccent: fg(0x7F, 0xC8, 0xF8, .bold),
        .clockSeconds: .plain,
        .border: fg(0x4C, 0x56, 0x62),
        .focus: fg(0x7F, 0xC8, 0xF8, .bold),
        .selection: CellStyle(
          foreground: .rgb(0xFF, 0xFF, 0xFF), background: .rgb(0x2D, 0x4F, 0x7C), attributes: .bold),
        .tableHeader: fg(0x8A, 0x93, 0x9E, .underline),
        .gaugeFilled: fg(0x5F, 0xB3, 0x6B),
        .gaugeEmpty: fg(0x4C, 0x56, 0x62),
        .statusDisputed: fg(0xE5, 0x53, 0x4B),
        .statusUnderNegotiation: fg(0xE8, 0xA3, 0x3D),
        .statusDescribed: fg(0x5F, 0xB3, 0x6B),
        .statusDelimited: fg(0x4F, 0xA3, 0xC7),
        .statusDemarcationInProgress: fg(0x8C, 0x7A, 0xE6),
        .statusDemarcated: fg(0xB0, 0xB8, 0xC0, .bold),
        .level1: fg(0x8A, 0x93, 0x9E),
        .level2: fg(0x9C, 0xC8, 0x6E),
        .level3: fg(0xE8, 0xC1, 0x3D, .bold),
        .level4: fg(0xF0, 0x7B, 0x3F, .bold),
        .level5: CellStyle(
          foreground: .rgb(0xFF, 0xFF, 0xFF), background: .rgb(0xB0, 0x24, 0x1F), attributes: .bold),
        .meetingScheduled: fg(0x7F, 0xC8, 0xF8),
        .meetingInSession: fg(0x5F, 0xD3, 0x8B, .bold),
        .meetingHeld: fg(0x8A, 0x93, 0x9E),
        .meetingPostponed: fg(0xE8, 0xA3, 0x3D),
        .meetingCancelled: fg(0x8A, 0x93, 0x9E, .dim),
        .unacknowledged: fg(0xFF, 0x6B, 0x5E, .bold),
        .changed: CellStyle(
          foreground: .rgb(0x10, 0x10, 0x10), background: .rgb(0xE8, 0xC1, 0x3D), attributes: .bold),
        .frozenBanner: CellStyle(
          foreground: .rgb(0x10, 0x10, 0x10), background: .rgb(0x7F, 0xC8, 0xF8), attributes: .bold),
        .historyBanner: CellStyle(
          foreground: .rgb(0x10, 0x10, 0x10), background: .rgb(0xC3, 0x9B, 0xF0), attributes: .bold),
        .live: fg(0x5F, 0xD3, 0x8B, .bold),
        .stale: CellStyle(
          foreground: .rgb(0xFF, 0xFF, 0xFF), background: .rgb(0xB0, 0x24, 0x1F), attributes: .bold),
        .hintBar: CellStyle(foreground: .rgb(0xB0, 0xB8, 0xC0), background: barBackground),
        .hintKey: CellStyle(foreground: .rgb(0x7F, 0xC8, 0xF8), background: barBackground, attributes: .bold),
        .prompt: fg(0xE8, 0xC1, 0x3D, .bold),
        .error: fg(0xFF, 0x6B, 0x5E, .bold),
      ])
  }()
}
