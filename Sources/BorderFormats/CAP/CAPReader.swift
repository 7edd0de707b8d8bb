import BorderModel
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A CAP document read from a file: its message, or why it could not be read, with the line it starts on.
public struct CAPDocument: Sendable {
  /// The line of the input the document starts on, from 1.
  public var line: Int
  public var result: Result<CAPMessage, CAPReadError>
}

/// Why a CAP document could not be read: the element (field) and the reason.
public struct CAPReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public var field: String
  public var reason: String
  /// The message's identifier, when it got that far.
  public var identifier: String?
  public init(field: String, reason: String, identifier: String? = nil) {
    self.field = field
    self.reason = reason
    self.identifier = identifier
  }
  public var description: String { "\(field): \(reason)" }
}

/// Reads CAP 1.2 messages: one document, or several one after another, each with its XML declaration.
public enum CAPReader {
  /// Splits the input into documents at each XML declaration and reads each.
  public static func read(_ text: String) -> [CAPDocument] {
    var documents: [CAPDocument] = []
    var current: [Substring] = []
    var startLine = 1
    var lineNumber = 0
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func flush() {
      let body = current.joined(separator: "\n")
      if !body.allSatisfy(\.isWhitespace) {
        documents.append(CAPDocument(line: startLine, result: parse(body)))
      }
      current = []
    }
    for line in lines {
      lineNumber += 1
      if line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }).hasPrefix("<?xml") {
        flush()
        startLine = lineNumber
      }
      current.append(line)
    }
    flush()
    return documents
  }

  /// Reads one XML document as a CAP 1.2 message.
  public static func parse(_ xml: String) -> Result<CAPMessage, CAPReadError> {
    let builder = TreeBuilder()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed"
      return .failure(
        CAPReadError(field: "xml", reason: "malformed XML at line \(parser.lineNumber): \(error)"))
    }
    if let open = builder.openElement {
      return .failure(CAPReadError(field: "xml", reason: "malformed XML: the document ends inside <\(open)>"))
    }
    guard root.name == "alert", root.namespace == CAPExport.namespace else {
      return .failure(
        CAPReadError(
          field: "alert",
          reason: "root element <\(root.name)> in namespace '\(root.namespace)' is not a CAP 1.2 <alert>"))
    }
    do {
      return .success(try message(root))
    } catch let error as CAPReadError {
      return .failure(error)
    } catch {
      return .failure(CAPReadError(field: "alert", reason: "\(error)"))
    }
  }

  private static func message(_ root: XMLNode) throws -> CAPMessage {
    let identifier = root.text("identifier")
    func fail(_ field: String, _ reason: String) -> CAPReadError {
      CAPReadError(field: field, reason: reason, identifier: identifier)
    }
    func required(_ node: XMLNode, _ name: String) throws -> String {
      guard let value = node.text(name), !value.isEmpty else { throw fail(name, "missing") }
      return value
    }
    func term<T: RawRepresentable & CaseIterable>(_ node: XMLNode, _ name: String, _: T.Type) throws -> T
    where T.RawValue == String {
      let value = try required(node, name)
      guard let term = T(rawValue: value) else {
        throw fail(name, "'\(value)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return term
    }
    func time(_ node: XMLNode, _ name: String) throws -> Timestamp? {
      guard let value = node.text(name) else { return nil }
      switch RFC3339.parse(value) {
      case .success(let time): return time
      case .failure(let error): throw fail(name, "\(error)")
      }
    }
    _ = try required(root, "identifier")
    let sender = try required(root, "sender")
    guard let sent = try time(root, "sent") else { throw fail("sent", "missing") }
    var references: [CAPMessage.Reference] = []
    for triple in (root.text("references") ?? "").split(whereSeparator: {
      $0 == " " || $0 == "\n" || $0 == "\t"
    }) {
      let parts = triple.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 3 else { throw fail("references", "'\(triple)' is not sender,identifier,sent") }
      references.append(
        CAPMessage.Reference(
          sender: parts[0], identifier: parts[1], sent: try? RFC3339.parse(parts[2]).get()))
    }
    var infos: [CAPInfo] = []
    for node in root.children where node.name == "info" {
      var areas: [CAPArea] = []
      for areaNode in node.children where areaNode.name == "area" {
        var polygons: [[Coordinate]] = []
        for polygon in areaNode.children where polygon.name == "polygon" {
          var ring: [Coordinate] = []
          for pair in polygon.value.split(whereSeparator: \.isWhitespace) {
            guard let point = coordinate(pair) else { throw fail("polygon", "'\(pair)' is not lat,lon") }
            ring.append(point)
          }
          polygons.append(ring)
        }
        var circles: [CAPCircle] = []
        for circle in areaNode.children where circle.name == "circle" {
          let parts = circle.value.split(whereSeparator: \.isWhitespace)
          guard parts.count == 2, let centre = coordinate(parts[0]), let radius = Double(parts[1]),
            radius >= 0
          else { throw fail("circle", "'\(circle.value)' is not 'lat,lon radius'") }
          circles.append(CAPCircle(centre: centre, radiusKm: radius))
        }
        areas.append(
          CAPArea(
            areaDesc: areaNode.text("areaDesc") ?? "", polygons: polygons, circles: circles,
            geocodes: areaNode.pairs("geocode")))
      }
      infos.append(
        CAPInfo(
          language: node.text("language") ?? "en-US",
          categories: node.children.filter { $0.name == "category" }.map(\.value),
          event: try required(node, "event"),
          responseTypes: node.children.filter { $0.name == "responseType" }.map(\.value),
          urgency: try required(node, "urgency"), severity: try required(node, "severity"),
          certainty: try required(node, "certainty"), onset: try time(node, "onset"),
          senderName: node.text("senderName"), headline: node.text("headline"),
          description: node.text("description"), parameters: node.pairs("parameter"), areas: areas))
    }
    return CAPMessage(
      identifier: identifier ?? "", sender: sender, sent: sent,
      status: try term(root, "status", CAPMessage.Status.self),
      msgType: try term(root, "msgType", CAPMessage.MessageType.self), scope: try required(root, "scope"),
      note: root.text("note"), references: references, info: infos)
  }

  /// A CAP point `lat,lon` (WGS 84), or nil.
  static func coordinate(_ text: Substring) -> Coordinate? {
    let parts = text.split(separator: ",")
    guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]),
      Geography.isValid(latitude: lat, longitude: lon)
    else { return nil }
    return Coordinate(latitude: lat, longitude: lon)
  }
}

/// An element of a parsed document: name, namespace, text and children.
final class XMLNode {
  let name: String
  let namespace: String
  var value = ""
  var children: [XMLNode] = []
  init(name: String, namespace: String) {
    self.name = name
    self.namespace = namespace
  }

  /// The trimmed text of the first child with this name.
  func text(_ child: String) -> String? {
    children.first { $0.name == child }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// The `valueName`/`value` pairs of the children with this name.
  func pairs(_ child: String) -> [CAPValue] {
    children.filter { $0.name == child }.map { CAPValue($0.text("valueName") ?? "", $0.text("value") ?? "") }
  }
}

/// Builds a tree of `XMLNode`s from parser callbacks.
final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLNode?
  private var stack: [XMLNode] = []
  /// The innermost element still open, if the document ended early.
  var openElement: String? { stack.last?.name }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let node = XMLNode(name: elementName, namespace: namespaceURI ?? "")
    if let parent = stack.last { parent.children.append(node) } else { root = node }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    _ = stack.popLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.value += string
  }

  func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
    stack.last?.value += String(decoding: cdataBlock, as: UTF8.self)
  }
}
