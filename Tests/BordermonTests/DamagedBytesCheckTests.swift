import BorderModel
import BorderStore
import Foundation
import Testing

/// What `check` says about bytes readers repair or refuse silently.
@Suite("check names damaged bytes by file and line", .serialized)
struct DamagedBytesCheckTests {
  @Test("a journal line that is not UTF-8 is named with its line and byte, and check fails")
  func invalidUTF8InTheJournal() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
    let last = SituationStore(directory: DataDirectory(path: data)).lastSeqSeen
    var bad = Array(
      #"{"seq":\#(last + 1),"at":"2026-11-29T06:00:00Z","by":"feed","type":"note","text":"caf"#.utf8)
    bad += [0xE9]  // Latin-1 é: not UTF-8
    bad += Array(#""}"#.utf8) + [0x0A]
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    handle.seekToEndOfFile()
    handle.write(Data(bad))
    try handle.close()
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 1)
    let byte = bad.firstIndex(of: 0xE9)! + 1
    #expect(
      check.stdout.contains("\(journal):\(lines + 1): invalid UTF-8 at byte \(byte)"),
      "\(check.stdout)\(check.stderr)")
  }

  @Test(
    "a binary or damaged reference file is an error in file:line form",
    arguments: [
      // A PNG's first bytes: 0x89 is no UTF-8 lead byte, on line 1.
      ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] as [UInt8], 1),
      // A NUL on line 2.
      (Array("# segments\n".utf8) + [0x41, 0x00, 0x42, 0x0A], 2),
      // Text, then a line with bytes that are not UTF-8.
      (Array("title = \"x\"\n# ok\nname = \"".utf8) + [0xC3, 0x28, 0x22, 0x0A], 3),
    ])
  func binaryReference(bytes: [UInt8], line: Int) throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let file = data + "/segments.toml"
    FileManager.default.createFile(atPath: file, contents: Data(bytes))
    let check = try CommandRunner.run(["check", "--data", data])
    #expect(check.status == 1)
    #expect(
      check.stdout.contains("\(file):\(line): cannot read: line \(line) "), "\(check.stdout)\(check.stderr)")
    #expect(
      !check.stdout.contains("\u{89}") && !check.stdout.contains("\u{1A}"), "no raw byte reaches the terminal"
    )
  }
}
