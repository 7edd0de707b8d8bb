import BorderConsole
import BorderModel
import BorderStore
import BorderThemes
import Foundation
import Testing

/// TOML that toml++ 3.4 asserts on (found by the reference and theme fuzz tests) is a syntax error, not an abort.
@Suite("TOML headers the parser cannot take")
struct TOMLParserGuardTests {
  @Test(
    "a header without a name, or a } where an array expects an element, is a syntax error on its line, not an abort",
    arguments: [
      ("[[[40.0]]]\n", 1, 3), ("id = 1\n\n[[[a]]]\n", 3, 3), ("[=\n", 1, 2), ("[\n", 1, 2),
      ("[[ .a]]\n", 1, 4),
      ("x = [\n  1,\n]\n[{a=1}]\n", 4, 2), ("\u{FEFF}[[[x]]]\n", 1, 3), ("x = [ }\n", 1, 7),
      ("x = [1,\n  }\n", 2, 3), ("t = { a = [[], } }\n", 1, 16),
    ])
  func refused(text: String, line: Int, column: Int) {
    guard case .failure(let diagnostic) = TOMLText.parse(text, file: "segments.toml") else {
      Issue.record("accepted: \(text)")
      return
    }
    #expect(diagnostic.file == "segments.toml")
    #expect(diagnostic.line == line, "\(diagnostic)")
    #expect(diagnostic.message.contains("column \(column)"), "\(diagnostic)")
  }

  @Test(
    "valid documents with brackets inside values, strings and comments still parse",
    arguments: [
      "x = [\n  [[1]],\n  [{ a = 1 }],\n]\n[t]\ny = 1\n",
      "s = \"\"\"\n[[[not a header\n\"\"\"\n[[segment]]\nid = \"A\"\n",
      "l = '''\n[=\n'''\n[\"quoted key\"]\nz = 2\n",
      "# [[[ in a comment\n[ spaced ]\n[[ arr ]]\n",
      "\"k=[\" = 1\n['lit']\n",
      "a = [ # comment [\n  1, # ]\n]\n[b]\n", "t = { a = [1, 2], b = { c = [] } }\nu = [ {}, { x = 1 } ]\n",
    ])
  func accepted(text: String) {
    if case .failure(let diagnostic) = TOMLText.parse(text, file: "x.toml") {
      Issue.record("refused \(text): \(diagnostic)")
    }
  }
}

/// Text from data with a control character after non-ASCII text (found by the reference fuzz test:
/// a TAB in a Cyrillic district name reached a cell).
@Suite("Control characters after non-ASCII text")
struct SanitizerFindingTests {
  @Test(
    "a control character after Cyrillic or other non-ASCII text is still replaced",
    arguments: ["Исфара\tx", "Баткен \u{1B}]52;c;SGVsbG8=\u{07}", "漢字\u{7F}", "é\u{1B}[2J", "✓\r\nnext"])
  func controlAfterNonASCII(text: String) {
    let clean = Sanitizer.clean(text)
    #expect(
      !clean.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(clean.debugDescription)")
    var grid = Grid(width: 40, height: 1)
    grid.put(text, row: 0, column: 0, style: .plain)
    #expect(controlCharacters(in: grid).isEmpty, "\(grid.line(0).debugDescription)")
  }
}

/// An empty key in a reference file (found by the reference fuzz test: `segments.toml:7: : warning: …`).
@Suite("An empty key is named")
struct EmptyKeyFindingTests {
  @Test("an unknown empty key is reported as \"\", with its line")
  func emptyKey() {
    let folder = FuzzFolder("empty-key")
    defer { folder.remove() }
    for (name, bytes) in FuzzSample.files where name != "journal.jsonl" { folder.write(name, bytes) }
    let segments = FuzzSample.files.first { $0.name == "segments.toml" }!.bytes
    let text = String(decoding: segments, as: UTF8.self)
      .replacingOccurrences(of: "id = \"A-03\"\n", with: "id = \"A-03\"\n\"\" = 1\n")
    let path = folder.write("segments.toml", Array(text.utf8))
    let line =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "\"\" = 1" }! + 1
    let loaded = ReferenceLoader.load(DataDirectory(path: folder.path))
    let found = loaded.diagnostics.filter { $0.message.hasPrefix("unknown field") }
    #expect(
      found.map(\.description) == ["\(path):\(line): \"\": warning: " + found.first!.message], "\(found)")
  }
}

/// An empty key in a theme file (found by the theme fuzz test: `fuzzed.toml:3: : unknown role`).
@Suite("An empty theme key is named")
struct EmptyThemeKeyFindingTests {
  @Test("an empty role or top-level key is reported as \"\", with its line")
  func emptyKey() {
    let text = "name = \"x\"\n\"\" = 1\n[roles]\n\"\" = { fg = \"red\" }\n"
    let document = ThemeFile.read(text: text, path: "empty.toml")
    let named = document.diagnostics.filter { $0.line == 2 || $0.line == 4 }
    #expect(named.count == 2, "\(document.diagnostics)")
    for diagnostic in named {
      #expect(diagnostic.field == "\"\"", "\(diagnostic)")
      #expect(diagnostic.description.hasPrefix("empty.toml:\(diagnostic.line!): \"\": "), "\(diagnostic)")
    }
  }
}

/// Journal lines the decoder read differently from Foundation (found by a 120,000-line decoder fuzz run).
@Suite("The decoder reads what Foundation reads")
struct DecoderFindingTests {
  @Test("a repeated type: the last one is the event's type, as for every other reader")
  func repeatedType() throws {
    let line =
      #"{"seq":5,"at":"2026-11-29T05:00:00Z","by":"op","type":"segment.status","segment":"A-01","status":"described","type":"at.raised"}"#
    let event = try EventCodec.decode(line).get()
    #expect(event.type == "at.raised")
    #expect(event.payload == .unknown(type: "at.raised"))
  }

  @Test("an empty source string is no source, so the event reads back the same after writing")
  func emptySource() throws {
    let line =
      #"{"seq":67,"at":"2022-09-14T04:00:00Z","by":"op","type":"segment.level","segment":"B-02","level":4,"reason":"fire","source":""}"#
    let event = try EventCodec.decode(line).get()
    #expect(event.provenance.source == nil)
    #expect(try EventCodec.decode(EventCodec.encodeText(event)).get() == event)
  }
}
