#include "relief/model/case_io.hpp"
#include "relief/util/json_limits.hpp"

#include <set>

#include "relief/util/atomic_file.hpp"

namespace relief::model {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxText = 4096;
constexpr std::size_t kMaxRecords = 2000;
constexpr std::size_t kMaxNames = 50;

std::string describe(const json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// Walks one JSON object, checking every field and rejecting unknown ones.
class Reader {
 public:
  Reader(const std::string& file) : file_(file) {}

  Result<void> object(const json& v, const std::string& path) const {
    if (!v.is_object()) return bad(path, "expected an object, got " + describe(v));
    return {};
  }

  Result<void> only_keys(const json& obj, const std::string& path,
                         std::initializer_list<const char*> keys) const {
    for (const auto& [k, v] : obj.items()) {
      bool known = false;
      for (const char* key : keys) known = known || k == key;
      if (!known) return bad(path + "." + k, "unknown field (check the spelling)");
    }
    return {};
  }

  Result<void> text(const json& obj, const std::string& path, const char* key, std::string& out) const {
    if (!obj.contains(key) || obj[key].is_null()) return {};
    const auto& v = obj[key];
    if (!v.is_string()) return bad(path + "." + key, "expected text, got " + describe(v));
    if (v.get_ref<const std::string&>().size() > kMaxText) {
      return bad(path + "." + key, "text is too long (the limit is " + std::to_string(kMaxText) + " bytes)");
    }
    out = v.get<std::string>();
    return {};
  }

  Result<void> choice(const json& obj, const std::string& path, const char* key, std::string& out,
                      const std::vector<std::string>& allowed, bool required) const {
    if (!obj.contains(key) || obj[key].is_null() || (obj[key].is_string() && obj[key].get<std::string>().empty())) {
      if (required) return bad(path + "." + key, "required field is missing; expected one of " + list(allowed));
      return {};
    }
    const auto& v = obj[key];
    if (v.is_string()) {
      for (const auto& a : allowed) {
        if (a == v.get<std::string>()) {
          out = a;
          return {};
        }
      }
    }
    return bad(path + "." + key, "expected one of " + list(allowed) + ", got " + describe(v));
  }

  Result<void> date(const json& obj, const std::string& path, const char* key, std::optional<Date>& out) const {
    if (!obj.contains(key) || obj[key].is_null() || (obj[key].is_string() && obj[key].get<std::string>().empty())) {
      return {};
    }
    const auto& v = obj[key];
    if (v.is_string()) {
      if (auto d = Date::parse(v.get<std::string>())) {
        out = *d;
        return {};
      }
    }
    return bad(path + "." + key, "expected a date YYYY-MM-DD, got " + describe(v));
  }

  Result<void> boolean(const json& obj, const std::string& path, const char* key, std::optional<bool>& out) const {
    if (!obj.contains(key) || obj[key].is_null()) return {};
    if (!obj[key].is_boolean()) return bad(path + "." + key, "expected true, false or null, got " + describe(obj[key]));
    out = obj[key].get<bool>();
    return {};
  }

  Result<void> facts(const json& obj, const std::string& path, FactScope scope, const FactDictionary& dict,
                     FactMap& out) const {
    if (!obj.contains("facts") || obj["facts"].is_null()) return {};
    const auto& f = obj["facts"];
    const std::string fpath = path + ".facts";
    if (!f.is_object()) return bad(fpath, "expected an object of facts, got " + describe(f));
    for (const auto& [name, value] : f.items()) {
      const FactDef* def = dict.find(name);
      const std::string vpath = fpath + "." + name;
      if (!def) return bad(vpath, "unknown fact (see the fact dictionary, rules/facts.json)");
      if (def->scope != scope) {
        return bad(vpath, scope == FactScope::Person ? "this fact belongs in a record's facts, not the person's"
                                                     : "this fact describes the person: put it in $.facts");
      }
      if (std::string why = dict.check_value(*def, value); !why.empty()) return bad(vpath, why);
      if (!value.is_null()) out[name] = value;
    }
    return {};
  }

  tl::unexpected<Error> bad(const std::string& path, const std::string& message) const {
    return fail(ErrorCode::BadInput, file_, path, message);
  }

 private:
  static std::string list(const std::vector<std::string>& allowed) {
    std::string s;
    for (const auto& a : allowed) s += (s.empty() ? "" : ", ") + ("\"" + a + "\"");
    return s;
  }
  std::string file_;
};

#define RELIEF_TRY(expr)                                   \
  do {                                                     \
    if (auto _r = (expr); !_r) return tl::unexpected(_r.error()); \
  } while (0)

Result<Record> read_record(const Reader& rd, const json& v, const std::string& path, const FactDictionary& dict) {
  RELIEF_TRY(rd.object(v, path));
  RELIEF_TRY(rd.only_keys(v, path,
                          {"id", "kind", "offense_category", "offense_description", "statute", "offense_level",
                           "offense_date", "arrest_date", "disposition_date", "court", "county", "case_number",
                           "arresting_agency", "sentence_completed", "sentence_completed_date",
                           "on_probation_or_parole", "facts"}));
  Record r;
  RELIEF_TRY(rd.text(v, path, "id", r.id));
  if (r.id.empty()) return rd.bad(path + ".id", "required field is missing; expected a short record id such as \"r1\"");
  RELIEF_TRY(rd.choice(v, path, "kind", r.kind, record_kinds(), true));
  RELIEF_TRY(rd.choice(v, path, "offense_category", r.offense_category, offense_categories(), false));
  RELIEF_TRY(rd.choice(v, path, "offense_level", r.offense_level, offense_levels(), false));
  for (auto [key, out] : {std::pair{"offense_description", &r.offense_description}, {"statute", &r.statute},
                          {"court", &r.court}, {"county", &r.county}, {"case_number", &r.case_number},
                          {"arresting_agency", &r.arresting_agency}}) {
    RELIEF_TRY(rd.text(v, path, key, *out));
  }
  for (auto [key, out] : {std::pair{"offense_date", &r.offense_date}, {"arrest_date", &r.arrest_date},
                          {"disposition_date", &r.disposition_date},
                          {"sentence_completed_date", &r.sentence_completed_date}}) {
    RELIEF_TRY(rd.date(v, path, key, *out));
  }
  RELIEF_TRY(rd.boolean(v, path, "sentence_completed", r.sentence_completed));
  RELIEF_TRY(rd.boolean(v, path, "on_probation_or_parole", r.on_probation_or_parole));
  RELIEF_TRY(rd.facts(v, path, FactScope::Record, dict, r.facts));
  if (r.offense_date && r.disposition_date && *r.disposition_date < *r.offense_date) {
    return rd.bad(path + ".disposition_date", "the disposition date " + r.disposition_date->iso() +
                                                  " is before the offense date " + r.offense_date->iso());
  }
  return r;
}

}  // namespace

Result<Case> case_from_json(const json& doc, const std::string& file, const FactDictionary& dict) {
  Reader rd(file);
  RELIEF_TRY(rd.object(doc, "$"));
  RELIEF_TRY(rd.only_keys(doc, "$", {"schema", "jurisdiction", "petitioner", "facts", "records"}));
  if (doc.contains("schema") && !doc["schema"].is_null()) {
    if (!doc["schema"].is_string() || doc["schema"].get<std::string>() != kCaseSchema) {
      return rd.bad("$.schema", std::string("expected \"") + kCaseSchema + "\", got " + describe(doc["schema"]));
    }
  }
  Case c;
  if (!doc.contains("jurisdiction") || !doc["jurisdiction"].is_string()) {
    return rd.bad("$.jurisdiction", "required field is missing; expected a two-letter postal code such as \"NY\"");
  }
  std::string code = doc["jurisdiction"].get<std::string>();
  if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
      !std::isalpha(static_cast<unsigned char>(code[1]))) {
    return rd.bad("$.jurisdiction", "expected a two-letter postal code such as \"NY\", got " + describe(doc["jurisdiction"]));
  }
  for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  c.jurisdiction = code;

  if (doc.contains("petitioner") && !doc["petitioner"].is_null()) {
    const auto& p = doc["petitioner"];
    const std::string path = "$.petitioner";
    RELIEF_TRY(rd.object(p, path));
    RELIEF_TRY(rd.only_keys(p, path, {"legal_name", "other_names", "date_of_birth", "address", "phone", "email"}));
    RELIEF_TRY(rd.text(p, path, "legal_name", c.petitioner.legal_name));
    RELIEF_TRY(rd.text(p, path, "phone", c.petitioner.phone));
    RELIEF_TRY(rd.text(p, path, "email", c.petitioner.email));
    RELIEF_TRY(rd.date(p, path, "date_of_birth", c.petitioner.date_of_birth));
    if (p.contains("other_names") && !p["other_names"].is_null()) {
      const auto& names = p["other_names"];
      if (!names.is_array()) return rd.bad(path + ".other_names", "expected a list of names, got " + describe(names));
      if (names.size() > kMaxNames) return rd.bad(path + ".other_names", "too many names (the limit is 50)");
      for (size_t i = 0; i < names.size(); ++i) {
        const std::string npath = path + ".other_names[" + std::to_string(i) + "]";
        if (!names[i].is_string()) return rd.bad(npath, "expected text, got " + describe(names[i]));
        if (names[i].get_ref<const std::string&>().size() > kMaxText) return rd.bad(npath, "text is too long");
        if (!names[i].get<std::string>().empty()) c.petitioner.other_names.push_back(names[i].get<std::string>());
      }
    }
    if (p.contains("address") && !p["address"].is_null()) {
      const auto& a = p["address"];
      const std::string apath = path + ".address";
      RELIEF_TRY(rd.object(a, apath));
      RELIEF_TRY(rd.only_keys(a, apath, {"line1", "line2", "city", "state", "zip"}));
      auto& ad = c.petitioner.address;
      for (auto [key, out] : {std::pair{"line1", &ad.line1}, {"line2", &ad.line2}, {"city", &ad.city},
                              {"state", &ad.state}, {"zip", &ad.zip}}) {
        RELIEF_TRY(rd.text(a, apath, key, *out));
      }
    }
  }
  RELIEF_TRY(rd.facts(doc, "$", FactScope::Person, dict, c.facts));

  if (!doc.contains("records")) {
    return rd.bad("$.records", "required field is missing; expected a list of records (it may be empty: [])");
  }
  const auto& recs = doc["records"];
  if (!recs.is_array()) return rd.bad("$.records", "expected a list of records, got " + describe(recs));
  if (recs.size() > kMaxRecords) {
    return rd.bad("$.records", "too many records (" + std::to_string(recs.size()) + "; the limit is " +
                                   std::to_string(kMaxRecords) + ")");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < recs.size(); ++i) {
    const std::string path = "$.records[" + std::to_string(i) + "]";
    auto r = read_record(rd, recs[i], path, dict);
    if (!r) return tl::unexpected(r.error());
    if (!ids.insert(r->id).second) return rd.bad(path + ".id", "record id \"" + r->id + "\" is used twice");
    c.records.push_back(std::move(*r));
  }
  return c;
}

Result<Case> parse_case(const std::string& text, const std::string& file, const FactDictionary& dict) {
  if (text.size() > kMaxCaseFileBytes) {
    return fail(ErrorCode::BadInput, file, "$", "file is too large for a case file (the limit is 8 MiB)");
  }
  // The validation below walks the document recursively: bound the depth first.
  if (!util::json_depth_within(text)) {
    return fail(ErrorCode::BadInput, file, "$", "nested too deeply (more than 64 levels of [ ] or { })");
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // also out_of_range: a number too large
    // nlohmann's message carries line and column; drop its internal prefix.
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
    return fail(ErrorCode::BadInput, file, "$", "not valid JSON (" + what + ")");
  }
  return case_from_json(doc, file, dict);
}

Result<Case> load_case_file(const std::string& path, const FactDictionary& dict) {
  auto text = util::read_file(path, kMaxCaseFileBytes);
  if (!text) return tl::unexpected(text.error());
  return parse_case(*text, path, dict);
}

json case_to_json(const Case& c) {
  auto opt_date = [](const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); };
  json facts = json::object();
  for (const auto& [k, v] : c.facts) facts[k] = v;
  json records = json::array();
  for (const auto& r : c.records) {
    json rf = json::object();
    for (const auto& [k, v] : r.facts) rf[k] = v;
    json rec = {{"id", r.id}, {"kind", r.kind}};
    auto put = [&](const char* key, const std::string& v) {
      if (!v.empty()) rec[key] = v;
    };
    put("offense_category", r.offense_category);
    put("offense_description", r.offense_description);
    put("statute", r.statute);
    put("offense_level", r.offense_level);
    if (r.offense_date) rec["offense_date"] = opt_date(r.offense_date);
    if (r.arrest_date) rec["arrest_date"] = opt_date(r.arrest_date);
    if (r.disposition_date) rec["disposition_date"] = opt_date(r.disposition_date);
    put("court", r.court);
    put("county", r.county);
    put("case_number", r.case_number);
    put("arresting_agency", r.arresting_agency);
    if (r.sentence_completed) rec["sentence_completed"] = *r.sentence_completed;
    if (r.sentence_completed_date) rec["sentence_completed_date"] = opt_date(r.sentence_completed_date);
    if (r.on_probation_or_parole) rec["on_probation_or_parole"] = *r.on_probation_or_parole;
    rec["facts"] = rf;
    records.push_back(std::move(rec));
  }
  const auto& p = c.petitioner;
  return json{{"schema", kCaseSchema},
              {"jurisdiction", c.jurisdiction},
              {"petitioner",
               {{"legal_name", p.legal_name},
                {"other_names", p.other_names},
                {"date_of_birth", opt_date(p.date_of_birth)},
                {"address",
                 {{"line1", p.address.line1},
                  {"line2", p.address.line2},
                  {"city", p.address.city},
                  {"state", p.address.state},
                  {"zip", p.address.zip}}},
                {"phone", p.phone},
                {"email", p.email}}},
              {"facts", facts},
              {"records", records}};
}

Result<void> save_case_file(const Case& c, const std::string& path) {
  return util::write_file_atomically(path, case_to_json(c).dump(2) + "\n");
}

}  // namespace relief::model
