#ifndef VERSUS_CCMARK_SHIM_H
#define VERSUS_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>

// CMARK_VERSION is a macro expression Swift cannot import; re-export it as a constant.
static const int versus_cmark_version = CMARK_VERSION;
#endif
