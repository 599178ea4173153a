#include "wizard_frame.hpp"

#include <algorithm>
#include <vector>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statline.h>

#include "attorney/attorney_frame.hpp"
#include "kiosk/idle_timer.hpp"
#include "kiosk/kept_sessions.hpp"
#include "kiosk/kiosk_screens.hpp"
#include "kiosk/session_guard.hpp"
#include "pages/about_dialog.hpp"
#include "pages/admin_dialog.hpp"
#include "pages/details_page.hpp"
#include "pages/documents_page.hpp"
#include "pages/keep_dialog.hpp"
#include "pages/question_page.hpp"
#include "pages/records_page.hpp"
#include "pages/results_page.hpp"
#include "pages/review_page.hpp"
#include "pages/welcome_page.hpp"
#include "language.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

WizardFrame::WizardFrame(std::shared_ptr<WizardState> state)
    : wxFrame(nullptr, wxID_ANY, to_wx(state->settings().window_title), wxDefaultPosition, wxSize(1100, 820),
              wxDEFAULT_FRAME_STYLE, "wizard_frame"),
      state_(std::move(state)),
      display_(DisplayPrefs::load()) {
  SetMinSize(wxSize(760, 560));
  if (display_.high_contrast) apply_high_contrast(true);
  build_content();
  Bind(wxEVT_CHAR_HOOK, &WizardFrame::on_char_hook, this);
  Bind(wxEVT_CLOSE_WINDOW, &WizardFrame::on_close, this);

  // The kiosk screens take the content's place, never sit beside it.
  neutral_ = new kiosk::NeutralScreen(this, [this] { leave_neutral_screen(); });
  warning_ = new kiosk::IdleWarning(this, [this] { keep_session_alive(); });
  neutral_->Hide();
  warning_->Hide();
  install_frame_sizer();

  guard_ = std::make_unique<kiosk::SessionGuard>(
      [this] { quick_exit(); },
      [this](const kiosk::SessionGuard::Activity& a) {
        if (idle_) idle_->activity();
        // Modifiers and Escape are how a person leaves: they must not bring
        // the wizard back on the neutral screen. The first second is
        // ignored too, for the key that made the quick exit.
        if (!neutral_->IsShown() || !a.press) return;
        if (a.key && (a.key_code == WXK_SHIFT || a.key_code == WXK_CONTROL || a.key_code == WXK_ALT ||
                      a.key_code == WXK_ESCAPE)) {
          return;
        }
        if (std::chrono::steady_clock::now() - neutral_since_ < std::chrono::seconds(1)) return;
        CallAfter([this] { leave_neutral_screen(); });
      });
  kiosk::IdleTimer::Hooks hooks;
  hooks.holds_session = [this] { return panel_->IsShown() && (!state_->empty() || current_ != kWelcome); };
  hooks.warn = [this](int seconds) { show_idle_warning(seconds); };
  hooks.countdown = [this](int seconds) { warning_->set_seconds(seconds); };
  hooks.expire = [this] { end_session("idle"); };
  idle_ = std::make_unique<kiosk::IdleTimer>(hooks, std::chrono::seconds(state_->settings().idle_timeout_seconds));

  show(kWelcome);
}

void WizardFrame::install_frame_sizer() {
  // One of three fills the window: the wizard, or a kiosk screen in its place.
  auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
  for (wxWindow* w : {static_cast<wxWindow*>(panel_), static_cast<wxWindow*>(neutral_),
                      static_cast<wxWindow*>(warning_)}) {
    frame_sizer->Add(w, 1, wxEXPAND);
  }
  SetSizer(frame_sizer);
}

void WizardFrame::build_content() {
  // Everything lives on one panel so that hiding it blanks the window in a
  // single step. Creation order is the tab order: header, page, Back, the
  // display buttons, Next.
  panel_ = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "wizard_content");
  // Every page's text is sized from this font, so one factor scales it all.
  scale_font(panel_, 1.15 * display_.text_scale());
  if (display_.high_contrast) {
    // GTK's HighContrast theme draws the controls; the pages' own ground
    // and text go to pure white and black to match.
    panel_->SetBackgroundColour(*wxWHITE);
    panel_->SetForegroundColour(*wxBLACK);
  }

  auto* header = new wxBoxSizer(wxHORIZONTAL);
  step_label_ = new WrapText(panel_, wxString(), "step_label", 1.0, true);
  exit_ =
      make_button(panel_, _("Exit"), "exit_button", _("Leave now. The screen goes blank and your answers are erased."));
  scale_font(exit_, 1.1, true);
  exit_->SetMinSize(wxSize(140, kMinTarget));
  header->Add(step_label_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, kMargin);
  header->Add(exit_, 0, wxALIGN_CENTER_VERTICAL | wxALL, 12);

  book_ = new wxSimplebook(panel_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "wizard_pages");
  build_pages();

  auto* footer = new wxBoxSizer(wxHORIZONTAL);
  back_ = make_button(panel_, _("Back"), "back_button", _("Go back one step"));
  next_ = make_button(panel_, _("Next"), "next_button", _("Go on to the next step"));
  scale_font(next_, 1.1, true);
  back_->SetMinSize(wxSize(160, kMinTarget));
  next_->SetMinSize(wxSize(160, kMinTarget));

  // The display buttons: the other language by its own name, text size and
  // contrast. Short visible labels; the screen reader hears the full words.
  auto* display = new wxBoxSizer(wxHORIZONTAL);
  const auto languages = offered_languages(state_->settings());
  if (languages.size() > 1) {
    // With two languages the button names the other one; with more, it
    // cycles through them in order.
    auto it = std::find(languages.begin(), languages.end(), state_->language());
    const std::string other =
        (it == languages.end() || std::next(it) == languages.end()) ? languages.front() : *std::next(it);
    language_ = make_button(panel_, native_name(other), "language_button",
                            wxString::Format(_("Show the screens in %s"), native_name(other)));
    language_->Bind(wxEVT_BUTTON, [this, other](wxCommandEvent&) { set_language(other); });
    display->Add(language_, 0, wxRIGHT, 8);
  } else {
    language_ = nullptr;
  }
  smaller_ = make_button(panel_, _("A-"), "smaller_text_button", _("Smaller text (Ctrl and minus)"));
  larger_ = make_button(panel_, _("A+"), "larger_text_button", _("Larger text (Ctrl and plus)"));
  contrast_ = make_button(panel_, _("Contrast"), "contrast_button",
                          display_.high_contrast ? _("Turn high contrast off") : _("Turn high contrast on"));
  for (wxButton* b : {smaller_, larger_}) b->SetMinSize(wxSize(kMinTarget + 16, kMinTarget));
  set_accessible(smaller_, _("Smaller text"), _("Make the text smaller (Ctrl and minus)"));
  set_accessible(larger_, _("Larger text"), _("Make the text larger (Ctrl and plus)"));
  set_accessible(contrast_, display_.high_contrast ? _("High contrast is on") : _("High contrast is off"),
                 _("Black text on white with strong borders"));
  smaller_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_text_size(-1); });
  larger_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_text_size(+1); });
  contrast_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_high_contrast(!display_.high_contrast); });
  display->Add(smaller_, 0, wxRIGHT, 4);
  display->Add(larger_, 0, wxRIGHT, 8);
  display->Add(contrast_, 0);

  footer->Add(back_, 0, wxALL, 12);
  footer->AddStretchSpacer();
  footer->Add(display, 0, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM, 12);
  footer->AddStretchSpacer();
  footer->Add(next_, 0, wxALL, 12);

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(header, 0, wxEXPAND);
  top->Add(new wxStaticLine(panel_), 0, wxEXPAND);
  top->Add(book_, 1, wxEXPAND);
  top->Add(new wxStaticLine(panel_), 0, wxEXPAND);
  top->Add(footer, 0, wxEXPAND);
  panel_->SetSizer(top);

  exit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { quick_exit(); });
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go_back(); });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go_next(); });
}

void WizardFrame::rebuild() {
  if (exiting_) return;
  const PageId keep = current_;
  const bool reviewing = back_to_review_;
  Freeze();
  // Unhook the old content before it goes, so nothing refers to it.
  SetSizer(nullptr);
  wxPanel* old = panel_;
  old->Hide();
  build_content();
  install_frame_sizer();
  old->Destroy();
  back_to_review_ = false;
  if (reviewing) {
    enter(kReview, true);
  } else {
    enter(keep, true);
  }
  Layout();
  Thaw();
}

void WizardFrame::set_language(const std::string& code) {
  if (exiting_ || code == state_->language()) return;
  state_->set_language(code);
  use_language(code);
  // Later, not here: the button that asked may be one the rebuild destroys.
  CallAfter([this] {
    rebuild();
    if (language_) language_->SetFocus();
  });
}

void WizardFrame::change_text_size(int step) {
  const int before = display_.text_step;
  display_.text_step =
      step == 0 ? 0 : std::clamp(display_.text_step + step, DisplayPrefs::kMinStep, DisplayPrefs::kMaxStep);
  if (display_.text_step == before) return;
  display_.save();
  CallAfter([this, step] {
    rebuild();
    (step < 0 ? smaller_ : larger_)->SetFocus();
  });
}

void WizardFrame::set_high_contrast(bool on) {
  if (display_.high_contrast == on) return;
  display_.high_contrast = on;
  display_.save();
  apply_high_contrast(on);
  CallAfter([this] {
    rebuild();
    contrast_->SetFocus();
  });
}

void WizardFrame::change_answer(const rules::Question& q) {
  if (exiting_ || !q.def) return;
  const PageId page = q.record ? kRecordQuestions : kAboutYou;
  back_to_review_ = true;
  static_cast<QuestionPage*>(pages_[page])->show_question(q);
  show(page);
}

void WizardFrame::change_records() {
  if (exiting_) return;
  enter(kRecords, true);
}

WizardFrame::~WizardFrame() {
  // No more key or timer callbacks into a window being taken apart.
  guard_.reset();
  idle_.reset();
}

void WizardFrame::build_pages() {
  welcome_ = new WelcomePage(book_, *state_, [this](const std::string& code) { set_language(code); });
  about_you_ = new QuestionPage(book_, *state_, Step::AboutYou, "about_you_page");
  records_ = new RecordsPage(book_, *state_);
  record_questions_ = new QuestionPage(book_, *state_, Step::Records, "record_questions_page");
  review_ = new ReviewPage(
      book_, *state_, [this](const rules::Question& q) { change_answer(q); }, [this] { change_records(); });
  results_ = new ResultsPage(book_, *state_);
  details_ = new DetailsPage(book_, *state_);
  documents_ = new DocumentsPage(book_, *state_);
  pages_ = {welcome_, about_you_, records_, record_questions_, review_, results_, details_, documents_};
  for (WizardPage* p : pages_) book_->AddPage(p, p->heading());
  welcome_->continue_button()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { continue_saved_session(); });
  welcome_->attorney_button()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter([this] { switch_to_attorney(); }); });
  // Called from the page's own button: the page must outlive the click.
  documents_->set_on_finish([this] {
    panel_->Hide();
    CallAfter([this] { end_session("finished"); });
  });
}

void WizardFrame::enter(PageId id, bool forward) {
  switch (id) {
    case kAboutYou:
    case kRecordQuestions: {
      auto* page = static_cast<QuestionPage*>(pages_[id]);
      const bool has = forward ? page->begin() : page->back();
      if (has) {
        show(id);
      } else {
        enter(static_cast<PageId>(forward ? id + 1 : id - 1), forward);
      }
      return;
    }
    case kRecords:
      records_->refresh();
      break;
    case kReview:
      review_->refresh();
      break;
    case kResults:
      results_->refresh();
      break;
    case kDetails:
      details_->TransferDataToWindow();
      break;
    case kWelcome:
      welcome_->refresh();
      break;
    case kDocuments:
      documents_->refresh();
      break;
    case kPageCount:
      break;
  }
  show(id);
}

void WizardFrame::show(PageId id) {
  current_ = id;
  book_->ChangeSelection(static_cast<std::size_t>(id));
  update_chrome();
  panel_->Layout();
  pages_[id]->relayout();
  if (wxWindow* focus = pages_[id]->first_focus()) focus->SetFocus();
}

void WizardFrame::update_chrome() {
  // TRANSLATORS: %1$d and %2$d count the steps; %3$s names this one.
  step_label_->SetText(wxString::Format(_("Step %1$d of %2$d: %3$s"), static_cast<int>(current_) + 1,
                                        static_cast<int>(kPageCount), pages_[current_]->heading()));
  back_->Enable(current_ != kWelcome);
  next_->Enable(current_ != kDocuments);
  next_->SetLabel(current_ == kWelcome ? _("Start") : _("Next"));
  next_->SetToolTip(current_ == kWelcome ? _("Start the questions") : _("Go on to the next step"));
  // Enter answers a question: Next is the default button there.
  if (current_ == kAboutYou || current_ == kRecordQuestions || current_ == kWelcome) {
    next_->SetDefault();
  }
  panel_->Layout();
}

void WizardFrame::go_next() {
  if (exiting_) return;
  switch (current_) {
    case kWelcome:
      if (!session_started_) kiosk::note(audit::Event::SessionStarted);
      session_started_ = true;
      enter(kAboutYou, true);
      break;
    case kAboutYou:
    case kRecordQuestions: {
      auto* page = static_cast<QuestionPage*>(pages_[current_]);
      if (!page->TransferDataFromWindow()) return;
      if (back_to_review_) {
        back_to_review_ = false;
        enter(kReview, true);
        return;
      }
      if (page->advance()) {
        show(current_);
      } else {
        enter(static_cast<PageId>(current_ + 1), true);
      }
      break;
    }
    case kRecords:
      if (!records_->TransferDataFromWindow()) return;
      enter(kRecordQuestions, true);
      break;
    case kReview:
    case kResults:
      enter(static_cast<PageId>(current_ + 1), true);
      break;
    case kDetails:
      if (!details_->TransferDataFromWindow()) return;
      enter(kDocuments, true);
      break;
    case kDocuments:
    case kPageCount:
      break;
  }
}

void WizardFrame::go_back() {
  if (exiting_) return;
  switch (current_) {
    case kWelcome:
    case kPageCount:
      break;
    case kAboutYou:
    case kRecordQuestions: {
      if (back_to_review_) {
        back_to_review_ = false;
        enter(kReview, true);
        break;
      }
      auto* page = static_cast<QuestionPage*>(pages_[current_]);
      if (page->back()) {
        show(current_);
      } else {
        enter(static_cast<PageId>(current_ - 1), false);
      }
      break;
    }
    case kDetails:
      details_->TransferDataFromWindow();  // keep what was typed, even half done
      enter(kResults, false);
      break;
    case kRecords:
    case kReview:
    case kResults:
    case kDocuments:
      enter(static_cast<PageId>(current_ - 1), false);
      break;
  }
}

void WizardFrame::quick_exit() {
  if (exiting_) return;
  // Blank first, in this same event turn, before anything slower happens.
  panel_->Hide();
  warning_->Hide();
  SetTitle(wxString());
  Refresh();
  Update();
  close_dialogs();
  wipe_session("quick_exit");
  if (state_->settings().mode != model::Mode::Kiosk) {
    exiting_ = true;
    Close(true);
    return;
  }
  // A kiosk stays up for the next person, behind a screen that says
  // nothing about what was on it. Back restores nothing: the pages are
  // rebuilt when the next person begins.
  if (idle_) idle_->pause();
  neutral_->set_title(to_wx(state_->settings().window_title));
  neutral_->Show();
  neutral_since_ = std::chrono::steady_clock::now();
  Layout();
  SetTitle(to_wx(state_->settings().window_title));
  neutral_->begin_button()->SetFocus();
}

void WizardFrame::wipe_session(const std::string& reason) {
  const bool had = session_started_ || !state_->empty();
  state_->clear();
  documents_->end_session();
  if (had) kiosk::note(audit::Event::SessionErased, reason);
  session_started_ = false;
}

void WizardFrame::close_dialogs() {
  // Whatever dialog is open (a record being typed, a PIN) goes with the
  // rest. Modal ones end as cancelled; their callers then do nothing.
  std::vector<wxDialog*> open;
  for (wxWindow* w : wxTopLevelWindows) {
    auto* dialog = dynamic_cast<wxDialog*>(w);
    if (dialog && dialog->IsShown() && wxGetTopLevelParent(dialog->GetParent()) == this) open.push_back(dialog);
  }
  for (wxDialog* dialog : open) {
    if (dialog->IsModal()) {
      dialog->EndModal(wxID_CANCEL);
      dialog->Hide();
    } else if (dialog->GetName() != "admin_dialog" && dialog->GetName() != "admin_pin_dialog") {
      dialog->Destroy();
    }
  }
}

void WizardFrame::end_session(const std::string& reason) {
  panel_->Hide();
  warning_->Hide();
  close_dialogs();
  wipe_session(reason);
  reset_to_welcome();
}

void WizardFrame::reset_to_welcome() {
  panel_->Hide();
  state_->clear();
  // Pages are rebuilt only from the main loop: inside a dialog's own loop
  // a page may still be on the call stack.
  if (wxEventLoopBase* main = wxTheApp->GetMainLoop(); main && wxEventLoopBase::GetActive() != main) {
    CallAfter([this] { reset_to_welcome(); });
    return;
  }
  // The next person starts afresh: in the clinic's language, on new pages.
  const std::string lang = initial_language(state_->settings());
  if (lang != state_->language()) {
    state_->set_language(lang);
    use_language(lang);
  }
  Freeze();
  SetSizer(nullptr);
  wxPanel* old = panel_;
  build_content();
  install_frame_sizer();
  old->Destroy();
  back_to_review_ = false;
  neutral_->Hide();
  warning_->Hide();
  panel_->Show();
  Thaw();
  SetTitle(to_wx(state_->settings().window_title));
  Layout();
  if (idle_) idle_->keep();
  show(kWelcome);
}

void WizardFrame::leave_neutral_screen() {
  if (!neutral_->IsShown()) return;
  reset_to_welcome();
}

void WizardFrame::show_idle_warning(int seconds) {
  close_dialogs();
  // The answers leave the screen while nobody may be watching it.
  panel_->Hide();
  warning_->retranslate();
  warning_->set_seconds(seconds);
  warning_->Show();
  Layout();
  warning_->keep_button()->SetFocus();
}

void WizardFrame::keep_session_alive() {
  warning_->Hide();
  panel_->Show();
  Layout();
  if (idle_) idle_->keep();
  if (wxWindow* focus = pages_[current_]->first_focus()) focus->SetFocus();
}

AttorneyFrame* WizardFrame::switch_to_attorney() {
  if (exiting_ || state_->settings().mode != model::Mode::Survivor) return nullptr;
  // A fresh start in the other window; this one goes without a trace.
  exiting_ = true;
  panel_->Hide();
  wipe_session("attorney_mode");
  state_->set_mode(model::Mode::Attorney);
  AttorneyFrame* attorney = open_attorney_frame(state_);
  Destroy();
  return attorney;
}

void WizardFrame::continue_saved_session() {
  if (exiting_) return;
  if (show_resume_dialog(this, *state_)) show_resumed();
}

void WizardFrame::show_resumed() {
  session_started_ = true;
  enter(kResults, true);
}

void WizardFrame::open_admin() {
  if (exiting_ || FindWindowByName("admin_pin_dialog", this) || FindWindowByName("admin_dialog", this)) return;
  // The PIN is checked against the file the administrator edits, so a PIN
  // just set with `relief admin set-pin` works without a restart.
  auto file = model::load_settings_file(model::settings_path());
  const std::string hash = file ? file->admin_pin_hash : state_->settings().admin_pin_hash;
  auto* prompt = new AdminPinDialog(this, hash, [this] { show_admin_screen(); });
  prompt->Show();
}

void WizardFrame::show_admin_screen() {
  auto* screen = new AdminDialog(this, *state_, model::settings_path(),
                                 [this](const model::Settings& s) { apply_settings(s); });
  screen->Show();
}

void WizardFrame::open_about() {
  if (exiting_) return;
  AboutDialog dialog(this, *state_);
  dialog.ShowModal();
}

void WizardFrame::apply_settings(const model::Settings& settings) {
  state_->replace_settings(settings);
  if (idle_) idle_->set_durations(std::chrono::seconds(state_->settings().idle_timeout_seconds), idle_->warning());
  if (current_ == kWelcome) welcome_->refresh();
  if (current_ == kDocuments) documents_->refresh();
  SetTitle(to_wx(state_->settings().window_title));
  wxTheApp->SetAppDisplayName(to_wx(state_->settings().window_title));
  if (current_ == kResults) results_->refresh();  // its footer names the clinic
  panel_->Layout();
}

void WizardFrame::on_char_hook(wxKeyEvent& e) {
  const int key = e.GetKeyCode();
  // Administrator shortcuts: two modifiers, so no survivor hits them by chance.
  if (e.GetModifiers() == (wxMOD_CONTROL | wxMOD_ALT)) {
    if (key == 'A') {
      open_admin();
      return;
    }
    if (key == 'I') {
      open_about();
      return;
    }
  }
  if (e.GetModifiers() == wxMOD_CONTROL || e.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT)) {
    if (key == '+' || key == '=' || key == WXK_NUMPAD_ADD) {
      change_text_size(+1);
      return;
    }
    if (key == '-' || key == WXK_NUMPAD_SUBTRACT) {
      change_text_size(-1);
      return;
    }
    if (key == '0' || key == WXK_NUMPAD0) {
      change_text_size(0);
      return;
    }
  }
  const bool enter = key == WXK_RETURN || key == WXK_NUMPAD_ENTER;
  if (enter && (current_ == kAboutYou || current_ == kRecordQuestions)) {
    // Enter on a focused button keeps meaning that button.
    if (!dynamic_cast<wxButton*>(wxWindow::FindFocus())) {
      go_next();
      return;
    }
  }
  e.Skip();
}

void WizardFrame::on_close(wxCloseEvent& e) {
  // However the window is closed, nothing about the person stays behind.
  panel_->Hide();
  if (!exiting_) wipe_session("closed");
  state_->clear();
  guard_.reset();
  idle_.reset();
  e.Skip();  // default handling destroys the frame
}

}  // namespace relief::gui
