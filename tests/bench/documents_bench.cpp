// How long writing the papers takes: one New York bundle (the sample case)
// and a 30-record bundle that needs addenda.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../core/test_support.hpp"
#include "relief/documents/petition.hpp"
#include "relief/model/case_io.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/ruleset.hpp"

namespace {

using namespace relief;

struct Fixture {
  rules::Library lib;
  model::Case sample;
  model::Case thirty;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    // The data folder of the build tree, as the tests use it.
    ::setenv("RELIEF_DATA_DIR", RELIEF_BINARY_DIR "/share/relief", 0);
    std::vector<rules::Issue> issues;
    auto lib = rules::load_library(std::string(RELIEF_SOURCE_DIR) + "/rules", issues);
    if (!lib) std::abort();
    auto c = model::load_case_file(std::string(RELIEF_SOURCE_DIR) + "/examples/ny-sample.case.json", lib->facts);
    if (!c) std::abort();
    model::Case thirty = *c;
    thirty.records.clear();
    for (int i = 1; i <= 30; ++i) {
      model::Record r = c->records.front();
      r.id = "r" + std::to_string(i);
      r.case_number = "2015QN" + std::to_string(100000 + i);
      thirty.records.push_back(r);
    }
    return Fixture{std::move(*lib), *c, thirty};
  }();
  return f;
}

void write_bundle(benchmark::State& state, const model::Case& c) {
  const rules::RuleSet& rs = *fixture().lib.find("NY");
  const rules::Decision d = rules::decide(c, rs, model::Date{2026, 11, 30});
  relief::test::TempDir dir;
  documents::PetitionOptions opts;
  opts.out_dir = dir.path();
  opts.today = model::Date{2026, 11, 30};
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = documents::write_petitions(c, rs, d, opts);
    if (!r) state.SkipWithError(r.error().to_string().c_str());
    bytes = 0;
    for (const auto& f : *r) bytes += f.bytes;
  }
  state.counters["bundle_kB"] = static_cast<double>(bytes) / 1024.0;
}

void BM_NewYorkBundle(benchmark::State& state) { write_bundle(state, fixture().sample); }
void BM_ThirtyRecordBundle(benchmark::State& state) { write_bundle(state, fixture().thirty); }

BENCHMARK(BM_NewYorkBundle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThirtyRecordBundle)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
