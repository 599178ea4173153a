#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/model/date.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::rules {

/// The four outcomes of DESIGN.md.
enum class Outcome { Eligible, NotEligible, NeedsReview, Incomplete };

/// "eligible", "not_eligible", "needs_review", "incomplete".
std::string outcome_name(Outcome o);

/// The result of one remedy for one record.
struct RemedyResult {
  std::string remedy;  ///< remedy id ("" when no remedy covers the record)
  std::string relief;
  Outcome outcome = Outcome::Incomplete;
  std::vector<std::string> citations;
  std::vector<Message> reasons;
  std::vector<std::string> missing;  ///< fact names ("record.x" for record facts)
  std::vector<std::string> documents_needed;
  std::vector<Message> would_change;
};

/// A record's decision: the best remedy first, the others as alternatives.
struct RecordDecision {
  std::string id;
  RemedyResult best;
  std::vector<RemedyResult> alternatives;
};

/// The decision for a whole case.
struct Decision {
  std::string jurisdiction;
  std::string rules_version;
  model::Date reviewed;
  model::Date as_of;
  std::vector<RecordDecision> records;
};

/// How to decide.
struct DecideOptions {
  /// Send records whose answers contradict each other to needs_review. The
  /// interview planner turns this off: it never asks a question just to
  /// find a contradiction.
  bool check_consistency = true;
};

/// Decides every record of `c` under `rules` as of `as_of`.
Decision decide(const model::Case& c, const RuleSet& rules, const model::Date& as_of,
                const DecideOptions& options = {});

/// The decision JSON of DESIGN.md.
nlohmann::json decision_to_json(const Decision& d);

}  // namespace relief::rules
