// `relief admin …` as an administrator types it.
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "admin_test_support.hpp"
#include "relief/crypto/crypto.hpp"
#include "relief/store/store.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using relief::test::slurp;
using relief::test::spit;
using relief::test::TempDir;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs relief with a scratch machine's settings, state and trusted keys;
// `input` is piped to its standard input.
class AdminCli : public ::testing::Test {
 protected:
  CliRun run(const std::string& args, const std::string& input = "") {
    const std::string in_file = tmp_.file("stdin");
    spit(in_file, input);
    const std::string cmd = "RELIEF_SETTINGS=" + tmp_.file("etc/settings.json") +
                            " RELIEF_STATE_DIR=" + tmp_.file("state") +
                            " RELIEF_TRUSTED_KEYS_DIR=" + tmp_.file("etc/trusted-keys") +
                            " XDG_CONFIG_HOME=" + tmp_.file("home") + " " + RELIEF_EXE + " " + args + " <" +
                            in_file + " 2>" + tmp_.file("stderr");
    CliRun r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(tmp_.file("stderr"));
    return r;
  }

  json show() {
    auto r = run("admin show --format json");
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }

  TempDir tmp_;
};

TEST_F(AdminCli, SetShowAndClearErrors) {
  auto r = run("admin set clinic.name \"Eastside Legal Clinic\"");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("admin set idle_timeout_seconds 600");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("admin set languages en,es");
  ASSERT_EQ(r.code, 0) << r.err;
  json s = show();
  EXPECT_EQ(s["settings"]["clinic"]["name"], "Eastside Legal Clinic");
  EXPECT_EQ(s["settings"]["idle_timeout_seconds"], 600);
  EXPECT_EQ(s["settings"]["languages"], json({"en", "es"}));
  EXPECT_EQ(s["admin_pin_set"], false);
  EXPECT_TRUE(s["pack"].is_null());

  r = run("admin set idle_timeout_seconds 30");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, tmp_.file("etc/settings.json") +
                       ": $.idle_timeout_seconds: expected a whole number from 60 to 86400, got 30\n");
  r = run("admin set colour blue");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("colour: unknown setting"), std::string::npos) << r.err;
  r = run("admin set default_jurisdiction ZZ");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no rules for \"ZZ\""), std::string::npos) << r.err;
  EXPECT_EQ(show()["settings"]["idle_timeout_seconds"], 600) << "a refused change changes nothing";
}

TEST_F(AdminCli, SetPinStoresOnlyAnArgon2idHash) {
  auto r = run("admin set-pin", "123\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("at least 6 characters"), std::string::npos) << r.err;
  r = run("admin set-pin", "915273\n");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string text = slurp(tmp_.file("etc/settings.json"));
  EXPECT_EQ(text.find("915273"), std::string::npos);
  const json doc = json::parse(text);
  EXPECT_EQ(doc["admin_pin_hash"].get<std::string>().rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(show()["admin_pin_set"], true);
  EXPECT_EQ(show()["settings"].contains("admin_pin_hash"), false) << "never printed, even hashed";
  r = run("admin set admin_pin_hash x");
  EXPECT_EQ(r.code, 2);
}

TEST_F(AdminCli, KeygenPackInstallRollback) {
  auto r = run("admin keygen --out " + tmp_.file("keys"));
  ASSERT_EQ(r.code, 0) << r.err;
  fs::create_directories(tmp_.file("etc/trusted-keys"));
  fs::copy_file(tmp_.file("keys/relief-pack.pub"), tmp_.file("etc/trusted-keys/clinic.pub"));

  fs::copy(std::string(RELIEF_SOURCE_DIR) + "/rules", tmp_.file("rules"), fs::copy_options::recursive);
  json ny = json::parse(slurp(tmp_.file("rules/ny/rules.json")));
  ny["version"] = "2027-03-01";
  spit(tmp_.file("rules/ny/rules.json"), ny.dump(2));
  r = run("admin pack --rules " + tmp_.file("rules") + " --forms " + std::string(RELIEF_SOURCE_DIR) +
             "/forms --key " + tmp_.file("keys/relief-pack.key") + " --out " + tmp_.file("law.pack") +
             " --pack-version 2027-03");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("NY  rules version 2027-03-01"), std::string::npos) << r.out;

  r = run("admin install-pack " + tmp_.file("law.pack"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Installed rule pack 2027-03"), std::string::npos) << r.out;

  // The decision now cites the installed rules' version.
  const std::string sample = std::string(RELIEF_SOURCE_DIR) + "/examples/ny-sample.case.json";
  r = run("check --case " + sample + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["rules_version"], "2027-03-01");
  EXPECT_EQ(show()["pack"]["version"], "2027-03");

  r = run("admin install-pack " + tmp_.file("law.pack"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("already the pack in use"), std::string::npos) << r.err;

  r = run("admin rollback");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("check --case " + sample + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(json::parse(r.out)["rules_version"], "2027-03-01");

  fs::remove(tmp_.file("etc/trusted-keys/clinic.pub"));
  spit(tmp_.file("etc/trusted-keys/other.pub"), slurp(tmp_.file("keys/relief-pack.pub")).replace(25, 4, "AAAA"));
  r = run("admin install-pack " + tmp_.file("law.pack"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("not one of the trusted keys"), std::string::npos) << r.err;
}

TEST_F(AdminCli, KioskSettingsForKeepingAndSending) {
  auto r = run("admin set max_pin_failures 3");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("admin set intake_folder /srv/clinic-intake");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("admin set documents_folder /srv/kiosk-papers");
  ASSERT_EQ(r.code, 0) << r.err;
  json s = show()["settings"];
  EXPECT_EQ(s["max_pin_failures"], 3);
  EXPECT_EQ(s["intake_folder"], "/srv/clinic-intake");
  EXPECT_EQ(s["documents_folder"], "/srv/kiosk-papers");

  r = run("admin set max_pin_failures 0");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("$.max_pin_failures"), std::string::npos) << r.err;
  r = run("admin set intake_folder clinic-intake");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("absolute folder path"), std::string::npos) << r.err;
  EXPECT_EQ(show()["settings"]["intake_folder"], "/srv/clinic-intake") << "a refused value changed the file";
}

TEST_F(AdminCli, PurgeErasesKeptSessionsOlderThanTheRetention) {
  const std::string db = tmp_.file("state/kept-sessions.db");
  auto r = run("admin purge");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Purged 0"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(db)) << "purging made a database where there was none";

  relief::test::ScopedEnv state("RELIEF_STATE_DIR", tmp_.file("state"));
  fs::create_directories(tmp_.file("state"));
  std::string code;
  {
    auto store = relief::store::Store::open_kiosk(db);
    ASSERT_TRUE(store) << store.error().to_string();
    relief::crypto::SecretBuffer pin(64);
    pin.assign("482913");
    relief::model::Case c;
    c.jurisdiction = "NY";
    c.petitioner.legal_name = "Ana Example";
    auto saved = store->save_session(c, pin);
    ASSERT_TRUE(saved) << saved.error().to_string();
    code = *saved;
  }
  // Within the retention period (30 days by default): kept.
  r = run("admin purge");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Purged 0 kept sessions or cases older than 30 days"), std::string::npos) << r.out;

  // Older than zero days, a second later: gone.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  r = run("admin purge --days 0");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Purged 1 "), std::string::npos) << r.out;
  auto store = relief::store::Store::open_kiosk(db);
  ASSERT_TRUE(store);
  relief::crypto::SecretBuffer pin(64);
  pin.assign("482913");
  auto back = store->resume_session(code, pin, relief::test::facts());
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, relief::ErrorCode::NotFound);
  EXPECT_EQ(slurp(db).find("Ana Example"), std::string::npos);
  EXPECT_NE(slurp(tmp_.file("state/audit.log")).find("cases_purged"), std::string::npos);

  r = run("admin purge --days -3");
  EXPECT_NE(r.code, 0);
}

}  // namespace
