#include "context.hpp"

#include <algorithm>

#include "mustache_data.hpp"
#include "relief/i18n.hpp"

namespace relief::documents {
namespace {

using nlohmann::json;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string blank(size_t n) { return std::string(n, '_'); }

// Court and county names are ASCII in practice; only ASCII letters change,
// so a UTF-8 sequence is never damaged.
std::string upper_ascii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return s;
}

// Inside sentences a name stays on one line, so a search finds it whole; a
// very long name may break, or it would leave a ragged gap before it.
std::string unbroken(const std::string& s) {
  if (s.size() > 32) return s;
  std::string out;
  for (char ch : s) out += ch == ' ' ? std::string("\xC2\xA0") : std::string(1, ch);
  return out;
}

// "a", "a and b", "a, b, and c" (court papers are English).
std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? (items.size() > 2 ? ", and " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

const json* fact(const model::FactMap& facts, const std::string& name) {
  auto it = facts.find(name);
  return it == facts.end() || it->second.is_null() ? nullptr : &it->second;
}

// Facts as three flags each, because Mustache can only ask "is it true?":
// facts.x (true), facts.x_no (false) and facts.x_unknown (not answered).
// Dots in jurisdiction facts become underscores ("tx.a" -> "tx_a").
void add_facts(json& out, const model::FactMap& facts, const std::vector<std::string>& known) {
  std::vector<std::string> names = known;
  for (const auto& [name, v] : facts) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    std::string key = name;
    std::replace(key.begin(), key.end(), '.', '_');
    const json* v = fact(facts, name);
    if (v && !v->is_boolean()) {
      if (v->is_string()) out[key] = v->get<std::string>();
      continue;
    }
    out[key] = v && v->get<bool>();
    out[key + "_no"] = v && !v->get<bool>();
    out[key + "_unknown"] = v == nullptr;
  }
}

const std::vector<std::string>& person_facts() {
  static const std::vector<std::string> names = {
      "trafficking_victim",         "trafficking_ended",           "minor_when_trafficked",
      "has_official_documentation", "has_provider_documentation",  "willing_to_testify_or_sign_declaration",
      "in_address_confidentiality_program", "needs_fee_waiver",    "convictions_since_exit",
      "pending_charges",            "asked_to_assist_law_enforcement", "assisted_law_enforcement"};
  return names;
}

const std::vector<std::string>& record_facts() {
  static const std::vector<std::string> names = {"result_of_trafficking", "while_trafficked", "minor_at_offense",
                                                 "violent", "against_minor", "requires_sex_offender_registration",
                                                 "coerced_by_trafficker_to_recruit"};
  return names;
}

std::string outcome_text(rules::Outcome o, const i18n::Catalog& cat) {
  switch (o) {
    case rules::Outcome::Eligible:
      return cat.translate(N_("You can ask the court to clear this record."));
    case rules::Outcome::NeedsReview:
      return cat.translate(N_("You may be able to ask the court. A lawyer should look at it first."));
    case rules::Outcome::NotEligible:
      return cat.translate(N_("This law does not clear this record."));
    case rules::Outcome::Incomplete:
      return cat.translate(N_("We need more answers to know."));
  }
  return "";
}

std::string outcome_word(rules::Outcome o, const i18n::Catalog& cat) {
  switch (o) {
    case rules::Outcome::Eligible:
      return cat.translate(N_("Eligible"));
    case rules::Outcome::NeedsReview:
      return cat.translate(N_("Needs a lawyer's review"));
    case rules::Outcome::NotEligible:
      return cat.translate(N_("Not eligible under this law"));
    case rules::Outcome::Incomplete:
      return cat.translate(N_("More answers needed"));
  }
  return "";
}

std::string relief_text(const std::string& relief, const i18n::Catalog& cat) {
  if (relief == "vacatur") return cat.translate(N_("vacate (cancel) the conviction"));
  if (relief == "expungement") return cat.translate(N_("expunge (erase) the record"));
  if (relief == "sealing") return cat.translate(N_("seal the record (hide it from most people)"));
  if (relief == "set_aside") return cat.translate(N_("set aside and dismiss the conviction"));
  if (relief == "nondisclosure") return cat.translate(N_("an order of nondisclosure (the public cannot see the record)"));
  if (relief.empty()) return "";
  return cat.translate(N_("other relief"));
}

// Court papers use the legal word; the survivor's papers a plain one.
std::string kind_text(const std::string& kind, const i18n::Catalog& cat, bool court) {
  if (court) {
    if (kind == "conviction") return "conviction";
    if (kind == "arrest_no_conviction") return "arrest (no conviction)";
    if (kind == "juvenile_adjudication") return "juvenile adjudication";
    if (kind == "deferred_adjudication") return "deferred adjudication";
    if (kind == "pending_charge") return "pending charge";
    return kind;
  }
  if (kind == "conviction") return cat.translate(N_("conviction"));
  if (kind == "arrest_no_conviction") return cat.translate(N_("arrest or charge without a conviction"));
  if (kind == "juvenile_adjudication") return cat.translate(N_("juvenile case"));
  if (kind == "deferred_adjudication") return cat.translate(N_("deferred adjudication or diversion"));
  if (kind == "pending_charge") return cat.translate(N_("pending charge"));
  return kind;
}

const rules::Remedy* find_remedy(const rules::RuleSet& rs, const std::string& id) {
  for (const rules::Remedy& r : rs.remedies) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string date_or_blank(const std::optional<model::Date>& d, const i18n::Catalog& cat, size_t n = 20) {
  return d ? long_date(*d, cat) : blank(n);
}

std::string value_or_blank(const std::string& s, size_t n) {
  const std::string t = trim(s);
  return t.empty() ? blank(n) : t;
}

json record_json(const model::Record& r, const rules::RecordDecision* d, const rules::RuleSet& rs, size_t number,
                 const i18n::Catalog& cat, bool court) {
  json j;
  j["number"] = std::to_string(number);
  j["id"] = r.id;
  j["kind"] = r.kind;
  j["kind_text"] = kind_text(r.kind, cat, court);
  j["is_conviction"] = r.kind == "conviction";
  j["is_arrest"] = r.kind == "arrest_no_conviction";
  j["is_juvenile"] = r.kind == "juvenile_adjudication";
  j["is_deferred"] = r.kind == "deferred_adjudication";
  j["is_pending"] = r.kind == "pending_charge";
  json category = json::object();
  for (const std::string& name : model::offense_categories()) category[name] = r.offense_category == name;
  j["category"] = category;
  j["is_felony"] = r.offense_level == "felony";
  j["is_misdemeanor"] = r.offense_level == "misdemeanor";
  j["has_offense"] = !trim(r.offense_description).empty();
  j["offense"] = value_or_blank(r.offense_description, 30);
  j["has_statute"] = !trim(r.statute).empty();
  j["statute"] = value_or_blank(r.statute, 24);
  const std::string level = r.offense_level == "unknown" ? "" : trim(r.offense_level);
  j["has_level"] = !level.empty();
  j["level"] = level;
  j["statute_and_level"] = value_or_blank(r.statute, 24) + (level.empty() ? "" : " (" + level + ")");
  j["has_offense_date"] = r.offense_date.has_value();
  j["offense_date"] = date_or_blank(r.offense_date, cat);
  j["has_arrest_date"] = r.arrest_date.has_value();
  j["arrest_date"] = date_or_blank(r.arrest_date, cat);
  j["has_disposition_date"] = r.disposition_date.has_value();
  j["disposition_date"] = date_or_blank(r.disposition_date, cat);
  j["has_case_number"] = !trim(r.case_number).empty();
  j["case_number"] = value_or_blank(r.case_number, 16);
  j["has_arresting_agency"] = !trim(r.arresting_agency).empty();
  j["arresting_agency"] = value_or_blank(r.arresting_agency, 24);
  j["court"] = value_or_blank(r.court, 30);
  j["county"] = value_or_blank(r.county, 16);
  j["sentence_completed"] = r.sentence_completed.value_or(false);
  j["has_sentence_completed_date"] = r.sentence_completed_date.has_value();
  j["sentence_completed_date"] = date_or_blank(r.sentence_completed_date, cat);
  json facts = json::object();
  add_facts(facts, r.facts, record_facts());
  j["facts"] = facts;
  const rules::Outcome o = d ? d->best.outcome : rules::Outcome::Incomplete;
  j["outcome"] = rules::outcome_name(o);
  j["outcome_word"] = outcome_word(o, cat);
  j["outcome_text"] = outcome_text(o, cat);
  j["eligible"] = o == rules::Outcome::Eligible;
  j["needs_review"] = o == rules::Outcome::NeedsReview;
  j["qualifies"] = o == rules::Outcome::Eligible || o == rules::Outcome::NeedsReview;
  const rules::Remedy* rem = d ? find_remedy(rs, d->best.remedy) : nullptr;
  std::string cite = rem ? rem->citation : "";
  if (cite.empty() && d && !d->best.citations.empty()) cite = d->best.citations.front();
  j["has_citation"] = !cite.empty();
  j["citation"] = cite;
  j["relief_text"] = relief_text(d ? d->best.relief : "", cat);
  j["remedy_title"] = rem ? (court ? rem->title : cat.translate(rem->title)) : "";
  return j;
}

json clinic_json(const model::ClinicInfo& clinic) {
  std::vector<std::string> parts;
  for (const std::string* s : {&clinic.name, &clinic.phone, &clinic.website}) {
    if (!trim(*s).empty()) parts.push_back(trim(*s));
  }
  std::string contact;
  for (size_t i = 0; i < parts.size(); ++i) contact += (i ? " \xC2\xB7 " : "") + parts[i];
  return {{"has", clinic.configured()},
          {"name", trim(clinic.name)},
          {"has_name", !trim(clinic.name).empty()},
          {"phone", trim(clinic.phone)},
          {"has_phone", !trim(clinic.phone).empty()},
          {"website", trim(clinic.website)},
          {"has_website", !trim(clinic.website).empty()},
          {"address", trim(clinic.address)},
          {"has_address", !trim(clinic.address).empty()},
          {"contact", contact}};
}

json base_context(const ContextInput& in, const i18n::Catalog& cat) {
  const model::Case& c = in.c;
  json ctx;
  ctx["lang"] = cat.language();
  ctx["today"] = in.opts.today.year > 0 ? long_date(in.opts.today, cat) : blank(20);
  ctx["today_iso"] = in.opts.today.year > 0 ? in.opts.today.iso() : "";
  ctx["blank"] = {{"s", blank(8)}, {"m", blank(18)}, {"l", blank(30)}, {"xl", blank(44)}};
  ctx["jurisdiction"] = {{"code", in.rules.jurisdiction},
                         {"name", in.rules.name},
                         {"reviewed", in.rules.reviewed.year > 0 ? in.rules.reviewed.iso() : ""},
                         {"reviewed_text", in.rules.reviewed.year > 0 ? long_date(in.rules.reviewed, cat) : ""},
                         {"version", in.rules.version}};
  ctx["clinic"] = clinic_json(in.opts.clinic);

  const model::Petitioner& p = c.petitioner;
  json pj;
  const std::string name = trim(p.legal_name);
  pj["has_name"] = !name.empty();
  pj["name"] = name.empty() ? blank(30) : unbroken(name);
  pj["initials"] = name.empty() ? blank(8) : initials(name);
  json others = json::array();
  std::vector<std::string> quoted;
  for (const std::string& n : p.other_names) {
    if (trim(n).empty()) continue;
    others.push_back({{"name", unbroken(trim(n))}});
    quoted.push_back("\xE2\x80\x9C" + unbroken(trim(n)) + "\xE2\x80\x9D");
  }
  pj["has_other_names"] = !others.empty();
  pj["other_names"] = others;
  pj["other_names_text"] = join_and(quoted);
  pj["has_date_of_birth"] = p.date_of_birth.has_value();
  pj["date_of_birth"] = date_or_blank(p.date_of_birth, cat);
  const bool acp = [&] {
    const json* v = fact(c.facts, "in_address_confidentiality_program");
    return v && v->is_boolean() && v->get<bool>();
  }();
  pj["address_confidential"] = acp;
  const model::Address& a = p.address;
  const bool has_line1 = !acp && !trim(a.line1).empty();
  pj["has_address"] = has_line1;
  pj["address_line1"] = has_line1 ? trim(a.line1) : blank(26);
  pj["has_address_line2"] = !acp && !trim(a.line2).empty();
  pj["address_line2"] = acp ? "" : trim(a.line2);
  const bool has_csz = !acp && !(trim(a.city).empty() && trim(a.state).empty() && trim(a.zip).empty());
  pj["has_city_state_zip"] = has_csz;
  pj["city_state_zip"] = has_csz ? value_or_blank(a.city, 14) + ", " + value_or_blank(a.state, 4) + " " +
                                       value_or_blank(a.zip, 8)
                                 : blank(22);
  pj["has_phone"] = !trim(p.phone).empty();
  pj["phone"] = value_or_blank(p.phone, 22);
  pj["has_email"] = !trim(p.email).empty();
  pj["email"] = value_or_blank(p.email, 22);
  ctx["petitioner"] = pj;

  json facts = json::object();
  add_facts(facts, c.facts, person_facts());
  const json* kind = fact(c.facts, "trafficking_kind");
  const std::string k = kind && kind->is_string() ? kind->get<std::string>() : "";
  facts["trafficking_kind_text"] = k == "sex"     ? "sex trafficking"
                                   : k == "labor" ? "labor trafficking"
                                   : k == "both"  ? "sex trafficking and labor trafficking"
                                                  : "trafficking";
  const json* end = fact(c.facts, "trafficking_end_date");
  const auto end_date = end && end->is_string() ? model::Date::parse(end->get<std::string>()) : std::nullopt;
  facts["has_trafficking_end_date"] = end_date.has_value();
  facts["trafficking_end_date"] = date_or_blank(end_date, cat, 18);
  ctx["facts"] = facts;
  ctx["addendum"] = {{"count", "0"}, {"shown", "0"}, {"total", "0"}};
  ctx["bundle"] = {{"files", json::array()}, {"has_files", false}};
  return ctx;
}

// A text from the rules or a form's filing section, in the survivor's
// language, with its own placeholders filled from the context.
std::string survivor_text(const std::string& msgid, const i18n::Catalog& cat) { return cat.translate(msgid); }

}  // namespace

std::string long_date(const model::Date& d, const i18n::Catalog& cat) {
  if (cat.identity()) return d.long_form();
  static const char* kMonths[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                  N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                  N_("September"), N_("October"), N_("November"), N_("December")};
  if (d.month < 1 || d.month > 12) return d.iso();
  // TRANSLATORS: a date: %1$s month name, %2$s day, %3$s year.
  const std::string pattern = cat.translate(N_("%1$s %2$s, %3$s"));
  return Message::substitute(pattern, {cat.translate(kMonths[d.month - 1]), std::to_string(d.day),
                                       std::to_string(d.year)});
}

std::string initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    n = std::min(n, name.size() - i);
    const bool sep = c == ' ' || c == '-' || c == '\t';
    if (sep) {
      start = true;
    } else if (start) {
      std::string letter = name.substr(i, n);
      if (n == 1 && letter[0] >= 'a' && letter[0] <= 'z') letter[0] = static_cast<char>(letter[0] - 'a' + 'A');
      out += letter + ".";
      start = false;
    }
    i += n;
  }
  return out;
}

json build_context(const ContextInput& in, const CourtGroup& g, const FormDef& form, const i18n::Catalog& cat) {
  const bool court = cat.identity();
  json ctx = base_context(in, cat);
  json court_j;
  court_j["name"] = value_or_blank(g.court, 32);
  court_j["has_name"] = !trim(g.court).empty();
  court_j["name_upper"] = trim(g.court).empty() ? "COURT: " + blank(32) : upper_ascii(trim(g.court));
  court_j["county"] = value_or_blank(g.county, 16);
  court_j["has_county"] = !trim(g.county).empty();
  court_j["county_upper"] = trim(g.county).empty() ? blank(16) : upper_ascii(trim(g.county));
  court_j["count"] = std::to_string(g.records.size());
  court_j["several"] = g.records.size() > 1;
  court_j["one"] = g.records.size() == 1;
  json dockets = json::array();
  std::vector<std::string> numbers;
  for (const model::Record* r : g.records) {
    numbers.push_back(value_or_blank(r->case_number, 14));
    dockets.push_back({{"number", numbers.back()}});
  }
  court_j["dockets"] = dockets;
  std::string all;
  for (size_t i = 0; i < numbers.size(); ++i) all += (i ? ", " : "") + numbers[i];
  court_j["dockets_text"] = all;
  // A caption lists a few numbers; the papers list every record in full.
  constexpr size_t kCaptionDockets = 4;
  std::string some;
  for (size_t i = 0; i < numbers.size() && i < kCaptionDockets; ++i) some += (i ? ", " : "") + numbers[i];
  if (numbers.size() > kCaptionDockets) {
    some += ", and " + std::to_string(numbers.size() - kCaptionDockets) + " more listed in this paper";
  }
  court_j["dockets_short"] = some;
  ctx["court"] = court_j;

  json records = json::array();
  std::vector<std::string> cites;
  for (size_t i = 0; i < g.records.size(); ++i) {
    json r = record_json(*g.records[i], g.decisions[i], in.rules, i + 1, cat, court);
    if (r["has_citation"].get<bool>()) {
      const std::string cite = r["citation"].get<std::string>();
      if (std::find(cites.begin(), cites.end(), cite) == cites.end()) cites.push_back(cite);
    }
    records.push_back(std::move(r));
  }
  ctx["records"] = records;
  if (cites.empty() && g.remedy) cites.push_back(g.remedy->citation);
  ctx["citations_text"] = join_and(cites);
  ctx["several_citations"] = cites.size() > 1;

  json rem;
  const rules::Remedy* r = g.remedy;
  rem["id"] = r ? r->id : "";
  rem["title"] = r ? (court ? r->title : cat.translate(r->title)) : "";
  rem["citation"] = r ? r->citation : "";
  rem["relief"] = r ? r->relief : "";
  rem["relief_text"] = relief_text(r ? r->relief : "", cat);
  for (const std::string& kind : rules::relief_kinds()) rem["is_" + kind] = r && r->relief == kind;
  rem["grant_shall"] = r && r->grant == "shall";
  rem["grant_may"] = !r || r->grant != "shall";
  rem["file_with"] = r ? survivor_text(r->file_with, cat) : "";
  rem["serve"] = r ? survivor_text(r->serve, cat) : "";
  json docs = json::array();
  if (r) {
    for (const std::string& d : r->documents_needed) docs.push_back({{"text", survivor_text(d, cat)}});
  }
  rem["documents_needed"] = docs;
  rem["has_documents_needed"] = !docs.empty();
  json notes = json::array();
  if (r) {
    for (const std::string& n : r->notes) notes.push_back({{"text", survivor_text(n, cat)}});
  }
  rem["notes"] = notes;
  rem["has_notes"] = !notes.empty();
  ctx["remedy"] = rem;
  ctx["form"] = {{"id", form.id}};

  // The filing facts are texts like any other: translated, then rendered
  // by the renderer when the instructions use them.
  json filing = json::object();
  const json& f = form.filing;
  filing["copies"] = std::to_string(f.value("copies", 3));
  for (const char* k : {"file_how", "serve_how", "fees", "fee_waiver", "official_form", "hearing"}) {
    const bool has = f.contains(k) && f[k].is_string() && !f[k].get<std::string>().empty();
    filing[std::string("has_") + k] = has;
    filing[k] = has ? survivor_text(f[k].get<std::string>(), cat) : "";
  }
  for (const char* k : {"privacy", "next_steps"}) {
    json list = json::array();
    if (f.contains(k) && f[k].is_array()) {
      for (const auto& t : f[k]) {
        if (t.is_string()) list.push_back({{"text", survivor_text(t.get<std::string>(), cat)}});
      }
    }
    filing[std::string("has_") + k] = !list.empty();
    filing[k] = list;
  }
  ctx["short_title"] = "";
  ctx["document_title"] = "";
  ctx["results"] = json::array();
  ctx["has_results"] = false;
  // Filing texts may use placeholders themselves ("the clerk of
  // {{court.name}}"); they are filled here, once.
  ctx["filing"] = filing;
  const kainjow::mustache::data data = to_mustache(ctx);
  for (auto& [k, v] : filing.items()) {
    if (v.is_string()) {
      v = render_plain(v.get<std::string>(), data);
    } else if (v.is_array()) {
      for (auto& item : v) item["text"] = render_plain(item["text"].get<std::string>(), data);
    }
  }
  ctx["filing"] = filing;
  ctx["short_title"] = render_plain(form.short_title, data);
  return ctx;
}

json build_summary_context(const ContextInput& in, const i18n::Catalog& cat) {
  json ctx = base_context(in, cat);
  json results = json::array();
  size_t n = 0;
  for (const model::Record& r : in.c.records) {
    const rules::RecordDecision* d = nullptr;
    for (const auto& rd : in.decision.records) {
      if (rd.id == r.id) d = &rd;
    }
    results.push_back(record_json(r, d, in.rules, ++n, cat, false));
  }
  ctx["has_results"] = !results.empty();
  ctx["results"] = results;
  return ctx;
}

const json& context_shape() {
  static const json shape = [] {
    model::Case c;
    c.jurisdiction = "NY";
    c.petitioner.legal_name = "A B";
    c.petitioner.other_names = {"C"};
    c.petitioner.date_of_birth = model::Date{2000, 1, 1};
    c.petitioner.address = {"1", "2", "3", "4", "5"};
    for (const auto& f : person_facts()) c.facts[f] = true;
    c.facts["trafficking_kind"] = "sex";
    c.facts["trafficking_end_date"] = "2020-01-01";
    model::Record r;
    r.id = "r1";
    r.kind = "conviction";
    for (const auto& f : record_facts()) r.facts[f] = true;
    c.records = {r};
    rules::RuleSet rs;
    rs.remedies.push_back(rules::Remedy{});
    rs.remedies.back().documents_needed = {"x"};
    rs.remedies.back().notes = {"x"};
    rules::Decision d;
    rules::RecordDecision rd;
    rd.id = "r1";
    d.records = {rd};
    PetitionOptions opts;
    const ContextInput in{c, rs, d, opts};
    CourtGroup g;
    g.records = {&c.records[0]};
    g.decisions = {&d.records[0]};
    g.remedy = &rs.remedies[0];
    FormDef form;
    form.filing = {{"privacy", {"x"}}, {"next_steps", {"x"}}};
    const i18n::Catalog id;
    json ctx = build_context(in, g, form, id);
    ctx["results"] = build_summary_context(in, id)["results"];
    ctx["bundle"]["files"] = json::array({{{"title", ""}, {"file", ""}, {"pages", ""}, {"kind", ""}, {"kind_text", ""}}});
    return ctx;
  }();
  return shape;
}

}  // namespace relief::documents
