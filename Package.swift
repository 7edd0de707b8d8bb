// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "bordermon",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "bordermon", targets: ["bordermon"]),
    .library(name: "BorderModel", targets: ["BorderModel"]),
    .library(name: "BorderStore", targets: ["BorderStore"]),
    .library(name: "BorderConsole", targets: ["BorderConsole"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .target(name: "BorderModel"),
    .target(name: "TerminalTestSupport", dependencies: ["BorderConsole"]),
    .target(
      name: "BorderStore",
      dependencies: ["BorderModel", "CZlib", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "BorderSample", dependencies: ["BorderModel", "BorderStore"],
      resources: [
        .embedInCode("Sample/situation-article.toml"), .embedInCode("Sample/situation-treaty.toml"),
        .embedInCode("Sample/segments-article.toml"), .embedInCode("Sample/segments-treaty.toml"),
        .embedInCode("Sample/checkpoints.toml"), .embedInCode("Sample/meetings-article.toml"),
        .embedInCode("Sample/meetings-treaty.toml"), .embedInCode("Sample/journal-history.jsonl"),
        .embedInCode("Sample/journal-article.jsonl"), .embedInCode("Sample/journal-treaty.jsonl"),
      ]
    ),
    .target(
      name: "BorderConsole", dependencies: ["BorderModel"],
      resources: [.embedInCode("Localization/Catalogs/ru.po")]),
    .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
    .systemLibrary(
      name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .target(
      name: "BorderPostgres",
      dependencies: ["CLibPQ", "BorderModel", "BorderStore", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "CTerminalRestore"),
    .target(name: "BorderTerminal", dependencies: ["CNCursesW", "CTerminalRestore", "BorderConsole"]),
    .target(
      name: "BorderThemes",
      dependencies: [
        "BorderConsole", "BorderModel", "BorderStore", .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .target(name: "BorderFormats", dependencies: ["BorderModel", "BorderStore"]),
    .executableTarget(
      name: "bordermon",
      dependencies: [
        "BorderModel", "BorderStore", "BorderSample", "BorderConsole", "BorderTerminal", "BorderThemes",
        "BorderFormats", "BorderPostgres",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "BorderModelTests", dependencies: ["BorderModel"]),
    .testTarget(name: "TerminalTestSupportTests", dependencies: ["TerminalTestSupport"]),
    .testTarget(
      name: "BorderConsoleTests",
      dependencies: ["BorderConsole", "BorderModel", "BorderStore", "BorderSample"],
      exclude: ["Snapshots"]),
    .testTarget(name: "BorderStoreTests", dependencies: ["BorderModel", "BorderStore", "BorderSample"]),
    .testTarget(name: "BorderSampleTests", dependencies: ["BorderModel", "BorderStore", "BorderSample"]),
    .testTarget(name: "BorderPostgresTests", dependencies: ["BorderPostgres", "BorderModel", "BorderStore"]),
    .testTarget(
      name: "BordermonTests",
      dependencies: ["bordermon", "BorderModel", "BorderStore", "BorderPostgres", "TerminalTestSupport"]),
    .testTarget(
      name: "BorderFuzzTests",
      dependencies: ["BorderModel", "BorderStore", "BorderSample", "BorderConsole", "BorderThemes"],
      exclude: ["Corpus"]),
    .testTarget(
      name: "BorderFormatsTests",
      dependencies: ["BorderFormats", "BorderModel", "BorderStore", "BorderSample"],
      exclude: ["Fixtures", "Validators"]),
    .testTarget(
      name: "BorderThemesTests",
      dependencies: ["BorderThemes", "BorderConsole", "BorderModel", "BorderStore"]),
  ],
  swiftLanguageModes: [.v6]
)
