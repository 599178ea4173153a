#include "attorney/passphrase_dialog.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "widgets/secret_field.hpp"
#include "widgets/style.hpp"

namespace relief::gui::attorney {

PassphraseDialog::PassphraseDialog(wxWindow* parent, bool first_run, const wxString& problem)
    : wxDialog(parent, wxID_ANY, _("Case store passphrase"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               "passphrase_dialog"),
      first_run_(first_run) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      first_run ? _("Cases on this workstation are kept encrypted under a passphrase. Choose one of at least 10 "
                    "characters and keep it safe: without it the kept cases cannot be read, by anyone.")
                : _("Type the passphrase of this workstation's case store."),
      wxDefaultPosition, wxDefaultSize, 0, "passphrase_intro");
  intro->Wrap(460);
  top->Add(intro, 0, wxALL, 12);
  problem_ = new wxStaticText(this, wxID_ANY, problem, wxDefaultPosition, wxDefaultSize, 0, "passphrase_problem");
  problem_->SetForegroundColour(error_colour());
  problem_->Show(!problem.empty());
  top->Add(problem_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);

  auto* grid = new wxFlexGridSizer(2, 8, 8);
  grid->Add(new wxStaticText(this, wxID_ANY, _("&Passphrase:"), wxDefaultPosition, wxDefaultSize, 0,
                             "passphrase_label"),
            0, wxALIGN_CENTER_VERTICAL);
  pass_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1), wxTE_PASSWORD,
                         wxDefaultValidator, "passphrase");
  pass_->SetToolTip(_("The store's passphrase; it is not shown"));
  grid->Add(pass_, 1, wxEXPAND);
  if (first_run) {
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Again:"), wxDefaultPosition, wxDefaultSize, 0,
                               "passphrase_again_label"),
              0, wxALIGN_CENTER_VERTICAL);
    again_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1), wxTE_PASSWORD,
                            wxDefaultValidator, "passphrase_again");
    again_->SetToolTip(_("The same passphrase again, to catch a typing mistake"));
    grid->Add(again_, 1, wxEXPAND);
  }
  top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* files_only = new wxButton(this, wxID_CANCEL, _("Files only"), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "passphrase_files_only");
  files_only->SetToolTip(_("Do not use the store this time; save cases only to files you choose"));
  auto* ok = new wxButton(this, wxID_OK, first_run ? _("Set passphrase") : _("Open the store"), wxDefaultPosition,
                          wxDefaultSize, 0, wxDefaultValidator, "passphrase_ok");
  ok->SetToolTip(_("Open the encrypted case store with this passphrase"));
  ok->SetDefault();
  buttons->AddStretchSpacer();
  buttons->Add(files_only, 0, wxRIGHT, 8);
  buttons->Add(ok, 0);
  top->Add(buttons, 0, wxEXPAND | wxALL, 12);
  SetSizerAndFit(top);
  pass_->SetFocus();
}

bool PassphraseDialog::TransferDataFromWindow() {
  crypto::SecretBuffer pass(crypto::kMaxPassphraseBytes);
  take_secret(pass_, pass);
  auto complain = [this](const wxString& text) {
    problem_->SetLabelText(text);
    problem_->Wrap(460);
    problem_->Show();
    Fit();
    pass_->SetFocus();
    return false;
  };
  if (pass.size() == 0) return complain(_("Type the passphrase, or choose Files only."));
  if (first_run_) {
    crypto::SecretBuffer again(crypto::kMaxPassphraseBytes);
    take_secret(again_, again);
    if (!again.equals(pass)) return complain(_("The two passphrases are not the same. Please type it twice more."));
    if (pass.size() < kMinLength) return complain(_("Use at least 10 characters."));
  }
  secret_ = std::move(pass);
  return true;
}

std::optional<crypto::SecretBuffer> PassphraseDialog::take() { return std::move(secret_); }

}  // namespace relief::gui::attorney
