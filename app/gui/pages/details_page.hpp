#pragma once
#include <vector>

#include <wx/textctrl.h>

#include "pages/page.hpp"

namespace relief::gui {

class WrapText;

/// The name, birth date and address the court papers need. Every field may
/// stay empty: the papers then have blank lines to write on by hand, which
/// is the safer choice on a shared computer.
class DetailsPage : public WizardPage {
 public:
  DetailsPage(wxWindow* parent, WizardState& state);

  wxString heading() const override;
  wxWindow* first_focus() override;

  /// Fills the fields from the case.
  bool TransferDataToWindow() override;
  /// Checks the birth date (the only field with a format) and stores what
  /// was typed. A bad date is said in words next to the field.
  bool TransferDataFromWindow() override;

  wxTextCtrl* field(const wxString& name) const;
  wxString error_text() const;

 private:
  wxTextCtrl* add_field(wxSizer* sizer, const wxString& label, const wxString& help, const wxString& name,
                        int width);

  std::vector<wxTextCtrl*> fields_;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* other_names_ = nullptr;
  wxTextCtrl* birth_ = nullptr;
  wxTextCtrl* line1_ = nullptr;
  wxTextCtrl* line2_ = nullptr;
  wxTextCtrl* city_ = nullptr;
  wxTextCtrl* region_ = nullptr;
  wxTextCtrl* zip_ = nullptr;
  wxTextCtrl* phone_ = nullptr;
  WrapText* error_ = nullptr;
};

}  // namespace relief::gui
