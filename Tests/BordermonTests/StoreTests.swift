import BorderModel
import BorderPostgres
import BorderStore
import Foundation
import Testing

/// A fresh database on the test server (`BORDERMON_TEST_STORE`, set by scripts/with-postgres.sh).
///
/// Without a server: with `CI` set the test fails; otherwise it is skipped with a printed reason.
enum TestServer {
  static let admin = ProcessInfo.processInfo.environment["BORDERMON_TEST_STORE"]

  /// A new, empty database, and the admin URL on it; nil (after recording why) when there is no server.
  static func freshDatabase(_ name: String = #function) throws -> StoreURL? {
    guard let admin, case .success(var url) = StoreURL.parse(admin) else {
      let reason = "no PostgreSQL test server (run the tests through scripts/with-postgres.sh)"
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("CI is set but \(reason)")
      } else {
        print("skipped \(name): \(reason)")
      }
      return nil
    }
    let connection = try PostgresConnection.connect(url).get()
    let database =
      "t_\(name.filter { $0.isLetter }.lowercased().prefix(30))_\(UUID().uuidString.prefix(8).lowercased())"
    _ = try connection.execute("CREATE DATABASE \(database)", operation: "make a test database").get()
    url.database = database
    return url
  }

  /// Runs SQL as the admin on a database.
  @discardableResult
  static func sql(_ url: StoreURL, _ statement: String, _ parameters: [String?] = []) throws -> QueryResult {
    let connection = try PostgresConnection.connect(url).get()
    return try connection.execute(statement, parameters, operation: "test").get()
  }

  /// A login role for a test (roles are the cluster's: the name is unique), member of `group`.
  static func role(_ prefix: String, in group: String) throws -> String {
    let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    var url = try StoreURL.parse(admin!).get()
    url.database = "postgres"
    try sql(url, "CREATE ROLE \(name) LOGIN IN ROLE \(group)")
    return name
  }
}

/// Every test that uses the PostgreSQL test server, one at a time: one of them stops the server.
@Suite("PostgreSQL", .serialized)
enum PostgresSuites {}

extension PostgresSuites {
  @Suite("The journal and reference data on PostgreSQL")
  struct StoreTests {
    static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

    /// `url` as another role.
    static func asUser(_ url: StoreURL, _ user: String) -> String {
      var copy = url
      copy.user = user
      return copy.description
    }

    @Test(
      "init --store makes the schema and loads the sample; every command reads it; nothing is made but by init"
    )
    func initAndRead() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let store = url.description
      // Before init: a clear error, and nothing created.
      let missing = try CommandRunner.run(["summary", "--store", store], environment: Self.now)
      #expect(missing.status == 1)
      #expect(missing.stderr.contains("holds no bordermon store (bordermon init --store URL creates one"))
      let schema = try TestServer.sql(url, "SELECT to_regnamespace('bordermon') IS NULL")
      #expect(schema.text(0, 0) == "t", "a command other than init created something")

      let created = try CommandRunner.run(["init", "--store", store], environment: Self.now)
      #expect(created.status == 0, "\(created.stderr)")
      #expect(created.stdout.contains(" segments, ") && created.stdout.contains(" journal events"))
      let again = try CommandRunner.run(["init", "--store", store], environment: Self.now)
      #expect(
        again.status == 1 && again.stderr.contains("already holds a bordermon store; not overwriting it"))

      let check = try CommandRunner.run(["check", "--store", store], environment: Self.now)
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
      let summary = try CommandRunner.run(["summary", "--json", "--store", store], environment: Self.now)
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
      #expect(object["total_km"] as? Double == 975)

      // Another schema version: a clear error.
      try TestServer.sql(url, "UPDATE bordermon.meta SET value = '2' WHERE key = 'schema_version'")
      let newer = try CommandRunner.run(["summary", "--store", store], environment: Self.now)
      #expect(newer.status == 1)
      #expect(newer.stderr.contains("the store's schema is version 2; this bordermon reads version 1"))
    }

    @Test("bad URLs, wrong passwords and missing databases give a clear error that never shows a password")
    func connectionErrors() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let withPassword = try CommandRunner.run([
        "summary", "--store", "postgresql://alice:s3cret@db.example/x",
      ])
      #expect(withPassword.status == 1)
      #expect(withPassword.stderr.contains("a password does not belong in the URL"))
      #expect(!withPassword.stderr.contains("s3cret"))
      let unknown = try CommandRunner.run(["summary", "--store", "postgresql://db.example/x?sslmod=require"])
      #expect(unknown.status == 1 && unknown.stderr.contains("--store: unknown parameter 'sslmod'"))
      let fromEnvironment = try CommandRunner.run(
        ["summary"], environment: ["BORDERMON_STORE": "postgresql://h/x?port=0"])
      #expect(fromEnvironment.status == 1 && fromEnvironment.stderr.contains("$BORDERMON_STORE: port"))

      var noDatabase = url
      noDatabase.database = "no_such_database"
      let absent = try CommandRunner.run(["summary", "--store", noDatabase.description])
      #expect(absent.status == 1 && absent.stderr.contains("database \"no_such_database\" does not exist"))

      // TCP asks for a password; a wrong one is the server's refusal, and is never printed.
      if let tcp = ProcessInfo.processInfo.environment["BORDERMON_TEST_STORE_TCP"] {
        let wrong = try CommandRunner.run(
          ["summary", "--store", "postgresql://bordermon@\(tcp)/\(url.database)"],
          environment: ["PGPASSWORD": "wrong-horse"])
        #expect(wrong.status == 1)
        #expect(
          wrong.stderr.contains("password authentication failed for user \"bordermon\""), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("wrong-horse"))
      }
    }

    @Test("8 processes × 50 appends on one segment: 400 of 400, once each, seq gap-free")
    func concurrentAppends() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let store = url.description
      #expect(try CommandRunner.run(["init", "--store", store], environment: Self.now).status == 0)
      let before = UInt64(try TestServer.sql(url, "SELECT max(seq) FROM bordermon.journal").unsigned(0, 0))
      let writers = 8
      let each = 50
      var running: [(Process, Pipe, Pipe)] = []
      for writer in 0..<writers {
        let lines = (0..<each).map { #"{"type":"note","target":"A-05","text":"w\#(writer)-n\#($0)"}"# }
        running.append(
          try CommandRunner.start(["append", "--store", store], stdin: lines.joined(separator: "\n") + "\n"))
      }
      var printed: [UInt64] = []
      for (process, output, errors) in running {
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: err, as: UTF8.self))")
        printed += String(decoding: out, as: UTF8.self).split(separator: "\n").compactMap { UInt64($0) }
      }
      #expect(printed.count == writers * each)
      #expect(Set(printed).count == writers * each, "a seq was printed twice")
      let rows = try TestServer.sql(
        url, "SELECT seq, line FROM bordermon.journal WHERE seq > $1 ORDER BY seq", [String(before)])
      #expect(rows.count == writers * each)
      var texts: [String] = []
      for row in 0..<rows.count {
        #expect(rows.unsigned(row, 0) == before + UInt64(row) + 1, "seq is gap-free and increasing")
        let event = try EventCodec.decode(rows.text(row, 1) ?? "").get()
        #expect(event.seq == rows.unsigned(row, 0))
        if case .noteAdded(_, let text) = event.payload { texts.append(text) }
      }
      #expect(Set(texts).count == writers * each, "every note once")
      let check = try CommandRunner.run(["check", "--store", store], environment: Self.now)
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("\(Int(before) + writers * each) journal lines"))
    }

    @Test("the operator recorded is the session's user, whatever the client says")
    func operatorIsSessionUser() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description], environment: Self.now).status == 0)
      let alice = try TestServer.role("alice", in: "bordermon_writer")
      let store = Self.asUser(url, alice)
      let noted = try CommandRunner.run(
        ["note", "A-01", "from alice", "--store", store], environment: ["BORDERMON_OPERATOR": "mallory"])
      #expect(noted.status == 0, "\(noted.stderr)")
      let appended = try CommandRunner.run(
        ["append", "--store", store], stdin: #"{"type":"note","text":"forged","by":"mallory"}"# + "\n")
      #expect(appended.status == 0, "\(appended.stderr)")
      let rows = try TestServer.sql(
        url, "SELECT author, line FROM bordermon.journal ORDER BY seq DESC LIMIT 2")
      for row in 0..<2 {
        #expect(rows.text(row, 0) == alice)
        #expect(try EventCodec.decode(rows.text(row, 1) ?? "").get().by == alice)
      }
      // A writer's own SQL cannot put another name in the journal, nor insert around the function.
      let connection = try PostgresConnection.connect(try StoreURL.parse(store).get()).get()
      let next = try connection.execute("SELECT max(seq) + 1 FROM bordermon.journal", operation: "t").get()
        .unsigned(0, 0)
      let forged = #"{"seq":\#(next),"at":"2026-11-29T06:00:00Z","by":"mallory","type":"note","text":"x"}"#
      let refused = connection.execute(
        "SELECT bordermon.append_line($1, $2)", [String(next), forged], operation: "t")
      #expect(throws: StoreError.self) { try refused.get() }
      #expect((try? refused.get()) == nil)
      if case .failure(let error) = refused {
        #expect(error.message.contains("must say \"by\": \"\(alice)\""))
      }
      let direct = connection.execute(
        "INSERT INTO bordermon.journal (seq, line, at, author, type) VALUES ($1, $2, now(), 'mallory', 'note')",
        [String(next), forged], operation: "t")
      if case .failure(let error) = direct {
        #expect(error.code == "42501")
      } else {
        Issue.record("a writer inserted directly")
      }
    }

    @Test("a read-only role cannot append through any path")
    func readOnlyRole() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description], environment: Self.now).status == 0)
      let viewer = try TestServer.role("viewer", in: "bordermon_reader")
      let store = Self.asUser(url, viewer)
      let count = { try TestServer.sql(url, "SELECT count(*) FROM bordermon.journal").unsigned(0, 0) }
      let before = try count()
      let summary = try CommandRunner.run(["summary", "--store", store], environment: Self.now)
      #expect(summary.status == 0, "a reader reads: \(summary.stderr)")
      let noted = try CommandRunner.run(["note", "A-01", "x", "--store", store])
      #expect(noted.status == 1)
      #expect(noted.stderr.contains("permission denied for function append_line"), "\(noted.stderr)")
      let appended = try CommandRunner.run(
        ["append", "--store", store], stdin: #"{"type":"note","text":"x"}"# + "\n")
      #expect(appended.status == 1)
      let connection = try PostgresConnection.connect(try StoreURL.parse(store).get()).get()
      for statement in [
        "INSERT INTO bordermon.journal (seq, line, at, author, type) VALUES (999999, '{}', now(), 'x', 'note')",
        "SELECT bordermon.append_line(999999, '{}')",
        "UPDATE bordermon.journal SET line = '{}'", "DELETE FROM bordermon.journal",
        "INSERT INTO bordermon.reference (version, file, body) VALUES (99, 'segments.toml', '')",
      ] {
        let result = connection.execute(statement, operation: "t")
        if case .failure(let error) = result {
          #expect(error.code == "42501", "\(statement): \(error)")
        } else {
          Issue.record("a read-only role ran: \(statement)")
        }
      }
      #expect(try count() == before)
    }

    @Test("push then pull gives back the journal byte for byte; summary and export equal the directory's")
    func pushAndPull() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let scratch = ScratchDirectory()
      let data = scratch.path + "/data"
      #expect(try CommandRunner.run(["init", "--data", data], environment: Self.now).status == 0)
      // Every event type, and an event the model refuses (kept as it was, reported the same way).
      _ = try CommandRunner.run(
        ["alert", "ack", "AL-NOW-AKSAI", "--note", "on it", "--data", data], environment: Self.now)
      _ = try CommandRunner.run(
        ["checkpoint", "set", "Dostuk", "open", "--data", data], environment: Self.now)
      let push = try CommandRunner.run(["store", "push", "--data", data, "--store", url.description])
      #expect(push.status == 0, "\(push.stderr)")
      let pushAgain = try CommandRunner.run(["store", "push", "--data", data, "--store", url.description])
      #expect(pushAgain.status == 1 && pushAgain.stderr.contains("not overwriting it"))

      for arguments in [
        ["summary", "--json"], ["export", "--format", "json"],
        ["export", "--format", "csv", "--table", "alerts"],
      ] {
        let fromDirectory = try CommandRunner.run(arguments + ["--data", data], environment: Self.now)
        let fromStore = try CommandRunner.run(
          arguments + ["--store", url.description], environment: Self.now)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        #expect(fromDirectory.stdout == fromStore.stdout, "\(arguments.joined(separator: " ")) differs")
      }

      let pulled = scratch.path + "/pulled"
      let pull = try CommandRunner.run(["store", "pull", "--store", url.description, "--data", pulled])
      #expect(pull.status == 0, "\(pull.stderr)")
      for file in ["journal.jsonl", "segments.toml", "checkpoints.toml", "meetings.toml", "situation.toml"] {
        let original = try Data(contentsOf: URL(fileURLWithPath: data + "/" + file))
        let back = try Data(contentsOf: URL(fileURLWithPath: pulled + "/" + file))
        #expect(original == back, "\(file) differs after push and pull")
      }
      let overwrite = try CommandRunner.run(["store", "pull", "--store", url.description, "--data", pulled])
      #expect(overwrite.status == 1 && overwrite.stderr.contains("already exists"))
    }

    @Test("push refuses a journal it could not give back, naming file and line; nothing is pushed")
    func pushRefusesDamage() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let scratch = ScratchDirectory()
      let data = scratch.path + "/data"
      #expect(try CommandRunner.run(["init", "--data", data], environment: Self.now).status == 0)
      let lines = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        .count
      let journal = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/journal.jsonl"))
      journal.seekToEndOfFile()
      journal.write(Data("{not json\n".utf8))
      try journal.close()
      let push = try CommandRunner.run(["store", "push", "--data", data, "--store", url.description])
      #expect(push.status == 1)
      #expect(push.stderr.contains(data + "/journal.jsonl:\(lines + 1): "), "\(push.stderr)")
      #expect(push.stderr.contains("nothing was pushed"))
      #expect(try TestServer.sql(url, "SELECT to_regnamespace('bordermon') IS NULL").text(0, 0) == "t")
    }

    @Test(
      "store reference shows the versions and replaces them only from clean TOML, with file:line diagnostics")
    func reference() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let store = url.description
      #expect(try CommandRunner.run(["init", "--store", store], environment: Self.now).status == 0)
      let shown = try CommandRunner.run(["store", "reference", "--store", store])
      #expect(
        shown.status == 0 && shown.stdout.contains("version 1")
          && shown.stdout.contains("current: ") && shown.stdout.contains(" segments, ")
      )
      let scratch = ScratchDirectory()
      let folder = scratch.path + "/ref"
      #expect(try CommandRunner.run(["store", "pull", "--store", store, "--data", folder]).status == 0)
      let segments = folder + "/segments.toml"
      var text = try String(contentsOfFile: segments, encoding: .utf8)
      text = text.replacingOccurrences(
        of: "length_km = 14.20", with: "length_km = -1", options: [],
        range: text.range(of: "length_km = 14.20")
      )
      try text.write(toFile: segments, atomically: true, encoding: .utf8)
      let bad = try CommandRunner.run(["store", "reference", "--store", store, "--replace", folder])
      #expect(bad.status == 1)
      #expect(bad.stderr.contains(segments + ":"), "\(bad.stderr)")
      #expect(bad.stderr.contains("length_km"))
      #expect(bad.stderr.contains("unchanged"))
      text = text.replacingOccurrences(of: "length_km = -1", with: "length_km = 15.20")
      try text.write(toFile: segments, atomically: true, encoding: .utf8)
      let good = try CommandRunner.run(["store", "reference", "--store", store, "--replace", folder])
      #expect(good.status == 0, "\(good.stderr)")
      #expect(good.stdout.contains("reference version 2"))
      let summary = try CommandRunner.run(["summary", "--json", "--store", store], environment: Self.now)
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
      #expect(object["total_km"] as? Double == 976)
    }
  }
}
