#include "relief/i18n/catalog.hpp"

#include <cstdint>
#include <filesystem>

#include "relief/util/atomic_file.hpp"

namespace relief::i18n {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;
constexpr std::size_t kMaxCatalogBytes = 16u << 20;

std::uint32_t swap32(std::uint32_t v) {
  return ((v & 0xFFu) << 24) | ((v & 0xFF00u) << 8) | ((v >> 8) & 0xFF00u) | (v >> 24);
}

}  // namespace

Result<Catalog> Catalog::parse(std::string_view bytes, const std::string& file, const std::string& lang) {
  auto bad = [&](const std::string& what) {
    return fail(ErrorCode::Corrupt, file, "", "not a valid gettext .mo catalog: " + what +
                                                 " (rebuild it with msgfmt)");
  };
  if (bytes.size() < 28) return bad("too short");
  bool swapped = false;
  auto word = [&](std::size_t off) -> std::uint32_t {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[off + i])) << (8 * i);
    return swapped ? swap32(v) : v;
  };
  const std::uint32_t magic = word(0);
  if (magic == kMagicSwapped) {
    swapped = true;
  } else if (magic != kMagic) {
    return bad("wrong magic number");
  }
  if (word(4) >> 16 != 0) return bad("unsupported major revision");
  const std::uint32_t n = word(8);
  const std::uint32_t orig = word(12);
  const std::uint32_t trans = word(16);
  auto table_ok = [&](std::uint32_t off) {
    return off <= bytes.size() && static_cast<std::uint64_t>(n) * 8 <= bytes.size() - off;
  };
  if (!table_ok(orig) || !table_ok(trans)) return bad("string table outside the file");

  Catalog c;
  c.lang_ = lang;
  auto string_at = [&](std::uint32_t table, std::uint32_t i, std::string_view& out) {
    const std::uint32_t len = word(table + 8 * i);
    const std::uint32_t off = word(table + 8 * i + 4);
    if (off > bytes.size() || len >= bytes.size() - off) return false;
    out = bytes.substr(off, len);
    return true;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string_view id;
    std::string_view str;
    if (!string_at(orig, i, id) || !string_at(trans, i, str)) return bad("string outside the file");
    if (id.empty()) continue;  // the header entry
    // Plural entries carry "singular\0plural"; the core uses no plurals, so
    // only the singular is kept, with its first translated form.
    if (auto z = id.find('\0'); z != std::string_view::npos) id = id.substr(0, z);
    if (auto z = str.find('\0'); z != std::string_view::npos) str = str.substr(0, z);
    if (!str.empty()) c.messages_.emplace(std::string(id), std::string(str));
  }
  return c;
}

Result<Catalog> Catalog::load(const std::string& locales_dir, const std::string& lang) {
  if (lang.empty() || lang == "en" || lang.rfind("en_", 0) == 0) return Catalog{};
  for (char ch : lang) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '@';
    if (!ok) return fail(ErrorCode::BadInput, "", "--lang", "not a language code: \"" + lang + "\" (e.g. es, vi, es_MX)");
  }
  std::vector<std::string> tries = {lang};
  if (auto sep = lang.find('_'); sep != std::string::npos) tries.push_back(lang.substr(0, sep));
  for (const std::string& code : tries) {
    const std::string file = locales_dir + "/" + code + "/LC_MESSAGES/relief.mo";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    auto bytes = util::read_file(file, kMaxCatalogBytes);
    if (!bytes) return tl::unexpected(bytes.error());
    return parse(*bytes, file, code);
  }
  return fail(ErrorCode::NotFound, locales_dir, "", "no translations for the language \"" + lang +
                                                        "\" (looked for " + lang + "/LC_MESSAGES/relief.mo)");
}

std::string Catalog::translate(const std::string& msgid) const {
  if (identity() || msgid.empty()) return msgid;
  if (auto it = messages_.find(msgid); it != messages_.end()) return it->second;
  missing_.insert(msgid);
  return msgid;
}

std::string Catalog::translate(const std::string& context, const std::string& msgid) const {
  if (identity() || msgid.empty()) return msgid;
  if (auto it = messages_.find(context + '\x04' + msgid); it != messages_.end()) return it->second;
  missing_.insert(context + "|" + msgid);
  return msgid;
}

}  // namespace relief::i18n
