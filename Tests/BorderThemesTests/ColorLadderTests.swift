import BorderConsole
import Testing

@Suite("Colour reduction: truecolour → 256 → 16 → 8 → none")
struct ColorLadderTests {
  /// A colour and what it becomes at 256, 16 and 8 colours.
  struct Row: Sendable, CustomTestStringConvertible {
    var color: ThemeColor
    var at256: ThemeColor
    var at16: UInt8
    var at8: UInt8
    var testDescription: String { "\(color)" }
  }

  static let rows: [Row] = [
    Row(color: .rgb(0xFF, 0x00, 0x00), at256: .indexed(196), at16: 9, at8: 1),
    Row(color: .rgb(0x00, 0xFF, 0x00), at256: .indexed(46), at16: 10, at8: 2),
    Row(color: .rgb(0x00, 0x00, 0xFF), at256: .indexed(21), at16: 4, at8: 4),
    Row(color: .rgb(0xFF, 0xFF, 0x00), at256: .indexed(226), at16: 11, at8: 3),
    Row(color: .rgb(0xFF, 0xFF, 0xFF), at256: .indexed(231), at16: 15, at8: 7),
    Row(color: .rgb(0x00, 0x00, 0x00), at256: .indexed(16), at16: 0, at8: 0),
    Row(color: .rgb(0xCD, 0x00, 0x00), at256: .indexed(160), at16: 1, at8: 1),
    // The default theme's "disputed" red: close to both reds and to grey; must stay a red.
    Row(color: .rgb(0xE5, 0x53, 0x4B), at256: .indexed(167), at16: 9, at8: 1),
    // Below 256 a colour keeps its hue family: orange → red, amber and sage → yellow, a
    // mid green stays green (not bright black), violet → blue, a steel blue → cyan.
    Row(color: .rgb(0xF0, 0x7B, 0x3F), at256: .indexed(209), at16: 9, at8: 1),
    Row(color: .rgb(0xE8, 0xA3, 0x3D), at256: .indexed(179), at16: 3, at8: 3),
    Row(color: .rgb(0x9C, 0xC8, 0x6E), at256: .indexed(149), at16: 3, at8: 3),
    Row(color: .rgb(0x5F, 0xB3, 0x6B), at256: .indexed(71), at16: 2, at8: 2),
    Row(color: .rgb(0x8C, 0x7A, 0xE6), at256: .indexed(104), at16: 12, at8: 4),
    Row(color: .rgb(0x4F, 0xA3, 0xC7), at256: .indexed(74), at16: 6, at8: 6),
    Row(color: .rgb(0x2D, 0x4F, 0x7C), at256: .indexed(24), at16: 12, at8: 4),
    // Greys: the ramp 232–255 when it is nearer than the cube's own greys; below 256 a grey
    // stays a grey (black, white, bright black or bright white), never a cyan.
    Row(color: .rgb(0x80, 0x80, 0x80), at256: .indexed(244), at16: 8, at8: 7),
    Row(color: .rgb(0x8A, 0x93, 0x9E), at256: .indexed(246), at16: 8, at8: 7),
    Row(color: .rgb(0x08, 0x08, 0x08), at256: .indexed(232), at16: 0, at8: 0),
    Row(color: .rgb(0x44, 0x44, 0x44), at256: .indexed(238), at16: 8, at8: 0),
    Row(color: .rgb(0xEE, 0xEE, 0xEE), at256: .indexed(255), at16: 7, at8: 7),
    Row(color: .rgb(0x5F, 0x5F, 0x5F), at256: .indexed(59), at16: 8, at8: 0),
    Row(color: .rgb(0x26, 0x2B, 0x33), at256: .indexed(236), at16: 0, at8: 0),
  ]

  @Test("RGB down the ladder", arguments: rows)
  func rgbLadder(_ row: Row) {
    #expect(ColorLadder.reduce(row.color, to: .trueColor) == row.color)
    #expect(ColorLadder.reduce(row.color, to: .palette256) == row.at256)
    #expect(ColorLadder.reduce(row.color, to: .sixteen) == .ansi(row.at16))
    #expect(ColorLadder.reduce(row.color, to: .eight) == .ansi(row.at8))
    #expect(ColorLadder.reduce(row.color, to: .none) == nil)
  }

  @Test("the grey ramp maps each step to itself and pure greys to the nearest step")
  func greyRamp() {
    for step in 0..<24 {
      let level = UInt8(8 + step * 10)
      #expect(ColorLadder.reduce(.rgb(level, level, level), to: .palette256) == .indexed(UInt8(232 + step)))
    }
    #expect(ColorLadder.reduce(.rgb(0x7A, 0x7A, 0x7A), to: .palette256) == .indexed(243))  // 122 → 118
    #expect(ColorLadder.reduce(.rgb(0x7E, 0x7E, 0x7E), to: .palette256) == .indexed(244))  // 126 → 128
    // 250 is nearer the cube's white (255) than the ramp's last step (238).
    #expect(ColorLadder.reduce(.rgb(0xFA, 0xFA, 0xFA), to: .palette256) == .indexed(231))
  }

  @Test("every cube colour maps to itself at 256")
  func cubeIsFixed() {
    let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
    for (r, red) in levels.enumerated() {
      for (g, green) in levels.enumerated() {
        for (b, blue) in levels.enumerated() {
          #expect(
            ColorLadder.reduce(.rgb(red, green, blue), to: .palette256)
              == .indexed(UInt8(16 + 36 * r + 6 * g + b)))
        }
      }
    }
  }

  @Test("indexed colours stay at 256 and become their nearest ANSI colour below")
  func indexed() {
    let rows: [(UInt8, UInt8, UInt8)] = [
      // index, at 16, at 8
      (196, 9, 1), (46, 10, 2), (21, 4, 4), (231, 15, 7), (16, 0, 0), (244, 8, 7), (232, 0, 0),
      (9, 9, 1), (1, 1, 1), (8, 8, 7), (15, 15, 7), (208, 3, 3), (33, 6, 6),
    ]
    for (index, at16, at8) in rows {
      #expect(ColorLadder.reduce(.indexed(index), to: .trueColor) == .indexed(index))
      #expect(ColorLadder.reduce(.indexed(index), to: .palette256) == .indexed(index))
      #expect(ColorLadder.reduce(.indexed(index), to: .sixteen) == .ansi(at16), "\(index) at 16")
      #expect(ColorLadder.reduce(.indexed(index), to: .eight) == .ansi(at8), "\(index) at 8")
      #expect(ColorLadder.reduce(.indexed(index), to: .none) == nil)
    }
  }

  @Test("ANSI colours keep their index; at 8 bright ones fold to normal, bright black to white")
  func ansi() {
    let at8: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7, 7, 1, 2, 3, 4, 5, 6, 7]
    for index in UInt8(0)..<16 {
      #expect(ColorLadder.reduce(.ansi(index), to: .trueColor) == .ansi(index))
      #expect(ColorLadder.reduce(.ansi(index), to: .palette256) == .ansi(index))
      #expect(ColorLadder.reduce(.ansi(index), to: .sixteen) == .ansi(index))
      #expect(ColorLadder.reduce(.ansi(index), to: .eight) == .ansi(at8[Int(index)]), "\(index)")
      #expect(ColorLadder.reduce(.ansi(index), to: .none) == nil)
    }
  }

  @Test("the terminal's default stays default, except with no colour at all")
  func terminalDefault() {
    for depth in ColorDepth.allCases where depth != .none {
      #expect(ColorLadder.reduce(.terminalDefault, to: depth) == .terminalDefault)
    }
    #expect(ColorLadder.reduce(.terminalDefault, to: .none) == nil)
  }
}
