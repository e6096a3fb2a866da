extension String {
    /// The UTF-8 bytes of `lowercased()`, made without building that String: `lowercased()` appends
    /// each scalar's mapping to a growing String, which was a quarter of the glossary scan of every
    /// content file. ASCII is lowered by arithmetic; a scalar that lowercasing leaves alone (most of
    /// any text that is not capitals) is copied as it is; only the rest looks up its mapping.
    var lowercasedUTF8: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return bytes
    }
}
