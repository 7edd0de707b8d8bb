import Foundation
import TerminalTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Terminals the console cannot drive are refused before anything is drawn (F20).
@Suite("Terminals the console refuses", .serialized)
struct RefusedTerminalTests {
  @Test("TERM=dumb is refused like an unknown terminal: a clear message, exit 1, the terminal untouched")
  func dumbTerminal() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data, term: "dumb")
    let status = try app.waitForExit()
    #expect(status == .exited(1))
    #expect(app.screen.contains("terminal type 'dumb' cannot move the cursor"))
    #expect(app.terminalRestored() == [])
  }
}

/// Every command that prints data for people passes it through the console's sanitiser (F6);
/// CSV never hands a spreadsheet a formula (F7).
@Suite("No byte of data reaches a terminal from a command", .serialized)
struct CommandOutputSafetyTests {
  /// An OSC 52 clipboard write, a title change, BEL, a CSI as a C1 byte and a bidi override.
  static let hostile = "x\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}]0;PWNED\u{07}\u{9B}31m\u{202E}evil"

  /// Bytes a terminal could act on: C0 controls other than line feed and carriage return, DEL,
  /// C1 controls (as UTF-8), and bidirectional overrides and isolates.
  static func actionable(_ bytes: some Sequence<UInt8>) -> [String] {
    let text = String(decoding: Array(bytes), as: UTF8.self)
    return text.unicodeScalars.compactMap { scalar in
      let value = scalar.value
      let control = (value < 0x20 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
      let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      return control || bidi ? "U+" + String(value, radix: 16, uppercase: true) : nil
    }
  }

  static func actionable(_ text: String) -> [String] { actionable(Array(text.utf8)) }

  /// A sample data directory, with `lines` appended to its journal as a hostile writer would.
  static func sample(_ scratch: ScratchDirectory, appending lines: [String] = []) throws -> String {
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    var text = try String(contentsOfFile: journal, encoding: .utf8)
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    var seq = Int(last.split(separator: ",").first?.split(separator: ":").last ?? "0") ?? 0
    for line in lines {
      seq += 1
      text += line.replacingOccurrences(of: "{", with: "{\"seq\":\(seq),", options: [], range: nil) + "\n"
    }
    try text.write(toFile: journal, atomically: false, encoding: .utf8)
    return data
  }

  /// A JSON string literal for `text` (ESC and BEL escaped, as any writer would).
  static func json(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [])
    let array = String(decoding: data, as: UTF8.self)
    return String(array.dropFirst().dropLast())
  }

  static let environment = ["LANG": "C.UTF-8", "BORDERMON_NOW": "2026-11-30T12:00:00Z"]

  @Test("check shows an event type from the journal with placeholders, never the raw sequence")
  func check() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(
      scratch,
      appending: [
        #"{"at":"2026-11-30T10:00:00Z","by":"feed","type":"#
          + Self.json("x\u{1B}]52;c;SGVsbG8=\u{07}") + "}"
      ])
    let result = try CommandRunner.run(["check", "--data", data], environment: Self.environment)
    #expect(Self.actionable(result.stdout + result.stderr) == [])
    #expect(result.stdout.contains("x␛]52;c;SGVsbG8=␇"), "\(result.stdout)")
    // Without UTF-8 the placeholders are ASCII.
    let plain = try CommandRunner.run(["check", "--data", data], environment: ["LANG": "C", "LC_ALL": "C"])
    #expect(Self.actionable(plain.stdout + plain.stderr) == [])
    #expect(plain.stdout.contains("x^[]52;c;SGVsbG8=^G"), "\(plain.stdout)")
  }

  @Test("summary shows a hostile title safely; summary --json keeps it exact, escaped")
  func summary() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let file = data + "/situation.toml"
    let toml = try String(contentsOfFile: file, encoding: .utf8)
    let escaped = Self.json(Self.hostile).dropFirst().dropLast()
      .replacingOccurrences(of: "\\u009b", with: "\\u009B").replacingOccurrences(
        of: "\\u202e", with: "\\u202E")
    let hostileTOML = toml.replacingOccurrences(
      of: #"title = "Kyrgyzstan–Tajikistan border""#, with: "title = \"\(escaped)\"")
    #expect(hostileTOML != toml)
    try hostileTOML.write(toFile: file, atomically: false, encoding: .utf8)

    let text = try CommandRunner.run(["summary", "--data", data], environment: Self.environment)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(Self.actionable(text.stdout + text.stderr) == [])
    #expect(text.stdout.contains("x␛]52;c;SGVsbG8=␇␛]0;PWNED␇�31m�evil"), "\(text.stdout)")

    let json = try CommandRunner.run(["summary", "--json", "--data", data], environment: Self.environment)
    #expect(json.status == 0, "\(json.stderr)")
    #expect(Self.actionable(json.stdout) == [], "no raw C1 or bidi in the JSON")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["title"] as? String == Self.hostile, "the data itself is exact")
  }

  @Test("a refusal quoting another operator's name shows it with placeholders")
  func refusal() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    var environment = Self.environment
    environment["BORDERMON_OPERATOR"] = "ops\u{1B}]52;c;cHduZWQ=\u{07}"
    let raised = try CommandRunner.run(
      [
        "alert", "raise", "--data", data, "--segment", "A-01", "--level", "2", "--type", "other", "--text",
        "t",
        "--id", "AL-F6",
      ], environment: environment)
    #expect(raised.status == 0, "\(raised.stderr)")
    let first = try CommandRunner.run(
      ["alert", "resolve", "AL-F6", "--data", data], environment: environment)
    #expect(first.status == 0, "\(first.stderr)")
    let second = try CommandRunner.run(
      ["alert", "resolve", "AL-F6", "--data", data], environment: Self.environment)
    #expect(second.status != 0)
    #expect(second.stderr.contains("already resolved by ops␛]52;c;cHduZWQ=␇"), "\(second.stderr)")
    #expect(Self.actionable(second.stdout + second.stderr) == [])
  }

  @Test("theme check and doctor show hostile names with placeholders")
  func themeCheckAndDoctor() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let theme = scratch.path + "/esc.toml"
    try "name = \"esc\"\n[roles]\n\"\\u001b[31mrole\" = \"red\"\n".write(
      toFile: theme, atomically: false, encoding: .utf8)
    let checked = try CommandRunner.run(["theme", "check", theme], environment: Self.environment)
    #expect(Self.actionable(checked.stdout + checked.stderr) == [])
    #expect((checked.stdout + checked.stderr).contains("␛[31mrole"), "\(checked.stdout)\(checked.stderr)")

    var environment = Self.environment
    environment["TERM"] = "xterm\u{1B}]52;c;dGVybQ==\u{07}"
    let doctor = try CommandRunner.run(["doctor", "--data", data], environment: environment)
    #expect(Self.actionable(doctor.stdout + doctor.stderr) == [])
    #expect(doctor.stdout.contains("xterm␛]52;c;dGVybQ==␇"), "\(doctor.stdout)")
  }

  /// The sample with an alert whose text and raiser are hostile, and alerts written as formulas.
  static func exportData(_ scratch: ScratchDirectory) throws -> String {
    var lines = [
      #"{"at":"2026-11-30T10:00:00Z","by":"#
        + Self.json("feed\u{1B}[31m") + #","type":"alert.raised","alert":"AL-X","segment":"A-01","level":2,"#
        + #""kind":"other","text":"# + Self.json(Self.hostile) + "}"
    ]
    for (index, text) in ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "\t=tab", "-2+3", "\r=cr"].enumerated() {
      lines.append(
        #"{"at":"2026-11-30T10:00:00Z","by":"feed","type":"alert.raised","alert":"AL-F\#(index)","#
          + #""segment":"B-01","level":2,"kind":"other","text":"# + Self.json(text) + "}")
    }
    return try Self.sample(scratch, appending: lines)
  }

  @Test("export to a file keeps the data exact; to a terminal it is sanitised; JSON is escaped everywhere")
  func export() throws {
    let scratch = ScratchDirectory()
    let data = try Self.exportData(scratch)
    let csv = try CommandRunner.run(
      ["export", "--format", "csv", "--table", "alerts", "--data", data], environment: Self.environment)
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains(Self.hostile), "a file or a pipe gets the data exact")

    let json = try CommandRunner.run(
      ["export", "--format", "json", "--data", data], environment: Self.environment)
    #expect(Self.actionable(json.stdout) == [], "JSON escapes C1 and bidi controls")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let alerts = object?["alerts"] as? [[String: Any]] ?? []
    #expect(alerts.contains { $0["text"] as? String == Self.hostile }, "and keeps the data exact")

    var environment = PseudoTerminalProcess.defaultEnvironment()
    environment["BORDERMON_NOW"] = "2026-11-30T12:00:00Z"
    let tty = try PseudoTerminalProcess(
      executable: ConsoleEndToEndTests.bordermon,
      arguments: ["export", "--format", "csv", "--table", "alerts", "--data", data], environment: environment,
      columns: 200, rows: 60)
    #expect(try tty.waitForExit() == .exited(0))
    #expect(Self.actionable(tty.rawOutput) == [], "nothing reaches the terminal as a control sequence")
    #expect(String(decoding: tty.rawOutput, as: UTF8.self).contains("x␛]52;c;SGVsbG8=␇"))
  }

  @Test("CSV cells that start like a formula get a leading ' and quotes (OWASP); numbers stay numbers")
  func csvFormulas() throws {
    let scratch = ScratchDirectory()
    let data = try Self.exportData(scratch)
    let csv = try CommandRunner.run(
      ["export", "--format", "csv", "--table", "alerts", "--data", data], environment: Self.environment)
    #expect(csv.status == 0, "\(csv.stderr)")
    for cell in [
      #""'=1+1""#, #""'+cmd|' /C calc'!A0""#, #""'@SUM(A1)""#, "\"'\t=tab\"", #""'-2+3""#, "\"'\r=cr\"",
    ] {
      #expect(csv.stdout.contains("," + cell + ","), "\(cell) is neutralised")
    }
    #expect(!csv.stdout.contains(",=1+1,"))
    let segments = try CommandRunner.run(
      ["export", "--format", "csv", "--table", "segments", "--data", data], environment: Self.environment)
    #expect(!segments.stdout.contains("'"), "no number or plain text is touched")
  }
}

@_silgen_name("wcwidth") private func libcWidth(_ character: Int32) -> Int32

/// Emoji sequences terminals join differently keep the columns aligned (F21), as tmux draws them.
@Suite("Emoji keep the columns in a real terminal", .serialized)
struct EmojiAlignmentTests {
  /// A ZWJ family, two flags, a rainbow flag (with a variation selector) and a skin tone.
  static let emoji = "👨‍👩‍👧‍👦🇰🇬🇹🇯🏳️‍🌈👍🏽"

  /// Runs tmux on its own socket through the shell; returns its standard output.
  @discardableResult
  static func tmux(_ socket: String, _ arguments: [String]) -> String {
    let quoted = (["tmux", "-L", socket] + arguments).map {
      "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    // Only capture-pane's output is read: a server tmux starts would keep the pipe open.
    let output = arguments.first == "capture-pane" ? "" : " >/dev/null"
    guard let stream = popen(quoted.joined(separator: " ") + " </dev/null 2>/dev/null" + output, "r") else {
      return ""
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, stream)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    pclose(stream)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Display columns of a line as the C library (and so tmux and ncurses) count them.
  static func columns(_ line: String) -> Int {
    setlocale(LC_CTYPE, "C.UTF-8")
    return line.unicodeScalars.reduce(0) { $0 + max(0, Int(libcWidth(Int32(bitPattern: $1.value)))) }
  }

  @Test("an alert text of emoji sequences keeps the feed's right border in the last column under tmux")
  func tmuxAlignment() throws {
    let scratch = ScratchDirectory()
    let data = try CommandOutputSafetyTests.sample(
      scratch,
      appending: [
        #"{"at":"2026-11-30T10:00:00Z","by":"feed","type":"alert.raised","alert":"AL-EMOJI","segment":"A-03","#
          + #""level":3,"kind":"other","text":"# + CommandOutputSafetyTests.json(Self.emoji + " end") + "}"
      ])
    let socket = "bordermon-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    defer { Self.tmux(socket, ["kill-server"]) }
    let command =
      "env LANG=C.UTF-8 BORDERMON_OPERATOR=e2e '\(ConsoleEndToEndTests.bordermon)' console --data '\(data)'"
    Self.tmux(socket, ["new-session", "-d", "-x", "120", "-y", "40", command])
    let deadline = ContinuousClock.now + .seconds(30)
    var row: String?
    var screen = ""
    while row == nil && ContinuousClock.now < deadline {
      screen = Self.tmux(socket, ["capture-pane", "-p"])
      row = screen.split(separator: "\n").map(String.init).first {
        $0.contains(" end") && $0.contains("A-03")
      }
      if row == nil { _ = poll(nil, 0, 50) }  // tmux offers no wait for a pane's content
    }
    let line = try #require(row, "the alert's row on the screen:\n\(screen)")
    #expect(Self.columns(line) == 120, "the row is exactly as wide as the terminal: \(line)")
    #expect(line.hasSuffix("│"), "the feed's right border is in the last column: \(line)")
    #expect(line.contains("KGTJ"), "flags are shown by their letters: \(line)")
  }
}
