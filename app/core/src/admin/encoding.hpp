#pragma once
// Small libsodium wrappers shared by the key and pack code.
#include <optional>
#include <string>
#include <string_view>

#include "relief/admin/secret.hpp"

namespace relief::admin::detail {

/// Standard base64 (with padding) of `bytes`.
std::string to_base64(const unsigned char* bytes, std::size_t n);
/// Decodes standard base64, ignoring white space; nullopt when malformed.
std::optional<std::string> from_base64(std::string_view text);
/// Decodes base64 straight into a secret buffer (exactly `expect` bytes).
bool from_base64_secret(std::string_view text, SecretBuffer& out, std::size_t expect);
/// Lower-case hex of `bytes`.
std::string to_hex(const unsigned char* bytes, std::size_t n);
/// SHA-256 of `data` as lower-case hex.
std::string sha256_hex(std::string_view data);

}  // namespace relief::admin::detail
