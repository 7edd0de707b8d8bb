import Foundation

/// A fresh folder under the system's temporary folder, removed when the test is done.
final class TestFolder {
  let path: String

  init(_ name: String = #function) {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    path = NSTemporaryDirectory() + "bordermon-themes-\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file (creating its folders); returns its full path.
  @discardableResult
  func write(_ relative: String, _ text: String = "") -> String {
    let full = path + "/" + relative
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    return full
  }

  /// Creates a folder; returns its full path.
  @discardableResult
  func folder(_ relative: String) -> String {
    let full = path + "/" + relative
    try? FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
    return full
  }
}

/// The repository's `Themes/` folder, found from this file's path.
enum RepositoryThemes {
  static let folder: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/BorderThemesTests/TestFolder.swift
    return parts.joined(separator: "/") + "/Themes"
  }()

  /// The shipped theme files, sorted.
  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
  }

  static func text(_ name: String) -> String {
    (try? String(contentsOfFile: folder + "/" + name + ".toml", encoding: .utf8)) ?? ""
  }
}
