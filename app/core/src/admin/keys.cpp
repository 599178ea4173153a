#include "relief/admin/keys.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <sodium.h>

#include "encoding.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::admin {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPublicTag = "relief-pack-public-key/1";
constexpr std::string_view kSecretTag = "relief-pack-secret-key/1";
constexpr std::size_t kMaxKeyFileBytes = 4096;

// "tag base64 [comment]" -> the base64 part, or empty when the tag is wrong.
std::string_view key_field(std::string_view text, std::string_view tag) {
  if (text.substr(0, tag.size()) != tag || text.size() <= tag.size() || text[tag.size()] != ' ') return {};
  text.remove_prefix(tag.size() + 1);
  const auto end = text.find_first_of(" \t\r\n");
  return end == std::string_view::npos ? text : text.substr(0, end);
}

}  // namespace

std::string PublicKey::fingerprint() const {
  unsigned char h[8];
  crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
  return detail::to_hex(h, sizeof h);
}

std::string PublicKey::base64() const { return detail::to_base64(bytes.data(), bytes.size()); }

std::string trusted_keys_dir() {
  if (const char* env = std::getenv("RELIEF_TRUSTED_KEYS_DIR"); env && *env) return env;
  return "/etc/relief/trusted-keys";
}

Result<KeyFiles> generate_key_pair(const std::string& dir) {
  if (auto r = init_crypto(); !r) return tl::unexpected(r.error());
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(ErrorCode::Io, dir, "", "cannot create the folder: " + ec.message());
  KeyFiles files{dir + "/relief-pack.pub", dir + "/relief-pack.key", {}};
  for (const auto& f : {files.public_file, files.secret_file}) {
    if (fs::exists(f, ec)) {
      return fail(ErrorCode::BadInput, f, "", "already exists; move it away first (a key is never overwritten)");
    }
  }
  PublicKey pk;
  SecretBuffer sk(crypto_sign_SECRETKEYBYTES);
  if (!sk.ok()) return fail(ErrorCode::Internal, "", "", "cannot allocate protected memory for the key");
  crypto_sign_keypair(pk.bytes.data(), sk.data());
  sk.resize(crypto_sign_SECRETKEYBYTES);

  // The secret key's text goes straight from one protected buffer to the
  // file, never through a std::string.
  const std::size_t b64_len = sodium_base64_ENCODED_LEN(crypto_sign_SECRETKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
  SecretBuffer text(kSecretTag.size() + 1 + b64_len + 1);
  if (!text.ok()) return fail(ErrorCode::Internal, "", "", "cannot allocate protected memory for the key");
  std::memcpy(text.data(), kSecretTag.data(), kSecretTag.size());
  text.data()[kSecretTag.size()] = ' ';
  sodium_bin2base64(reinterpret_cast<char*>(text.data() + kSecretTag.size() + 1), b64_len, sk.data(), sk.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  const std::size_t used = kSecretTag.size() + 1 + b64_len - 1;
  text.data()[used] = '\n';
  text.resize(used + 1);

  const int fd = ::open(files.secret_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return fail(ErrorCode::Io, files.secret_file, "", std::string("cannot create: ") + std::strerror(errno));
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(files.secret_file.c_str());
      return fail(ErrorCode::Io, files.secret_file, "", "writing failed (is the disk full?)");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(files.secret_file.c_str());
    return fail(ErrorCode::Io, files.secret_file, "", "writing failed (is the disk full?)");
  }
  const std::string pub_text = std::string(kPublicTag) + " " + pk.base64() + " " + pk.fingerprint() + "\n";
  if (auto r = util::write_file_atomically(files.public_file, pub_text); !r) {
    ::unlink(files.secret_file.c_str());
    return tl::unexpected(r.error());
  }
  fs::permissions(files.public_file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                         fs::perms::others_read,
                  ec);
  files.fingerprint = pk.fingerprint();
  return files;
}

Result<PublicKey> parse_public_key(const std::string& base64, const std::string& where) {
  auto bytes = detail::from_base64(base64);
  if (!bytes || bytes->size() != crypto_sign_PUBLICKEYBYTES) {
    return fail(ErrorCode::BadInput, where, "", "expected an Ed25519 public key (32 bytes in base64)");
  }
  PublicKey pk;
  std::copy(bytes->begin(), bytes->end(), pk.bytes.begin());
  pk.file = where;
  return pk;
}

Result<PublicKey> load_public_key(const std::string& file) {
  if (auto r = init_crypto(); !r) return tl::unexpected(r.error());
  auto text = util::read_file(file, kMaxKeyFileBytes);
  if (!text) return tl::unexpected(text.error());
  const auto field = key_field(*text, kPublicTag);
  if (field.empty()) {
    return fail(ErrorCode::BadInput, file, "",
                "expected a Relief public key file starting \"" + std::string(kPublicTag) +
                    "\" (made by `relief admin keygen`)");
  }
  return parse_public_key(std::string(field), file);
}

Result<SecretBuffer> load_secret_key(const std::string& file) {
  if (auto r = init_crypto(); !r) return tl::unexpected(r.error());
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return fail(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, file, "",
                err == ENOENT ? "file not found" : std::string("cannot read: ") + std::strerror(err));
  }
  SecretBuffer text(kMaxKeyFileBytes);
  for (;;) {
    unsigned char buf[256];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      sodium_memzero(buf, sizeof buf);
      break;
    }
    bool fits = true;
    for (ssize_t i = 0; i < n && fits; ++i) fits = text.push_back(buf[i]);
    sodium_memzero(buf, sizeof buf);
    if (!fits) {
      ::close(fd);
      return fail(ErrorCode::BadInput, file, "", "too large for a key file");
    }
  }
  ::close(fd);
  const auto field = key_field(text.view(), kSecretTag);
  SecretBuffer sk(crypto_sign_SECRETKEYBYTES);
  if (field.empty() || !detail::from_base64_secret(field, sk, crypto_sign_SECRETKEYBYTES)) {
    return fail(ErrorCode::BadInput, file, "",
                "expected a Relief secret key file starting \"" + std::string(kSecretTag) +
                    "\" (made by `relief admin keygen`)");
  }
  return sk;
}

Result<std::vector<PublicKey>> load_trusted_keys(const std::string& dir) {
  std::vector<PublicKey> keys;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return keys;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".pub" && e.is_regular_file(ec)) files.push_back(e.path());
  }
  if (ec) return fail(ErrorCode::Io, dir, "", "cannot list the folder: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto k = load_public_key(f.string());
    if (!k) return tl::unexpected(k.error());
    keys.push_back(*k);
  }
  return keys;
}

}  // namespace relief::admin
