#include "relief/admin/secret.hpp"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <utility>

#include <sodium.h>

namespace relief::admin {

Result<void> init_crypto() {
  static std::once_flag once;
  static int rc = -1;
  std::call_once(once, [] { rc = sodium_init(); });
  if (rc < 0) return fail(ErrorCode::Internal, "", "", "the cryptography library (libsodium) cannot start");
  return {};
}

SecretBuffer::SecretBuffer(std::size_t capacity) {
  if (!init_crypto()) return;
  data_ = static_cast<unsigned char*>(sodium_malloc(capacity == 0 ? 1 : capacity));
  if (!data_) return;
  capacity_ = capacity;
  sodium_memzero(data_, capacity_ == 0 ? 1 : capacity_);
}

SecretBuffer::~SecretBuffer() {
  // sodium_free wipes the whole allocation before releasing it.
  if (data_) sodium_free(data_);
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    if (data_) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void SecretBuffer::resize(std::size_t n) { size_ = n > capacity_ ? capacity_ : n; }

bool SecretBuffer::push_back(unsigned char c) {
  if (!data_ || size_ >= capacity_) return false;
  data_[size_++] = c;
  return true;
}

void SecretBuffer::clear() {
  if (data_) sodium_memzero(data_, capacity_);
  size_ = 0;
}

bool SecretBuffer::assign(std::string_view text) {
  clear();
  if (!data_ || text.size() > capacity_) return false;
  std::memcpy(data_, text.data(), text.size());
  size_ = text.size();
  return true;
}

bool SecretBuffer::equals(const SecretBuffer& other) const {
  if (size_ != other.size_) return false;
  if (size_ == 0) return true;
  return sodium_memcmp(data_, other.data_, size_) == 0;
}

void wipe_memory(void* p, std::size_t n) {
  if (p && n) sodium_memzero(p, n);
}

Result<void> check_new_pin(const SecretBuffer& pin) {
  if (pin.size() > kMaxPinBytes) {
    return fail(ErrorCode::BadInput, "", "PIN", "expected at most " + std::to_string(kMaxPinBytes) + " bytes");
  }
  std::size_t chars = 0;
  for (std::size_t i = 0; i < pin.size(); ++i) {
    const unsigned char c = pin.data()[i];
    if (c < 0x20 || c == 0x7f) return fail(ErrorCode::BadInput, "", "PIN", "expected no control characters");
    if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 characters, not bytes
  }
  if (chars < kMinPinLength) {
    return fail(ErrorCode::BadInput, "", "PIN",
                "expected at least " + std::to_string(kMinPinLength) + " characters");
  }
  return {};
}

Result<std::string> hash_pin(const SecretBuffer& pin, PinHashCost cost) {
  if (auto r = init_crypto(); !r) return tl::unexpected(r.error());
  if (auto r = check_new_pin(pin); !r) return tl::unexpected(r.error());
  const bool moderate = cost == PinHashCost::Moderate;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, reinterpret_cast<const char*>(pin.data()), pin.size(),
                            moderate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            moderate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(ErrorCode::Internal, "", "PIN", "hashing failed (not enough memory?)");
  }
  return std::string(out);
}

bool verify_pin(const SecretBuffer& pin, const std::string& hash) {
  if (!init_crypto() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  if (hash.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), reinterpret_cast<const char*>(pin.data()), pin.size()) == 0;
}

Result<void> read_secret_line(int fd, const char* prompt, SecretBuffer& out) {
  out.clear();
  const bool tty = ::isatty(fd) == 1;
  termios saved{};
  if (tty) {
    if (prompt) {
      std::fputs(prompt, stderr);
      std::fflush(stderr);
    }
    ::tcgetattr(fd, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  bool got_newline = false;
  bool too_long = false;
  bool got_any = false;
  for (;;) {
    unsigned char c = 0;
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got_any = true;
    if (c == '\n') {
      got_newline = true;
      break;
    }
    if (c == '\r') continue;
    if (!out.push_back(c)) too_long = true;  // keep reading to the end of the line
    c = 0;
  }
  if (tty) ::tcsetattr(fd, TCSAFLUSH, &saved);
  if (too_long) {
    out.clear();
    return fail(ErrorCode::BadInput, "", "PIN", "too long");
  }
  if (!got_newline && !got_any) return fail(ErrorCode::BadInput, "", "PIN", "no PIN given (end of input)");
  return {};
}

}  // namespace relief::admin
