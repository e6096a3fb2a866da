import CBrotli
import CZlib

/// The precompressed siblings of `versus build --compress`: a host that serves `page.html.gz` or
/// `page.html.br` as they are (nginx's gzip_static and brotli_static) spends no time compressing.
/// Both are deterministic: the same bytes give the same file (the gzip header carries no time or name).
enum Compression {
    /// gzip at zlib's default level 6. Level 9 and zopfli save a few percent more, at 1.5 and about 100
    /// times the time; see docs/performance.md for what compression costs a build.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header and trailer around the deflate data; level 6, default memory, strategy.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return []
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return target.count - Int(stream.avail_out)
            }
        }
        return written < 0 ? [] : Array(output[..<written])
    }

    /// Brotli at quality 5, tuned for text: already smaller than gzip's best on these pages, at a small
    /// fraction of the time of quality 9 to 11 (a full build with those took minutes).
    static func brotli(_ bytes: [UInt8]) -> [UInt8] {
        var size = BrotliEncoderMaxCompressedSize(bytes.count)
        if size == 0 { size = bytes.count + 1024 }
        var output = [UInt8](repeating: 0, count: size)
        let ok = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, source.count, source.baseAddress, &size, target.baseAddress)
            }
        }
        return ok == BROTLI_TRUE ? Array(output[..<size]) : []
    }

    /// Files worth compressing: text that hosts serve compressed.
    static func isCompressible(_ path: String) -> Bool {
        [".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"].contains { path.hasSuffix($0) }
    }
}
