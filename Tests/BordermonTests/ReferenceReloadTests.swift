import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// Reference data replaced under a running console: the console shows the new data, folded with the journal.
enum ReferenceReload {
  static let oldName = "Isfara valley, western approach"
  static let newName = "Isfara valley, renamed west"

  /// `folder`'s segments.toml with A-01 renamed (or `replacing` another text), written as editors do (a new file renamed over).
  static func edit(_ folder: String, _ old: String = oldName, with new: String = newName) throws {
    let segments = folder + "/segments.toml"
    let text = try String(contentsOfFile: segments, encoding: .utf8)
    #expect(text.contains(old))
    try text.replacingOccurrences(of: old, with: new).write(
      toFile: segments, atomically: true, encoding: .utf8)
  }
}

@Suite("Reference files replaced under a console on a data directory", .serialized)
struct FileReferenceReloadTests {
  @Test("a segment renamed in segments.toml shows on the running console; a broken file is refused and said")
  func renamedSegment() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") {
      $0.contains("Detail · A-01") && $0.contains(ReferenceReload.oldName) && $0.contains("3 unacknowledged")
    }
    try ReferenceReload.edit(data)
    try app.waitFor("the new name") {
      $0.contains(ReferenceReload.newName) && !$0.contains(ReferenceReload.oldName)
    }
    // The journal was folded again over it: the alerts are all there.
    #expect(app.screen.contains("3 unacknowledged"), "\(app.screen)")
    // An event appended afterwards still arrives.
    let raised = try CommandRunner.run([
      "alert", "raise", "--segment", "A-03", "--level", "3", "--type", "blockade", "--text",
      "Rename blockade", "--data", data,
    ])
    #expect(raised.status == 0, "\(raised.stderr)")
    try app.waitFor("the new alert") { $0.contains("Rename blockade") }

    // A broken file is not taken: the console says so, and keeps the data it shows.
    try ReferenceReload.edit(data, "length_km = 14.20", with: "length_km = -1")
    try app.waitFor("the refusal") { $0.contains("reference data not reloaded") }
    #expect(app.screen.contains(ReferenceReload.newName))
    #expect(app.screen.contains("Rename blockade"))
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}

extension PostgresSuites {
  @Suite("Reference data replaced in a PostgreSQL store under a console")
  struct StoreReferenceReloadTests {
    @Test("store reference --replace renames a segment: the running console shows it, and keeps following")
    func renamedSegment() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let app = try StoreConsoleTests.console(url.description)
      try app.waitFor("the first frame") {
        $0.contains("Detail · A-01") && $0.contains(ReferenceReload.oldName)
          && $0.contains("3 unacknowledged")
      }
      let scratch = ScratchDirectory()
      let folder = scratch.path + "/ref"
      #expect(
        try CommandRunner.run(["store", "pull", "--store", url.description, "--data", folder]).status == 0)
      try ReferenceReload.edit(folder)
      let replaced = try CommandRunner.run([
        "store", "reference", "--store", url.description, "--replace", folder,
      ])
      #expect(replaced.status == 0, "\(replaced.stderr)")
      try app.waitFor("the new name") {
        $0.contains(ReferenceReload.newName) && !$0.contains(ReferenceReload.oldName)
      }
      #expect(app.screen.contains("3 unacknowledged"), "\(app.screen)")
      let raised = try CommandRunner.run([
        "alert", "raise", "--segment", "A-03", "--level", "3", "--type", "blockade", "--text",
        "Rename blockade", "--store", url.description,
      ])
      #expect(raised.status == 0, "\(raised.stderr)")
      try app.waitFor("the new alert") { $0.contains("Rename blockade") }
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
    }

    @Test(
      "reference data replaced while the console was cut off (its notification missed): taken after it reconnects"
    )
    func replacedWhileDisconnected() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      #expect(try CommandRunner.run(["init", "--store", url.description]).status == 0)
      let desk = try TestServer.role("desk", in: "bordermon_reader")
      let app = try StoreConsoleTests.console(StoreTests.asUser(url, desk))
      try app.waitFor("the first frame") {
        $0.contains("Detail · A-01") && $0.contains(ReferenceReload.oldName)
          && $0.contains("3 unacknowledged")
      }
      // The desk's link is cut and kept cut: its role may not log in until the replacement is done.
      try TestServer.sql(url, "ALTER ROLE \(desk) NOLOGIN")
      try TestServer.sql(
        url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [desk])
      try app.waitFor("the outage in the header", timeout: .seconds(30)) {
        $0.line(0).contains("STORE UNREACHABLE")
      }
      let scratch = ScratchDirectory()
      let folder = scratch.path + "/ref"
      #expect(
        try CommandRunner.run(["store", "pull", "--store", url.description, "--data", folder]).status == 0)
      try ReferenceReload.edit(folder)
      let replaced = try CommandRunner.run([
        "store", "reference", "--store", url.description, "--replace", folder,
      ])
      #expect(replaced.status == 0, "\(replaced.stderr)")
      #expect(app.screen.contains(ReferenceReload.oldName), "still the data it had while cut off")
      try TestServer.sql(url, "ALTER ROLE \(desk) LOGIN")
      try app.waitFor("reconnected, with the new reference data", timeout: .seconds(40)) {
        !$0.line(0).contains("STORE UNREACHABLE") && $0.contains(ReferenceReload.newName)
          && !$0.contains(ReferenceReload.oldName)
      }
      #expect(app.screen.contains("3 unacknowledged"), "the journal folded again over it: \(app.screen)")
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
    }
  }
}
