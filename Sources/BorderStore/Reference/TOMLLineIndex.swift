/// Finds the line of a table or key in a TOML text, for messages about records that parsed.
///
/// The TOML parser reports lines only for syntax errors; this index covers the rest for
/// files made of top-level keys and arrays of tables (`[[segment]]`), as the data files are.
/// It is built on the first question only: clean files never pay for it.
final class TOMLLineIndex {
  private let text: String
  private var index: Index?

  init(_ text: String) { self.text = text }

  private var built: Index {
    if let index { return index }
    let made = Index(text)
    index = made
    return made
  }

  /// The line of `key` in the `index`-th `[[table]]`, else of its header.
  func line(table: String, index: Int, key: String? = nil) -> Int? {
    built.line(table: table, index: index, key: key)
  }

  /// The line of a top-level key.
  func line(topLevelKey key: String) -> Int? { built.line(topLevelKey: key) }
}

private struct Index {
  private struct Block {
    var headerLine: Int
    var keyLines: [String: Int] = [:]
  }

  private var topLevel = Block(headerLine: 1)
  private var blocks: [String: [Block]] = [:]

  init(_ text: String) {
    var current: (name: String, index: Int)?
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[[") {
        let name = line.dropFirst(2).prefix { $0 != "]" }.trimmingSpaces()
        blocks[name, default: []].append(Block(headerLine: lineNumber))
        current = (name, blocks[name]!.count - 1)
        continue
      }
      if line.hasPrefix("[") {
        current = nil
        continue
      }
      guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
      var key = line[..<equals].trimmingSpaces()
      if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 {
        key = String(key.dropFirst().dropLast())
      }
      if let current {
        if blocks[current.name]![current.index].keyLines[key] == nil {
          blocks[current.name]![current.index].keyLines[key] = lineNumber
        }
      } else if topLevel.keyLines[key] == nil {
        topLevel.keyLines[key] = lineNumber
      }
    }
  }

  /// The line of `key` in the `index`-th `[[table]]`, else of its header.
  func line(table: String, index: Int, key: String? = nil) -> Int? {
    guard let list = blocks[table], index < list.count else { return nil }
    let block = list[index]
    if let key, let line = block.keyLines[key] { return line }
    return block.headerLine
  }

  /// The line of a top-level key.
  func line(topLevelKey key: String) -> Int? { topLevel.keyLines[key] }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
    while end > start {
      let before = index(before: end)
      guard self[before] == " " || self[before] == "\t" else { break }
      end = before
    }
    return String(self[start..<end])
  }
}
