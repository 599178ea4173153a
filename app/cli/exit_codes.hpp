#pragma once

namespace relief::cli {

/// Exit codes of the `relief` command, in one place.
inline constexpr int kExitOk = 0;
/// Something failed that the user cannot fix by changing their input.
inline constexpr int kExitFailure = 1;
/// Bad input: a case, rules or settings file is wrong; one line says where.
inline constexpr int kExitBadInput = 2;

}  // namespace relief::cli
