import BorderConsole
import Testing

@Suite("Sanitizer fast path")
struct SanitizerFastPathTests {
  @Test("a control character after a non-ASCII letter is still made visible")
  func controlAfterNonASCII() {
    #expect(Sanitizer.clean("Кёк-Таш \u{1B}[2J") == "Кёк-Таш ␛[2J")
    #expect(Sanitizer.clean("␛ then \u{07}") == "␛ then ␇")
    #expect(Sanitizer.clean("é\u{7F}") == "é␡")
    #expect(Sanitizer.clean("Кёк-Таш") == "Кёк-Таш")
  }
}
