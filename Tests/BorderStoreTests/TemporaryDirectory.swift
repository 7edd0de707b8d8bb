import BorderModel
import BorderStore
import Foundation

/// A fresh directory under the system's temporary folder, removed when the test is done.
final class TemporaryDirectory {
  let path: String

  init(_ name: String = #function) {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    path = NSTemporaryDirectory() + "bordermon-test-\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A data directory inside this one.
  func dataDirectory(_ name: String = "data") -> DataDirectory {
    DataDirectory(path: path + "/" + name)
  }

  /// Writes a file, creating its folder.
  func write(_ relative: String, _ text: String) {
    let full = path + "/" + relative
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
  }

  /// Appends raw text to a file.
  func append(_ relative: String, _ text: String) {
    let handle = FileHandle(forWritingAtPath: path + "/" + relative)!
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    handle.closeFile()
  }

  func read(_ relative: String) -> String {
    (try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)) ?? ""
  }
}

/// Minimal valid reference files, for tests that vary one thing.
enum MiniReference {
  static let segments = """
    [[segment]]
    id = "A-01"
    name = "Golovnoy"
    name_cyrillic = "Головной"
    sector = "isfara-vorukh"
    length_km = 12.5
    status = "disputed"
    kg_district = { name = "Batken", cyrillic = "Баткенский" }
    tj_district = { name = "Isfara", cyrillic = "Исфара" }
    illustrative = true

    [[segment]]
    id = "B-01"
    name = "Tort-Kocho"
    sector = "batken"
    length_km = 7.5
    status = "described"
    kg_district = { name = "Batken" }
    tj_district = { name = "Isfara" }
    source = "test"

    """

  /// Writes situation and segment files into `data` under `dir`.
  static func install(in dir: TemporaryDirectory, journal: String = "") -> DataDirectory {
    dir.write("data/situation.toml", "title = \"Mini\"\nsample = true\n")
    dir.write("data/segments.toml", segments)
    dir.write("data/journal.jsonl", journal)
    return dir.dataDirectory()
  }

  static func line(_ seq: Int, _ body: String, at: String = "2024-01-10T04:00:00Z") -> String {
    #"{"seq":\#(seq),"at":"\#(at)","by":"op",\#(body)}"# + "\n"
  }
}
