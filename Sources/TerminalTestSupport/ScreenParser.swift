/// Where the byte parser is between calls to `feed`, so sequences may be split across reads.
struct ParserState: Sendable {
  enum Mode: Sendable { case ground, escape, csi, string, stringEscape }
  var mode = Mode.ground
  var intermediates: [UInt8] = []
  var privateMarker: UInt8?
  /// CSI parameters separated by ';', each a list of ':'-separated sub-parameters (nil when empty).
  var params: [[Int?]] = []
  var subParams: [Int?] = []
  var current: Int?
  var sawParameterBytes = false
  /// True for OSC, which BEL may end; DCS, SOS, PM and APC end only with ST.
  var stringEndsWithBell = false
  var utf8Value: UInt32 = 0
  var utf8Remaining = 0
  var utf8Minimum: UInt32 = 0

  mutating func startCSI() {
    mode = .csi
    intermediates = []
    privateMarker = nil
    params = []
    subParams = []
    current = nil
    sawParameterBytes = false
  }

  mutating func finishParams() {
    if sawParameterBytes {
      subParams.append(current)
      params.append(subParams)
    }
  }
}

extension Screen {
  /// Feeds output bytes; sequences and UTF-8 characters may be split across calls.
  public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    for byte in bytes { feed(byte) }
  }

  /// Feeds a string as its UTF-8 bytes.
  public mutating func feed(_ string: String) {
    feed(Array(string.utf8))
  }

  mutating func feed(_ byte: UInt8) {
    switch parser.mode {
    case .ground: ground(byte)
    case .escape: escape(byte)
    case .csi: csi(byte)
    case .string:
      if byte == 0x07 && parser.stringEndsWithBell || byte == 0x18 || byte == 0x1A {
        parser.mode = .ground
      } else if byte == 0x1B {
        parser.mode = .stringEscape
      }
    case .stringEscape:
      if byte == UInt8(ascii: "\\") {
        parser.mode = .ground
      } else {
        parser.mode = .escape
        parser.intermediates = []
        escape(byte)
      }
    }
  }

  // MARK: Ground state: text and controls

  private mutating func ground(_ byte: UInt8) {
    if parser.utf8Remaining > 0 {
      if byte & 0xC0 == 0x80 {
        parser.utf8Value = parser.utf8Value << 6 | UInt32(byte & 0x3F)
        parser.utf8Remaining -= 1
        if parser.utf8Remaining == 0 {
          let valid = parser.utf8Value >= parser.utf8Minimum
          printScalar(valid ? Unicode.Scalar(parser.utf8Value) ?? "\u{FFFD}" : "\u{FFFD}")
        }
        return
      }
      parser.utf8Remaining = 0
      printScalar("\u{FFFD}")
    }
    switch byte {
    case 0..<0x20: control(byte)
    case 0x20..<0x7F: printScalar(Unicode.Scalar(byte))
    case 0x7F: return
    case 0xC2...0xDF: startUTF8(UInt32(byte & 0x1F), remaining: 1, minimum: 0x80)
    case 0xE0...0xEF: startUTF8(UInt32(byte & 0x0F), remaining: 2, minimum: 0x800)
    case 0xF0...0xF4: startUTF8(UInt32(byte & 0x07), remaining: 3, minimum: 0x10000)
    default: printScalar("\u{FFFD}")
    }
  }

  private mutating func startUTF8(_ value: UInt32, remaining: Int, minimum: UInt32) {
    parser.utf8Value = value
    parser.utf8Remaining = remaining
    parser.utf8Minimum = minimum
  }

  /// C0 controls; they act the same inside escape sequences.
  private mutating func control(_ byte: UInt8) {
    switch byte {
    case 0x08:
      if col > 0 { col -= 1 }
      pendingWrap = false
    case 0x09: tab(forward: 1)
    case 0x0A, 0x0B, 0x0C:
      index()
      pendingWrap = false
    case 0x0D:
      col = 0
      pendingWrap = false
    case 0x0E: shiftedOut = true
    case 0x0F: shiftedOut = false
    case 0x18, 0x1A: parser.mode = .ground
    case 0x1B:
      parser.mode = .escape
      parser.intermediates = []
    default: return
    }
  }

  // MARK: Escape sequences

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case 0..<0x20: control(byte)
    case 0x20..<0x30: if parser.intermediates.count < 4 { parser.intermediates.append(byte) }
    case 0x30..<0x7F:
      parser.mode = .ground
      if let designator = parser.intermediates.first {
        let charset: Charset = byte == UInt8(ascii: "0") ? .decGraphics : .ascii
        if designator == UInt8(ascii: "(") { g0 = charset }
        if designator == UInt8(ascii: ")") { g1 = charset }
        return
      }
      escapeFinal(byte)
    default: return
    }
  }

  private mutating func escapeFinal(_ byte: UInt8) {
    switch Unicode.Scalar(byte) {
    case "[": parser.startCSI()
    case "]":
      parser.mode = .string
      parser.stringEndsWithBell = true
    case "P", "X", "^", "_":
      parser.mode = .string
      parser.stringEndsWithBell = false
    case "7": savedCursor = saveCursor()
    case "8": restoreCursor(savedCursor)
    case "D":
      index()
      pendingWrap = false
    case "E":
      col = 0
      index()
      pendingWrap = false
    case "M": reverseIndex()
    case "H": tabStops[col] = true
    case "c": reset()
    case "=": modes.applicationKeypad = true
    case ">": modes.applicationKeypad = false
    default: return
    }
  }

  // MARK: Control sequences (CSI)

  private mutating func csi(_ byte: UInt8) {
    switch byte {
    case 0x30...0x39:
      parser.sawParameterBytes = true
      parser.current = min((parser.current ?? 0) * 10 + Int(byte - 0x30), 99_999)
    case UInt8(ascii: ":"):
      parser.sawParameterBytes = true
      parser.subParams.append(parser.current)
      parser.current = nil
    case UInt8(ascii: ";"):
      parser.sawParameterBytes = true
      parser.subParams.append(parser.current)
      if parser.params.count < 32 { parser.params.append(parser.subParams) }
      parser.subParams = []
      parser.current = nil
    case 0x3C...0x3F:
      if parser.privateMarker == nil && !parser.sawParameterBytes {
        parser.privateMarker = byte
      } else {
        parser.privateMarker = 0  // malformed: the sequence will be ignored
      }
    case 0x20..<0x30: parser.intermediates.append(byte)
    case 0x40..<0x7F:
      parser.mode = .ground
      parser.finishParams()
      dispatchCSI(byte)
    case 0..<0x20: control(byte)
    default: return
    }
  }

  /// Parameter `index` as a count: missing or 0 gives `defaultValue`.
  private func count(_ index: Int, default defaultValue: Int = 1) -> Int {
    let value = index < parser.params.count ? parser.params[index].first ?? nil : nil
    guard let value, value > 0 else { return defaultValue }
    return value
  }

  /// Parameter `index` as a selector: missing gives 0.
  private func selector(_ index: Int) -> Int {
    index < parser.params.count ? (parser.params[index].first ?? nil) ?? 0 : 0
  }

  private mutating func dispatchCSI(_ final: UInt8) {
    guard parser.intermediates.isEmpty else { return }
    if parser.privateMarker == UInt8(ascii: "?") {
      if final == UInt8(ascii: "h") || final == UInt8(ascii: "l") {
        for param in parser.params { setPrivateMode(param.first ?? nil, on: final == UInt8(ascii: "h")) }
      }
      return
    }
    guard parser.privateMarker == nil else { return }
    switch Unicode.Scalar(final) {
    case "@": insertBlanks(count(0))
    case "A": moveVertically(by: -count(0))
    case "B", "e": moveVertically(by: count(0))
    case "C", "a": moveTo(row: row, col: col + count(0))
    case "D": moveTo(row: row, col: col - count(0))
    case "E":
      moveVertically(by: count(0))
      col = 0
    case "F":
      moveVertically(by: -count(0))
      col = 0
    case "G", "`": moveTo(row: row, col: count(0) - 1)
    case "H", "f": moveTo(row: count(0) - 1, col: count(1) - 1)
    case "I": tab(forward: count(0))
    case "Z": tab(backward: count(0))
    case "J": eraseInDisplay(selector(0))
    case "K": eraseInLine(selector(0))
    case "L": insertLines(count(0))
    case "M": deleteLines(count(0))
    case "P": deleteCharacters(count(0))
    case "S": scrollUp(count(0))
    case "T": if parser.params.count <= 1 { scrollDown(count(0)) }
    case "X":
      erase(row: row, from: col, to: col + count(0))
      pendingWrap = false
    case "b": repeatLast(count(0))
    case "d": moveTo(row: count(0) - 1, col: col)
    case "g":
      if selector(0) == 0 { tabStops[col] = false }
      if selector(0) == 3 { tabStops = Array(repeating: false, count: columns) }
    case "h", "l":
      if parser.params.contains(where: { $0.first == 4 }) { modes.insertMode = final == UInt8(ascii: "h") }
    case "m": selectGraphicRendition()
    case "r": setScrollRegion(top: count(0) - 1, bottom: count(1, default: rows) - 1)
    case "s": savedCursor = saveCursor()
    case "u": restoreCursor(savedCursor)
    default: return  // DSR, DA, window operations and the rest: ignored, never answered
    }
  }

  private mutating func setPrivateMode(_ mode: Int?, on: Bool) {
    switch mode {
    case 1: modes.applicationCursorKeys = on
    case 7: modes.autowrap = on
    case 25: modes.cursorVisible = on
    case 47: switchBuffer(toAlternate: on, clearAlternate: false)
    case 1047: switchBuffer(toAlternate: on, clearAlternate: !on)
    case 1048:
      if on { savedCursorBeforeAlternate = saveCursor() } else { restoreCursor(savedCursorBeforeAlternate) }
    case 1049:
      if on {
        savedCursorBeforeAlternate = saveCursor()
        switchBuffer(toAlternate: true, clearAlternate: true)
      } else {
        switchBuffer(toAlternate: false, clearAlternate: false)
        restoreCursor(savedCursorBeforeAlternate)
      }
    case 9, 1000, 1001, 1002, 1003, 1005, 1006, 1015, 1016:
      if let mode { if on { modes.mouseModes.insert(mode) } else { modes.mouseModes.remove(mode) } }
    case 2004: modes.bracketedPaste = on
    default: return
    }
  }

  // MARK: SGR

  private mutating func selectGraphicRendition() {
    let params = parser.params.isEmpty ? [[nil]] : parser.params
    var index = 0
    while index < params.count {
      let param = params[index]
      let code = (param.first ?? nil) ?? 0
      switch code {
      case 0: pen = .normal
      case 1: pen.bold = true
      case 2: pen.dim = true
      case 3: pen.italic = true
      case 4: pen.underline = param.count > 1 ? (param[1] ?? 0) != 0 : true
      case 5, 6: pen.blink = true
      case 7: pen.reverse = true
      case 8: pen.invisible = true
      case 9: pen.strikethrough = true
      case 21: pen.underline = true
      case 22:
        pen.bold = false
        pen.dim = false
      case 23: pen.italic = false
      case 24: pen.underline = false
      case 25: pen.blink = false
      case 27: pen.reverse = false
      case 28: pen.invisible = false
      case 29: pen.strikethrough = false
      case 30...37: pen.foreground = .indexed(code - 30)
      case 39: pen.foreground = nil
      case 40...47: pen.background = .indexed(code - 40)
      case 49: pen.background = nil
      case 90...97: pen.foreground = .indexed(code - 90 + 8)
      case 100...107: pen.background = .indexed(code - 100 + 8)
      case 38, 48:
        let color = extendedColor(params, at: &index)
        if code == 38 { pen.foreground = color } else { pen.background = color }
      default: break
      }
      index += 1
    }
  }

  /// Reads 38/48 colours in both forms: `38;5;n`, `38;2;r;g;b`, `38:5:n`, `38:2::r:g:b`.
  private func extendedColor(_ params: [[Int?]], at index: inout Int) -> TerminalColor? {
    func rgb(_ values: [Int]) -> TerminalColor {
      .rgb(UInt8(clamping: values[0]), UInt8(clamping: values[1]), UInt8(clamping: values[2]))
    }
    let param = params[index]
    if param.count > 1 {
      let sub = param.dropFirst().map { $0 ?? 0 }
      if sub.first == 5 && sub.count >= 2 { return .indexed(min(sub[1], 255)) }
      if sub.first == 2 && sub.count >= 4 { return rgb(Array(sub.suffix(3))) }
      return nil
    }
    let values = params[(index + 1)...].map { ($0.first ?? nil) ?? 0 }
    if values.first == 5 && values.count >= 2 {
      index += 2
      return .indexed(min(values[1], 255))
    }
    if values.first == 2 && values.count >= 4 {
      index += 4
      return rgb(Array(values[1...3]))
    }
    index = params.count
    return nil
  }
}
