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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), reached through a tiny shim header.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // zlib and Brotli from the system (Debian: zlib1g-dev, libbrotli-dev), for `versus build --compress`.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // The generator: one folder per pipeline stage (Content, Markdown, Template, Site, Render, Publish, Build).
        .target(
            name: "VersusKit",
            dependencies: ["CCmark", "CZlib", "CBrotli", .product(name: "Yams", package: "Yams")]
        ),
        // `versus serve`: the preview server with live reload, on Hummingbird.
        .target(
            name: "VersusServe",
            dependencies: ["VersusKit", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "versus",
            dependencies: ["VersusKit", "VersusServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What more than one test target needs: finding the built `versus` executable.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "VersusKitTests",
            dependencies: ["VersusKit", "versus", "TestSupport", "CZlib", "CBrotli"]
        ),
        .testTarget(
            name: "VersusServeTests",
            dependencies: ["VersusServe", "VersusKit", "versus", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
