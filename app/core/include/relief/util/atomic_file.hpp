#pragma once
#include <string>
#include <string_view>

#include "relief/error.hpp"

namespace relief::util {

/// Writes `data` to `path` so that `path` holds either its old content or
/// all of `data`, never a part: temp file in the same folder (mode 0600),
/// fsync, rename, fsync of the folder. On failure nothing is left behind.
Result<void> write_file_atomically(const std::string& path, std::string_view data);

/// Reads a whole file, refusing files larger than `max_bytes`.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

}  // namespace relief::util
