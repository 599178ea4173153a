#include "relief/model/case_io.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using relief::ErrorCode;
using relief::model::parse_case;
using relief::test::facts;

constexpr const char* kGood = R"({
  "schema": "relief.case/1", "jurisdiction": "NY",
  "petitioner": {"legal_name": "Nguyễn Thị Hương", "other_names": ["María Núñez"],
                 "date_of_birth": "1994-03-12", "address": {"line1": "1 Main St", "city": "Queens", "state": "NY", "zip": "11432"}},
  "facts": {"trafficking_victim": true, "trafficking_kind": "sex", "has_official_documentation": null},
  "records": [{"id": "r1", "kind": "conviction", "offense_category": "prostitution",
               "offense_date": "2016-04-02", "disposition_date": "2016-04-03",
               "facts": {"result_of_trafficking": true}}]
})";

std::string error_line(const std::string& text) {
  auto c = parse_case(text, "case.json", facts());
  EXPECT_FALSE(c) << "expected an error for: " << text;
  return c ? std::string() : c.error().to_string();
}

TEST(CaseIo, ReadsAValidCaseWithUnicodeNames) {
  auto c = parse_case(kGood, "case.json", facts());
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->jurisdiction, "NY");
  EXPECT_EQ(c->petitioner.legal_name, "Nguyễn Thị Hương");
  EXPECT_EQ(c->petitioner.other_names.at(0), "María Núñez");
  ASSERT_EQ(c->records.size(), 1u);
  EXPECT_EQ(c->records[0].offense_date->iso(), "2016-04-02");
  EXPECT_EQ(c->facts.at("trafficking_victim"), true);
  // "not sure" (null) is stored as unknown: absent.
  EXPECT_EQ(c->facts.count("has_official_documentation"), 0u);
}

TEST(CaseIo, RoundTripsThroughJsonUnchanged) {
  auto c = parse_case(kGood, "case.json", facts());
  ASSERT_TRUE(c);
  auto again = parse_case(relief::model::case_to_json(*c).dump(), "again.json", facts());
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(*c, *again);
}

TEST(CaseIo, MalformedJsonNamesFileAndPosition) {
  const auto e = error_line(R"({"jurisdiction": "NY", "records": [,]})");
  EXPECT_EQ(e.rfind("case.json: $: not valid JSON", 0), 0u) << e;
  EXPECT_NE(e.find("line 1"), std::string::npos) << e;
}

TEST(CaseIo, TruncatedJsonIsAnError) {
  std::string text = kGood;
  const auto e = error_line(text.substr(0, text.size() / 2));
  EXPECT_NE(e.find("not valid JSON"), std::string::npos) << e;
}

TEST(CaseIo, ImpossibleDateNamesThePath) {
  std::string text = kGood;
  text.replace(text.find("2016-04-02"), 10, "13/45/2017");
  EXPECT_EQ(error_line(text), R"(case.json: $.records[0].offense_date: expected a date YYYY-MM-DD, got "13/45/2017")");
  text = kGood;
  text.replace(text.find("1994-03-12"), 10, "1994-02-30");
  EXPECT_EQ(error_line(text), R"(case.json: $.petitioner.date_of_birth: expected a date YYYY-MM-DD, got "1994-02-30")");
}

TEST(CaseIo, WrongTypeIsAnError) {
  std::string text = kGood;
  text.replace(text.find("\"trafficking_victim\": true"), 26, "\"trafficking_victim\": \"yes\"");
  EXPECT_EQ(error_line(text), R"(case.json: $.facts.trafficking_victim: expected true, false or null (not sure), got "yes")");
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": {}})").find("$.records: expected a list of records"),
            std::string::npos);
  EXPECT_NE(error_line(R"({"jurisdiction": 12, "records": []})").find("$.jurisdiction"), std::string::npos);
}

TEST(CaseIo, UnknownRecordKindListsTheKinds) {
  std::string text = kGood;
  text.replace(text.find("\"conviction\""), 12, "\"felony\"");
  const auto e = error_line(text);
  EXPECT_EQ(e.rfind("case.json: $.records[0].kind: expected one of \"conviction\", \"arrest_no_conviction\"", 0), 0u) << e;
  EXPECT_NE(e.find("got \"felony\""), std::string::npos) << e;
}

TEST(CaseIo, MissingRequiredFields) {
  EXPECT_NE(error_line(R"({"records": []})").find("case.json: $.jurisdiction: required field is missing"), std::string::npos);
  EXPECT_NE(error_line(R"({"jurisdiction": "NY"})").find("case.json: $.records: required field is missing"), std::string::npos);
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": [{"kind": "conviction"}]})").find("$.records[0].id"), std::string::npos);
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": [{"id": "r1"}]})").find("$.records[0].kind: required"), std::string::npos);
}

TEST(CaseIo, EmptyRecordListIsAllowed) {
  auto c = parse_case(R"({"jurisdiction": "ny", "records": []})", "case.json", facts());
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->jurisdiction, "NY");
  EXPECT_TRUE(c->records.empty());
}

TEST(CaseIo, UnknownFieldsAndFactsAreNamed) {
  EXPECT_EQ(error_line(R"({"jurisdiction": "NY", "records": [], "recrods": []})"),
            "case.json: $.recrods: unknown field (check the spelling)");
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": [], "facts": {"was_victim": true}})")
                .find("$.facts.was_victim: unknown fact"),
            std::string::npos);
  // A record fact put on the person is pointed to the right place.
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": [], "facts": {"result_of_trafficking": true}})")
                .find("belongs in a record"),
            std::string::npos);
}

TEST(CaseIo, DuplicateRecordIdsAreRefused) {
  const auto e = error_line(
      R"({"jurisdiction": "NY", "records": [{"id": "r1", "kind": "conviction"}, {"id": "r1", "kind": "conviction"}]})");
  EXPECT_EQ(e, "case.json: $.records[1].id: record id \"r1\" is used twice");
}

TEST(CaseIo, OversizedTextAndTooManyRecordsAreRefused) {
  const std::string huge(100 * 1024, 'a');
  EXPECT_NE(error_line(R"({"jurisdiction": "NY", "records": [], "petitioner": {"legal_name": ")" + huge + "\"}}")
                .find("$.petitioner.legal_name: text is too long"),
            std::string::npos);
  std::string many = R"({"jurisdiction": "NY", "records": [)";
  for (int i = 0; i < 2001; ++i) many += (i ? "," : "") + std::string(R"({"id": "r)") + std::to_string(i) + R"(", "kind": "conviction"})";
  many += "]}";
  EXPECT_NE(error_line(many).find("too many records"), std::string::npos);
}

TEST(CaseIo, MissingFileIsNamed) {
  auto c = relief::model::load_case_file("/nonexistent/case.json", facts());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::NotFound);
  EXPECT_EQ(c.error().to_string(), "/nonexistent/case.json: file not found");
}

TEST(CaseIo, SaveIsAtomicAndLeavesNoTempFiles) {
  relief::test::TempDir dir;
  auto c = parse_case(kGood, "case.json", facts());
  ASSERT_TRUE(c);
  const auto path = dir.file("saved.case.json");
  ASSERT_TRUE(relief::model::save_case_file(*c, path));
  ASSERT_TRUE(relief::model::save_case_file(*c, path));  // replacing works too
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    ++files;
    EXPECT_EQ(e.path().filename(), "saved.case.json");
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read),
            std::filesystem::perms::none);
  auto back = relief::model::load_case_file(path, facts());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *c);
}

TEST(CaseIo, UnwritableDestinationFailsCleanly) {
  // A path whose "folder" is a regular file cannot be written, even by root.
  relief::test::TempDir dir;
  { std::ofstream(dir.file("not-a-folder")) << "x"; }
  auto c = parse_case(kGood, "case.json", facts());
  ASSERT_TRUE(c);
  auto r = relief::model::save_case_file(*c, dir.file("not-a-folder/x.case.json"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_NE(r.error().to_string().find("cannot write in folder"), std::string::npos) << r.error().to_string();
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

}  // namespace
