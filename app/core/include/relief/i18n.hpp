#pragma once

/// Marks a string literal as a msgid for xgettext without translating it:
/// the core never translates; the GUI and CLI do, at the edge.
#define N_(s) s
