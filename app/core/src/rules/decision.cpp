#include "relief/rules/decision.hpp"

#include <algorithm>

#include "relief/i18n.hpp"
#include "relief/rules/logic.hpp"

namespace relief::rules {
namespace {

using nlohmann::json;

std::optional<json> record_field(const model::Record& r, const std::string& name) {
  auto str = [](const std::string& s) -> std::optional<json> {
    if (s.empty()) return std::nullopt;
    return json(s);
  };
  auto date = [](const std::optional<model::Date>& d) -> std::optional<json> {
    if (!d) return std::nullopt;
    return json(d->iso());
  };
  auto boolean = [](const std::optional<bool>& b) -> std::optional<json> {
    if (!b) return std::nullopt;
    return json(*b);
  };
  if (name == "kind") return str(r.kind);
  if (name == "offense_category") return str(r.offense_category);
  if (name == "offense_level") return str(r.offense_level);
  if (name == "statute") return str(r.statute);
  if (name == "offense_date") return date(r.offense_date);
  if (name == "arrest_date") return date(r.arrest_date);
  if (name == "disposition_date") return date(r.disposition_date);
  if (name == "sentence_completed_date") return date(r.sentence_completed_date);
  if (name == "sentence_completed") return boolean(r.sentence_completed);
  if (name == "on_probation_or_parole") return boolean(r.on_probation_or_parole);
  auto it = r.facts.find(name);
  if (it == r.facts.end() || it->second.is_null()) return std::nullopt;
  return it->second;
}

bool in_force(const Remedy& m, const model::Date& as_of) {
  if (m.effective_from && as_of < *m.effective_from) return false;
  if (m.effective_until && !(as_of < *m.effective_until)) return false;
  return true;
}

bool covers(const Remedy& m, const std::string& kind) {
  return std::find(m.record_kinds.begin(), m.record_kinds.end(), kind) != m.record_kinds.end();
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// "record.result_of_trafficking" -> "result_of_trafficking": the decision
// is per record already.
std::string fact_name(const std::string& var) { return var.rfind("record.", 0) == 0 ? var.substr(7) : var; }

Evaluator evaluator_for(const model::Case& c, const model::Record& r, const model::Date& as_of) {
  return Evaluator(
      [&c, &r](const std::string& name) -> std::optional<json> {
        if (name.rfind("record.", 0) == 0) return record_field(r, name.substr(7));
        auto it = c.facts.find(name);
        if (it == c.facts.end() || it->second.is_null()) return std::nullopt;
        return it->second;
      },
      as_of);
}

RemedyResult evaluate_remedy(const Remedy& m, const model::Case& c, const model::Record& r, const model::Date& as_of) {
  const Evaluator ev = evaluator_for(c, r, as_of);

  RemedyResult out;
  out.remedy = m.id;
  out.relief = m.relief;
  add_unique(out.citations, m.citation);

  std::vector<Message> met;
  std::vector<Message> unmet;
  std::vector<Message> unmet_review;
  std::vector<Message> unknown_changes;
  std::vector<std::string> missing;
  for (const auto& cond : m.conditions) {
    auto e = ev.eval(cond.test);
    switch (e.truth()) {
      case Tri::True:
        met.push_back({cond.because, {}});
        break;
      case Tri::False:
        (cond.if_unmet == "needs_review" ? unmet_review : unmet).push_back({cond.unmet, {}});
        add_unique(out.citations, cond.citation);
        if (!cond.would_change.empty()) out.would_change.push_back({cond.would_change, {}});
        break;
      case Tri::Unknown:
        for (const auto& v : e.unknown_vars) add_unique(missing, fact_name(v));
        if (!cond.would_change.empty()) unknown_changes.push_back({cond.would_change, {}});
        break;
    }
  }

  if (!unmet.empty()) {
    out.outcome = Outcome::NotEligible;
    out.reasons = unmet;
    return out;
  }
  if (!unmet_review.empty()) {
    out.outcome = Outcome::NeedsReview;
    out.reasons = unmet_review;
    out.reasons.insert(out.reasons.end(), met.begin(), met.end());
    out.documents_needed = m.documents_needed;
    return out;
  }
  if (!missing.empty()) {
    out.outcome = Outcome::Incomplete;
    out.reasons = met;
    // The facts still open are in `missing`: the screens ask them as
    // questions, in words, and never show their names.
    out.reasons.push_back({N_("More answers are needed before this can be decided."), {}});
    out.missing = missing;
    out.would_change = unknown_changes;
    out.documents_needed = m.documents_needed;
    return out;
  }

  std::vector<Message> review_reasons;
  for (const auto& rp : m.review) {
    auto e = ev.eval(rp.test);
    if (e.truth() == Tri::True) {
      review_reasons.push_back({rp.because, {}});
      add_unique(out.citations, rp.citation);
    } else if (e.truth() == Tri::Unknown) {
      for (const auto& v : e.unknown_vars) add_unique(missing, fact_name(v));
    }
  }
  out.documents_needed = m.documents_needed;
  if (!review_reasons.empty()) {
    out.outcome = Outcome::NeedsReview;
    out.reasons = review_reasons;
    out.reasons.insert(out.reasons.end(), met.begin(), met.end());
  } else if (!missing.empty()) {
    out.outcome = Outcome::Incomplete;
    out.reasons = met;
    out.missing = missing;
  } else {
    out.outcome = Outcome::Eligible;
    out.reasons = met;
  }
  for (const auto& n : m.notes) out.reasons.push_back({n, {}});
  for (const auto& cond : m.conditions) add_unique(out.citations, cond.citation);
  return out;
}

int outcome_rank(Outcome o) {
  switch (o) {
    case Outcome::Eligible:
      return 0;
    case Outcome::NeedsReview:
      return 1;
    case Outcome::Incomplete:
      return 2;
    case Outcome::NotEligible:
      return 3;
  }
  return 4;
}

RecordDecision decide_record(const model::Case& c, const RuleSet& rules, const model::Record& r,
                             const model::Date& as_of, const DecideOptions& options) {
  RecordDecision d;
  d.id = r.id;
  std::vector<RemedyResult> results;
  std::vector<const Remedy*> not_in_force;
  for (const auto& m : rules.remedies) {
    if (!covers(m, r.kind)) continue;
    if (!in_force(m, as_of)) {
      not_in_force.push_back(&m);
      continue;
    }
    results.push_back(evaluate_remedy(m, c, r, as_of));
  }
  if (results.empty()) {
    RemedyResult none;
    none.outcome = Outcome::NotEligible;
    if (auto it = rules.out_of_scope.find(r.kind); it != rules.out_of_scope.end()) {
      none.outcome = it->second.outcome == "needs_review" ? Outcome::NeedsReview : Outcome::NotEligible;
      none.reasons.push_back({it->second.because, {}});
      if (!it->second.route.empty()) none.reasons.push_back({it->second.route, {}});
      add_unique(none.citations, it->second.citation);
    } else if (!not_in_force.empty()) {
      none.reasons.push_back({N_("No law in these rules that covers this kind of record was in force on %1$s."), {as_of.iso()}});
      for (const auto* m : not_in_force) {
        add_unique(none.citations, m->citation);
        if (m->effective_from && as_of < *m->effective_from) {
          none.reasons.push_back({N_("%1$s applies from %2$s."), {m->citation, m->effective_from->iso()}});
        } else if (m->effective_until) {
          none.reasons.push_back({N_("%1$s applied until %2$s."), {m->citation, m->effective_until->iso()}});
        }
      }
    } else if (!rules.has_survivor_specific_law) {
      none.reasons.push_back({N_("%1$s has no law written for trafficking survivors that clears records. A lawyer can check the state's general record-clearing laws."), {rules.name}});
      none.outcome = Outcome::NeedsReview;
    } else {
      none.reasons.push_back({N_("The %1$s survivor law does not cover this kind of record. A lawyer can check other ways to clear it."), {rules.name}});
    }
    d.best = std::move(none);
    return d;
  }
  std::stable_sort(results.begin(), results.end(), [](const RemedyResult& a, const RemedyResult& b) {
    if (outcome_rank(a.outcome) != outcome_rank(b.outcome)) return outcome_rank(a.outcome) < outcome_rank(b.outcome);
    return relief_rank(a.relief) < relief_rank(b.relief);
  });

  // Contradictory answers are not a basis for any outcome: a lawyer looks.
  std::vector<Message> contradictions;
  const Evaluator ev = evaluator_for(c, r, as_of);
  for (const auto& check : options.check_consistency ? rules.consistency : std::vector<ReviewPoint>{}) {
    if (ev.eval(check.test).truth() == Tri::True) contradictions.push_back({check.because, {}});
  }
  if (!contradictions.empty()) {
    RemedyResult review = results.front();
    review.outcome = Outcome::NeedsReview;
    review.reasons = contradictions;
    review.reasons.push_back({N_("A lawyer should go over these answers with you before anything is filed."), {}});
    review.missing.clear();
    review.would_change = {{N_("Check these answers: if one of them is wrong, change it."), {}}};
    d.best = std::move(review);
    d.alternatives = std::move(results);
    return d;
  }
  d.best = std::move(results.front());
  d.alternatives.assign(std::make_move_iterator(results.begin() + 1), std::make_move_iterator(results.end()));
  return d;
}

json result_fields(const RemedyResult& r) {
  auto messages = [](const std::vector<Message>& ms) {
    json a = json::array();
    for (const auto& m : ms) a.push_back(m.format());
    return a;
  };
  json j;
  j["outcome"] = outcome_name(r.outcome);
  j["relief"] = r.relief.empty() ? json(nullptr) : json(r.relief);
  j["remedy"] = r.remedy.empty() ? json(nullptr) : json(r.remedy);
  j["citations"] = r.citations;
  j["reasons"] = messages(r.reasons);
  j["missing"] = r.missing;
  j["documents_needed"] = r.documents_needed;
  j["would_change"] = messages(r.would_change);
  return j;
}

}  // namespace

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Eligible:
      return "eligible";
    case Outcome::NotEligible:
      return "not_eligible";
    case Outcome::NeedsReview:
      return "needs_review";
    case Outcome::Incomplete:
      return "incomplete";
  }
  return "incomplete";
}

Decision decide(const model::Case& c, const RuleSet& rules, const model::Date& as_of,
                const DecideOptions& options) {
  Decision d;
  d.jurisdiction = rules.jurisdiction;
  d.rules_version = rules.version;
  d.reviewed = rules.reviewed;
  d.as_of = as_of;
  for (const auto& r : c.records) d.records.push_back(decide_record(c, rules, r, as_of, options));
  return d;
}

json decision_to_json(const Decision& d) {
  json recs = json::array();
  for (const auto& r : d.records) {
    json j = {{"id", r.id}};
    j.update(result_fields(r.best));
    json alts = json::array();
    for (const auto& a : r.alternatives) alts.push_back(result_fields(a));
    j["alternatives"] = alts;
    recs.push_back(std::move(j));
  }
  return json{{"jurisdiction", d.jurisdiction},
              {"rules_version", d.rules_version},
              {"reviewed", d.reviewed.iso()},
              {"as_of", d.as_of.iso()},
              {"disclaimer", "This is legal information, not legal advice."},
              {"records", recs}};
}

}  // namespace relief::rules
