#pragma once
// Internal: nlohmann JSON -> kainjow Mustache data.
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace relief::documents {

/// "record.facts.x" -> {"record", "facts", "x"}: how templates name values.
inline std::vector<std::string> split_dotted(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(name.substr(start));
  return parts;
}

/// The scope a repeated block sees for item `index` of `total`: the item
/// under `as`, and `loop.number/first/last/count`.
inline nlohmann::json loop_layer(const std::string& as, const nlohmann::json& item, size_t index, size_t total) {
  return {{as, item},
          {"loop",
           {{"number", std::to_string(index + 1)},
            {"first", index == 0},
            {"last", index + 1 == total},
            {"count", std::to_string(total)}}}};
}

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
