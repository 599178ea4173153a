#pragma once
#include <optional>
#include <utility>
#include <vector>

#include <wx/gauge.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <nlohmann/json.hpp>

#include "pages/page.hpp"
#include "relief/rules/questions.hpp"

namespace relief::gui {

class WrapText;

/// One question per screen: the question, why we ask it, and large answers
/// (Yes / No / I'm not sure; one per choice; or a date). The questions come
/// from the interview planner through WizardState; this page only shows
/// them and hands the answer back.
class QuestionPage : public WizardPage {
 public:
  QuestionPage(wxWindow* parent, WizardState& state, Step step, const wxString& name);

  wxString heading() const override;
  wxWindow* first_focus() override;

  /// Shows the first question of the step still open; false when none is.
  bool begin();
  /// After an answer was stored: shows the next open question; false when none.
  bool advance();
  /// Shows again the last question answered in this step, with its answer
  /// selected; false when none was answered (go to the previous page).
  bool back();
  /// Shows an already answered question again (from the review screen),
  /// with its answer selected.
  void show_question(const rules::Question& q);
  /// The progress line shown above the question ("Question 2 of about 5").
  wxString progress_text() const;
  /// Checks the chosen answer and stores it. On a missing or malformed
  /// answer, says what is wrong in words on the page and returns false.
  bool TransferDataFromWindow() override;

  /// The question on screen.
  const std::optional<rules::Question>& question() const { return question_; }
  /// The radio button that gives `value` (true, false, a choice, or null for
  /// "I'm not sure"); nullptr when the question has no such answer.
  wxRadioButton* option(const nlohmann::json& value) const;
  /// The "I know the date" radio and its field, for date and text questions.
  wxRadioButton* entry_option() const { return entry_option_; }
  wxTextCtrl* entry() const { return entry_; }
  /// The error shown under the answers ("" when none).
  wxString error_text() const;

 private:
  /// Shows `q`. `restore`: coming back to it, so its stored answer,
  /// even "I'm not sure", is selected again.
  void show(const rules::Question& q, bool restore);
  void clear_answers();
  void add_option(const wxString& label, const nlohmann::json& value, const wxString& name);
  void set_error(const wxString& text);

  Step step_;
  std::optional<rules::Question> question_;

  WrapText* progress_;
  wxGauge* gauge_;
  WrapText* note_;
  WrapText* about_;
  WrapText* text_;
  WrapText* why_title_;
  WrapText* help_;
  WrapText* error_;
  wxBoxSizer* answers_;

  // GTK always selects one radio of a group. A hidden first radio holds that
  // selection, so nothing the person can see is chosen for them.
  wxRadioButton* none_ = nullptr;
  std::vector<std::pair<wxRadioButton*, nlohmann::json>> options_;
  wxRadioButton* entry_option_ = nullptr;
  wxTextCtrl* entry_ = nullptr;
};

}  // namespace relief::gui
