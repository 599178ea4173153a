// Keyboard only: the wizard from Welcome to the papers with real key presses
// (XTest through wxUIActionSimulator), no mouse and no direct calls, except
// for the record itself, which the record window's own tests type.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "gui_test_support.hpp"
#include "pages/details_page.hpp"
#include "pages/question_page.hpp"
#include "wizard_frame.hpp"

namespace relief::gui {
namespace {

using test::settle;

class Keys {
 public:
  explicit Keys(wxWindow* frame) : frame_(frame) {
    // With no window manager, X sends keys to the window under the pointer.
    const wxRect r = frame->GetScreenRect();
    sim_.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
    settle(frame);
  }
  void press(int key, int modifiers = wxMOD_NONE) {
    sim_.Char(key, modifiers);
    settle(frame_);
  }
  /// Tabs forward until `target` has the focus; false after `limit` presses.
  bool tab_to(wxWindow* target, int limit = 40) {
    for (int i = 0; i < limit; ++i) {
      if (wxWindow::FindFocus() == target) return true;
      press(WXK_TAB);
    }
    return wxWindow::FindFocus() == target;
  }
  void type(const std::string& text) {
    sim_.Text(text.c_str());
    settle(frame_);
  }

 private:
  wxWindow* frame_;
  wxUIActionSimulator sim_;
};

TEST(Keyboard, FromWelcomeToThePapersWithKeysOnly) {
  // The text size pressed below is remembered: in a folder of this test's own.
  const std::string config = test::make_temp_dir();
  setenv("XDG_CONFIG_HOME", config.c_str(), 1);
  auto state = test::load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  frame->Raise();
  settle(frame);
  Keys keys(frame);
  ASSERT_NE(wxWindow::FindFocus(), nullptr) << "nothing has the keyboard focus on Welcome";

  // Welcome: Tab reaches Start, Enter presses it.
  ASSERT_TRUE(keys.tab_to(frame->next_button())) << "Tab never reaches Start";
  keys.press(WXK_RETURN);
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);

  // Each question: the focus starts on the first answer; Space chooses it,
  // Enter goes on.
  for (int i = 0; i < 20 && frame->current() == WizardFrame::kAboutYou; ++i) {
    auto* focused = dynamic_cast<wxRadioButton*>(wxWindow::FindFocus());
    ASSERT_NE(focused, nullptr) << "the focus is not on an answer";
    keys.press(WXK_SPACE);
    EXPECT_TRUE(focused->GetValue());
    keys.press(WXK_RETURN);
  }
  ASSERT_EQ(frame->current(), WizardFrame::kRecords);
  EXPECT_FALSE(state->case_data().facts.empty());

  // The record (typed in the record window's own tests).
  model::Record r;
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.offense_description = "Prostitution";
  state->add_record(r);
  ASSERT_TRUE(keys.tab_to(frame->next_button()));
  keys.press(WXK_RETURN);

  for (int i = 0; i < 20 && frame->current() == WizardFrame::kRecordQuestions; ++i) {
    ASSERT_NE(dynamic_cast<wxRadioButton*>(wxWindow::FindFocus()), nullptr);
    keys.press(WXK_SPACE);
    keys.press(WXK_RETURN);
  }
  // Review and results: Tab to Next, Enter.
  ASSERT_EQ(frame->current(), WizardFrame::kReview);
  ASSERT_TRUE(keys.tab_to(frame->next_button()));
  keys.press(WXK_RETURN);
  ASSERT_EQ(frame->current(), WizardFrame::kResults);
  ASSERT_TRUE(keys.tab_to(frame->next_button()));
  keys.press(WXK_RETURN);

  // Details: the focus starts in the name field; typing goes there.
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  EXPECT_EQ(wxWindow::FindFocus(), frame->details_page()->field("details_legal_name"));
  keys.type("Ana Example");
  ASSERT_TRUE(keys.tab_to(frame->next_button()));
  keys.press(WXK_RETURN);
  ASSERT_EQ(frame->current(), WizardFrame::kDocuments);
  EXPECT_EQ(state->case_data().petitioner.legal_name, "Ana Example");

  // Ctrl+plus makes the text larger from the keyboard, on the same step.
  const int before = frame->display().text_step;
  keys.press('=', wxMOD_CONTROL);
  EXPECT_EQ(frame->display().text_step, before + 1);
  EXPECT_EQ(frame->current(), WizardFrame::kDocuments);
  keys.press('0', wxMOD_CONTROL);
  EXPECT_EQ(frame->display().text_step, 0);

  frame->Destroy();
  test::flush_idle();
  unsetenv("XDG_CONFIG_HOME");
  std::filesystem::remove_all(config);
}

}  // namespace
}  // namespace relief::gui
