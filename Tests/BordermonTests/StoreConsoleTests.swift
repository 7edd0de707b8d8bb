import BorderModel
import BorderPostgres
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

extension PostgresSuites {
  /// Consoles on a PostgreSQL store, in pseudo-terminals.
  @Suite("Consoles on a PostgreSQL store")
  struct StoreConsoleTests {
    static func console(_ store: String, environment extra: [String: String] = [:]) throws
      -> PseudoTerminalProcess
    {
      var environment = PseudoTerminalProcess.defaultEnvironment(term: "xterm-256color")
      environment["LANG"] = "C.UTF-8"
      for (key, value) in extra { environment[key] = value }
      return try PseudoTerminalProcess(
        executable: ConsoleEndToEndTests.bordermon, arguments: ["console", "--store", store],
        environment: environment, columns: 120, rows: 40)
    }

    @Test(
      "two consoles, over TCP and over the unix socket, see each other's acknowledgement; the server names who"
    )
    func twoDesks() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      guard let tcp = ProcessInfo.processInfo.environment["BORDERMON_TEST_STORE_TCP"] else {
        Issue.record("BORDERMON_TEST_STORE_TCP is not set (scripts/with-postgres.sh sets it)")
        return
      }
      let alice = try TestServer.role("alice", in: "bordermon_writer")
      try TestServer.sql(url, "ALTER ROLE \(alice) PASSWORD 'desk-password'")
      let bob = try TestServer.role("bob", in: "bordermon_writer")
      // Alice at a desk over TCP (password from PGPASSWORD); Bob over the unix socket.
      let overTCP = "postgresql://\(alice)@\(tcp)/\(url.database)"
      let aliceConsole = try Self.console(
        overTCP, environment: ["PGPASSWORD": "desk-password", "BORDERMON_OPERATOR": "mallory"])
      let bobConsole = try Self.console(StoreTests.asUser(url, bob))
      for app in [aliceConsole, bobConsole] {
        try app.waitFor("the first frame") { $0.contains("3 unacknowledged") && $0.contains("Detail · A-01") }
      }
      #expect(!aliceConsole.screen.contains("desk-password"))
      try aliceConsole.send(.tab, .tab)
      try aliceConsole.send(.text("a"))
      try aliceConsole.waitFor("the acknowledgement form") { $0.contains("Acknowledge AL-NOW-AKSAI") }
      try aliceConsole.send(.text("calling Batken"))
      try aliceConsole.send(.enter)
      try aliceConsole.waitFor("alice's console updated") { $0.contains("2 unacknowledged") }
      try bobConsole.waitFor("bob's console updated") { $0.contains("2 unacknowledged") }
      // A command line writer on the store is seen by both.
      let resolved = try CommandRunner.run(
        ["alert", "resolve", "AL-NOW-AKSAI", "--note", "calm", "--store", StoreTests.asUser(url, bob)])
      #expect(resolved.status == 0, "\(resolved.stderr)")
      for app in [aliceConsole, bobConsole] { try app.waitFor("the resolution") { $0.contains("3 open") } }
      let rows = try TestServer.sql(
        url, "SELECT author FROM bordermon.journal WHERE type = 'alert.ack' ORDER BY seq DESC LIMIT 1")
      #expect(
        rows.text(0, 0) == "\(alice)@127.0.0.1", "the server's user and address, not $BORDERMON_OPERATOR")
      for app in [aliceConsole, bobConsole] {
        try app.send(.text("q"))
        #expect(try app.waitForExit() == .exited(0))
      }
    }

    @Test(
      "the server stopped under a console: the header says so, actions are refused, and after a restart it catches up"
    )
    func serverStopped() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      guard let pgctl = ProcessInfo.processInfo.environment["BORDERMON_TEST_PGCTL"] else {
        Issue.record("BORDERMON_TEST_PGCTL is not set (scripts/with-postgres.sh sets it)")
        return
      }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let app = try Self.console(url.description)
      try app.waitFor("the first frame") { $0.contains("3 unacknowledged") && $0.contains("Detail · A-01") }
      func server(_ action: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pgctl)
        process.arguments = [action]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pg_ctl \(action)")
      }
      try server("stop")
      var restarted = false
      defer { if !restarted { try? server("start") } }
      try app.waitFor("the outage in the header", timeout: .seconds(30)) {
        $0.line(0).contains("STORE UNREACHABLE")
      }
      // An action is refused with the outage as its reason; nothing is queued.
      try app.send(.tab, .tab)
      try app.send(.text("a"))
      try app.waitFor("the refusal") { $0.contains("STORE UNREACHABLE") && $0.contains("refused") }
      #expect(!app.screen.contains("Acknowledge AL-NOW-AKSAI"))
      try server("start")
      restarted = true
      // Meanwhile a command line writer records something; the console catches up by seq.
      let noted = try CommandRunner.run(
        [
          "alert", "raise", "--segment", "A-03", "--level", "3", "--type", "blockade", "--text",
          "Restart blockade",
          "--id", "AL-AFTER-RESTART", "--store", url.description,
        ])
      #expect(noted.status == 0, "\(noted.stderr)")
      try app.waitFor("reconnected and caught up", timeout: .seconds(40)) {
        !$0.line(0).contains("STORE UNREACHABLE") && $0.contains("Restart blockade")
      }
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
    }
  }
}
