import Testing

@testable import TerminalTestSupport

/// A screen fed with `bytes`, written with \e for ESC.
private func screen(_ columns: Int, _ rows: Int, _ output: String) -> Screen {
  var screen = Screen(columns: columns, rows: rows)
  screen.feed(output.replacingOccurrences(of: "\\e", with: "\u{1B}"))
  return screen
}

/// A position as [row, col] for comparisons, empty when there is none.
private func position(_ position: (row: Int, col: Int)?) -> [Int] {
  position.map { [$0.row, $0.col] } ?? []
}

@Suite("Screen emulator")
struct ScreenTests {
  @Test("CUP, HVP, relative moves, CHA and VPA place text where ncurses asks")
  func cursorAddressing() {
    let s = screen(20, 6, "\\e[2;3Hhello\\e[4;1fX\\e[AY\\e[2CZ\\e[3DW\\e[6GV\\e[6dU\\e[1;20HR")
    #expect(position(s.find("hello")) == [1, 2])
    #expect(s.line(3) == "X")
    #expect(s.line(2) == " YW ZV")
    #expect(s.line(5) == "      U")
    #expect(s.cell(row: 0, col: 19)?.character == "R")
    #expect(position(s.cursor) == [0, 19], "the cursor stays on the last column with a wrap pending")
    #expect(s.text == "                   R\n  hello\n YW ZV\nX\n\n      U")
  }

  @Test("CR, LF, BS and TAB move the cursor; LF scrolls at the bottom")
  func controls() {
    let s = screen(12, 3, "ab\u{8}c\tX\r\nline2\nx\r\nlast")
    #expect(s.line(0) == "line2", "three lines printed on a 3-row screen scroll the first one off")
    #expect(s.line(1) == "     x")
    #expect(s.line(2) == "last")
    let t = screen(12, 3, "ab\u{8}c\tX")
    #expect(t.line(0) == "ac      X")
  }

  @Test("pending wrap: the last column is written, the wrap happens only with the next character")
  func pendingWrap() {
    var s = screen(5, 3, "abcde")
    #expect(position(s.cursor) == [0, 4])
    #expect(s.line(1) == "")
    s.feed("\r\n")
    #expect(position(s.cursor) == [1, 0], "CR LF after a full row does not leave an empty row")
    s.feed("12345X")
    #expect(s.text == "abcde\n12345\nX")
    let noWrap = screen(5, 2, "\\e[?7labcdefg")
    #expect(noWrap.text == "abcdg\n")
  }

  @Test("EL, ED and ECH erase the right parts and keep the cursor")
  func erasing() {
    let full = "\\e[1;1H111111\\e[2;1H222222\\e[3;1H333333"
    #expect(screen(6, 3, full + "\\e[2;3H\\e[K").text == "111111\n22\n333333")
    #expect(screen(6, 3, full + "\\e[2;3H\\e[1K").text == "111111\n   222\n333333")
    #expect(screen(6, 3, full + "\\e[2;3H\\e[2K").text == "111111\n\n333333")
    #expect(screen(6, 3, full + "\\e[2;3H\\e[J").text == "111111\n22\n")
    #expect(screen(6, 3, full + "\\e[2;3H\\e[1J").text == "\n   222\n333333")
    let cleared = screen(6, 3, full + "\\e[2;3H\\e[2J")
    #expect(cleared.text == "\n\n")
    #expect(position(cleared.cursor) == [1, 2])
    #expect(screen(6, 3, full + "\\e[2;2H\\e[3X").text == "111111\n2   22\n333333")
  }

  @Test("ICH, DCH, IL and DL shift characters and lines")
  func insertDelete() {
    #expect(screen(6, 1, "abcdef\\e[1;2H\\e[2@").text == "a  bcd")
    #expect(screen(6, 1, "abcdef\\e[1;2H\\e[2P").text == "adef")
    #expect(screen(6, 1, "abcd\\e[1;2H\\e[4hXY\\e[4l").text == "aXYbcd", "insert mode")
    let rows = "\\e[1;1Ha\\e[2;1Hb\\e[3;1Hc\\e[4;1Hd"
    #expect(screen(3, 4, rows + "\\e[2;1H\\e[L").text == "a\n\nb\nc")
    #expect(screen(3, 4, rows + "\\e[2;1H\\e[2M").text == "a\nd\n\n")
  }

  @Test("a scroll region confines LF, RI, IL, SU and SD to its rows")
  func scrollRegion() {
    let rows = "\\e[1;1Ha\\e[2;1Hb\\e[3;1Hc\\e[4;1Hd\\e[5;1He"
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[4;1H\nX").text == "a\nc\nd\nX\ne")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[2;1H\\eMY").text == "a\nY\nb\nc\ne")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[2S").text == "a\nd\n\n\ne")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[T").text == "a\n\nb\nc\ne")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[3;1H\\e[L").text == "a\nb\n\nc\ne")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[4;1H\\eDZ").text == "a\nc\nd\nZ\ne", "ESC D is IND")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[4;2H\\eEZ").text == "a\nc\nd\nZ\ne", "ESC E is NEL")
    #expect(screen(3, 5, rows + "\\e[2;4r\\e[r\\e[5;1H\n").text == "b\nc\nd\ne\n", "ESC [ r resets it")
  }

  @Test("SGR attributes and colours stick to the cells written with them")
  func graphicRendition() {
    let s = screen(
      20, 2, "a\\e[1;7mBC\\e[0m d\\e[31;44me\\e[38;5;208;48;2;1;2;3mf\\e[38:5:99mg\\e[22;27;39;49mh")
    #expect(s.cell(row: 0, col: 0)?.attributes == .normal)
    let highlighted = s.cell(row: 0, col: 1)?.attributes
    #expect(highlighted?.reverse == true && highlighted?.bold == true)
    #expect(s.cell(row: 0, col: 3)?.attributes == .normal)
    #expect(
      s.cell(row: 0, col: 5)?.attributes == CellAttributes(foreground: .indexed(1), background: .indexed(4)))
    #expect(s.cell(row: 0, col: 6)?.attributes.foreground == .indexed(208))
    #expect(s.cell(row: 0, col: 6)?.attributes.background == .rgb(1, 2, 3))
    #expect(s.cell(row: 0, col: 7)?.attributes.foreground == .indexed(99))
    #expect(s.cell(row: 0, col: 8)?.attributes == .normal)
    let erased = screen(4, 1, "\\e[42m\\e[2K\\e[0m")
    #expect(erased.cell(row: 0, col: 3)?.attributes.background == .indexed(2), "erase uses the background")
  }

  @Test("UTF-8, split anywhere, decodes; wide characters take two columns")
  func wideCharacters() {
    var s = Screen(columns: 10, rows: 2)
    let bytes = Array("Жa中文b\u{301}😀".utf8)
    for byte in bytes { s.feed([byte]) }
    #expect(s.line(0) == "Жa中文b\u{301}😀")
    #expect(position(s.find("文")) == [0, 4])
    #expect(position(s.find("b\u{301}")) == [0, 6])
    #expect(s.cell(row: 0, col: 2)?.width == 2)
    #expect(s.cell(row: 0, col: 3)?.isContinuation == true)
    #expect(position(s.cursor) == [0, 9])
    s.feed("\u{1B}[1;4HX")
    #expect(s.line(0) == "Жa X文b\u{301}😀", "overwriting half of a wide character blanks the other half")
    let wrapped = screen(5, 2, "abcd中")
    #expect(wrapped.text == "abcd\n中", "a wide character that does not fit wraps whole")
    var invalid = Screen(columns: 4, rows: 1)
    invalid.feed([0xFF, 0xE4, 0xB8, 0x41])
    #expect(invalid.line(0) == "\u{FFFD}\u{FFFD}A", "a bad byte and a cut-short sequence show U+FFFD")
  }

  @Test("ESC ( 0 and SO/SI select DEC line drawing, mapped to box characters")
  func lineDrawing() {
    let s = screen(10, 3, "\\e(0lqqk\\e(B\r\nx\\e(Bab\\e(0x\r\n\\e(B\\e)0\u{0E}mqj\u{0F}q")
    #expect(s.text == "┌──┐\nxab│\n└─┘q")
    #expect(screen(4, 1, "\\e(0`a~\\e(B").line(0) == "◆▒·")
  }

  @Test("REP, save and restore cursor, and the alternate screen")
  func repeatSaveAlternate() {
    #expect(screen(10, 1, "ab\\e[3b").line(0) == "abbbb")
    #expect(screen(10, 1, "ab\\e7cd\\e8X\\e[sY\\e[1;9H\\e[uZ").line(0) == "abXZ")
    var s = screen(10, 2, "main\\e[?1049h")
    #expect(s.text == "\n", "entering the alternate screen clears it")
    #expect(s.modes.alternateScreen)
    s.feed("\u{1B}[1;1Halt\u{1B}[?1049l")
    #expect(s.text == "main\n")
    #expect(position(s.cursor) == [0, 4], "1049 restores the cursor")
    #expect(!s.modes.alternateScreen)
  }

  @Test("OSC, DCS, unknown and private sequences are skipped without printing")
  func ignored() {
    let s = screen(
      20, 1, "a\\e]0;title\u{7}b\\e]2;t\\e\\c\\ePqdata\\e\\d\\e[>4;1me\\e[?2004h\\e[5nf\\e[?1h\\e=g\\e[ q")
    #expect(s.line(0) == "abcdefg")
    #expect(s.modes.bracketedPaste && s.modes.applicationCursorKeys && s.modes.applicationKeypad)
    var unsplit = Screen(columns: 10, rows: 1)
    for byte in Array("\u{1B}[3".utf8) + Array("1mX\u{1B}]0;x".utf8) + Array("\u{7}Y".utf8) {
      unsplit.feed([byte])
    }
    #expect(unsplit.line(0) == "XY")
    #expect(unsplit.cell(row: 0, col: 0)?.attributes.foreground == .indexed(1))
  }

  @Test("resizing keeps the top-left content and clamps the cursor")
  func resizing() {
    var s = screen(6, 3, "abcdef\r\n12345\r\nxyz")
    s.resize(columns: 4, rows: 2)
    #expect(s.text == "abcd\n1234")
    #expect(s.size.columns == 4 && s.size.rows == 2)
    #expect(position(s.cursor) == [1, 3])
    s.resize(columns: 8, rows: 3)
    #expect(s.text == "abcd\n1234\n")
  }

  @Test("keys encode as xterm sends them in keypad transmit mode")
  func keys() {
    #expect(Key.up.bytes == [0x1B, 0x4F, 0x41])
    #expect(Key.left.bytes == [0x1B, 0x4F, 0x44])
    #expect(Key.end.bytes == [0x1B, 0x4F, 0x46])
    #expect(Key.pageDown.bytes == Array("\u{1B}[6~".utf8))
    #expect(Key.backTab.bytes == Array("\u{1B}[Z".utf8))
    #expect(Key.enter.bytes == [0x0D])
    #expect(Key.backspace.bytes == [0x7F])
    #expect(Key.control("c").bytes == [0x03])
    #expect(Key.control("L").bytes == [0x0C])
    #expect(Key.function(5).bytes == Array("\u{1B}[15~".utf8))
    #expect(Key.function(12).bytes == Array("\u{1B}[24~".utf8))
    #expect(Key.text("Жx").bytes == Array("Жx".utf8))
  }
}
