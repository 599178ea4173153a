// Rules engine figures: loading every rules file, deciding a 20-record case
// against every jurisdiction, and planning the next questions.
// Run: build/release/bin/rules_bench  (not part of ctest: timings are not tests)
#include <benchmark/benchmark.h>

#include "relief/rules/decision.hpp"
#include "relief/rules/questions.hpp"
#include "relief/rules/ruleset.hpp"
#include "relief/util/paths.hpp"

namespace {

const std::string kRules = std::string(RELIEF_SOURCE_DIR) + "/rules";

relief::rules::Library load() {
  std::vector<relief::rules::Issue> issues;
  auto lib = relief::rules::load_library(kRules, issues);
  if (!lib) throw std::runtime_error("rules do not load");
  return std::move(*lib);
}

// Twenty records of mixed kinds and categories, half of them answered.
relief::model::Case twenty_records(const std::string& code, bool answered) {
  static const char* kKinds[] = {"conviction", "conviction", "arrest_no_conviction", "juvenile_adjudication",
                                 "deferred_adjudication"};
  static const char* kCats[] = {"prostitution", "theft", "drug_possession", "loitering_for_prostitution", "weapons",
                                "assault", "trespass"};
  relief::model::Case c;
  c.jurisdiction = code;
  if (answered) {
    c.facts["trafficking_victim"] = true;
    c.facts["has_official_documentation"] = false;
  }
  for (int i = 0; i < 20; ++i) {
    relief::model::Record r;
    r.id = "r" + std::to_string(i + 1);
    r.kind = kKinds[i % 5];
    r.offense_category = kCats[i % 7];
    r.offense_date = relief::model::Date{2010 + i % 10, 1 + i % 12, 1 + i % 28};
    r.disposition_date = r.offense_date;
    if (answered && i % 2 == 0) r.facts["result_of_trafficking"] = true;
    c.records.push_back(r);
  }
  return c;
}

const relief::model::Date kAsOf{2026, 11, 29};

void BM_LoadAllRules(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load());
}
BENCHMARK(BM_LoadAllRules)->Unit(benchmark::kMillisecond);

void BM_Decide20RecordsEveryJurisdiction(benchmark::State& state) {
  const auto lib = load();
  std::vector<relief::model::Case> cases;
  for (const auto& rs : lib.sets) cases.push_back(twenty_records(rs.jurisdiction, true));
  for (auto _ : state) {
    for (size_t i = 0; i < lib.sets.size(); ++i) benchmark::DoNotOptimize(relief::rules::decide(cases[i], lib.sets[i], kAsOf));
  }
  state.counters["jurisdictions"] = static_cast<double>(lib.sets.size());
}
BENCHMARK(BM_Decide20RecordsEveryJurisdiction)->Unit(benchmark::kMicrosecond);

void BM_PlanQuestions20Records(benchmark::State& state) {
  const auto lib = load();
  const bool answered = state.range(0) != 0;
  const auto c = twenty_records("NY", answered);
  for (auto _ : state) benchmark::DoNotOptimize(relief::rules::plan_questions(c, lib, *lib.find("NY"), kAsOf));
}
BENCHMARK(BM_PlanQuestions20Records)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
