import BorderModel
import BorderSample
import Testing

/// The characters of `text` that have no place in a Cyrillic name: any letter outside the
/// Cyrillic block (U+0400–U+04FF, which holds the Kyrgyz ң ө ү and the Tajik ғ ҳ ҷ қ ӣ ӯ),
/// and anything but digits, spaces and the punctuation names use. A text with no Cyrillic
/// letter at all is reported whole.
func nonCyrillic(_ text: String) -> [Character] {
  let punctuation: Set<Character> = [" ", "-", "–", "—", "/", ",", ".", "(", ")", "№", "«", "»", "'", "’"]
  /// Whether every scalar of `character` is in the Cyrillic block.
  func cyrillicLetter(_ character: Character) -> Bool {
    character.isLetter && character.unicodeScalars.allSatisfy { (0x400...0x4FF).contains($0.value) }
  }
  guard text.contains(where: cyrillicLetter) else { return Array(text) }
  return text.filter { !cyrillicLetter($0) && !$0.isWholeNumber && !punctuation.contains($0) }.map { $0 }
}

/// Every name of the sample's reference data, labelled with the record and field it comes from.
func sampleNames(_ situation: Situation) -> [(label: String, name: PlaceName)] {
  var names: [(label: String, name: PlaceName)] = []
  for segment in situation.segments {
    let id = segment.id.rawValue
    names.append(("segment \(id) name", segment.name))
    for (side, district) in [("kg_district", segment.kyrgyzDistrict), ("tj_district", segment.tajikDistrict)]
    {
      names.append(("segment \(id) \(side)", district.name))
      if let region = district.region { names.append(("segment \(id) \(side) region", region)) }
    }
    for settlement in segment.settlements {
      names.append(("segment \(id) settlement \(settlement.name.latin)", settlement.name))
    }
  }
  for checkpoint in situation.checkpoints {
    let id = checkpoint.id.rawValue
    names.append(("checkpoint \(id) name", checkpoint.name))
    names.append(("checkpoint \(id) district", checkpoint.district))
    if let counterpart = checkpoint.counterpart {
      names.append(("checkpoint \(id) counterpart", counterpart))
    }
  }
  for meeting in situation.meetings {
    if let venue = meeting.venue { names.append(("meeting \(meeting.id.rawValue) venue", venue)) }
  }
  return names
}

@Suite("The bundled sample's names in both scripts")
struct SampleNamesTests {
  @Test(
    "the Cyrillic check refuses Latin look-alikes and text with no Cyrillic, and takes Kyrgyz and Tajik letters"
  )
  func check() {
    #expect(nonCyrillic("Чон-Алай / Лахш, участок 3").isEmpty)
    #expect(nonCyrillic("Төрт-Көчө").isEmpty)
    #expect(nonCyrillic("Мурғоб").isEmpty)
    #expect(nonCyrillic("Сомониён").isEmpty)
    #expect(nonCyrillic("Ак-Сaй") == ["a"], "a Latin a among Cyrillic letters")
    #expect(nonCyrillic("Kulundu") == Array("Kulundu"))
    #expect(nonCyrillic("12/2") == Array("12/2"))
    #expect(nonCyrillic("Ворух\u{1B}[31m") == ["\u{1B}", "[", "m"])
  }

  @Test(
    "every segment, district, region, settlement, checkpoint, counterpart and venue has a Cyrillic name, in Cyrillic letters",
    arguments: SampleScenario.allCases)
  func everyNameHasCyrillic(_ scenario: SampleScenario) throws {
    let situation = try SampleDirectory(scenario).situation()
    let names = sampleNames(situation)
    #expect(situation.segments.count == 52)
    #expect(names.count > 52 * 3)
    #expect(situation.meetings.contains { $0.venue != nil })
    for (label, name) in names {
      guard let cyrillic = name.cyrillic, !cyrillic.isEmpty else {
        Issue.record("\(scenario.rawValue): \(label) '\(name.latin)' has no Cyrillic form")
        continue
      }
      let stray = nonCyrillic(cyrillic)
      #expect(
        stray.isEmpty,
        "\(scenario.rawValue): \(label) '\(cyrillic)' has non-Cyrillic \(stray.map { String($0) })")
    }
  }
}
