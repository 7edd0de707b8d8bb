import BorderModel
import Foundation

/// Turns the situation's alerts into CAP 1.2 messages, and messages into XML.
public struct CAPExport: Sendable {
  /// The namespace of CAP 1.2.
  public static let namespace = "urn:oasis:names:tc:emergency:cap:1.2"
  /// The geocode name that carries a segment ID.
  public static let segmentGeocode = "bordermon:segment"
  /// The prefix of identifiers this exporter writes.
  public static let identifierPrefix = "bordermon-"

  public let situation: Situation
  /// The CAP sender: who the messages come from (no spaces, commas, `<` or `&`).
  public let sender: String

  public init(situation: Situation, sender: String = "bordermon") {
    self.situation = situation
    self.sender = sender
  }

  /// CAP severity for an alert level (table in README).
  public static func severity(_ level: AlertLevel) -> String {
    switch level {
    case .stable, .relativelyStable: return "Minor"
    case .tense: return "Moderate"
    case .armedIncident: return "Severe"
    case .escalation: return "Extreme"
    }
  }

  /// CAP urgency for an alert level; a resolved alert is `Past`.
  public static func urgency(_ level: AlertLevel, resolved: Bool) -> String {
    if resolved { return "Past" }
    switch level {
    case .stable, .relativelyStable: return "Future"
    case .tense: return "Expected"
    case .armedIncident, .escalation: return "Immediate"
    }
  }

  /// CAP certainty for a report's confidence.
  public static func certainty(_ confidence: Confidence) -> String {
    switch confidence {
    case .confirmed: return "Observed"
    case .probable: return "Likely"
    case .unverified: return "Possible"
    }
  }

  /// The stable CAP identifier of an alert's first message: `bordermon-` and the alert ID, escaped.
  public static func identifier(for alert: AlertID) -> String {
    identifierPrefix + escapeIdentifier(alert.rawValue)
  }

  /// Percent-escapes what a CAP identifier may not hold (anything but letters, digits and `-_.:`), so it is also a safe file name.
  static func escapeIdentifier(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      let allowed =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: ":")
      if allowed {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += String(format: "%%%02X", byte)
      }
    }
    return out
  }

  /// The message for one alert as it stands: `Alert` while its level is the one raised, `Update` after a level change, `Cancel` once resolved.
  public func message(for alert: Alert) -> CAPMessage {
    let original = Self.identifier(for: alert.id)
    var msgType = CAPMessage.MessageType.alert
    var identifier = original
    var sent = alert.raisedAt
    var note: String?
    if let resolution = alert.resolution {
      msgType = .cancel
      identifier = "\(original)-cancel-\(alert.lastEvent.seq)"
      sent = resolution.at
      note = resolution.note
    } else if let change = alert.levelHistory.last {
      msgType = .update
      identifier = "\(original)-update-\(alert.lastEvent.seq)"
      sent = change.at
      note = change.reason
    }
    let references =
      msgType == .alert
      ? [] : [CAPMessage.Reference(sender: sender, identifier: original, sent: alert.raisedAt)]
    return CAPMessage(
      identifier: identifier, sender: sender, sent: sent,
      status: situation.isIllustrativeSample || alert.provenance.isIllustrative ? .exercise : .actual,
      msgType: msgType,
      note: note, references: references, info: [info(for: alert)])
  }

  private func info(for alert: Alert) -> CAPInfo {
    let report = alert.report
    var parameters = [
      CAPValue("bordermon:alert", alert.id.rawValue),
      CAPValue("bordermon:level", String(alert.level.rawValue)),
      CAPValue("bordermon:kind", report.type.rawValue),
      CAPValue("bordermon:confidence", report.confidence.rawValue),
      CAPValue("bordermon:provenance", alert.provenance.label),
    ]
    if alert.level != report.level {
      parameters.append(CAPValue("bordermon:raised-level", String(report.level.rawValue)))
    }
    if let side = report.reportingSide { parameters.append(CAPValue("bordermon:side", side.rawValue)) }
    parameters += Self.provenanceParameters(alert.provenance)
    for side in Side.allCases {
      guard let claim = report.claims[side] else { continue }
      for (name, figure) in [
        ("killed", claim.killed), ("injured", claim.injured), ("evacuated", claim.evacuated),
      ] {
        guard let figure else { continue }
        let value = figure.low == figure.high ? "\(figure.low)" : "\(figure.low)-\(figure.high)"
        parameters.append(CAPValue("bordermon:claim:\(side.rawValue):\(name)", value))
      }
    }
    return CAPInfo(
      event: report.type.label, responseTypes: [alert.isOpen ? "Monitor" : "AllClear"],
      urgency: Self.urgency(alert.level, resolved: !alert.isOpen), severity: Self.severity(alert.level),
      certainty: Self.certainty(report.confidence), onset: report.occurredAt,
      senderName: situation.title.isEmpty ? nil : situation.title,
      headline: Self.headline(report.text.isEmpty ? report.type.label : report.text),
      description: report.text.isEmpty ? nil : report.text, parameters: parameters,
      areas: [area(for: alert.segment)])
  }

  /// The parameters that carry a provenance: the source's outlet, title, address and date, what is illustrative, what approximate.
  static func provenanceParameters(_ provenance: Provenance) -> [CAPValue] {
    var parameters: [CAPValue] = []
    if let source = provenance.source, provenance.isSourced {
      parameters.append(CAPValue("bordermon:source", source.outlet))
      if let title = source.title { parameters.append(CAPValue("bordermon:source-title", title)) }
      if let url = source.url { parameters.append(CAPValue("bordermon:source-url", url)) }
      if let date = source.date { parameters.append(CAPValue("bordermon:source-date", date)) }
    }
    if provenance.isIllustrative {
      parameters.append(CAPValue("bordermon:illustrative", provenance.note ?? "true"))
    }
    if !provenance.approximate.isEmpty {
      parameters.append(CAPValue("bordermon:approximate", provenance.approximate.joined(separator: ",")))
    }
    return parameters
  }

  /// A CAP headline: the text cut to 140 characters with an ellipsis.
  static func headline(_ text: String) -> String {
    text.count <= 140 ? text : String(text.prefix(139)) + "…"
  }

  /// The area of a segment: its name, its ID as a geocode, and a circle over its known ends.
  func area(for id: SegmentID) -> CAPArea {
    guard let segment = situation.segment(id) else {
      return CAPArea(areaDesc: id.rawValue, geocodes: [CAPValue(Self.segmentGeocode, id.rawValue)])
    }
    var circles: [CAPCircle] = []
    if let centre = Geography.centre(of: segment) {
      var radius = max(1, segment.lengthKm / 2)
      if let west = segment.westEnd, let east = segment.eastEnd {
        radius = max(1, Geography.distanceKm(west, east) / 2)
      }
      circles.append(CAPCircle(centre: centre, radiusKm: (radius * 10).rounded(.up) / 10))
    }
    return CAPArea(
      areaDesc:
        "\(segment.id.rawValue) \(segment.name.bothScripts), \(segment.kyrgyzDistrict.name.bothScripts) / "
        + segment.tajikDistrict.name.bothScripts,
      circles: circles, geocodes: [CAPValue(Self.segmentGeocode, segment.id.rawValue)])
  }

  /// Every alert's message, in the situation's order.
  public func messages(only alert: AlertID? = nil) -> [CAPMessage] {
    situation.alerts.filter { alert == nil || $0.id == alert }.map(message(for:))
  }

  /// A CAP time: `2021-04-29T03:00:00+00:00` (the schema wants an offset, not `Z`, and no fractions).
  public static func time(_ value: Timestamp) -> String {
    let text = RFC3339.format(Timestamp(epochSeconds: value.epochSeconds))
    return String(text.dropLast()) + "+00:00"
  }

  /// A decimal degree or kilometre figure without exponent or trailing zeros.
  static func number(_ value: Double) -> String {
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// One message as a CAP 1.2 XML document, with its declaration.
  public static func xml(_ message: CAPMessage) -> String {
    var w = XMLWriter()
    w.open("alert", attributes: [("xmlns", namespace)])
    w.element("identifier", message.identifier)
    w.element("sender", message.sender)
    w.element("sent", time(message.sent))
    w.element("status", message.status.rawValue)
    w.element("msgType", message.msgType.rawValue)
    w.element("scope", message.scope)
    w.element("note", message.note)
    if !message.references.isEmpty {
      w.element(
        "references",
        message.references.map { "\($0.sender),\($0.identifier),\($0.sent.map(time) ?? "")" }.joined(
          separator: " "))
    }
    for info in message.info {
      w.open("info")
      w.element("language", info.language)
      for category in info.categories { w.element("category", category) }
      w.element("event", info.event)
      for response in info.responseTypes { w.element("responseType", response) }
      w.element("urgency", info.urgency)
      w.element("severity", info.severity)
      w.element("certainty", info.certainty)
      w.element("onset", info.onset.map(time))
      w.element("senderName", info.senderName)
      w.element("headline", info.headline)
      w.element("description", info.description)
      for parameter in info.parameters {
        w.open("parameter")
        w.element("valueName", parameter.name)
        w.element("value", parameter.value)
        w.close("parameter")
      }
      for area in info.areas {
        w.open("area")
        w.element("areaDesc", area.areaDesc)
        for polygon in area.polygons {
          w.element(
            "polygon", polygon.map { "\(number($0.latitude)),\(number($0.longitude))" }.joined(separator: " ")
          )
        }
        for circle in area.circles {
          w.element(
            "circle",
            "\(number(circle.centre.latitude)),\(number(circle.centre.longitude)) \(number(circle.radiusKm))")
        }
        for geocode in area.geocodes {
          w.open("geocode")
          w.element("valueName", geocode.name)
          w.element("value", geocode.value)
          w.close("geocode")
        }
        w.close("area")
      }
      w.close("info")
    }
    w.close("alert")
    return w.text
  }
}
