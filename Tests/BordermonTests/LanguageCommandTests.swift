import Foundation
import Testing

@Suite("The command line's language")
struct LanguageCommandTests {
  static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

  /// A sample data directory and a config folder in a scratch directory.
  static func sample(_ scratch: ScratchDirectory) throws -> String {
    let data = scratch.path + "/data"
    let created = try CommandRunner.run(["init", "--data", data], environment: now)
    #expect(created.status == 0, "\(created.stderr)")
    return data
  }

  @Test("--lang, $BORDERMON_LANG, config.toml's lang and LANG choose Russian, in that order")
  func order() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let config = scratch.path + "/config"
    try FileManager.default.createDirectory(atPath: config + "/bordermon", withIntermediateDirectories: true)
    func snapshot(_ extra: [String], _ environment: [String: String]) throws -> CommandRunner.Output {
      try CommandRunner.run(
        ["snapshot", "--data", data] + extra,
        environment: Self.now.merging(["XDG_CONFIG_HOME": config]) { $1 }.merging(environment) { $1 })
    }
    let russian = try snapshot(["--lang", "ru"], [:])
    #expect(russian.status == 0, "\(russian.stderr)")
    #expect(russian.stdout.contains("Участки 52"), "the pane title is Russian:\n\(russian.stdout)")
    let english = try snapshot([], [:])
    #expect(english.stdout.contains("Segments 52"))
    #expect(try snapshot([], ["BORDERMON_LANG": "ru"]).stdout.contains("Участки 52"))
    #expect(try snapshot(["--lang", "en"], ["BORDERMON_LANG": "ru"]).stdout.contains("Segments 52"))
    #expect(
      try snapshot([], ["BORDERMON_LANG": "", "LANG": "ru_RU.UTF-8", "LC_ALL": ""]).stdout.contains(
        "Участки 52"))
    try "theme = \"default\"\nlang = \"ru\"\n".write(
      toFile: config + "/bordermon/config.toml", atomically: true, encoding: .utf8)
    #expect(
      try snapshot([], ["BORDERMON_LANG": "", "LANG": "C.UTF-8", "LC_ALL": ""]).stdout.contains("Участки 52"))
    try "lang = \"xx\"\n".write(toFile: config + "/bordermon/config.toml", atomically: true, encoding: .utf8)
    let warned = try snapshot([], ["BORDERMON_LANG": "", "LANG": "C.UTF-8", "LC_ALL": ""])
    #expect(warned.status == 0)
    #expect(warned.stdout.contains("Segments 52"))
    #expect(
      warned.stderr.contains("config.toml:1: lang: 'xx' is not a language (use en, ru); ignored"),
      "\(warned.stderr)")
  }

  @Test("a language bordermon does not speak is an error naming where it came from")
  func unknown() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let option = try CommandRunner.run(["snapshot", "--data", data, "--lang", "tj"], environment: Self.now)
    #expect(option.status == 1)
    #expect(option.stderr == "bordermon: --lang: 'tj' is not a language bordermon speaks (use en, ru)\n")
    let variable = try CommandRunner.run(["snapshot", "--data", data], environment: ["BORDERMON_LANG": "fr"])
    #expect(variable.status == 1)
    #expect(variable.stderr.contains("$BORDERMON_LANG: 'fr' is not a language"))
  }
}
