#pragma once
#include <wx/dialog.h>

namespace relief::gui {

class WizardState;
class WrapText;

/// What this copy of the program is: its version, the clinic, the rule pack
/// in use, and each jurisdiction's rules version and review date.
class AboutDialog : public wxDialog {
 public:
  AboutDialog(wxWindow* parent, const WizardState& state);

  /// Everything the dialog says, one line each (for tests and screen readers).
  wxString text() const;

 private:
  wxString text_;
};

}  // namespace relief::gui
