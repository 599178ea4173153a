#pragma once
// Helpers for the PDF tests: run poppler/qpdf tools and build cases by hand.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "relief/documents/petition.hpp"
#include "relief/util/paths.hpp"
#include "../core/test_support.hpp"

namespace relief::pdftest {

/// What a command printed and how it ended.
struct Output {
  int exit = -1;
  std::string text;
};

/// Runs a shell command with popen and captures stdout (add 2>&1 for stderr).
inline Output run(const std::string& cmd) {
  Output out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.text.append(buf, n);
  const int status = ::pclose(p);
  out.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

/// Single-quotes a path for the shell.
inline std::string q(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

/// The text of a PDF (or of one page), as pdftotext extracts it.
inline std::string pdf_text(const std::string& file, int page = 0, bool layout = false) {
  std::string cmd = "pdftotext -enc UTF-8";
  if (layout) cmd += " -layout";
  if (page > 0) cmd += " -f " + std::to_string(page) + " -l " + std::to_string(page);
  return run(cmd + " " + q(file) + " - 2>/dev/null").text;
}

/// Number of times `needle` occurs in `hay`.
inline size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) ++n;
  return n;
}

/// The whole file as bytes.
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using relief::test::TempDir;

/// A jurisdiction's rules as the petition writer needs them (name, review
/// date, remedies with their forms and filing texts), read from the data
/// folder's rules/<code>/rules.json (the rules engine is not needed).
inline rules::RuleSet load_rules(const std::string& code) {
  rules::RuleSet rs;
  const std::string file = util::rules_dir() + "/" + code + "/rules.json";
  std::ifstream in(file);
  EXPECT_TRUE(in.good()) << "cannot read " << file << " (set RELIEF_DATA_DIR)";
  if (!in.good()) return rs;
  const nlohmann::json j = nlohmann::json::parse(in);
  rs.file = file;
  rs.jurisdiction = j.at("jurisdiction").get<std::string>();
  rs.name = j.at("name").get<std::string>();
  rs.version = j.at("version").get<std::string>();
  rs.reviewed = *model::Date::parse(j.at("reviewed").get<std::string>());
  for (const auto& r : j.at("remedies")) {
    rules::Remedy rem;
    rem.id = r.at("id").get<std::string>();
    rem.relief = r.at("relief").get<std::string>();
    rem.title = r.at("title").get<std::string>();
    rem.citation = r.at("citation").get<std::string>();
    rem.grant = r.value("grant", "may");
    rem.file_with = r.value("file_with", "");
    rem.serve = r.value("serve", "");
    rem.documents_needed = r.value("documents_needed", std::vector<std::string>{});
    rem.notes = r.value("notes", std::vector<std::string>{});
    rem.forms = r.value("forms", std::vector<std::string>{});
    rs.remedies.push_back(rem);
  }
  return rs;
}

/// The New York rules.
inline rules::RuleSet ny_rules() { return load_rules("ny"); }

/// The files of `written` of one kind.
inline std::vector<documents::WrittenFile> of_kind(const std::vector<documents::WrittenFile>& written,
                                                   const std::string& kind) {
  std::vector<documents::WrittenFile> out;
  for (const auto& f : written) {
    if (f.kind == kind) out.push_back(f);
  }
  return out;
}

/// A conviction record in one court.
inline model::Record conviction(std::string id, std::string case_number,
                                std::string court = "Criminal Court of the City of New York",
                                std::string county = "Queens") {
  model::Record r;
  r.id = std::move(id);
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.offense_description = "Prostitution";
  r.statute = "N.Y. Penal Law \xC2\xA7 230.00";
  r.offense_level = "misdemeanor";
  r.offense_date = model::Date{2016, 4, 2};
  r.disposition_date = model::Date{2016, 4, 3};
  r.court = std::move(court);
  r.county = std::move(county);
  r.case_number = std::move(case_number);
  r.facts["result_of_trafficking"] = true;
  return r;
}

/// examples/ny-sample.case.json, built as structs.
inline model::Case sample_case() {
  model::Case c;
  c.jurisdiction = "NY";
  c.petitioner.legal_name = "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B H\xC6\xB0\xC6\xA1ng";  // Nguyễn Thị Hương
  c.petitioner.other_names = {"Huong Nguyen",
                              "Mar\xC3\xAD"
                              "a N\xC3\xBA\xC3\xB1"
                              "ez"};  // María Núñez
  c.petitioner.date_of_birth = model::Date{1994, 3, 12};
  c.petitioner.address = {"120 Example Street, Apt 4", "", "Queens", "NY", "11432"};
  c.facts["trafficking_victim"] = true;
  c.facts["trafficking_kind"] = "sex";
  c.facts["trafficking_ended"] = true;
  c.facts["trafficking_end_date"] = "2019-06-01";
  c.facts["has_official_documentation"] = false;
  c.facts["has_provider_documentation"] = true;
  c.facts["willing_to_testify_or_sign_declaration"] = true;

  model::Record r1 = conviction("r1", "2016QN012345");
  r1.facts["while_trafficked"] = true;
  model::Record r2 = conviction("r2", "");
  r2.offense_category = "theft";
  r2.offense_description = "Petit larceny";
  r2.statute = "N.Y. Penal Law \xC2\xA7 155.25";
  r2.offense_date = model::Date{2017, 9, 15};
  r2.disposition_date = model::Date{2017, 11, 20};
  model::Record r3;
  r3.id = "r3";
  r3.kind = "arrest_no_conviction";
  r3.offense_category = "loitering_for_prostitution";
  r3.offense_description = "Loitering for prostitution (dismissed)";
  r3.statute = "N.Y. Penal Law \xC2\xA7 240.37";
  r3.offense_date = model::Date{2015, 1, 10};
  r3.court = "Criminal Court of the City of New York";
  r3.county = "Kings";
  c.records = {r1, r2, r3};
  return c;
}

/// A decision giving each record the outcome named in `outcomes` (by record
/// order; missing entries are eligible) under the START Act remedy.
inline rules::Decision decide_all(const model::Case& c, std::vector<rules::Outcome> outcomes = {}) {
  rules::Decision d;
  d.jurisdiction = "NY";
  d.rules_version = "2026-11-29";
  d.reviewed = model::Date{2026, 11, 29};
  d.as_of = model::Date{2026, 11, 29};
  for (size_t i = 0; i < c.records.size(); ++i) {
    rules::RecordDecision rd;
    rd.id = c.records[i].id;
    rd.best.remedy = "ny-cpl-440-10-1-i";
    rd.best.relief = "vacatur";
    rd.best.outcome = i < outcomes.size() ? outcomes[i] : rules::Outcome::Eligible;
    rd.best.citations = {"N.Y. Crim. Proc. Law \xC2\xA7 440.10(1)(i)"};
    d.records.push_back(rd);
  }
  return d;
}

/// The sample's decision: r1 and r2 eligible, r3 (an arrest) not.
inline rules::Decision sample_decision(const model::Case& c) {
  return decide_all(c, {rules::Outcome::Eligible, rules::Outcome::Eligible, rules::Outcome::NotEligible});
}

}  // namespace relief::pdftest
