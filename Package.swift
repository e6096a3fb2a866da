// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Versus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "versus", targets: ["versus"]),
        .library(name: "VersusKit", targets: ["VersusKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), reached through a tiny shim header.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The generator: one folder per pipeline stage (Content, Markdown, Template, Site, Render, Publish, Build).
        .target(
            name: "VersusKit",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "versus",
            dependencies: ["VersusKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "VersusKitTests",
            dependencies: ["VersusKit", "versus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
