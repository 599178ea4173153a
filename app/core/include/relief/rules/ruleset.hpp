#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/error.hpp"
#include "relief/model/date.hpp"
#include "relief/model/facts.hpp"

namespace relief::rules {

/// Relief kinds, strongest first.
const std::vector<std::string>& relief_kinds();
/// 0 for the strongest relief kind; larger is weaker.
int relief_rank(const std::string& relief);

/// A source the rules were checked against.
struct Source {
  std::string title;
  std::string url;
  std::string checked;  ///< what was read there
};

/// One requirement of a remedy. `test` must be true for the remedy to apply.
struct Condition {
  std::string id;
  nlohmann::json test;        ///< JsonLogic expression
  std::string citation;       ///< the subsection that creates the requirement
  std::string because;        ///< msgid shown when the requirement is met
  std::string unmet;          ///< msgid shown when it is not met
  std::string would_change;   ///< msgid: what would change an unmet/unknown result
  std::string if_unmet = "not_eligible";  ///< outcome when false: not_eligible or needs_review
};

/// A point the law leaves to judgment: when `test` is true, the outcome is
/// needs_review.
struct ReviewPoint {
  std::string id;
  nlohmann::json test;
  std::string citation;
  std::string because;
};

/// One legal route to clear a record.
struct Remedy {
  std::string id;
  std::string relief;  ///< vacatur, expungement, sealing, set_aside, nondisclosure, other
  std::string title;
  std::string citation;
  std::optional<model::Date> effective_from;
  std::optional<model::Date> effective_until;
  std::string grant;  ///< "may" or "shall"
  std::vector<std::string> record_kinds;  ///< record kinds the remedy covers
  std::vector<Condition> conditions;
  std::vector<ReviewPoint> review;
  std::vector<std::string> notes;  ///< msgids always added to reasons
  std::vector<std::string> documents_needed;
  std::string file_with;
  std::string serve;
  std::vector<std::string> forms;  ///< form template ids in forms/
};

/// What the rules say about a record kind no remedy covers.
struct OutOfScope {
  std::string outcome;  ///< not_eligible or needs_review
  std::string because;
  std::string citation;
  std::string route;  ///< general-law route, when one is known
};

/// One jurisdiction's rules file (rules/xx/rules.json).
struct RuleSet {
  std::string file;
  std::string jurisdiction;  ///< "NY"
  std::string name;
  std::string version;
  model::Date reviewed;
  std::string confidence;
  bool has_survivor_specific_law = true;
  std::vector<Source> sources;
  std::vector<Remedy> remedies;
  std::map<std::string, OutOfScope> out_of_scope;  ///< by record kind
  std::vector<ReviewPoint> consistency;  ///< answers that contradict each other (from facts.json)
  std::vector<std::string> citations() const;
  std::vector<std::string> relief_types() const;
};

/// A problem found while loading or validating rules.
struct Issue {
  bool error = true;
  std::string file;
  std::string path;
  std::string message;
  std::string to_string() const;
};

/// Loads and validates one rules file; every problem goes to `issues`;
/// returns nullopt when any was an error.
std::optional<RuleSet> load_ruleset(const std::string& file, model::FactDictionary& dict,
                                    std::vector<Issue>& issues);

/// All jurisdictions under a rules folder plus the fact dictionary.
struct Library {
  model::FactDictionary facts;
  std::vector<ReviewPoint> consistency;  ///< shared consistency checks, copied into every RuleSet
  std::vector<RuleSet> sets;  ///< sorted by jurisdiction code
  /// The rules for a postal code (case-insensitive), or nullptr.
  const RuleSet* find(const std::string& code) const;
};

/// Loads rules/facts.json and every rules/xx/rules.json. Fails once with all
/// problems listed in `issues` when any file has an error.
Result<Library> load_library(const std::string& rules_dir, std::vector<Issue>& issues);

}  // namespace relief::rules
