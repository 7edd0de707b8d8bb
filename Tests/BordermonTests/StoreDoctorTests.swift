import BorderModel
import BorderPostgres
import BorderStore
import Foundation
import Testing

extension PostgresSuites {
  /// `bordermon doctor` on a PostgreSQL store: what a support request needs.
  @Suite("bordermon doctor on a PostgreSQL store")
  struct StoreDoctorTests {
    @Test(
      "doctor names the store (no password), reachable, its schema version, events and last seq, and the role's rights"
    )
    func reportsTheStore() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let events = try TestServer.sql(url, "SELECT count(*), max(seq) FROM bordermon.journal")
      let (count, last) = (events.unsigned(0, 0), events.unsigned(0, 1))
      #expect(count > 0)

      let owner = try CommandRunner.run(["doctor", "--store", url.description])
      #expect(owner.status == 0, "\(owner.stderr)")
      #expect(owner.stdout.contains("Store"))
      #expect(owner.stdout.contains(url.description + " (from --store)"), "\(owner.stdout)")
      #expect(owner.stdout.contains("reachable       yes"), "\(owner.stdout)")
      #expect(owner.stdout.contains("schema          version 1"), "\(owner.stdout)")
      #expect(owner.stdout.contains("\(count) events, last seq \(last)"), "\(owner.stdout)")
      #expect(owner.stdout.contains("can append"), "\(owner.stdout)")
      #expect(owner.stdout.contains("replace reference data: yes"), "\(owner.stdout)")

      // A viewer's role: read-only, said as the server decides it.
      let viewer = try TestServer.role("viewer", in: "bordermon_reader")
      let wall = try CommandRunner.run(["doctor", "--store", StoreTests.asUser(url, viewer)])
      #expect(wall.status == 0, "\(wall.stderr)")
      #expect(wall.stdout.contains("read-only"), "\(wall.stdout)")
      #expect(!wall.stdout.contains("can append"), "\(wall.stdout)")
      #expect(wall.stdout.contains("\(count) events, last seq \(last)"), "\(wall.stdout)")

      // Over TCP with a password from PGPASSWORD: never printed.
      if let tcp = ProcessInfo.processInfo.environment["BORDERMON_TEST_STORE_TCP"] {
        let alice = try TestServer.role("alice", in: "bordermon_writer")
        try TestServer.sql(url, "ALTER ROLE \(alice) PASSWORD 'doctor-password'")
        let desk = try CommandRunner.run(
          ["doctor"],
          environment: [
            "BORDERMON_STORE": "postgresql://\(alice)@\(tcp)/\(url.database)",
            "PGPASSWORD": "doctor-password",
          ])
        #expect(desk.stdout.contains("(from $BORDERMON_STORE)"), "\(desk.stdout)")
        #expect(desk.stdout.contains("connected as \(alice)@127.0.0.1"), "\(desk.stdout)")
        #expect(desk.stdout.contains("can append"), "\(desk.stdout)")
        #expect(desk.stdout.contains("replace reference data: no"), "\(desk.stdout)")
        #expect(!desk.stdout.contains("doctor-password") && !desk.stderr.contains("doctor-password"))
        let wrong = try CommandRunner.run(
          ["doctor"],
          environment: [
            "BORDERMON_STORE": "postgresql://\(alice)@\(tcp)/\(url.database)", "PGPASSWORD": "wrong-horse",
          ])
        #expect(wrong.stdout.contains("reachable       NO"), "\(wrong.stdout)")
        #expect(wrong.stdout.contains("password authentication failed"), "\(wrong.stdout)")
        #expect(!wrong.stdout.contains("wrong-horse"))
      }
    }

    @Test("doctor on an unreachable server, or a database without a store, says so with the server's message")
    func unreachableOrEmpty() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let empty = try CommandRunner.run(["doctor", "--store", url.description])
      #expect(empty.status == 0)
      #expect(empty.stdout.contains("reachable       yes"), "\(empty.stdout)")
      #expect(empty.stdout.contains("holds no bordermon store"), "\(empty.stdout)")
      // Nothing was created by looking.
      #expect(try TestServer.sql(url, "SELECT to_regnamespace('bordermon') IS NULL").text(0, 0) == "t")

      // A port where nothing listens.
      let port = try TestServer.freePort()
      let gone = try CommandRunner.run(["doctor", "--store", "postgresql://nobody@127.0.0.1:\(port)/x"])
      #expect(gone.status == 0)
      #expect(gone.stdout.contains("reachable       NO"), "\(gone.stdout)")
      #expect(
        gone.stdout.contains("Connection refused") || gone.stdout.contains("connection refused"),
        "\(gone.stdout)")
    }
  }
}

extension TestServer {
  /// A TCP port on 127.0.0.1 where nothing listens (bound, then let go).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    guard bound else { throw CocoaError(.fileWriteUnknown) }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
