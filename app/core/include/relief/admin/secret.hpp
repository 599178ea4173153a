#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "relief/error.hpp"

namespace relief::admin {

/// Initialises libsodium once per process; an error when the library cannot
/// start (no entropy source).
Result<void> init_crypto();

/// A fixed-size buffer for a PIN or a secret key, outside the normal heap:
/// sodium_malloc'd (guard pages, mlock'd where allowed) and wiped on
/// destruction, so the secret never sits in a std::string that copies itself.
class SecretBuffer {
 public:
  /// Allocates `capacity` bytes (zeroed); check ok() before use.
  explicit SecretBuffer(std::size_t capacity);
  ~SecretBuffer();
  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;

  /// False when the allocation failed.
  bool ok() const { return data_ != nullptr; }
  /// The bytes in use.
  unsigned char* data() { return data_; }
  /// The bytes in use.
  const unsigned char* data() const { return data_; }
  /// How many bytes are in use (≤ capacity()).
  std::size_t size() const { return size_; }
  /// How many bytes fit.
  std::size_t capacity() const { return capacity_; }
  /// Sets how many bytes are in use (clamped to capacity()).
  void resize(std::size_t n);
  /// Appends one byte; false when full.
  bool push_back(unsigned char c);
  /// Wipes the content and sets the size to 0.
  void clear();
  /// Copies `text` in (wiping what was there); false when it does not fit.
  bool assign(std::string_view text);
  /// Constant-time comparison of the contents (sizes compared first).
  bool equals(const SecretBuffer& other) const;
  /// The content viewed as text (no copy).
  std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }

 private:
  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Overwrites `n` bytes at `p` with zeros in a way the compiler cannot skip
/// (sodium_memzero): for copies of a secret a toolkit made.
void wipe_memory(void* p, std::size_t n);

/// The most bytes a PIN may have.
inline constexpr std::size_t kMaxPinBytes = 128;
/// The fewest characters an administrator PIN may have.
inline constexpr std::size_t kMinPinLength = 6;

/// How much work hashing a PIN takes. Moderate for real PINs (about a
/// second, 256 MiB: a stolen settings file resists guessing); Interactive
/// only where tests need many hashes.
enum class PinHashCost { Moderate, Interactive };

/// Checks a new PIN: at least kMinPinLength characters, no more than
/// kMaxPinBytes bytes, no control characters.
Result<void> check_new_pin(const SecretBuffer& pin);
/// An Argon2id hash string of the PIN (crypto_pwhash_str), for the
/// settings' admin_pin_hash.
Result<std::string> hash_pin(const SecretBuffer& pin, PinHashCost cost = PinHashCost::Moderate);
/// True when `pin` matches `hash`; false for a wrong PIN or an empty or
/// malformed hash.
bool verify_pin(const SecretBuffer& pin, const std::string& hash);

/// Reads one line from the file descriptor into `out` (without the newline),
/// with echo turned off when it is a terminal. Prints `prompt` to stderr
/// first when it is a terminal. An error on end of input or a too long line.
Result<void> read_secret_line(int fd, const char* prompt, SecretBuffer& out);

}  // namespace relief::admin
