#include "relief/model/settings.hpp"
#include "relief/util/json_limits.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "relief/util/atomic_file.hpp"

namespace relief::model {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTextLength = 300;
constexpr std::size_t kMaxTitleLength = 80;

const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> keys = {
      "clinic",         "window_title",         "languages",       "default_jurisdiction",
      "mode",           "idle_timeout_seconds", "storage_policy",  "retention_days",
      "printing_allowed", "usb_allowed",        "admin_pin_hash",  "max_pin_failures",
      "intake_folder",    "documents_folder"};
  return keys;
}

const std::vector<std::string>& clinic_keys() {
  static const std::vector<std::string> keys = {"name", "address", "phone", "website"};
  return keys;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_language_code(const std::string& code) {
  // "en", "es", "vi", "zh_CN", "pt_BR": the names of the locales/ catalogs.
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const std::size_t base = code.find('_');
  const std::string lang = code.substr(0, base);
  if (lang.size() < 2 || lang.size() > 3 || !std::all_of(lang.begin(), lang.end(), is_lower)) return false;
  if (base == std::string::npos) return true;
  const std::string region = code.substr(base + 1);
  return region.size() == 2 && std::all_of(region.begin(), region.end(), is_upper);
}

// Reads one text field when present; `max` 0 means no length limit.
Result<void> read_text(const json& obj, const std::string& file, const std::string& path, std::string& out,
                       std::size_t max = kMaxTextLength) {
  if (obj.is_null()) return {};
  if (!obj.is_string()) return fail(ErrorCode::BadInput, file, path, "expected text");
  std::string value = obj.get<std::string>();
  if (max && value.size() > max) {
    return fail(ErrorCode::BadInput, file, path, "expected at most " + std::to_string(max) + " characters");
  }
  out = std::move(value);
  return {};
}

Result<void> read_int(const json& obj, const std::string& file, const std::string& path, int min, int max,
                      int& out) {
  if (!obj.is_number_integer()) {
    return fail(ErrorCode::BadInput, file, path,
                "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  // An unsigned value above LLONG_MAX must not wrap into range.
  const long long v = obj.is_number_unsigned() && obj.get<unsigned long long>() > static_cast<unsigned long long>(max)
                          ? static_cast<long long>(max) + 1
                          : obj.get<long long>();
  if (v < min || v > max) {
    return fail(ErrorCode::BadInput, file, path,
                "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                    obj.dump());
  }
  out = static_cast<int>(v);
  return {};
}

Result<void> read_bool(const json& obj, const std::string& file, const std::string& path, bool& out) {
  if (!obj.is_boolean()) return fail(ErrorCode::BadInput, file, path, "expected true or false");
  out = obj.get<bool>();
  return {};
}

#define RELIEF_TRY(expr)                                  \
  do {                                                    \
    if (auto r_ = (expr); !r_) return tl::unexpected(r_.error()); \
  } while (0)

}  // namespace

std::string mode_name(Mode m) {
  switch (m) {
    case Mode::Survivor:
      return "survivor";
    case Mode::Attorney:
      return "attorney";
    case Mode::Kiosk:
      return "kiosk";
  }
  return "survivor";
}

std::optional<Mode> parse_mode(const std::string& name) {
  for (Mode m : {Mode::Survivor, Mode::Attorney, Mode::Kiosk}) {
    if (mode_name(m) == name) return m;
  }
  return std::nullopt;
}

std::string storage_policy_name(StoragePolicy p) {
  switch (p) {
    case StoragePolicy::KioskMemoryOnly:
      return "kiosk_memory_only";
    case StoragePolicy::KeepByChoice:
      return "keep_by_choice";
    case StoragePolicy::AttorneyWorkstation:
      return "attorney_workstation";
  }
  return "kiosk_memory_only";
}

std::optional<StoragePolicy> parse_storage_policy(const std::string& name) {
  for (StoragePolicy p :
       {StoragePolicy::KioskMemoryOnly, StoragePolicy::KeepByChoice, StoragePolicy::AttorneyWorkstation}) {
    if (storage_policy_name(p) == name) return p;
  }
  return std::nullopt;
}

std::string settings_path() {
  if (const char* env = std::getenv("RELIEF_SETTINGS"); env && *env) return env;
  return "/etc/relief/settings.json";
}

std::string user_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/relief/settings.json";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/relief/settings.json";
  return {};
}

Result<Settings> apply_settings(const json& doc, const std::string& file, Settings s, bool per_user) {
  if (!doc.is_object()) return fail(ErrorCode::BadInput, file, "$", "expected an object of settings");
  for (const auto& [key, value] : doc.items()) {
    const auto& keys = top_level_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      return fail(ErrorCode::BadInput, file, "$." + key, "unknown setting; expected one of " + join(keys));
    }
    if (per_user && (key == "mode" || key == "admin_pin_hash")) {
      return fail(ErrorCode::BadInput, file, "$." + key,
                  "only the administrator may set this, in the system settings file " + settings_path());
    }
  }
  if (doc.contains("clinic") && !doc["clinic"].is_null()) {
    const json& c = doc["clinic"];
    if (!c.is_object()) return fail(ErrorCode::BadInput, file, "$.clinic", "expected an object");
    for (const auto& [key, value] : c.items()) {
      const auto& keys = clinic_keys();
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        return fail(ErrorCode::BadInput, file, "$.clinic." + key, "unknown setting; expected one of " + join(keys));
      }
    }
    for (auto [key, out] : {std::pair{"name", &s.clinic.name}, {"address", &s.clinic.address},
                            {"phone", &s.clinic.phone}, {"website", &s.clinic.website}}) {
      if (c.contains(key)) RELIEF_TRY(read_text(c[key], file, std::string("$.clinic.") + key, *out));
    }
  }
  if (doc.contains("window_title")) {
    RELIEF_TRY(read_text(doc["window_title"], file, "$.window_title", s.window_title, kMaxTitleLength));
  }
  if (doc.contains("default_jurisdiction")) {
    RELIEF_TRY(read_text(doc["default_jurisdiction"], file, "$.default_jurisdiction", s.default_jurisdiction));
  }
  if (doc.contains("languages")) {
    const json& langs = doc["languages"];
    if (!langs.is_array()) {
      return fail(ErrorCode::BadInput, file, "$.languages", "expected a list of language codes, e.g. [\"en\", \"es\"]");
    }
    s.languages.clear();
    for (std::size_t i = 0; i < langs.size(); ++i) {
      std::string code;
      RELIEF_TRY(read_text(langs[i], file, "$.languages[" + std::to_string(i) + "]", code));
      s.languages.push_back(code);
    }
  }
  if (doc.contains("mode")) {
    std::string name;
    RELIEF_TRY(read_text(doc["mode"], file, "$.mode", name));
    auto m = parse_mode(name);
    if (!m) return fail(ErrorCode::BadInput, file, "$.mode", "expected survivor, attorney or kiosk, got \"" + name + "\"");
    s.mode = *m;
  }
  if (doc.contains("idle_timeout_seconds")) {
    RELIEF_TRY(read_int(doc["idle_timeout_seconds"], file, "$.idle_timeout_seconds", kMinIdleTimeout,
                        kMaxIdleTimeout, s.idle_timeout_seconds));
  }
  if (doc.contains("storage_policy")) {
    std::string name;
    RELIEF_TRY(read_text(doc["storage_policy"], file, "$.storage_policy", name));
    auto p = parse_storage_policy(name);
    if (!p) {
      return fail(ErrorCode::BadInput, file, "$.storage_policy",
                  "expected kiosk_memory_only, keep_by_choice or attorney_workstation, got \"" + name + "\"");
    }
    s.storage_policy = *p;
  }
  if (doc.contains("retention_days")) {
    RELIEF_TRY(read_int(doc["retention_days"], file, "$.retention_days", 1, kMaxRetentionDays, s.retention_days));
  }
  if (doc.contains("printing_allowed")) {
    RELIEF_TRY(read_bool(doc["printing_allowed"], file, "$.printing_allowed", s.printing_allowed));
  }
  if (doc.contains("usb_allowed")) RELIEF_TRY(read_bool(doc["usb_allowed"], file, "$.usb_allowed", s.usb_allowed));
  if (doc.contains("admin_pin_hash")) {
    RELIEF_TRY(read_text(doc["admin_pin_hash"], file, "$.admin_pin_hash", s.admin_pin_hash, 0));
  }
  if (doc.contains("max_pin_failures")) {
    RELIEF_TRY(read_int(doc["max_pin_failures"], file, "$.max_pin_failures", 1, kMaxPinFailuresLimit,
                        s.max_pin_failures));
  }
  if (doc.contains("intake_folder")) {
    RELIEF_TRY(read_text(doc["intake_folder"], file, "$.intake_folder", s.intake_folder, kMaxFolderLength));
  }
  if (doc.contains("documents_folder")) {
    RELIEF_TRY(read_text(doc["documents_folder"], file, "$.documents_folder", s.documents_folder, kMaxFolderLength));
  }
  RELIEF_TRY(validate_settings(s, file));
  return s;
}

Result<void> validate_settings(const Settings& s, const std::string& file) {
  for (auto [key, value] : {std::pair{"name", &s.clinic.name}, {"address", &s.clinic.address},
                            {"phone", &s.clinic.phone}, {"website", &s.clinic.website}}) {
    if (value->size() > kMaxTextLength) {
      return fail(ErrorCode::BadInput, file, std::string("$.clinic.") + key,
                  "expected at most " + std::to_string(kMaxTextLength) + " characters");
    }
  }
  if (s.window_title.empty() || s.window_title.size() > kMaxTitleLength) {
    return fail(ErrorCode::BadInput, file, "$.window_title",
                "expected a short, discreet title of 1 to " + std::to_string(kMaxTitleLength) + " characters");
  }
  // The title shows in the window list and across a room: it must never
  // name what the program is about (SAFETY.md, "Leaving quickly").
  const std::string t = lower(s.window_title);
  for (const char* word : {"traffick", "prostitut", "sex work", "criminal record", "expunge"}) {
    if (t.find(word) != std::string::npos) {
      return fail(ErrorCode::BadInput, file, "$.window_title",
                  std::string("expected a discreet title; it must not contain \"") + word +
                      "\" (e.g. \"Clinic services\")");
    }
  }
  if (s.languages.empty()) {
    return fail(ErrorCode::BadInput, file, "$.languages", "expected at least one language code, e.g. [\"en\"]");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < s.languages.size(); ++i) {
    const std::string path = "$.languages[" + std::to_string(i) + "]";
    if (!is_language_code(s.languages[i])) {
      return fail(ErrorCode::BadInput, file, path,
                  "expected a language code such as \"en\", \"es\" or \"pt_BR\", got \"" + s.languages[i] + "\"");
    }
    if (!seen.insert(s.languages[i]).second) {
      return fail(ErrorCode::BadInput, file, path, "\"" + s.languages[i] + "\" is listed twice");
    }
  }
  const auto& j = s.default_jurisdiction;
  if (j.size() != 2 || !std::isupper(static_cast<unsigned char>(j[0])) ||
      !std::isupper(static_cast<unsigned char>(j[1]))) {
    return fail(ErrorCode::BadInput, file, "$.default_jurisdiction",
                "expected an upper-case postal code such as \"NY\", got \"" + j + "\"");
  }
  if (s.idle_timeout_seconds < kMinIdleTimeout || s.idle_timeout_seconds > kMaxIdleTimeout) {
    return fail(ErrorCode::BadInput, file, "$.idle_timeout_seconds",
                "expected a whole number from " + std::to_string(kMinIdleTimeout) + " to " +
                    std::to_string(kMaxIdleTimeout));
  }
  if (s.retention_days < 1 || s.retention_days > kMaxRetentionDays) {
    return fail(ErrorCode::BadInput, file, "$.retention_days",
                "expected a whole number from 1 to " + std::to_string(kMaxRetentionDays));
  }
  if (s.mode == Mode::Kiosk && s.storage_policy == StoragePolicy::AttorneyWorkstation) {
    return fail(ErrorCode::BadInput, file, "$.storage_policy",
                "expected kiosk_memory_only or keep_by_choice in kiosk mode: a public machine must not keep cases "
                "for an attorney");
  }
  if (s.max_pin_failures < 1 || s.max_pin_failures > kMaxPinFailuresLimit) {
    return fail(ErrorCode::BadInput, file, "$.max_pin_failures",
                "expected a whole number from 1 to " + std::to_string(kMaxPinFailuresLimit));
  }
  for (auto [key, value] : {std::pair{"intake_folder", &s.intake_folder}, {"documents_folder", &s.documents_folder}}) {
    // A relative path would depend on the folder the program was started
    // from; a line break or a NUL would smuggle text into messages.
    if (value->empty()) continue;
    if (value->size() > kMaxFolderLength || value->front() != '/' ||
        value->find_first_of(std::string("\n\r\0", 3)) != std::string::npos) {
      return fail(ErrorCode::BadInput, file, std::string("$.") + key,
                  "expected an absolute folder path (starting with /) of at most " +
                      std::to_string(kMaxFolderLength) + " characters, or \"\" for none");
    }
  }
  if (!s.admin_pin_hash.empty() && s.admin_pin_hash.rfind("$argon2id$", 0) != 0) {
    return fail(ErrorCode::BadInput, file, "$.admin_pin_hash",
                "expected an Argon2id hash (\"$argon2id$...\"); set the PIN with `relief admin set-pin`");
  }
  return {};
}

Result<Settings> parse_settings(const std::string& text, const std::string& file) {
  if (!util::json_depth_within(text)) {
    return fail(ErrorCode::BadInput, file, "$", "nested too deeply (more than 64 levels of [ ] or { })");
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // also out_of_range: a number too large
    return fail(ErrorCode::BadInput, file, "$", std::string("not valid JSON: ") + e.what());
  }
  return apply_settings(doc, file, Settings{});
}

Result<Settings> load_settings_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Settings{};
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) return tl::unexpected(text.error());
  return parse_settings(*text, path);
}

Result<Settings> load_settings() {
  auto system = load_settings_file(settings_path());
  if (!system || system->mode != Mode::Attorney) return system;
  // Only an attorney's own workstation lets a user change settings: on a
  // kiosk or a shared clinic computer the administrator's word is final.
  const std::string user = user_settings_path();
  std::error_code ec;
  if (user.empty() || !std::filesystem::exists(user, ec)) return system;
  auto text = util::read_file(user, 1024 * 1024);
  if (!text) return tl::unexpected(text.error());
  if (!util::json_depth_within(*text)) {
    return fail(ErrorCode::BadInput, user, "$", "nested too deeply (more than 64 levels of [ ] or { })");
  }
  json doc;
  try {
    doc = json::parse(*text);
  } catch (const json::exception& e) {  // also out_of_range: a number too large
    return fail(ErrorCode::BadInput, user, "$", std::string("not valid JSON: ") + e.what());
  }
  return apply_settings(doc, user, std::move(*system), true);
}

json settings_to_json(const Settings& s) {
  json doc = {{"clinic",
               {{"name", s.clinic.name},
                {"address", s.clinic.address},
                {"phone", s.clinic.phone},
                {"website", s.clinic.website}}},
              {"window_title", s.window_title},
              {"languages", s.languages},
              {"default_jurisdiction", s.default_jurisdiction},
              {"mode", mode_name(s.mode)},
              {"idle_timeout_seconds", s.idle_timeout_seconds},
              {"storage_policy", storage_policy_name(s.storage_policy)},
              {"retention_days", s.retention_days},
              {"printing_allowed", s.printing_allowed},
              {"usb_allowed", s.usb_allowed},
              {"max_pin_failures", s.max_pin_failures},
              {"intake_folder", s.intake_folder},
              {"documents_folder", s.documents_folder}};
  if (!s.admin_pin_hash.empty()) doc["admin_pin_hash"] = s.admin_pin_hash;
  return doc;
}

Result<void> save_settings(const Settings& s, const std::string& path) {
  RELIEF_TRY(validate_settings(s, path));
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return fail(ErrorCode::Io, path, "", "cannot create the folder " + dir.string() + ": " + ec.message());
  }
  struct stat before{};
  const bool existed = ::stat(path.c_str(), &before) == 0;
  RELIEF_TRY(util::write_file_atomically(path, settings_to_json(s).dump(2) + "\n"));
  // An administrator editing a kiosk's settings with sudo must not take the
  // file away from the kiosk account that saves it from the admin screen.
  if (existed && ::geteuid() == 0 && (before.st_uid != 0 || before.st_gid != 0)) {
    if (::chown(path.c_str(), before.st_uid, before.st_gid) != 0) {
      return fail(ErrorCode::Io, path, "", "saved, but cannot give the file back to its owner");
    }
  }
  // 0640: the kiosk account reads the file through its group (the kiosk
  // set-up makes /etc/relief setgid to that group); others read nothing,
  // not even the PIN hash.
  if (::chmod(path.c_str(), 0640) != 0) {
    return fail(ErrorCode::Io, path, "", "saved, but cannot set its permissions to 0640");
  }
  return {};
}

const std::vector<std::string>& settable_keys() {
  static const std::vector<std::string> keys = {
      "clinic.name",         "clinic.address",       "clinic.phone",   "clinic.website",
      "window_title",        "languages",            "default_jurisdiction", "mode",
      "idle_timeout_seconds", "storage_policy",      "retention_days", "printing_allowed",
      "usb_allowed",         "max_pin_failures",     "intake_folder",  "documents_folder"};
  return keys;
}

Result<void> set_setting_value(json& doc, const std::string& key, const std::string& value) {
  const auto& keys = settable_keys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    const std::string hint = key == "admin_pin_hash" ? "set the PIN with `relief admin set-pin`; "
                                                     : std::string();
    return fail(ErrorCode::BadInput, "", key, "unknown setting; " + hint + "expected one of " + join(keys));
  }
  if (!doc.is_object()) doc = json::object();
  if (key.rfind("clinic.", 0) == 0) {
    if (!doc.contains("clinic") || !doc["clinic"].is_object()) doc["clinic"] = json::object();
    doc["clinic"][key.substr(7)] = value;
    return {};
  }
  if (key == "idle_timeout_seconds" || key == "retention_days" || key == "max_pin_failures") {
    std::size_t used = 0;
    long long n = 0;
    try {
      n = std::stoll(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size()) {
      return fail(ErrorCode::BadInput, "", key, "expected a whole number, got \"" + value + "\"");
    }
    doc[key] = n;
    return {};
  }
  if (key == "printing_allowed" || key == "usb_allowed") {
    const std::string v = lower(value);
    if (v == "true" || v == "yes" || v == "1") {
      doc[key] = true;
    } else if (v == "false" || v == "no" || v == "0") {
      doc[key] = false;
    } else {
      return fail(ErrorCode::BadInput, "", key, "expected true or false, got \"" + value + "\"");
    }
    return {};
  }
  if (key == "languages") {
    json list = json::array();
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string item = value.substr(start, comma - start);
      item.erase(0, item.find_first_not_of(" \t"));
      item.erase(item.find_last_not_of(" \t") + 1);
      if (!item.empty()) list.push_back(item);
      start = comma + 1;
    }
    doc[key] = list;
    return {};
  }
  doc[key] = value;
  return {};
}

}  // namespace relief::model
