import BorderConsole
import CNCursesW

extension TerminalSession {
  /// Everything the terminal has sent since the last call, without waiting.
  ///
  /// Call after every wake-up of the poll loop, EINTR included: ncurses turns SIGWINCH into
  /// a resize only inside `wget_wch`. Consecutive resizes collapse into the last one.
  public func readKeys() -> [TerminalInput] {
    guard !isStopped else { return [] }
    var inputs: [TerminalInput] = []
    var code: wint_t = 0
    // Bounded, so a flood of input (a paste) cannot keep the loop from drawing.
    for _ in 0..<4096 {
      let status = wget_wch(window, &code)
      if status == ERR { break }
      if status == KEY_CODE_YES {
        if Int32(bitPattern: code) == KEY_RESIZE {
          let now = size
          if case .resize? = inputs.last { inputs.removeLast() }
          inputs.append(.resize(columns: now.columns, rows: now.rows))
        } else if let key = KeyDecoder.decode(keyCode: Int32(bitPattern: code)) {
          inputs.append(.key(key))
        }
      } else if let key = KeyDecoder.decode(character: UInt32(code)) {
        inputs.append(.key(key))
      }
    }
    return inputs
  }
}
