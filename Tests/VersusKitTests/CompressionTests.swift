import CBrotli
import CZlib
import Foundation
import Testing
@testable import VersusKit

/// `versus build --compress`: a .gz and a .br beside every text file, each decompressing to the file's
/// bytes, made again only when the file changes, and the same whatever the thread count.
@Suite struct CompressionTests {
    static func gunzip(_ bytes: Data) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = [UInt8](bytes)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(target.baseAddress!, count: target.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? output : nil
    }

    static func unbrotli(_ bytes: Data, expectedSize: Int) -> Data? {
        var size = expectedSize + 1
        var output = [UInt8](repeating: 0, count: size)
        let input = [UInt8](bytes)
        let result = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                BrotliDecoderDecompress(source.count, source.baseAddress, &size, target.baseAddress)
            }
        }
        return result == BROTLI_DECODER_RESULT_SUCCESS ? Data(output[..<size]) : nil
    }

    @Test func everyTextFileHasSiblingsThatDecompressToItsBytes() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var options = site.options()
        options.compress = true
        try #require(SiteBuilder.build(options).successValue != nil)
        let files = site.outputFiles()
        let texts = files.keys.filter { Compression.isCompressible($0) }
        #expect(texts.count > 40)
        for path in texts {
            let original = try #require(files[path])
            let gz = try #require(files[path + ".gz"], "\(path) has no .gz")
            let br = try #require(files[path + ".br"], "\(path) has no .br")
            #expect(Self.gunzip(gz) == original, "\(path).gz")
            #expect(Self.unbrotli(br, expectedSize: original.count) == original, "\(path).br")
            if original.count > 2_000 { #expect(br.count < original.count / 2 && gz.count < original.count / 2, "\(path) barely shrank") }
        }
        #expect(files["_headers.gz"] == nil, "only text types that hosts compress")

        // Deterministic: the same site from one thread.
        let single = site.root.appendingPathComponent("Single").path
        var one = site.options(jobs: 1, output: single)
        one.compress = true
        try #require(SiteBuilder.build(one).successValue != nil)
        #expect(site.outputFiles(single) == files)
    }

    @Test func onlyChangedFilesAreCompressedAgainAndTurningItOffRemovesThem() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var options = site.options()
        options.compress = true
        try #require(SiteBuilder.build(options).successValue != nil)
        let again = try #require(SiteBuilder.build(options).successValue)
        #expect(again.filesWritten == 0)

        let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        try site.write("content/smtp/251.md", text.replacingOccurrences(of: "After `RCPT TO`.", with: "After `RCPT TO`, always."))
        let edited = try #require(SiteBuilder.build(options).successValue)
        // The pages that show the section, and the search text that holds it.
        let changedPages = edited.changedFiles.filter { $0.hasSuffix(".html") || $0.hasSuffix("search-text.json") }
        #expect(changedPages.filter { $0.hasSuffix(".html") }.count >= 2 && changedPages.contains("search-text.json"))
        #expect(Set(edited.changedFiles) == Set(changedPages.flatMap { [$0, $0 + ".gz", $0 + ".br"] }), "\(edited.changedFiles)")
        let page = try #require(changedPages.first)
        #expect(Self.gunzip(try #require(site.outputFiles()[page + ".gz"])) == site.outputFiles()[page])

        // Without --compress, the siblings are stale files of an earlier build, and go.
        let plain = try #require(site.build().successValue)
        #expect(plain.filesRemoved > 40)
        #expect(!site.outputFiles().keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
    }
}
