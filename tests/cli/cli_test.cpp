// Runs the real `relief` binary as a user would and checks what it prints
// and how it exits.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../core/test_support.hpp"

namespace {

using nlohmann::json;

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run relief(const std::string& args) {
  relief::test::TempDir tmp;
  const std::string err_file = tmp.file("stderr");
  const std::string cmd = std::string(RELIEF_EXE) + " " + args + " 2>" + err_file;
  Run r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  r.err.assign(std::istreambuf_iterator<char>(in), {});
  return r;
}

const std::string kSample = std::string(RELIEF_SOURCE_DIR) + "/examples/ny-sample.case.json";

std::string write_case(const relief::test::TempDir& dir, const std::string& text) {
  const auto path = dir.file("case.json");
  std::ofstream(path) << text;
  return path;
}

TEST(Cli, VersionAndHelp) {
  auto r = relief("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("relief ", 0), 0u) << r.out;
  r = relief("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"jurisdictions", "check", "questions", "petition", "rules"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST(Cli, JurisdictionsJsonFollowsTheContract) {
  auto r = relief("jurisdictions --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  json ny;
  for (const auto& jur : j.at("jurisdictions")) {
    if (jur.at("code") == "NY") ny = jur;
  }
  ASSERT_FALSE(ny.is_null()) << r.out;
  EXPECT_EQ(j.at("jurisdictions").size(), 5u);
  EXPECT_EQ(ny.at("name"), "New York");
  EXPECT_EQ(ny.at("relief_types"), json::array({"vacatur"}));
  EXPECT_EQ(ny.at("citations").at(0), "N.Y. Crim. Proc. Law § 440.10(1)(i)");
  EXPECT_EQ(ny.at("confidence"), "medium");
  EXPECT_TRUE(ny.contains("reviewed") && ny.contains("rules_version") && ny.contains("has_survivor_specific_law"));
}

TEST(Cli, CheckDecidesTheSampleCase) {
  auto r = relief("check --case " + kSample + " --as-of 2026-11-29 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  EXPECT_EQ(j.at("jurisdiction"), "NY");
  EXPECT_EQ(j.at("rules_version"), "2026-11-29");
  const auto& recs = j.at("records");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].at("outcome"), "eligible");
  EXPECT_EQ(recs[0].at("relief"), "vacatur");
  EXPECT_EQ(recs[0].at("remedy"), "ny-cpl-440-10-1-i");
  EXPECT_EQ(recs[0].at("citations").at(0), "N.Y. Crim. Proc. Law § 440.10(1)(i)");
  EXPECT_FALSE(recs[0].at("reasons").empty());
  EXPECT_FALSE(recs[0].at("documents_needed").empty());
  EXPECT_EQ(recs[1].at("outcome"), "eligible");
  EXPECT_EQ(recs[2].at("outcome"), "not_eligible");
  EXPECT_NE(recs[2].at("reasons").dump().find("160.50"), std::string::npos);
}

TEST(Cli, CheckTextShowsDisclaimerReviewDateAndClinic) {
  auto r = relief("check --case " + kSample + " --as-of 2026-11-29");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("This is legal information, not legal advice."), std::string::npos);
  EXPECT_NE(r.out.find("reviewed 2026-11-29"), std::string::npos);
  EXPECT_NE(r.out.find("Riverside Legal Aid Clinic"), std::string::npos);
  EXPECT_NE(r.out.find("Record r1 (Prostitution): ELIGIBLE"), std::string::npos) << r.out;
}

TEST(Cli, BadInputExitsTwoWithOneLineNamingFileAndPath) {
  relief::test::TempDir dir;
  const auto path = write_case(dir, R"({"jurisdiction": "NY", "records": [{"id": "r1", "kind": "conviction",
                                        "offense_date": "13/45/2017"}]})");
  auto r = relief("check --case " + path);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, path + ": $.records[0].offense_date: expected a date YYYY-MM-DD, got \"13/45/2017\"\n");
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, MalformedTruncatedAndMissingFilesExitTwo) {
  relief::test::TempDir dir;
  auto r = relief("check --case " + write_case(dir, R"({"jurisdiction": "NY", "records": [)"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
  r = relief("check --case " + dir.file("nope.json"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("file not found"), std::string::npos) << r.err;
  r = relief("check --case " + write_case(dir, R"({"jurisdiction": "QQ", "records": []})"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no rules for \"QQ\""), std::string::npos) << r.err;
  r = relief("check --case " + kSample + " --as-of 2026-02-30");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
  r = relief("check");
  EXPECT_EQ(r.code, 2);
}

TEST(Cli, QuestionsListsWhatIsStillNeeded) {
  relief::test::TempDir dir;
  const auto path = write_case(dir, R"({"jurisdiction": "NY", "records": [{"id": "r1", "kind": "conviction"}]})");
  auto r = relief("questions --case " + path + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  ASSERT_FALSE(j.at("questions").empty());
  EXPECT_EQ(j["questions"][0]["fact"], "trafficking_victim");
  EXPECT_TRUE(j["questions"][0]["record"].is_null());
}

TEST(Cli, RulesValidateAcceptsShippedRulesAndListsEveryProblem) {
  auto r = relief("rules validate");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ok:"), std::string::npos);
  relief::test::TempDir dir;
  std::filesystem::copy(std::string(RELIEF_SOURCE_DIR) + "/rules/facts.json", dir.file("facts.json"));
  std::filesystem::create_directory(dir.file("zz"));
  std::ofstream(dir.file("zz/rules.json")) << R"({"jurisdiction": "ZZ", "remedies": []})";
  r = relief("rules validate " + dir.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("zz/rules.json: $.name: required text is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("zz/rules.json: $.sources:"), std::string::npos) << r.err;
}

TEST(Cli, PetitionWritesPdfsAndRefusesAMissingFolder) {
  relief::test::TempDir dir;
  auto r = relief("petition --case " + kSample + " --out " + dir.path() + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  ASSERT_FALSE(j.at("files").empty());
  for (const auto& f : j["files"]) {
    EXPECT_TRUE(std::filesystem::exists(f.at("path").get<std::string>()));
    // File names never carry the petitioner's name.
    EXPECT_EQ(f.at("path").get<std::string>().find("Nguy"), std::string::npos);
  }
  r = relief("petition --case " + kSample + " --out " + dir.file("missing"));
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing")));
}

}  // namespace
