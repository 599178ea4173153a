#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/model/case.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::rules {

/// A question the interview should ask next.
struct Question {
  std::string fact;
  std::optional<std::string> record;  ///< record id; nullopt for a person fact
  const model::FactDef* def = nullptr;
  int decides = 0;  ///< how many record outcomes the answer can change
};

/// The questions whose answers can still change some record's outcome,
/// most decisive first. Never includes a question whose answer cannot
/// change any outcome.
std::vector<Question> plan_questions(const model::Case& c, const Library& lib,
                                     const RuleSet& rules, const model::Date& as_of);

/// The questions JSON of DESIGN.md.
nlohmann::json questions_to_json(const std::vector<Question>& qs);

}  // namespace relief::rules
