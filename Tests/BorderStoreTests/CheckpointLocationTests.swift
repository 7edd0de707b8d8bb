import BorderModel
import Foundation
import Testing

@testable import BorderStore

@Suite("Checkpoint locations")
struct CheckpointLocationTests {
  static let checkpoints = """
    [[checkpoint]]
    id = "kyzyl-bel"
    name = "Kyzyl-Bel"
    district = { name = "Batken", cyrillic = "Баткенский" }
    status = "open"
    location = [39.9710, 70.4950]
    illustrative = "approximate position"

    [[checkpoint]]
    id = "karamyk"
    name = "Karamyk"
    district = "Chon-Alai"
    status = "closed"
    illustrative = true

    """

  @Test("location = [lat, lon] is read, kept by the snapshot's binary form, and absent where not given")
  func readAndKept() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write("data/checkpoints.toml", Self.checkpoints)
    let store = SituationStore(directory: data)
    #expect(store.diagnostics.isEmpty, "\(store.diagnostics)")
    let situation = store.situation
    #expect(situation.checkpoint("kyzyl-bel")?.location == Coordinate(latitude: 39.971, longitude: 70.495))
    #expect(situation.checkpoint("karamyk")?.location == nil)
    var writer = BinaryWriter()
    SituationCoding.write(situation, into: &writer)
    let back = try writer.bytes.withUnsafeBufferPointer { buffer in
      var reader = BinaryReader(buffer)
      return try SituationCoding.readSituation(&reader)
    }
    #expect(back.checkpoints == situation.checkpoints)
  }

  @Test("a location that is not [lat, lon] is named with file, line and field")
  func badLocation() {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write(
      "data/checkpoints.toml",
      Self.checkpoints.replacingOccurrences(of: "[39.9710, 70.4950]", with: "[139.9, 70.5]"))
    let problems = SituationStore(directory: data).diagnostics.map(\.description)
    #expect(
      problems.contains {
        $0.contains(
          "/checkpoints.toml:6: location: warning: must be [latitude, longitude] in decimal degrees")
          && $0.hasSuffix("(field dropped)")
      },
      "\(problems)")
    // An optional field: the checkpoint stays, without its location (F22).
    #expect(SituationStore(directory: data).situation.checkpoints.count == 2)
  }
}
