#pragma once
// Internal: SHA-256 (FIPS 180-4) for the bundle manifest and the PDF file
// identifier; small enough not to pull in a crypto library for it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace relief::documents {

/// The 32-byte SHA-256 digest of `data`.
std::array<std::uint8_t, 32> sha256(std::string_view data);
/// The digest as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace relief::documents
