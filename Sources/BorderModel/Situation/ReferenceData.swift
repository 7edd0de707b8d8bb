/// The slow-changing facts a situation starts from: what `segments.toml` and friends describe.
public struct ReferenceData: Sendable, Hashable {
  /// The situation's name, shown in the header.
  public var title: String
  /// Whether the data set as a whole is an illustrative sample.
  public var isIllustrativeSample: Bool
  /// A line or two on what the data set is.
  public var description: String?
  /// The sample scenario the data set was created from (`article`, `treaty`), if any.
  public var scenario: String?
  /// Segments, west to east.
  public var segments: [Segment]
  public var checkpoints: [Checkpoint]
  /// Meetings planned in the reference data (the journal may schedule more).
  public var meetings: [Meeting]

  public init(
    title: String, isIllustrativeSample: Bool = false, description: String? = nil,
    segments: [Segment], checkpoints: [Checkpoint] = [], meetings: [Meeting] = [],
    scenario: String? = nil
  ) {
    self.scenario = scenario
    self.title = title
    self.isIllustrativeSample = isIllustrativeSample
    self.description = description
    self.segments = segments
    self.checkpoints = checkpoints
    self.meetings = meetings
  }
}
