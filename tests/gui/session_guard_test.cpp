// Kiosk safety in the real wizard frame: the keyboard ways out, the idle
// wipe with its countdown, the neutral screen, keeping a session under a
// PIN, the private temporary folder and the recent-files list.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <wx/weakref.h>

#include "gui_test_support.hpp"
#include "kiosk/idle_timer.hpp"
#include "kiosk/kept_sessions.hpp"
#include "kiosk/kiosk_screens.hpp"
#include "kiosk/private_files.hpp"
#include "kiosk/session_guard.hpp"
#include "pages/keep_dialog.hpp"
#include "pages/question_page.hpp"
#include "pages/welcome_page.hpp"
#include "relief/model/case_io.hpp"
#include "relief/store/store.hpp"
#include "text.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_frame.hpp"

namespace relief::gui {
namespace {

namespace fs = std::filesystem;
using Clock = kiosk::QuickExitKeys::Clock;
using namespace std::chrono_literals;

constexpr const char* kSample = RELIEF_SOURCE_DIR "/examples/ny-sample.case.json";

// A key press as wxGTK delivers it: first to the top-level window as
// wxEVT_CHAR_HOOK, then (not modelled here) to the focused control.
void press(wxWindow* w, int key) {
  wxKeyEvent down(wxEVT_CHAR_HOOK);
  down.m_keyCode = key;
  down.SetEventObject(w);
  w->GetEventHandler()->ProcessEvent(down);
  wxKeyEvent up(wxEVT_KEY_UP);
  up.m_keyCode = key;
  up.SetEventObject(w);
  w->GetEventHandler()->ProcessEvent(up);
}

void click(wxButton* b) {
  wxCommandEvent e(wxEVT_BUTTON, b->GetId());
  e.SetEventObject(b);
  b->ProcessWindowEvent(e);
}

// A session under way: Start pressed and one answer given.
void start_and_answer(WizardFrame* frame) {
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  wxRadioButton* answer = frame->about_you_page()->option(true);
  if (!answer) answer = frame->about_you_page()->option(nullptr);
  ASSERT_NE(answer, nullptr);
  answer->SetValue(true);
  frame->go_next();
  ASSERT_FALSE(frame->state().empty());
}

std::shared_ptr<WizardState> kiosk_state(model::StoragePolicy policy = model::StoragePolicy::KioskMemoryOnly) {
  auto state = test::load_state();
  if (!state) return state;
  model::Settings s = state->settings();
  s.mode = model::Mode::Kiosk;
  s.storage_policy = policy;
  s.window_title = "Clinic services";
  state->replace_settings(s);
  return state;
}

TEST(QuickExitKeys, ThreePlainShiftsWithinFiveSeconds) {
  kiosk::QuickExitKeys k;
  const auto t0 = Clock::now();
  auto shift = [&](Clock::time_point t) {
    EXPECT_FALSE(k.key_down(WXK_SHIFT, t));
    return k.key_up(WXK_SHIFT, t + 50ms);
  };
  EXPECT_FALSE(shift(t0));
  EXPECT_FALSE(shift(t0 + 1s));
  EXPECT_TRUE(shift(t0 + 2s));

  // Too slow: the first press falls out of the 5-second window.
  EXPECT_FALSE(shift(t0 + 10s));
  EXPECT_FALSE(shift(t0 + 13s));
  EXPECT_FALSE(shift(t0 + 17s));
  EXPECT_TRUE(shift(t0 + 18s));
}

TEST(QuickExitKeys, CapitalLettersAndOtherKeysDoNotCount) {
  kiosk::QuickExitKeys k;
  const auto t = Clock::now();
  // "ANA" typed with Shift held for each capital: never a quick exit.
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(k.key_down(WXK_SHIFT, t + i * 300ms));
    EXPECT_FALSE(k.key_down('A', t + i * 300ms + 50ms));
    EXPECT_FALSE(k.key_up(WXK_SHIFT, t + i * 300ms + 100ms));
  }
  // Two plain Shifts, a letter, two more: the letter started the count again.
  for (auto at : {1s, 2s}) {
    k.key_down(WXK_SHIFT, t + at);
    EXPECT_FALSE(k.key_up(WXK_SHIFT, t + at));
  }
  k.key_down('b', t + 2500ms);
  for (auto at : {3s, 4s}) {
    k.key_down(WXK_SHIFT, t + at);
    EXPECT_FALSE(k.key_up(WXK_SHIFT, t + at));
  }
  k.key_down(WXK_SHIFT, t + 4500ms);
  EXPECT_TRUE(k.key_up(WXK_SHIFT, t + 4500ms));
}

TEST(QuickExitKeys, EscapeTwiceWithinTwoSeconds) {
  kiosk::QuickExitKeys k;
  const auto t = Clock::now();
  EXPECT_FALSE(k.key_down(WXK_ESCAPE, t));
  EXPECT_FALSE(k.key_down(WXK_ESCAPE, t + 3s));  // too slow: a new first press
  EXPECT_TRUE(k.key_down(WXK_ESCAPE, t + 4s));
  EXPECT_FALSE(k.key_down(WXK_ESCAPE, t + 10s));
  EXPECT_FALSE(k.key_down('x', t + 10500ms));
  EXPECT_FALSE(k.key_down(WXK_ESCAPE, t + 11s));  // the letter broke the pair
}

TEST(SessionGuard, ShiftThreeTimesLeavesToTheNeutralScreenAndBackRestoresNothing) {
  auto state = kiosk_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  test::settle(frame);
  start_and_answer(frame);

  // Keys go to whatever has the focus; the filter sees them all.
  wxWindow* focus = frame->about_you_page();
  for (int i = 0; i < 3; ++i) press(focus, WXK_SHIFT);

  EXPECT_FALSE(frame->content()->IsShown()) << "the wizard is still on screen";
  EXPECT_TRUE(state->empty()) << "the answers survived the quick exit";
  ASSERT_TRUE(frame->neutral_screen()->IsShown());
  EXPECT_EQ(frame->GetTitle(), "Clinic services");
  const wxString neutral = frame->neutral_screen()->text();
  EXPECT_TRUE(neutral.Contains(_("Welcome. Touch the screen or press a key to begin.")));
  for (const char* word : {"record", "traffick", "court", "law", "Exit"}) {
    EXPECT_FALSE(neutral.Lower().Contains(wxString(word).Lower())) << word;
  }
  test::screenshot(frame, "kiosk-01-neutral-screen");

  // More Shifts and Escapes do not bring anything back.
  press(frame->neutral_screen(), WXK_SHIFT);
  press(frame->neutral_screen(), WXK_ESCAPE);
  test::settle(frame);
  EXPECT_TRUE(frame->neutral_screen()->IsShown());

  // The next person begins on a fresh Welcome page.
  click(frame->neutral_screen()->begin_button());
  test::settle(frame);
  EXPECT_FALSE(frame->neutral_screen()->IsShown());
  EXPECT_TRUE(frame->content()->IsShown());
  EXPECT_EQ(frame->current(), WizardFrame::kWelcome);
  EXPECT_TRUE(state->empty());
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  for (const nlohmann::json& v : {nlohmann::json(true), nlohmann::json(false), nlohmann::json()}) {
    if (wxRadioButton* r = frame->about_you_page()->option(v)) {
      EXPECT_FALSE(r->GetValue()) << v.dump();
    }
  }
  frame->Destroy();
  test::flush_idle();
}

TEST(SessionGuard, EscapeTwiceLeavesAndOutsideAKioskTheWindowCloses) {
  auto state = test::load_state();
  ASSERT_TRUE(state);
  ASSERT_NE(state->settings().mode, model::Mode::Kiosk);
  auto* frame = new WizardFrame(state);
  wxWeakRef<WizardFrame> alive(frame);
  frame->Show();
  start_and_answer(frame);
  press(frame->about_you_page(), WXK_ESCAPE);
  EXPECT_TRUE(frame->content()->IsShown()) << "one Escape is not a quick exit";
  press(frame->about_you_page(), WXK_ESCAPE);
  EXPECT_FALSE(frame->content()->IsShown());
  EXPECT_TRUE(state->empty());
  test::flush_idle();
  EXPECT_FALSE(alive) << "outside a kiosk, the window closes";
}

TEST(SessionGuard, TypingCapitalsIsNoQuickExit) {
  auto state = kiosk_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  start_and_answer(frame);
  wxWindow* w = frame->about_you_page();
  for (int key : {'A', 'N', 'A'}) {
    wxKeyEvent shift_down(wxEVT_CHAR_HOOK);
    shift_down.m_keyCode = WXK_SHIFT;
    w->GetEventHandler()->ProcessEvent(shift_down);
    wxKeyEvent letter(wxEVT_CHAR_HOOK);
    letter.m_keyCode = key;
    letter.SetShiftDown(true);
    w->GetEventHandler()->ProcessEvent(letter);
    wxKeyEvent shift_up(wxEVT_KEY_UP);
    shift_up.m_keyCode = WXK_SHIFT;
    w->GetEventHandler()->ProcessEvent(shift_up);
  }
  EXPECT_TRUE(frame->content()->IsShown());
  EXPECT_FALSE(state->empty());
  frame->Destroy();
  test::flush_idle();
}

TEST(IdleTimer, WarnsThenWipesAndTheCountdownCanBeExtended) {
  auto state = kiosk_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  test::settle(frame);
  kiosk::IdleTimer* idle = frame->idle_timer();
  ASSERT_NE(idle, nullptr);
  EXPECT_EQ(idle->idle(), std::chrono::seconds(state->settings().idle_timeout_seconds));
  EXPECT_GE(idle->warning(), 20s) << "WCAG 2.2.1: at least 20 seconds to answer";

  Clock::time_point now = Clock::now();
  idle->set_clock([&] { return now; });
  idle->set_durations(60s, 30s);
  idle->activity();

  // On the Welcome page with nothing held: no warning, nothing to lose.
  now += 61s;
  idle->tick();
  EXPECT_FALSE(idle->warning_shown());

  start_and_answer(frame);
  const WizardFrame::PageId page = frame->current();
  idle->activity();
  now += 59s;
  idle->tick();
  EXPECT_FALSE(idle->warning_shown());
  now += 2s;
  idle->tick();
  ASSERT_TRUE(idle->warning_shown());
  EXPECT_TRUE(frame->idle_warning()->IsShown());
  EXPECT_FALSE(frame->content()->IsShown()) << "the answers stay on screen for whoever walks up";
  now += 12s;
  idle->tick();
  EXPECT_TRUE(frame->idle_warning()->text().Contains(_("Are you still there?")));
  EXPECT_TRUE(frame->idle_warning()->text().Contains("erased in 18 seconds")) << frame->idle_warning()->text();
  EXPECT_GE(frame->idle_warning()->keep_button()->GetSize().y, 44);
  test::screenshot(frame, "kiosk-02-idle-warning");

  // "I'm still here" keeps everything.
  click(frame->idle_warning()->keep_button());
  EXPECT_FALSE(idle->warning_shown());
  EXPECT_TRUE(frame->content()->IsShown());
  EXPECT_FALSE(frame->idle_warning()->IsShown());
  EXPECT_FALSE(state->empty());
  EXPECT_EQ(frame->current(), page) << "the session did not go on where it was";

  // Idle again, and this time nobody answers.
  now += 61s;
  idle->tick();
  ASSERT_TRUE(idle->warning_shown());
  now += 29s;
  idle->tick();
  EXPECT_FALSE(state->empty()) << "wiped before the countdown ended";
  now += 2s;
  idle->tick();
  test::settle(frame);
  EXPECT_TRUE(state->empty()) << "the idle wipe left the answers";
  EXPECT_EQ(frame->current(), WizardFrame::kWelcome);
  EXPECT_TRUE(frame->content()->IsShown());
  EXPECT_FALSE(frame->idle_warning()->IsShown());
  frame->Destroy();
  test::flush_idle();
}

TEST(PrivateTempDir, IsOnlyOursAndGoneAfterTheWipe) {
  const std::string base = test::make_temp_dir();
  ::setenv("XDG_RUNTIME_DIR", base.c_str(), 1);
  auto dir = kiosk::PrivateTempDir::create();
  ASSERT_TRUE(dir) << dir.error().to_string();
  EXPECT_EQ(fs::path(dir->path()).parent_path(), fs::path(base));
  struct stat st{};
  ASSERT_EQ(::stat(dir->path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  const std::string paper = dir->path() + "/petition.pdf";
  std::ofstream(paper) << "Nguyen Thi Huong, 120 Example Street";
  const std::string kept = dir->path();
  dir->wipe();
  EXPECT_FALSE(fs::exists(paper));
  EXPECT_FALSE(fs::exists(kept));
  EXPECT_TRUE(dir->path().empty());
  ::unsetenv("XDG_RUNTIME_DIR");
  fs::remove_all(base);
}

TEST(KioskFolders, OnlyUsbDrivesAndTheClinicFolder) {
  const std::string base = test::make_temp_dir();
  fs::create_directories(base + "/clinic/sub");
  fs::create_directories(base + "/elsewhere");
  fs::create_symlink(base + "/elsewhere", base + "/clinic/escape");
  const auto roots = kiosk::allowed_roots(true, base + "/clinic");
  EXPECT_EQ(roots, (std::vector<std::string>{"/media", "/run/media", base + "/clinic"}));
  EXPECT_TRUE(kiosk::inside_allowed_roots(base + "/clinic", roots));
  EXPECT_TRUE(kiosk::inside_allowed_roots(base + "/clinic/sub", roots));
  EXPECT_FALSE(kiosk::inside_allowed_roots(base + "/elsewhere", roots));
  EXPECT_FALSE(kiosk::inside_allowed_roots(base + "/clinic/escape", roots)) << "a link out of the folder";
  EXPECT_FALSE(kiosk::inside_allowed_roots(base + "/clinic/../elsewhere", roots));
  EXPECT_TRUE(kiosk::allowed_roots(false, "").empty());
  fs::remove_all(base);
}

TEST(RecentFiles, GtkKeepsNoList) {
  kiosk::disable_recent_files();
  EXPECT_FALSE(kiosk::recent_files_enabled());
}

// Keeping for later without the dialogs (the dialogs call the same code),
// then the dialogs themselves as a person sees them.
class KeepForLater : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::make_temp_dir();
    ::setenv("RELIEF_STATE_DIR", (dir_ + "/state").c_str(), 1);
  }
  void TearDown() override {
    ::setenv("RELIEF_STATE_DIR", old_state_.c_str(), 1);
    fs::remove_all(dir_);
  }
  static crypto::SecretBuffer secret(const std::string& s) {
    crypto::SecretBuffer b(crypto::kMaxPassphraseBytes);
    b.assign(s);
    return b;
  }
  std::string dir_;
  std::string old_state_ = std::getenv("RELIEF_STATE_DIR") ? std::getenv("RELIEF_STATE_DIR") : "";
};

TEST_F(KeepForLater, RoundTripAndTooManyWrongPinsErase) {
  auto state = kiosk_state(model::StoragePolicy::KeepByChoice);
  ASSERT_TRUE(state);
  model::Settings s = state->settings();
  s.max_pin_failures = 3;
  state->replace_settings(s);
  auto sample = model::load_case_file(kSample, state->library().facts);
  ASSERT_TRUE(sample);
  ASSERT_TRUE(state->load_case(*sample));

  EXPECT_EQ(kiosk::pin_problem(secret("12345"), secret("12345")), "too_short");
  EXPECT_EQ(kiosk::pin_problem(secret("123456"), secret("123457")), "differ");
  EXPECT_EQ(kiosk::pin_problem(secret("123456"), secret("123456")), "");
  auto code = kiosk::keep_session(*state, secret("739146"));
  ASSERT_TRUE(code) << code.error().to_string();
  EXPECT_TRUE(fs::exists(store::kept_sessions_path()));

  // It comes back whole, with every answer marked as given.
  state->clear();
  ASSERT_TRUE(kiosk::resume_session(*state, *code, secret("739146")));
  EXPECT_EQ(state->case_data().petitioner.legal_name, sample->petitioner.legal_name);
  EXPECT_EQ(state->case_data().records.size(), sample->records.size());
  EXPECT_FALSE(state->next_question(Step::AboutYou)) << "a resumed session asks again what was answered";
  EXPECT_EQ(state->answered_count(Step::AboutYou), sample->facts.size());

  // Wrong PINs change nothing in the state; the third erases the session.
  state->clear();
  for (int i = 0; i < 3; ++i) {
    auto r = kiosk::resume_session(*state, *code, secret("000000"));
    ASSERT_FALSE(r);
    EXPECT_TRUE(state->empty());
  }
  auto gone = kiosk::resume_session(*state, *code, secret("739146"));
  ASSERT_FALSE(gone) << "the session survived too many wrong PINs";
  EXPECT_EQ(gone.error().code, ErrorCode::NotFound);
  EXPECT_TRUE(state->empty());
  const std::string log = [&] {
    std::ifstream in(dir_ + "/state/audit.log");
    return std::string((std::istreambuf_iterator<char>(in)), {});
  }();
  for (const char* e : {"session_saved", "session_resumed", "session_erased"}) {
    EXPECT_NE(log.find(e), std::string::npos) << e;
  }
  EXPECT_EQ(log.find(sample->petitioner.legal_name), std::string::npos);
}

TEST_F(KeepForLater, TheDialogsAsAPersonSeesThem) {
  auto state = kiosk_state(model::StoragePolicy::KeepByChoice);
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  test::settle(frame);
  EXPECT_TRUE(frame->welcome_page()->continue_button()->IsShown());
  start_and_answer(frame);

  auto* keep = new KeepDialog(frame, *state);
  keep->Show();
  test::settle(keep);
  test::screenshot(keep, "kiosk-03-keep-dialog");
  keep->pin_field()->SetValue("12345");
  keep->repeat_field()->SetValue("12345");
  EXPECT_FALSE(keep->save());
  EXPECT_TRUE(keep->message()->text().Contains("at least 6")) << keep->message()->text();
  EXPECT_TRUE(keep->pin_field()->IsEmpty()) << "a refused PIN stays in the field";
  keep->pin_field()->SetValue("482913");
  keep->repeat_field()->SetValue("482914");
  EXPECT_FALSE(keep->save());
  EXPECT_TRUE(keep->message()->text().Contains(_("The two PINs are not the same. Please type your PIN two times again.")));
  test::screenshot(keep, "kiosk-04-keep-dialog-pins-differ");
  keep->pin_field()->SetValue("482913");
  keep->repeat_field()->SetValue("482913");
  ASSERT_TRUE(keep->save()) << keep->message()->text();
  const std::string code = keep->code();
  EXPECT_EQ(code.size(), 14u);
  EXPECT_TRUE(test::visible_text(keep).Contains(to_wx(code)));
  test::screenshot(keep, "kiosk-05-keep-code");
  keep->Destroy();

  // Gone for now: quick exit, then the next visit brings it back.
  frame->quick_exit();
  click(frame->neutral_screen()->begin_button());
  test::settle(frame);
  ASSERT_TRUE(state->empty());
  auto* resume = new ResumeDialog(frame, *state);
  resume->Show();
  resume->code_field()->SetValue(to_wx(code));
  resume->pin_field()->SetValue("111111");
  EXPECT_FALSE(resume->resume());
  EXPECT_TRUE(state->empty());
  test::screenshot(resume, "kiosk-06-resume-wrong-pin");
  resume->code_field()->SetValue(to_wx(code));
  resume->pin_field()->SetValue("482913");
  ASSERT_TRUE(resume->resume()) << resume->message()->text();
  resume->Destroy();
  EXPECT_FALSE(state->empty());
  frame->show_resumed();
  EXPECT_EQ(frame->current(), WizardFrame::kResults);
  EXPECT_NE(wxWindow::FindWindowByName("results_keep", frame), nullptr);
  frame->Destroy();
  test::flush_idle();
}

TEST(KeepForLaterPolicy, HiddenWhenNothingMayBeKept) {
  auto state = kiosk_state(model::StoragePolicy::KioskMemoryOnly);
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  EXPECT_FALSE(frame->welcome_page()->continue_button()->IsShown());
  start_and_answer(frame);
  EXPECT_FALSE(kiosk::keep_session(*state, crypto::SecretBuffer(8)));
  frame->Destroy();
  test::flush_idle();
}

}  // namespace
}  // namespace relief::gui
