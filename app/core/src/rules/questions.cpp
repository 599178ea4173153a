#include "relief/rules/questions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "relief/rules/decision.hpp"
#include "relief/rules/logic.hpp"

namespace relief::rules {
namespace {

using nlohmann::json;

// What a decision says, reduced to what a new answer could change.
std::vector<std::string> signature(const RecordDecision& d) {
  std::vector<std::string> s{d.best.remedy + "=" + outcome_name(d.best.outcome)};
  for (const auto& a : d.alternatives) s.push_back(a.remedy + "=" + outcome_name(a.outcome));
  return s;
}

// The answers a person could give. Dates have too many values to try them
// all; a spread of past dates covers the waiting periods rules use.
std::vector<json> candidate_answers(const model::FactDef& def, const model::Date& as_of) {
  switch (def.type) {
    case model::FactType::Bool:
      return {json(true), json(false)};
    case model::FactType::Choice: {
      std::vector<json> out;
      for (const auto& c : def.choices) out.emplace_back(c);
      return out;
    }
    case model::FactType::Date: {
      std::vector<json> out;
      for (int years : {0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50}) {
        model::Date d = as_of;
        d.year -= years;
        if (d.month == 2 && d.day == 29) d.day = 28;
        out.emplace_back(d.iso());
      }
      return out;
    }
    case model::FactType::Text:
      return {};
  }
  return {};
}

bool in_force(const Remedy& m, const model::Date& as_of) {
  if (m.effective_from && as_of < *m.effective_from) return false;
  if (m.effective_until && !(as_of < *m.effective_until)) return false;
  return true;
}

}  // namespace

std::vector<Question> plan_questions(const model::Case& c, const Library& lib, const RuleSet& rules,
                                     const model::Date& as_of) {
  const DecideOptions no_consistency{false};
  const Decision base = decide(c, rules, as_of, no_consistency);
  std::map<std::string, std::vector<std::string>> base_sig;
  for (const auto& d : base.records) base_sig[d.id] = signature(d);

  // Facts the rules in force read: only these can matter.
  std::set<std::string> person_vars;
  std::set<std::string> record_vars;
  for (const auto& m : rules.remedies) {
    if (!in_force(m, as_of)) continue;
    std::set<std::string> vars;
    for (const auto& cond : m.conditions) collect_vars(cond.test, vars);
    for (const auto& rp : m.review) collect_vars(rp.test, vars);
    for (const auto& v : vars) {
      if (v.rfind("record.", 0) == 0) {
        record_vars.insert(v.substr(7));
      } else {
        person_vars.insert(v);
      }
    }
  }

  auto changes = [&](const model::Case& trial, const std::string& only_record) {
    const Decision d = decide(trial, rules, as_of, no_consistency);
    int n = 0;
    for (const auto& r : d.records) {
      if (!only_record.empty() && r.id != only_record) continue;
      if (signature(r) != base_sig[r.id]) ++n;
    }
    return n;
  };

  std::vector<Question> out;
  for (const auto& def : lib.facts.all()) {
    if (def.scope == model::FactScope::Person) {
      if (!person_vars.count(def.name)) continue;
      if (auto it = c.facts.find(def.name); it != c.facts.end() && !it->second.is_null()) continue;
      int best = 0;
      for (const auto& answer : candidate_answers(def, as_of)) {
        model::Case trial = c;
        trial.facts[def.name] = answer;
        best = std::max(best, changes(trial, ""));
      }
      if (best > 0) out.push_back({def.name, std::nullopt, &def, best});
    }
  }
  for (size_t i = 0; i < c.records.size(); ++i) {
    const auto& rec = c.records[i];
    for (const auto& def : lib.facts.all()) {
      if (def.scope != model::FactScope::Record || !record_vars.count(def.name)) continue;
      if (auto it = rec.facts.find(def.name); it != rec.facts.end() && !it->second.is_null()) continue;
      int best = 0;
      for (const auto& answer : candidate_answers(def, as_of)) {
        model::Case trial = c;
        trial.records[i].facts[def.name] = answer;
        best = std::max(best, changes(trial, rec.id));
      }
      if (best > 0) out.push_back({def.name, rec.id, &def, best});
    }
  }
  // Most decisive first; person questions before record questions on a tie,
  // then dictionary order (the order a person would expect to be asked).
  std::stable_sort(out.begin(), out.end(), [](const Question& a, const Question& b) {
    if (a.decides != b.decides) return a.decides > b.decides;
    return !a.record.has_value() && b.record.has_value();
  });
  return out;
}

json questions_to_json(const std::vector<Question>& qs) {
  json arr = json::array();
  for (const auto& q : qs) {
    const char* type = "bool";
    switch (q.def->type) {
      case model::FactType::Bool:
        type = "bool";
        break;
      case model::FactType::Date:
        type = "date";
        break;
      case model::FactType::Choice:
        type = "choice";
        break;
      case model::FactType::Text:
        type = "text";
        break;
    }
    arr.push_back({{"fact", q.fact},
                   {"record", q.record ? json(*q.record) : json(nullptr)},
                   {"type", type},
                   {"text", q.def->question},
                   {"help", q.def->help},
                   {"choices", q.def->choices},
                   {"decides", q.decides}});
  }
  return json{{"questions", arr}};
}

}  // namespace relief::rules
