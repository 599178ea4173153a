#include "relief/rules/ruleset.hpp"
#include "relief/util/json_limits.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "relief/model/case.hpp"
#include "relief/rules/logic.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::rules {
namespace {

using nlohmann::json;

// Record fields a rule may read as "record.<field>".
const std::set<std::string>& record_fields() {
  static const std::set<std::string> kFields = {
      "kind", "offense_category", "offense_level", "offense_date", "arrest_date", "disposition_date",
      "sentence_completed", "sentence_completed_date", "on_probation_or_parole", "statute"};
  return kFields;
}

class Checker {
 public:
  Checker(std::string file, std::vector<Issue>& issues) : file_(std::move(file)), issues_(issues) {}

  void error(const std::string& path, const std::string& msg) {
    issues_.push_back({true, file_, path, msg});
    ok_ = false;
  }
  void warning(const std::string& path, const std::string& msg) { issues_.push_back({false, file_, path, msg}); }
  bool ok() const { return ok_; }

  std::string text(const json& obj, const std::string& path, const char* key, bool required) {
    if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) {
      if (required) error(path + "." + key, "required text is missing");
      return {};
    }
    if (!obj[key].is_string()) {
      error(path + "." + key, "expected text");
      return {};
    }
    std::string s = obj[key].get<std::string>();
    if (required && s.empty()) error(path + "." + key, "must not be empty");
    return s;
  }

  std::optional<model::Date> date(const json& obj, const std::string& path, const char* key, bool required) {
    std::string s = text(obj, path, key, required);
    if (s.empty()) return std::nullopt;
    auto d = model::Date::parse(s);
    if (!d) error(path + "." + key, "expected a date YYYY-MM-DD, got \"" + s + "\"");
    return d;
  }

  std::vector<std::string> texts(const json& obj, const std::string& path, const char* key) {
    std::vector<std::string> out;
    if (!obj.contains(key)) return out;
    if (!obj[key].is_array()) {
      error(path + "." + key, "expected a list of texts");
      return out;
    }
    for (size_t i = 0; i < obj[key].size(); ++i) {
      const auto& v = obj[key][i];
      if (!v.is_string() || v.get<std::string>().empty()) {
        error(path + "." + key + "[" + std::to_string(i) + "]", "expected non-empty text");
      } else {
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }

  void expression(const json& expr, const std::string& path, const model::FactDictionary& dict) {
    std::string where;
    if (auto msg = validate_expression(expr, path, where); !msg.empty()) {
      error(where, msg);
      return;
    }
    std::set<std::string> vars;
    collect_vars(expr, vars);
    for (const auto& v : vars) {
      if (v.rfind("record.", 0) == 0) {
        const std::string name = v.substr(7);
        if (record_fields().count(name)) continue;
        const auto* def = dict.find(name);
        if (!def) {
          error(path, "unknown record fact or field \"" + name + "\"");
        } else if (def->scope != model::FactScope::Record) {
          error(path, "\"" + name + "\" is a fact about the person: read it as \"" + name + "\", not \"record." + name + "\"");
        }
      } else {
        const auto* def = dict.find(v);
        if (!def) {
          error(path, "unknown fact \"" + v + "\"");
        } else if (def->scope != model::FactScope::Person) {
          error(path, "\"" + v + "\" is a fact about a record: read it as \"record." + v + "\"");
        }
      }
    }
  }

 private:
  std::string file_;
  std::vector<Issue>& issues_;
  bool ok_ = true;
};

const std::set<std::string> kOutcomesForScope = {"not_eligible", "needs_review"};

}  // namespace

const std::vector<std::string>& relief_kinds() {
  static const std::vector<std::string> kKinds = {"vacatur", "expungement", "sealing", "set_aside", "nondisclosure",
                                                  "other"};
  return kKinds;
}

int relief_rank(const std::string& relief) {
  const auto& k = relief_kinds();
  auto it = std::find(k.begin(), k.end(), relief);
  return it == k.end() ? static_cast<int>(k.size()) : static_cast<int>(it - k.begin());
}

std::string Issue::to_string() const {
  std::string s = file;
  if (!path.empty()) s += ": " + path;
  s += ": ";
  if (!error) s += "warning: ";
  return s + message;
}

std::vector<std::string> RuleSet::citations() const {
  std::vector<std::string> out;
  for (const auto& r : remedies) {
    if (std::find(out.begin(), out.end(), r.citation) == out.end()) out.push_back(r.citation);
  }
  return out;
}

std::vector<std::string> RuleSet::relief_types() const {
  std::vector<std::string> out;
  for (const auto& r : remedies) {
    if (std::find(out.begin(), out.end(), r.relief) == out.end()) out.push_back(r.relief);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return relief_rank(a) < relief_rank(b); });
  return out;
}

std::optional<RuleSet> load_ruleset(const std::string& file, model::FactDictionary& dict, std::vector<Issue>& issues) {
  Checker ck(file, issues);
  auto text = util::read_file(file, 4 * 1024 * 1024);
  if (!text) {
    ck.error("", text.error().message);
    return std::nullopt;
  }
  // Conditions are validated and evaluated recursively: bound the depth first.
  if (!util::json_depth_within(*text)) {
    ck.error("$", "nested too deeply (more than 64 levels of [ ] or { })");
    return std::nullopt;
  }
  json doc;
  try {
    doc = json::parse(*text);
  } catch (const json::exception& e) {  // also out_of_range: a number too large
    ck.error("$", std::string("not valid JSON: ") + e.what());
    return std::nullopt;
  }
  if (!doc.is_object()) {
    ck.error("$", "expected an object");
    return std::nullopt;
  }
  RuleSet rs;
  rs.file = file;
  rs.jurisdiction = ck.text(doc, "$", "jurisdiction", true);
  if (rs.jurisdiction.size() != 2 || rs.jurisdiction != [&] {
        std::string u = rs.jurisdiction;
        for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return u;
      }()) {
    ck.error("$.jurisdiction", "expected an upper-case two-letter postal code");
  }
  rs.name = ck.text(doc, "$", "name", true);
  rs.version = ck.text(doc, "$", "version", true);
  if (auto d = ck.date(doc, "$", "reviewed", true)) rs.reviewed = *d;
  rs.confidence = ck.text(doc, "$", "confidence", true);
  if (!rs.confidence.empty() && rs.confidence != "high" && rs.confidence != "medium" && rs.confidence != "low") {
    ck.error("$.confidence", "expected high, medium or low");
  }
  if (doc.contains("has_survivor_specific_law")) {
    if (!doc["has_survivor_specific_law"].is_boolean()) {
      ck.error("$.has_survivor_specific_law", "expected true or false");
    } else {
      rs.has_survivor_specific_law = doc["has_survivor_specific_law"].get<bool>();
    }
  }
  if (!doc.contains("sources") || !doc["sources"].is_array() || doc["sources"].empty()) {
    ck.error("$.sources", "every rules file needs at least one source (title and url)");
  } else {
    for (size_t i = 0; i < doc["sources"].size(); ++i) {
      const std::string p = "$.sources[" + std::to_string(i) + "]";
      const auto& s = doc["sources"][i];
      rs.sources.push_back({ck.text(s, p, "title", true), ck.text(s, p, "url", true), ck.text(s, p, "checked", false)});
    }
  }

  // Jurisdiction-specific facts, prefixed with the lower-case code.
  const std::string prefix = [&] {
    std::string p = rs.jurisdiction;
    for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return p + ".";
  }();
  if (doc.contains("facts")) {
    json wrapper = {{"facts", doc["facts"]}};
    auto extra = model::FactDictionary::from_json(wrapper, file);
    if (!extra) {
      ck.error(extra.error().path, extra.error().message);
    } else {
      for (size_t i = 0; i < extra->all().size(); ++i) {
        const auto& def = extra->all()[i];
        const std::string p = "$.facts[" + std::to_string(i) + "]";
        if (def.name.rfind(prefix, 0) != 0) {
          ck.error(p + ".name", "a jurisdiction's own fact must start with \"" + prefix + "\"");
        } else if (auto r = dict.add(def, file, p); !r) {
          ck.error(r.error().path, r.error().message);
        }
      }
    }
  }

  std::set<std::string> ids;
  if (!doc.contains("remedies") || !doc["remedies"].is_array()) {
    ck.error("$.remedies", "expected a list of remedies (it may be empty when the state has no such law)");
  } else {
    for (size_t i = 0; i < doc["remedies"].size(); ++i) {
      const std::string p = "$.remedies[" + std::to_string(i) + "]";
      const auto& r = doc["remedies"][i];
      if (!r.is_object()) {
        ck.error(p, "expected an object");
        continue;
      }
      Remedy m;
      m.id = ck.text(r, p, "id", true);
      if (!m.id.empty() && !ids.insert(m.id).second) ck.error(p + ".id", "remedy id \"" + m.id + "\" is used twice");
      m.relief = ck.text(r, p, "relief", true);
      if (!m.relief.empty() && relief_rank(m.relief) >= static_cast<int>(relief_kinds().size())) {
        ck.error(p + ".relief", "expected vacatur, expungement, sealing, set_aside, nondisclosure or other");
      }
      m.title = ck.text(r, p, "title", true);
      m.citation = ck.text(r, p, "citation", true);
      m.effective_from = ck.date(r, p, "effective_from", true);
      m.effective_until = ck.date(r, p, "effective_until", false);
      if (m.effective_from && m.effective_until && *m.effective_until <= *m.effective_from) {
        ck.error(p + ".effective_until", "the remedy ends before it starts, so it can never apply");
      }
      m.grant = ck.text(r, p, "grant", true);
      if (!m.grant.empty() && m.grant != "may" && m.grant != "shall") ck.error(p + ".grant", "expected \"may\" or \"shall\"");
      m.record_kinds = ck.texts(r, p, "record_kinds");
      if (m.record_kinds.empty()) ck.error(p + ".record_kinds", "list the record kinds this remedy covers; with none it can never apply");
      for (size_t k = 0; k < m.record_kinds.size(); ++k) {
        const auto& kinds = model::record_kinds();
        if (std::find(kinds.begin(), kinds.end(), m.record_kinds[k]) == kinds.end()) {
          ck.error(p + ".record_kinds[" + std::to_string(k) + "]", "unknown record kind \"" + m.record_kinds[k] + "\"");
        }
      }
      if (r.contains("conditions") && r["conditions"].is_array()) {
        std::set<std::string> cids;
        for (size_t c = 0; c < r["conditions"].size(); ++c) {
          const std::string cp = p + ".conditions[" + std::to_string(c) + "]";
          const auto& cj = r["conditions"][c];
          Condition cond;
          cond.id = ck.text(cj, cp, "id", true);
          if (!cond.id.empty() && !cids.insert(cond.id).second) ck.error(cp + ".id", "condition id used twice");
          if (!cj.contains("test")) {
            ck.error(cp + ".test", "a condition needs a test");
          } else {
            cond.test = cj["test"];
            ck.expression(cond.test, cp + ".test", dict);
          }
          cond.citation = ck.text(cj, cp, "citation", true);
          cond.because = ck.text(cj, cp, "because", true);
          cond.unmet = ck.text(cj, cp, "unmet", true);
          cond.would_change = ck.text(cj, cp, "would_change", false);
          if (cj.contains("if_unmet")) {
            cond.if_unmet = ck.text(cj, cp, "if_unmet", true);
            if (!kOutcomesForScope.count(cond.if_unmet)) ck.error(cp + ".if_unmet", "expected not_eligible or needs_review");
          }
          m.conditions.push_back(std::move(cond));
        }
      } else if (r.contains("conditions")) {
        ck.error(p + ".conditions", "expected a list of conditions");
      }
      if (r.contains("review") && r["review"].is_array()) {
        for (size_t c = 0; c < r["review"].size(); ++c) {
          const std::string cp = p + ".review[" + std::to_string(c) + "]";
          const auto& cj = r["review"][c];
          ReviewPoint rp;
          rp.id = ck.text(cj, cp, "id", true);
          if (!cj.contains("test")) {
            ck.error(cp + ".test", "a review point needs a test");
          } else {
            rp.test = cj["test"];
            ck.expression(rp.test, cp + ".test", dict);
          }
          rp.citation = ck.text(cj, cp, "citation", true);
          rp.because = ck.text(cj, cp, "because", true);
          m.review.push_back(std::move(rp));
        }
      }
      m.notes = ck.texts(r, p, "notes");
      m.documents_needed = ck.texts(r, p, "documents_needed");
      m.file_with = ck.text(r, p, "file_with", false);
      m.serve = ck.text(r, p, "serve", false);
      m.forms = ck.texts(r, p, "forms");
      rs.remedies.push_back(std::move(m));
    }
  }
  if (doc.contains("out_of_scope")) {
    const auto& o = doc["out_of_scope"];
    if (!o.is_object()) {
      ck.error("$.out_of_scope", "expected an object keyed by record kind");
    } else {
      for (const auto& [kind, v] : o.items()) {
        const std::string p = "$.out_of_scope." + kind;
        const auto& kinds = model::record_kinds();
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) ck.error(p, "unknown record kind");
        OutOfScope s;
        s.outcome = ck.text(v, p, "outcome", true);
        if (!s.outcome.empty() && !kOutcomesForScope.count(s.outcome)) ck.error(p + ".outcome", "expected not_eligible or needs_review");
        s.because = ck.text(v, p, "because", true);
        s.citation = ck.text(v, p, "citation", true);
        s.route = ck.text(v, p, "route", false);
        rs.out_of_scope[kind] = std::move(s);
      }
    }
  }
  if (!ck.ok()) return std::nullopt;
  return rs;
}

const RuleSet* Library::find(const std::string& code) const {
  std::string u = code;
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& s : sets) {
    if (s.jurisdiction == u) return &s;
  }
  return nullptr;
}

Result<Library> load_library(const std::string& rules_dir, std::vector<Issue>& issues) {
  namespace fs = std::filesystem;
  Library lib;
  auto dict = model::FactDictionary::load(rules_dir + "/facts.json");
  if (!dict) {
    issues.push_back({true, dict.error().file, dict.error().path, dict.error().message});
    return tl::unexpected(dict.error());
  }
  lib.facts = std::move(*dict);
  {
    // Consistency checks: answers that contradict each other send a record
    // to a lawyer instead of deciding on contradictory data.
    Checker ck(rules_dir + "/facts.json", issues);
    auto text = util::read_file(rules_dir + "/facts.json", 4 * 1024 * 1024);
    const json doc = text && util::json_depth_within(*text) ? json::parse(*text, nullptr, false) : json();
    if (doc.is_object() && doc.contains("consistency")) {
      const auto& list = doc["consistency"];
      if (!list.is_array()) ck.error("$.consistency", "expected a list of checks");
      for (size_t i = 0; list.is_array() && i < list.size(); ++i) {
        const std::string p = "$.consistency[" + std::to_string(i) + "]";
        ReviewPoint rp;
        rp.id = ck.text(list[i], p, "id", true);
        rp.because = ck.text(list[i], p, "because", true);
        if (!list[i].is_object() || !list[i].contains("test")) {
          ck.error(p + ".test", "a check needs a test");
        } else {
          rp.test = list[i]["test"];
          ck.expression(rp.test, p + ".test", lib.facts);
        }
        lib.consistency.push_back(std::move(rp));
      }
    }
    if (!ck.ok()) return fail(ErrorCode::BadInput, rules_dir + "/facts.json", "$.consistency", "invalid consistency checks");
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(rules_dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "rules.json")) files.push_back(entry.path() / "rules.json");
  }
  std::sort(files.begin(), files.end());
  bool any_error = false;
  for (const auto& f : files) {
    auto rs = load_ruleset(f.string(), lib.facts, issues);
    if (!rs) {
      any_error = true;
      continue;
    }
    const std::string folder = f.parent_path().filename().string();
    std::string lower = rs->jurisdiction;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (folder != lower) {
      issues.push_back({true, f.string(), "$.jurisdiction", "the folder name \"" + folder + "\" does not match the jurisdiction \"" + rs->jurisdiction + "\""});
      any_error = true;
      continue;
    }
    rs->consistency = lib.consistency;
    lib.sets.push_back(std::move(*rs));
  }
  if (files.empty()) {
    issues.push_back({true, rules_dir, "", "no rules found (expected <code>/rules.json folders)"});
    any_error = true;
  }
  if (any_error) {
    size_t n = 0;
    for (const auto& i : issues) n += i.error ? 1 : 0;
    return fail(ErrorCode::BadInput, rules_dir, "", std::to_string(n) + " problem(s) in the rules");
  }
  return lib;
}

}  // namespace relief::rules
