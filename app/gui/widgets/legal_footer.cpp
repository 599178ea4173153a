#include "widgets/legal_footer.hpp"

#include <wx/intl.h>
#include <wx/statline.h>

#include "text.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

void add_legal_footer(wxWindow* parent, wxSizer* sizer, const WizardState& state) {
  add_legal_footer(parent, sizer, state.settings(), state.rules());
}

void add_legal_footer(wxWindow* parent, wxSizer* sizer, const model::Settings& settings, const rules::RuleSet& rules) {
  sizer->Add(new wxStaticLine(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_HORIZONTAL, "footer_line"), 0,
             wxEXPAND | wxTOP | wxBOTTOM, 12);
  sizer->Add(new WrapText(parent, _("This is legal information, not legal advice."), "footer_disclaimer", 1.2, true));
  // TRANSLATORS: %s is a date written YYYY-MM-DD.
  sizer->Add(new WrapText(parent, wxString::Format(_("Rules reviewed: %s"), to_wx(rules.reviewed.iso())),
                          "footer_reviewed", 1.1),
             0, wxTOP, 4);

  const model::ClinicInfo& clinic = settings.clinic;
  wxString contact;
  if (clinic.configured()) {
    contact = _("For help, contact:");
    for (const auto* part : {&clinic.name, &clinic.address, &clinic.phone, &clinic.website}) {
      if (!part->empty()) contact += "\n" + to_wx(*part);
    }
  } else {
    contact = _("Ask the clinic staff for help.");
  }
  sizer->Add(new WrapText(parent, contact, "footer_clinic", 1.2), 0, wxTOP, 8);
}

}  // namespace relief::gui
