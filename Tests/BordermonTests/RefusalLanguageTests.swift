import Foundation
import Testing

@Suite("The model's refusals on the command line, in the chosen language")
struct RefusalLanguageTests {
  @Test("a second `alert ack` is refused in Russian with who and when; in English as the model words it")
  func secondAcknowledgement() throws {
    let scratch = ScratchDirectory()
    let data = try LanguageCommandTests.sample(scratch)
    let first = try CommandRunner.run(["alert", "ack", "AL-NOW-AKSAI", "--data", data])
    #expect(first.status == 0, "\(first.stderr)")
    let russian = try CommandRunner.run(["alert", "ack", "AL-NOW-AKSAI", "--data", data, "--lang", "ru"])
    #expect(russian.status == 1)
    #expect(
      russian.stderr.contains(
        try Regex(
          #"^bordermon alert ack: alert: оповещение AL-NOW-AKSAI уже подтверждено \(.+, \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\n$"#
        )), "\(russian.stderr)")
    let english = try CommandRunner.run(["alert", "ack", "AL-NOW-AKSAI", "--data", data])
    #expect(english.status == 1)
    #expect(
      english.stderr.contains(
        try Regex(
          #"^bordermon alert ack: alert: AL-NOW-AKSAI was already acknowledged by .+ at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\n$"#
        )), "\(english.stderr)")
    let append = try CommandRunner.run(
      ["append", "--data", data, "--lang", "ru"],
      stdin: #"{"type":"alert.resolved","alert":"AL-NOPE"}"# + "\n")
    #expect(append.status == 1)
    #expect(append.stderr.hasPrefix("stdin:1: alert: нет оповещения AL-NOPE\n"), "\(append.stderr)")
  }
}
