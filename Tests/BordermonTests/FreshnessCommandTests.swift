import Foundation
import Testing

/// Honest freshness and the snapshot's theme, from the command line (issue 10).
@Suite("Feed freshness and snapshot themes from the command line")
struct FreshnessCommandTests {
  static let created = "2026-11-30T12:00:00Z"

  /// The environment at a time, with a config folder of the test's own (no user's config leaks in).
  static func environment(_ now: String, _ scratch: ScratchDirectory) -> [String: String] {
    [
      "BORDERMON_NOW": now, "BORDERMON_OPERATOR": "alice", "XDG_CONFIG_HOME": scratch.path + "/config",
      "BORDERMON_THEME": "",
    ]
  }

  func sample(_ scratch: ScratchDirectory) throws -> String {
    let data = scratch.path + "/data"
    let made = try CommandRunner.run(
      ["init", "--data", data], environment: Self.environment(Self.created, scratch))
    #expect(made.status == 0, "\(made.stderr)")
    return data
  }

  /// The header row of the screen the console would show at `now`.
  func header(_ data: String, at now: String, _ scratch: ScratchDirectory) throws -> String {
    let shot = try CommandRunner.run(
      ["snapshot", "--data", data, "--color", "never"], environment: Self.environment(now, scratch))
    #expect(shot.status == 0, "\(shot.stderr)")
    return shot.stdout.split(separator: "\n").first.map(String.init) ?? ""
  }

  func journalLines(_ data: String) throws -> [String] {
    try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  @Test("operators' commands alone do not clear STALE; a feed heartbeat does, and check accepts it")
  func operatorsDoNotMakeAFeedLive() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    // The sample's last feed report is 12 minutes before it was created: two hours later it is stale.
    let later = "2026-11-30T14:00:00Z"
    let before = try header(data, at: later, scratch)
    #expect(before.contains("STALE") && before.contains("2h12m"), "\(before)")
    // Operators at work: a note and an acknowledgement, by command, at that moment.
    for arguments in [
      ["note", "A-02", "called the Isfara counterpart"], ["alert", "ack", "AL-NOW-AKSAI", "--note", "seen"],
    ] {
      let done = try CommandRunner.run(
        arguments + ["--data", data], environment: Self.environment(later, scratch))
      #expect(done.status == 0, "\(done.stderr)")
    }
    let lines = try journalLines(data)
    #expect(lines.suffix(2).allSatisfy { $0.contains(#""via":"command""#) }, "\(lines.suffix(2))")
    let afterOperators = try header(data, at: "2026-11-30T14:01:00Z", scratch)
    #expect(afterOperators.contains("STALE") && !afterOperators.contains("live"), "\(afterOperators)")
    // A feed says it is alive.
    let beat = try CommandRunner.run(
      ["feed", "heartbeat", "--source", "cap-bridge", "--note", "polled, nothing new", "--data", data],
      environment: Self.environment(later, scratch))
    #expect(beat.status == 0, "\(beat.stderr)")
    let line = try #require(try journalLines(data).last)
    #expect(
      line.contains(#""type":"feed.heartbeat","feed":"cap-bridge","note":"polled, nothing new""#), "\(line)")
    #expect(!line.contains("via"), "a feed's event names no operator's tool: \(line)")
    let afterBeat = try header(data, at: "2026-11-30T14:01:00Z", scratch)
    #expect(afterBeat.contains("live 1m ago") && !afterBeat.contains("STALE"), "\(afterBeat)")
    let check = try CommandRunner.run(
      ["check", "--data", data], environment: Self.environment(later, scratch))
    #expect(check.status == 0 && !check.stdout.contains("unknown"), "\(check.stdout)\(check.stderr)")
  }

  @Test("append takes a heartbeat and refuses one without a feed name, naming the line and field")
  func appendHeartbeat() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    let later = "2026-11-30T15:00:00Z"
    let result = try CommandRunner.run(
      ["append", "--data", data],
      stdin: #"{"type":"feed.heartbeat","feed":"acled-weekly"}"# + "\n" + #"{"type":"feed.heartbeat"}"#
        + "\n",
      environment: Self.environment(later, scratch))
    #expect(result.status == 1)
    #expect(result.stderr.contains("stdin:2: feed: missing"), "\(result.stderr)")
    #expect(try header(data, at: "2026-11-30T15:05:00Z", scratch).contains("live 5m ago"))
  }

  @Test("a journal with only operators' events says STALE · no feed event")
  func neverAFeed() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    // Keep only the reference data's own events out: an empty journal, then an operator's note.
    try Data().write(to: URL(fileURLWithPath: data + "/journal.jsonl"))
    let note = try CommandRunner.run(
      ["note", "-", "shift handover", "--data", data], environment: Self.environment(Self.created, scratch))
    #expect(note.status == 0, "\(note.stderr)")
    let top = try header(data, at: Self.created, scratch)
    #expect(top.contains("STALE · no feed event"), "\(top)")
  }

  @Test(
    "snapshot --theme colours the screen as that theme; $BORDERMON_THEME and the config file are honoured")
  func snapshotThemes() throws {
    let scratch = ScratchDirectory()
    let data = try sample(scratch)
    func shot(_ extra: [String], _ environment: [String: String] = [:]) throws -> CommandRunner.Output {
      var env = Self.environment(Self.created, scratch)
      for (key, value) in environment { env[key] = value }
      return try CommandRunner.run(
        ["snapshot", "--data", data, "--color", "always"] + extra, environment: env)
    }
    let plain = try shot([])
    let light = try shot(["--theme", "light"])
    let contrast = try shot(["--theme", "high-contrast"])
    #expect(
      plain.status == 0 && light.status == 0 && contrast.status == 0, "\(light.stderr)\(contrast.stderr)")
    #expect(light.stdout != plain.stdout, "the light theme must not snapshot as the default")
    #expect(contrast.stdout != light.stdout && contrast.stdout != plain.stdout)
    // The text is the same; only the colours differ.
    let strip = { (text: String) in
      text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
    #expect(strip(light.stdout) == strip(plain.stdout))
    let byVariable = try shot([], ["BORDERMON_THEME": "light"])
    #expect(byVariable.status == 0 && byVariable.stdout == light.stdout, "\(byVariable.stderr)")
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/config/bordermon", withIntermediateDirectories: true)
    try Data("theme = \"high-contrast\"\n".utf8).write(
      to: URL(fileURLWithPath: scratch.path + "/config/bordermon/config.toml"))
    let byConfig = try shot([])
    #expect(byConfig.status == 0 && byConfig.stdout == contrast.stdout, "\(byConfig.stderr)")
    // --theme still wins over the config file.
    #expect(try shot(["--theme", "light"]).stdout == light.stdout)
    let missing = try shot(["--theme", "no-such-theme"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("theme") && missing.stderr.contains("no-such-theme"), "\(missing.stderr)")
    #expect(missing.stdout == plain.stdout, "the screen is still printed, in the default theme")
  }
}
