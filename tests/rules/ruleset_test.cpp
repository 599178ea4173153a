#include "relief/rules/ruleset.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "../core/test_support.hpp"

namespace {

using relief::rules::Issue;

std::vector<Issue> problems_in(const std::string& rules_json) {
  relief::test::TempDir dir;
  std::filesystem::copy(std::string(RELIEF_SOURCE_DIR) + "/rules/facts.json", dir.file("facts.json"));
  std::filesystem::create_directory(dir.file("zz"));
  { std::ofstream(dir.file("zz/rules.json")) << rules_json; }
  std::vector<Issue> issues;
  auto lib = relief::rules::load_library(dir.path(), issues);
  EXPECT_FALSE(lib) << "expected the rules to be refused";
  return issues;
}

bool has(const std::vector<Issue>& issues, const std::string& path, const std::string& text) {
  for (const auto& i : issues) {
    if (i.path == path && i.message.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const std::vector<Issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += i.to_string() + "\n";
  return s;
}

TEST(RuleSet, ShippedRulesLoadWithoutProblems) {
  std::vector<Issue> issues;
  auto lib = relief::rules::load_library(std::string(RELIEF_SOURCE_DIR) + "/rules", issues);
  ASSERT_TRUE(lib) << dump(issues);
  EXPECT_TRUE(issues.empty()) << dump(issues);
  const auto* ny = lib->find("ny");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->name, "New York");
  EXPECT_FALSE(ny->sources.empty());
  EXPECT_EQ(ny->citations().front(), "N.Y. Crim. Proc. Law § 440.10(1)(i)");
}

TEST(RuleSet, ReportsEveryProblemAtOnce) {
  const auto issues = problems_in(R"({
    "jurisdiction": "ZZ", "name": "Test", "version": "1", "reviewed": "2026-02-30", "confidence": "sure",
    "sources": [],
    "remedies": [
      {"id": "a", "relief": "vacatur", "title": "A", "citation": "", "effective_from": "2020-01-01",
       "grant": "may", "record_kinds": ["conviction"],
       "conditions": [{"id": "c", "test": {"==": [{"var": "was_victim"}, true]}, "citation": "X", "because": "", "unmet": "no"}]},
      {"id": "a", "relief": "pardon", "title": "B", "citation": "Y", "effective_from": "2020-01-01",
       "effective_until": "2019-01-01", "grant": "must", "record_kinds": [],
       "conditions": [{"id": "c", "test": {"varr": "x"}, "citation": "X", "because": "b", "unmet": "u"}]}
    ]})");
  EXPECT_TRUE(has(issues, "$.reviewed", "expected a date")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.confidence", "high, medium or low")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.sources", "at least one source")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[0].citation", "must not be empty")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[0].conditions[0].test", "unknown fact \"was_victim\"")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[0].conditions[0].because", "must not be empty")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].id", "used twice")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].relief", "expected vacatur")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].effective_until", "can never apply")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].grant", "may")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].record_kinds", "can never apply")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[1].conditions[0].test.varr", "unknown operator")) << dump(issues);
  for (const auto& i : issues) EXPECT_NE(i.file.find("zz/rules.json"), std::string::npos);
}

TEST(RuleSet, MalformedJsonIsNamed) {
  const auto issues = problems_in(R"({"jurisdiction": "ZZ", )");
  ASSERT_FALSE(issues.empty());
  EXPECT_NE(issues[0].message.find("not valid JSON"), std::string::npos);
}

TEST(RuleSet, ScopeOfFactsIsChecked) {
  const auto issues = problems_in(R"({
    "jurisdiction": "ZZ", "name": "Test", "version": "1", "reviewed": "2026-01-01", "confidence": "low",
    "sources": [{"title": "t", "url": "u"}],
    "remedies": [{"id": "a", "relief": "sealing", "title": "A", "citation": "C", "effective_from": "2020-01-01",
       "grant": "shall", "record_kinds": ["conviction"],
       "conditions": [{"id": "c", "test": {"and": [{"var": "result_of_trafficking"}, {"var": "record.trafficking_victim"}]},
                       "citation": "C", "because": "b", "unmet": "u"}]}]})");
  EXPECT_TRUE(has(issues, "$.remedies[0].conditions[0].test", "read it as \"record.result_of_trafficking\"")) << dump(issues);
  EXPECT_TRUE(has(issues, "$.remedies[0].conditions[0].test", "fact about the person")) << dump(issues);
}

}  // namespace
