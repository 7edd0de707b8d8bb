import Foundation
import TerminalTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Terminals the console cannot drive are refused before anything is drawn (F20).
@Suite("Terminals the console refuses", .serialized)
struct RefusedTerminalTests {
  @Test("TERM=dumb is refused like an unknown terminal: a clear message, exit 1, the terminal untouched")
  func dumbTerminal() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data, term: "dumb")
    let status = try app.waitForExit()
    #expect(status == .exited(1))
    #expect(app.screen.contains("terminal type 'dumb' cannot move the cursor"))
    #expect(app.terminalRestored() == [])
  }
}
