import BorderConsole
import BorderModel
import Testing

@Suite("A store role that cannot append makes the console read-only")
struct StoreRoleTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  @Test(
    "started on a role that cannot append: READ-ONLY in the header and bar, why said once, a opens no form")
  func startsReadOnly() throws {
    var state = try SampleConsole.state()
    state.startWithStoreRoleReadOnly()
    let first = ConsoleView.render(state)
    #expect(first.text.split(separator: "\n").first?.contains("READ-ONLY") == true)
    #expect(state.message?.text == "this store role cannot append: read-only")
    _ = press(&state, .tab, .tab)
    #expect(press(&state, .character("a")).isEmpty)
    #expect(state.form == nil, "no form opens")
    #expect(
      state.message?.text
        == "read-only console: this store role cannot append")
  }

  @Test(
    "an append refused for the role's rights keeps the form and what was typed, and makes the console read-only"
  )
  func refusedAppend() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .tab, .tab, .character("a"))
    for c in "calling Batken" { _ = state.handle(.key(.character(c))) }
    guard case .append? = press(&state, .enter).first else {
      Issue.record("expected an append")
      return
    }
    _ = state.handle(.appended(.failure(.roleCannotAppend("permission denied for function append_line"))))
    #expect(state.readOnly && state.readOnlyCause == .storeRole)
    #expect(state.form?.isSending == false && state.form?.value("Note") == "calling Batken")
    #expect(state.form?.error == "not recorded: this store role cannot append: read-only")
    #expect(press(&state, .enter).isEmpty, "sending again is refused at once")
    #expect(state.form?.error?.contains("this store role cannot append") == true)
  }

  @Test(
    "rights asked again after a reconnection: lost makes it read-only, given back lifts it; --read-only stays"
  )
  func rightsAskedAgain() throws {
    var state = try SampleConsole.state()
    var news = JournalNews(situation: state.live)
    news.mayAppend = false
    _ = state.handle(.journal(news))
    #expect(state.readOnlyCause == .storeRole)
    #expect(state.message?.text == "this store role cannot append: read-only")
    news.mayAppend = true
    _ = state.handle(.journal(news))
    #expect(!state.readOnly)
    #expect(state.message?.text == "this store role can append again: actions are enabled")

    var viewer = try SampleConsole.state()
    viewer.readOnly = true
    news.mayAppend = true
    _ = viewer.handle(.journal(news))
    #expect(viewer.readOnlyCause == .startedReadOnly, "--read-only is never lifted by the store's rights")
  }

  @Test("in Russian, the reason is said in Russian")
  func russian() throws {
    var state = try SampleConsole.state()
    state.l10n = .russian
    state.startWithStoreRoleReadOnly()
    #expect(state.message?.text == "этой роли хранилища запрещено добавлять события: только чтение")
    #expect(ConsoleView.render(state).text.contains("ТОЛЬКО ЧТЕНИЕ"))
  }

  @Test("a form's length refusal in Russian is the Russian command line's (RefusalLanguageTests' wording)")
  func russianLengthRefusal() throws {
    var state = try SampleConsole.state()
    state.l10n = .russian
    _ = press(&state, .tab, .tab, .character("a"))
    for c in String(repeating: "x", count: 4_001) { _ = state.handle(.key(.character(c))) }
    #expect(state.form?.value("Note").utf8.count == 4_000)
    #expect(state.form?.error == "note: 4001 байт — больше допустимых 4000")
  }
}
