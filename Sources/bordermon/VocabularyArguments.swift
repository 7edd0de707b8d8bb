import ArgumentParser
import BorderModel

// The command line reads the vocabulary with the model's one parser (`init(spelling:)`), so it
// takes the words and labels the console shows, and `--help` lists the values from the enums.

extension AlertType: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Side: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Confidence: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension DemarcationStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension CheckpointStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension MeetingKind: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension AlertLevel: ExpressibleByArgument {
  public init?(argument: String) { self.init(spelling: argument) }
  public static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }
  public var defaultValueDescription: String { "\(rawValue)" }

  /// The levels as the console shows them, for help texts: `1 stable, 2 relatively stable, …`.
  static var vocabulary: String { allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: ", ") }
}
