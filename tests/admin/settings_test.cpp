// Settings: what an administrator writes, and the errors they see when it is
// wrong (file, JSON path, what was expected).
#include "relief/model/settings.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "admin_test_support.hpp"

namespace relief::model {
namespace {

using nlohmann::json;
using test::ScopedEnv;
using test::spit;
using test::TempDir;

// The error parsing `text` gives, as one line; empty when it parses.
std::string error_of(const std::string& text) {
  auto s = parse_settings(text, "/etc/relief/settings.json");
  return s ? std::string() : s.error().to_string();
}

TEST(Settings, MissingFileGivesSafeDefaults) {
  TempDir tmp;
  ScopedEnv env("RELIEF_SETTINGS", tmp.file("none.json"));
  auto s = load_settings();
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->mode, Mode::Survivor);
  EXPECT_EQ(s->idle_timeout_seconds, 300);
  EXPECT_EQ(s->storage_policy, StoragePolicy::KioskMemoryOnly);
  EXPECT_EQ(s->window_title, "Clinic services");
  EXPECT_EQ(s->languages, (std::vector<std::string>{"en", "es"}));
  EXPECT_FALSE(s->usb_allowed);
  EXPECT_TRUE(s->admin_pin_hash.empty());
  EXPECT_FALSE(s->clinic.configured());
}

TEST(Settings, TheTestFixtureStillLoads) {
  ScopedEnv env("RELIEF_SETTINGS", std::string(RELIEF_SOURCE_DIR) + "/tests/fixtures/settings.json");
  auto s = load_settings();
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->clinic.name, "Riverside Legal Aid Clinic");
  EXPECT_EQ(s->default_jurisdiction, "NY");
}

TEST(Settings, SaveThenLoadGivesTheSameSettingsAndHidesTheFileFromOthers) {
  TempDir tmp;
  Settings s;
  s.clinic = {"Eastside Clinic", "2 Main St", "(555) 010-0101", "example.org"};
  s.window_title = "Front desk";
  s.languages = {"en", "es", "pt_BR"};
  s.default_jurisdiction = "TX";
  s.mode = Mode::Kiosk;
  s.idle_timeout_seconds = 120;
  s.storage_policy = StoragePolicy::KeepByChoice;
  s.retention_days = 7;
  s.printing_allowed = false;
  s.usb_allowed = true;
  s.admin_pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";
  const std::string path = tmp.file("etc/relief/settings.json");
  ASSERT_TRUE(save_settings(s, path));
  ScopedEnv env("RELIEF_SETTINGS", path);
  auto back = load_settings();
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(*back, s);
  struct stat st{};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u) << "others must not read the PIN hash";
  // Nothing half-written beside it.
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.file("etc/relief"))) {
    EXPECT_EQ(e.path().filename(), "settings.json");
    ++entries;
  }
  EXPECT_EQ(entries, 1u);
}

TEST(Settings, ErrorsNameTheFileThePathAndWhatWasExpected) {
  EXPECT_EQ(error_of(R"({"idle_timeout_seconds": 30})"),
            "/etc/relief/settings.json: $.idle_timeout_seconds: expected a whole number from 60 to 86400, got 30");
  EXPECT_EQ(error_of(R"({"idle_timeout_seconds": "300"})"),
            "/etc/relief/settings.json: $.idle_timeout_seconds: expected a whole number from 60 to 86400");
  EXPECT_EQ(error_of(R"({"mode": "public"})"),
            "/etc/relief/settings.json: $.mode: expected survivor, attorney or kiosk, got \"public\"");
  EXPECT_EQ(error_of(R"({"storage_policy": "forever"})"),
            "/etc/relief/settings.json: $.storage_policy: expected kiosk_memory_only, keep_by_choice or "
            "attorney_workstation, got \"forever\"");
  EXPECT_EQ(error_of(R"({"clinic": "Eastside"})"), "/etc/relief/settings.json: $.clinic: expected an object");
  EXPECT_EQ(error_of(R"({"clinic": {"name": 5}})"), "/etc/relief/settings.json: $.clinic.name: expected text");
  EXPECT_NE(error_of(R"({"clinic": {"email": "x"}})").find("$.clinic.email: unknown setting; expected one of name"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"idle_timout_seconds": 300})").find("$.idle_timout_seconds: unknown setting"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"languages": ["en", "english"]})"),
            "/etc/relief/settings.json: $.languages[1]: expected a language code such as \"en\", \"es\" or "
            "\"pt_BR\", got \"english\"");
  EXPECT_EQ(error_of(R"({"languages": ["es", "es"]})"),
            "/etc/relief/settings.json: $.languages[1]: \"es\" is listed twice");
  EXPECT_NE(error_of(R"({"languages": []})").find("$.languages: expected at least one language code"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"default_jurisdiction": "ny"})").find("$.default_jurisdiction: expected an upper-case"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"usb_allowed": "yes"})").find("$.usb_allowed: expected true or false"), std::string::npos);
  EXPECT_NE(error_of(R"({"retention_days": 0})").find("$.retention_days: expected a whole number from 1 to 3650"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"admin_pin_hash": "123456"})").find("$.admin_pin_hash: expected an Argon2id hash"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"retention_days": 18446744073709551615})"),
            "/etc/relief/settings.json: $.retention_days: expected a whole number from 1 to 3650, got "
            "18446744073709551615");
  EXPECT_NE(error_of("{\"mode\": ").find("$: not valid JSON"), std::string::npos);
  EXPECT_NE(error_of("[]").find("$: expected an object"), std::string::npos);
}

TEST(Settings, TheWindowTitleMustBeDiscreet) {
  EXPECT_NE(error_of(R"({"window_title": "Trafficking survivor help"})").find("$.window_title: expected a discreet"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"window_title": ""})").find("$.window_title"), std::string::npos);
  EXPECT_EQ(error_of(R"({"window_title": "Front desk"})"), "");
}

TEST(Settings, AKioskCannotKeepCasesLikeAnAttorneyWorkstation) {
  EXPECT_NE(error_of(R"({"mode": "kiosk", "storage_policy": "attorney_workstation"})")
                .find("$.storage_policy: expected kiosk_memory_only or keep_by_choice in kiosk mode"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"mode": "attorney", "storage_policy": "attorney_workstation"})"), "");
}

TEST(Settings, PerUserFileCountsOnlyInAttorneyMode) {
  TempDir tmp;
  ScopedEnv sys("RELIEF_SETTINGS", tmp.file("etc/settings.json"));
  ScopedEnv xdg("XDG_CONFIG_HOME", tmp.file("home/.config"));
  spit(tmp.file("home/.config/relief/settings.json"),
       R"({"clinic": {"name": "My own office"}, "default_jurisdiction": "CA"})");

  spit(tmp.file("etc/settings.json"), R"({"clinic": {"name": "Eastside Clinic", "phone": "555"}})");
  auto s = load_settings();
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->clinic.name, "Eastside Clinic") << "a survivor machine ignores per-user files";

  spit(tmp.file("etc/settings.json"),
       R"({"mode": "attorney", "clinic": {"name": "Eastside Clinic", "phone": "555"}})");
  s = load_settings();
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->clinic.name, "My own office");
  EXPECT_EQ(s->clinic.phone, "555") << "keys the user did not set keep the system's value";
  EXPECT_EQ(s->default_jurisdiction, "CA");

  spit(tmp.file("home/.config/relief/settings.json"), R"({"mode": "survivor"})");
  s = load_settings();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().file, tmp.file("home/.config/relief/settings.json"));
  EXPECT_EQ(s.error().path, "$.mode");
  EXPECT_NE(s.error().message.find("only the administrator"), std::string::npos);
}

TEST(Settings, SetValueConvertsCommandLineText) {
  json doc = json::object();
  ASSERT_TRUE(set_setting_value(doc, "clinic.name", "Eastside"));
  ASSERT_TRUE(set_setting_value(doc, "idle_timeout_seconds", "600"));
  ASSERT_TRUE(set_setting_value(doc, "languages", "en, es,vi"));
  ASSERT_TRUE(set_setting_value(doc, "usb_allowed", "true"));
  ASSERT_TRUE(set_setting_value(doc, "mode", "kiosk"));
  auto s = apply_settings(doc, "f", Settings{});
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->clinic.name, "Eastside");
  EXPECT_EQ(s->idle_timeout_seconds, 600);
  EXPECT_EQ(s->languages, (std::vector<std::string>{"en", "es", "vi"}));
  EXPECT_TRUE(s->usb_allowed);
  EXPECT_EQ(s->mode, Mode::Kiosk);

  EXPECT_FALSE(set_setting_value(doc, "idle_timeout_seconds", "ten"));
  EXPECT_FALSE(set_setting_value(doc, "printing_allowed", "maybe"));
  auto bad = set_setting_value(doc, "admin_pin_hash", "x");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("relief admin set-pin"), std::string::npos);
}

}  // namespace
TEST(Settings, KioskKeepingAndSendingAreChecked) {
  Settings defaults;
  EXPECT_EQ(defaults.max_pin_failures, 5);
  EXPECT_TRUE(defaults.intake_folder.empty());
  EXPECT_TRUE(defaults.documents_folder.empty());
  auto s = parse_settings(R"({"max_pin_failures": 3, "intake_folder": "/srv/intake", "documents_folder": "/srv/p"})",
                          "f.json");
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->max_pin_failures, 3);
  EXPECT_EQ(s->intake_folder, "/srv/intake");
  EXPECT_EQ(s->documents_folder, "/srv/p");
  EXPECT_NE(error_of(R"({"max_pin_failures": 0})").find("$.max_pin_failures"), std::string::npos);
  EXPECT_NE(error_of(R"({"max_pin_failures": 21})").find("from 1 to 20"), std::string::npos);
  EXPECT_NE(error_of(R"({"intake_folder": "relative/dir"})").find("$.intake_folder"), std::string::npos);
  EXPECT_NE(error_of(R"({"documents_folder": "/a\nb"})").find("$.documents_folder"), std::string::npos);
  // Saved and read back, the new fields survive.
  TempDir tmp;
  ASSERT_TRUE(save_settings(*s, tmp.file("settings.json")));
  auto back = load_settings_file(tmp.file("settings.json"));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *s);
}

}  // namespace relief::model
