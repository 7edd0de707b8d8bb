import ArgumentParser
import BorderModel

/// `bordermon feed …`: what a feed (a bridge, an importer, a watcher) says about itself.
struct FeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feed", abstract: "Say, as a feed, that it is alive.",
    subcommands: [Heartbeat.self])

  /// `bordermon feed heartbeat --source NAME [--note N]`: a `feed.heartbeat` event.
  struct Heartbeat: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that a feed is alive though it has nothing to report.",
      discussion: """
        Appends a feed.heartbeat event: consoles count it as news from a feed, so their header \
        stays live (not STALE) while the feed is quiet. Operators' actions (console keys, alert, \
        segment, meeting, checkpoint and note commands) never do. It adds nothing to the alert feed.
        """)
    @OptionGroup var options: DataOptions
    @Option(help: "The feed's name, e.g. cap-bridge (1–200 bytes).") var source: String
    @Option(help: "A note, e.g. what the feed last checked.") var note: String?

    func run() throws {
      try appendForScript(
        .heartbeat(feed: source, note: note), options: options, command: "feed heartbeat", via: nil)
    }
  }
}
