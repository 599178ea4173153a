#pragma once
#include <string>
#include <string_view>

#include "relief/crypto/crypto.hpp"
#include "relief/error.hpp"

namespace relief::crypto {

/// The most bytes a sealed intake or an exported case may have.
inline constexpr std::size_t kMaxEnvelopeBytes = 16 * 1024 * 1024;
/// The fewest bytes a passphrase for an exported case may have.
inline constexpr std::size_t kMinPassphraseBytes = 8;

/// The files `relief intake keygen` writes.
struct ClinicKeyFiles {
  std::string public_file;  ///< <dir>/relief-clinic.pub: copy it to every kiosk
  std::string secret_file;  ///< <dir>/relief-clinic.key (0600): never on a kiosk
};

/// Makes a clinic key pair in `dir` (created 0700 when missing); refuses to
/// overwrite existing key files.
Result<ClinicKeyFiles> write_clinic_key_pair(const std::string& dir);
/// Reads a clinic public key file ("relief-clinic-public-key/1 <base64>").
Result<std::string> load_clinic_public_key(const std::string& file);
/// Reads a clinic secret key file straight into protected memory.
Result<SecretBuffer> load_clinic_secret_key(const std::string& file);

/// Seals `plain` (a case's JSON) to the clinic key and writes it atomically
/// as `<dir>/<random>.reliefintake` (0600). Returns the path. The writer
/// keeps nothing that could open it again.
Result<std::string> seal_intake(std::string_view plain, std::string_view clinic_public_key, const std::string& dir);
/// Opens a .reliefintake file with the clinic's secret key.
Result<std::string> open_intake(const std::string& file, const SecretBuffer& clinic_secret_key);

/// Encrypts `plain` under `passphrase` (Argon2id + XChaCha20-Poly1305) and
/// writes it atomically to `out_file` (0600). The header (format, salt, cost)
/// is authenticated, so a changed header fails to open.
Result<void> export_encrypted(std::string_view plain, const SecretBuffer& passphrase, const std::string& out_file,
                              const KdfCost& cost = KdfCost::moderate());
/// Reads and decrypts a file written by export_encrypted(); a wrong
/// passphrase gives an error and no data.
Result<std::string> import_encrypted(const std::string& file, const SecretBuffer& passphrase);

}  // namespace relief::crypto
