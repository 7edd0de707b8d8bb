import BorderConsole
import BorderModel
import Testing

@testable import BorderThemes

@Suite("Finding and choosing themes")
struct ThemeCatalogTests {
  static let manifest = "// swift-tools-version: 6.0\nlet package = Package(name: \"bordermon\")\n"

  /// A theme file that sets one role so tests can tell the copies apart.
  static func theme(_ name: String, marker: UInt8) -> String {
    "name = \"\(name)\"\n[roles]\n\"title\" = { fg = \(marker) }\n"
  }

  /// A user folder, an installed prefix and a checkout, each with some themes.
  struct Layout {
    let root: TestFolder
    var environment: [String: String]
    var executable: String
    var workingDirectory: String

    init(_ name: String = #function) {
      root = TestFolder(name)
      root.write("config/bordermon/themes/light.toml", ThemeCatalogTests.theme("light", marker: 1))
      root.write("config/bordermon/themes/mine.toml", ThemeCatalogTests.theme("mine", marker: 1))
      root.write("config/bordermon/themes/notes.txt", "not a theme")
      root.write("prefix/bin/bordermon")
      root.write("prefix/share/bordermon/themes/light.toml", ThemeCatalogTests.theme("light", marker: 2))
      root.write("prefix/share/bordermon/themes/dusk.toml", ThemeCatalogTests.theme("dusk", marker: 2))
      root.write("checkout/Package.swift", ThemeCatalogTests.manifest)
      root.write("checkout/Themes/light.toml", ThemeCatalogTests.theme("light", marker: 3))
      root.write("checkout/Themes/dusk.toml", ThemeCatalogTests.theme("dusk", marker: 3))
      root.write("checkout/Themes/repo.toml", ThemeCatalogTests.theme("repo", marker: 3))
      root.folder("checkout/Sources/deep")
      environment = ["XDG_CONFIG_HOME": root.path + "/config", "HOME": root.path + "/home"]
      executable = root.path + "/prefix/bin/bordermon"
      workingDirectory = root.path + "/checkout/Sources/deep"
    }

    var catalog: ThemeCatalog {
      ThemeCatalog(
        environment: { environment[$0] }, executablePath: executable, currentDirectory: workingDirectory)
    }
  }

  @Test("the search path: user folder, beside the binary, then the checkout's Themes/")
  func searchOrder() {
    let layout = Layout()
    let root = layout.root.path
    #expect(
      layout.catalog.folders == [
        ThemeFolder(path: root + "/config/bordermon/themes", source: .user),
        ThemeFolder(path: root + "/prefix/share/bordermon/themes", source: .installed),
        ThemeFolder(path: root + "/checkout/Themes", source: .repository),
      ])
  }

  @Test("entries: first found wins per name; the built-in default when no file shadows it")
  func entries() {
    let layout = Layout()
    let root = layout.root.path
    let entries = layout.catalog.entries()
    #expect(entries.map(\.name) == ["default", "dusk", "light", "mine", "repo"])
    #expect(entries.first { $0.name == "default" } == .builtInDefault)
    #expect(
      entries.first { $0.name == "light" }
        == ThemeEntry(name: "light", path: root + "/config/bordermon/themes/light.toml", source: .user))
    #expect(entries.first { $0.name == "dusk" }?.source == .installed)
    #expect(entries.first { $0.name == "repo" }?.source == .repository)

    layout.root.write("checkout/Themes/default.toml", Self.theme("default", marker: 3))
    let shadowed = layout.catalog.entries().first { $0.name == "default" }
    #expect(shadowed?.source == .repository)
  }

  @Test("load by name takes the first folder's file; by path reads that file")
  func loadByNameAndPath() throws {
    let layout = Layout()
    let light = try layout.catalog.load(nameOrPath: "light").get()
    #expect(light.entry.source == .user)
    #expect(light.theme.style(.title).foreground == .indexed(1))
    #expect(light.diagnostics.count == 1, "a warning listing the roles the file leaves out")
    #expect(light.diagnostics.first?.severity == .warning)

    let dusk = try layout.catalog.load(nameOrPath: "dusk").get()
    #expect(dusk.theme.style(.title).foreground == .indexed(2))

    let path = layout.root.write("elsewhere/night.toml", Self.theme("night", marker: 7))
    let night = try layout.catalog.load(nameOrPath: path).get()
    #expect(night.entry == ThemeEntry(name: "night", path: path, source: .path))
    #expect(night.theme.name == "night")
    #expect(night.theme.style(.title).foreground == .indexed(7))

    let builtIn = try layout.catalog.load(nameOrPath: "default").get()
    #expect(builtIn.entry == .builtInDefault)
    #expect(builtIn.theme == Theme.defaultDark)
  }

  @Test("unknown names and unreadable paths are errors that say what exists")
  func loadFailures() {
    let layout = Layout()
    guard case .failure(let error) = layout.catalog.load(nameOrPath: "ligth") else {
      Issue.record("expected a failure")
      return
    }
    #expect(
      error.description.hasPrefix(
        "no theme named 'ligth' (did you mean light?); themes: default, dusk, light, mine, repo"))
    guard case .failure(.unreadable(let path, _)) = layout.catalog.load(nameOrPath: "nowhere/x.toml") else {
      Issue.record("expected unreadable")
      return
    }
    #expect(path == "nowhere/x.toml")
  }

  @Test("a value with a slash or ending in .toml is a path")
  func pathOrName() {
    #expect(ThemeCatalog.isPath("./x"))
    #expect(ThemeCatalog.isPath("x.toml"))
    #expect(ThemeCatalog.isPath("/etc/bordermon/dark.toml"))
    #expect(!ThemeCatalog.isPath("high-contrast"))
  }

  @Test("without XDG_CONFIG_HOME the user folder is ~/.config/bordermon/themes")
  func homeFallback() {
    let folders = ThemeCatalog.searchFolders(
      environment: { $0 == "HOME" ? "/home/op" : nil }, executablePath: nil, currentDirectory: nil)
    #expect(folders == [ThemeFolder(path: "/home/op/.config/bordermon/themes", source: .user)])
    #expect(
      ThemeCatalog.configFilePath(environment: { $0 == "HOME" ? "/home/op" : nil })
        == "/home/op/.config/bordermon/config.toml")
  }

  @Test("the checkout is found from the binary's folder too, and only a bordermon checkout counts")
  func checkoutFromBinary() {
    let folder = TestFolder()
    folder.write("work/Package.swift", Self.manifest)
    folder.write("work/Themes/default.toml", "")
    folder.write("work/.build/debug/bordermon")
    folder.write("other/Package.swift", "let package = Package(name: \"something-else\")\n")
    folder.write("other/Themes/x.toml", "")
    let folders = ThemeCatalog.searchFolders(
      environment: { _ in nil }, executablePath: folder.path + "/work/.build/debug/bordermon",
      currentDirectory: folder.path + "/other")
    #expect(
      folders == [
        ThemeFolder(path: folder.path + "/work/.build/share/bordermon/themes", source: .installed),
        ThemeFolder(path: folder.path + "/work/Themes", source: .repository),
      ])
  }

  @Test("the repository's own Themes/ folder is found from this test's path")
  func thisCheckout() {
    let start = RepositoryThemes.folder + "/../Sources"
    #expect(ThemeCatalog.checkoutThemes(from: start) == ThemeCatalog.normalize(RepositoryThemes.folder))
  }

  @Test("choosing: --theme, then $BORDERMON_THEME, then the config file, then default")
  func precedence() {
    let layout = Layout()
    let config = layout.root.write("config/bordermon/config.toml", "# console settings\n\ntheme = \"dusk\"\n")
    var environment = layout.environment
    environment["BORDERMON_THEME"] = "repo"
    let catalog = layout.catalog

    let byOption = catalog.choose(option: "light", environment: { environment[$0] })
    #expect(
      byOption.value == "light" && byOption.origin == .option && byOption.originDescription == "--theme")

    let byVariable = catalog.choose(option: nil, environment: { environment[$0] })
    #expect(byVariable.value == "repo" && byVariable.originDescription == "$BORDERMON_THEME")

    environment["BORDERMON_THEME"] = nil
    let byConfig = catalog.choose(option: nil, environment: { environment[$0] })
    #expect(byConfig.value == "dusk")
    #expect(byConfig.origin == .configFile(path: config, line: 3))
    #expect(byConfig.originDescription == config + ":3")

    let explicitConfig = catalog.choose(
      option: "", environment: { environment[$0] }, configFile: "/nonexistent.toml")
    #expect(explicitConfig.value == "default" && explicitConfig.origin == .builtInDefault)
    #expect(explicitConfig.diagnostics.isEmpty, "a missing config file is not a problem")
  }

  @Test("config values: paths relative to the config file, ~ for home; bad files fall through with a warning")
  func configValues() {
    let layout = Layout()
    let catalog = layout.catalog
    let config = layout.root.path + "/config/bordermon/config.toml"
    let environment = layout.environment

    layout.root.write("config/bordermon/config.toml", "theme = \"themes/mine.toml\"\n")
    let relative = catalog.choose(option: nil, environment: { environment[$0] })
    #expect(relative.value == layout.root.path + "/config/bordermon/themes/mine.toml")

    let home = catalog.choose(option: "~/x.toml", environment: { environment[$0] })
    #expect(home.value == layout.root.path + "/home/x.toml")

    layout.root.write("config/bordermon/config.toml", "theme = 3\n")
    let wrongType = catalog.choose(option: nil, environment: { environment[$0] })
    #expect(wrongType.origin == .builtInDefault)
    #expect(
      wrongType.diagnostics.map(\.description) == [
        "\(config):1: theme: warning: must be a theme name or a path to a .toml file (ignored)"
      ])

    layout.root.write("config/bordermon/config.toml", "theme = \n")
    let broken = catalog.choose(option: nil, environment: { environment[$0] })
    #expect(broken.origin == .builtInDefault)
    #expect(broken.diagnostics.count == 1 && broken.diagnostics[0].line == 1)
  }

  @Test("unknown keys in config.toml are warned about with file:line, whatever chose the theme (eco.md (b))")
  func configUnknownKeys() {
    let layout = Layout()
    let config = layout.root.write(
      "config/bordermon/config.toml",
      "# what an operator might expect to work\ndata = \"/srv/bordermon\"\ntheme = \"dusk\"\n"
        + "stale_after = 5\nthem = \"light\"\n\n[console]\ncolor = \"never\"\n")
    var environment = layout.environment
    let expected = [
      "\(config):2: data: warning: unknown key (ignored); config.toml sets only `theme` and `lang`; the console's other settings are options and variables (bordermon --help)",
      "\(config):4: stale_after: warning: unknown key (ignored); config.toml sets only `theme` and `lang`; the console's other settings are options and variables (bordermon --help)",
      "\(config):5: them: warning: unknown key (ignored); config.toml sets only `theme` and `lang` (did you mean theme?)",
      "\(config):7: console: warning: unknown key (ignored); config.toml sets only `theme` and `lang`; the console's other settings are options and variables (bordermon --help)",
    ]
    let byConfig = layout.catalog.choose(option: nil, environment: { environment[$0] })
    #expect(byConfig.value == "dusk" && byConfig.origin == .configFile(path: config, line: 3))
    #expect(byConfig.diagnostics.map(\.description) == expected)

    // Chosen by --theme or $BORDERMON_THEME, the file's other keys are still reported.
    let byOption = layout.catalog.choose(option: "light", environment: { environment[$0] })
    #expect(byOption.origin == .option && byOption.diagnostics.map(\.description) == expected)
    environment["BORDERMON_THEME"] = "repo"
    let byVariable = layout.catalog.choose(option: nil, environment: { environment[$0] })
    #expect(byVariable.value == "repo" && byVariable.diagnostics.map(\.description) == expected)

    // A config file with only known keys says nothing.
    layout.root.write("config/bordermon/config.toml", "theme = \"dusk\" # mine\n")
    #expect(layout.catalog.choose(option: nil, environment: { environment[$0] }).diagnostics.isEmpty)
  }

  @Test(
    "resolve never fails: an unknown theme gives the built-in default and an error naming where it was asked for"
  )
  func resolveFallsBack() {
    let layout = Layout()
    let environment = layout.environment
    let resolved = layout.catalog.resolve(option: "nosuch", environment: { environment[$0] })
    #expect(resolved.theme == Theme.defaultDark)
    #expect(resolved.entry == .builtInDefault)
    #expect(resolved.diagnostics.count == 1)
    #expect(
      resolved.diagnostics.first?.description.hasPrefix("--theme: theme: no theme named 'nosuch'") == true)
    #expect(resolved.diagnostics.first?.description.hasSuffix("; using the built-in default") == true)

    let found = layout.catalog.resolve(option: "dusk", environment: { environment[$0] })
    #expect(found.entry.source == .installed)
    #expect(found.theme.name == "dusk")
  }

  @Test("the real catalog from this checkout lists every shipped theme")
  func realCatalog() {
    let catalog = ThemeCatalog(
      environment: { _ in nil }, executablePath: nil, currentDirectory: RepositoryThemes.folder)
    let names = catalog.entries().filter { $0.source == .repository }.map(\.name)
    #expect(names == ["colorblind", "default", "high-contrast", "light", "monochrome"])
  }
}
