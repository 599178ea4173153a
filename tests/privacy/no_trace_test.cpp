// Runs the real `relief` through a whole flow with a distinctive petitioner
// and then searches every file Relief wrote for her name, birth date and
// street. Only the papers she asked for may hold them in clear.
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "privacy_support.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/store/store.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace relief;

int run(const std::string& env, const std::string& args, const std::string& log) {
  const std::string cmd = env + " " + std::string(RELIEF_EXE) + " " + args + " >>" + log + " 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every regular file under `dir` holding the petitioner's data, in its
// content or its name.
std::vector<std::string> leaking_files(const fs::path& dir, fs::file_time_type since = fs::file_time_type::min()) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  int seen = 0;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator() && seen < 20000; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec) || it->file_size(ec) > 16 * 1024 * 1024) continue;
    if (it->last_write_time(ec) < since) continue;
    ++seen;
    if (relief::test::leaks(it->path().filename().string()) || relief::test::leaks(relief::test::slurp(it->path()))) {
      out.push_back(it->path().string());
    }
  }
  return out;
}

TEST(NoTrace, AFullCliFlowLeavesThePetitionerOnlyInThePapersSheAskedFor) {
  const auto started = fs::file_time_type::clock::now() - std::chrono::seconds(2);
  relief::test::TempDir root;
  for (const char* d : {"input", "state", "tmp", "home", "papers", "kiosk-out", "keys", "exports"}) {
    fs::create_directories(root.file(d));
  }
  // Her own case file: the input she brought, not something Relief wrote.
  auto doc = nlohmann::json::parse(relief::test::slurp(std::string(RELIEF_SOURCE_DIR) + "/examples/ny-sample.case.json"));
  doc["petitioner"]["legal_name"] = relief::test::kName;
  doc["petitioner"]["date_of_birth"] = relief::test::kBirth;
  doc["petitioner"]["address"] = {{"line1", relief::test::kStreet}, {"city", "Albany"}, {"state", "NY"}, {"zip", "12207"}};
  const auto case_file = root.file("input/case.json");
  std::ofstream(case_file) << doc.dump(2);
  std::ofstream(root.file("input/pass")) << "a long clinic passphrase\n";

  const std::string env = "RELIEF_STATE_DIR=" + root.file("state") + " TMPDIR=" + root.file("tmp") +
                          " HOME=" + root.file("home") + " XDG_CONFIG_HOME=" + root.file("home/.config") +
                          " XDG_CACHE_HOME=" + root.file("home/.cache");
  const std::string log = root.file("input/console.log");  // our capture of the screen, not Relief's file
  ASSERT_EQ(run(env, "check --case " + case_file, log), 0) << relief::test::slurp(log);
  ASSERT_EQ(run(env, "petition --case " + case_file + " --out " + root.file("papers"), log), 0)
      << relief::test::slurp(log);
  ASSERT_EQ(run(env, "intake keygen --out " + root.file("keys"), log), 0) << relief::test::slurp(log);
  ASSERT_EQ(run(env, "intake seal --case " + case_file + " --clinic-key " + root.file("keys/relief-clinic.pub") +
                         " --out " + root.file("kiosk-out"),
                log),
            0)
      << relief::test::slurp(log);
  ASSERT_EQ(run(env, "case export --case " + case_file + " --out " + root.file("exports/her.reliefcase") +
                         " --passphrase-fd 3 3<" + root.file("input/pass"),
                log),
            0)
      << relief::test::slurp(log);
  // The attorney keeps the case in the store, in the state folder.
  {
    ::setenv("RELIEF_STATE_DIR", root.file("state").c_str(), 1);
    auto dict = relief::test::facts();
    auto c = model::load_case_file(case_file, dict);
    ASSERT_TRUE(c) << c.error().to_string();
    auto s = store::Store::open(root.file("state/relief.db"), relief::test::secret("a long clinic passphrase"),
                                relief::test::fast_options());
    ASSERT_TRUE(s) << s.error().to_string();
    ASSERT_TRUE(s->save(*c));
    auto code = s->save_session(*c, relief::test::secret("4821"));
    ASSERT_TRUE(code);
    ::unsetenv("RELIEF_STATE_DIR");
  }

  // The flow really happened: papers, a sealed intake, an export, an audit log.
  ASSERT_FALSE(root.files().empty());
  ASSERT_FALSE(fs::is_empty(root.file("papers")));
  ASSERT_EQ(std::distance(fs::directory_iterator(root.file("kiosk-out")), fs::directory_iterator()), 1);
  ASSERT_TRUE(fs::exists(root.file("exports/her.reliefcase")));
  const auto audit_log = relief::test::slurp(root.file("state/audit.log"));
  for (const char* e : {"intake_sealed", "case_exported", "session_saved"}) {
    EXPECT_NE(audit_log.find(e), std::string::npos) << e;
  }

  for (const char* d : {"state", "tmp", "home", "kiosk-out", "keys", "exports"}) {
    EXPECT_EQ(leaking_files(root.file(d)), std::vector<std::string>{}) << d;
  }
  // Nothing anywhere under /tmp either (outside this test's own folders).
  std::vector<std::string> elsewhere;
  for (const auto& f : leaking_files(fs::temp_directory_path(), started)) {
    if (f.rfind(root.path(), 0) != 0) elsewhere.push_back(f);
  }
  EXPECT_EQ(elsewhere, std::vector<std::string>{});
  // The papers she asked for are the only place: their file names are neutral.
  for (const auto& e : fs::directory_iterator(root.file("papers"))) {
    EXPECT_FALSE(relief::test::leaks(e.path().filename().string())) << e.path();
  }
  // And the encrypted export still holds her case for whoever has the passphrase.
  auto back = crypto::import_encrypted(root.file("exports/her.reliefcase"), relief::test::secret("a long clinic passphrase"));
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_NE(back->find(relief::test::kName), std::string::npos);
}

}  // namespace
