import Foundation
import Testing

/// `make install` and `make uninstall` into a temporary prefix, and the installed binary, man page and completions.
///
/// To stay affordable in CI the tests install the debug binary `swift test` already built
/// (`make install BIN=…`); the release build that a plain `make install` runs is the same
/// script after `swift build -c release`.
@Suite("Installing like a Unix tool", .serialized)
struct InstallTests {
  /// The checkout this test was built from (it holds the Makefile, Themes/ and Documentation/).
  static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// The themes the checkout ships, by name.
  static var shippedThemes: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: checkout + "/Themes")) ?? [])
      .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Runs a program to completion in a folder, with exactly the environment given (plus PATH).
  static func run(
    _ program: String, _ arguments: [String], in folder: String, environment: [String: String] = [:]
  ) throws -> CommandRunner.Output {
    var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"]
    for (key, value) in environment { env[key] = value }
    return try CommandRunner.run(program, arguments, in: folder, exactEnvironment: env)
  }

  /// Every file and folder under a folder, relative, sorted (folders end in `/`).
  static func tree(_ folder: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var entries: [String] = []
    while let relative = walker.nextObject() as? String {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
      entries.append(isFolder.boolValue ? relative + "/" : relative)
    }
    return entries.sorted()
  }

  /// `make install` or `make uninstall` from the checkout.
  static func make(_ target: String, _ variables: [String], in scratch: String) throws -> CommandRunner.Output
  {
    try run(
      "/usr/bin/env", ["make", "--no-print-directory", "-C", checkout, target] + variables, in: scratch,
      environment: ["TMPDIR": scratch])
  }

  @Test("make install puts binary, themes, man page and completions under PREFIX; uninstall leaves it empty")
  func installIntoEmptyPrefix() throws {
    let scratch = ScratchDirectory()
    let prefix = scratch.path + "/prefix"
    try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
    let binary = CommandRunner.executable

    let install = try Self.make("install", ["PREFIX=" + prefix, "BIN=" + binary], in: scratch.path)
    #expect(install.status == 0, "make install failed: \(install.stdout)\(install.stderr)")
    let themeFiles = Self.shippedThemes.map { "share/bordermon/themes/\($0).toml" }
    #expect(themeFiles.count >= 5, "the checkout ships themes: \(Self.shippedThemes)")
    let installed =
      [
        "bin/bordermon", "share/man/man1/bordermon.1", "share/bash-completion/completions/bordermon",
        "share/zsh/site-functions/_bordermon", "share/fish/vendor_completions.d/bordermon.fish",
        "share/bordermon/install-manifest",
      ] + themeFiles
    let files = Self.tree(prefix).filter { !$0.hasSuffix("/") }
    #expect(files == installed.sorted())
    #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/bordermon"))

    // The installed binary, run from outside any checkout with an empty user folder, finds
    // every shipped theme beside itself.
    let elsewhere = scratch.path + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere + "/home", withIntermediateDirectories: true)
    let user = ["HOME": elsewhere + "/home", "XDG_CONFIG_HOME": elsewhere + "/config"]
    let themes = try Self.run(prefix + "/bin/bordermon", ["themes"], in: elsewhere, environment: user)
    #expect(themes.status == 0, "\(themes.stderr)")
    for name in Self.shippedThemes {
      let row = themes.stdout.split(separator: "\n").first { $0.dropFirst(2).hasPrefix(name + " ") }
      let path = prefix + "/share/bordermon/themes/\(name).toml"
      #expect(
        row.map { $0.contains(" installed ") && $0.hasSuffix(path) } == true,
        "theme \(name) is not listed as installed at \(path):\n\(themes.stdout)")
    }
    #expect(
      !themes.stdout.contains("repository"), "the checkout's Themes/ must be out of reach:\n\(themes.stdout)")
    let doctor = try Self.run(
      prefix + "/bin/bordermon", ["doctor", "--theme", "light"], in: elsewhere, environment: user)
    #expect(doctor.stdout.contains("light (installed: \(prefix)/share/bordermon/themes/light.toml)"))

    // The man page reads, with the sections an operator looks for, and groff has nothing to say.
    let page = prefix + "/share/man/man1/bordermon.1"
    let man = try Self.run(
      "/usr/bin/env", ["man", "--warnings", "-P", "cat", "-l", page], in: elsewhere,
      environment: ["MANWIDTH": "80", "HOME": elsewhere + "/home"])
    #expect(man.status == 0, "\(man.stderr)")
    #expect(man.stderr.isEmpty, "man/groff warnings:\n\(man.stderr)")
    let text = man.stdout.replacingOccurrences(of: "\u{8}.", with: "", options: .regularExpression)
    for heading in ["NAME", "SYNOPSIS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"] {
      #expect(text.contains("\n" + heading + "\n"), "no \(heading) section in:\n\(text.prefix(400))")
    }
    #expect(text.contains("Kyrgyzstan–Tajikistan"), "the en dash must survive")
    #expect(text.contains("BORDERMON_DATA") && text.contains("config.toml"))

    // Uninstall removes every file and every folder install created: the prefix is empty again.
    let uninstall = try Self.make("uninstall", ["PREFIX=" + prefix], in: scratch.path)
    #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
    #expect(Self.tree(prefix) == [], "left behind: \(Self.tree(prefix))")
    let again = try Self.make("uninstall", ["PREFIX=" + prefix], in: scratch.path)
    #expect(again.status != 0 && again.stderr.contains("nothing to uninstall"))
  }

  @Test("with DESTDIR, install stages under it; uninstall keeps what others put in shared folders")
  func stagedInstallKeepsOthersFiles() throws {
    let scratch = ScratchDirectory()
    let stage = scratch.path + "/stage"
    let prefix = "/usr/local"
    let root = stage + prefix
    let foreign = root + "/share/man/man1/htop.1"
    try FileManager.default.createDirectory(
      atPath: root + "/share/man/man1", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: foreign, contents: Data(".TH HTOP 1\n".utf8))

    let variables = ["PREFIX=" + prefix, "DESTDIR=" + stage]
    let install = try Self.make("install", variables + ["BIN=" + CommandRunner.executable], in: scratch.path)
    #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
    #expect(FileManager.default.fileExists(atPath: root + "/bin/bordermon"))
    // The manifest names paths as they will be on the target machine, without DESTDIR.
    let manifest =
      (try? String(contentsOfFile: root + "/share/bordermon/install-manifest", encoding: .utf8)) ?? ""
    #expect(manifest.contains("file /usr/local/bin/bordermon\n"))
    #expect(!manifest.contains(stage))
    #expect(!manifest.contains("dir /usr/local/share/man\n"), "share/man existed before: not ours to remove")
    // Installing twice still uninstalls cleanly (the folders the first install created stay listed).
    let reinstall = try Self.make(
      "install", variables + ["BIN=" + CommandRunner.executable], in: scratch.path)
    #expect(reinstall.status == 0, "\(reinstall.stderr)")

    let uninstall = try Self.make("uninstall", variables, in: scratch.path)
    #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
    #expect(Self.tree(root) == ["share/", "share/man/", "share/man/man1/", "share/man/man1/htop.1"])
  }

  @Test("the installed bash completion offers subcommands, themes and the data directory's alert IDs")
  func bashCompletion() throws {
    let scratch = ScratchDirectory()
    let prefix = scratch.path + "/prefix"
    let install = try Self.make(
      "install", ["PREFIX=" + prefix, "BIN=" + CommandRunner.executable], in: scratch.path)
    #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
    let data = scratch.path + "/data"
    let created = try Self.run(
      prefix + "/bin/bordermon", ["init", "--data", data], in: scratch.path,
      environment: ["HOME": scratch.path, "BORDERMON_NOW": "2026-11-30T06:00:00Z"])
    #expect(created.status == 0, "\(created.stderr)")
    let open = try Self.run(
      prefix + "/bin/bordermon", ["complete", "open-alerts", "--data", data], in: scratch.path,
      environment: ["HOME": scratch.path]
    ).stdout.split(separator: "\n").map(String.init)
    #expect(open.contains("AL-NOW-AKSAI"), "open alerts: \(open)")

    /// Asks the installed bash completion for the candidates after `line` (the last word is being typed).
    func complete(_ line: String) throws -> [String] {
      let script = """
        source '\(prefix)/share/bash-completion/completions/bordermon'
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"
        [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _bordermon bordermon "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let result = try Self.run(
        "/bin/bash", ["--norc", "--noprofile", "-c", script], in: scratch.path,
        environment: [
          "PATH": prefix + "/bin:/usr/bin:/bin", "HOME": scratch.path,
          "XDG_CONFIG_HOME": scratch.path + "/config",
        ])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    let subcommands = try complete("bordermon ")
    for name in ["alert", "export", "themes", "doctor", "summary"] {
      #expect(subcommands.contains(name), "subcommands offered: \(subcommands)")
    }
    #expect(!subcommands.contains("complete"), "the hidden helper is not offered")
    let themes = try complete("bordermon console --theme ")
    #expect(Set(Self.shippedThemes).isSubset(of: Set(themes)), "themes offered: \(themes)")
    let highContrast = try complete("bordermon doctor --theme hi")
    #expect(highContrast == ["high-contrast"])
    let alerts = try complete("bordermon alert ack --data \(data) AL-NOW-")
    #expect(
      !alerts.isEmpty && alerts.allSatisfy { $0.hasPrefix("AL-NOW-") } && alerts.contains("AL-NOW-AKSAI"))
    #expect(Set(alerts) == Set(open.filter { $0.hasPrefix("AL-NOW-") }))
    let segments = try complete("bordermon segment level --data \(data) A-0")
    #expect(
      segments.contains("A-01") && segments.contains("A-09") && segments.allSatisfy { $0.hasPrefix("A-0") })
  }
}

@Suite("The config file's unknown keys, as an operator sees them")
struct ConfigFileCommandTests {
  @Test("bordermon themes and doctor name each unknown key of config.toml with file:line")
  func unknownKeysReported() throws {
    let scratch = ScratchDirectory()
    let folder = scratch.path + "/config/bordermon"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let config = folder + "/config.toml"
    try "theme = \"light\"\ndata = \"/srv/bordermon\"\n".write(
      toFile: config, atomically: true, encoding: .utf8)
    let environment = ["XDG_CONFIG_HOME": scratch.path + "/config", "HOME": scratch.path]
    let warning =
      "\(config):2: data: warning: unknown key (ignored); " + "config.toml sets only `theme` and `lang`"

    let themes = try InstallTests.run(
      CommandRunner.executable, ["themes"], in: scratch.path, environment: environment)
    #expect(themes.status == 0)
    #expect(themes.stderr.hasPrefix(warning), "stderr: \(themes.stderr)")
    #expect(themes.stdout.contains("* light"), "the theme key still works:\n\(themes.stdout)")

    let doctor = try InstallTests.run(
      CommandRunner.executable, ["doctor", "--theme", "monochrome"], in: scratch.path,
      environment: environment)
    #expect(doctor.stdout.contains("    " + warning), "doctor:\n\(doctor.stdout)")
  }
}
