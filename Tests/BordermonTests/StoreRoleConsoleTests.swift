import BorderModel
import BorderPostgres
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

extension PostgresSuites {
  /// Consoles on a store whose role the server lets only read: READ-ONLY as `--read-only` shows it.
  @Suite("Consoles on a PostgreSQL store as a read-only role")
  struct StoreRoleConsoleTests {
    /// The row count of acknowledgements of `alert` in the store's journal.
    static func acknowledgements(_ url: StoreURL, _ alert: String) throws -> UInt64 {
      try TestServer.sql(
        url, "SELECT count(*) FROM bordermon.journal WHERE type = 'alert.ack' AND line::jsonb->>'alert' = $1",
        [alert]
      ).unsigned(0, 0)
    }

    @Test(
      "a viewer's role: READ-ONLY in the header and hint bar from the first frame, why in the message line, and a opens no form"
    )
    func viewerRole() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let viewer = try TestServer.role("viewer", in: "bordermon_reader")
      let app = try StoreConsoleTests.console(StoreTests.asUser(url, viewer))
      // Waited for whole (a frame may arrive in pieces): READ-ONLY in the header and the bar, and why.
      try app.waitFor("the first frame, read-only, saying why") {
        $0.contains("Detail · A-01") && $0.line(0).contains("READ-ONLY")
          && $0.line($0.size.rows - 1).contains("READ-ONLY  this store role cannot append: read-only")
      }
      // An action key is refused with the reason and opens no form.
      try app.send(.tab, .tab)
      try app.send(.text("a"))
      let refused = try app.waitFor("the refusal") {
        $0.contains("read-only console: this store role cannot append")
      }
      #expect(!refused.contains("Acknowledge AL-NOW-AKSAI"), "no form opens: \(refused.text)")
      #expect(try Self.acknowledgements(url, "AL-NOW-AKSAI") == 0)
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
      // In Russian, the reason is said in Russian from the first frame.
      let russian = try StoreConsoleTests.console(
        StoreTests.asUser(url, viewer), environment: ["BORDERMON_LANG": "ru"])
      try russian.waitFor("the first frame in Russian, saying why") {
        $0.line(0).contains("ТОЛЬКО ЧТЕНИЕ")
          && $0.contains("этой роли хранилища запрещено добавлять события: только чтение")
      }
      try russian.send(.text("q"))
      #expect(try russian.waitForExit() == .exited(0))
    }

    @Test(
      "rights taken while a console runs: the refused append records nothing and makes it READ-ONLY; given back, it acts again after reconnecting"
    )
    func rightsChangedWhileRunning() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      // A reader given the writers' role on top: taking it back leaves her able to read.
      let alice = try TestServer.role("alice", in: "bordermon_reader")
      try TestServer.sql(url, "GRANT bordermon_writer TO \(alice)")
      let app = try StoreConsoleTests.console(StoreTests.asUser(url, alice))
      let first = try app.waitFor("the first frame") { $0.contains("3 unacknowledged") }
      #expect(!first.line(0).contains("READ-ONLY"), "a writer's console: \(first)")
      try app.send(.tab, .tab)
      let feed = try app.waitFor("the alert feed focused") { $0.line($0.size.rows - 1).contains("v view") }
      #expect(feed.line(feed.size.rows - 1).contains("a ack"), "a writer's hint bar: \(feed)")
      try app.send(.text("a"))
      try app.waitFor("the acknowledgement form") { $0.contains("Acknowledge AL-NOW-AKSAI") }
      try app.send(.text("calling Batken"))
      // The team lead takes Alice's right to append while her form is open.
      try TestServer.sql(url, "REVOKE bordermon_writer FROM \(alice)")
      try app.send(.enter)
      let refused = try app.waitFor("the refusal") {
        $0.contains("not recorded: this store role cannot append: read-only")
          && $0.line(0).contains("READ-ONLY")
      }
      #expect(refused.contains("calling Batken"), "the form keeps what was typed: \(refused)")
      #expect(!refused.contains("recorded as event"), "\(refused)")
      #expect(try Self.acknowledgements(url, "AL-NOW-AKSAI") == 0)
      try app.send(.escape)
      try app.waitFor("the form closed") { !$0.contains("Acknowledge AL-NOW-AKSAI") }
      try app.send(.text("a"))
      try app.waitFor("refused at once now") {
        $0.contains("read-only console: this store role cannot append")
      }
      // Given back, and the console's connection broken: after reconnecting it may act again.
      try TestServer.sql(url, "GRANT bordermon_writer TO \(alice)")
      try TestServer.sql(
        url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [alice])
      let again = try app.waitFor("writable again", timeout: .seconds(30)) {
        $0.contains("this store role can append again") && !$0.line(0).contains("READ-ONLY")
      }
      #expect(again.contains("3 unacknowledged"), "\(again)")
      try app.send(.text("a"))
      try app.waitFor("the acknowledgement form") { $0.contains("Acknowledge AL-NOW-AKSAI") }
      try app.send(.enter)
      try app.waitFor("recorded") { $0.contains("2 unacknowledged") }
      #expect(try Self.acknowledgements(url, "AL-NOW-AKSAI") == 1)
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
    }
  }
}
