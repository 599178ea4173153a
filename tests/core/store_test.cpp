#include "relief/store/store.hpp"

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "relief/model/case_io.hpp"
#include "test_support.hpp"

namespace {

using relief::ErrorCode;
using relief::store::Store;

// Every store is encrypted; tests use the cheap key-derivation cost.
relief::Result<Store> open_store(const std::string& path) {
  relief::crypto::SecretBuffer pass(64);
  pass.assign("correct horse battery staple");
  relief::store::OpenOptions opts;
  opts.passphrase_cost = relief::crypto::KdfCost::interactive();
  return Store::open(path, pass, opts);
}

relief::model::Case sample() {
  relief::model::Case c;
  c.jurisdiction = "NY";
  c.petitioner.legal_name = "Núñez Nguyễn";
  c.facts["trafficking_victim"] = true;
  relief::model::Record r;
  r.id = "r1";
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.facts["result_of_trafficking"] = true;
  c.records.push_back(r);
  return c;
}

TEST(Store, CreatesTheSchemaAndSavesAndLoads) {
  relief::test::TempDir dir;
  auto s = open_store(dir.file("relief.db"));
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->schema_version(), relief::store::kSchemaVersion);
  auto id = s->save(sample());
  ASSERT_TRUE(id) << id.error().to_string();
  auto back = s->load(*id, relief::test::facts());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(*back, sample());

  auto changed = sample();
  changed.records[0].case_number = "2016QN1";
  ASSERT_TRUE(s->save(changed, *id));
  EXPECT_EQ(s->load(*id, relief::test::facts())->records[0].case_number, "2016QN1");
  auto list = s->list();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).jurisdiction, "NY");
  EXPECT_EQ(list->at(0).records, 1);
}

TEST(Store, ReopeningKeepsDataAndVersion) {
  relief::test::TempDir dir;
  std::int64_t id = 0;
  {
    auto s = open_store(dir.file("relief.db"));
    ASSERT_TRUE(s);
    id = *s->save(sample());
  }
  auto s = open_store(dir.file("relief.db"));
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_TRUE(s->load(id, relief::test::facts()));
}

TEST(Store, NewerDatabaseIsRefusedAndLeftUntouched) {
  relief::test::TempDir dir;
  const auto path = dir.file("future.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE future (x)");
    db.exec("PRAGMA user_version = 99");
  }
  std::ifstream before_in(path, std::ios::binary);
  const std::string before((std::istreambuf_iterator<char>(before_in)), {});
  auto s = open_store(path);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::Incompatible);
  EXPECT_NE(s.error().to_string().find("newer version of Relief"), std::string::npos);
  std::ifstream after_in(path, std::ios::binary);
  const std::string after((std::istreambuf_iterator<char>(after_in)), {});
  EXPECT_EQ(before, after);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Store, CorruptFileIsReportedNotOverwritten) {
  relief::test::TempDir dir;
  const auto path = dir.file("corrupt.db");
  { std::ofstream(path) << "this is not a database, just text that was left here"; }
  auto s = open_store(path);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::Corrupt);
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "this is not a database, just text that was left here");
}

TEST(Store, EraseRemovesTheCaseFromTheFile) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  auto s = open_store(path);
  ASSERT_TRUE(s);
  auto id = s->save(sample());
  ASSERT_TRUE(id);
  ASSERT_TRUE(s->erase(*id));
  EXPECT_EQ(s->load(*id, relief::test::facts()).error().code, ErrorCode::NotFound);
  // secure_delete + checkpoint + VACUUM: the name is in neither file.
  for (const auto& f : {path, path + "-wal"}) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes.find("Núñez"), std::string::npos) << f;
  }
}

// A kept kiosk session under the administrator's limit of wrong PINs: the
// count lives in the database, so restarting the program (a new Store)
// gives a guesser no fresh tries, and the limit erases the session.
TEST(KeptSessionLimit, WrongTriesSurviveAReopenAndTheLimitErases) {
  relief::test::TempDir dir;
  ::setenv("RELIEF_STATE_DIR", dir.file("state").c_str(), 1);  // the audit log goes here
  EXPECT_EQ(relief::store::kept_sessions_path(), dir.file("state") + "/kept-sessions.db");
  const auto path = relief::store::kept_sessions_path();
  std::filesystem::create_directories(dir.file("state"));
  relief::store::OpenOptions opts;
  opts.pin_cost = relief::crypto::KdfCost::interactive();
  opts.max_pin_failures = 3;
  relief::crypto::SecretBuffer pin(64), wrong(64);
  pin.assign("482913");
  wrong.assign("000000");
  std::string code;
  {
    auto s = Store::open_kiosk(path, opts);
    ASSERT_TRUE(s) << s.error().to_string();
    auto c = s->save_session(sample(), pin);
    ASSERT_TRUE(c) << c.error().to_string();
    code = *c;
    for (int i = 0; i < 2; ++i) {
      auto r = s->resume_session(code, wrong, relief::test::facts());
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::BadInput);
      // A wrong PIN says nothing about what is kept.
      EXPECT_EQ(r.error().message.find("Núñez"), std::string::npos);
    }
  }
  auto s = Store::open_kiosk(path, opts);
  ASSERT_TRUE(s);
  auto third = s->resume_session(code, wrong, relief::test::facts());
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::NotFound);
  auto right = s->resume_session(code, pin, relief::test::facts());
  ASSERT_FALSE(right) << "the session survived the limit";
  EXPECT_EQ(right.error().code, ErrorCode::NotFound);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions").getInt(), 0);
  ::unsetenv("RELIEF_STATE_DIR");
}

}  // namespace
