#pragma once
#include <functional>
#include <vector>

#include <wx/button.h>

#include "pages/page.hpp"
#include "relief/rules/questions.hpp"

namespace relief::gui {

/// Every answer on one screen before anything is decided or written: the
/// records, then each question with the answer given and a Change button.
class ReviewPage : public WizardPage {
 public:
  using ChangeAnswer = std::function<void(const rules::Question&)>;
  using ChangeRecords = std::function<void()>;
  ReviewPage(wxWindow* parent, WizardState& state, ChangeAnswer change_answer, ChangeRecords change_records);

  wxString heading() const override;
  wxWindow* first_focus() override;

  /// Rebuilds the summary from the state.
  void refresh();

  /// The Change buttons, one per answer, in the order shown.
  const std::vector<std::pair<wxButton*, rules::Question>>& change_buttons() const { return changes_; }
  /// The words shown for an answer ("Yes", "I'm not sure", a date…).
  static wxString answer_words(const rules::Question& q, const nlohmann::json* value);

 private:
  ChangeAnswer change_answer_;
  ChangeRecords change_records_;
  wxBoxSizer* summary_;
  wxButton* records_button_ = nullptr;
  std::vector<std::pair<wxButton*, rules::Question>> changes_;
};

}  // namespace relief::gui
