import BorderConsole
import BorderModel
import Testing

@testable import BorderThemes

@Suite("Theme files: parsing and diagnostics")
struct ThemeFileTests {
  /// A fallback whose every look is one no theme file would choose, to see which roles fell back.
  static let sentinel = Theme(
    name: "sentinel",
    styles: Dictionary(
      uniqueKeysWithValues: Role.allCases.map {
        (
          $0,
          CellStyle(
            foreground: .indexed(123), background: .indexed(45), attributes: [.italic, .reverse, .dim])
        )
      }))

  @Test("the shipped themes are the expected set")
  func shippedSet() {
    let names = RepositoryThemes.files.map { ThemeFile.name(ofPath: $0) }
    #expect(names == ["colorblind", "default", "high-contrast", "light", "monochrome"])
  }

  @Test("every shipped theme parses with no problem and sets every role itself")
  func shippedThemesParse() throws {
    let files = RepositoryThemes.files
    try #require(!files.isEmpty, "no theme files found in \(RepositoryThemes.folder)")
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let document = ThemeFile.read(text: text, path: file, fallback: Self.sentinel)
      #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.description))")
      #expect(document.theme.name == ThemeFile.name(ofPath: file))
      #expect(document.description?.isEmpty == false, "\(file) has no description")
      let fellBack = Role.allCases.filter { document.theme.style($0) == Self.sentinel.style($0) }
      #expect(fellBack.isEmpty, "\(file) leaves out \(fellBack.map(\.key))")
    }
  }

  @Test("Themes/default.toml is the built-in default theme")
  func defaultMatchesBuiltIn() {
    let (theme, diagnostics) = ThemeFile.parse(
      text: RepositoryThemes.text("default"), path: "default.toml", fallback: Self.sentinel)
    #expect(diagnostics.isEmpty)
    for role in Role.allCases {
      #expect(theme.style(role) == Theme.defaultDark.style(role), "\(role.key)")
    }
    #expect(theme == Theme.defaultDark)
  }

  /// A bad file and the error lines it must give.
  struct BadFile: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var errors: [String]
    var testDescription: String { label }
  }

  static let badCases: [BadFile] = [
    BadFile(
      label: "unknown role", text: "name = \"bad\"\n[roles]\n\"status.disputd\" = { fg = \"red\" }\n",
      errors: ["bad.toml:3: status.disputd: unknown role (ignored); did you mean status.disputed?"]),
    BadFile(
      label: "unknown role given without its group", text: "[roles]\n\"disputed\" = { fg = \"red\" }\n",
      errors: ["bad.toml:2: disputed: unknown role (ignored); did you mean status.disputed?"]),
    BadFile(
      label: "bad colour: five hex digits",
      text: "[roles]\n\"text\" = {}\n\"level.3\" = { fg = \"#12345\" }\n",
      errors: ["bad.toml:3: level.3: fg: '#12345' is not a colour: use #rrggbb with six hex digits"]),
    BadFile(
      label: "bad colour: index out of range", text: "[roles]\n\"header\" = { fg = 7, bg = 300 }\n",
      errors: ["bad.toml:2: header: bg: 300 is not a colour: palette indices run 0–255"]),
    BadFile(
      label: "bad colour: a negative index", text: "[palette]\nx = -1\n[roles]\n\"muted\" = -3\n",
      errors: [
        "bad.toml:2: palette.x: -1 is not a colour: palette indices run 0–255",
        "bad.toml:4: muted: fg: -3 is not a colour: palette indices run 0–255",
      ]),
    BadFile(
      label: "unknown role with nothing near: the roles are listed", text: "[roles]\n\"zzzzzz\" = {}\n",
      errors: [
        "bad.toml:2: zzzzzz: unknown role (ignored); the roles are "
          + Role.allCases.map(\.key).joined(separator: ", ")
      ]),
    BadFile(
      label: "bad colour in the palette",
      text: "[palette]\nsky = \"#7fc8f8\"\npurple = \"purpleish\"\n[roles]\n\"title\" = { fg = \"sky\" }\n",
      errors: [
        "bad.toml:3: palette.purple: 'purpleish' is not a colour (palette entries are #rrggbb, 0–255, an ANSI name such as red or bright-blue, or default)"
      ]),
    BadFile(
      label: "missing palette name",
      text: "[palette]\nsky = \"#7fc8f8\"\n\n[roles]\n\"header\" = { fg = \"skyy\", bg = \"slate\" }\n",
      errors: [
        "bad.toml:5: header: fg: no [palette] entry or colour named 'skyy'; did you mean sky?",
        "bad.toml:5: header: bg: no [palette] entry or colour named 'slate'",
      ]),
    BadFile(
      label: "bad attribute", text: "[roles]\n\"title\" = { attrs = [\"bold\", \"blink\", \"undreline\"] }\n",
      errors: [
        "bad.toml:2: title: attrs: 'blink' is not an attribute (bold, dim, underline, reverse, italic)",
        "bad.toml:2: title: attrs: 'undreline' is not an attribute (bold, dim, underline, reverse, italic); did you mean underline?",
      ]),
    BadFile(
      label: "unknown field in a look", text: "[roles]\n\"title\" = { fg = \"red\", atrs = [\"bold\"] }\n",
      errors: [
        "bad.toml:2: title: unknown field 'atrs' (ignored); a look has fg, bg and attrs; did you mean attrs?"
      ]),
    BadFile(
      label: "bad TOML", text: "name = \"bad\"\n[roles]\n\"title\" = { fg = \"red\" \n\"text\" = {}\n",
      errors: [
        "bad.toml:3: TOML syntax: Error while parsing inline table: expected key or closing '}', saw '\\n' (column 24)"
      ]),
    BadFile(
      label: "dotted keys and a [roles.x] table give the lines of their own keys",
      text:
        "[roles]\nlevel.3 = { fg = \"#1234567\" }\n\n[roles.\"status.disputed\"]\nattrs = [\"bold\"]\nfg = \"nope\"\n",
      errors: [
        "bad.toml:2: level.3: fg: '#1234567' is not a colour: use #rrggbb with six hex digits",
        "bad.toml:6: status.disputed: fg: no [palette] entry or colour named 'nope'",
      ]),
  ]

  @Test("bad theme files give file:line: role: reason", arguments: badCases)
  func badFileDiagnostics(_ bad: BadFile) {
    let (theme, diagnostics) = ThemeFile.parse(text: bad.text, path: "bad.toml")
    let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(errors == bad.errors)
    #expect(theme.style(.text) == theme.style(.text), "a theme comes back whatever the errors")
  }

  @Test("a file with errors still gives a usable theme: bad parts take the fallback's")
  func badEntriesFallBack() {
    let text = """
      name = "half"
      [roles]
      "level.3" = { fg = "#12345", bg = "blue", attrs = ["underline", "blink"] }
      "status.disputed" = "bright-red"
      "status.disputd" = { fg = "red" }
      """
    let (theme, diagnostics) = ThemeFile.parse(text: text, path: "half.toml")
    #expect(theme.name == "half")
    #expect(diagnostics.filter { $0.severity == .error }.count == 3)
    let level3 = theme.style(.level3)
    #expect(level3.foreground == Theme.defaultDark.style(.level3).foreground)
    #expect(level3.background == .ansi(4))
    #expect(level3.attributes == .underline)
    #expect(theme.style(.statusDisputed) == CellStyle(foreground: .ansi(9)))
    #expect(theme.style(.muted) == Theme.defaultDark.style(.muted))
  }

  @Test("missing roles are a warning naming them, not an error")
  func missingRolesWarn() {
    let text = "name = \"part\"\n\n[roles]\n\"text\" = {}\n"
    let (_, diagnostics) = ThemeFile.parse(text: text, path: "part.toml")
    #expect(diagnostics.count == 1)
    let warning = diagnostics.first
    #expect(warning?.severity == .warning)
    #expect(warning?.line == 3)
    #expect(
      warning?.description.hasPrefix(
        "part.toml:3: roles: warning: 37 roles not set, taking the default theme's looks: muted, title,")
        == true)
  }

  @Test("broken TOML gives the fallback's looks under the file's name")
  func brokenTOML() {
    let (theme, diagnostics) = ThemeFile.parse(text: "name = \n", path: "/x/themes/dusk.toml")
    #expect(diagnostics.count == 1 && diagnostics[0].line == 1)
    #expect(theme.name == "dusk")
    #expect(theme.style(.level5) == Theme.defaultDark.style(.level5))
  }

  @Test("colour spellings: hex, index, ANSI names, default, and a palette that shadows a name")
  func spellings() {
    let text = """
      [palette]
      red = "#ff5555"
      [roles]
      "text" = { fg = "default", bg = "Default" }
      "muted" = { fg = 244 }
      "title" = { fg = "244" }
      "header" = { fg = "#A0b0C0", bg = "bright-black" }
      "border" = { fg = "red" }
      "focus" = { fg = "white", attrs = "bold" }
      """
    let (theme, diagnostics) = ThemeFile.parse(text: text, path: "s.toml")
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    #expect(
      diagnostics.contains {
        $0.description
          == "s.toml:2: palette.red: warning: shadows the colour name 'red': roles naming it get this entry"
      })
    #expect(theme.style(.text) == .plain)
    #expect(theme.style(.muted).foreground == .indexed(244))
    #expect(theme.style(.title).foreground == .indexed(244))
    #expect(theme.style(.header) == CellStyle(foreground: .rgb(0xA0, 0xB0, 0xC0), background: .ansi(8)))
    #expect(theme.style(.border).foreground == .rgb(0xFF, 0x55, 0x55))
    #expect(theme.style(.focus) == CellStyle(foreground: .ansi(7), attributes: .bold))
  }

  @Test("unknown top-level keys and a wrong name type are reported")
  func topLevel() {
    let text = "name = 3\ndescripton = \"x\"\n[roles]\n"
    let (theme, diagnostics) = ThemeFile.parse(text: text, path: "t.toml")
    let lines = diagnostics.map(\.description)
    #expect(lines.contains("t.toml:1: name: must be a string"))
    #expect(lines.contains("t.toml:2: descripton: warning: unknown key (ignored); did you mean description?"))
    #expect(theme.name == "t")
  }
}

@Suite("Finding lines of TOML keys")
struct TOMLKeyLinesTests {
  @Test("headers, dotted and quoted keys, comments and multi-line strings")
  func lines() {
    let text = """
      # comment = 1
      name = "x"
      description = \"\"\"
      a = 1
      \"\"\"
      [palette]
      sky = "#7fc8f8" # trailing
      [roles]
      "status.disputed" = { fg = "sky" }
      level.3 = { fg = "sky" }
        'hint.key' = {}
      [roles."header"]
      fg = "sky"
      [[extra]]
      k = 1
      """
    let index = TOMLKeyLines(text)
    #expect(index.line(["name"]) == 2)
    #expect(index.line(["a"]) == nil)
    #expect(index.line(["comment"]) == nil)
    #expect(index.line(["palette", "sky"]) == 7)
    #expect(index.line(["roles"]) == 8)
    #expect(index.line(["roles", "status.disputed"]) == 9)
    #expect(index.line(["roles", "level", "3"]) == 10)
    #expect(index.line(["roles", "hint.key"]) == 11)
    #expect(index.line(["roles", "header"]) == 12)
    #expect(index.line(["roles", "header", "fg"]) == 13)
    #expect(index.nearestLine(["roles", "status.disputed", "fg"]) == 9)
    #expect(index.line(["extra", "k"]) == 15)
  }
}
