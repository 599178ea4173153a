#pragma once
#include "pages/page.hpp"

namespace relief::gui {

/// What Relief does, what it keeps (nothing by default), how to leave quickly.
class WelcomePage : public WizardPage {
 public:
  WelcomePage(wxWindow* parent, WizardState& state);
  wxString heading() const override;
};

}  // namespace relief::gui
