// Survivor mode: language, text size and contrast change on any screen
// without losing an answer; the review screen changes an answer and comes
// back; the progress line counts.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <wx/radiobut.h>

#include "gui_test_support.hpp"
#include "language.hpp"
#include "pages/question_page.hpp"
#include "pages/review_page.hpp"
#include "pages/welcome_page.hpp"
#include "text.hpp"
#include "wizard_frame.hpp"

namespace relief::gui {
namespace {

using test::settle;
using test::visible_text;

// Points $XDG_CONFIG_HOME at a fresh folder, so display.json is the test's own.
struct FreshConfig {
  FreshConfig() : dir(test::make_temp_dir()) { setenv("XDG_CONFIG_HOME", dir.c_str(), 1); }
  ~FreshConfig() {
    std::filesystem::remove_all(dir);
    unsetenv("XDG_CONFIG_HOME");
  }
  std::string dir;
};

void click(wxButton* b) {
  ASSERT_NE(b, nullptr);
  wxCommandEvent e(wxEVT_BUTTON, b->GetId());
  b->GetEventHandler()->ProcessEvent(e);
}

TEST(Survivor, LanguageSwitchOnAQuestionKeepsEveryAnswer) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  settle(frame);
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  QuestionPage* page = frame->about_you_page();
  ASSERT_TRUE(page->question());
  const std::string first = page->question()->fact;
  page->option(true)->SetValue(true);
  frame->go_next();
  const std::size_t answered = state->answered_count(Step::AboutYou);
  ASSERT_EQ(answered, 1u);

  // Switch to Spanish from the footer button, on whatever step we are on.
  const WizardFrame::PageId step = frame->current();
  ASSERT_NE(frame->language_button(), nullptr);
  EXPECT_EQ(frame->language_button()->GetLabelText(), wxString::FromUTF8("Español"));
  click(frame->language_button());
  settle(frame);
  EXPECT_EQ(state->language(), "es");
  EXPECT_EQ(frame->current(), step);
  EXPECT_EQ(state->answered_count(Step::AboutYou), answered);
  EXPECT_EQ(state->case_data().facts.at(first), true);
  EXPECT_EQ(frame->back_button()->GetLabelText(), wxString::FromUTF8("Atrás"));
  // Back shows the first answer, still chosen, now in Spanish.
  frame->go_back();
  if (frame->current() == WizardFrame::kAboutYou) {
    QuestionPage* again = frame->about_you_page();
    ASSERT_TRUE(again->question());
    EXPECT_EQ(again->question()->fact, first);
    ASSERT_NE(again->option(true), nullptr);
    EXPECT_TRUE(again->option(true)->GetValue());
    EXPECT_EQ(again->option(true)->GetLabelText(), wxString::FromUTF8("Sí"));
    test::screenshot(frame, "es-switch-question");
  }
  // And back to English: the button now names English.
  EXPECT_EQ(frame->language_button()->GetLabelText(), "English");
  click(frame->language_button());
  settle(frame);
  EXPECT_EQ(state->language(), "en");
  EXPECT_EQ(frame->back_button()->GetLabelText(), "Back");
  frame->Destroy();
  test::flush_idle();
}

TEST(Survivor, TextSizeAndContrastAreRememberedAndKeepTheStep) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  settle(frame);
  frame->go_next();
  const WizardFrame::PageId step = frame->current();
  const int before = frame->content()->GetFont().GetPointSize();
  click(frame->larger_button());
  settle(frame);
  click(frame->larger_button());
  settle(frame);
  EXPECT_EQ(frame->current(), step);
  EXPECT_GT(frame->content()->GetFont().GetPointSize(), before);
  test::screenshot(frame, "display-larger-text");
  click(frame->contrast_button());
  settle(frame);
  EXPECT_TRUE(frame->display().high_contrast);
  test::screenshot(frame, "display-high-contrast");
  frame->Destroy();
  test::flush_idle();

  // A new window starts with the same choices.
  EXPECT_EQ(DisplayPrefs::load().text_step, 2);
  EXPECT_TRUE(DisplayPrefs::load().high_contrast);
  auto* again = new WizardFrame(test::load_state());
  again->Show();
  settle(again);
  EXPECT_GT(again->content()->GetFont().GetPointSize(), before);
  // Ctrl+0 goes back to the standard size.
  again->change_text_size(0);
  settle(again);
  EXPECT_EQ(again->display().text_step, 0);
  again->set_high_contrast(false);
  settle(again);
  again->Destroy();
  test::flush_idle();
}

TEST(Survivor, ReviewChangesAnAnswerAndComesBack) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  settle(frame);
  frame->go_next();
  // Answer every person question "Yes", add one record, answer its questions "I'm not sure".
  for (int i = 0; i < 30 && frame->current() == WizardFrame::kAboutYou; ++i) {
    QuestionPage* p = frame->about_you_page();
    wxRadioButton* yes = p->option(true);
    (yes ? yes : p->option(nullptr))->SetValue(true);
    EXPECT_FALSE(p->progress_text().empty());
    frame->go_next();
  }
  ASSERT_EQ(frame->current(), WizardFrame::kRecords);
  model::Record r;
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.offense_description = "Prostitution";
  state->add_record(r);
  frame->go_next();
  for (int i = 0; i < 30 && frame->current() == WizardFrame::kRecordQuestions; ++i) {
    frame->record_questions_page()->option(nullptr)->SetValue(true);
    frame->go_next();
  }
  ASSERT_EQ(frame->current(), WizardFrame::kReview);
  const auto& changes = frame->review_page()->change_buttons();
  ASSERT_FALSE(changes.empty());
  const rules::Question q = changes.front().second;
  ASSERT_FALSE(q.record);  // "About you" comes first
  click(changes.front().first);
  settle(frame);
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  QuestionPage* p = frame->about_you_page();
  ASSERT_TRUE(p->question());
  EXPECT_EQ(p->question()->fact, q.fact);
  ASSERT_NE(p->option(false), nullptr);
  p->option(false)->SetValue(true);
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kReview);
  EXPECT_EQ(state->case_data().facts.at(q.fact), false);
  EXPECT_TRUE(visible_text(frame->review_page()).Contains(_("Your answer: %s").BeforeFirst('%')));
  frame->Destroy();
  test::flush_idle();
}

}  // namespace
}  // namespace relief::gui
