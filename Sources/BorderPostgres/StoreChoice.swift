import BorderModel
import BorderStore
import TOMLKit

/// Where a command's situation lives: a data directory, or a PostgreSQL store.
public enum StoreChoice: Sendable, Equatable {
  case directory(DataDirectory)
  case postgres(StoreURL)

  /// Picks the store: `--store`, else `--data`, else `$BORDERMON_STORE`, else `store = "…"` in
  /// `config.toml` (`configFile`), else the default data directory. The error names where the bad value came from.
  public static func resolve(
    storeOption: String?, dataOption: String?, configFile: String?,
    environment: (String) -> String? = FileBytes.environment
  ) -> Result<StoreChoice, StoreChoiceError> {
    func url(_ text: String, from origin: String) -> Result<StoreChoice, StoreChoiceError> {
      switch StoreURL.parse(text) {
      case .success(let url): return .success(.postgres(url))
      case .failure(let error):
        return .failure(StoreChoiceError(.badURL(origin: origin, reason: error.reason)))
      }
    }
    if let storeOption, !storeOption.isEmpty {
      if let dataOption, !dataOption.isEmpty {
        return .failure(StoreChoiceError(.storeAndData))
      }
      return url(storeOption, from: "--store")
    }
    if let dataOption, !dataOption.isEmpty { return .success(.directory(DataDirectory(path: dataOption))) }
    if let value = environment("BORDERMON_STORE"), !value.isEmpty {
      return url(value, from: "$BORDERMON_STORE")
    }
    if let configFile, case .success(let text) = FileBytes.readText(configFile) {
      // A config file that does not parse is reported by the theme loader; here it names no store.
      if case .success(let root) = TOMLText.parse(text, file: configFile), let value = root["store"] {
        let line = configLine(of: "store", in: text)
        guard let string = value.string else {
          return .failure(StoreChoiceError(.notAString(place: "\(configFile):\(line)")))
        }
        return url(string, from: "\(configFile):\(line): store")
      }
    }
    return .success(.directory(DataDirectory.resolve(option: nil, environment: environment)))
  }

  /// The 1-based line where a top-level key is set (1 when not found).
  static func configLine(of key: String, in text: String) -> Int {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix(key)
        && trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=")
      {
        return index + 1
      }
    }
    return 1
  }
}

/// Why no store could be chosen.
public struct StoreChoiceError: Error, Sendable, CustomStringConvertible, Equatable {
  /// What was wrong, with the values a message needs.
  public enum Kind: Sendable, Equatable {
    /// Both `--store` and `--data` were given.
    case storeAndData
    /// `store =` in config.toml is not a string (`place` is `FILE:LINE`).
    case notAString(place: String)
    /// A store URL that does not parse, and where it came from (`--store`, `FILE:LINE: store`).
    case badURL(origin: String, reason: String)
  }

  public var kind: Kind

  public init(_ kind: Kind) { self.kind = kind }

  public var description: String {
    switch kind {
    case .storeAndData: return "--store and --data name two different situations; give one"
    case .notAString(let place): return "\(place): store: must be a string (a postgresql:// URL)"
    case .badURL(let origin, let reason): return "\(origin): \(reason)"
    }
  }
}
