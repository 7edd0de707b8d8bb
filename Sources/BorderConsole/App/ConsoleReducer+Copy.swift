import BorderModel

/// The reducer: `y` copies the record on screen to the terminal's clipboard.
extension ConsoleState {
  /// The record on screen as one line to paste: its ID and text, control characters made visible.
  func clipboardText(for record: RecordOnScreen) -> (id: String, text: String)? {
    switch record {
    case .alert(let id):
      guard let alert = live.alert(id) else { return nil }
      return (id.rawValue, "\(id.rawValue) \(alert.report.text)")
    case .segment(let id):
      guard let segment = live.segment(id) else { return nil }
      return (id.rawValue, "\(id.rawValue) \(segment.name.latin)")
    case .meeting(let id):
      guard let meeting = live.meeting(id) else { return nil }
      let venue = meeting.venue.map { " \($0.latin)" } ?? ""
      return (id.rawValue, "\(id.rawValue) \(meeting.kind.label)\(venue)")
    }
  }

  /// Copies the record on screen where the terminal takes clipboard writes; else says it cannot.
  mutating func copyRecordOnScreen() -> [ConsoleEffect] {
    guard let record = recordOnScreen, let copy = clipboardText(for: record) else {
      say(l10n.tr("nothing is selected"), error: true)
      return []
    }
    guard clipboardAvailable else {
      say(
        l10n.tr(
          "cannot copy: this terminal does not take clipboard writes (OSC 52; in tmux: set -g set-clipboard on)"
        ),
        error: true, seconds: 8)
      return []
    }
    // Untrusted text never reaches a paste as control characters: they are shown as placeholders.
    let text = Sanitizer.clean(copy.text.replacingNewlines())
    say(l10n.tr("copied %@ to the clipboard", copy.id), seconds: 3)
    return [.copy(text)]
  }
}

extension String {
  /// The text on one line: line ends as spaces.
  fileprivate func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}

/// The terminal's clipboard through OSC 52: `ESC ] 52 ; c ; <base64> BEL`.
public enum Clipboard {
  /// The OSC 52 sequence that puts `text` on the clipboard; the text travels base64-encoded,
  /// so none of its bytes reaches the terminal as a control sequence.
  public static func osc52(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
  }

  /// Standard base64 (RFC 4648) with padding.
  static func base64(_ bytes: [UInt8]) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let a = UInt32(bytes[index])
      let b = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
      let c = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
      let triple = a << 16 | b << 8 | c
      out.append(alphabet[Int(triple >> 18 & 63)])
      out.append(alphabet[Int(triple >> 12 & 63)])
      out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : 0x3D)
      out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : 0x3D)
      index += 3
    }
    return out
  }
}
