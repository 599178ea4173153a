#include "pages/details_page.hpp"

#include <wx/intl.h>
#include <wx/tokenzr.h>

#include "relief/model/date.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

namespace {

std::string trimmed(const wxTextCtrl* t) {
  wxString s = t->GetValue();
  s.Trim().Trim(false);
  return from_wx(s);
}

}  // namespace

DetailsPage::DetailsPage(wxWindow* parent, WizardState& state) : WizardPage(parent, state, "details_page") {
  content_->Add(new WrapText(this, _("Your name for the papers"), "details_heading", 1.6, true));
  content_->Add(new WrapText(this,
                             _("The court papers need your name, birth date and address. You can type them "
                               "here, or leave them empty and write them on the papers by hand. On a shared "
                               "computer, writing by hand is safer. Nothing you type here is kept after you "
                               "leave."),
                             "details_intro", 1.15),
                0, wxTOP | wxBOTTOM, 12);
  const int wide = 520;
  name_ = add_field(content_, _("Your full legal name"), _("As it is written on your court papers"),
                    "details_legal_name", wide);
  other_names_ = add_field(content_, _("Other names on your records (if any)"),
                           _("Other names or spellings the police or the court used. Separate them with commas."),
                           "details_other_names", wide);
  birth_ = add_field(content_, _("Date of birth (year-month-day)"), _("For example 1990-04-21"),
                     "details_date_of_birth", 220);
  error_ = new WrapText(this, wxString(), "details_error", 1.1, true);
  error_->SetForegroundColour(error_colour());
  error_->Hide();
  content_->Add(error_, 0, wxTOP, 2);
  line1_ = add_field(content_, _("Street address"), _("A safe mailing address is fine"), "details_address_line1",
                     wide);
  line2_ = add_field(content_, _("Apartment or unit (if any)"), wxString(), "details_address_line2", wide);
  city_ = add_field(content_, _("City or town"), wxString(), "details_city", 320);
  region_ = add_field(content_, _("State"), _("Two letters, for example NY"), "details_state", 120);
  zip_ = add_field(content_, _("ZIP code"), wxString(), "details_zip", 160);
  phone_ = add_field(content_, _("Phone (if you want the court to call you)"), wxString(), "details_phone", 320);
  birth_->SetHint(_("YYYY-MM-DD"));
  birth_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (error_->IsShown()) {
      error_->Hide();
      relayout();
    }
  });
}

wxTextCtrl* DetailsPage::add_field(wxSizer* sizer, const wxString& label, const wxString& help, const wxString& name,
                                   int width) {
  auto* l = new WrapText(this, label, name + "_label", 1.1, true);
  sizer->Add(l, 0, wxTOP, 12);
  if (!help.empty()) sizer->Add(new WrapText(this, help, name + "_help", 0.95), 0, wxTOP, 2);
  auto* t = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1), 0, wxDefaultValidator,
                           name);
  t->SetMinSize(wxSize(width, kMinTarget));
  scale_font(t, 1.1);
  t->SetToolTip(help.empty() ? label : help);
  set_labelled_by(t, l);
  if (!help.empty()) set_accessible(t, l->text(), help);
  sizer->Add(t, 0, wxTOP, 4);
  fields_.push_back(t);
  return t;
}

wxString DetailsPage::heading() const { return _("Your details"); }

wxWindow* DetailsPage::first_focus() { return name_; }

wxTextCtrl* DetailsPage::field(const wxString& name) const {
  for (auto* f : fields_) {
    if (f->GetName() == name) return f;
  }
  return nullptr;
}

wxString DetailsPage::error_text() const { return error_->IsShown() ? error_->text() : wxString(); }

bool DetailsPage::TransferDataToWindow() {
  const model::Petitioner& p = state_.case_data().petitioner;
  name_->ChangeValue(to_wx(p.legal_name));
  wxString others;
  for (const auto& o : p.other_names) {
    if (!others.empty()) others += ", ";
    others += to_wx(o);
  }
  other_names_->ChangeValue(others);
  birth_->ChangeValue(p.date_of_birth ? to_wx(p.date_of_birth->iso()) : wxString());
  line1_->ChangeValue(to_wx(p.address.line1));
  line2_->ChangeValue(to_wx(p.address.line2));
  city_->ChangeValue(to_wx(p.address.city));
  region_->ChangeValue(to_wx(p.address.state));
  zip_->ChangeValue(to_wx(p.address.zip));
  phone_->ChangeValue(to_wx(p.phone));
  error_->Hide();
  return true;
}

bool DetailsPage::TransferDataFromWindow() {
  model::Petitioner p = state_.case_data().petitioner;
  const std::string birth = trimmed(birth_);
  std::optional<model::Date> dob;
  if (!birth.empty()) {
    dob = model::Date::parse(birth);
    if (!dob || *dob > state_.as_of()) {
      error_->SetText(_("Write the birth date as year-month-day, for example 1990-04-21, or leave it empty."));
      error_->Show();
      relayout();
      birth_->SetFocus();
      return false;
    }
  }
  p.legal_name = trimmed(name_);
  p.other_names.clear();
  for (const auto& part : wxStringTokenize(other_names_->GetValue(), ",")) {
    wxString s = part;
    s.Trim().Trim(false);
    if (!s.empty()) p.other_names.push_back(from_wx(s));
  }
  p.date_of_birth = dob;
  p.address.line1 = trimmed(line1_);
  p.address.line2 = trimmed(line2_);
  p.address.city = trimmed(city_);
  p.address.state = trimmed(region_);
  p.address.zip = trimmed(zip_);
  p.phone = trimmed(phone_);
  state_.set_petitioner(std::move(p));
  error_->Hide();
  return true;
}

}  // namespace relief::gui
