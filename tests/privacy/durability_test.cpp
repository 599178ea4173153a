#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "privacy_support.hpp"
#include "relief/store/store.hpp"
#include "relief/util/atomic_file.hpp"
#include "test_support.hpp"

namespace {

using namespace relief;
using relief::store::Store;
using relief::test::fast_options;
using relief::test::secret;

// The child saves case 1 over and over, numbering each version in
// case_number, and reports each number on the pipe only after save()
// returned (the commit is durable). It is killed at a random moment.
[[noreturn]] void saver(const std::string& path, int out_fd, std::int64_t id) {
  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  if (!s) _exit(3);
  auto c = relief::test::identifying_case();
  for (int n = 1;; ++n) {
    c.records[0].case_number = "v" + std::to_string(n);
    if (!s->save(c, id)) _exit(4);
    if (::write(out_fd, &n, sizeof n) != sizeof n) _exit(5);
  }
}

TEST(NothingLost, KillingTheWriterMidSaveNeverLosesTheLastCommittedCase) {
  relief::test::TempDir dir;
  const auto path = dir.file("relief.db");
  std::int64_t id = 0;
  {
    auto s = Store::open(path, secret("clinic passphrase"), fast_options());
    ASSERT_TRUE(s);
    auto c = relief::test::identifying_case();
    c.records[0].case_number = "v0";
    id = *s->save(c);
  }
  std::mt19937 rng(20261129);
  std::uniform_int_distribution<int> delay_us(0, 60000);
  int kills_mid_run = 0;
  for (int iter = 0; iter < 50; ++iter) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      saver(path, fds[1], id);
    }
    ::close(fds[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills_mid_run;
    int last = 0, n = 0;
    while (::read(fds[0], &n, sizeof n) == sizeof n) last = n;
    ::close(fds[0]);

    auto s = Store::open(path, secret("clinic passphrase"), fast_options());
    ASSERT_TRUE(s) << "iteration " << iter << ": " << s.error().to_string();
    auto c = s->load(id, relief::test::facts());
    ASSERT_TRUE(c) << "iteration " << iter << ": " << c.error().to_string();
    const int saved = std::stoi(c->records[0].case_number.substr(1));
    // Every reported save survived; at most one more committed before the
    // report could be written.
    if (last > 0) {
      EXPECT_GE(saved, last) << "iteration " << iter;
      EXPECT_LE(saved, last + 1) << "iteration " << iter;
    }
    EXPECT_EQ(c->petitioner.legal_name, relief::test::kName);
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
  }
  EXPECT_EQ(kills_mid_run, 50);
}

// A 64 KiB tmpfs stands in for a full disk (root is needed to mount it;
// without it the test is skipped and says why).
class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    mount_ = dir_.file("small");
    std::filesystem::create_directories(mount_);
    if (::mount("tmpfs", mount_.c_str(), "tmpfs", 0, size_) != 0) {
      GTEST_SKIP() << "cannot mount a small tmpfs (not root?): " << std::strerror(errno);
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount(mount_.c_str());
  }
  const char* size_ = "size=64k";
  relief::test::TempDir dir_;
  std::string mount_;
  bool mounted_ = false;
};

TEST_F(FullDisk, AtomicWriterFailsClearlyAndLeavesTheOldFileWhole) {
  const auto target = mount_ + "/petition.pdf";
  ASSERT_TRUE(util::write_file_atomically(target, std::string(8 * 1024, 'a')));
  auto r = util::write_file_atomically(target, std::string(200 * 1024, 'b'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_NE(r.error().to_string().find("disk full"), std::string::npos) << r.error().to_string();
  EXPECT_NE(r.error().to_string().find(target), std::string::npos);
  EXPECT_EQ(relief::test::slurp(target), std::string(8 * 1024, 'a'));
  // No temporary file is left behind to fill the disk or leak data.
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(mount_)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"petition.pdf"});
  // And the disk is usable again at once.
  EXPECT_TRUE(util::write_file_atomically(mount_ + "/small.txt", "ok"));
}

// SQLite needs room for its WAL index (32 KiB) before the disk fills up.
class FullDiskStore : public FullDisk {
 protected:
  FullDiskStore() { size_ = "size=256k"; }
};

TEST_F(FullDiskStore, TheStoreReportsAFullDiskAndKeepsWhatWasSaved) {
  const auto path = mount_ + "/relief.db";
  auto s = Store::open(path, secret("clinic passphrase"), fast_options());
  ASSERT_TRUE(s) << s.error().to_string();
  auto first = s->save(relief::test::identifying_case());
  ASSERT_TRUE(first);
  auto big = relief::test::identifying_case();
  big.records[0].offense_description = std::string(400 * 1024, 'x');
  auto r = s->save(big);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().to_string().find(path), std::string::npos) << r.error().to_string();
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  auto back = s->load(*first, relief::test::facts());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->petitioner.legal_name, relief::test::kName);
}

}  // namespace
