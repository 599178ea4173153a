#pragma once
#include <array>
#include <chrono>
#include <memory>
#include <string>

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/simplebook.h>

#include "display_prefs.hpp"
#include "wizard_state.hpp"

namespace relief::gui {

class WizardPage;
class WelcomePage;
class QuestionPage;
class RecordsPage;
class ResultsPage;
class DocumentsPage;
class WrapText;
class ReviewPage;
class AttorneyFrame;
class DetailsPage;
namespace kiosk {
class SessionGuard;
class IdleTimer;
class NeutralScreen;
class IdleWarning;
}  // namespace kiosk

/// The main window: a header with the step name and the Exit button (always
/// top-right), the pages in a wxSimplebook, and our own Back / Next buttons.
class WizardFrame : public wxFrame {
 public:
  /// The pages, in the order the person goes through them.
  enum PageId {
    kWelcome,
    kAboutYou,
    kRecords,
    kRecordQuestions,
    kReview,
    kResults,
    kDetails,
    kDocuments,
    kPageCount
  };

  explicit WizardFrame(std::shared_ptr<WizardState> state);
  ~WizardFrame() override;

  /// What the Next (Start) button does.
  void go_next();
  /// What the Back button does.
  void go_back();
  /// What the Exit button, Shift three times and Escape twice do: in the
  /// same event turn hides the content, blanks the title, closes dialogs
  /// and forgets the case and its files. A kiosk then shows a neutral
  /// screen (a key or a touch begins again); elsewhere the window closes.
  void quick_exit();
  /// Starts afresh: an empty case and new pages, on the Welcome page.
  void reset_to_welcome();
  /// "Continue a saved session": asks for the code and PIN, then shows the
  /// results of the answers that came back.
  void continue_saved_session();
  /// Shows the results of a session that came back into the state.
  void show_resumed();

  /// Ctrl+Alt+A: asks for the administrator PIN (a modeless prompt), then
  /// opens the administrator screen.
  void open_admin();
  /// Ctrl+Alt+I: the About screen (each state's rules version and review date).
  void open_about();
  /// Takes settings the administrator screen saved: the title and the clinic
  /// shown follow them at once.
  void apply_settings(const model::Settings& settings);

  /// Shows every screen in `code` ("es"), on the same step, keeping every
  /// answer. The court papers stay in English; the instructions follow.
  void set_language(const std::string& code);
  /// Bigger (+1) or smaller (-1) text, or back to the standard size (0);
  /// remembered for the next time.
  void change_text_size(int step);
  /// The high-contrast look on or off; remembered.
  void set_high_contrast(bool on);
  const DisplayPrefs& display() const { return display_; }

  /// From the review screen: shows question `q` again; after it is
  /// answered the review screen comes back.
  void change_answer(const rules::Question& q);
  /// From the review screen: goes to the records list.
  void change_records();
  /// "I am a lawyer or advocate" on the Welcome screen: opens the attorney
  /// window on a fresh case and closes this one. Survivor mode only.
  AttorneyFrame* switch_to_attorney();

  PageId current() const { return current_; }
  WizardState& state() { return *state_; }

  WelcomePage* welcome_page() const { return welcome_; }
  QuestionPage* about_you_page() const { return about_you_; }
  RecordsPage* records_page() const { return records_; }
  QuestionPage* record_questions_page() const { return record_questions_; }
  ReviewPage* review_page() const { return review_; }
  ResultsPage* results_page() const { return results_; }
  DetailsPage* details_page() const { return details_; }
  DocumentsPage* documents_page() const { return documents_; }
  WizardPage* page(PageId id) const { return pages_[id]; }
  /// Everything inside the window; hidden by quick_exit().
  wxPanel* content() const { return panel_; }
  wxButton* back_button() const { return back_; }
  wxButton* next_button() const { return next_; }
  wxButton* exit_button() const { return exit_; }
  wxButton* language_button() const { return language_; }
  wxButton* larger_button() const { return larger_; }
  wxButton* smaller_button() const { return smaller_; }
  wxButton* contrast_button() const { return contrast_; }
  kiosk::SessionGuard* guard() const { return guard_.get(); }
  kiosk::IdleTimer* idle_timer() const { return idle_.get(); }
  kiosk::NeutralScreen* neutral_screen() const { return neutral_; }
  kiosk::IdleWarning* idle_warning() const { return warning_; }

 private:
  /// Creates everything inside the window, in the current language and
  /// text size; rebuild() does it again on the same step.
  void build_content();
  void rebuild();
  void enter(PageId id, bool forward);
  void show(PageId id);
  void update_chrome();
  void on_char_hook(wxKeyEvent& e);
  void show_admin_screen();
  void on_close(wxCloseEvent& e);
  void build_pages();
  /// The frame's sizer: the wizard content and the kiosk screens, one shown.
  void install_frame_sizer();
  void wipe_session(const std::string& reason);
  void close_dialogs();
  void end_session(const std::string& reason);
  void show_idle_warning(int seconds);
  void keep_session_alive();
  void leave_neutral_screen();

  std::shared_ptr<WizardState> state_;
  wxPanel* panel_;
  WrapText* step_label_;
  wxButton* exit_;
  wxSimplebook* book_;
  wxButton* back_;
  wxButton* next_;
  std::array<WizardPage*, kPageCount> pages_{};
  WelcomePage* welcome_;
  QuestionPage* about_you_;
  RecordsPage* records_;
  QuestionPage* record_questions_;
  ReviewPage* review_;
  ResultsPage* results_;
  DetailsPage* details_;
  DocumentsPage* documents_;
  wxButton* language_ = nullptr;
  wxButton* larger_ = nullptr;
  wxButton* smaller_ = nullptr;
  wxButton* contrast_ = nullptr;
  PageId current_ = kWelcome;
  /// Set while a question is shown again from the review screen.
  bool back_to_review_ = false;
  bool exiting_ = false;
  DisplayPrefs display_;
  bool session_started_ = false;
  kiosk::NeutralScreen* neutral_;
  kiosk::IdleWarning* warning_;
  std::chrono::steady_clock::time_point neutral_since_;
  std::unique_ptr<kiosk::SessionGuard> guard_;
  std::unique_ptr<kiosk::IdleTimer> idle_;
};

}  // namespace relief::gui
