import BorderModel
import Testing

@testable import BorderStore

/// Numbers from reference data are bounded where they enter; a bad optional field costs only that field.
@Suite("Reference data bounds")
struct ReferenceBoundsTests {
  @Test(
    "length_km = 1e18 is reported and the segment skipped, not drawn (F3)",
    arguments: ["1e18", "1e300", "-0.5"])
  func hugeLength(_ value: String) {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write("data/segments.toml", MiniReference.segments.replacingOccurrences(of: "12.5", with: value))
    let loaded = ReferenceLoader.load(data)
    let lines = loaded.diagnostics.map { $0.description.replacingOccurrences(of: data.path + "/", with: "") }
    #expect(
      lines.count == 1
        && lines[0].hasPrefix("segments.toml:6: length_km: must be greater than 0 and at most 10000"))
    #expect(loaded.data.segments.map(\.id) == ["B-01"])
  }

  @Test("a bad coordinate or feature is reported and dropped; the segment and its events stay (F22)")
  func badOptionalFields() {
    let dir = TemporaryDirectory()
    let journal =
      MiniReference.line(
        1, #""type":"alert.raised","alert":"X1","segment":"A-01","level":4,"kind":"shelling","text":"t""#)
    let data = MiniReference.install(in: dir, journal: journal)
    dir.write(
      "data/segments.toml",
      MiniReference.segments.replacingOccurrences(
        of: "length_km = 12.5",
        with: "length_km = 12.5\nwest = [1e300, 70.5]\neast = [39.9, 70.6]\nfeatures = [\"water\", \"lava\"]")
    )
    let store = SituationStore(directory: data)
    let lines = store.diagnostics.map { $0.description.replacingOccurrences(of: data.path + "/", with: "") }
    #expect(lines.count == 2, "\(lines)")
    #expect(
      lines.contains {
        $0.hasPrefix("segments.toml:7: west: warning: must be [latitude, longitude]")
          && $0.hasSuffix("(field dropped)")
      })
    #expect(lines.contains { $0.hasPrefix("segments.toml:9: features: warning: 'lava' is not one of") })
    let segment = store.situation.segment("A-01")
    #expect(segment?.westEnd == nil && segment?.eastEnd?.latitude == 39.9)
    #expect(segment?.features == [.water])
    #expect(store.situation.alert("X1")?.isOpen == true, "its events are not skipped")
  }
}
