import BorderModel
import Foundation

/// The meetings as an iCalendar (RFC 5545) calendar: one VEVENT per meeting, times in UTC, CRLF, folded lines.
public struct ICalendarExport: Sendable {
  public let situation: Situation
  /// When the calendar is written (DTSTAMP).
  public let now: Timestamp
  /// The product named in PRODID, with its version.
  public let product: String

  public init(situation: Situation, now: Timestamp, product: String = "bordermon") {
    self.situation = situation
    self.now = now
    self.product = product
  }

  /// The iCalendar status of a meeting: postponed is tentative, cancelled cancelled, the rest confirmed.
  public static func status(_ status: MeetingStatus) -> String {
    switch status {
    case .postponed: return "TENTATIVE"
    case .cancelled: return "CANCELLED"
    case .scheduled, .inSession, .held: return "CONFIRMED"
    }
  }

  /// A UTC DATE-TIME: `20261208T040000Z`.
  public static func time(_ value: Timestamp) -> String {
    let c = CivilCalendar.civil(value, offsetSeconds: 0)
    return "\(RFC3339.pad(c.year, 4))\(RFC3339.pad(c.month, 2))\(RFC3339.pad(c.day, 2))T"
      + "\(RFC3339.pad(c.hour, 2))\(RFC3339.pad(c.minute, 2))\(RFC3339.pad(c.second, 2))Z"
  }

  /// The stable UID of a meeting: its ID (letters, digits and `-_.` kept, the rest percent-escaped) at bordermon.
  public static func uid(_ id: MeetingID) -> String {
    CAPExport.escapeIdentifier(id.rawValue).replacingOccurrences(of: ":", with: "%3A") + "@bordermon"
  }

  /// Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and newline; other controls become U+FFFD.
  public static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": continue
      case "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character; lines end in CRLF.
  public static func fold(_ line: String) -> String {
    var out = ""
    var octets = 0
    var limit = 75
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if octets + size > limit {
        out += "\r\n "
        octets = 1
        limit = 75
      }
      out.unicodeScalars.append(scalar)
      octets += size
    }
    return out + "\r\n"
  }

  /// The whole calendar.
  public func calendar() -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bordermon//\(Self.escape(product))//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]
    if !situation.title.isEmpty {
      lines.append("X-WR-CALNAME:" + Self.escape(situation.title + " · meetings"))
    }
    for meeting in situation.meetings {
      lines += event(meeting)
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined()
  }

  /// One meeting's VEVENT lines, unfolded.
  func event(_ meeting: Meeting) -> [String] {
    var lines = [
      "BEGIN:VEVENT", "UID:" + Self.uid(meeting.id), "DTSTAMP:" + Self.time(now),
      "DTSTART:" + Self.time(meeting.start), "DTEND:" + Self.time(max(meeting.end, meeting.start)),
    ]
    var summary = meeting.kind.label
    if let venue = meeting.venue { summary += " — " + venue.latin }
    lines.append("SUMMARY:" + Self.escape(summary))
    if let venue = meeting.venue { lines.append("LOCATION:" + Self.escape(venue.bothScripts)) }
    lines.append("DESCRIPTION:" + Self.escape(description(meeting)))
    lines.append("STATUS:" + Self.status(meeting.status(at: now)))
    // The journal position of the meeting's last change: it grows with every reschedule, postponement or cancellation.
    lines.append("SEQUENCE:\(meeting.lastEvent?.seq ?? 0)")
    if let last = meeting.lastEvent { lines.append("LAST-MODIFIED:" + Self.time(last.at)) }
    lines.append("CATEGORIES:" + Self.escape(meeting.kind.rawValue))
    lines.append("END:VEVENT")
    return lines
  }

  /// The agenda with segment names, the host, the outcome, the reason of the last change and the note.
  func description(_ meeting: Meeting) -> String {
    var parts: [String] = []
    if !meeting.agenda.isEmpty {
      let items = meeting.agenda.map { id in
        situation.segment(id).map { "\(id.rawValue) \($0.name.bothScripts)" } ?? id.rawValue
      }
      parts.append("Agenda: " + items.joined(separator: "; "))
    }
    if let host = meeting.host { parts.append("Host: \(host.label)") }
    if let outcome = meeting.outcome {
      var text = "Outcome:"
      if let number = outcome.protocolNumber { text += " protocol \(number)" }
      if let km = outcome.kmAgreed { text += " \(km) km agreed" }
      if let summary = outcome.summary { text += " — \(summary)" }
      parts.append(text)
    }
    if let reason = meeting.statusReason { parts.append("\(meeting.status.label.capitalized): \(reason)") }
    if let note = meeting.note { parts.append("Note: \(note)") }
    parts.append("Provenance: \(meeting.provenance.summary)")
    return parts.joined(separator: "\n")
  }
}
