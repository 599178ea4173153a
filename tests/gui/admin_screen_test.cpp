// The administrator screen: the PIN gate, saving settings, and the About
// screen, driven through the same handlers the keys and buttons call.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"
#include "pages/about_dialog.hpp"
#include "pages/admin_dialog.hpp"
#include "relief/admin/secret.hpp"
#include "relief/model/settings.hpp"
#include "text.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_frame.hpp"

namespace relief::gui {
namespace {

using test::flush_idle;
using test::screenshot;
using test::settle;

constexpr const char* kPin = "246810";

// Points the program at a scratch settings file and state folder for one test.
class AdminScreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::make_temp_dir();
    ASSERT_FALSE(dir_.empty());
    settings_ = dir_ + "/settings.json";
    ::setenv("RELIEF_SETTINGS", settings_.c_str(), 1);
    ::setenv("RELIEF_STATE_DIR", (dir_ + "/state").c_str(), 1);
    admin::SecretBuffer pin(admin::kMaxPinBytes);
    ASSERT_TRUE(pin.assign(kPin));
    auto hash = admin::hash_pin(pin, admin::PinHashCost::Interactive);
    ASSERT_TRUE(hash) << hash.error().to_string();
    model::Settings s;
    s.clinic.name = "Riverside Legal Aid Clinic";
    s.clinic.phone = "(212) 555-0142";
    s.admin_pin_hash = *hash;
    ASSERT_TRUE(model::save_settings(s, settings_));
    std::string error;
    std::string warning;
    state_ = WizardState::load(error, warning);
    ASSERT_TRUE(state_) << error;
    ASSERT_TRUE(warning.empty()) << warning;
    frame_ = new WizardFrame(state_);
    frame_->Show();
    settle(frame_);
  }

  void TearDown() override {
    if (frame_) frame_->Destroy();
    flush_idle();
    ::unsetenv("RELIEF_SETTINGS");
    ::unsetenv("RELIEF_STATE_DIR");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  AdminPinDialog* prompt() const {
    return dynamic_cast<AdminPinDialog*>(wxWindow::FindWindowByName("admin_pin_dialog", frame_));
  }
  AdminDialog* screen() const {
    return dynamic_cast<AdminDialog*>(wxWindow::FindWindowByName("admin_dialog", frame_));
  }

  std::string dir_;
  std::string settings_;
  std::shared_ptr<WizardState> state_;
  WizardFrame* frame_ = nullptr;
};

TEST_F(AdminScreenTest, WrongPinRefusedRightPinOpensChangedClinicNameSavedAndShown) {
  frame_->open_admin();  // what Ctrl+Alt+A does
  settle(frame_);
  AdminPinDialog* pin = prompt();
  ASSERT_NE(pin, nullptr) << "Ctrl+Alt+A should ask for the PIN";
  EXPECT_TRUE(pin->pin_field()->HasFlag(wxTE_PASSWORD)) << "the PIN must not show on screen";
  screenshot(pin, "admin-1-pin");

  pin->pin_field()->SetValue("135790");
  EXPECT_FALSE(pin->try_unlock());
  EXPECT_TRUE(pin->message()->text().Contains(_("That PIN is not right. Try again.")));
  EXPECT_TRUE(pin->pin_field()->GetValue().empty()) << "a typed PIN never stays in the field";
  EXPECT_EQ(screen(), nullptr) << "a wrong PIN opened the settings";

  pin->pin_field()->SetValue(kPin);
  EXPECT_TRUE(pin->try_unlock());
  flush_idle();
  settle(frame_);
  EXPECT_EQ(prompt(), nullptr) << "the PIN prompt closes once it is right";
  AdminDialog* admin = screen();
  ASSERT_NE(admin, nullptr) << "the right PIN should open the administrator screen";
  EXPECT_EQ(from_wx(admin->clinic_name()->GetValue()), "Riverside Legal Aid Clinic");
  screenshot(admin, "admin-2-settings");

  // A title that gives the subject away is refused, and nothing is written.
  const auto before = std::filesystem::last_write_time(settings_);
  admin->window_title()->SetValue("Trafficking help");
  EXPECT_FALSE(admin->save());
  EXPECT_TRUE(admin->message()->text().Contains("discreet")) << admin->message()->text();
  EXPECT_EQ(std::filesystem::last_write_time(settings_), before);

  admin->window_title()->SetValue("Front desk");
  admin->clinic_name()->SetValue(wxString::FromUTF8("Eastside Legal Clinic — Núñez Center"));
  admin->idle_timeout()->SetValue(600);
  EXPECT_TRUE(admin->save()) << admin->message()->text();
  flush_idle();
  EXPECT_EQ(screen(), nullptr) << "saving closes the screen";

  // Saved: the file has the new values and keeps the PIN.
  auto saved = model::load_settings_file(settings_);
  ASSERT_TRUE(saved) << saved.error().to_string();
  EXPECT_EQ(saved->clinic.name, "Eastside Legal Clinic — Núñez Center");
  EXPECT_EQ(saved->window_title, "Front desk");
  EXPECT_EQ(saved->idle_timeout_seconds, 600);
  admin::SecretBuffer right(admin::kMaxPinBytes);
  ASSERT_TRUE(right.assign(kPin));
  EXPECT_TRUE(admin::verify_pin(right, saved->admin_pin_hash));

  // Shown: the window title and the clinic everywhere it appears.
  EXPECT_EQ(from_wx(frame_->GetTitle()), "Front desk");
  EXPECT_EQ(state_->settings().clinic.name, "Eastside Legal Clinic — Núñez Center");
  AboutDialog about(frame_, *state_);
  EXPECT_TRUE(about.text().Contains(wxString::FromUTF8("Eastside Legal Clinic — Núñez Center"))) << about.text();
  EXPECT_TRUE(test::visible_text(&about).Contains(wxString::FromUTF8("Núñez"))) << "the name must be on screen";
}

TEST_F(AdminScreenTest, TooManyWrongPinsCloseThePrompt) {
  frame_->open_admin();
  settle(frame_);
  for (int i = 0; i < 5 && prompt(); ++i) {
    prompt()->pin_field()->SetValue("000000");
    EXPECT_FALSE(prompt()->try_unlock());
    flush_idle();
  }
  EXPECT_EQ(prompt(), nullptr);
  EXPECT_EQ(screen(), nullptr);
}

TEST_F(AdminScreenTest, WithoutAPinTheScreenCannotBeOpened) {
  auto s = model::load_settings_file(settings_);
  ASSERT_TRUE(s);
  s->admin_pin_hash.clear();
  ASSERT_TRUE(model::save_settings(*s, settings_));
  frame_->open_admin();
  settle(frame_);
  ASSERT_NE(prompt(), nullptr);
  EXPECT_FALSE(prompt()->pin_field()->IsEnabled());
  EXPECT_TRUE(prompt()->message()->text().Contains("relief admin set-pin"));
  EXPECT_FALSE(prompt()->try_unlock());
  prompt()->Close();
  flush_idle();
}

TEST_F(AdminScreenTest, AboutShowsEachStatesRulesVersionAndReviewDate) {
  AboutDialog about(frame_, *state_);
  screenshot(&about, "about");
  const wxString text = about.text();
  EXPECT_TRUE(text.Contains(_("Rules installed with the program."))) << text;
  for (const auto& set : state_->library().sets) {
    const wxString line = wxString::Format("%s (%s): rules version %s, reviewed %s", to_wx(set.name),
                                           to_wx(set.jurisdiction), to_wx(set.version), to_wx(set.reviewed.iso()));
    EXPECT_TRUE(text.Contains(line)) << line << "\n" << text;
  }
}

TEST_F(AdminScreenTest, KioskModeFromTheCommandLineOutlivesNewSettings) {
  state_->set_mode(model::Mode::Kiosk);
  model::Settings s = state_->settings();
  s.mode = model::Mode::Survivor;
  s.clinic.name = "Another clinic";
  state_->replace_settings(s);
  EXPECT_EQ(state_->settings().mode, model::Mode::Kiosk);
  EXPECT_EQ(state_->settings().clinic.name, "Another clinic");
}

}  // namespace
}  // namespace relief::gui
