#include "relief/audit/audit.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "privacy_support.hpp"
#include "test_support.hpp"

namespace {

using namespace relief;

class Audit : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv("RELIEF_STATE_DIR", dir_.file("state").c_str(), 1); }
  void TearDown() override { ::unsetenv("RELIEF_STATE_DIR"); }
  relief::test::TempDir dir_;
};

TEST_F(Audit, AppendsOneJsonLinePerEventInAPrivateFile) {
  ASSERT_TRUE(audit::record(audit::Event::SessionStarted));
  ASSERT_TRUE(audit::record(audit::Event::DocumentsWritten, {{"jurisdiction", "NY"}, {"count", "3"}}));
  EXPECT_EQ(audit::log_path(), dir_.file("state") + "/audit.log");
  std::istringstream in(relief::test::slurp(audit::log_path()));
  std::string line;
  std::vector<nlohmann::json> lines;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["event"], "session_started");
  EXPECT_EQ(lines[1]["event"], "documents_written");
  EXPECT_EQ(lines[1]["count"], "3");
  struct stat st {};
  ASSERT_EQ(::stat(audit::log_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(Audit, RefusesAnythingThatCouldCarryPersonalData) {
  EXPECT_FALSE(audit::record(audit::Event::IntakeSealed, {{"name", "Zephyrine"}}));
  EXPECT_FALSE(audit::record(audit::Event::IntakeSealed, {{"reason", relief::test::kName}}));  // a space
  EXPECT_FALSE(audit::record(audit::Event::IntakeSealed, {{"kind", "/home/zq/case.json"}}));
  EXPECT_FALSE(audit::record(audit::Event::IntakeSealed, {{"kind", std::string(40, 'a')}}));
  EXPECT_FALSE(relief::test::leaks(relief::test::slurp(audit::log_path())));
}

}  // namespace
