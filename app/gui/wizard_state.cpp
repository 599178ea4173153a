#include "wizard_state.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "relief/util/paths.hpp"
#include "rough_date.hpp"

namespace relief::gui {

WizardState::WizardState(std::shared_ptr<const rules::Library> library, model::Settings settings, model::Date as_of)
    : library_(std::move(library)), settings_(std::move(settings)), as_of_(as_of) {
  if (!library_) throw std::invalid_argument("WizardState needs a rules library");
  rules_ = library_->find(settings_.default_jurisdiction);
  if (!rules_) {
    throw std::invalid_argument("no rules for jurisdiction " + settings_.default_jurisdiction);
  }
  case_.jurisdiction = rules_->jurisdiction;
}

std::unique_ptr<WizardState> WizardState::load(std::string& error, std::string& warning) {
  error.clear();
  warning.clear();
  model::Settings settings;
  if (auto s = model::load_settings()) {
    settings = std::move(*s);
  } else {
    warning = s.error().to_string();
  }

  std::vector<rules::Issue> issues;
  auto lib = rules::load_library(util::rules_dir(), issues);
  if (!lib) {
    error = lib.error().to_string();
    // Every problem, once each, so the administrator can fix them in one go;
    // a flood of them would hide the first, which often causes the rest.
    int shown = 0;
    for (const auto& issue : issues) {
      const std::string line = issue.to_string();
      if (!issue.error || line == lib.error().to_string()) continue;
      if (++shown > 20) {
        error += "\n...";
        break;
      }
      error += "\n" + line;
    }
    return nullptr;
  }
  if (!lib->find(settings.default_jurisdiction)) {
    error = util::rules_dir() + ": no rules for jurisdiction \"" + settings.default_jurisdiction + "\"";
    return nullptr;
  }
  auto shared = std::make_shared<const rules::Library>(std::move(*lib));
  return std::make_unique<WizardState>(std::move(shared), std::move(settings), model::Date::today());
}

void WizardState::replace_settings(model::Settings settings) {
  settings_ = std::move(settings);
  if (mode_override_) settings_.mode = *mode_override_;
  if (empty()) {
    if (const rules::RuleSet* rs = library_->find(settings_.default_jurisdiction)) {
      rules_ = rs;
      case_.jurisdiction = rules_->jurisdiction;
    }
  }
}

std::string WizardState::key(const std::string& fact, const std::optional<std::string>& record) {
  return record ? *record + "/" + fact : "/" + fact;
}

const model::FactMap* WizardState::facts_for(const std::optional<std::string>& record) const {
  if (!record) return &case_.facts;
  const model::Record* r = case_.find_record(*record);
  return r ? &r->facts : nullptr;
}

model::FactMap* WizardState::facts_for(const std::optional<std::string>& record) {
  return const_cast<model::FactMap*>(std::as_const(*this).facts_for(record));
}

namespace {

// The case the planner works on: before any record is entered the planner
// has no outcome an answer could change. To ask the person questions first,
// as a survivor expects, plan over one blank record of every kind: a person
// question that matters for none of them cannot matter for any real record.
model::Case planned_case(const model::Case& c, Step step) {
  model::Case planned = c;
  if (step == Step::AboutYou && c.records.empty()) {
    int n = 0;
    for (const auto& kind : model::record_kinds()) {
      model::Record r;
      r.id = "probe-" + std::to_string(++n);
      r.kind = kind;
      planned.records.push_back(std::move(r));
    }
  }
  return planned;
}

}  // namespace

std::size_t WizardState::open_count(Step step) const {
  const auto questions = rules::plan_questions(planned_case(case_, step), *library_, *rules_, as_of_);
  std::set<std::string> open;
  for (const auto& q : questions) {
    if (!q.def) continue;
    if (step == Step::AboutYou && q.record) continue;
    if (answered_.count(key(q.fact, q.record))) continue;
    open.insert(key(q.fact, q.record));
  }
  return open.size();
}

std::vector<rules::Question> WizardState::answered_questions() const {
  std::vector<rules::Question> out;
  for (const auto& a : history_) {
    rules::Question q;
    q.fact = a.fact;
    q.record = a.record;
    q.def = library_->facts.find(a.fact);
    if (q.def) out.push_back(std::move(q));
  }
  return out;
}

std::optional<rules::Question> WizardState::next_question(Step step) const {
  const auto questions = rules::plan_questions(planned_case(case_, step), *library_, *rules_, as_of_);
  for (const auto& q : questions) {
    if (!q.def) continue;  // nothing to show: the dictionary has no words for it
    if (step == Step::AboutYou && q.record) continue;
    if (answered_.count(key(q.fact, q.record))) continue;
    return q;
  }
  return std::nullopt;
}

void WizardState::answer(Step step, const rules::Question& q, const nlohmann::json& value) {
  model::FactMap* facts = facts_for(q.record);
  if (!facts) return;  // the record was removed meanwhile
  (*facts)[q.fact] = value;
  const std::string k = key(q.fact, q.record);
  if (answered_.insert(k).second) history_.push_back(Asked{step, q.fact, q.record});
}

std::optional<rules::Question> WizardState::take_back(Step step) {
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->step != step) continue;
    rules::Question q;
    q.fact = it->fact;
    q.record = it->record;
    q.def = library_->facts.find(it->fact);
    answered_.erase(key(it->fact, it->record));
    history_.erase(std::next(it).base());
    return q;
  }
  return std::nullopt;
}

std::optional<nlohmann::json> WizardState::value_of(const rules::Question& q) const {
  const model::FactMap* facts = facts_for(q.record);
  if (!facts) return std::nullopt;
  auto it = facts->find(q.fact);
  if (it == facts->end()) return std::nullopt;
  return it->second;
}

bool WizardState::was_answered(const rules::Question& q) const { return answered_.count(key(q.fact, q.record)) > 0; }

std::size_t WizardState::answered_count(Step step) const {
  return static_cast<std::size_t>(
      std::count_if(history_.begin(), history_.end(), [step](const Asked& a) { return a.step == step; }));
}

std::string WizardState::add_record(model::Record r) {
  auto taken = [this](const std::string& id) { return case_.find_record(id) != nullptr; };
  if (r.id.empty() || taken(r.id)) {
    int n = static_cast<int>(case_.records.size()) + 1;
    while (taken("r" + std::to_string(n))) ++n;
    r.id = "r" + std::to_string(n);
  }
  std::string id = r.id;
  case_.records.push_back(std::move(r));
  return id;
}

bool WizardState::update_record(const std::string& id, model::Record r) {
  for (auto& rec : case_.records) {
    if (rec.id != id) continue;
    r.id = rec.id;
    r.facts = std::move(rec.facts);
    rec = std::move(r);
    return true;
  }
  return false;
}

bool WizardState::remove_record(const std::string& id) {
  auto it =
      std::find_if(case_.records.begin(), case_.records.end(), [&](const model::Record& r) { return r.id == id; });
  if (it == case_.records.end()) return false;
  case_.records.erase(it);
  std::erase_if(history_, [&](const Asked& a) { return a.record && *a.record == id; });
  std::erase_if(answered_, [&](const std::string& k) { return k.rfind(id + "/", 0) == 0; });
  std::erase_if(approximate_, [&](const std::string& k) { return k.rfind(id + "/", 0) == 0; });
  return true;
}

void WizardState::set_approximate(const std::string& record, const std::string& field, bool approximate) {
  const std::string k = record + "/" + field;
  if (approximate) {
    approximate_.insert(k);
  } else {
    approximate_.erase(k);
  }
}

bool WizardState::is_approximate(const std::string& record, const std::string& field) const {
  return approximate_.count(record + "/" + field) > 0;
}

namespace {

#ifndef N_
#define N_(text) text
#endif
// Said when a month-only date decides the result one way or the other.
constexpr const char* kDependsOnDay =
    N_("This result depends on the exact day of a date you gave only as a month. Find the exact date on your "
       "court papers or rap sheet, or ask a lawyer.");

// Moves every month-only date of `c` to the last day of its month.
model::Case at_month_end(model::Case c, const std::set<std::string>& approximate) {
  auto move = [](std::optional<model::Date>& d) {
    if (d) d = last_day_of_month(*d);
  };
  auto move_fact = [](model::FactMap& facts, const std::string& name) {
    auto it = facts.find(name);
    if (it == facts.end() || !it->second.is_string()) return;
    if (auto d = model::Date::parse(it->second.get<std::string>())) it->second = last_day_of_month(*d).iso();
  };
  for (const auto& k : approximate) {
    const auto slash = k.find('/');
    const std::string record = k.substr(0, slash);
    const std::string field = k.substr(slash + 1);
    if (record.empty()) {
      move_fact(c.facts, field);
      continue;
    }
    for (auto& r : c.records) {
      if (r.id != record) continue;
      if (field == "offense_date") {
        move(r.offense_date);
      } else if (field == "disposition_date") {
        move(r.disposition_date);
      } else if (field == "sentence_completed_date") {
        move(r.sentence_completed_date);
      } else {
        move_fact(r.facts, field);
      }
    }
  }
  return c;
}

}  // namespace

const rules::Decision& WizardState::decide() {
  decision_ = rules::decide(case_, *rules_, as_of_);
  if (approximate_.empty()) return decision_;
  const rules::Decision late = rules::decide(at_month_end(case_, approximate_), *rules_, as_of_);
  for (auto& rd : decision_.records) {
    for (const auto& other : late.records) {
      if (other.id != rd.id) continue;
      if (other.best.outcome == rd.best.outcome && other.best.remedy == rd.best.remedy) break;
      rd.best.outcome = rules::Outcome::NeedsReview;
      rd.best.reasons.push_back(Message{kDependsOnDay, {}});
      break;
    }
  }
  return decision_;
}

const model::FactDef* WizardState::fact_def(const std::string& name) const {
  constexpr std::string_view kRecordPrefix = "record.";
  if (name.rfind(kRecordPrefix, 0) == 0) {
    return library_->facts.find(name.substr(kRecordPrefix.size()));
  }
  return library_->facts.find(name);
}

void WizardState::clear() {
  // Overwrite, then drop: nothing of the person's answers should stay
  // reachable from this object. (Freed heap memory is a later, separate
  // concern of the kiosk wipe.)
  // A kept session may have brought another state's rules: the next
  // person starts with the clinic's own.
  if (const rules::RuleSet* rs = library_->find(settings_.default_jurisdiction)) rules_ = rs;
  model::Case fresh;
  fresh.jurisdiction = rules_->jurisdiction;
  case_ = std::move(fresh);
  answered_.clear();
  history_.clear();
  history_.shrink_to_fit();
  approximate_.clear();
  decision_ = rules::Decision{};
}

bool WizardState::load_case(model::Case c) {
  const rules::RuleSet* rs = library_->find(c.jurisdiction);
  if (!rs) return false;
  clear();
  rules_ = rs;
  case_ = std::move(c);
  for (const auto& [fact, value] : case_.facts) {
    if (answered_.insert(key(fact, std::nullopt)).second) history_.push_back(Asked{Step::AboutYou, fact, std::nullopt});
  }
  for (const auto& r : case_.records) {
    for (const auto& [fact, value] : r.facts) {
      if (answered_.insert(key(fact, r.id)).second) history_.push_back(Asked{Step::Records, fact, r.id});
    }
  }
  return true;
}

bool WizardState::empty() const {
  return case_.records.empty() && case_.facts.empty() && case_.petitioner == model::Petitioner{} && answered_.empty() &&
         history_.empty() && decision_.records.empty();
}

}  // namespace relief::gui
