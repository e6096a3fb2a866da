// zlib, for the .gz siblings of `versus build --compress` (Debian: zlib1g-dev).
#include <zlib.h>
