import BorderModel
import BorderStore

/// What `bordermon doctor` says about a PostgreSQL store: reachable or why not, its schema, its
/// journal, and what the connecting role may do there.
public struct StoreDiagnosis: Sendable {
  /// The store's address as shown to people (never with a password).
  public var url: String
  /// Why the server could not be reached or used (libpq's or the server's message); nil when it was.
  public var unreachable: String?
  /// The server's version (`server_version`).
  public var serverVersion: String?
  /// Who the server says is connected (`session_user`, with the client's address over TCP).
  public var sessionUser: String?
  /// Whether the database holds a bordermon schema at all.
  public var hasStore = false
  /// The schema version recorded in `meta`, and whether this bordermon reads it.
  public var schemaVersion: String?
  public var schemaReadable: Bool { schemaVersion == PostgresSchema.version }
  /// The store's identity (`store_id`).
  public var storeID: String?
  /// Rows in the journal, and the highest seq.
  public var eventCount: Int?
  public var lastSeq: UInt64?
  /// The current reference data's version.
  public var referenceVersion: Int?
  /// What the role may do: read the journal, append through `append_line`, replace the reference data (the owner).
  public var canRead = false
  public var canAppend = false
  public var canReplaceReference = false
  /// A problem met after connecting (a query refused), if any.
  public var problem: String?

  /// The schema version this bordermon reads.
  public static var supportedSchemaVersion: String { PostgresSchema.version }
}

extension PostgresStore {
  /// Looks at a store without changing anything: connects, reads `meta`, counts the journal, and
  /// asks the server what the role may do. Every failure is recorded, never thrown.
  public static func diagnose(_ url: StoreURL) -> StoreDiagnosis {
    var found = StoreDiagnosis(url: url.description)
    let connection: PostgresConnection
    switch PostgresConnection.connect(url) {
    case .failure(let error):
      found.unreachable = error.message
      return found
    case .success(let made): connection = made
    }
    let operation = "diagnose the store"
    func query(_ sql: String) -> QueryResult? {
      switch connection.execute(sql, operation: operation) {
      case .success(let rows): return rows
      case .failure(let error):
        if found.problem == nil { found.problem = error.message }
        return nil
      }
    }
    if let rows = query(
      "SELECT current_setting('server_version'), session_user::text "
        + "|| coalesce('@' || host(inet_client_addr()), ''), to_regclass('bordermon.meta') IS NOT NULL")
    {
      found.serverVersion = rows.text(0, 0)
      found.sessionUser = rows.text(0, 1)
      found.hasStore = rows.text(0, 2) == "t"
    }
    guard found.hasStore else { return found }
    if let rows = query(
      "SELECT has_table_privilege('bordermon.journal', 'SELECT'), "
        + PostgresSchema.mayAppend + ", "
        + "pg_has_role((SELECT nspowner FROM pg_namespace WHERE nspname = 'bordermon'), 'USAGE')")
    {
      found.canRead = rows.text(0, 0) == "t"
      found.canAppend = rows.text(0, 1) == "t"
      found.canReplaceReference = rows.text(0, 2) == "t"
    }
    guard found.canRead else { return found }
    if let rows = query(
      "SELECT (SELECT value FROM bordermon.meta WHERE key = 'schema_version'), "
        + "(SELECT value FROM bordermon.meta WHERE key = 'store_id'), "
        + "(SELECT count(*) FROM bordermon.journal), (SELECT coalesce(max(seq), 0) FROM bordermon.journal), "
        + "(SELECT max(version) FROM bordermon.reference)")
    {
      found.schemaVersion = rows.text(0, 0)
      found.storeID = rows.text(0, 1)
      found.eventCount = rows.text(0, 2).flatMap { Int($0) }
      found.lastSeq = rows.text(0, 3).flatMap { UInt64($0) }
      found.referenceVersion = rows.text(0, 4).flatMap { Int($0) }
    }
    return found
  }
}
