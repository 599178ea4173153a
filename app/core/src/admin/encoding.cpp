#include "encoding.hpp"

#include <vector>

#include <sodium.h>

namespace relief::admin::detail {

std::string to_base64(const unsigned char* bytes, std::size_t n) {
  const std::size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, bytes, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len - 1);  // drop the terminating NUL
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t n = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        " \t\r\n", &n, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(n);
  return out;
}

bool from_base64_secret(std::string_view text, SecretBuffer& out, std::size_t expect) {
  out.clear();
  if (!out.ok() || out.capacity() < expect) return false;
  std::size_t n = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.capacity(), text.data(), text.size(), " \t\r\n", &n, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size() || n != expect) {
    out.clear();
    return false;
  }
  out.resize(n);
  return true;
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.resize(n * 2);
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(digest, sizeof digest);
}

}  // namespace relief::admin::detail
