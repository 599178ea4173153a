#include "attorney/workspace.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

namespace relief::gui::attorney {
namespace {

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// A jurisdiction's own fact ("ny.x") belongs only in that jurisdiction's file.
bool fact_fits(const std::string& fact, const std::string& jurisdiction) {
  const auto dot = fact.find('.');
  return dot == std::string::npos || fact.substr(0, dot) == lower(jurisdiction);
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

Workspace::Workspace(std::shared_ptr<const rules::Library> library, std::string default_jurisdiction,
                     model::Date as_of)
    : library_(std::move(library)), as_of_(as_of) {
  if (!library_ || library_->sets.empty()) throw std::invalid_argument("attorney mode needs rules");
  clear(default_jurisdiction);
}

bool Workspace::select(std::size_t index) {
  if (index >= matters_.size()) return false;
  current_ = index;
  return true;
}

std::optional<std::size_t> Workspace::add_matter(const std::string& code) {
  const rules::RuleSet* rs = library_->find(code);
  if (!rs) return std::nullopt;
  for (std::size_t i = 0; i < matters_.size(); ++i) {
    if (matters_[i].jurisdiction == rs->jurisdiction) {
      current_ = i;
      return i;
    }
  }
  Matter m;
  m.jurisdiction = rs->jurisdiction;
  matters_.push_back(std::move(m));
  current_ = matters_.size() - 1;
  return current_;
}

const rules::RuleSet& Workspace::rules_of(const Matter& m) const {
  const rules::RuleSet* rs = library_->find(m.jurisdiction);
  // Matters are only made for jurisdictions the library has.
  if (!rs) throw std::logic_error("no rules for " + m.jurisdiction);
  return *rs;
}

model::Case Workspace::case_of(const Matter& m) const {
  model::Case c;
  c.jurisdiction = m.jurisdiction;
  c.petitioner = petitioner_;
  for (const auto& [name, value] : person_facts_) {
    if (fact_fits(name, m.jurisdiction)) c.facts[name] = value;
  }
  c.records = m.records;
  return c;
}

rules::Decision Workspace::decide(const Matter& m) const { return rules::decide(case_of(m), rules_of(m), as_of_); }

std::string Workspace::add_record(model::Record r) {
  auto& records = current().records;
  auto taken = [&](const std::string& id) {
    return std::any_of(records.begin(), records.end(), [&](const model::Record& x) { return x.id == id; });
  };
  if (r.id.empty() || taken(r.id)) {
    int n = static_cast<int>(records.size()) + 1;
    while (taken("r" + std::to_string(n))) ++n;
    r.id = "r" + std::to_string(n);
  }
  records.push_back(std::move(r));
  return records.back().id;
}

model::Record* Workspace::find_record(const std::string& id) {
  for (auto& r : current().records) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

bool Workspace::remove_record(const std::string& id) {
  auto& records = current().records;
  auto it = std::find_if(records.begin(), records.end(), [&](const model::Record& r) { return r.id == id; });
  if (it == records.end()) return false;
  records.erase(it);
  return true;
}

std::vector<rules::Question> Workspace::person_questions() const {
  std::set<std::string> wanted;
  for (const auto& m : matters_) {
    for (const auto& q : rules::plan_questions(case_of(m), *library_, rules_of(m), as_of_)) {
      if (!q.record && q.def) wanted.insert(q.fact);
    }
  }
  for (const auto& [name, value] : person_facts_) wanted.insert(name);
  // Dictionary order, not the planner's: rows must not jump around as
  // answers change how decisive each question is.
  std::vector<rules::Question> out;
  for (const auto& def : library_->facts.all()) {
    if (def.scope != model::FactScope::Person || !wanted.count(def.name)) continue;
    rules::Question q;
    q.fact = def.name;
    q.def = &def;
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<rules::Question> Workspace::record_questions() const {
  const Matter& m = current();
  std::map<std::string, std::set<std::string>> wanted;  // record id -> facts
  for (const auto& q : rules::plan_questions(case_of(m), *library_, rules_of(m), as_of_)) {
    if (q.record && q.def) wanted[*q.record].insert(q.fact);
  }
  std::vector<rules::Question> out;
  for (const auto& r : m.records) {
    auto& facts = wanted[r.id];
    for (const auto& [name, value] : r.facts) facts.insert(name);
    for (const auto& def : library_->facts.all()) {
      if (def.scope != model::FactScope::Record || !facts.count(def.name)) continue;
      rules::Question q;
      q.fact = def.name;
      q.record = r.id;
      q.def = &def;
      out.push_back(std::move(q));
    }
  }
  return out;
}

std::optional<nlohmann::json> Workspace::value_of(const rules::Question& q) const {
  const model::FactMap* facts = &person_facts_;
  if (q.record) {
    facts = nullptr;
    for (const auto& r : current().records) {
      if (r.id == *q.record) facts = &r.facts;
    }
    if (!facts) return std::nullopt;
  }
  auto it = facts->find(q.fact);
  if (it == facts->end()) return std::nullopt;
  return it->second;
}

void Workspace::set_value(const rules::Question& q, const std::optional<nlohmann::json>& value) {
  model::FactMap* facts = &person_facts_;
  if (q.record) {
    model::Record* r = find_record(*q.record);
    if (!r) return;  // the record was removed meanwhile
    facts = &r->facts;
  }
  if (value) {
    (*facts)[q.fact] = *value;
  } else {
    facts->erase(q.fact);
  }
}

bool Workspace::replace_with(std::vector<LoadedFile> files, std::string& problem) {
  problem.clear();
  if (files.empty()) {
    problem = "no case file was chosen";
    return false;
  }
  std::optional<model::Petitioner> petitioner;
  std::string petitioner_file;
  model::FactMap facts;
  std::map<std::string, std::string> fact_file;
  std::set<std::string> codes;
  for (const auto& f : files) {
    const rules::RuleSet* rs = library_->find(f.c.jurisdiction);
    if (!rs) {
      problem = f.path + ": $.jurisdiction: there are no rules for \"" + f.c.jurisdiction + "\"";
      return false;
    }
    if (!codes.insert(rs->jurisdiction).second) {
      problem = f.path + ": a second case file for " + rs->jurisdiction + "; open one file per jurisdiction";
      return false;
    }
    if (f.c.petitioner != model::Petitioner{}) {
      if (petitioner && *petitioner != f.c.petitioner) {
        problem = f.path + ": $.petitioner: not the same petitioner as in " + petitioner_file;
        return false;
      }
      petitioner = f.c.petitioner;
      petitioner_file = f.path;
    }
    for (const auto& [name, value] : f.c.facts) {
      auto it = facts.find(name);
      if (it != facts.end() && !it->second.is_null() && !value.is_null() && it->second != value) {
        problem = f.path + ": $.facts." + name + ": " + value.dump() + " differs from " + it->second.dump() +
                  " in " + fact_file[name];
        return false;
      }
      if (it == facts.end() || it->second.is_null()) {
        facts[name] = value;
        fact_file[name] = f.path;
      }
    }
  }
  std::vector<Matter> matters;
  for (auto& f : files) {
    Matter m;
    m.jurisdiction = library_->find(f.c.jurisdiction)->jurisdiction;
    m.records = std::move(f.c.records);
    m.file = f.path;
    matters.push_back(std::move(m));
  }
  petitioner_ = petitioner.value_or(model::Petitioner{});
  person_facts_ = std::move(facts);
  matters_ = std::move(matters);
  current_ = 0;
  return true;
}

void Workspace::clear(const std::string& jurisdiction) {
  petitioner_ = model::Petitioner{};
  person_facts_.clear();
  matters_.clear();
  current_ = 0;
  if (!add_matter(jurisdiction)) add_matter(library_->sets.front().jurisdiction);
}

bool Workspace::empty() const {
  if (petitioner_ != model::Petitioner{} || !person_facts_.empty()) return false;
  return std::all_of(matters_.begin(), matters_.end(), [](const Matter& m) { return m.records.empty(); });
}

std::string Workspace::file_name_for(const std::string& base, const std::string& jurisdiction) {
  return base + "." + lower(jurisdiction) + ".case.json";
}

std::string Workspace::base_of(const std::string& path) {
  std::filesystem::path p(path);
  std::string name = p.filename().string();
  for (const char* tail : {".json", ".case"}) {
    if (ends_with(name, tail)) name.resize(name.size() - std::string(tail).size());
  }
  // A jurisdiction suffix the name already carries ("smith.ny").
  const auto dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0 && name.size() - dot == 3 && std::isalpha(static_cast<unsigned char>(name[dot + 1])) &&
      std::isalpha(static_cast<unsigned char>(name[dot + 2]))) {
    name.resize(dot);
  }
  if (name.empty()) name = "case";
  return (p.parent_path() / name).string();
}

}  // namespace relief::gui::attorney
