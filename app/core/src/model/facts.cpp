#include "relief/model/facts.hpp"
#include "relief/util/json_limits.hpp"

#include "relief/model/date.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::model {
namespace {

std::string describe(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

}  // namespace

Result<FactDictionary> FactDictionary::load(const std::string& path) {
  auto text = util::read_file(path, 4 * 1024 * 1024);
  if (!text) return tl::unexpected(text.error());
  nlohmann::json doc;
  try {
    if (!util::json_depth_within(*text)) {
      return fail(ErrorCode::BadInput, path, "$", "nested too deeply (more than 64 levels of [ ] or { })");
    }
    doc = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::exception& e) {  // also out_of_range: a number too large
    return fail(ErrorCode::BadInput, path, "$", std::string("not valid JSON: ") + e.what());
  }
  return from_json(doc, path);
}

Result<FactDictionary> FactDictionary::from_json(const nlohmann::json& doc, const std::string& file) {
  if (!doc.is_object() || !doc.contains("facts") || !doc["facts"].is_array()) {
    return fail(ErrorCode::BadInput, file, "$.facts", "expected an array of fact definitions");
  }
  FactDictionary dict;
  const auto& facts = doc["facts"];
  for (size_t i = 0; i < facts.size(); ++i) {
    const std::string path = "$.facts[" + std::to_string(i) + "]";
    const auto& f = facts[i];
    if (!f.is_object()) return fail(ErrorCode::BadInput, file, path, "expected an object");
    FactDef def;
    auto str = [&](const char* key, std::string& out, bool required) -> Result<void> {
      if (!f.contains(key)) {
        if (required) return fail(ErrorCode::BadInput, file, path + "." + key, "required text is missing");
        return {};
      }
      if (!f[key].is_string() || (required && f[key].get<std::string>().empty())) {
        return fail(ErrorCode::BadInput, file, path + "." + key, "expected non-empty text");
      }
      out = f[key].get<std::string>();
      return {};
    };
    std::string scope;
    std::string type;
    for (auto r : {str("name", def.name, true), str("scope", scope, true), str("type", type, true),
                   str("question", def.question, true), str("help", def.help, true),
                   str("topic", def.topic, false)}) {
      if (!r) return tl::unexpected(r.error());
    }
    if (scope == "person") {
      def.scope = FactScope::Person;
    } else if (scope == "record") {
      def.scope = FactScope::Record;
    } else {
      return fail(ErrorCode::BadInput, file, path + ".scope", "expected \"person\" or \"record\"");
    }
    if (type == "bool") {
      def.type = FactType::Bool;
    } else if (type == "date") {
      def.type = FactType::Date;
    } else if (type == "choice") {
      def.type = FactType::Choice;
    } else if (type == "text") {
      def.type = FactType::Text;
    } else {
      return fail(ErrorCode::BadInput, file, path + ".type", "expected bool, date, choice or text");
    }
    if (def.type == FactType::Choice) {
      if (!f.contains("choices") || !f["choices"].is_array() || f["choices"].empty()) {
        return fail(ErrorCode::BadInput, file, path + ".choices", "a choice fact needs a list of choices");
      }
      for (const auto& c : f["choices"]) {
        if (!c.is_string()) return fail(ErrorCode::BadInput, file, path + ".choices", "expected text choices");
        def.choices.push_back(c.get<std::string>());
      }
    }
    if (f.contains("sensitive")) {
      if (!f["sensitive"].is_boolean()) return fail(ErrorCode::BadInput, file, path + ".sensitive", "expected true or false");
      def.sensitive = f["sensitive"].get<bool>();
    }
    if (auto r = dict.add(std::move(def), file, path); !r) return tl::unexpected(r.error());
  }
  return dict;
}

Result<void> FactDictionary::add(FactDef def, const std::string& file, const std::string& path) {
  if (index_.count(def.name)) {
    return fail(ErrorCode::BadInput, file, path + ".name", "fact \"" + def.name + "\" is defined twice");
  }
  index_[def.name] = defs_.size();
  defs_.push_back(std::move(def));
  return {};
}

const FactDef* FactDictionary::find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &defs_[it->second];
}

std::string FactDictionary::check_value(const FactDef& def, const nlohmann::json& value) const {
  if (value.is_null()) return {};
  switch (def.type) {
    case FactType::Bool:
      if (value.is_boolean()) return {};
      return "expected true, false or null (not sure), got " + describe(value);
    case FactType::Date:
      if (value.is_string() && Date::parse(value.get<std::string>())) return {};
      return "expected a date YYYY-MM-DD or null (not sure), got " + describe(value);
    case FactType::Choice:
      if (value.is_string()) {
        for (const auto& c : def.choices) {
          if (c == value.get<std::string>()) return {};
        }
      }
      {
        std::string list;
        for (const auto& c : def.choices) list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
        return "expected one of " + list + " or null, got " + describe(value);
      }
    case FactType::Text:
      if (value.is_string() && value.get<std::string>().size() <= 4096) return {};
      return "expected text of at most 4096 bytes";
  }
  return "unsupported fact type";
}

}  // namespace relief::model
