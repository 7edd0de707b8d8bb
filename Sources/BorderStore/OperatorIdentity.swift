#if canImport(Glibc)
  import Glibc
#endif

/// Who is acting: the login name, and the SSH client's address when there is one.
public enum OperatorIdentity {
  /// `login` or `login@address` (from `$SSH_CLIENT` / `$SSH_CONNECTION`).
  public static func current(environment: (String) -> String? = FileBytes.environment) -> String {
    var login = environment("BORDERMON_OPERATOR") ?? environment("LOGNAME") ?? environment("USER")
    if login == nil, let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      login = String(cString: name)
    }
    let name = login ?? "uid\(getuid())"
    let ssh = environment("SSH_CLIENT") ?? environment("SSH_CONNECTION")
    guard let address = ssh?.split(separator: " ").first, !address.isEmpty else { return name }
    return "\(name)@\(address)"
  }
}
