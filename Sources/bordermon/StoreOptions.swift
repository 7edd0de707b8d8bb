import ArgumentParser
import BorderConsole
import BorderModel
import BorderPostgres
import BorderStore
import BorderThemes

extension DataOptions {
  /// Where this invocation's situation lives: `--store`, `--data`, `$BORDERMON_STORE`, `store =` in config.toml, or the default directory.
  func choice() throws -> StoreChoice {
    let config = ThemeCatalog.configFilePath(environment: FileBytes.environment)
    switch StoreChoice.resolve(storeOption: store, dataOption: data, configFile: config) {
    case .success(let choice): return choice
    case .failure(let error):
      printError("bordermon: " + l10n.storeChoiceError(error))
      throw ExitCode(1)
    }
  }

  /// The PostgreSQL store chosen, opened (schema checked), or nil for a data directory.
  func openPostgres() throws -> PostgresStore? {
    guard case .postgres(let url) = try choice() else { return nil }
    switch PostgresStore.open(url) {
    case .success(let store): return store
    case .failure(let error):
      printError("bordermon: " + l10n.storeError(error))
      throw ExitCode(1)
    }
  }

  /// Opens the situation from whichever store was chosen; a data directory is created from the
  /// sample on first use, a PostgreSQL store never (only `init --store` or `store push` make one).
  func openSituation(
    clock: some WallClock, asOf: Timestamp? = nil, historyLimit: Int? = nil, snapshots: Bool = false,
    now: Timestamp? = nil
  ) throws -> SituationStore {
    if let postgres = try openPostgres() {
      switch postgres.situationStore(asOf: asOf, historyLimit: historyLimit, snapshots: snapshots, now: now) {
      case .success(let store): return store
      case .failure(let error):
        printError("bordermon: " + l10n.storeError(error))
        throw ExitCode(1)
      }
    }
    let directory = try prepared(clock: clock)
    return SituationStore(
      directory: directory, asOf: asOf, historyLimit: historyLimit, snapshots: snapshots, now: now)
  }
}
