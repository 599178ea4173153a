#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "relief/admin/secret.hpp"
#include "relief/error.hpp"

namespace relief::crypto {

/// A fixed, sodium_malloc'd (mlock'd, guard-paged) buffer for keys, PINs and
/// passphrases, wiped with sodium_memzero; shared with the admin PIN code so
/// there is one such class in the program.
using SecretBuffer = admin::SecretBuffer;

/// Starts libsodium once per process (sodium_init).
Result<void> init();

/// Bytes in a symmetric key (XChaCha20-Poly1305).
inline constexpr std::size_t kKeyBytes = 32;
/// Bytes in an Argon2id salt.
inline constexpr std::size_t kSaltBytes = 16;
/// Bytes a sealed blob adds to its plaintext (version byte, nonce, tag).
inline constexpr std::size_t kSealOverhead = 1 + 24 + 16;
/// Bytes in a clinic public or secret key (X25519).
inline constexpr std::size_t kBoxKeyBytes = 32;
/// The most bytes a passphrase or PIN may have.
inline constexpr std::size_t kMaxPassphraseBytes = 256;

/// How hard deriving a key from a PIN or passphrase is (Argon2id).
struct KdfCost {
  std::uint64_t ops = 0;  ///< crypto_pwhash opslimit
  std::size_t mem = 0;    ///< crypto_pwhash memlimit, bytes

  /// 2 passes, 64 MiB: for kiosk PINs, where old hardware must answer within
  /// a fraction of a second and the online guess limit does most of the work.
  static KdfCost interactive();
  /// 3 passes, 256 MiB: for attorney passphrases and exported files, which
  /// leave the building and must resist offline guessing.
  static KdfCost moderate();
  /// True when within libsodium's limits and no costlier than "sensitive"
  /// (a file cannot make us allocate gigabytes).
  bool sane() const;
};

/// `n` random bytes.
std::string random_bytes(std::size_t n);
/// A random code a person can read out and type: `groups` groups of four
/// characters from an alphabet without 0/O/1/I/L, joined by '-'.
std::string random_code(int groups);

/// Derives a kKeyBytes key from `secret` and `salt` with Argon2id.
Result<SecretBuffer> derive_key(const SecretBuffer& secret, std::string_view salt, const KdfCost& cost);

/// Encrypts and authenticates `plain` with XChaCha20-Poly1305 under `key`;
/// `context` is authenticated but not stored (binds the blob to its use).
/// The result is 0x01 | 24-byte random nonce | ciphertext | tag.
Result<std::string> seal(const SecretBuffer& key, std::string_view plain, std::string_view context);
/// Reverses seal(); an error (and no partial output) when the key or the
/// context is wrong or the blob was changed.
Result<std::string> open(const SecretBuffer& key, std::string_view sealed, std::string_view context);

/// A clinic key pair for sealed kiosk hand-offs (X25519).
struct BoxKeyPair {
  std::string public_key;  ///< kBoxKeyBytes bytes
  SecretBuffer secret_key{kBoxKeyBytes};
};

/// Makes a new clinic key pair.
Result<BoxKeyPair> generate_box_key_pair();
/// Seals `plain` to `public_key` (crypto_box_seal): only the secret key's
/// holder can open it; the sender cannot read it back.
Result<std::string> seal_to(std::string_view public_key, std::string_view plain);
/// Opens a crypto_box_seal'd blob with the clinic's secret key.
Result<std::string> open_sealed(const SecretBuffer& secret_key, std::string_view sealed);

/// Standard base64 of `bytes`.
std::string to_base64(std::string_view bytes);
/// Decodes standard base64 (white space ignored); an error when malformed.
Result<std::string> from_base64(std::string_view text);

}  // namespace relief::crypto
