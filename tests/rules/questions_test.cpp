#include "relief/rules/questions.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "relief/model/case_io.hpp"
#include "relief/rules/decision.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using relief::rules::Outcome;

const relief::rules::Library& library() {
  static const relief::rules::Library lib = [] {
    std::vector<relief::rules::Issue> issues;
    return *relief::rules::load_library(std::string(RELIEF_SOURCE_DIR) + "/rules", issues);
  }();
  return lib;
}

const relief::model::Date kAsOf = *relief::model::Date::parse("2026-11-29");

relief::model::Case empty_ny_case() {
  relief::model::Case c;
  c.jurisdiction = "NY";
  relief::model::Record r;
  r.id = "r1";
  r.kind = "conviction";
  r.offense_category = "theft";
  c.records.push_back(r);
  return c;
}

std::vector<std::string> outcomes(const relief::model::Case& c) {
  std::vector<std::string> out;
  // The planner never asks a question just to find a contradiction, so
  // consistency checks are left out here too.
  for (const auto& r : relief::rules::decide(c, *library().find(c.jurisdiction), kAsOf, {false}).records) {
    out.push_back(r.best.remedy + ":" + relief::rules::outcome_name(r.best.outcome));
    for (const auto& a : r.alternatives) out.push_back(a.remedy + ":" + relief::rules::outcome_name(a.outcome));
  }
  return out;
}

TEST(Questions, AsksTheVictimQuestionFirstOnAnEmptyCase) {
  const auto c = empty_ny_case();
  const auto qs = relief::rules::plan_questions(c, library(), *library().find("NY"), kAsOf);
  ASSERT_FALSE(qs.empty());
  EXPECT_EQ(qs[0].fact, "trafficking_victim");
  EXPECT_FALSE(qs[0].record);
  bool asks_link = false;
  for (const auto& q : qs) asks_link = asks_link || (q.fact == "result_of_trafficking" && q.record == "r1");
  EXPECT_TRUE(asks_link);
  const auto j = relief::rules::questions_to_json(qs);
  EXPECT_EQ(j["questions"][0]["type"], "bool");
  EXPECT_FALSE(j["questions"][0]["text"].get<std::string>().empty());
}

TEST(Questions, StopsAskingOnceEverythingIsDecided) {
  auto c = empty_ny_case();
  c.facts["trafficking_victim"] = false;  // decides the only record
  EXPECT_TRUE(relief::rules::plan_questions(c, library(), *library().find("NY"), kAsOf).empty());
}

TEST(Questions, NeverAsksAboutRecordsNoRemedyCovers) {
  auto c = empty_ny_case();
  c.records[0].kind = "arrest_no_conviction";
  EXPECT_TRUE(relief::rules::plan_questions(c, library(), *library().find("NY"), kAsOf).empty());
}

// Property: for every fact NOT asked, every possible answer leaves every
// outcome unchanged; and every question asked can change some outcome.
// Checked on each scenario case with each of its answers removed in turn.
TEST(Questions, AsksExactlyTheQuestionsThatCanChangeAnOutcome) {
  std::vector<relief::model::Case> cases;
  for (const auto& dir : fs::directory_iterator(std::string(RELIEF_SOURCE_DIR) + "/rules")) {
    if (!fs::is_directory(dir.path() / "cases")) continue;
    for (const auto& f : fs::directory_iterator(dir.path() / "cases")) {
      std::ifstream in(f.path());
      const json spec = json::parse(in);
      auto c = relief::model::case_from_json(spec.at("case"), f.path().string(), library().facts);
      ASSERT_TRUE(c);
      cases.push_back(*c);
      for (const auto& [name, v] : c->facts) {
        auto partial = *c;
        partial.facts.erase(name);
        cases.push_back(partial);
      }
      for (size_t i = 0; i < c->records.size(); ++i) {
        for (const auto& [name, v] : c->records[i].facts) {
          auto partial = *c;
          partial.records[i].facts.erase(name);
          cases.push_back(partial);
        }
      }
    }
  }
  cases.push_back(empty_ny_case());
  ASSERT_GT(cases.size(), 30u);
  int checked = 0;
  for (const auto& c : cases) {
    const auto* rs = library().find(c.jurisdiction);
    const auto asked = relief::rules::plan_questions(c, library(), *rs, kAsOf);
    const auto before = outcomes(c);
    for (const auto& def : library().facts.all()) {
      if (def.type != relief::model::FactType::Bool && def.type != relief::model::FactType::Choice) continue;
      std::vector<json> answers;
      if (def.type == relief::model::FactType::Bool) {
        answers = {true, false};
      } else {
        for (const auto& ch : def.choices) answers.emplace_back(ch);
      }
      std::vector<std::optional<std::string>> targets;
      if (def.scope == relief::model::FactScope::Person) {
        if (c.facts.count(def.name)) continue;
        targets.push_back(std::nullopt);
      } else {
        for (const auto& r : c.records) {
          if (!r.facts.count(def.name)) targets.push_back(r.id);
        }
      }
      for (const auto& target : targets) {
        bool changes = false;
        for (const auto& a : answers) {
          auto trial = c;
          if (!target) {
            trial.facts[def.name] = a;
          } else {
            for (auto& r : trial.records) {
              if (r.id == *target) r.facts[def.name] = a;
            }
          }
          changes = changes || outcomes(trial) != before;
        }
        bool was_asked = false;
        for (const auto& q : asked) was_asked = was_asked || (q.fact == def.name && q.record == target);
        EXPECT_EQ(was_asked, changes) << def.name << (target ? " on " + *target : std::string()) << " in a "
                                      << c.jurisdiction << " case";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
