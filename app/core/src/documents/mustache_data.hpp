#pragma once
// Internal: nlohmann JSON -> kainjow Mustache data.
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace relief::documents {

/// The same value as Mustache data: objects, lists, strings and booleans;
/// numbers become text and null becomes false.
inline kainjow::mustache::data to_mustache(const nlohmann::json& j) {
  using kainjow::mustache::data;
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d{data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_mustache(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& v : j) d.push_back(to_mustache(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      return data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return data{j.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return data{false};
    default:
      return data{j.dump()};
  }
}

/// Renders Mustache `text` over `d` with no escaping (plain text out).
inline std::string render_plain(const std::string& text, const kainjow::mustache::data& d) {
  kainjow::mustache::mustache m{text};
  if (!m.is_valid()) return text;
  m.set_custom_escape([](const std::string& s) { return s; });
  return m.render(d);
}

}  // namespace relief::documents
