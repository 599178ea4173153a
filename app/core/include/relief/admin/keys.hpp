#pragma once
#include <array>
#include <string>
#include <vector>

#include "relief/admin/secret.hpp"
#include "relief/error.hpp"

namespace relief::admin {

/// An Ed25519 public key that signs rule packs.
struct PublicKey {
  std::array<unsigned char, 32> bytes{};
  std::string file;  ///< where it was read from (empty when not from a file)

  /// A short, readable fingerprint: 16 hex digits of the key's BLAKE2b hash.
  std::string fingerprint() const;
  /// The key as base64 (how pack files and .pub files write it).
  std::string base64() const;
  /// Byte-wise equality.
  bool operator==(const PublicKey& o) const { return bytes == o.bytes; }
};

/// The files `relief admin keygen` writes.
struct KeyFiles {
  std::string public_file;  ///< <dir>/relief-pack.pub (give it to every machine)
  std::string secret_file;  ///< <dir>/relief-pack.key (mode 0600; keep it off kiosks)
  std::string fingerprint;
};

/// Makes a new Ed25519 key pair in `dir` (created if missing). Refuses to
/// overwrite existing key files.
Result<KeyFiles> generate_key_pair(const std::string& dir);
/// Reads a public key file ("relief-pack-public-key/1 <base64>").
Result<PublicKey> load_public_key(const std::string& file);
/// Parses a public key from its base64 text; `where` names it in errors.
Result<PublicKey> parse_public_key(const std::string& base64, const std::string& where);
/// Reads a secret key file into a wiped-on-free buffer of
/// crypto_sign_SECRETKEYBYTES bytes; the text never enters a std::string.
Result<SecretBuffer> load_secret_key(const std::string& file);
/// Every *.pub file in `dir`, sorted by file name; a file that is not a key
/// is an error. A missing folder gives an empty list.
Result<std::vector<PublicKey>> load_trusted_keys(const std::string& dir);
/// The folder of trusted keys: $RELIEF_TRUSTED_KEYS_DIR if set, else
/// /etc/relief/trusted-keys.
std::string trusted_keys_dir();

}  // namespace relief::admin
