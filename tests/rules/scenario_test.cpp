// Runs every scenario case under rules/<code>/cases/: a case file, an as-of
// date and the expected outcome per record. Adding a case adds no C++.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "relief/model/case_io.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/ruleset.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kRules = std::string(RELIEF_SOURCE_DIR) + "/rules";

const relief::rules::Library& library() {
  static const relief::rules::Library lib = [] {
    std::vector<relief::rules::Issue> issues;
    auto l = relief::rules::load_library(kRules, issues);
    if (!l) {
      std::string all;
      for (const auto& i : issues) all += i.to_string() + "\n";
      throw std::runtime_error("rules do not load:\n" + all);
    }
    return *l;
  }();
  return lib;
}

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& dir : fs::directory_iterator(kRules)) {
    const auto cases = dir.path() / "cases";
    if (!fs::is_directory(cases)) continue;
    for (const auto& f : fs::directory_iterator(cases)) {
      if (f.path().extension() == ".json") out.push_back(f.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  const fs::path p(info.param);
  std::string name = p.parent_path().parent_path().filename().string() + "_" + p.stem().string();
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, OutcomesMatch) {
  std::ifstream in(GetParam());
  const json spec = json::parse(in);
  ASSERT_TRUE(spec.contains("about") && spec["about"].is_string()) << "each case says what it pins";
  auto c = relief::model::case_from_json(spec.at("case"), GetParam(), library().facts);
  ASSERT_TRUE(c) << c.error().to_string();
  const auto* rs = library().find(c->jurisdiction);
  ASSERT_NE(rs, nullptr);
  const auto as_of = relief::model::Date::parse(spec.at("as_of").get<std::string>());
  ASSERT_TRUE(as_of);
  const auto d = relief::rules::decide(*c, *rs, *as_of);
  const auto& expect = spec.at("expect");
  ASSERT_EQ(expect.size(), c->records.size()) << "every record needs an expectation";
  for (const auto& r : d.records) {
    SCOPED_TRACE("record " + r.id + ": " + relief::rules::decision_to_json(d).dump(2));
    ASSERT_TRUE(expect.contains(r.id));
    const auto& e = expect[r.id];
    EXPECT_EQ(relief::rules::outcome_name(r.best.outcome), e.at("outcome").get<std::string>());
    if (e.contains("relief")) {
      EXPECT_EQ(r.best.relief, e["relief"].is_null() ? "" : e["relief"].get<std::string>());
    }
    if (e.contains("remedy")) {
      EXPECT_EQ(r.best.remedy, e["remedy"].get<std::string>());
    }
    if (e.contains("citation")) {
      const auto& cits = r.best.citations;
      EXPECT_NE(std::find(cits.begin(), cits.end(), e["citation"].get<std::string>()), cits.end());
    }
    if (e.contains("reason")) {
      const auto want = e["reason"].get<std::string>();
      bool found = false;
      for (const auto& m : r.best.reasons) found = found || m.format().find(want) != std::string::npos;
      EXPECT_TRUE(found) << "no reason mentions \"" << want << "\"";
    }
    if (e.contains("missing")) {
      auto want = e["missing"].get<std::vector<std::string>>();
      auto got = r.best.missing;
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, want);
    }
    // Every outcome is explained and cites the law.
    EXPECT_FALSE(r.best.reasons.empty());
    EXPECT_FALSE(r.best.citations.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, Scenario, testing::ValuesIn(case_files()), test_name);

TEST(ScenarioCoverage, EveryJurisdictionHasCases) {
  for (const auto& rs : library().sets) {
    std::string code = rs.jurisdiction;
    for (auto& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const auto dir = fs::path(kRules) / code / "cases";
    int n = 0;
    if (fs::is_directory(dir)) {
      for (const auto& f : fs::directory_iterator(dir)) n += f.path().extension() == ".json" ? 1 : 0;
    }
    EXPECT_GE(n, 8) << rs.jurisdiction << " needs at least 8 scenario cases";
  }
}

}  // namespace
