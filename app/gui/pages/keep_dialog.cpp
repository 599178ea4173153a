#include "pages/keep_dialog.hpp"

#include <algorithm>

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "kiosk/kept_sessions.hpp"
#include "relief/admin/secret.hpp"
#include "text.hpp"
#include "widgets/secret_field.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_state.hpp"

namespace relief::gui {

namespace {

constexpr int kDialogText = 520;
constexpr int kFieldWidth = 340;

// A label above its field: GTK screen readers read the label before it.
wxTextCtrl* add_field(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& name,
                      const wxString& help, long style) {
  auto* l = new wxStaticText(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, name + "_label");
  scale_font(l, 1.15, true);
  sizer->Add(l, 0, wxTOP, 14);
  auto* t = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(kFieldWidth, kMinTarget), style,
                           wxDefaultValidator, name);
  scale_font(t, 1.3);
  t->SetMinSize(wxSize(kFieldWidth, kMinTarget));
  t->SetToolTip(help);
  t->SetHelpText(help);
  sizer->Add(t, 0, wxTOP, 4);
  return t;
}

WrapText* add_text(wxWindow* parent, wxSizer* sizer, const wxString& text, const wxString& name, double scale = 1.15,
                   bool bold = false) {
  auto* t = new WrapText(parent, text, name, scale, bold);
  t->Rewrap(kDialogText);
  sizer->Add(t, 0, wxTOP, 10);
  return t;
}

wxString problem_words(const std::string& problem) {
  if (problem == "too_short") {
    // TRANSLATORS: %d is the smallest number of characters (6).
    return wxString::Format(_("Your PIN needs at least %d numbers or letters."),
                            static_cast<int>(kiosk::kMinKeepPinChars));
  }
  if (problem == "differ") return _("The two PINs are not the same. Please type your PIN two times again.");
  return _("That PIN is too long. Please choose a shorter one.");
}

}  // namespace

// --- keep -------------------------------------------------------------------

KeepDialog::KeepDialog(wxWindow* parent, WizardState& state)
    : wxDialog(parent, wxID_ANY, _("Save to finish later"), wxDefaultPosition, wxDefaultSize, wxCAPTION,
               "keep_dialog"),
      state_(state) {
  scale_font(this, 1.1);
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* body = new wxBoxSizer(wxVERTICAL);
  body->SetMinSize(wxSize(kDialogText, -1));  // the texts are wrapped to this width
  add_text(this, body, _("Save your answers to finish later"), "keep_heading", 1.5, true);
  add_text(this, body,
           _("Choose a PIN: at least 6 numbers or letters that you will remember. Your answers are locked "
             "with it. You will also get a code to write down. With the code and the PIN you can go on "
             "later on this computer."),
           "keep_intro");
  add_text(this, body,
           _("No one can open your answers without your PIN, not even the clinic staff. If you forget it, "
             "your answers cannot be found again."),
           "keep_warning", 1.15, true);
  body->AddSpacer(4);
  pin_ = add_field(this, body, _("Your PIN"), "keep_pin", _("At least 6 numbers or letters. It is not shown."),
                   wxTE_PASSWORD);
  repeat_ = add_field(this, body, _("Your PIN again"), "keep_pin_again", _("Type the same PIN again"),
                      wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  message_ = add_text(this, body, wxString(), "keep_message", 1.15, true);
  message_->SetForegroundColour(error_colour());
  message_->Hide();

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  cancel_ = make_button(this, _("Do not save"), "keep_cancel", _("Go back without saving anything"));
  save_ = make_button(this, _("Save my answers"), "keep_save", _("Lock my answers with this PIN and save them"));
  scale_font(save_, 1.1, true);
  save_->SetMinSize(wxSize(save_->GetBestSize().x + 24, kMinTarget));
  buttons->Add(cancel_, 0, wxRIGHT, 16);
  buttons->AddStretchSpacer();
  buttons->Add(save_);
  body->Add(buttons, 0, wxEXPAND | wxTOP, 24);
  top->Add(body, 1, wxEXPAND | wxALL, kMargin);
  SetSizerAndFit(top);

  save_->SetDefault();
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (!code_.empty()) {
      // The second screen's button: the code is written down.
      if (IsModal()) EndModal(wxID_OK); else Close();
      return;
    }
    save();
  });
  repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save(); });
  cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal()) EndModal(wxID_CANCEL); else Close();
  });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    pin_->ChangeValue(wxString());
    repeat_->ChangeValue(wxString());
    e.Skip();
  });
  CentreOnParent();
  pin_->SetFocus();
}

KeepDialog::~KeepDialog() {
  pin_->ChangeValue(wxString());
  repeat_->ChangeValue(wxString());
}

bool KeepDialog::save() {
  if (!code_.empty()) return true;
  crypto::SecretBuffer pin(crypto::kMaxPassphraseBytes);
  crypto::SecretBuffer again(crypto::kMaxPassphraseBytes);
  take_secret(pin_, pin);
  take_secret(repeat_, again);
  if (const std::string problem = kiosk::pin_problem(pin, again); !problem.empty()) {
    message_->SetText(problem_words(problem));
    message_->Show();
    Layout();
    Fit();
    pin_->SetFocus();
    return false;
  }
  Result<std::string> code = [&] {
    wxBusyCursor busy;
    return kiosk::keep_session(state_, pin);
  }();
  pin.clear();
  again.clear();
  if (!code) {
    // The technical reason names no person; staff may need it.
    message_->SetText(wxString::Format(_("Your answers could not be saved on this computer. Please ask the clinic "
                                         "staff for help.\n(%s)"),
                                       to_wx(code.error().to_string())));
    message_->Show();
    Layout();
    Fit();
    return false;
  }
  code_ = *code;
  show_code();
  return true;
}

void KeepDialog::show_code() {
  // Second screen: the same dialog, now only the code and what to do.
  wxSizer* body = GetSizer()->GetItem(static_cast<size_t>(0))->GetSizer();
  for (wxWindow* w : GetChildren()) {
    if (w != save_) w->Hide();
  }
  body->Clear(false);
  add_text(this, body, _("Your answers are saved"), "keep_done_heading", 1.5, true);
  add_text(this, body, _("Write down this code and take it with you:"), "keep_code_label", 1.2);
  auto* code = new wxStaticText(this, wxID_ANY, to_wx(code_), wxDefaultPosition, wxDefaultSize, 0, "keep_code");
  wxFont big(wxFontInfo(30).Family(wxFONTFAMILY_TELETYPE).Bold());
  code->SetFont(big);
  code->SetToolTip(_("Your session code"));
  body->Add(code, 0, wxTOP | wxBOTTOM | wxALIGN_CENTER_HORIZONTAL, 18);
  add_text(this, body,
           _("To go on later, press \"Continue a saved session\" on the first screen and type this code and "
             "your PIN. Do not leave the code near this computer."),
           "keep_code_help");
  add_text(this, body, _("No one at the clinic can find your PIN for you."), "keep_code_warning", 1.15, true);
  save_->SetLabel(_("I wrote it down"));
  save_->SetName("keep_done");
  save_->SetToolTip(_("Close this window"));
  save_->SetMinSize(wxDefaultSize);
  save_->InvalidateBestSize();
  save_->SetMinSize(wxSize(save_->GetBestSize().x + 32, kMinTarget));
  // Same size as the first screen (a window that jumps is harder to
  // follow); the button stays at the bottom right where Save was.
  body->AddStretchSpacer();
  body->Add(save_, 0, wxALIGN_RIGHT | wxTOP, 24);
  Layout();
  CentreOnParent();
  save_->SetFocus();
}

// --- resume -----------------------------------------------------------------

ResumeDialog::ResumeDialog(wxWindow* parent, WizardState& state)
    : wxDialog(parent, wxID_ANY, _("Continue"), wxDefaultPosition, wxDefaultSize, wxCAPTION, "resume_dialog"),
      state_(state) {
  scale_font(this, 1.1);
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* body = new wxBoxSizer(wxVERTICAL);
  body->SetMinSize(wxSize(kDialogText, -1));  // the texts are wrapped to this width
  add_text(this, body, _("Continue a saved session"), "resume_heading", 1.5, true);
  add_text(this, body, _("Type the code you wrote down and your PIN."), "resume_intro");
  code_ = add_field(this, body, _("Your code"), "resume_code", _("The code you wrote down, for example K7QH-3MZP-XW4T"),
                    0);
  pin_ = add_field(this, body, _("Your PIN"), "resume_pin", _("The PIN you chose. It is not shown."),
                   wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  message_ = add_text(this, body, wxString(), "resume_message", 1.15, true);
  message_->SetForegroundColour(error_colour());
  message_->Hide();

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* cancel = make_button(this, _("Go back"), "resume_cancel", _("Go back to the first screen"));
  auto* go = make_button(this, _("Continue"), "resume_continue", _("Open my saved answers"));
  scale_font(go, 1.1, true);
  go->SetMinSize(wxSize(go->GetBestSize().x + 24, kMinTarget));
  buttons->Add(cancel, 0, wxRIGHT, 16);
  buttons->AddStretchSpacer();
  buttons->Add(go);
  body->Add(buttons, 0, wxEXPAND | wxTOP, 24);
  top->Add(body, 1, wxEXPAND | wxALL, kMargin);
  SetSizerAndFit(top);

  go->SetDefault();
  go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resume(); });
  pin_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { resume(); });
  cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal()) EndModal(wxID_CANCEL); else Close();
  });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    pin_->ChangeValue(wxString());
    e.Skip();
  });
  CentreOnParent();
  code_->SetFocus();
}

ResumeDialog::~ResumeDialog() { pin_->ChangeValue(wxString()); }

bool ResumeDialog::resume() {
  wxString code = code_->GetValue();
  code.Trim().Trim(false);
  crypto::SecretBuffer pin(crypto::kMaxPassphraseBytes);
  take_secret(pin_, pin);
  if (code.empty() || pin.size() == 0) {
    message_->SetText(_("Please type both your code and your PIN."));
    message_->Show();
    Layout();
    Fit();
    (code.empty() ? code_ : pin_)->SetFocus();
    return false;
  }
  Result<void> r = [&] {
    wxBusyCursor busy;
    return kiosk::resume_session(state_, from_wx(code), pin);
  }();
  pin.clear();
  if (!r) {
    // The same words for a wrong code, a wrong PIN and an erased session:
    // the screen must not tell a guesser which of them was wrong.
    const bool ours = r.error().code == ErrorCode::BadInput || r.error().code == ErrorCode::NotFound;
    message_->SetText(ours ? _("The code or the PIN is not right. Please check them and try again. After too many "
                               "wrong tries, the saved answers are erased.")
                           : _("Your saved answers could not be opened. Please ask the clinic staff for help."));
    message_->Show();
    Layout();
    Fit();
    pin_->SetFocus();
    return false;
  }
  code_->ChangeValue(wxString());
  if (IsModal()) EndModal(wxID_OK);
  return true;
}

void show_keep_dialog(wxWindow* parent, WizardState& state) {
  KeepDialog dialog(parent, state);
  dialog.ShowModal();
}

bool show_resume_dialog(wxWindow* parent, WizardState& state) {
  ResumeDialog dialog(parent, state);
  return dialog.ShowModal() == wxID_OK;
}

}  // namespace relief::gui
