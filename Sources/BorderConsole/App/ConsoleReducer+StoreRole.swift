import BorderModel

/// Why a console refuses actions.
public enum ReadOnlyCause: Sendable, Hashable {
  /// Started with `--read-only` (a viewer or wall screen): never writes, whatever its rights.
  case startedReadOnly
  /// The PostgreSQL store's role may not append (the server refuses it); looked at again after a reconnection.
  case storeRole
}

/// The reducer: a store role that cannot append makes the console read-only, and says why once.
extension ConsoleState {
  /// Why an action is refused while the store role cannot append.
  var storeRoleRefusal: String {
    l10n.tr("read-only console: this store role cannot append")
  }

  /// Starts read-only because the store role cannot append: READ-ONLY in the header and hint bar,
  /// the reason in the message line.
  public mutating func startWithStoreRoleReadOnly() {
    guard readOnlyCause == nil else { return }
    readOnlyCause = .storeRole
    say(l10n.tr("this store role cannot append: read-only"), error: true, seconds: 15)
  }

  /// The server was asked again what the role may do (after a reconnection): a right lost makes the
  /// console read-only, a right granted lifts a read-only that came from the role (never `--read-only`).
  mutating func storeRole(mayAppend: Bool) {
    switch (mayAppend, readOnlyCause) {
    case (false, nil):
      startWithStoreRoleReadOnly()
    case (true, .storeRole?):
      readOnlyCause = nil
      say(l10n.tr("this store role can append again: actions are enabled"), seconds: 10)
    default:
      break
    }
  }

  /// An append the server refused because the role may not append: nothing was recorded, the
  /// console becomes read-only, and the form stays open with what was typed, saying why.
  mutating func refusedForStoreRole() {
    if readOnlyCause == nil { readOnlyCause = .storeRole }
    let text = l10n.tr("not recorded: this store role cannot append: read-only")
    if var sending = form, sending.isSending {
      sending.isSending = false
      sending.error = text
      form = sending
    }
    say(text, error: true, seconds: 30)
  }
}
