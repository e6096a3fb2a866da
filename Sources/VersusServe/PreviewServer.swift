import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import VersusKit

/// `versus serve`: builds the site, serves it on loopback, rebuilds when content or templates change,
/// and makes open pages reload (or show the build's errors over the last good pages).
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port; the one chosen is passed to `onReady`.
        public var port: Int
        public var pollInterval: Duration

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 1414, pollInterval: Duration = .milliseconds(250)) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    let options: Options
    let live = LiveReload()
    let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// True for addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Builds once, then serves until the task is cancelled (or SIGINT/SIGTERM).
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        rebuild()
        let watcher = Task.detached { [self] in await watch() }
        defer { watcher.cancel() }
        let router = Router()
        router.get("/__versus/events") { _, _ in events() }
        router.get("/__versus/live.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get("/") { request, _ in serveFile(request) }
        router.get("**") { request, _ in serveFile(request) }
        // HEAD: the same status and headers, no body.
        router.head("/") { request, _ in serveFile(request).withoutBody() }
        router.head("**") { request, _ in serveFile(request).withoutBody() }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "versus"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "versus-serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await app.runService()
    }

    // MARK: Building and watching

    func rebuild() {
        let started = Date()
        switch SiteBuilder.build(options.build) {
        case .success(let report):
            live.succeeded()
            log("Built \(report.pageCount) pages (\(report.filesWritten) written) in \(Int(Date().timeIntervalSince(started) * 1000)) ms.")
        case .failure(.invalidInput(let diagnostics)):
            let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
            live.failed(errors)
            log(errors.joined(separator: "\n") + "\nversus: \(errors.count) error(s); still serving the last good build.")
        case .failure(.badUsage(let message)), .failure(.publishing(let message, _)):
            live.failed([message])
            log("versus: \(message)")
        }
    }

    /// Polls the content and templates folders (names, sizes, modification times) and rebuilds after a
    /// change. Polling works the same on every file system and editor (including ones that save by
    /// renaming a temporary file), and costs a few milliseconds for a thousand files.
    func watch() async {
        var last = SourceSnapshot(folders: [options.build.contentDirectory, options.build.templatesDirectory])
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            let now = SourceSnapshot(folders: [options.build.contentDirectory, options.build.templatesDirectory])
            if now != last {
                last = now
                rebuild()
            }
        }
    }

    // MARK: Responses

    func events() -> Response {
        let stream = live.subscribe()
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: .init { writer in
                // An open page keeps this stream open; it ends on Ctrl-C so the server can stop.
                for await status in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: LiveReload.event(status)))
                }
                try await writer.finish(nil)
            }
        )
    }

    func serveFile(_ request: Request) -> Response {
        let root = options.build.outputDirectory
        switch SafePath.resolve(request.uri.path, root: root) {
        case .badRequest:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Bad request\n")))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            return notFound(request.uri.path, root: root)
        case .file(let path):
            return file(path, request: request, status: .ok)
        }
    }

    /// The site's own 404 page (of the locale the path is under), with status 404.
    func notFound(_ path: String, root: String) -> Response {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        for candidate in [first + "/404.html", "404.html"] where !first.isEmpty || candidate == "404.html" {
            if case .file(let page) = SafePath.resolve("/" + candidate, root: root) {
                return file(page, request: nil, status: .notFound)
            }
        }
        return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
    }

    func file(_ path: String, request: Request?, status: HTTPResponse.Status) -> Response {
        guard var data = FileManager.default.contents(atPath: path) else {
            return Response(status: .notFound)
        }
        let type = ContentType.of(path)
        if type.hasPrefix("text/html") { data = Self.injectingLiveReload(data) }
        let etag = "\"" + String(data.withUnsafeBytes { ContentHash.of(raw: $0) }, radix: 16) + "\""
        if status == .ok, let request, request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) == true {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        return Response(status: status, headers: [.contentType: type, .eTag: etag, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Adds the live-reload script before `</body>`: only in responses, never in the built files.
    static func injectingLiveReload(_ data: Data) -> Data {
        let tag = Data("<script src=\"/__versus/live.js\"></script>\n".utf8)
        guard let range = data.range(of: Data("</body>".utf8), options: .backwards) else { return data + tag }
        var result = data
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }
}

extension Response {
    func withoutBody() -> Response {
        var response = self
        if let length = body.contentLength { response.headers[.contentLength] = String(length) }
        response.body = .init()
        return response
    }
}

/// Names, sizes and modification times of every file below some folders.
struct SourceSnapshot: Equatable {
    var entries: [String: [Double]] = [:]

    init(folders: [String]) {
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
                entries[path] = [modified, size]
            }
        }
    }
}
