#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "privacy_support.hpp"
#include "relief/model/case_io.hpp"
#include "relief/util/atomic_file.hpp"
#include "relief/util/paths.hpp"
#include "relief/store/store.hpp"
#include "test_support.hpp"

namespace {

using namespace relief;
using relief::store::Store;
using relief::test::fast_options;
using relief::test::secret;
using relief::test::slurp;

std::string db_bytes(const std::string& path) { return slurp(path) + slurp(path + "-wal"); }

TEST(EncryptedStore, CaseIsNeverInTheFileInClear) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_TRUE(s) << s.error().to_string();
  auto id = s->save(relief::test::identifying_case());
  ASSERT_TRUE(id);
  EXPECT_FALSE(relief::test::leaks(db_bytes(path)));
  auto back = s->load(*id, relief::test::facts());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->petitioner.legal_name, relief::test::kName);
  // The list shows nothing identifying, and needs no decryption.
  EXPECT_EQ(s->list()->at(0).jurisdiction, "NY");
}

TEST(EncryptedStore, WrongPassphraseRevealsNothingAndChangesNothing) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  {
    auto s = Store::open(path, secret("clinic passphrase"), fast_options());
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->save(relief::test::identifying_case()));
  }
  const auto before = db_bytes(path);
  auto s = Store::open(path, secret("clinic passphrasE"), fast_options());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
  EXPECT_NE(s.error().to_string().find("wrong passphrase"), std::string::npos);
  EXPECT_FALSE(relief::test::leaks(s.error().to_string()));
  EXPECT_EQ(db_bytes(path), before);
  EXPECT_TRUE(Store::open(path, secret("clinic passphrase"), fast_options()));
}

TEST(EncryptedStore, VersionOneDatabaseIsEncryptedOnFirstOpenAndScrubbed) {
  relief::test::TempDir dir;
  const auto path = dir.file("old.db");
  const std::string json = model::case_to_json(relief::test::identifying_case()).dump();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE cases (id INTEGER PRIMARY KEY, jurisdiction TEXT NOT NULL, records INTEGER NOT NULL, "
            "case_json TEXT NOT NULL, created TEXT NOT NULL DEFAULT (datetime('now')), "
            "updated TEXT NOT NULL DEFAULT (datetime('now')))");
    SQLite::Statement ins(db, "INSERT INTO cases (id, jurisdiction, records, case_json) VALUES (7, 'NY', 1, ?)");
    ins.bind(1, json);
    ins.exec();
    db.exec("PRAGMA user_version = 1");
  }
  ASSERT_TRUE(relief::test::leaks(db_bytes(path)));
  const auto before = db_bytes(path);

  // A kiosk (no passphrase) cannot encrypt the old rows: refused, unchanged.
  auto kiosk = Store::open_kiosk(path, fast_options());
  ASSERT_FALSE(kiosk);
  EXPECT_EQ(kiosk.error().code, ErrorCode::Incompatible);
  EXPECT_NE(kiosk.error().message.find("open it once with the passphrase"), std::string::npos);
  EXPECT_EQ(db_bytes(path), before);

  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->schema_version(), 2);
  auto back = s->load(7, relief::test::facts());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->petitioner.legal_name, relief::test::kName);
  EXPECT_FALSE(relief::test::leaks(db_bytes(path)));
}

TEST(KeptSession, ResumesWithCodeAndPinAndIsErasedAfterFiveWrongPins) {
  relief::test::TempDir dir;
  const auto path = dir.file("kiosk.db");
  auto s = Store::open_kiosk(path, fast_options());
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_FALSE(s->save(relief::test::identifying_case()));  // no passphrase, no cases
  EXPECT_FALSE(s->save_session(relief::test::identifying_case(), secret("12")));  // PIN too short
  auto code = s->save_session(relief::test::identifying_case(), secret("4821"));
  ASSERT_TRUE(code) << code.error().to_string();
  EXPECT_FALSE(relief::test::leaks(db_bytes(path)));

  // Codes are forgiving about case and dashes, strict about the PIN.
  std::string typed = *code;
  std::erase(typed, '-');
  for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto back = s->resume_session(typed, secret("4821"), relief::test::facts());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->petitioner.legal_name, relief::test::kName);

  // A success resets the count: four wrong tries, then the right PIN works.
  for (int i = 0; i < 4; ++i) {
    auto r = s->resume_session(*code, secret("0000"), relief::test::facts());
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find(std::to_string(4 - i) + " tries left"), std::string::npos) << r.error().message;
  }
  ASSERT_TRUE(s->resume_session(*code, secret("4821"), relief::test::facts()));
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(s->resume_session(*code, secret("9999"), relief::test::facts()));
  auto fifth = s->resume_session(*code, secret("9999"), relief::test::facts());
  ASSERT_FALSE(fifth);
  EXPECT_NE(fifth.error().message.find("erased"), std::string::npos);
  auto gone = s->resume_session(*code, secret("4821"), relief::test::facts());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::NotFound);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions").getInt(), 0);
  EXPECT_EQ(slurp(path + "-wal").size(), 0u);  // checkpointed and truncated
  auto log = slurp(relief::util::state_dir() + "/audit.log");
  EXPECT_NE(log.find("\"reason\":\"pin_failures\""), std::string::npos);
}

TEST(KeptSession, TheWrongTryLimitIsASetting) {
  relief::test::TempDir dir;
  auto opts = fast_options();
  opts.max_pin_failures = 2;
  auto s = Store::open_kiosk(dir.file("kiosk.db"), opts);
  ASSERT_TRUE(s);
  auto code = s->save_session(relief::test::identifying_case(), secret("4821"));
  ASSERT_TRUE(code);
  ASSERT_FALSE(s->resume_session(*code, secret("1111"), relief::test::facts()));
  ASSERT_FALSE(s->resume_session(*code, secret("1111"), relief::test::facts()));
  EXPECT_EQ(s->resume_session(*code, secret("4821"), relief::test::facts()).error().code, ErrorCode::NotFound);
}

TEST(Retention, PurgeRemovesOnlyOldCasesAndScrubsThem) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_TRUE(s);
  auto old_id = s->save(relief::test::identifying_case());
  auto new_id = s->save(relief::test::identifying_case());
  ASSERT_TRUE(old_id && new_id);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE cases SET updated = datetime('now', '-40 days') WHERE id = " + std::to_string(*old_id));
  }
  EXPECT_FALSE(s->purge_older_than(-1));
  auto removed = s->purge_older_than(30);
  ASSERT_TRUE(removed) << removed.error().to_string();
  EXPECT_EQ(*removed, 1);
  EXPECT_EQ(s->load(*old_id, relief::test::facts()).error().code, ErrorCode::NotFound);
  EXPECT_TRUE(s->load(*new_id, relief::test::facts()));
  EXPECT_EQ(*s->purge_older_than(30), 0);
}

TEST(CorruptStore, RefusedUnchangedByDefault_KeptAsideOnRequest) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  const std::string junk = "SQLite format 3" + std::string(4096, '\x7f');
  ASSERT_TRUE(util::write_file_atomically(path, junk));

  auto refused = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::Corrupt);
  EXPECT_NE(refused.error().message.find("not changed"), std::string::npos);
  EXPECT_EQ(slurp(path), junk);

  auto opts = fast_options();
  opts.keep_corrupt_aside = true;
  auto s = Store::open(path, secret("clinic passphrase"), opts);
  ASSERT_TRUE(s) << s.error().to_string();
  ASSERT_FALSE(s->moved_aside().empty());
  EXPECT_EQ(s->moved_aside().rfind(path + ".corrupt-", 0), 0u) << s->moved_aside();
  EXPECT_EQ(slurp(s->moved_aside()), junk);  // kept, byte for byte
  EXPECT_TRUE(s->list()->empty());
  EXPECT_TRUE(s->save(relief::test::identifying_case()));
}

TEST(CorruptStore, DamagedPagesFailTheIntegrityCheck) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  {
    auto s = Store::open(path, secret("clinic passphrase"), fast_options());
    ASSERT_TRUE(s);
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(s->save(relief::test::identifying_case()));
    ASSERT_TRUE(s->purge_older_than(36500));  // no-op purge; then checkpoint below
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::string bytes = slurp(path);
  ASSERT_GT(bytes.size(), 3 * 4096u);
  for (std::size_t i = 2 * 4096 + 8; i < 2 * 4096 + 200; ++i) bytes[i] = '\x55';  // a b-tree page header
  ASSERT_TRUE(util::write_file_atomically(path, bytes));
  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::Corrupt);
  EXPECT_EQ(slurp(path), bytes);
}

}  // namespace
