#include "pages/about_dialog.hpp"

#include <wx/intl.h>
#include <wx/sizer.h>

#include "relief/admin/pack.hpp"
#include "relief/util/paths.hpp"
#include "text.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_state.hpp"

namespace relief::gui {

AboutDialog::AboutDialog(wxWindow* parent, const WizardState& state)
    : wxDialog(parent, wxID_ANY, _("About"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               "about_dialog") {
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto add = [&](const wxString& text, const wxString& name, double scale = 1.0, bool bold = false) {
    auto* t = new WrapText(this, text, name, scale, bold);
    top->Add(t, 0, wxLEFT | wxRIGHT | wxTOP, kMargin);
    text_ += text + "\n";
    return t;
  };
  // TRANSLATORS: %s is a version number such as 0.1.0.
  add(wxString::Format(_("Version %s"), RELIEF_VERSION), "about_version", 1.2, true);
  const auto& clinic = state.settings().clinic;
  if (clinic.configured()) {
    // TRANSLATORS: %s is the clinic's name.
    add(wxString::Format(_("Set up by %s"), to_wx(clinic.name.empty() ? clinic.phone : clinic.name)), "about_clinic");
  }
  auto status = admin::pack_status(util::state_dir());
  if (status && status->current) {
    const auto& p = *status->current;
    // TRANSLATORS: %1$s is a pack version, %2$s a date and time, %3$s a key fingerprint.
    add(wxString::Format(_("Rules from the signed rule pack %1$s (made %2$s, signed with key %3$s)."),
                         to_wx(p.manifest.pack_version), to_wx(p.manifest.created), to_wx(p.signer)),
        "about_pack");
  } else {
    add(_("Rules installed with the program."), "about_pack");
  }
  add(_("Rules for each state"), "about_rules_heading", 1.1, true);
  for (const auto& set : state.library().sets) {
    // TRANSLATORS: %1$s state name, %2$s its postal code, %3$s rules version, %4$s review date (YYYY-MM-DD).
    add(wxString::Format(_("%1$s (%2$s): rules version %3$s, reviewed %4$s"), to_wx(set.name),
                         to_wx(set.jurisdiction), to_wx(set.version), to_wx(set.reviewed.iso())),
        to_wx("about_rules_" + set.jurisdiction));
  }
  add(_("This is legal information, not legal advice."), "about_disclaimer");

  auto* close = make_button(this, _("Close"), "about_close", _("Close this window"));
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal()) {
      EndModal(wxID_CLOSE);
    } else {
      Close();
    }
  });
  top->Add(close, 0, wxALIGN_RIGHT | wxALL, kMargin);
  SetSizer(top);
  for (auto* w : GetChildren()) {
    if (auto* t = dynamic_cast<WrapText*>(w)) t->Rewrap(560);
  }
  Fit();
  CentreOnParent();
  close->SetFocus();
}

wxString AboutDialog::text() const { return text_; }

}  // namespace relief::gui
