// swift-tools-version: 6.1
// The benchmark suite, a package of its own so the main build and tests stay fast.
// Run from the repository root: scripts/bench.sh (or `swift package --package-path Benchmarks benchmark`).
import Foundation
import PackageDescription

// The main package is the folder above; SwiftPM names a path dependency after its folder.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "BorderBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "BorderBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "BorderModel", package: main),
        .product(name: "BorderStore", package: main),
        .product(name: "BorderConsole", package: main),
      ],
      path: "Benchmarks/BorderBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
