import BorderConsole
import BorderModel
import Testing

@Suite("The console in Russian")
struct RussianViewTests {
  /// The sample at a size, in Russian.
  static func russian(columns: Int, rows: Int) throws -> ConsoleState {
    var state = try SampleConsole.state(columns: columns, rows: rows)
    state.l10n = .russian
    return state
  }

  @Test(
    "the segments table's headings are whole in Russian at every size: the Last column is as wide as its heading"
  )
  func headingsWhole() throws {
    for (columns, rows) in [(64, 20), (120, 40), (250, 60)] {
      let text = TextRenderer.plain(ConsoleView.render(try Self.russian(columns: columns, rows: rows)))
      let heading = text.split(separator: "\n").first { $0.contains("Название") }.map(String.init) ?? ""
      #expect(heading.contains("Посл."), "\(columns)×\(rows): \(heading)")
    }
  }

  @Test("the sample in Russian at 64×20, 80×24, 120×40 and 250×60: every row fits, the header says RU")
  func snapshots() throws {
    for (columns, rows) in [(64, 20), (80, 24), (120, 40), (250, 60)] {
      let state = try Self.russian(columns: columns, rows: rows)
      let grid = ConsoleView.render(state)
      let text = TextRenderer.plain(grid)
      expectSnapshot(text, named: "ru-sample-\(columns)x\(rows)")
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
      #expect(lines.count == rows, "\(columns)×\(rows): one line per row")
      for line in lines {
        #expect(
          DisplayWidth.of(String(line)) <= columns, "\(columns)×\(rows): a row wider than the screen: \(line)"
        )
      }
      let header = lines.first.map(String.init) ?? ""
      // Where room is short (64 columns) the alert counts keep their place and the tag goes first.
      if columns >= 80 {
        #expect(header.contains(" RU"), "\(columns)×\(rows): the header says RU: \(header)")
      }
      // The tag never costs what English shows: the alert counts are there whenever they are in English.
      let englishHeader =
        try TextRenderer.plain(ConsoleView.render(SampleConsole.state(columns: columns, rows: rows)))
        .split(separator: "\n").first.map(String.init) ?? ""
      #expect(header.contains("◆1") == englishHeader.contains("◆1"), "\(columns)×\(rows): \(header)")
      #expect(text.contains("Участки"), "\(columns)×\(rows): the segments pane is titled in Russian")
      for english in ["Segments", "Meetings", "disputed", "negotiating", "rel.stable", " BIS ", "live"] {
        #expect(!text.contains(english), "\(columns)×\(rows): '\(english)' left in English")
      }
    }
  }

  @Test("English stays English: no RU tag, the English words")
  func english() throws {
    let state = try SampleConsole.state(columns: 120, rows: 40)
    let text = TextRenderer.plain(ConsoleView.render(state))
    #expect(!text.split(separator: "\n").first!.contains(" RU"))
    #expect(text.contains("Segments 52"))
  }

  @Test(
    "the Russian table: Cyrillic names first, statuses and levels in the commissions' words, ages in Russian")
  func table() throws {
    let state = try Self.russian(columns: 120, rows: 40)
    let text = TextRenderer.plain(ConsoleView.render(state))
    #expect(text.contains("Участки 52 · по: запад→восток"))
    #expect(text.contains("спорный") && text.contains("переговоры") && text.contains("описан"))
    #expect(text.contains("отн.стаб.") && text.contains("напряжённо"))
    #expect(text.contains("Согласовано 812.0 из 975.0 км"))
    #expect(text.contains("Линия · 975.0 км, 52 участка · запад → восток"))
    #expect(text.contains("через "), "meeting countdowns say через")
    #expect(text.contains("ноя ") || text.contains(" ноя"), "dates name the month in Russian")
  }

  @Test("durations and dates in Russian: 12м, 3ч05м, 4д06ч, через, назад, 28 ноя")
  func durations() {
    let ru = Localizer.russian
    #expect(ru.compactDuration(seconds: 12 * 60) == "12м")
    #expect(ru.compactDuration(seconds: 3 * 3600 + 5 * 60) == "3ч05м")
    #expect(ru.compactDuration(seconds: 4 * 86_400 + 6 * 3600) == "4д06ч")
    #expect(Localizer.english.compactDuration(seconds: 4 * 86_400 + 6 * 3600) == "4d06h")
    #expect(ru.tr("in %@", context: "countdown", "2д05ч") == "через 2д05ч")
    #expect(ru.tr("%1$@ %2$@", context: "month and day", ru.month(11), "28") == "28 ноя")
    #expect(ru.name(PlaceName("Vorukh", cyrillic: "Ворух")) == "Ворух")
    #expect(ru.name(PlaceName("Khojai Alo")) == "Khojai Alo", "the Latin name where there is no Cyrillic")
    #expect(Localizer.english.name(PlaceName("Vorukh", cyrillic: "Ворух")) == "Vorukh")
  }

  @Test("every domain word has its Russian, and English words equal the model's labels")
  func vocabulary() {
    let ru = Localizer.russian
    let en = Localizer.english
    for status in DemarcationStatus.allCases {
      #expect(en.status(status) == status.label && en.shortStatus(status) == status.shortLabel)
      #expect(ru.status(status) != status.label)
    }
    for level in AlertLevel.allCases {
      #expect(en.level(level) == level.label && en.shortLevel(level) == level.shortLabel)
      #expect(ru.level(level) != level.label)
    }
    for kind in MeetingKind.allCases {
      #expect(en.meetingKind(kind) == kind.label && en.shortMeetingKind(kind) == kind.shortLabel)
      #expect(ru.meetingKind(kind) != kind.label)
    }
    for status in MeetingStatus.allCases {
      #expect(en.meetingStatus(status) == status.label && en.shortMeetingStatus(status) == status.shortLabel)
    }
    for sector in Sector.allCases {
      #expect(en.sector(sector) == sector.label && en.shortSector(sector) == sector.shortLabel)
      #expect(
        DisplayWidth.of(ru.shortSector(sector)) <= 10, "a short sector fits the 10-column Sector column")
    }
    for type in AlertType.allCases { #expect(en.alertType(type) == type.label) }
    for confidence in Confidence.allCases { #expect(en.confidence(confidence) == confidence.label) }
    for side in Side.allCases { #expect(en.side(side) == side.label) }
    for status in CheckpointStatus.allCases { #expect(en.checkpointStatus(status) == status.label) }
    for feature in SegmentFeature.allCases { #expect(en.feature(feature) == feature.label) }
    for status in DemarcationStatus.allCases {
      #expect(DisplayWidth.of(ru.shortStatus(status)) <= 11, "a short status fits the Status column")
    }
    for level in AlertLevel.allCases {
      #expect(DisplayWidth.of(ru.shortLevel(level)) <= 11, "a short level fits the Level column")
    }
    for kind in MeetingKind.allCases { #expect(DisplayWidth.of(ru.shortMeetingKind(kind)) <= 10) }
  }
}
