#pragma once
#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>

#include "pages/page.hpp"

namespace relief::gui {

/// What Relief does, what it keeps (nothing by default), how to leave
/// quickly; and the choice of language, each named in its own words.
class WelcomePage : public WizardPage {
 public:
  using LanguageChosen = std::function<void(const std::string& code)>;
  WelcomePage(wxWindow* parent, WizardState& state, LanguageChosen on_language);
  wxString heading() const override;
  wxWindow* first_focus() override;
  /// Shows "Continue a saved session" only where keeping is allowed.
  void refresh();
  wxButton* continue_button() const { return continue_; }
  /// "I am a lawyer or advocate": switches to attorney mode (not on a kiosk).
  wxButton* attorney_button() const { return attorney_; }

  /// One button per offered language (empty when only one is offered).
  const std::vector<wxButton*>& language_buttons() const { return language_buttons_; }

 private:
  std::vector<wxButton*> language_buttons_;
  wxButton* continue_ = nullptr;
  wxButton* attorney_ = nullptr;
};

}  // namespace relief::gui
