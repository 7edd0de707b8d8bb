import BorderConsole
import BorderModel
import Foundation
import Testing

@Suite("Refusals and the console's messages in Russian")
struct RussianMessagesTests {
  static let at = Timestamp(year: 2024, month: 1, day: 10, hour: 4, minute: 9)
  static let now = Timestamp(year: 2024, month: 1, day: 10, hour: 5)

  /// Every refusal the model makes, with sample values.
  static let reasons: [RejectionReason] = [
    .alreadyRaised("AL-1", by: "bob", at: at),
    .noSegment("Z-9"),
    .noAlert("AL-9"),
    .resolvedLevelFixed("AL-1", by: "bob", at: at),
    .resolvedCannotAcknowledge("AL-1", by: "bob", at: at),
    .alreadyAcknowledged("AL-1", by: "bob", at: at),
    .alreadyResolved("AL-1", by: "bob", at: at),
    .alreadyAtLevel("AL-1", .tense, by: "bob", at: at),
    .meetingAlreadyScheduled("M-1"),
    .noMeeting("M-9"),
    .meetingClosed("M-1", .held),
    .meetingClosed("M-1", .cancelled),
    .meetingNotScheduled("M-1", .inSession),
    .noCheckpoint("CP-9"),
    .noRecord("Q-9"),
    .rotationNotFirst(eventsBefore: 1),
    .rotationNotFirst(eventsBefore: 3),
    .empty,
    .tooLong(bytes: 4_001, limit: 4_000),
    .outsideYears(Timestamp(year: 1800, month: 1, day: 1)),
    .aheadOfNow(Timestamp(year: 2024, month: 1, day: 10, hour: 6), now: now, minutes: 10),
    .seqTooLarge(1 << 60, limit: JournalLimits.maxSeq),
    .endBeforeStart,
    .kmOutOfRange(limit: 10_000),
    .claimOutOfRange(limit: 10_000_000),
    .agendaTooLong(limit: 1_000),
  ]

  /// Latin words left in a Russian refusal once its data (IDs, names, codes) is taken out.
  static func englishWords(_ text: String) -> [String] {
    let data: Set<String> = [
      "AL", "bob", "UTC", "CP", "journal", "rotated", "bordermon", "rotate", "low", "high",
    ]
    return text.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }.filter { !data.contains($0) }
  }

  @Test("each refusal: English reads exactly as the model says it; Russian is Russian, with who and when")
  func everyRefusal() throws {
    let english = Localizer.english
    let russian = Localizer.russian
    for reason in Self.reasons {
      #expect(english.refusal(reason) == reason.description, "English is the model's own wording")
      let text = russian.refusal(reason)
      #expect(text != reason.description, "\(reason) has a Russian wording")
      #expect(text.contains(where: { ("а"..."я").contains($0) }), "\(text)")
      #expect(Self.englishWords(text).isEmpty, "English left in \(text)")
      if reason.description.contains("2024-01-10T04:09:00Z") {
        #expect(text.contains("bob") && text.contains("2024-01-10 04:09 UTC"), "who and when in \(text)")
        #expect(!text.contains("T04:09"), "the console's 24-hour time, not RFC 3339: \(text)")
      }
    }
    #expect(
      russian.refusal(.alreadyAcknowledged("AL-1", by: "bob", at: Self.at))
        == "оповещение AL-1 уже подтверждено (bob, 2024-01-10 04:09 UTC)")
    #expect(
      russian.refusal(.alreadyAtLevel("AL-1", .tense, by: "bob", at: Self.at))
        == "оповещение AL-1 уже на уровне 3 — напряжённо (задан: bob, 2024-01-10 04:09 UTC)")
    #expect(russian.refusal(.meetingClosed("M-1", .held)) == "встреча M-1 уже состоялась")
    #expect(russian.refusal(.tooLong(bytes: 4_001, limit: 4_000)) == "4001 байт — больше допустимых 4000")
    #expect(russian.refusal(.tooLong(bytes: 4_002, limit: 4_000)) == "4002 байта — больше допустимых 4000")
    #expect(russian.refusal(.rotationNotFirst(eventsBefore: 3)).contains("3 события"))
    #expect(
      russian.refusal(.other("cannot be read")) == "cannot be read", "a store's own words are passed on")
    #expect(
      russian.refusal(EventRejection(field: "alert", reason: .noAlert("AL-9")))
        == "alert: нет оповещения AL-9",
      "the command line's form keeps the field's code")
    #expect(
      russian.consoleRefusal(EventRejection(field: "text", reason: .tooLong(bytes: 4_001, limit: 4_000)))
        == "text: 4001 байт — больше допустимых 4000", "a bound names its field in the console")
    #expect(
      russian.consoleRefusal(EventRejection(field: "alert", reason: .noAlert("AL-9")))
        == "нет оповещения AL-9",
      "a refusal that names its record reads alone in the console")
  }

  /// Two consoles on one journal: both open an acknowledgement of the same alert; the second to
  /// send is refused by the journal, and the Russian console says who acknowledged it and when.
  @Test("a second console acknowledging an alert another already acknowledged hears who and when, in Russian")
  func twoConsolesAcknowledge() throws {
    var first = try SampleConsole.state()
    first.operatorName = "alice"
    var second = try SampleConsole.state()
    second.operatorName = "bob"
    second.l10n = .russian
    var journal = first.live
    for console in [0, 1] {
      var state = console == 0 ? first : second
      _ = state.handle(.key(.tab))
      _ = state.handle(.key(.tab))
      _ = state.handle(.key(.character("a")))
      #expect(state.form?.purpose == .acknowledge("AL-NOW-AKSAI"))
      if console == 0 { first = state } else { second = state }
    }
    // The first sends; the journal appends it.
    guard case .append(let mine)? = first.handle(.key(.enter)).first else {
      Issue.record("the first console sent nothing")
      return
    }
    let event = mine.finished(seq: journal.lastSeq + 1, now: SampleConsole.now, in: journal)
    #expect(journal.apply(event) == .success(.alert("AL-NOW-AKSAI", segment: "A-05")))
    _ = first.handle(.appended(.success(event.seq)))
    // The second had not heard of it yet: its form sends, and the journal refuses under its lock.
    guard case .append(let theirs)? = second.handle(.key(.enter)).first else {
      Issue.record("the second console sent nothing")
      return
    }
    let refusal = try #require(
      journal.validate(theirs.finished(seq: journal.lastSeq + 1, now: SampleConsole.now, in: journal)))
    _ = second.handle(.appended(.failure(AppendFailure(rejected: refusal))))
    let said = "не записано: оповещение AL-NOW-AKSAI уже подтверждено (alice, 2026-11-29 06:00 UTC)"
    #expect(second.form?.error == said, "the form stays open, saying why")
    #expect(second.message?.text == said)
    // Once the news arrives, pressing a again is refused before any form opens.
    _ = second.handle(.key(.escape))
    _ = second.handle(.journal(JournalNews(situation: journal, events: [event], touches: [])))
    _ = second.handle(.key(.character("a")))
    #expect(second.form == nil)
    #expect(second.message?.text == "оповещение AL-NOW-AKSAI уже подтверждено (alice, 2026-11-29 06:00 UTC)")
    let screen = ConsoleView.render(second).text
    #expect(screen.contains("уже подтверждено"), "the operator sees it on the screen:\n\(screen)")
    // The English console words the same refusal as the model does.
    _ = first.handle(.journal(JournalNews(situation: journal, events: [event], touches: [])))
    _ = first.handle(.key(.character("a")))
    #expect(first.message?.text == "AL-NOW-AKSAI was already acknowledged by alice at 2026-11-29T06:00:00Z")
  }

  @Test("the reducer's messages read in Russian: sort, freeze, history, u, o, m, jump, help, journal, bells")
  func reducerMessages() throws {
    var state = try SampleConsole.state()
    state.l10n = .russian
    func press(_ keys: Key...) { for key in keys { _ = state.handle(.key(key)) } }
    func type(_ text: String) { for c in text { press(.character(c)) } }

    press(.character("s"))
    #expect(state.message?.text == "сортировка: уровень")
    press(.character("f"), .character("f"))
    #expect(state.message?.text == "продолжено: журнал показывается в реальном времени")
    press(.character("["), .character("L"))
    #expect(state.message?.text == "снова в реальном времени")
    press(.character("u"))
    #expect(state.message?.text.hasPrefix("неподтверждённое 1 из 3: AL-") == true)
    press(.character("o"))
    #expect(state.message?.text.hasPrefix("участок A-05 · Backspace: назад к оповещению") == true)
    press(.character("o"))
    #expect(state.message?.text == "оповещения по A-05 · Backspace: назад к участку · Esc: все участки")
    press(.character("2"), .character("o"))
    #expect(state.message?.text == "o ведёт от оповещения к его участку и от участка к его оповещениям")
    state.unseen = ["A-05", "A-02"]
    press(.character("m"))
    #expect(state.message?.text == "2 изменения отмечены как просмотренные")
    press(.character("m"))
    #expect(state.message?.text == "нечего отмечать: нового нет")
    press(.character(":"))
    type("Z")
    press(.enter)
    #expect(state.message?.text == "нет участка Z")
    press(.character(":"))
    type("A")
    press(.enter)
    #expect(state.message?.text == "на A начинаются 9 участков")
    press(.character("3"), .character("x"), .escape)
    #expect(state.message?.text == "отменено: ничего не записано")
    press(.character("v"))
    #expect(state.message?.text.hasPrefix("оповещения: ") == true)
    _ = state.handle(.themeChanged(name: "dark", problem: nil))
    #expect(state.message?.text == "тема: dark")
    press(.character("?"), .character("n"))
    #expect(state.message?.text == "сначала нажмите /, чтобы найти слово в справке")
    press(.escape)

    // The journal's news: skipped lines (a plural), an urgent alert, its bell again later.
    state.reannounceSeconds = 600
    state.lastAnnounced = [:]
    var live = state.live
    let raise = JournalEvent(
      seq: 500, at: SampleConsole.now, by: "feed",
      payload: .alertRaised(
        AlertReport(id: "NEW-5", segment: "B-01", level: .escalation, type: .armedClash, text: "")))
    live.apply(raise)
    _ = state.handle(
      .journal(
        JournalNews(situation: live, events: [], touches: [], skipped: 2, lastProblem: "line 9: seq: bad")))
    #expect(state.message?.text == "журнал: пропущены 2 строки — line 9: seq: bad")
    _ = state.handle(.journal(JournalNews(situation: live, events: [raise], touches: [])))
    #expect(
      state.message?.text == "ЭСКАЛАЦИЯ на B-01: вооружённое столкновение", "\(state.message?.text ?? "")")
    _ = state.handle(.tick(SampleConsole.now.adding(seconds: 601)))
    #expect(
      state.message?.text.hasPrefix("NEW-5 (5 — эскалация) всё ещё не подтверждено спустя 10м") == true,
      "\(state.message?.text ?? "")")
    _ = state.handle(.appended(.success(160)))
    #expect(state.message?.text.hasPrefix("записано как событие №160") == true)
    _ = state.handle(
      .journal(
        JournalNews(situation: live, events: [], touches: [], readError: "journal.jsonl: permission denied")))
    #expect(state.message?.text == "журнал: journal.jsonl: permission denied")
    press(.character("a"))
    #expect(
      state.message?.text
        == "отказано, пока журнал не читается (journal.jsonl: permission denied): ничего не записано")
    state.readOnly = true
    press(.character("a"))
    #expect(state.message?.text == "консоль только для чтения: действия отключены (запущена с --read-only)")

    // Too small a terminal says so in Russian.
    state.size = ScreenSize(columns: 50, rows: 12)
    let small = ConsoleView.render(state).text
    #expect(small.contains("терминал слишком мал: 50×12, нужно 64×20"), "\(small)")
  }
}
