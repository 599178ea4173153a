#include "relief/crypto/crypto.hpp"

#include <cstring>

#include <sodium.h>

namespace relief::crypto {
namespace {

constexpr unsigned char kSealVersion = 0x01;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(kSealOverhead == 1 + kNonceBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kBoxKeyBytes == crypto_box_PUBLICKEYBYTES && kBoxKeyBytes == crypto_box_SECRETKEYBYTES);

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

Result<void> init() { return admin::init_crypto(); }

KdfCost KdfCost::interactive() { return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }
KdfCost KdfCost::moderate() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }

bool KdfCost::sane() const {
  return ops >= crypto_pwhash_OPSLIMIT_MIN && ops <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
         mem >= crypto_pwhash_MEMLIMIT_MIN && mem <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (init() && n) randombytes_buf(out.data(), n);
  return out;
}

std::string random_code(int groups) {
  // Crockford-style alphabet: nothing a tired person confuses (0/O, 1/I/L).
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  std::string out;
  if (!init()) return out;
  for (int g = 0; g < groups; ++g) {
    if (g) out += '-';
    for (int i = 0; i < 4; ++i) out += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  }
  return out;
}

Result<SecretBuffer> derive_key(const SecretBuffer& secret, std::string_view salt, const KdfCost& cost) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  if (salt.size() != crypto_pwhash_SALTBYTES) return fail(ErrorCode::Corrupt, "", "key derivation", "the salt has the wrong size");
  if (!cost.sane()) return fail(ErrorCode::Corrupt, "", "key derivation", "the key-derivation settings are out of range");
  SecretBuffer key(kKeyBytes);
  if (!key.ok()) return fail(ErrorCode::Internal, "", "key derivation", "cannot allocate protected memory");
  if (crypto_pwhash(key.data(), kKeyBytes, reinterpret_cast<const char*>(secret.data()), secret.size(), bytes(salt),
                    cost.ops, cost.mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(ErrorCode::Internal, "", "key derivation", "not enough memory to derive the key");
  }
  key.resize(kKeyBytes);
  return key;
}

Result<std::string> seal(const SecretBuffer& key, std::string_view plain, std::string_view context) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  if (key.size() != kKeyBytes) return fail(ErrorCode::Internal, "", "encrypt", "the key has the wrong size");
  std::string out(kSealOverhead + plain.size(), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  o[0] = kSealVersion;
  randombytes_buf(o + 1, kNonceBytes);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(o + 1 + kNonceBytes, &clen, bytes(plain), plain.size(), bytes(context),
                                             context.size(), nullptr, o + 1, key.data());
  out.resize(1 + kNonceBytes + clen);
  return out;
}

Result<std::string> open(const SecretBuffer& key, std::string_view sealed, std::string_view context) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  if (key.size() != kKeyBytes) return fail(ErrorCode::Internal, "", "decrypt", "the key has the wrong size");
  if (sealed.size() < kSealOverhead || static_cast<unsigned char>(sealed[0]) != kSealVersion) {
    return fail(ErrorCode::Corrupt, "", "decrypt", "not an encrypted Relief record (or from a newer Relief)");
  }
  std::string out(sealed.size() - kSealOverhead, '\0');
  unsigned long long mlen = 0;
  const auto* s = bytes(sealed);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr,
                                                 s + 1 + kNonceBytes, sealed.size() - 1 - kNonceBytes,
                                                 bytes(context), context.size(), s + 1, key.data()) != 0) {
    sodium_memzero(out.data(), out.size());
    return fail(ErrorCode::BadInput, "", "decrypt", "wrong key or passphrase, or the data was changed");
  }
  out.resize(mlen);
  return out;
}

Result<BoxKeyPair> generate_box_key_pair() {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  BoxKeyPair kp;
  if (!kp.secret_key.ok()) return fail(ErrorCode::Internal, "", "keygen", "cannot allocate protected memory");
  kp.public_key.assign(kBoxKeyBytes, '\0');
  crypto_box_keypair(reinterpret_cast<unsigned char*>(kp.public_key.data()), kp.secret_key.data());
  kp.secret_key.resize(kBoxKeyBytes);
  return kp;
}

Result<std::string> seal_to(std::string_view public_key, std::string_view plain) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  if (public_key.size() != kBoxKeyBytes) return fail(ErrorCode::BadInput, "", "seal", "the clinic public key has the wrong size");
  std::string out(crypto_box_SEALBYTES + plain.size(), '\0');
  if (crypto_box_seal(reinterpret_cast<unsigned char*>(out.data()), bytes(plain), plain.size(), bytes(public_key)) != 0) {
    return fail(ErrorCode::BadInput, "", "seal", "the clinic public key is not usable");
  }
  return out;
}

Result<std::string> open_sealed(const SecretBuffer& secret_key, std::string_view sealed) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  if (secret_key.size() != kBoxKeyBytes) return fail(ErrorCode::BadInput, "", "open", "the clinic secret key has the wrong size");
  if (sealed.size() < crypto_box_SEALBYTES) return fail(ErrorCode::BadInput, "", "open", "too short to be a sealed intake");
  unsigned char pk[crypto_box_PUBLICKEYBYTES];
  crypto_scalarmult_base(pk, secret_key.data());
  std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), bytes(sealed), sealed.size(), pk,
                           secret_key.data()) != 0) {
    return fail(ErrorCode::BadInput, "", "open", "not sealed to this clinic's key, or the file was changed");
  }
  return out;
}

std::string to_base64(std::string_view b) {
  if (!init()) return {};
  std::string out(sodium_base64_ENCODED_LEN(b.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes(b), b.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> from_base64(std::string_view text) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  std::string out(text.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \t\r\n",
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return fail(ErrorCode::BadInput, "", "base64", "malformed base64");
  }
  out.resize(len);
  return out;
}

}  // namespace relief::crypto
