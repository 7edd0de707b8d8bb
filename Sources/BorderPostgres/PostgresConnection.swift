import CLibPQ

#if canImport(Glibc)
  import Glibc
#endif

/// What went wrong talking to a PostgreSQL store: the server's (or libpq's) own message.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The store, as shown to people (never with a password).
  public var store: String
  /// What bordermon was doing.
  public var operation: String
  /// The server's or libpq's message, on one line.
  public var message: String
  /// The SQLSTATE code when the server gave one (`42501` insufficient privilege, …).
  public var code: String?

  public var description: String { "\(store): cannot \(operation): \(message)" }
}

/// One libpq connection, used from one thread (the console's loop, or a command).
///
/// A class because the connection is one resource that the store's readers share.
public final class PostgresConnection: @unchecked Sendable {
  /// The address it was made from.
  public let url: StoreURL
  private var handle: OpaquePointer?

  private init(url: StoreURL, handle: OpaquePointer) {
    self.url = url
    self.handle = handle
  }

  deinit { if let handle { PQfinish(handle) } }

  /// Connects (blocking, at most the URL's connect timeout).
  public static func connect(_ url: StoreURL) -> Result<PostgresConnection, StoreError> {
    let pairs = url.connectionParameters
    var keys = pairs.map { strdup($0.0) }
    var values = pairs.map { strdup($0.1) }
    keys.append(nil)
    values.append(nil)
    defer {
      for key in keys { free(key) }
      for value in values { free(value) }
    }
    let handle = keys.withUnsafeBufferPointer { keyPointer in
      values.withUnsafeBufferPointer { valuePointer in
        keyPointer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: keys.count) { k in
          valuePointer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: values.count)
          { v in
            PQconnectdbParams(k, v, 0)
          }
        }
      }
    }
    guard let handle else {
      return .failure(StoreError(store: url.description, operation: "connect", message: "out of memory"))
    }
    guard PQstatus(handle) == CONNECTION_OK else {
      let message = Self.oneLine(PQerrorMessage(handle))
      PQfinish(handle)
      return .failure(StoreError(store: url.description, operation: "connect", message: message))
    }
    // libpq prints notices (and the server's "terminating connection" at a shutdown) on standard
    // error, which is the console's screen: keep them off it; failures come back as errors.
    PQsetNoticeProcessor(handle, { _, _ in }, nil)
    let connection = PostgresConnection(url: url, handle: handle)
    // Times and text as the journal holds them, whatever the server's defaults.
    if case .failure(let error) = connection.execute("SET TIME ZONE 'UTC'", operation: "connect") {
      return .failure(error)
    }
    return .success(connection)
  }

  /// Whether the connection is still good (as far as libpq knows).
  public var isConnected: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }

  /// The socket to poll for notifications and for the server going away; -1 when closed.
  public var socket: Int32 { handle.map { PQsocket($0) } ?? -1 }

  /// Closes the connection.
  public func close() {
    if let handle { PQfinish(handle) }
    handle = nil
  }

  /// Runs one statement with text parameters (`$1`, `$2`, …); nil parameters are SQL NULL.
  @discardableResult
  public func execute(_ sql: String, _ parameters: [String?] = [], operation: String) -> Result<
    QueryResult, StoreError
  > {
    guard let handle else {
      return .failure(StoreError(store: url.description, operation: operation, message: "not connected"))
    }
    var copies = parameters.map { $0.map { strdup($0) } ?? nil }
    defer { for copy in copies { free(copy) } }
    // Without parameters, the simple protocol, which also runs several statements (the schema).
    let result =
      parameters.isEmpty
      ? PQexec(handle, sql)
      : copies.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
          PQexecParams(handle, sql, Int32(parameters.count), nil, $0, nil, nil, 0)
        }
      }
    guard let result else {
      return .failure(
        StoreError(
          store: url.description, operation: operation, message: Self.oneLine(PQerrorMessage(handle))))
    }
    let status = PQresultStatus(result)
    guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
      var message = Self.serverMessage(result)
      if message.isEmpty { message = Self.oneLine(PQerrorMessage(handle)) }
      let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
      PQclear(result)
      return .failure(StoreError(store: url.description, operation: operation, message: message, code: code))
    }
    return .success(QueryResult(result))
  }

  /// libpq's last message for this connection, on one line.
  public var lastErrorMessage: String {
    guard let handle = handle else { return "not connected" }
    let message = Self.oneLine(PQerrorMessage(handle))
    return message.isEmpty ? "the connection to the server was lost" : message
  }

  /// Starts reconnecting with the same parameters, without waiting; false when it cannot start.
  public func startReset() -> Bool {
    guard let handle = handle else { return false }
    return PQresetStart(handle) == 1
  }

  /// Takes the reconnection one step further, without waiting.
  public func pollReset() -> ResetProgress {
    guard let handle = handle else { return .failed("not connected") }
    switch PQresetPoll(handle) {
    case PGRES_POLLING_OK: return .connected
    case PGRES_POLLING_FAILED: return .failed(Self.oneLine(PQerrorMessage(handle)))
    default: return .pending
    }
  }

  /// Reads what the server sent without waiting; false when the connection is broken.
  public func consumeInput() -> Bool {
    guard let handle else { return false }
    return PQconsumeInput(handle) == 1 && PQstatus(handle) == CONNECTION_OK
  }

  /// The notifications received so far: (channel, payload).
  public func notifications() -> [(channel: String, payload: String)] {
    guard let handle else { return [] }
    var found: [(String, String)] = []
    while let notice = PQnotifies(handle) {
      found.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
      PQfreemem(notice)
    }
    return found
  }

  /// The server's message for a failed statement: the primary text, then its detail and hint.
  static func serverMessage(_ result: OpaquePointer) -> String {
    func field(_ code: Character) -> String? {
      PQresultErrorField(result, Int32(code.asciiValue!)).map { oneLine($0) }.flatMap {
        $0.isEmpty ? nil : $0
      }
    }
    guard let primary = field("M") else { return oneLine(PQresultErrorMessage(result)) }
    return ([primary] + [field("D"), field("H")].compactMap { $0 }).joined(separator: "; ")
  }

  /// libpq's message, without its trailing newline and with line breaks as spaces.
  static func oneLine(_ text: UnsafePointer<CChar>?) -> String {
    guard let text else { return "" }
    let lines = String(cString: text).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    return lines.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// A query's rows, freed when it goes.
public final class QueryResult: @unchecked Sendable {
  let result: OpaquePointer

  init(_ result: OpaquePointer) { self.result = result }
  deinit { PQclear(result) }

  /// How many rows.
  public var count: Int { Int(PQntuples(result)) }
  /// Whether the value at (row, column) is NULL.
  public func isNull(_ row: Int, _ column: Int) -> Bool {
    PQgetisnull(result, Int32(row), Int32(column)) == 1
  }
  /// The value at (row, column) as text (nil for NULL).
  public func text(_ row: Int, _ column: Int) -> String? {
    isNull(row, column) ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
  }
  /// The value's bytes, valid while this result lives.
  public func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    let pointer = PQgetvalue(result, Int32(row), Int32(column))!
    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
    return UnsafeBufferPointer(
      start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
  }
  /// The value as an unsigned integer (0 when NULL or not a number).
  public func unsigned(_ row: Int, _ column: Int) -> UInt64 { text(row, column).flatMap { UInt64($0) } ?? 0 }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}

extension PostgresConnection {
  /// Runs a `COPY … FROM STDIN`: `body` sends buffers in COPY's text format (false: stop, it failed).
  func copyIn(_ sql: String, operation: String, _ body: ((([UInt8]) -> Bool)) -> Void) -> Result<
    Void, StoreError
  > {
    guard let handle else {
      return .failure(StoreError(store: url.description, operation: operation, message: "not connected"))
    }
    guard let started = PQexec(handle, sql) else {
      return .failure(
        StoreError(
          store: url.description, operation: operation, message: Self.oneLine(PQerrorMessage(handle))))
    }
    let status = PQresultStatus(started)
    PQclear(started)
    guard status == PGRES_COPY_IN else {
      return .failure(
        StoreError(
          store: url.description, operation: operation, message: Self.oneLine(PQerrorMessage(handle))))
    }
    var sendFailed = false
    body { buffer in
      let sent = buffer.withUnsafeBytes {
        PQputCopyData(handle, $0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count))
      }
      if sent != 1 { sendFailed = true }
      return sent == 1
    }
    _ = PQputCopyEnd(handle, sendFailed ? "the client stopped" : nil)
    var failure: StoreError?
    while let result = PQgetResult(handle) {
      if PQresultStatus(result) != PGRES_COMMAND_OK {
        failure = StoreError(
          store: url.description, operation: operation, message: Self.serverMessage(result),
          code: PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) })
      }
      PQclear(result)
    }
    if let failure { return .failure(failure) }
    return .success(())
  }
}

extension QueryResult {
  /// The command's tag (`COMMIT`, or `ROLLBACK` when a COMMIT found the transaction failed).
  public var commandTag: String { String(cString: PQcmdStatus(result)) }
}

/// How a reconnection under way stands.
public enum ResetProgress: Sendable, Equatable {
  case pending
  case connected
  case failed(String)
}
