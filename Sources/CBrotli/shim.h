// Brotli, for the .br siblings of `versus build --compress` (Debian: libbrotli-dev). The decoder is
// linked for the tests, which check that every .br file decompresses to its page.
#include <brotli/encode.h>
#include <brotli/decode.h>
