#include "relief/admin/pack.hpp"

// A rule pack is one JSON document (see installer/README.md, "Rule packs"):
//
//   {"format": "relief.pack/1",
//    "manifest": "<base64 of the manifest's exact bytes>",
//    "public_key": "<base64 Ed25519 public key of the signer>",
//    "signature": "<base64 Ed25519 signature of kSignContext + manifest bytes>",
//    "files": {"rules/ny/rules.json": "<base64 content>", ...}}
//
// The manifest lists every file with its size and SHA-256, so the one
// signature covers every byte. It is carried as base64 so the signed bytes
// are exactly the bytes verified: no JSON canonicalisation is needed.

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "encoding.hpp"
#include "relief/admin/keys.hpp"
#include "relief/rules/ruleset.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::admin {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kFormat = "relief.pack/1";
constexpr std::string_view kManifestSchema = "relief.pack-manifest/1";
// Signed before the manifest so a signature made for anything else (another
// program using the same key type) can never pass as a pack signature.
constexpr std::string_view kSignContext = "relief.pack/1 manifest\n";
constexpr std::size_t kMaxPackBytes = 96u * 1024 * 1024;
constexpr std::size_t kMaxContentBytes = 64u * 1024 * 1024;
constexpr std::size_t kMaxFiles = 20000;
constexpr std::size_t kMaxIssuesShown = 10;

#define RELIEF_TRY(expr)                                            \
  do {                                                              \
    if (auto r_ = (expr); !r_) return tl::unexpected(r_.error());   \
  } while (0)

bool safe_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_';
}

bool safe_component(std::string_view c) {
  return !c.empty() && c.size() <= 100 && c[0] != '.' && std::all_of(c.begin(), c.end(), safe_name_char);
}

// A version names a folder under packs/: no path tricks, not our link names.
bool safe_version(const std::string& v) {
  return v.size() <= 64 && safe_component(v) && v != "current" && v != "previous";
}

// "rules/…" or "forms/…", relative, no "..", no hidden parts, no odd bytes.
bool safe_pack_path(const std::string& p) {
  if (p.size() > 255) return false;
  std::vector<std::string_view> parts;
  std::string_view rest = p;
  while (true) {
    const auto slash = rest.find('/');
    parts.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (parts.size() < 2 || parts.size() > 10) return false;
  if (parts[0] != "rules" && parts[0] != "forms") return false;
  return std::all_of(parts.begin(), parts.end(), safe_component);
}

std::string utc_now(const char* format) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string random_suffix() {
  unsigned char b[6];
  randombytes_buf(b, sizeof b);
  return detail::to_hex(b, sizeof b);
}

json manifest_to_json(const PackManifest& m) {
  json js = json::array();
  for (const auto& j : m.jurisdictions) {
    js.push_back({{"code", j.code}, {"name", j.name}, {"rules_version", j.rules_version}, {"reviewed", j.reviewed}});
  }
  json fs_ = json::array();
  for (const auto& f : m.files) fs_.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  return {{"schema", kManifestSchema},
          {"pack_version", m.pack_version},
          {"created", m.created},
          {"jurisdictions", js},
          {"files", fs_}};
}

Result<PackManifest> manifest_from_json(const std::string& bytes, const std::string& file) {
  json doc;
  try {
    doc = json::parse(bytes);
  } catch (const json::exception& e) {
    return fail(ErrorCode::BadInput, file, "manifest", std::string("not valid JSON: ") + e.what());
  }
  auto text = [&](const json& obj, const char* key, const std::string& path) -> Result<std::string> {
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) {
      return fail(ErrorCode::BadInput, file, path + "." + key, "expected text");
    }
    return obj[key].get<std::string>();
  };
  if (!doc.is_object() || doc.value("schema", json()) != json(std::string(kManifestSchema))) {
    return fail(ErrorCode::Incompatible, file, "manifest.schema",
                "expected \"" + std::string(kManifestSchema) + "\" (made by a newer Relief?)");
  }
  PackManifest m;
  auto v = text(doc, "pack_version", "manifest");
  if (!v) return tl::unexpected(v.error());
  if (!safe_version(*v)) {
    return fail(ErrorCode::BadInput, file, "manifest.pack_version",
                "expected letters, digits, '.', '-' or '_' (at most 64), got \"" + *v + "\"");
  }
  m.pack_version = *v;
  auto c = text(doc, "created", "manifest");
  if (!c) return tl::unexpected(c.error());
  m.created = *c;
  if (!doc.contains("jurisdictions") || !doc["jurisdictions"].is_array()) {
    return fail(ErrorCode::BadInput, file, "manifest.jurisdictions", "expected a list");
  }
  for (std::size_t i = 0; i < doc["jurisdictions"].size(); ++i) {
    const json& j = doc["jurisdictions"][i];
    const std::string path = "manifest.jurisdictions[" + std::to_string(i) + "]";
    PackJurisdiction pj;
    for (auto [key, out] : {std::pair{"code", &pj.code}, {"name", &pj.name}, {"rules_version", &pj.rules_version},
                            {"reviewed", &pj.reviewed}}) {
      auto t = text(j, key, path);
      if (!t) return tl::unexpected(t.error());
      *out = *t;
    }
    m.jurisdictions.push_back(pj);
  }
  if (!doc.contains("files") || !doc["files"].is_array()) {
    return fail(ErrorCode::BadInput, file, "manifest.files", "expected a list");
  }
  if (doc["files"].size() > kMaxFiles) {
    return fail(ErrorCode::BadInput, file, "manifest.files", "too many files (the limit is " + std::to_string(kMaxFiles) + ")");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < doc["files"].size(); ++i) {
    const json& f = doc["files"][i];
    const std::string path = "manifest.files[" + std::to_string(i) + "]";
    PackFile pf;
    auto p = text(f, "path", path);
    if (!p) return tl::unexpected(p.error());
    if (!safe_pack_path(*p)) {
      return fail(ErrorCode::BadInput, file, path + ".path",
                  "expected a relative path under rules/ or forms/ (no \"..\", no hidden names), got \"" + *p + "\"");
    }
    if (!seen.insert(*p).second) return fail(ErrorCode::BadInput, file, path + ".path", "listed twice: " + *p);
    pf.path = *p;
    auto h = text(f, "sha256", path);
    if (!h) return tl::unexpected(h.error());
    pf.sha256 = *h;
    if (!f.contains("size") || !f["size"].is_number_unsigned()) {
      return fail(ErrorCode::BadInput, file, path + ".size", "expected a number of bytes");
    }
    pf.size = f["size"].get<std::size_t>();
    m.files.push_back(pf);
  }
  return m;
}

// Writes one unpacked file readable by everyone (the kiosk account reads the
// rules), durably: the pack only becomes current after every file is on disk.
Result<void> write_public_file(const fs::path& path, std::string_view data) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return fail(ErrorCode::Io, path.parent_path().string(), "", "cannot create the folder: " + ec.message());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return fail(ErrorCode::Io, path.string(), "", std::string("cannot create: ") + std::strerror(errno));
  ::fchmod(fd, 0644);  // whatever the umask
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return fail(ErrorCode::Io, path.string(), "", "writing failed (is the disk full?)");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return fail(ErrorCode::Io, path.string(), "", "writing failed (is the disk full?)");
  }
  return {};
}

void sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Holds an exclusive lock on <packs>/.lock: two installs (or an install and a
// rollback) never interleave their link swaps.
class PackLock {
 public:
  explicit PackLock(const fs::path& packs) {
    fd_ = ::open((packs / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~PackLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  PackLock(const PackLock&) = delete;
  PackLock& operator=(const PackLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

Result<fs::path> packs_dir(const std::string& state_dir, bool create) {
  const fs::path packs = fs::path(state_dir) / "packs";
  if (create) {
    std::error_code ec;
    fs::create_directories(packs, ec);
    if (ec) {
      return fail(ErrorCode::Io, packs.string(), "",
                  "cannot create the folder: " + ec.message() + " (installing packs needs the administrator: sudo)");
    }
    ::chmod(fs::path(state_dir).c_str(), 0755);
    ::chmod(packs.c_str(), 0755);
  }
  return packs;
}

// The version a link (current / previous) points at, or empty.
std::string link_target(const fs::path& link) {
  std::error_code ec;
  if (!fs::is_symlink(link, ec)) return {};
  const std::string t = fs::read_symlink(link, ec).string();
  return !ec && safe_version(t) ? t : std::string();
}

// Points `link` at `version` (or removes it when `version` is empty) with a
// rename, so a reader sees the old target or the new one, never neither.
Result<void> set_link(const fs::path& packs, const std::string& name, const std::string& version) {
  const fs::path link = packs / name;
  std::error_code ec;
  if (version.empty()) {
    fs::remove(link, ec);
    if (ec) return fail(ErrorCode::Io, link.string(), "", "cannot remove: " + ec.message());
    return {};
  }
  const fs::path tmp = packs / ("." + name + ".tmp-" + random_suffix());
  fs::create_symlink(version, tmp, ec);
  if (ec) return fail(ErrorCode::Io, tmp.string(), "", "cannot create a link: " + ec.message());
  if (::rename(tmp.c_str(), link.c_str()) != 0) {
    const int err = errno;
    fs::remove(tmp, ec);
    return fail(ErrorCode::Io, link.string(), "", std::string("cannot switch the link: ") + std::strerror(err));
  }
  return {};
}

Result<InstalledPack> read_installed(const fs::path& packs, const std::string& version) {
  const fs::path dir = packs / version;
  auto bytes = util::read_file((dir / "manifest.json").string(), 16u * 1024 * 1024);
  if (!bytes) return tl::unexpected(bytes.error());
  auto m = manifest_from_json(*bytes, (dir / "manifest.json").string());
  if (!m) return tl::unexpected(m.error());
  InstalledPack p;
  p.dir = dir.string();
  p.manifest = std::move(*m);
  if (auto sig = util::read_file((dir / "signature.json").string(), 4096)) {
    try {
      const json s = json::parse(*sig);
      if (s.is_object() && s.contains("public_key") && s["public_key"].is_string()) {
        if (auto pk = parse_public_key(s["public_key"].get<std::string>(), "signature.json")) {
          p.signer = pk->fingerprint();
        }
      }
    } catch (const json::exception&) {
      // The fingerprint is only shown; a damaged copy leaves it blank.
    }
  }
  return p;
}

// Removes every pack folder that neither link points at, and the leftovers
// of installs that were cut short. Called with the lock held.
void prune(const fs::path& packs) {
  const std::string keep1 = link_target(packs / "current");
  const std::string keep2 = link_target(packs / "previous");
  std::error_code ec;
  std::vector<fs::path> doomed;
  for (const auto& e : fs::directory_iterator(packs, ec)) {
    const std::string name = e.path().filename().string();
    if (name == ".lock" || name == "current" || name == "previous") continue;
    if (name == keep1 || name == keep2) continue;
    doomed.push_back(e.path());
  }
  for (const auto& p : doomed) fs::remove_all(p, ec);
}

std::string issues_text(const std::vector<rules::Issue>& issues) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& i : issues) {
    if (!i.error) continue;
    if (++shown > kMaxIssuesShown) {
      out += "\n  ...";
      break;
    }
    out += "\n  " + i.to_string();
  }
  return out;
}

}  // namespace

Result<PackManifest> build_pack(const BuildPackOptions& opts) {
  RELIEF_TRY(init_crypto());
  auto sk = load_secret_key(opts.secret_key_file);
  if (!sk) return tl::unexpected(sk.error());

  PackManifest m;
  m.pack_version = opts.pack_version.empty() ? utc_now("%Y%m%dT%H%M%SZ") : opts.pack_version;
  if (!safe_version(m.pack_version)) {
    return fail(ErrorCode::BadInput, "", "--pack-version",
                "expected letters, digits, '.', '-' or '_' (at most 64, not starting with '.'), got \"" +
                    m.pack_version + "\"");
  }
  m.created = utc_now("%Y-%m-%dT%H:%M:%SZ");

  std::vector<rules::Issue> issues;
  auto lib = rules::load_library(opts.rules_dir, issues);
  if (lib) {
    for (const auto& s : lib->sets) {
      m.jurisdictions.push_back({s.jurisdiction, s.name, s.version, s.reviewed.iso()});
    }
  } else if (opts.check_rules) {
    return fail(ErrorCode::BadInput, opts.rules_dir, "",
                "the rules are not valid, so no pack was made:" + issues_text(issues));
  }

  std::map<std::string, std::string> contents;  // pack path -> bytes, sorted
  std::size_t total = 0;
  for (auto [prefix, dir] : {std::pair<std::string, std::string>{"rules", opts.rules_dir}, {"forms", opts.forms_dir}}) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return fail(ErrorCode::NotFound, dir, "", "expected a folder of " + prefix);
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;  // editor and version-control leftovers are not law
      }
      if (!it->is_regular_file(ec)) continue;
      const std::string rel = prefix + "/" + fs::relative(it->path(), dir, ec).generic_string();
      if (!safe_pack_path(rel)) {
        return fail(ErrorCode::BadInput, it->path().string(), "",
                    "cannot go into a pack: names may use letters, digits, '.', '-' and '_' only");
      }
      auto data = util::read_file(it->path().string(), kMaxContentBytes);
      if (!data) return tl::unexpected(data.error());
      total += data->size();
      if (total > kMaxContentBytes || contents.size() >= kMaxFiles) {
        return fail(ErrorCode::BadInput, dir, "", "too much for one pack (64 MiB, 20000 files at most)");
      }
      contents.emplace(rel, std::move(*data));
    }
    if (ec) return fail(ErrorCode::Io, dir, "", "cannot read the folder: " + ec.message());
  }

  json files = json::object();
  for (const auto& [path, data] : contents) {
    m.files.push_back({path, data.size(), detail::sha256_hex(data)});
    files[path] = detail::to_base64(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  }
  const std::string manifest_bytes = manifest_to_json(m).dump(2) + "\n";
  const std::string message = std::string(kSignContext) + manifest_bytes;
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       sk->data());
  PublicKey pk;
  crypto_sign_ed25519_sk_to_pk(pk.bytes.data(), sk->data());

  const json pack = {{"format", kFormat},
                     {"manifest", detail::to_base64(reinterpret_cast<const unsigned char*>(manifest_bytes.data()),
                                                    manifest_bytes.size())},
                     {"public_key", pk.base64()},
                     {"signature", detail::to_base64(sig, sizeof sig)},
                     {"files", files}};
  RELIEF_TRY(util::write_file_atomically(opts.out_file, pack.dump(1) + "\n"));
  std::error_code ec;
  fs::permissions(opts.out_file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                     fs::perms::others_read,
                  ec);
  return m;
}

Result<InstalledPack> install_pack(const std::string& pack_file, const InstallOptions& opts) {
  RELIEF_TRY(init_crypto());
  const std::string& f = pack_file;
  auto text = util::read_file(f, kMaxPackBytes);
  if (!text) return tl::unexpected(text.error());
  json pack;
  try {
    pack = json::parse(*text);
  } catch (const json::exception& e) {
    return fail(ErrorCode::BadInput, f, "$", std::string("not a Relief rule pack (not valid JSON): ") + e.what());
  }
  text->clear();
  if (!pack.is_object() || pack.value("format", json()) != json(std::string(kFormat))) {
    return fail(ErrorCode::BadInput, f, "$.format", "expected \"" + std::string(kFormat) + "\": not a Relief rule pack");
  }

  // 1. Who signed it, and do we trust them?
  const std::string sig_b64 = pack.contains("signature") && pack["signature"].is_string()
                                  ? pack["signature"].get<std::string>()
                                  : std::string();
  const std::string pk_b64 = pack.contains("public_key") && pack["public_key"].is_string()
                                 ? pack["public_key"].get<std::string>()
                                 : std::string();
  if (sig_b64.empty() || pk_b64.empty()) {
    return fail(ErrorCode::BadInput, f, "$.signature",
                "refused: the pack is not signed (make packs with `relief admin pack --key ...`)");
  }
  auto signer = parse_public_key(pk_b64, f);
  if (!signer) return fail(ErrorCode::BadInput, f, "$.public_key", "refused: the signer's key is malformed");
  auto trusted = load_trusted_keys(opts.trusted_keys_dir);
  if (!trusted) return tl::unexpected(trusted.error());
  if (trusted->empty()) {
    return fail(ErrorCode::BadInput, opts.trusted_keys_dir, "",
                "refused: no trusted keys (*.pub) here; copy the public key of whoever signs your packs into this "
                "folder first");
  }
  if (std::find(trusted->begin(), trusted->end(), *signer) == trusted->end()) {
    return fail(ErrorCode::BadInput, f, "$.public_key",
                "refused: signed by key " + signer->fingerprint() + ", which is not one of the trusted keys in " +
                    opts.trusted_keys_dir);
  }

  // 2. Is the signature good for exactly this manifest?
  const std::optional<std::string> manifest_bytes =
      pack.contains("manifest") && pack["manifest"].is_string() ? detail::from_base64(pack["manifest"].get<std::string>())
                                                                : std::nullopt;
  const auto sig = detail::from_base64(sig_b64);
  if (!manifest_bytes || !sig || sig->size() != crypto_sign_BYTES) {
    return fail(ErrorCode::BadInput, f, "$.manifest", "refused: the manifest or the signature is malformed");
  }
  const std::string message = std::string(kSignContext) + *manifest_bytes;
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                  reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                  signer->bytes.data()) != 0) {
    return fail(ErrorCode::BadInput, f, "$.signature",
                "refused: the signature does not match; the pack was changed after it was signed");
  }
  auto manifest = manifest_from_json(*manifest_bytes, f);
  if (!manifest) return tl::unexpected(manifest.error());

  // 3. Does every file match the signed manifest, and nothing more?
  if (!pack.contains("files") || !pack["files"].is_object()) {
    return fail(ErrorCode::BadInput, f, "$.files", "expected an object of files");
  }
  const json& files = pack["files"];
  for (const auto& item : files.items()) {
    // A named copy, not a structured binding: clang 14 cannot capture those.
    const std::string path = item.key();
    const bool listed = std::any_of(manifest->files.begin(), manifest->files.end(),
                                    [&](const PackFile& pf) { return pf.path == path; });
    if (!listed) {
      return fail(ErrorCode::BadInput, f, "$.files[\"" + path + "\"]",
                  "refused: this file is not in the signed manifest (added after signing)");
    }
  }
  std::vector<std::string> contents;
  contents.reserve(manifest->files.size());
  for (const auto& pf : manifest->files) {
    const std::string where = "$.files[\"" + pf.path + "\"]";
    if (!files.contains(pf.path) || !files[pf.path].is_string()) {
      return fail(ErrorCode::BadInput, f, where, "refused: a file the signed manifest lists is missing");
    }
    auto data = detail::from_base64(files[pf.path].get<std::string>());
    if (!data || data->size() != pf.size || detail::sha256_hex(*data) != pf.sha256) {
      return fail(ErrorCode::BadInput, f, where,
                  "refused: " + pf.path + " does not match the signed manifest; it was changed after signing");
    }
    contents.push_back(std::move(*data));
  }
  pack = json();

  // 4. Unpack beside the installed packs, check the rules load, then switch.
  auto packs = packs_dir(opts.state_dir, true);
  if (!packs) return tl::unexpected(packs.error());
  PackLock lock(*packs);
  if (!lock.ok()) return fail(ErrorCode::Io, packs->string(), ".lock", "cannot lock the packs folder");
  const std::string current = link_target(*packs / "current");
  if (current == manifest->pack_version) {
    return fail(ErrorCode::BadInput, f, "manifest.pack_version",
                "pack " + manifest->pack_version + " is already the pack in use");
  }
  if (!current.empty() && !opts.allow_older) {
    if (auto in_use = read_installed(*packs, current); in_use && manifest->created < in_use->manifest.created) {
      return fail(ErrorCode::BadInput, f, "manifest.created",
                  "refused: this pack (made " + manifest->created + ") is older than the pack in use (" + current +
                      ", made " + in_use->manifest.created +
                      "); to go back use `relief admin rollback`, or install it with --allow-older");
    }
  }

  const fs::path incoming = *packs / (".incoming-" + manifest->pack_version + "-" + random_suffix());
  std::error_code ec;
  auto abandon = [&](Error e) -> Result<InstalledPack> {
    fs::remove_all(incoming, ec);
    return tl::unexpected(std::move(e));
  };
  fs::create_directory(incoming, ec);
  if (ec) return fail(ErrorCode::Io, incoming.string(), "", "cannot create: " + ec.message());
  ::chmod(incoming.c_str(), 0755);
  for (std::size_t i = 0; i < manifest->files.size(); ++i) {
    if (auto r = write_public_file(incoming / manifest->files[i].path, contents[i]); !r) return abandon(r.error());
  }
  if (auto r = write_public_file(incoming / "manifest.json", *manifest_bytes); !r) return abandon(r.error());
  const json sig_doc = {{"public_key", signer->base64()}, {"signature", sig_b64}};
  if (auto r = write_public_file(incoming / "signature.json", sig_doc.dump(2) + "\n"); !r) return abandon(r.error());
  fs::create_directories(incoming / "forms", ec);  // a pack may carry no forms
  for (const auto& e : fs::recursive_directory_iterator(incoming, ec)) {
    if (e.is_directory()) ::chmod(e.path().c_str(), 0755);
  }

  std::vector<rules::Issue> issues;
  auto lib = rules::load_library((incoming / "rules").string(), issues);
  if (!lib) {
    return abandon(Error{ErrorCode::BadInput, f, "rules",
                         "refused: the rules in the pack are not valid; the rules in use are unchanged:" +
                             issues_text(issues)});
  }
  // The manifest's versions are what the About screen shows: they must be
  // the versions of the files actually installed.
  for (const auto& s : lib->sets) {
    const bool listed =
        std::any_of(manifest->jurisdictions.begin(), manifest->jurisdictions.end(), [&](const PackJurisdiction& j) {
          return j.code == s.jurisdiction && j.rules_version == s.version && j.reviewed == s.reviewed.iso();
        });
    if (!listed || manifest->jurisdictions.size() != lib->sets.size()) {
      return abandon(Error{ErrorCode::BadInput, f, "manifest.jurisdictions",
                           "refused: the manifest's versions do not match the rules files (" + s.jurisdiction +
                               " version " + s.version + ", reviewed " + s.reviewed.iso() + ")"});
    }
  }

  const fs::path final_dir = *packs / manifest->pack_version;
  fs::remove_all(final_dir, ec);  // an old copy of the same version (never the one in use)
  if (::rename(incoming.c_str(), final_dir.c_str()) != 0) {
    return abandon(Error{ErrorCode::Io, final_dir.string(), "", std::string("cannot move into place: ") +
                                                                    std::strerror(errno)});
  }
  sync_dir(*packs);
  // The new pack becomes current in one rename; the old one becomes previous.
  if (auto r = set_link(*packs, "previous", current); !r) return tl::unexpected(r.error());
  if (auto r = set_link(*packs, "current", manifest->pack_version); !r) return tl::unexpected(r.error());
  sync_dir(*packs);
  prune(*packs);
  return read_installed(*packs, manifest->pack_version);
}

Result<PackStatus> pack_status(const std::string& state_dir) {
  auto packs = packs_dir(state_dir, false);
  if (!packs) return tl::unexpected(packs.error());
  PackStatus status;
  for (auto [name, out] : {std::pair{"current", &status.current}, {"previous", &status.previous}}) {
    const std::string version = link_target(*packs / name);
    if (version.empty()) continue;
    auto p = read_installed(*packs, version);
    if (!p) return tl::unexpected(p.error());
    *out = std::move(*p);
  }
  return status;
}

Result<PackStatus> rollback_pack(const std::string& state_dir) {
  auto packs = packs_dir(state_dir, false);
  if (!packs) return tl::unexpected(packs.error());
  std::error_code ec;
  if (!fs::is_directory(*packs, ec)) {
    return fail(ErrorCode::NotFound, packs->string(), "", "no rule pack was ever installed; nothing to roll back");
  }
  {
    PackLock lock(*packs);
    if (!lock.ok()) return fail(ErrorCode::Io, packs->string(), ".lock", "cannot lock the packs folder");
    const std::string current = link_target(*packs / "current");
    const std::string previous = link_target(*packs / "previous");
    if (current.empty() && previous.empty()) {
      return fail(ErrorCode::NotFound, packs->string(), "", "no rule pack was ever installed; nothing to roll back");
    }
    if (!previous.empty() && !fs::is_directory(*packs / previous, ec)) {
      return fail(ErrorCode::NotFound, (*packs / previous).string(), "", "the previous pack is missing");
    }
    // current first: should the second step not happen, the rules in use
    // are already the ones asked for.
    if (auto r = set_link(*packs, "current", previous); !r) return tl::unexpected(r.error());
    if (auto r = set_link(*packs, "previous", current); !r) return tl::unexpected(r.error());
    sync_dir(*packs);
  }
  return pack_status(state_dir);
}

}  // namespace relief::admin
