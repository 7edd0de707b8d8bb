/// A PostgreSQL store's address: `postgresql://[user@][host][:port]/database[?host=/socket/dir&port=…&sslmode=…]`.
///
/// Only the parts bordermon knows are accepted; a password in the URL is refused (it would sit in
/// shell history and process lists): libpq takes it from `~/.pgpass` or `$PGPASSWORD`.
public struct StoreURL: Sendable, Equatable, CustomStringConvertible {
  /// The server's host name or address, or a directory holding its unix socket; nil for libpq's default.
  public var host: String?
  /// The server's port; nil for libpq's default (5432).
  public var port: Int?
  /// The database.
  public var database: String
  /// The role to log in as; nil for libpq's default (the login name).
  public var user: String?
  /// `disable`, `allow`, `prefer`, `require`, `verify-ca` or `verify-full`; nil for libpq's default.
  public var sslmode: String?
  /// Seconds to wait for a connection.
  public var connectTimeout: Int = 5
  /// Other libpq parameters given in the query (`sslrootcert`, `application_name`, …).
  public var extra: [(key: String, value: String)] = []

  /// The query parameters accepted besides host, port, dbname, user and sslmode.
  static let passThrough: Set<String> = [
    "application_name", "sslrootcert", "sslcert", "sslkey", "sslcrl", "passfile", "target_session_attrs",
  ]
  static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

  /// Why a store URL was refused.
  public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
    public var reason: String
    public var description: String { reason }
  }

  /// Whether `text` is meant as a store URL (rather than, say, a data directory).
  public static func looksLikeURL(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// Reads a `postgresql://` URL.
  public static func parse(_ text: String) -> Result<StoreURL, ParseError> {
    func fail(_ reason: String) -> Result<StoreURL, ParseError> { .failure(ParseError(reason: reason)) }
    var rest: Substring
    if text.hasPrefix("postgresql://") {
      rest = text.dropFirst("postgresql://".count)
    } else if text.hasPrefix("postgres://") {
      rest = text.dropFirst("postgres://".count)
    } else {
      return fail(
        "a store URL starts with postgresql:// (for example postgresql://desk@db.example/bordermon)")
    }
    var query: Substring = ""
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    if rest.contains("#") { return fail("a store URL has no #fragment") }
    var authority = rest
    var path: Substring = ""
    if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      path = rest[rest.index(after: slash)...]
    }
    var url = StoreURL(database: "")
    if let at = authority.lastIndex(of: "@") {
      let userInfo = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if userInfo.contains(":") {
        return fail(
          "a password does not belong in the URL (it would be seen in process lists); use ~/.pgpass or PGPASSWORD"
        )
      }
      guard let user = percentDecoded(userInfo), !user.isEmpty else {
        return fail("the user name is not valid")
      }
      url.user = user
    }
    var hostPart = authority
    if hostPart.hasPrefix("[") {
      guard let close = hostPart.firstIndex(of: "]") else { return fail("an IPv6 address lacks its ]") }
      url.host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
      hostPart = hostPart[hostPart.index(after: close)...]
      if !hostPart.isEmpty && !hostPart.hasPrefix(":") {
        return fail("unexpected text after the IPv6 address")
      }
      if hostPart.hasPrefix(":") {
        guard let port = parsePort(hostPart.dropFirst()) else {
          return fail("the port is not a number 1–65535")
        }
        url.port = port
      }
    } else {
      if let colon = hostPart.lastIndex(of: ":") {
        guard let port = parsePort(hostPart[hostPart.index(after: colon)...]) else {
          return fail("the port is not a number 1–65535")
        }
        url.port = port
        hostPart = hostPart[..<colon]
      }
      if !hostPart.isEmpty {
        guard let host = percentDecoded(hostPart) else { return fail("the host is not valid") }
        url.host = host
      }
    }
    if path.contains("/") {
      return fail("the database name is one path segment (postgresql://host/DATABASE)")
    }
    guard let database = percentDecoded(path) else { return fail("the database name is not valid") }
    url.database = database
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      guard let equals = pair.firstIndex(of: "=") else {
        return fail("query parameter '\(pair)' has no value")
      }
      let key = String(pair[..<equals])
      guard let value = percentDecoded(pair[pair.index(after: equals)...]) else {
        return fail("the value of \(key) is not valid")
      }
      switch key {
      case "host": url.host = value
      case "port":
        guard let port = parsePort(Substring(value)) else {
          return fail("port: '\(value)' is not a number 1–65535")
        }
        url.port = port
      case "dbname": url.database = value
      case "user": url.user = value
      case "sslmode":
        guard sslModes.contains(value) else {
          return fail("sslmode: '\(value)' is not one of \(sslModes.joined(separator: ", "))")
        }
        url.sslmode = value
      case "connect_timeout":
        guard let seconds = Int(value), seconds >= 1 else {
          return fail("connect_timeout: '\(value)' is not ≥ 1")
        }
        url.connectTimeout = seconds
      case "password":
        return fail("a password does not belong in the URL; use ~/.pgpass or PGPASSWORD")
      default:
        guard passThrough.contains(key) else {
          let known =
            (["host", "port", "dbname", "user", "sslmode", "connect_timeout"] + passThrough.sorted())
          return fail("unknown parameter '\(key)' (known: \(known.joined(separator: ", ")))")
        }
        url.extra.append((key, value))
      }
    }
    if url.database.isEmpty { return fail("the URL names no database (postgresql://host/DATABASE)") }
    return .success(url)
  }

  /// The URL as shown to people: no password ever (there is none), the socket directory as a query.
  public var description: String {
    var text = "postgresql://"
    if let user { text += user + "@" }
    let isSocket = host?.hasPrefix("/") == true
    if let host, !isSocket { text += host.contains(":") ? "[\(host)]" : host }
    if let port, !isSocket { text += ":\(port)" }
    text += "/" + database
    var query: [String] = []
    if let host, isSocket { query.append("host=" + host) }
    if let port, isSocket { query.append("port=\(port)") }
    if let sslmode { query.append("sslmode=" + sslmode) }
    query += extra.map { "\($0.key)=\($0.value)" }
    if !query.isEmpty { text += "?" + query.joined(separator: "&") }
    return text
  }

  /// The keyword/value pairs for `PQconnectdbParams`.
  var connectionParameters: [(String, String)] {
    var pairs: [(String, String)] = [("dbname", database), ("connect_timeout", String(connectTimeout))]
    if let host { pairs.append(("host", host)) }
    if let port { pairs.append(("port", String(port))) }
    if let user { pairs.append(("user", user)) }
    if let sslmode { pairs.append(("sslmode", sslmode)) }
    // Notice a dead server on a quiet connection within about half a minute.
    pairs += [
      ("keepalives", "1"), ("keepalives_idle", "10"), ("keepalives_interval", "5"), ("keepalives_count", "3"),
    ]
    if !extra.contains(where: { $0.key == "application_name" }) {
      pairs.append(("application_name", "bordermon"))
    }
    pairs += extra.map { ($0.key, $0.value) }
    return pairs
  }

  public static func == (left: StoreURL, right: StoreURL) -> Bool { left.description == right.description }

  private static func parsePort(_ text: Substring) -> Int? {
    guard let port = Int(text), (1...65535).contains(port) else { return nil }
    return port
  }

  /// Decodes `%XX` escapes; nil when one is malformed or the bytes are not UTF-8.
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    if bytes.contains(0) { return nil }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
