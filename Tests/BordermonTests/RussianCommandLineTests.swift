import Foundation
import TerminalTestSupport
import Testing

/// The command line in Russian (issue 15): what an operator reads from `summary`, `doctor`, and
/// the messages of every command, while JSON, CSV and the journal stay the same in both languages.
@Suite("The command line in Russian")
struct RussianCommandLineTests {
  static let now = ["BORDERMON_NOW": "2026-11-29T06:00:00Z"]

  /// A sample data directory in a scratch directory.
  static func sample(_ scratch: ScratchDirectory, _ name: String = "data", scenario: String = "article")
    throws
    -> String
  {
    let data = scratch.path + "/" + name
    let created = try CommandRunner.run(["init", "--data", data, "--scenario", scenario], environment: now)
    #expect(created.status == 0, "\(created.stderr)")
    return data
  }

  /// Runs a command in Russian, with the clock fixed.
  static func russian(_ arguments: [String], stdin: String = "", _ environment: [String: String] = [:]) throws
    -> CommandRunner.Output
  {
    try CommandRunner.run(
      arguments + ["--lang", "ru"], stdin: stdin, environment: now.merging(environment) { $1 })
  }

  @Test("summary in Russian: headings, status and level words, plural counts, Cyrillic venue, both capitals")
  func summary() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let run = try Self.russian(["summary", "--data", data])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[1] == "сейчас 2026-11-29 06:00 UTC · 196 событий журнала", "\(run.stdout)")
    #expect(lines.contains("Линия               975.0 км, 52 участка"), "\(run.stdout)")
    #expect(lines.contains("Согласовано         812.0 км (83.3%)"), "\(run.stdout)")
    #expect(lines.contains("  спорный            71.4 км, 7 участков"), "\(run.stdout)")
    #expect(lines.contains("  описан/согласован  812.0 км, 38 участков"), "\(run.stdout)")
    #expect(
      lines.contains(
        "Открытые оповещения 4 (ур.5: 0 · ур.4: 1 · ур.3: 2 · ур.2: 1 · ур.1: 0); не подтверждено: 3"),
      "\(run.stdout)")
    #expect(lines.contains("Наивысший уровень по секторам"))
    #expect(lines.contains("  Исфаринская долина и Ворух 4 вооружённый инцидент"), "\(run.stdout)")
    #expect(lines.contains("  Баткен                     2 относительно стабильно"), "\(run.stdout)")
    // The venue's Cyrillic name, the body and the meeting's state in the commissions' words; 24-hour times.
    #expect(
      lines.contains("Ближайшая встреча   рабочая группа топографов, Баткен — идёт, 1д02ч назад"),
      "\(run.stdout)")
    #expect(lines.contains("  Бишкек    2026-11-28 10:00 (UTC+6)"))
    #expect(lines.contains("  Душанбе   2026-11-28 09:00 (UTC+5)"))
    #expect(!run.stdout.contains("Next meeting") && !run.stdout.contains("unacknowledged"))

    // Plural forms: 21 участок, 22 участка, 25 участков.
    for (count, words) in [(21, "21 участок"), (22, "22 участка"), (25, "25 участков")] {
      let generated = scratch.path + "/g\(count)"
      let made = try CommandRunner.run(
        ["generate", "--segments", "\(count)", "--events", "0", "--data", generated], environment: Self.now)
      #expect(made.status == 0, "\(made.stderr)")
      let figures = try Self.russian(["summary", "--data", generated])
      #expect(figures.stdout.contains("км, \(words)\n"), "\(figures.stdout)")
    }
  }

  @Test(
    "summary --json, export json and csv, and the journal are byte for byte the same in Russian and English")
  func neutralOutputs() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let journalBefore = try Data(contentsOf: URL(fileURLWithPath: data + "/journal.jsonl"))
    for arguments in [
      ["summary", "--json"], ["summary", "--json", "--at", "2012-01-01"], ["export", "--format", "json"],
      ["export", "--format", "csv"], ["export", "--format", "csv", "--table", "alerts"],
      ["export", "--format", "csv", "--table", "meetings"], ["export", "--format", "geojson"],
    ] {
      let english = try CommandRunner.run(
        arguments + ["--data", data, "--lang", "en"], environment: Self.now)
      let russian = try Self.russian(arguments + ["--data", data])
      #expect(english.status == 0 && russian.status == 0, "\(arguments): \(english.stderr)\(russian.stderr)")
      #expect(!english.stdout.isEmpty)
      #expect(russian.stdout == english.stdout, "\(arguments) differs between the languages")
    }
    let journalAfter = try Data(contentsOf: URL(fileURLWithPath: data + "/journal.jsonl"))
    #expect(journalAfter == journalBefore, "reading in Russian writes nothing")
  }

  @Test("doctor in Russian: sections, labels, values and counts; a store that does not answer says so")
  func doctor() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let run = try Self.russian(["doctor", "--data", data], ["TERM": "xterm"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = run.stdout
    for heading in ["\nТерминал\n", "\nЛокаль\n", "\nТема\n", "\nДанные\n"] {
      #expect(text.contains(heading), "\(heading) in\n\(text)")
    }
    #expect(text.contains("  версия            bordermon "), "\(text)")
    #expect(text.contains(" · собран с Swift "))
    #expect(text.contains("  TERM              xterm (есть в terminfo)"), "\(text)")
    #expect(text.contains("  размер            не терминал"))
    #expect(text.contains("  справочник        52 участка, 5 КПП, 23 встречи; 0 проблем"), "\(text)")
    #expect(text.contains("  журнал            196 строк, "), "\(text)")
    #expect(text.contains("последнее событие №196 в 2026-11-29T05:48:00Z"))
    #expect(
      text.contains("  состояние журнала 0 проблем · байт без перевода строки: 0 · запись: да"), "\(text)")
    #expect(!text.contains("Terminal") && !text.contains("journal state") && !text.contains("segments"))

    let missing = try Self.russian(["doctor", "--data", scratch.path + "/none"])
    #expect(
      missing.stdout.contains("  состояние       \(scratch.path)/none не существует; ничего не создано"),
      "\(missing.stdout)")

    let store = try Self.russian(["doctor", "--store", "postgresql://nobody@127.0.0.1:1/x"])
    #expect(store.status == 0, "\(store.stderr)")
    #expect(store.stdout.contains("\nХранилище\n"), "\(store.stdout)")
    #expect(store.stdout.contains("  хранилище       postgresql://nobody@127.0.0.1:1/x (источник: --store)"))
    #expect(store.stdout.contains("  доступно        НЕТ: "), "\(store.stdout)")
  }

  @Test(
    "the console's own start-up message in Russian: problems skipped in the data, counted with the plural")
  func consoleStartMessage() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let handle = try #require(FileHandle(forWritingAtPath: data + "/journal.jsonl"))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        #"{"seq":197,"at":"2026-11-29T05:50:00Z","by":"x","type":"segment.level","segment":"A-01","level":0}"#
          .utf8 + [10]))
    handle.closeFile()
    var environment = PseudoTerminalProcess.defaultEnvironment(term: "xterm-256color")
    environment["LANG"] = "C.UTF-8"
    environment["BORDERMON_NOW"] = "2026-11-29T06:00:00Z"
    let app = try PseudoTerminalProcess(
      executable: ConsoleEndToEndTests.bordermon, arguments: ["console", "--data", data, "--lang", "ru"],
      environment: environment, columns: 120, rows: 40)
    try app.waitFor("the skipped problem said in Russian") {
      $0.contains("в данных пропущена 1 проблема — ")
    }
    #expect(!app.screen.contains("problem(s) in the data were skipped"))
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("errors in Russian name the file, the line and the field")
  func placedErrors() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let config = scratch.path + "/config"
    try FileManager.default.createDirectory(atPath: config + "/bordermon", withIntermediateDirectories: true)
    try "theme = \"default\"\nstore = 5\n".write(
      toFile: config + "/bordermon/config.toml", atomically: true, encoding: .utf8)
    let badStore = try Self.russian(["summary"], ["XDG_CONFIG_HOME": config])
    #expect(badStore.status == 1)
    #expect(
      badStore.stderr
        == "bordermon: \(config)/bordermon/config.toml:2: store: должно быть строкой (URL postgresql://)\n",
      "\(badStore.stderr)")

    // A bad `lang` in config.toml falls through to the locale (Russian here) and is said in it.
    try "lang = \"xx\"\n".write(toFile: config + "/bordermon/config.toml", atomically: true, encoding: .utf8)
    let badLanguage = try CommandRunner.run(
      ["check", "--data", data],
      environment: Self.now.merging(
        ["XDG_CONFIG_HOME": config, "BORDERMON_LANG": "", "LC_ALL": "", "LANG": "ru_RU.UTF-8"]) { $1 })
    #expect(badLanguage.status == 0, "\(badLanguage.stderr)")
    #expect(
      badLanguage.stderr
        == "bordermon: \(config)/bordermon/config.toml:1: lang: 'xx' — такого языка нет (допустимо: en, ru); пропущено\n",
      "\(badLanguage.stderr)")
    #expect(badLanguage.stdout.hasPrefix("ок: "), "\(badLanguage.stdout)")

    let before = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
    var bytes = Array(#"{"type":"note","target":"A-01","text":"ok"}"#.utf8) + [0x0A]
    bytes += [0x7B, 0xFF, 0x7D, 0x0A]
    let append = CommandRunner.finish(
      try CommandRunner.launch(
        CommandRunner.executable, ["append", "--data", data, "--lang", "ru"], stdin: Data(bytes),
        environment: CommandRunner.inherited(Self.now)))
    #expect(append.status == 1)
    #expect(
      append.stderr
        == "stdin:2: неверный UTF-8 в байте 2 (строка не добавлена)\nbordermon append: отклонена 1 строка\n",
      "\(append.stderr)")
    #expect(append.stdout == "197\n", "the good line is appended: \(append.stdout)")
    let after = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
    #expect(after.hasPrefix(before), "nothing already recorded is lost")

    let check = try Self.russian(["check", "--data", data])
    #expect(check.status == 0)
    #expect(
      check.stdout.hasPrefix("ок: \(data): 52 участка, 5 КПП, 23 встречи, 197 строк журнала"),
      "\(check.stdout)")
  }

  /// Words of an English sentence left in a message: two or more English words in a row, once
  /// what is data is taken out — paths, file names, IDs, quoted values, commands in backticks,
  /// options (`--data`), variables (`$BORDERMON_STORE`, `KEY=value`), codes with digits or dashes,
  /// the `bordermon COMMAND:` prefix, and the words an operator types (`postgresql`).
  static func englishSentences(_ text: String) -> [String] {
    var found: [String] = []
    for rawLine in text.split(separator: "\n") {
      var line = String(rawLine)
      line.replace(#/^bordermon(?: [a-z]+)*: /#, with: "")
      line.replace(#/`[^`]*`/#, with: " ")
      line.replace(#/'[^']*'/#, with: " ")
      line.replace(#/"[^"]*"/#, with: " ")
      var words: [String] = []
      var run: [String] = []
      for token in line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }) {
        let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.…—·"))
        let isData =
          token.contains { "/.=$@_#0123456789".contains($0) } || token.hasPrefix("-")
          || token.contains("-")
        if !isData, word.count >= 2, word.allSatisfy({ $0.isASCII && $0.isLetter }) {
          run.append(word)
        } else {
          if run.count >= 2 { words.append(run.joined(separator: " ")) }
          run = []
        }
        // A word ending a clause ends the run too.
        if token.last.map({ ",;:".contains($0) }) == true {
          if run.count >= 2 { words.append(run.joined(separator: " ")) }
          run = []
        }
      }
      if run.count >= 2 { words.append(run.joined(separator: " ")) }
      found += words
    }
    return found
  }

  @Test("the detector finds English sentences and passes data")
  func detector() {
    #expect(
      Self.englishSentences("bordermon: /x/none does not exist; nothing was created") == [
        "does not exist", "nothing was created",
      ])
    #expect(Self.englishSentences("bordermon alert ack: alert: no alert AL-NOPE") == ["no alert"])
    #expect(
      Self.englishSentences(
        "bordermon: /x/none не существует; ничего не создано (создайте его командой `bordermon init --data /x`)"
      ).isEmpty)
    #expect(Self.englishSentences("ок: /d: 52 участка, 5 КПП, 23 встречи, 196 строк журнала").isEmpty)
  }

  @Test("every command's common error path in Russian leaves no English sentence, and keeps its exit status")
  func walk() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let none = scratch.path + "/none"
    // A journal that is a directory: every reader fails with the reason.
    let broken = try Self.sample(scratch, "broken")
    try FileManager.default.removeItem(atPath: broken + "/journal.jsonl")
    try FileManager.default.createDirectory(
      atPath: broken + "/journal.jsonl", withIntermediateDirectories: false)
    let plainFile = scratch.path + "/plain"
    try "x".write(toFile: plainFile, atomically: true, encoding: .utf8)
    let cases: [(arguments: [String], status: Int32)] = [
      (["summary", "--data", none], 1),
      (["summary", "--data", broken], 1),
      (["check", "--data", none], 1),
      (["check", "--data", broken], 1),
      (["check", "--data", data, "--strict", "--store", "postgresql://nobody@127.0.0.1:1/x"], 1),
      (["snapshot", "--data", none], 1),
      (["snapshot", "--data", broken], 1),
      (["export", "--format", "json", "--data", none], 1),
      (["export", "--format", "csv", "--data", broken], 1),
      (["export", "--format", "cap", "--alert", "NOPE", "--data", data], 1),
      (["export", "--format", "cap", "--dir", plainFile + "/sub", "--data", data], 1),
      (["init", "--data", data], 1),
      (["init", "--data", scratch.path + "/nope/deeper"], 1),
      (
        [
          "alert", "raise", "--segment", "A-01", "--level", "3", "--type", "other", "--text", "t", "--data",
          none,
        ], 1
      ),
      (["alert", "ack", "AL-1", "--data", none], 1),
      (["alert", "resolve", "AL-1", "--data", none], 1),
      (["alert", "level", "AL-1", "4", "--data", none], 1),
      (["segment", "status", "A-01", "disputed", "--data", none], 1),
      (["segment", "level", "A-01", "3", "--data", broken], 1),
      (["meeting", "start", "M-1", "--data", none], 1),
      (["meeting", "postpone", "M-1", "--data", broken], 1),
      (["checkpoint", "set", "NOPE", "open", "--data", data], 1),
      (["note", "-", "hello", "--data", none], 1),
      (["feed", "heartbeat", "--source", "bridge", "--data", none], 1),
      (["journal", "rotate", "--data", none], 1),
      (["journal", "rotate", "--data", broken], 1),
      (["journal", "rotate", "--store", "postgresql://nobody@127.0.0.1:1/x"], 1),
      (["import", "cap", scratch.path + "/missing.xml", "--data", data], 1),
      (["import", "acled", scratch.path + "/missing.csv", "--data", data], 1),
      (["import", "cap", "-", "--data", none], 1),
      (["append", "--data", none], 1),
      (["demo", "--count", "1", "--data", none], 1),
      (["console", "--data", none], 1),
      (["console", "--data", data], 1),
      (["summary", "--data", data, "--store", "postgresql://nobody@127.0.0.1:1/x"], 1),
      (["store", "push", "--data", data], 1),
      (["store", "push", "--data", none, "--store", "postgresql://nobody@127.0.0.1:1/x"], 1),
      (["store", "pull", "--data", scratch.path + "/pulled"], 1),
      (["store", "reference"], 1),
      (["generate", "--segments", "2", "--events", "0", "--data", data], 1),
      (["theme", "check", scratch.path + "/missing.toml"], 1),
    ]
    for (arguments, status) in cases {
      let run = try Self.russian(arguments, ["BORDERMON_STORE": ""])
      #expect(run.status == status, "\(arguments): exit \(run.status)\n\(run.stderr)")
      // What went wrong is said on standard error (standard output may hold a screen of data).
      let said = run.stderr
      #expect(!said.isEmpty, "\(arguments) says why it failed")
      #expect(said.contains { ("а"..."я").contains($0) }, "\(arguments) speaks Russian:\n\(said)")
      let english = Self.englishSentences(said)
      #expect(english.isEmpty, "\(arguments) left English: \(english)\n\(said)")
    }
    // Usage errors: the argument parser's frame (`Error:`, `Usage:`, `See '… --help'`) stays
    // English like `--help`; the reason is Russian, and the exit status stays 64.
    let usage: [[String]] = [
      ["summary", "--at", "2024-01-01T10:00", "--data", data],
      ["export", "--format", "json", "--at", "soon", "--data", data],
      ["snapshot", "--width", "5", "--data", data],
      ["console", "--stale-after", "0", "--data", data],
      ["demo", "--rate", "0", "--data", data],
      ["export", "--format", "csv", "--alert", "AL-1", "--data", data],
      ["generate", "--segments", "0", "--data", scratch.path + "/g"],
      [
        "meeting", "schedule", "--id", "M-9", "--kind", "co-chairs", "--start", "2026-12-01T10:00", "--end",
        "2026-12-01T12:00Z", "--data", data,
      ],
      [
        "meeting", "schedule", "--id", "M-9", "--kind", "co-chairs", "--start", "2026-12-01T10:00Z", "--end",
        "2026-12-01T12:00Z", "--venue-cyrillic", "Бишкек", "--data", data,
      ],
      [
        "alert", "raise", "--segment", "A-01", "--level", "3", "--type", "other", "--text", "t", "--occurred",
        "2026-13-01T00:00:00Z", "--data", data,
      ],
    ]
    for arguments in usage {
      let run = try Self.russian(arguments)
      #expect(run.status == 64, "\(arguments): exit \(run.status)\n\(run.stderr)")
      let reason = run.stderr.split(separator: "\n").filter {
        !$0.hasPrefix("Usage: ") && !$0.hasPrefix("  See '")
      }.map { $0.hasPrefix("Error: ") ? String($0.dropFirst("Error: ".count)) : String($0) }
      #expect(reason.count == 1, "\(arguments): one reason\n\(run.stderr)")
      let said = reason.joined(separator: "\n")
      #expect(said.contains { ("а"..."я").contains($0) }, "\(arguments) speaks Russian:\n\(said)")
      #expect(Self.englishSentences(said).isEmpty, "\(arguments) left English: \(said)")
    }
    // Standard output on a full disk: the failure and the system's reason in Russian, exit 1.
    let full = try CommandRunner.runProgram(
      "/bin/sh",
      ["-c", "exec \"$0\" summary --data \"$1\" --lang ru > /dev/full", CommandRunner.executable, data],
      environment: Self.now)
    #expect(full.status == 1)
    #expect(
      full.stderr == "bordermon: не удалось записать в стандартный вывод: на устройстве не осталось места\n",
      "\(full.stderr)")
  }
}

extension PostgresSuites {
  /// The store commands and `doctor --store` in Russian, on the PostgreSQL test server.
  @Suite("The store's commands in Russian")
  struct RussianStoreCommandTests {
    @Test("store push, reference and pull, and doctor --store, say what they did in Russian")
    func storeInRussian() throws {
      guard let url = try TestServer.freshDatabase() else { return }
      let scratch = ScratchDirectory()
      let data = try RussianCommandLineTests.sample(scratch)
      let push = try RussianCommandLineTests.russian([
        "store", "push", "--data", data, "--store", url.description,
      ])
      #expect(push.status == 0, "\(push.stderr)")
      #expect(
        push.stdout == "\(data) загружен в \(url): 4 справочных файла, 196 строк журнала\n", "\(push.stdout)")
      let reference = try RussianCommandLineTests.russian(["store", "reference", "--store", url.description])
      #expect(reference.status == 0, "\(reference.stderr)")
      #expect(reference.stdout.hasPrefix("версия 1  "), "\(reference.stdout)")
      #expect(
        reference.stdout.contains("\nтекущая: 52 участка, 5 КПП, 5 встреч, 0 проблем\n"),
        "\(reference.stdout)")
      let pulled = scratch.path + "/pulled"
      let pull = try RussianCommandLineTests.russian([
        "store", "pull", "--store", url.description, "--data", pulled,
      ])
      #expect(pull.status == 0, "\(pull.stderr)")
      #expect(
        pull.stdout == "\(url) выгружено в \(pulled): 4 справочных файла, 196 строк журнала\n",
        "\(pull.stdout)")
      let again = try RussianCommandLineTests.russian([
        "store", "pull", "--store", url.description, "--data", pulled,
      ])
      #expect(again.status == 1)
      #expect(
        again.stderr == "bordermon store pull: \(pulled): здесь уже есть каталог данных; он не перезаписан\n")
      let doctor = try RussianCommandLineTests.russian(["doctor", "--store", url.description])
      #expect(doctor.status == 0, "\(doctor.stderr)")
      #expect(doctor.stdout.contains("  доступно        да · PostgreSQL "), "\(doctor.stdout)")
      #expect(doctor.stdout.contains("  схема           версия "), "\(doctor.stdout)")
      #expect(doctor.stdout.contains("  журнал          событий: 196, последний seq 196"), "\(doctor.stdout)")
      #expect(
        doctor.stdout.contains("  права           может дописывать (записывается как "), "\(doctor.stdout)")
    }
  }
}
