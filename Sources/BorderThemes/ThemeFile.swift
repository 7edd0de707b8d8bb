import BorderConsole
import BorderModel
import BorderStore
import TOMLKit

/// A theme file as read: the theme, its description and what was wrong with it.
public struct ThemeDocument: Sendable {
  /// The theme, always usable: bad or missing entries take the fallback theme's looks.
  public var theme: Theme
  /// The file's `description`, if it has one.
  public var description: String?
  /// Problems found, in line order.
  public var diagnostics: [Diagnostic]

  /// Whether any problem is an error (a warning alone still means the file is as meant).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads theme files: `name`, `description`, a `[palette]` of named colours and `[roles]` looks.
public enum ThemeFile {
  /// The largest theme file read (1 MiB): the shipped ones are a few KiB; anything larger is refused unread.
  public static let sizeLimit = 1 << 20
  /// The keys a theme file may have at its top level.
  static let topLevelKeys = ["name", "description", "palette", "roles"]
  /// The keys of a role's look.
  static let styleKeys = ["fg", "bg", "attrs"]

  /// Parses a theme file's text; `path` names it in diagnostics and gives the name when `name` is absent.
  public static func parse(text: String, path: String, fallback: Theme = .defaultDark) -> (
    Theme, [Diagnostic]
  ) {
    let document = read(text: text, path: path, fallback: fallback)
    return (document.theme, document.diagnostics)
  }

  /// Parses a theme file's text, keeping its description.
  public static func read(text: String, path: String, fallback: Theme = .defaultDark) -> ThemeDocument {
    var parser = ThemeFileParser(path: path, text: text, fallback: fallback)
    return parser.run()
  }

  /// The theme name a file's path implies: its last component without `.toml`.
  public static func name(ofPath path: String) -> String {
    var last = path.split(separator: "/").last.map(String.init) ?? path
    if last.hasSuffix(".toml") { last.removeLast(5) }
    return last
  }
}

/// One pass over a theme file, collecting diagnostics.
private struct ThemeFileParser {
  let path: String
  let text: String
  let fallback: Theme
  let lines: TOMLKeyLines
  var diagnostics: [Diagnostic] = []
  var palette: [String: ThemeColor] = [:]

  init(path: String, text: String, fallback: Theme) {
    self.path = path
    self.text = text
    self.fallback = fallback
    lines = TOMLKeyLines(text)
  }

  mutating func report(
    _ severity: Diagnostic.Severity, at keyPath: [String], field: String?, _ message: String
  ) {
    // An empty key (`"" = …`) is named as written, so the line does not read `file:7: : …`.
    let named = field.map { $0.isEmpty ? "\"\"" : $0 }
    diagnostics.append(
      Diagnostic(severity, file: path, line: lines.nearestLine(keyPath) ?? 1, field: named, message: message))
  }

  mutating func run() -> ThemeDocument {
    let fileName = ThemeFile.name(ofPath: path)
    let root: TOMLTable
    switch TOMLText.parse(text, file: path) {
    case .success(let table): root = table
    case .failure(let problem):
      diagnostics.append(problem)
      return finish(Theme(name: fileName, styles: [:], fallback: fallback), description: nil)
    }

    for key in root.keys where !ThemeFile.topLevelKeys.contains(key) {
      report(
        .warning, at: [key], field: key,
        "unknown key (ignored)" + Suggestion.hint(key, in: ThemeFile.topLevelKeys))
    }
    let name = string(root, "name") ?? fileName
    let description = string(root, "description")

    if let value = root["palette"] {
      if let table = value.table {
        readPalette(table)
      } else {
        report(.error, at: ["palette"], field: "palette", "must be a table of named colours ([palette])")
      }
    }

    var styles: [Role: CellStyle] = [:]
    if let value = root["roles"] {
      if let table = value.table {
        var entries: [(path: [String], value: TOMLValueConvertible)] = []
        collectRoles(table, path: [], into: &entries)
        for entry in entries {
          if let (role, style) = readRole(entry.path, entry.value) {
            if styles[role] != nil {
              report(
                .error, at: ["roles"] + entry.path, field: role.key, "set twice (the later one is ignored)")
            } else {
              styles[role] = style
            }
          }
        }
      } else {
        report(.error, at: ["roles"], field: "roles", "must be a table of role looks ([roles])")
      }
    }
    let missing = Role.allCases.filter { styles[$0] == nil }
    if !missing.isEmpty {
      let what = missing.count == Role.allCases.count ? "no roles set" : "\(missing.count) roles not set"
      report(
        .warning, at: ["roles"], field: "roles",
        "\(what), taking the \(fallback.name) theme's looks: \(missing.map(\.key).joined(separator: ", "))")
    }
    return finish(Theme(name: name, styles: styles, fallback: fallback), description: description)
  }

  func finish(_ theme: Theme, description: String?) -> ThemeDocument {
    let ordered = diagnostics.enumerated().sorted {
      ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset)
    }
    return ThemeDocument(theme: theme, description: description, diagnostics: ordered.map(\.element))
  }

  mutating func string(_ root: TOMLTable, _ key: String) -> String? {
    guard let value = root[key] else { return nil }
    guard let text = value.string else {
      report(.error, at: [key], field: key, "must be a string")
      return nil
    }
    return text.isEmpty ? nil : text
  }

  // MARK: Palette

  mutating func readPalette(_ table: TOMLTable) {
    for name in table.keys {
      guard let value = table[name] else { continue }
      let field = "palette." + name
      let reading: ColorSpelling.Reading
      if let text = value.string {
        reading = ColorSpelling.read(text)
      } else if let number = value.int {
        reading = ColorSpelling.read(number: number)
      } else {
        report(.error, at: ["palette", name], field: field, "must be a colour (\(ColorSpelling.accepted))")
        continue
      }
      switch reading {
      case .color(let color):
        palette[name] = color
        if ColorSpelling.read(name) != .name(name) {
          report(
            .warning, at: ["palette", name], field: field,
            "shadows the colour name '\(name)': roles naming it get this entry")
        }
      case .name(let word):
        let hint = Suggestion.hint(word, in: ColorSpelling.ansiNames.map(\.name) + ["default"])
        report(
          .error, at: ["palette", name], field: field,
          "'\(word)' is not a colour (palette entries are \(ColorSpelling.accepted))\(hint)")
      case .invalid(let message):
        report(.error, at: ["palette", name], field: field, message)
      }
    }
  }

  // MARK: Roles

  /// Flattens `[roles]` into role entries, so `"level.3" = …`, `level.3 = …` and `[roles.level]` all work.
  func collectRoles(
    _ table: TOMLTable, path: [String], into entries: inout [(path: [String], value: TOMLValueConvertible)]
  ) {
    for key in table.keys {
      guard let value = table[key] else { continue }
      let keyPath = path + [key]
      if Role(key: keyPath.joined(separator: ".")) == nil, let inner = value.table, !inner.isEmpty,
        !inner.keys.contains(where: ThemeFile.styleKeys.contains)
      {
        collectRoles(inner, path: keyPath, into: &entries)
      } else {
        entries.append((keyPath, value))
      }
    }
  }

  mutating func readRole(_ keyPath: [String], _ value: TOMLValueConvertible) -> (Role, CellStyle)? {
    let key = keyPath.joined(separator: ".")
    let at = ["roles"] + keyPath
    guard let role = Role(key: key) else {
      report(
        .error, at: at, field: key,
        "unknown role (ignored)" + Self.roleHint(key))
      return nil
    }
    let fallbackStyle = fallback.style(role)
    var style = CellStyle.plain
    if value.string != nil || value.int != nil {
      style.foreground = color(value, "fg", at: at, role: role) ?? fallbackStyle.foreground
      return (role, style)
    }
    guard let table = value.table else {
      report(
        .error, at: at, field: key,
        "must be a table such as { fg = \"#e6e6e6\", bg = \"slate\", attrs = [\"bold\"] } (taking the \(fallback.name) theme's look)"
      )
      return (role, fallbackStyle)
    }
    for field in table.keys where !ThemeFile.styleKeys.contains(field) {
      report(
        .error, at: at + [field], field: key,
        "unknown field '\(field)' (ignored); a look has fg, bg and attrs"
          + Suggestion.hint(field, in: ThemeFile.styleKeys))
    }
    if let fg = table["fg"] {
      style.foreground = color(fg, "fg", at: at + ["fg"], role: role) ?? fallbackStyle.foreground
    }
    if let bg = table["bg"] {
      style.background = color(bg, "bg", at: at + ["bg"], role: role) ?? fallbackStyle.background
    }
    if let attrs = table["attrs"] {
      style.attributes = attributes(attrs, at: at + ["attrs"], role: role)
    }
    return (role, style)
  }

  /// "; did you mean X?", else the list of roles.
  static func roleHint(_ key: String) -> String {
    let keys = Role.allCases.map(\.key)
    if let near = Suggestion.nearest(key, in: keys) { return "; did you mean \(near)?" }
    return "; the roles are " + keys.joined(separator: ", ")
  }

  /// A role's colour: a palette entry or a literal; nil (with an error) when it is neither.
  mutating func color(_ value: TOMLValueConvertible, _ field: String, at: [String], role: Role) -> ThemeColor?
  {
    let text: String
    if let string = value.string {
      if let named = palette[string.trimmingSpaces] { return named }
      text = string
    } else if let number = value.int {
      guard case .color(let color) = ColorSpelling.read(number: number) else {
        report(
          .error, at: at, field: role.key, "\(field): \(number) is not a colour: palette indices run 0–255")
        return nil
      }
      return color
    } else {
      report(.error, at: at, field: role.key, "\(field): must be a colour string (\(ColorSpelling.accepted))")
      return nil
    }
    switch ColorSpelling.read(text) {
    case .color(let color):
      return color
    case .name(let word):
      let candidates = palette.keys.sorted() + ColorSpelling.ansiNames.map(\.name)
      report(
        .error, at: at, field: role.key,
        "\(field): no [palette] entry or colour named '\(word)'" + Suggestion.hint(word, in: candidates))
    case .invalid(let message):
      report(.error, at: at, field: role.key, "\(field): \(message)")
    }
    return nil
  }

  /// A role's attributes; unknown ones are reported and left out.
  mutating func attributes(_ value: TOMLValueConvertible, at: [String], role: Role) -> TextAttributes {
    var names: [String] = []
    if let single = value.string {
      names = [single]
    } else if let array = value.array {
      for element in array {
        guard let name = element.string else {
          report(
            .error, at: at, field: role.key, "attrs: \(element.debugDescription) is not an attribute name")
          continue
        }
        names.append(name)
      }
    } else {
      report(.error, at: at, field: role.key, "attrs: must be a list such as [\"bold\", \"underline\"]")
      return []
    }
    var result: TextAttributes = []
    let known = ColorSpelling.attributeNames.map(\.name)
    for name in names {
      if let match = ColorSpelling.attributeNames.first(where: { $0.name == name.trimmingSpaces.lowercased() }
      ) {
        result.insert(match.attribute)
      } else {
        report(
          .error, at: at, field: role.key,
          "attrs: '\(name)' is not an attribute (\(known.joined(separator: ", ")))"
            + Suggestion.hint(name, in: known))
      }
    }
    return result
  }
}

extension Role {
  private static let byKey: [String: Role] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0) })

  /// The role a theme file names by `key`, e.g. `status.disputed`.
  public init?(key: String) {
    guard let role = Role.byKey[key] else { return nil }
    self = role
  }
}
