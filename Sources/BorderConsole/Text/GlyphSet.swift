import BorderModel

/// The characters the view draws with: Unicode by default, plain ASCII for terminals without UTF-8.
///
/// Every glyph that carries a meaning lives here, and no two of them that can share a screen are
/// the same character (ux.md bug 16): `marks` lists them, and a test holds each set to it.
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
  /// The live indicator when fresh and when stale (empty: the word alone).
  public var liveDot: String
  public var staleDot: String
  /// The strip map's pointer under the selected segment.
  public var pointer: String
  public var separator: String
  /// Marks a row that changed a moment ago.
  public var changedMark: String
  /// Stands for a value that is not there (no event yet, not a number).
  public var noValue: String
  public var isASCII: Bool

  /// Brackets a form field's choice: `◀ value ▶`, or `< value >` in ASCII.
  public var choiceBrackets: (open: String, close: String) { isASCII ? ("<", ">") : ("◀", "▶") }

  /// The text cursor drawn in a form's focused text field.
  public var textCursor: String { isASCII ? "|" : "▏" }

  /// The glyph for a demarcation status, distinct without colour.
  public func status(_ status: DemarcationStatus) -> String {
    if isASCII {
      switch status {
      case .disputed: return "X"
      case .underNegotiation: return "?"
      case .described: return "="
      case .delimited: return ":"
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
      case .relativelyStable: return "o"
      case .tense: return "^"
      case .armedIncident: return "!"
      case .escalation: return "@"
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

  /// The stale dot and a space, or nothing where the word says it alone.
  public var staleMark: String { staleDot.isEmpty ? "" : staleDot + " " }

  /// Every glyph that means something, with what it means: the ones that can share a screen.
  ///
  /// Box drawing and the title separator are structure, not meaning, and are left out.
  public var marks: [(meaning: String, glyph: String)] {
    var marks: [(String, String)] = [
      ("gauge: agreed", gaugeFull), ("gauge: not agreed", gaugeEmpty), ("selected row", selectionMark),
      ("unacknowledged", unacknowledged), ("acknowledged", acknowledgedMark),
      ("resolved", resolvedMark), ("newer alerts above", newerMark), ("text cut", ellipsis),
      ("live", liveDot), ("stale", staleDot), ("selected segment on the strip map", pointer),
      ("changed row", changedMark), ("no value", noValue),
    ]
    marks += DemarcationStatus.allCases.map { ("status \($0.label)", status($0)) }
    marks += AlertLevel.allCases.map { ("level \($0.rawValue)", level($0)) }
    return marks.filter { !$0.1.isEmpty }
  }

  /// Box drawing, block elements and the control pictures.
  public static let unicode = GlyphSet(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    gaugeFull: "▰", gaugeEmpty: "▱", selectionMark: "▶", unacknowledged: "●", ellipsis: "…",
    liveDot: "◉", staleDot: "⚠", pointer: "▔", separator: "·", changedMark: "*", noValue: "—",
    isASCII: false)

  /// Plain ASCII for terminals and locales without UTF-8.
  public static let ascii = GlyphSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    gaugeFull: "%", gaugeEmpty: "_", selectionMark: ">", unacknowledged: "*", ellipsis: "~",
    liveDot: "", staleDot: "", pointer: "'", separator: "|", changedMark: "\"", noValue: "-",
    isASCII: true)
}
