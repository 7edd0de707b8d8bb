import BorderModel
import Testing

@testable import BorderStore

@Suite("Reference data")
struct ReferenceLoaderTests {
  @Test("well-formed files load with no problems")
  func clean() {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    let loaded = ReferenceLoader.load(data)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    #expect(loaded.data.title == "Mini" && loaded.data.isIllustrativeSample)
    #expect(loaded.data.segments.map(\.id) == ["A-01", "B-01"])
    #expect(loaded.data.segments[0].name.cyrillic == "Головной")
    #expect(loaded.data.segments[0].kyrgyzDistrict.name.cyrillic == "Баткенский")
    #expect(loaded.data.segments[1].provenance == .factual(source: "test"))
  }

  /// Reference files with one fault each, and the diagnostic it must give.
  static let faults: [(name: String, file: String, text: String, expected: String)] = [
    (
      "bad TOML gives the parser's line", "segments.toml",
      "[[segment]]\nid = \"A-01\"\nname = \"x\nsector = \"batken\"\n", "segments.toml:3: TOML syntax"
    ),
    (
      "duplicate segment IDs", "segments.toml",
      MiniReference.segments
        + "\n[[segment]]\nid = \"A-01\"\nname = \"again\"\nsector = \"batken\"\nlength_km = 1\nkg_district = \"Batken\"\ntj_district = \"Isfara\"\n",
      "segments.toml:23: id: duplicate segment ID 'A-01' (first defined on line 2)"
    ),
    (
      "a negative length", "segments.toml",
      "[[segment]]\nid = \"A-01\"\nname = \"x\"\nsector = \"batken\"\nlength_km = -4\nkg_district = \"Batken\"\ntj_district = \"Isfara\"\n",
      "segments.toml:5: length_km: must be greater than 0 and at most 10000 (got -4.0)"
    ),
    (
      "a missing length", "segments.toml",
      "[[segment]]\nid = \"A-01\"\nname = \"x\"\nsector = \"batken\"\nkg_district = \"Batken\"\ntj_district = \"Isfara\"\n",
      "segments.toml:1: length_km: missing"
    ),
    (
      "a level outside 1–5", "segments.toml",
      "[[segment]]\nid = \"A-01\"\nname = \"x\"\nsector = \"batken\"\nlength_km = 3\nlevel = 6\nkg_district = \"Batken\"\ntj_district = \"Isfara\"\n",
      "segments.toml:6: level: 6 is outside 1–5"
    ),
    (
      "an unknown sector", "segments.toml",
      "[[segment]]\nid = \"A-01\"\nname = \"x\"\nsector = \"pamir\"\nlength_km = 3\nkg_district = \"Batken\"\ntj_district = \"Isfara\"\n",
      "segments.toml:4: sector: 'pamir' is not one of isfara-vorukh, batken"
    ),
    (
      "a meeting time without a zone", "meetings.toml",
      "[[meeting]]\nid = \"M-1\"\nkind = \"co-chairs\"\nstart = 2026-12-03T04:00:00\nend = 2026-12-04T04:00:00Z\n",
      "meetings.toml:4: start: a time without a zone"
    ),
    (
      "a meeting agenda naming an unknown segment", "meetings.toml",
      "[[meeting]]\nid = \"M-1\"\nkind = \"co-chairs\"\nstart = 2026-12-03T04:00:00Z\nend = 2026-12-04T04:00:00Z\nagenda = [\"Z-9\"]\n",
      "meetings.toml:6: agenda: no segment Z-9 in segments.toml"
    ),
    (
      "a checkpoint with a bad status", "checkpoints.toml",
      "[[checkpoint]]\nid = \"kb\"\nname = \"Kyzyl-Bel\"\ndistrict = \"Batken\"\nstatus = \"ajar\"\n",
      "checkpoints.toml:5: status: 'ajar' is not one of open, closed or restricted"
    ),
    (
      "an unknown field is a warning", "segments.toml",
      MiniReference.segments.replacingOccurrences(of: "length_km = 7.5", with: "length_km = 7.5\nlenght = 3"),
      "segments.toml:17: lenght: warning: unknown field (ignored)"
    ),
  ]

  @Test("each fault names its file, line and field", arguments: 0..<faults.count)
  func fault(_ index: Int) {
    let fault = Self.faults[index]
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write("data/" + fault.file, fault.text)
    let loaded = ReferenceLoader.load(data)
    let lines = loaded.diagnostics.map { $0.description.replacingOccurrences(of: data.path + "/", with: "") }
    #expect(lines.contains { $0.hasPrefix(fault.expected) }, "\(fault.name): got \(lines)")
  }

  @Test("a bad record is skipped, the good ones around it stay")
  func goodRecordsSurvive() {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write(
      "data/segments.toml",
      MiniReference.segments.replacingOccurrences(of: "length_km = 12.5", with: "length_km = \"long\""))
    let loaded = ReferenceLoader.load(data)
    #expect(loaded.data.segments.map(\.id) == ["B-01"])
    #expect(loaded.diagnostics.count == 1)
    #expect(loaded.diagnostics.first?.line == 6)
  }

  @Test("a missing segments file is an error naming it")
  func missingSegments() {
    let dir = TemporaryDirectory()
    dir.write("data/situation.toml", "title = \"x\"\n")
    let loaded = ReferenceLoader.load(dir.dataDirectory())
    #expect(
      loaded.diagnostics.first?.description.hasSuffix("segments.toml: cannot read: No such file or directory")
        == true)
  }

  @Test("the data directory comes from --data, then $BORDERMON_DATA, then XDG, then ~/.local/share")
  func resolution() {
    let env: [String: String] = ["BORDERMON_DATA": "/srv/b", "XDG_DATA_HOME": "/x", "HOME": "/home/op"]
    #expect(DataDirectory.resolve(option: "/opt/d/", environment: { env[$0] }).path == "/opt/d")
    #expect(DataDirectory.resolve(option: nil, environment: { env[$0] }).path == "/srv/b")
    let noExplicit = env.filter { $0.key != "BORDERMON_DATA" }
    #expect(DataDirectory.resolve(option: nil, environment: { noExplicit[$0] }).path == "/x/bordermon")
    #expect(
      DataDirectory.resolve(option: nil, environment: { ["HOME": "/home/op"][$0] }).path
        == "/home/op/.local/share/bordermon")
  }
}

@Suite("Provenance rules (check --strict)")
struct ProvenanceAuditTests {
  @Test("a structured TOML source loads with outlet, title, url, date and the approximate fields")
  func structuredTOMLSource() {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write(
      "data/checkpoints.toml",
      """
      [[checkpoint]]
      id = "kyzyl-bel"
      name = "Kyzyl-Bel"
      district = "Batken"
      status = "open"
      source = { outlet = "Interfax", url = "https://interfax.com/newsroom/top-stories/110332/", date = "2025-03-13" }
      illustrative = true
      approximate = ["since"]

      """)
    let loaded = ReferenceLoader.load(data)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    let provenance = loaded.data.checkpoints.first?.provenance
    #expect(provenance?.source?.outlet == "Interfax" && provenance?.source?.date == "2025-03-13")
    #expect(provenance?.approximate == ["since"])
    #expect(ProvenanceAudit.audit(data).isEmpty)
  }

  @Test(
    "strict: a factual record without a source, and a sourced illustrative one without approximate fields")
  func strictFindings() {
    let dir = TemporaryDirectory()
    let journal =
      #"{"seq":1,"at":"2024-01-10T04:00:00Z","by":"sample","type":"note","text":"a clash"}"# + "\n"
      + MiniReference.line(2, #""type":"note","text":"an operator's note""#)
      + MiniReference.line(3, #""type":"note","text":"round","source":"24.kg","illustrative":true"#)
      + MiniReference.line(
        4, #""type":"note","text":"round","source":"24.kg","illustrative":true,"approximate":["at"]"#)
    let data = MiniReference.install(in: dir, journal: journal)
    dir.write(
      "data/meetings.toml",
      """
      [[meeting]]
      id = "M-1"
      kind = "topographic-group"
      start = "2024-01-10T04:00:00Z"
      end = "2024-01-12T12:00:00Z"

      """)
    let found = ProvenanceAudit.audit(data).map(\.description)
    #expect(
      found == [
        "\(data.meetingsFile):1: source: meeting M-1 is presented as fact but names no source",
        "\(data.journalFile):1: source: event 1 (note) is presented as fact but names no source",
        "\(data.journalFile):3: approximate: event 3 (note) is both sourced and illustrative but does not say which fields are approximate",
      ], "\(found)")
  }
}
