#pragma once
#include <string>
#include <utility>
#include <vector>

#include "pages/page.hpp"
#include "relief/rules/decision.hpp"

namespace relief::gui {

/// Record by record, what the core decided, in plain words: the outcome,
/// the reasons, the law, the papers to gather and what is still missing.
class ResultsPage : public WizardPage {
 public:
  ResultsPage(wxWindow* parent, WizardState& state);

  wxString heading() const override;

  /// Asks the core for the decision and shows it.
  void refresh();

  /// The outcome shown for each record id, in the order shown.
  const std::vector<std::pair<std::string, rules::Outcome>>& shown() const { return shown_; }

 private:
  void add_record_block(const rules::RecordDecision& rd);

  std::vector<std::pair<std::string, rules::Outcome>> shown_;
};

}  // namespace relief::gui
