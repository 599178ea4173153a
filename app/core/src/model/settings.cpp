#include "relief/model/settings.hpp"

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "relief/util/atomic_file.hpp"

namespace relief::model {

Result<Settings> parse_settings(const std::string& text, const std::string& file) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(ErrorCode::BadInput, file, "$", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) return fail(ErrorCode::BadInput, file, "$", "expected an object");
  Settings s;
  auto text_at = [&](const nlohmann::json& obj, const std::string& path, const char* key,
                     std::string& out) -> Result<void> {
    if (!obj.contains(key) || obj[key].is_null()) return {};
    if (!obj[key].is_string()) return fail(ErrorCode::BadInput, file, path + "." + key, "expected text");
    out = obj[key].get<std::string>();
    return {};
  };
  if (doc.contains("clinic")) {
    const auto& c = doc["clinic"];
    if (!c.is_object()) return fail(ErrorCode::BadInput, file, "$.clinic", "expected an object");
    for (auto [key, out] : {std::pair{"name", &s.clinic.name}, {"address", &s.clinic.address},
                            {"phone", &s.clinic.phone}, {"website", &s.clinic.website}}) {
      if (auto r = text_at(c, "$.clinic", key, *out); !r) return tl::unexpected(r.error());
    }
  }
  if (auto r = text_at(doc, "$", "window_title", s.window_title); !r) return tl::unexpected(r.error());
  if (auto r = text_at(doc, "$", "default_jurisdiction", s.default_jurisdiction); !r) return tl::unexpected(r.error());
  return s;
}

Result<Settings> load_settings() {
  std::string path = "/etc/relief/settings.json";
  if (const char* env = std::getenv("RELIEF_SETTINGS"); env && *env) path = env;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Settings{};
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) return tl::unexpected(text.error());
  return parse_settings(*text, path);
}

}  // namespace relief::model
