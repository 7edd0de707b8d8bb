import BorderPostgres
import BorderStore
import Testing

@Suite("Store URLs")
struct StoreURLTests {
  @Test("host, port, database, user, sslmode and a unix-socket host are read")
  func parts() throws {
    let url = try StoreURL.parse("postgresql://desk@db.example:6543/bordermon?sslmode=verify-full").get()
    #expect(url.host == "db.example" && url.port == 6543 && url.database == "bordermon")
    #expect(url.user == "desk" && url.sslmode == "verify-full")
    let socket = try StoreURL.parse("postgresql:///situation?host=/run/postgresql&port=5433").get()
    #expect(socket.host == "/run/postgresql" && socket.port == 5433 && socket.user == nil)
    #expect(socket.description == "postgresql:///situation?host=/run/postgresql&port=5433")
    let encoded = try StoreURL.parse("postgres://%2Ftmp%2Fpg/x").get()
    #expect(encoded.host == "/tmp/pg")
    let v6 = try StoreURL.parse("postgresql://[::1]:5432/x").get()
    #expect(v6.host == "::1" && v6.description == "postgresql://[::1]:5432/x")
  }

  @Test("bad URLs are refused with the reason, and a password is never accepted or shown")
  func refusals() {
    let cases: [(String, String)] = [
      ("mysql://h/x", "starts with postgresql://"),
      ("postgresql://h", "names no database"),
      ("postgresql://h:99999/x", "port"),
      ("postgresql://alice:s3cret@h/x", "a password does not belong in the URL"),
      ("postgresql://h/x?password=s3cret", "a password does not belong in the URL"),
      ("postgresql://h/x?sslmode=sometimes", "sslmode: 'sometimes' is not one of"),
      ("postgresql://h/x?colour=red", "unknown parameter 'colour'"),
      ("postgresql://h/a/b", "one path segment"),
      ("postgresql://h/x%zz", "database name is not valid"),
    ]
    for (text, reason) in cases {
      switch StoreURL.parse(text) {
      case .success: Issue.record("\(text) was accepted")
      case .failure(let error):
        #expect(error.reason.contains(reason), "\(text): \(error.reason)")
        #expect(!error.reason.contains("s3cret"))
      }
    }
  }

  @Test("the store is chosen by --store, then --data, then $BORDERMON_STORE, then config.toml")
  func choice() {
    let environment: (String) -> String? = {
      ["BORDERMON_STORE": "postgresql://env/x", "HOME": "/home/u"][$0]
    }
    let option = StoreChoice.resolve(
      storeOption: "postgresql://opt/x", dataOption: nil, configFile: nil, environment: environment)
    #expect(option == .success(.postgres(try! StoreURL.parse("postgresql://opt/x").get())))
    let data = StoreChoice.resolve(
      storeOption: nil, dataOption: "/d", configFile: nil, environment: environment)
    #expect(data == .success(.directory(DataDirectory(path: "/d"))))
    let env = StoreChoice.resolve(
      storeOption: nil, dataOption: nil, configFile: nil, environment: environment)
    #expect(env == .success(.postgres(try! StoreURL.parse("postgresql://env/x").get())))
    let both = StoreChoice.resolve(
      storeOption: "postgresql://opt/x", dataOption: "/d", configFile: nil, environment: environment)
    if case .success = both { Issue.record("--store with --data must be refused") }
  }
}
