/// The sample's data files, embedded in the program when it is built (from `Sources/BorderSample/Sample/`).
enum SampleFiles {
  /// The text of one data file by name; empty when there is no such file.
  static func text(_ name: String) -> String {
    guard let bytes = all[name] else { return "" }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Every data file by name.
  static let all: [String: [UInt8]] = [
    "situation-article.toml": PackageResources.situation_article_toml,
    "situation-treaty.toml": PackageResources.situation_treaty_toml,
    "segments-article.toml": PackageResources.segments_article_toml,
    "segments-treaty.toml": PackageResources.segments_treaty_toml,
    "checkpoints.toml": PackageResources.checkpoints_toml,
    "meetings-article.toml": PackageResources.meetings_article_toml,
    "meetings-treaty.toml": PackageResources.meetings_treaty_toml,
    "journal-history.jsonl": PackageResources.journal_history_jsonl,
    "journal-article.jsonl": PackageResources.journal_article_jsonl,
    "journal-treaty.jsonl": PackageResources.journal_treaty_jsonl,
  ]
}
