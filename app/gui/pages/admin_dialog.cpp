#include "pages/admin_dialog.hpp"

#include <filesystem>

#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "pages/about_dialog.hpp"
#include "relief/admin/secret.hpp"
#include "relief/util/paths.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/secret_field.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_state.hpp"

namespace relief::gui {

namespace {

constexpr int kFieldWidth = 420;
// After this many wrong PINs the prompt closes; each try already costs about
// a second of Argon2id work, so guessing at the screen is slow.
constexpr int kMaxFailures = 5;

std::string trimmed(const wxTextCtrl* t) {
  wxString s = t->GetValue();
  s.Trim().Trim(false);
  return from_wx(s);
}

// A label tied to the control that follows it in the tab order (GTK
// screen readers read the preceding label), with the control's name.
wxStaticText* add_label(wxWindow* parent, wxSizer* grid, const wxString& text, const wxString& name) {
  auto* label = new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, name + "_label");
  grid->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  return label;
}

wxTextCtrl* add_text(wxWindow* parent, wxSizer* grid, const wxString& label, const wxString& name,
                     const wxString& help, long style = 0) {
  wxStaticText* caption = add_label(parent, grid, label, name);
  auto* t = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(kFieldWidth, -1), style,
                           wxDefaultValidator, name);
  t->SetToolTip(help);
  t->SetHelpText(help);
  set_labelled_by(t, caption);
  set_accessible(t, caption->GetLabelText(), help);
  grid->Add(t, 0, wxEXPAND | wxTOP | wxBOTTOM, 4);
  return t;
}

wxChoice* add_choice(wxWindow* parent, wxSizer* grid, const wxString& label, const wxString& name,
                     const wxArrayString& items, const wxString& help) {
  wxStaticText* caption = add_label(parent, grid, label, name);
  auto* c = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items, 0, wxDefaultValidator, name);
  c->SetToolTip(help);
  c->SetHelpText(help);
  set_labelled_by(c, caption);
  set_accessible(c, caption->GetLabelText(), help);
  grid->Add(c, 0, wxTOP | wxBOTTOM, 4);
  return c;
}

wxSpinCtrl* add_spin(wxWindow* parent, wxSizer* grid, const wxString& label, const wxString& name, int min, int max,
                     const wxString& help) {
  wxStaticText* caption = add_label(parent, grid, label, name);
  auto* s = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, min, max,
                           min, name);
  s->SetToolTip(help);
  s->SetHelpText(help);
  set_labelled_by(s, caption);
  set_accessible(s, caption->GetLabelText(), help);
  grid->Add(s, 0, wxTOP | wxBOTTOM, 4);
  return s;
}

const std::vector<model::Mode>& modes() {
  static const std::vector<model::Mode> m = {model::Mode::Survivor, model::Mode::Attorney, model::Mode::Kiosk};
  return m;
}

const std::vector<model::StoragePolicy>& policies() {
  static const std::vector<model::StoragePolicy> p = {model::StoragePolicy::KioskMemoryOnly,
                                                      model::StoragePolicy::KeepByChoice,
                                                      model::StoragePolicy::AttorneyWorkstation};
  return p;
}

// English plus every language with a compiled catalog, plus any the
// settings already name (so saving never drops one silently).
std::vector<std::string> available_languages(const model::Settings& s) {
  std::vector<std::string> codes = {"en"};
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(util::locales_dir(), ec)) {
    if (std::filesystem::exists(e.path() / "LC_MESSAGES" / "relief.mo", ec)) codes.push_back(e.path().filename());
  }
  for (const auto& c : s.languages) codes.push_back(c);
  std::sort(codes.begin() + 1, codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  codes.erase(std::remove(codes.begin() + 1, codes.end(), "en"), codes.end());
  return codes;
}

wxString language_label(const std::string& code) {
  if (const wxLanguageInfo* info = wxLocale::FindLanguageInfo(to_wx(code))) {
    return info->Description + " (" + to_wx(code) + ")";
  }
  return to_wx(code);
}

}  // namespace

// --- the PIN prompt ---------------------------------------------------------

AdminPinDialog::AdminPinDialog(wxWindow* parent, std::string pin_hash, std::function<void()> on_unlocked)
    : wxDialog(parent, wxID_ANY, _("Administrator"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               "admin_pin_dialog"),
      hash_(std::move(pin_hash)),
      on_unlocked_(std::move(on_unlocked)) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(new wxStaticText(this, wxID_ANY, _("Administrator PIN"), wxDefaultPosition, wxDefaultSize, 0,
                            "admin_pin_label"),
           0, wxLEFT | wxRIGHT | wxTOP, kMargin);
  pin_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1),
                        wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "admin_pin");
  pin_->SetHelpText(_("The PIN the clinic's administrator set"));
  set_accessible(pin_, _("Administrator PIN"), _("The PIN the clinic's administrator set"));
  top->Add(pin_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kMargin);
  message_ = new WrapText(this, wxString(), "admin_pin_message");
  message_->SetForegroundColour(error_colour());
  top->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kMargin);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* cancel = make_button(this, _("Cancel"), "admin_pin_cancel", _("Go back to the program"));
  auto* open = make_button(this, _("Open"), "admin_pin_open", _("Check the PIN and open the settings"));
  buttons->Add(cancel, 0, wxRIGHT, 12);
  buttons->Add(open);
  top->Add(buttons, 0, wxALIGN_RIGHT | wxALL, kMargin);
  SetSizerAndFit(top);
  message_->Rewrap(320);

  if (hash_.empty()) {
    message_->SetText(_("No administrator PIN is set on this computer. The administrator can set one with the "
                        "command: sudo relief admin set-pin"));
    pin_->Disable();
    open->Disable();
  }
  open->SetDefault();
  open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { try_unlock(); });
  pin_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { try_unlock(); });
  cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
  Fit();
  CentreOnParent();
  (hash_.empty() ? static_cast<wxWindow*>(cancel) : pin_)->SetFocus();
}

bool AdminPinDialog::try_unlock() {
  if (hash_.empty()) return false;
  admin::SecretBuffer pin(admin::kMaxPinBytes);
  take_secret(pin_, pin);
  bool right = false;
  {
    wxBusyCursor busy;
    right = admin::verify_pin(pin, hash_);
  }
  pin.clear();
  if (!right) {
    if (++failures_ >= kMaxFailures) {
      Close();
      return false;
    }
    message_->SetText(_("That PIN is not right. Try again."));
    Layout();
    Fit();
    pin_->SetFocus();
    return false;
  }
  Hide();
  if (on_unlocked_) on_unlocked_();
  Destroy();
  return true;
}

// --- the administrator screen ---------------------------------------------

AdminDialog::AdminDialog(wxWindow* parent, WizardState& state, std::string path,
                         std::function<void(const model::Settings&)> on_saved)
    : wxDialog(parent, wxID_ANY, _("Administrator settings"), wxDefaultPosition, wxSize(760, 780),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "admin_dialog"),
      state_(state),
      path_(std::move(path)),
      on_saved_(std::move(on_saved)) {
  auto loaded = model::load_settings_file(path_);
  loaded_ = loaded ? *loaded : state_.settings();

  auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                                        "admin_fields");
  scroller->SetScrollRate(0, 24);
  auto* fields = new wxBoxSizer(wxVERTICAL);
  auto* where = new WrapText(scroller, wxString::Format(_("These settings are saved in %s."), to_wx(path_)),
                             "admin_where");
  fields->Add(where, 0, wxBOTTOM, 12);

  auto section = [&](const wxString& title, const wxString& name) {
    fields->Add(new WrapText(scroller, title, name, 1.15, true), 0, wxTOP | wxBOTTOM, 8);
    auto* grid = new wxFlexGridSizer(2, 4, 0);
    grid->AddGrowableCol(1);
    fields->Add(grid, 0, wxEXPAND | wxLEFT, 12);
    return grid;
  };

  auto* clinic = section(_("The clinic"), "admin_clinic_heading");
  clinic_name_ = add_text(scroller, clinic, _("Clinic name"), "admin_clinic_name",
                          _("Shown on results and on the court papers"));
  clinic_address_ = add_text(scroller, clinic, _("Address"), "admin_clinic_address", _("The clinic's address"));
  clinic_phone_ = add_text(scroller, clinic, _("Phone"), "admin_clinic_phone", _("The clinic's phone number"));
  clinic_website_ = add_text(scroller, clinic, _("Website"), "admin_clinic_website", _("The clinic's website"));

  auto* screen = section(_("The screen"), "admin_screen_heading");
  title_ = add_text(scroller, screen, _("Window title"), "admin_window_title",
                    _("Seen in the window list and from across the room: keep it neutral, e.g. Clinic services"));
  wxArrayString jurisdictions;
  for (const auto& set : state_.library().sets) {
    jurisdiction_codes_.push_back(set.jurisdiction);
    jurisdictions.Add(to_wx(set.name + " (" + set.jurisdiction + ")"));
  }
  jurisdiction_ = add_choice(scroller, screen, _("State"), "admin_jurisdiction", jurisdictions,
                             _("Whose law the questions and results follow"));
  wxArrayString mode_items;
  mode_items.Add(_("Survivor: self-service on a clinic computer"));
  mode_items.Add(_("Attorney: a lawyer's own computer"));
  mode_items.Add(_("Kiosk: a public computer, locked down"));
  mode_ = add_choice(scroller, screen, _("Used by"), "admin_mode", mode_items, _("Who this computer is set up for"));
  idle_ = add_spin(scroller, screen, _("Idle timeout (seconds)"), "admin_idle_timeout", model::kMinIdleTimeout,
                   model::kMaxIdleTimeout, _("After this long without a touch, the answers are erased (at least 60)"));

  auto* langs = section(_("Languages offered"), "admin_languages_heading");
  add_label(scroller, langs, _("Languages"), "admin_languages");
  auto* lang_box = new wxBoxSizer(wxVERTICAL);
  language_codes_ = available_languages(loaded_);
  for (const auto& code : language_codes_) {
    auto* cb = new wxCheckBox(scroller, wxID_ANY, language_label(code), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, to_wx("admin_language_" + code));
    languages_.push_back(cb);
    lang_box->Add(cb, 0, wxTOP | wxBOTTOM, 2);
  }
  langs->Add(lang_box, 0, wxTOP | wxBOTTOM, 4);

  auto* storage = section(_("Storage, printing and USB drives"), "admin_storage_heading");
  wxArrayString storage_items;
  storage_items.Add(_("Keep nothing: sessions stay in memory only"));
  storage_items.Add(_("Keep only when the person chooses, locked with their PIN"));
  storage_items.Add(_("Attorney workstation: keep case files"));
  storage_ = add_choice(scroller, storage, _("What is kept"), "admin_storage_policy", storage_items,
                        _("What may stay on this computer after a session"));
  retention_ = add_spin(scroller, storage, _("Keep for (days)"), "admin_retention_days", 1, model::kMaxRetentionDays,
                        _("How long kept cases stay before they are erased"));
  add_label(scroller, storage, _("Printing"), "admin_printing");
  printing_ = new wxCheckBox(scroller, wxID_ANY, _("Allow printing"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "admin_printing_allowed");
  storage->Add(printing_, 0, wxTOP | wxBOTTOM, 4);
  add_label(scroller, storage, _("USB drives"), "admin_usb");
  usb_ = new wxCheckBox(scroller, wxID_ANY, _("Allow saving papers to a USB drive"), wxDefaultPosition,
                        wxDefaultSize, 0, wxDefaultValidator, "admin_usb_allowed");
  storage->Add(usb_, 0, wxTOP | wxBOTTOM, 4);
  pin_failures_ = add_spin(scroller, storage, _("Wrong PIN tries"), "admin_max_pin_failures", 1,
                           model::kMaxPinFailuresLimit,
                           _("After this many wrong PINs, a saved session is erased"));
  documents_folder_ = add_text(scroller, storage, _("Folder for papers"), "admin_documents_folder",
                               _("On a kiosk, papers may be saved here as well as on USB drives; empty for none"));
  intake_folder_ = add_text(scroller, storage, _("Folder for the clinic"), "admin_intake_folder",
                            _("Answers sent to the clinic's lawyers are put here, locked with the clinic's key; "
                              "empty to turn this off"));

  auto* pin = section(_("Administrator PIN"), "admin_pin_heading");
  new_pin_ = add_text(scroller, pin, _("New PIN"), "admin_new_pin",
                      _("Leave empty to keep the PIN; at least 6 characters"), wxTE_PASSWORD);
  repeat_pin_ = add_text(scroller, pin, _("New PIN again"), "admin_repeat_pin", _("Type the new PIN again"),
                         wxTE_PASSWORD);

  scroller->SetSizer(fields);
  for (auto* w : scroller->GetChildren()) {
    if (auto* t = dynamic_cast<WrapText*>(w)) t->Rewrap(660);
  }

  message_ = new WrapText(this, wxString(), "admin_message");
  message_->SetForegroundColour(error_colour());
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* about = make_button(this, _("About the rules"), "admin_about", _("Versions and review dates of the rules"));
  auto* cancel = make_button(this, _("Cancel"), "admin_cancel", _("Close without saving"));
  auto* save_button = make_button(this, _("Save"), "admin_save", _("Save these settings"));
  buttons->Add(about);
  buttons->AddStretchSpacer();
  buttons->Add(cancel, 0, wxRIGHT, 12);
  buttons->Add(save_button);

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(scroller, 1, wxEXPAND | wxALL, kMargin);
  top->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT, kMargin);
  top->Add(buttons, 0, wxEXPAND | wxALL, kMargin);
  SetSizer(top);
  message_->Rewrap(700);
  if (!loaded) {
    show_problem(wxString::Format(_("The settings file has a problem, so the settings in use are shown:\n%s"),
                                  to_wx(loaded.error().to_string())));
  }
  fill(loaded_);

  about->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    AboutDialog dialog(this, state_);
    dialog.ShowModal();
  });
  cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
    new_pin_->ChangeValue(wxString());
    repeat_pin_->ChangeValue(wxString());
    Destroy();
  });
  CentreOnParent();
  clinic_name_->SetFocus();
}

void AdminDialog::fill(const model::Settings& s) {
  clinic_name_->ChangeValue(to_wx(s.clinic.name));
  clinic_address_->ChangeValue(to_wx(s.clinic.address));
  clinic_phone_->ChangeValue(to_wx(s.clinic.phone));
  clinic_website_->ChangeValue(to_wx(s.clinic.website));
  title_->ChangeValue(to_wx(s.window_title));
  for (std::size_t i = 0; i < language_codes_.size(); ++i) {
    languages_[i]->SetValue(std::find(s.languages.begin(), s.languages.end(), language_codes_[i]) !=
                            s.languages.end());
  }
  const auto j = std::find(jurisdiction_codes_.begin(), jurisdiction_codes_.end(), s.default_jurisdiction);
  jurisdiction_->SetSelection(j == jurisdiction_codes_.end() ? wxNOT_FOUND
                                                             : static_cast<int>(j - jurisdiction_codes_.begin()));
  mode_->SetSelection(static_cast<int>(std::find(modes().begin(), modes().end(), s.mode) - modes().begin()));
  idle_->SetValue(s.idle_timeout_seconds);
  storage_->SetSelection(
      static_cast<int>(std::find(policies().begin(), policies().end(), s.storage_policy) - policies().begin()));
  retention_->SetValue(s.retention_days);
  printing_->SetValue(s.printing_allowed);
  usb_->SetValue(s.usb_allowed);
  pin_failures_->SetValue(s.max_pin_failures);
  documents_folder_->ChangeValue(to_wx(s.documents_folder));
  intake_folder_->ChangeValue(to_wx(s.intake_folder));
}

void AdminDialog::show_problem(const wxString& text) {
  message_->SetText(text);
  Layout();
}

bool AdminDialog::save() {
  model::Settings s = loaded_;
  s.clinic = {trimmed(clinic_name_), trimmed(clinic_address_), trimmed(clinic_phone_), trimmed(clinic_website_)};
  s.window_title = trimmed(title_);
  s.languages.clear();
  for (std::size_t i = 0; i < language_codes_.size(); ++i) {
    if (languages_[i]->GetValue()) s.languages.push_back(language_codes_[i]);
  }
  if (jurisdiction_->GetSelection() != wxNOT_FOUND) {
    s.default_jurisdiction = jurisdiction_codes_[static_cast<std::size_t>(jurisdiction_->GetSelection())];
  }
  if (mode_->GetSelection() != wxNOT_FOUND) s.mode = modes()[static_cast<std::size_t>(mode_->GetSelection())];
  s.idle_timeout_seconds = idle_->GetValue();
  if (storage_->GetSelection() != wxNOT_FOUND) {
    s.storage_policy = policies()[static_cast<std::size_t>(storage_->GetSelection())];
  }
  s.retention_days = retention_->GetValue();
  s.printing_allowed = printing_->GetValue();
  s.usb_allowed = usb_->GetValue();
  s.max_pin_failures = pin_failures_->GetValue();
  s.documents_folder = trimmed(documents_folder_);
  s.intake_folder = trimmed(intake_folder_);

  if (!new_pin_->IsEmpty() || !repeat_pin_->IsEmpty()) {
    admin::SecretBuffer first(admin::kMaxPinBytes);
    admin::SecretBuffer again(admin::kMaxPinBytes);
    take_secret(new_pin_, first);
    take_secret(repeat_pin_, again);
    if (!first.equals(again)) {
      show_problem(_("The two new PINs are not the same. Please type the new PIN twice more."));
      new_pin_->SetFocus();
      return false;
    }
    if (auto ok = admin::check_new_pin(first); !ok) {
      show_problem(wxString::Format(_("The new PIN cannot be used: %s"), to_wx(ok.error().message)));
      new_pin_->SetFocus();
      return false;
    }
    wxBusyCursor busy;
    auto hash = admin::hash_pin(first);
    if (!hash) {
      show_problem(to_wx(hash.error().to_string()));
      return false;
    }
    s.admin_pin_hash = *hash;
  }

  if (auto r = model::save_settings(s, path_); !r) {
    // TRANSLATORS: %s is the technical reason, in English.
    show_problem(wxString::Format(_("The settings were not saved. %s"), to_wx(r.error().to_string())));
    return false;
  }
  loaded_ = s;
  if (on_saved_) on_saved_(s);
  Close();
  return true;
}

}  // namespace relief::gui
