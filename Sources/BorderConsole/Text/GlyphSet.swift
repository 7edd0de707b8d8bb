import BorderModel

/// The characters the view draws with: Unicode by default, plain ASCII for terminals without UTF-8.
public struct GlyphSet: Sendable, Hashable {
  public var horizontal: String
  public var vertical: String
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  /// Gauge: the filled and empty parts.
  public var gaugeFull: String
  public var gaugeEmpty: String
  /// Marks the selected row.
  public var selectionMark: String
  /// Marks an alert nobody has acknowledged.
  public var unacknowledged: String
  public var ellipsis: String
  /// The live indicator when fresh and when stale.
  public var liveDot: String
  public var staleDot: String
  /// The strip map's pointer under the selected segment.
  public var pointer: String
  public var separator: String
  /// Marks a row that changed a moment ago.
  public var changedMark: String
  public var isASCII: Bool

  /// The glyph for a demarcation status, distinct without colour.
  public func status(_ status: DemarcationStatus) -> String {
    if isASCII {
      switch status {
      case .disputed: return "X"
      case .underNegotiation: return "?"
      case .described: return "="
      case .delimited: return "-"
      case .demarcationInProgress: return "+"
      case .demarcated: return "#"
      }
    }
    switch status {
    case .disputed: return "█"
    case .underNegotiation: return "▓"
    case .described: return "▒"
    case .delimited: return "░"
    case .demarcationInProgress: return "┅"
    case .demarcated: return "━"
    }
  }

  /// The glyph for an alert level, distinct without colour.
  public func level(_ level: AlertLevel) -> String {
    if isASCII {
      switch level {
      case .stable: return "."
      case .relativelyStable: return "-"
      case .tense: return "^"
      case .armedIncident: return "!"
      case .escalation: return "#"
      }
    }
    switch level {
    case .stable: return "·"
    case .relativelyStable: return "○"
    case .tense: return "▲"
    case .armedIncident: return "◆"
    case .escalation: return "■"
    }
  }

  /// Box drawing, block elements and the control pictures.
  public static let unicode = GlyphSet(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    gaugeFull: "█", gaugeEmpty: "░", selectionMark: "▶", unacknowledged: "●", ellipsis: "…",
    liveDot: "●", staleDot: "○", pointer: "▲", separator: "·", changedMark: "*", isASCII: false)

  /// Plain ASCII for terminals and locales without UTF-8.
  public static let ascii = GlyphSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    gaugeFull: "#", gaugeEmpty: ".", selectionMark: ">", unacknowledged: "*", ellipsis: "~",
    liveDot: "*", staleDot: "o", pointer: "^", separator: "|", changedMark: "*", isASCII: true)
}
