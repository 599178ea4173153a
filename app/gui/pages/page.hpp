#pragma once
#include <wx/scrolwin.h>
#include <wx/sizer.h>

#include "wizard_state.hpp"

namespace relief::gui {

/// Base of every wizard page: a vertically scrolling panel whose texts are
/// re-wrapped to the page width whenever it changes size.
class WizardPage : public wxScrolledWindow {
 public:
  WizardPage(wxWindow* parent, WizardState& state, const wxString& name);

  /// Short name of the step, shown in the header ("About you").
  virtual wxString heading() const = 0;
  /// The control that should get the keyboard focus when the page is shown.
  virtual wxWindow* first_focus() { return this; }

  /// Re-wraps all texts to the current width and updates the scroll area.
  void relayout();

 protected:
  /// The width texts are wrapped to: the page width less margins, capped.
  int text_width() const;

  WizardState& state_;
  wxBoxSizer* content_;  ///< page content goes here, top to bottom

 private:
  void on_size(wxSizeEvent& e);
};

}  // namespace relief::gui
