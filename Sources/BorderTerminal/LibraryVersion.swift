import CNCursesW

/// The ncurses library the binary runs with.
public enum NCursesLibrary {
  /// Its version as the library reports it, e.g. `ncurses 6.4.20230625`.
  public static var version: String { String(cString: curses_version()) }
}
