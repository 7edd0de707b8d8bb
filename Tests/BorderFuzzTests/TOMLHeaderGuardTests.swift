import BorderModel
import BorderStore
import Testing

/// Headers that toml++ 3.4 asserts on (found by the reference fuzz test) are syntax errors, not crashes.
@Suite("TOML headers the parser cannot take")
struct TOMLHeaderGuardTests {
  @Test(
    "a header without a name's first character is a syntax error on its line, not an abort",
    arguments: [
      ("[[[40.0]]]\n", 1, 3), ("id = 1\n\n[[[a]]]\n", 3, 3), ("[=\n", 1, 2), ("[\n", 1, 2),
      ("[[ .a]]\n", 1, 4),
      ("x = [\n  1,\n]\n[{a=1}]\n", 4, 2), ("\u{FEFF}[[[x]]]\n", 1, 3),
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
      "a = [ # comment [\n  1, # ]\n]\n[b]\n",
    ])
  func accepted(text: String) {
    if case .failure(let diagnostic) = TOMLText.parse(text, file: "x.toml") {
      Issue.record("refused \(text): \(diagnostic)")
    }
  }
}
