import BorderModel

/// The bundled sample: reference files and a journal, built for the day it is created.
public enum SampleSituation {
  /// The files of a sample data directory created at `now`.
  public static func files(now: Timestamp) -> [(name: String, bytes: [UInt8])] {
    var journal: [UInt8] = []
    for event in SampleHistory.events(now: now) { journal += EventCodec.encodeLine(event) }
    return [
      ("situation.toml", Array(SampleReference.situationTOML.utf8)),
      ("segments.toml", Array(SampleReference.segmentsTOML.utf8)),
      ("checkpoints.toml", Array(SampleReference.checkpointsTOML.utf8)),
      ("meetings.toml", Array(SampleReference.meetingsTOML(now: now).utf8)),
      ("journal.jsonl", journal),
    ]
  }

  /// Creates a sample data directory unless one exists (its parent folders too with `creatingParents`).
  public static func create(at directory: DataDirectory, now: Timestamp, creatingParents: Bool = false)
    -> Result<Void, DataDirectory.CreationError>
  {
    directory.create(files: files(now: now), creatingParents: creatingParents)
  }

  /// Creates the sample on first use: does nothing when the directory already holds data.
  /// Only for the default data directory: one named by `--data` or `$BORDERMON_DATA` is never created.
  public static func ensure(at directory: DataDirectory, now: Timestamp) -> Result<
    Bool, DataDirectory.CreationError
  > {
    if directory.exists { return .success(false) }
    switch create(at: directory, now: now, creatingParents: true) {
    case .success: return .success(true)
    case .failure(.alreadyExists): return .success(false)
    case .failure(let error): return .failure(error)
    }
  }
}
