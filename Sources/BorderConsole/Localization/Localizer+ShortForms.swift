import BorderModel

/// The abbreviations the screen uses where room is short, for help's legend.
extension Localizer {
  /// Each short form the screen may show in this language with what it stands for: the vocabulary's
  /// narrow words that differ from the full ones, the clocks, units and the hint bar's abbreviations.
  ///
  /// Empty in English, whose short forms (`rel.stable`, `BIS`, `topo WG`) are read as they are and
  /// whose help stays as it was; issue 15 asks every Russian abbreviation to be in the legend.
  public var shortForms: [(short: String, meaning: String)] {
    guard language != .english else { return [] }
    var pairs: [(String, String)] = []
    pairs += AlertLevel.allCases.map { (shortLevel($0), level($0)) }
    pairs += DemarcationStatus.allCases.map { (shortStatus($0), status($0)) }
    pairs += MeetingStatus.allCases.map { (shortMeetingStatus($0), meetingStatus($0)) }
    pairs += MeetingKind.allCases.map { (shortMeetingKind($0), meetingKind($0)) }
    pairs += [
      (tr("BIS", context: "clock"), tr("Bishkek", context: "clock")),
      (tr("DUS", context: "clock"), tr("Dushanbe", context: "clock")),
      (tr("KG / TJ", context: "short form"), tr("Kyrgyzstan / Tajikistan", context: "short form")),
      (tr("checkpoint", context: "feature"), tr("border checkpoint", context: "short form")),
      (tr("unacked", context: "short form"), tr("not acknowledged", context: "short form")),
      (tr("ack", context: "hint"), tr("acknowledge the alert", context: "short form")),
      (tr("unack", context: "hint"), tr("the next unacknowledged alert", context: "short form")),
      (tr("prot.", context: "short form"), tr("protocol", context: "short form")),
      (tr("Last", context: "column"), tr("last event", context: "sort")),
      (
        tr("m h d mo y", context: "short form"),
        tr("minutes, hours, days, months, years", context: "short form")
      ),
    ]
    var seen: Set<String> = []
    return pairs.filter { short, meaning in short != meaning && seen.insert(short).inserted }
  }
}
