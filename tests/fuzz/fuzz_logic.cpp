// libFuzzer: JsonLogic conditions. Anything validate_expression accepts must
// evaluate without crashing, whatever the variables hold.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "relief/model/date.hpp"
#include "relief/rules/logic.hpp"
#include "relief/util/json_limits.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Rules files reach the evaluator only through load_ruleset, which applies
  // the same depth limit before parsing.
  if (!relief::util::json_depth_within(text)) return 0;
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return 0;
  const auto expr = doc.contains("expr") ? doc["expr"] : doc;
  const auto vars = doc.contains("vars") && doc["vars"].is_object() ? doc["vars"] : nlohmann::json::object();
  std::string where;
  if (!relief::rules::validate_expression(expr, "$", where).empty()) return 0;
  relief::rules::Evaluator ev(
      [&](const std::string& name) -> std::optional<nlohmann::json> {
        auto it = vars.find(name);
        if (it == vars.end() || it->is_null()) return std::nullopt;
        return *it;
      },
      *relief::model::Date::parse("2026-11-29"));
  auto r = ev.eval(expr);
  (void)r.truth();
  return 0;
}
