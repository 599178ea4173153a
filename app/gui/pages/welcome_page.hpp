#pragma once
#include <wx/button.h>

#include "pages/page.hpp"

namespace relief::gui {

/// What Relief does, what it keeps (nothing by default), how to leave quickly.
class WelcomePage : public WizardPage {
 public:
  WelcomePage(wxWindow* parent, WizardState& state);
  wxString heading() const override;
  /// Shows "Continue a saved session" only where keeping is allowed.
  void refresh();
  wxButton* continue_button() const { return continue_; }

 private:
  wxButton* continue_ = nullptr;
};

}  // namespace relief::gui
