// Survivor mode: language, text size and contrast change on any screen
// without losing an answer; the review screen changes an answer and comes
// back; the progress line counts.
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <wx/radiobut.h>

#include "gui_test_support.hpp"
#include "language.hpp"
#include "attorney/attorney_frame.hpp"
#include "kiosk/idle_timer.hpp"
#include "kiosk/kiosk_screens.hpp"
#include "pages/documents_page.hpp"
#include "pages/question_page.hpp"
#include "pages/review_page.hpp"
#include "pages/welcome_page.hpp"
#include "relief/model/case_io.hpp"
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

// The wizard on screen, settled, for `state`.
WizardFrame* open_frame(std::shared_ptr<WizardState> state) {
  auto* frame = new WizardFrame(std::move(state));
  frame->Show();
  settle(frame);
  return frame;
}

void click(wxButton* b) {
  ASSERT_NE(b, nullptr);
  wxCommandEvent e(wxEVT_BUTTON, b->GetId());
  b->GetEventHandler()->ProcessEvent(e);
}

TEST(Survivor, LanguageSwitchOnAQuestionKeepsEveryAnswer) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  WizardFrame* frame = open_frame(state);
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
  WizardFrame* frame = open_frame(state);
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
  WizardFrame* again = open_frame(test::load_state());
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
  WizardFrame* frame = open_frame(state);
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

TEST(Survivor, PapersGoToThePrinterThroughLp) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  auto sample = model::load_case_file(RELIEF_SOURCE_DIR "/examples/ny-sample.case.json", state->library().facts);
  ASSERT_TRUE(sample) << sample.error().to_string();
  ASSERT_TRUE(state->load_case(*sample));

  // A stand-in for CUPS's lp that notes what it was asked to print.
  const std::string bin = test::make_temp_dir();
  const std::string printed = bin + "/printed.txt";
  {
    std::ofstream lp(bin + "/lp");
    lp << "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done >> '" << printed << "'\n";
  }
  std::filesystem::permissions(bin + "/lp", std::filesystem::perms::owner_all);
  const std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (bin + ":" + old_path).c_str(), 1);

  WizardFrame* frame = open_frame(state);
  frame->show_resumed();
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kDocuments);
  DocumentsPage* docs = frame->documents_page();
  EXPECT_FALSE(docs->print_button()->IsShown()) << "nothing to print before the papers are written";
  const std::string out = test::make_temp_dir();
  docs->picker()->SetPath(to_wx(out));
  docs->write_papers();
  for (int i = 0; i < 600 && docs->busy(); ++i) settle();
  ASSERT_FALSE(docs->written().empty()) << docs->status_text().utf8_string();
  ASSERT_TRUE(docs->print_button()->IsShown());
  test::screenshot(frame, "documents-print");
  EXPECT_TRUE(docs->print_papers());
  EXPECT_FALSE(docs->print_status_text().empty());

  std::ifstream in(printed);
  std::string line;
  std::vector<std::string> args;
  while (std::getline(in, line)) args.push_back(line);
  ASSERT_FALSE(args.empty());
  EXPECT_EQ(args.front(), "--") << "file names are never taken as options";
  int pdfs = 0;
  for (const auto& f : docs->written()) {
    if (f.path.size() > 4 && f.path.substr(f.path.size() - 4) == ".pdf") {
      ++pdfs;
      EXPECT_NE(std::find(args.begin(), args.end(), f.path), args.end()) << f.path;
    }
  }
  EXPECT_EQ(static_cast<int>(args.size()), pdfs + 1);
  setenv("PATH", old_path.c_str(), 1);
  frame->Destroy();
  test::flush_idle();
  std::filesystem::remove_all(bin);
  std::filesystem::remove_all(out);
}

TEST(Survivor, ALawyerSwitchesToAttorneyModeButNotOnAKiosk) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  WizardFrame* frame = open_frame(state);
  ASSERT_TRUE(frame->welcome_page()->attorney_button()->IsShown());
  AttorneyFrame* attorney = frame->switch_to_attorney();
  ASSERT_NE(attorney, nullptr);
  test::flush_idle();
  EXPECT_EQ(state->settings().mode, model::Mode::Attorney);
  EXPECT_TRUE(state->empty());
  attorney->Destroy();
  test::flush_idle();

  auto kiosk_state = test::load_state();
  kiosk_state->set_mode(model::Mode::Kiosk);
  WizardFrame* kiosk = open_frame(kiosk_state);
  EXPECT_FALSE(kiosk->welcome_page()->attorney_button()->IsShown());
  EXPECT_EQ(kiosk->switch_to_attorney(), nullptr);
  kiosk->Destroy();
  test::flush_idle();
}

// The Welcome screen says what is kept as the administrator set it.
TEST(Survivor, WelcomeSaysWhatIsKeptUnderEachPolicy) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  model::Settings s = state->settings();
  s.storage_policy = model::StoragePolicy::KeepByChoice;
  state->replace_settings(s);
  WizardFrame* frame = open_frame(state);
  EXPECT_TRUE(visible_text(frame->welcome_page()).Contains("unless you ask"));
  EXPECT_TRUE(frame->welcome_page()->continue_button()->IsShown());
  frame->Destroy();
  test::flush_idle();
}

// The kiosk's own screens in Spanish: the neutral screen after a quick
// exit, the idle warning; screenshots for review.
TEST(Survivor, KioskScreensInSpanish) {
  FreshConfig config;
  auto state = test::load_state();
  ASSERT_TRUE(state);
  state->set_mode(model::Mode::Kiosk);
  WizardFrame* frame = open_frame(state);
  frame->set_language("es");
  settle(frame);
  ASSERT_EQ(state->language(), "es");
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  frame->idle_timer()->expire_idle_now();
  settle(frame);
  ASSERT_TRUE(frame->idle_warning()->IsShown());
  EXPECT_FALSE(frame->idle_warning()->text().Contains("Are you still there?")) << "the warning is not in Spanish";
  test::expect_no_empty_labels(frame->idle_warning(), "es-kiosk-idle-warning");
  test::screenshot(frame, "es-kiosk-idle-warning");
  frame->quick_exit();
  settle(frame);
  ASSERT_TRUE(frame->neutral_screen()->IsShown());
  test::expect_no_empty_labels(frame->neutral_screen(), "es-kiosk-neutral");
  test::screenshot(frame, "es-kiosk-neutral");
  // The next person starts in the clinic's own language.
  frame->neutral_screen()->begin_button()->SetFocus();
  wxCommandEvent click(wxEVT_BUTTON, frame->neutral_screen()->begin_button()->GetId());
  frame->neutral_screen()->begin_button()->GetEventHandler()->ProcessEvent(click);
  settle(frame);
  EXPECT_EQ(state->language(), initial_language(state->settings()));
  EXPECT_TRUE(state->empty());
  frame->Destroy();
  test::flush_idle();
  use_language("en");
}

}  // namespace
}  // namespace relief::gui
