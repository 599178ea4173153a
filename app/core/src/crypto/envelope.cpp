#include "relief/crypto/envelope.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <sodium.h>

#include "relief/util/atomic_file.hpp"

namespace relief::crypto {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPublicTag = "relief-clinic-public-key/1 ";
constexpr std::string_view kSecretTag = "relief-clinic-secret-key/1 ";
constexpr std::string_view kIntakeMagic = "relief.intake/1\n";
constexpr std::string_view kExportMagic = "relief.case-export/1\n";
constexpr std::size_t kKeyFileMax = 256;

tl::unexpected<Error> with_file(Error e, const std::string& file) {
  e.file = file;
  return tl::unexpected<Error>(std::move(e));
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[static_cast<size_t>(i)]);
  return v;
}

}  // namespace

Result<ClinicKeyFiles> write_clinic_key_pair(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(ErrorCode::Io, dir, "keygen", "cannot create the folder: " + ec.message());
  ClinicKeyFiles files{(fs::path(dir) / "relief-clinic.pub").string(), (fs::path(dir) / "relief-clinic.key").string()};
  for (const auto& f : {files.public_file, files.secret_file}) {
    if (fs::exists(f, ec)) return fail(ErrorCode::BadInput, f, "keygen", "already exists; refusing to overwrite a key");
  }
  auto kp = generate_box_key_pair();
  if (!kp) return tl::unexpected(kp.error());
  // The secret key's text is built in protected memory, never a std::string.
  const std::size_t b64 = sodium_base64_ENCODED_LEN(kBoxKeyBytes, sodium_base64_VARIANT_ORIGINAL);
  SecretBuffer text(kSecretTag.size() + b64 + 1);
  if (!text.ok()) return fail(ErrorCode::Internal, files.secret_file, "keygen", "cannot allocate protected memory");
  std::memcpy(text.data(), kSecretTag.data(), kSecretTag.size());
  sodium_bin2base64(reinterpret_cast<char*>(text.data() + kSecretTag.size()), b64, kp->secret_key.data(), kBoxKeyBytes,
                    sodium_base64_VARIANT_ORIGINAL);
  std::size_t len = kSecretTag.size() + std::strlen(reinterpret_cast<char*>(text.data() + kSecretTag.size()));
  text.data()[len++] = '\n';
  text.resize(len);
  if (auto r = util::write_file_atomically(files.secret_file, text.view()); !r) return tl::unexpected(r.error());
  if (auto r = util::write_file_atomically(files.public_file,
                                           std::string(kPublicTag) + to_base64(kp->public_key) + "\n");
      !r) {
    fs::remove(files.secret_file, ec);
    return tl::unexpected(r.error());
  }
  fs::permissions(files.public_file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                         fs::perms::others_read, ec);
  return files;
}

Result<std::string> load_clinic_public_key(const std::string& file) {
  auto text = util::read_file(file, kKeyFileMax);
  if (!text) return tl::unexpected(text.error());
  if (text->rfind(kPublicTag, 0) != 0) {
    return fail(ErrorCode::BadInput, file, "public key", "expected a clinic public key (relief-clinic-public-key/1)");
  }
  auto key = from_base64(std::string_view(*text).substr(kPublicTag.size()));
  if (!key || key->size() != kBoxKeyBytes) return fail(ErrorCode::BadInput, file, "public key", "the key is malformed");
  return *key;
}

Result<SecretBuffer> load_clinic_secret_key(const std::string& file) {
  if (auto r = init(); !r) return tl::unexpected(r.error());
  SecretBuffer text(kKeyFileMax);
  SecretBuffer key(kBoxKeyBytes);
  if (!text.ok() || !key.ok()) return fail(ErrorCode::Internal, file, "secret key", "cannot allocate protected memory");
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return fail(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, file, "secret key", std::strerror(err));
  }
  std::size_t got = 0;
  for (;;) {
    const ssize_t n = ::read(fd, text.data() + got, text.capacity() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
    if (got == text.capacity()) break;
  }
  ::close(fd);
  text.resize(got);
  const std::string_view v = text.view();
  if (v.rfind(kSecretTag, 0) != 0) {
    return fail(ErrorCode::BadInput, file, "secret key", "expected a clinic secret key (relief-clinic-secret-key/1)");
  }
  const std::string_view b64 = v.substr(kSecretTag.size());
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(key.data(), key.capacity(), b64.data(), b64.size(), " \t\r\n", &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != b64.data() + b64.size() || len != kBoxKeyBytes) {
    return fail(ErrorCode::BadInput, file, "secret key", "the key is malformed");
  }
  key.resize(len);
  return key;
}

Result<std::string> seal_intake(std::string_view plain, std::string_view clinic_public_key, const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return fail(ErrorCode::NotFound, dir, "intake", "the output folder does not exist");
  auto sealed = seal_to(clinic_public_key, plain);
  if (!sealed) return with_file(sealed.error(), dir);
  // A random name: the file name says nothing about the person.
  std::string name;
  for (unsigned char c : random_bytes(12)) {
    static constexpr char kHex[] = "0123456789abcdef";
    name += kHex[c >> 4];
    name += kHex[c & 15];
  }
  const std::string path = (fs::path(dir) / (name + ".reliefintake")).string();
  if (auto r = util::write_file_atomically(path, std::string(kIntakeMagic) + *sealed); !r) return tl::unexpected(r.error());
  return path;
}

Result<std::string> open_intake(const std::string& file, const SecretBuffer& clinic_secret_key) {
  auto data = util::read_file(file, kMaxEnvelopeBytes);
  if (!data) return tl::unexpected(data.error());
  if (data->rfind(kIntakeMagic, 0) != 0) {
    return fail(ErrorCode::BadInput, file, "intake", "not a Relief intake file (relief.intake/1)");
  }
  auto plain = open_sealed(clinic_secret_key, std::string_view(*data).substr(kIntakeMagic.size()));
  if (!plain) return with_file(plain.error(), file);
  return plain;
}

Result<void> export_encrypted(std::string_view plain, const SecretBuffer& passphrase, const std::string& out_file,
                              const KdfCost& cost) {
  if (passphrase.size() < kMinPassphraseBytes) {
    return fail(ErrorCode::BadInput, out_file, "passphrase",
                "expected a passphrase of at least " + std::to_string(kMinPassphraseBytes) + " characters");
  }
  std::string header(kExportMagic);
  const std::string salt = random_bytes(kSaltBytes);
  header += salt;
  put_u64(header, cost.ops);
  put_u64(header, cost.mem);
  auto key = derive_key(passphrase, salt, cost);
  if (!key) return with_file(key.error(), out_file);
  auto body = seal(*key, plain, header);
  if (!body) return with_file(body.error(), out_file);
  return util::write_file_atomically(out_file, header + *body);
}

Result<std::string> import_encrypted(const std::string& file, const SecretBuffer& passphrase) {
  auto data = util::read_file(file, kMaxEnvelopeBytes);
  if (!data) return tl::unexpected(data.error());
  const std::size_t header_len = kExportMagic.size() + kSaltBytes + 16;
  if (data->rfind(kExportMagic, 0) != 0 || data->size() < header_len + kSealOverhead) {
    return fail(ErrorCode::BadInput, file, "export", "not a Relief case export (relief.case-export/1)");
  }
  const std::string_view v(*data);
  const std::string_view header = v.substr(0, header_len);
  const KdfCost cost{get_u64(v.substr(kExportMagic.size() + kSaltBytes, 8)),
                     static_cast<std::size_t>(get_u64(v.substr(kExportMagic.size() + kSaltBytes + 8, 8)))};
  if (!cost.sane()) return fail(ErrorCode::BadInput, file, "export header", "the key-derivation settings are out of range");
  auto key = derive_key(passphrase, v.substr(kExportMagic.size(), kSaltBytes), cost);
  if (!key) return with_file(key.error(), file);
  auto plain = open(*key, v.substr(header_len), header);
  if (!plain) return with_file(plain.error(), file);
  return plain;
}

}  // namespace relief::crypto
