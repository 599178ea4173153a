#pragma once
#include <cstddef>
#include <string_view>

namespace relief::util {

/// The deepest nesting of arrays and objects Relief accepts in any JSON it
/// reads (real case, rules and settings files stay below 20).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// True when no array or object in `text` is nested deeper than
/// `max_depth`. A linear scan with no recursion, run before parsing, so a
/// hostile file cannot exhaust the stack in the recursive code that walks
/// the parsed document (validation, evaluation, printing).
bool json_depth_within(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace relief::util
