#include <algorithm>
#include <cctype>

#include <wx/intl.h>
#include <wx/tokenzr.h>

#include "attorney/panels.hpp"
#include "text.hpp"
#include "widgets/style.hpp"

namespace relief::gui::attorney {
namespace {

constexpr int kFieldWidth = 380;

std::string trimmed(const wxTextCtrl* t) {
  wxString s = t->GetValue();
  s.Trim().Trim(false);
  return from_wx(s);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// What is wrong with a field's text, in words; empty when nothing is.
wxString problem_with(const std::string& name, const std::string& value) {
  if (value.empty()) return {};
  if (name == "petitioner_date_of_birth") {
    auto d = parse_typed_date(value);
    if (!d) return _("Not a date: write it as YYYY-MM-DD or MM/DD/YYYY.");
    if (*d > model::Date::today()) return _("This date is in the future.");
  } else if (name == "petitioner_state") {
    if (value.size() != 2 || !std::isalpha(static_cast<unsigned char>(value[0])) ||
        !std::isalpha(static_cast<unsigned char>(value[1]))) {
      return _("Use the two-letter postal code, for example NY.");
    }
  } else if (name == "petitioner_zip") {
    const bool five = value.size() == 5 && all_digits(value);
    const bool nine = value.size() == 10 && value[5] == '-' && all_digits(value.substr(0, 5)) &&
                      all_digits(value.substr(6));
    if (!five && !nine) return _("A ZIP code has 5 digits, or 5 digits, a hyphen and 4 more.");
  } else if (name == "petitioner_email") {
    const auto at = value.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= value.size() || value.find('@', at + 1) != std::string::npos ||
        value.find(' ') != std::string::npos) {
      return _("This does not look like an email address (name@example.org).");
    }
  }
  return {};
}

}  // namespace

PetitionerPanel::PetitionerPanel(wxWindow* parent, Host& host)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                       "petitioner_panel"),
      host_(host) {
  SetScrollRate(0, 20);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("The petitioner, as the court papers will name them. These details are the "
                                   "same for every jurisdiction of this case."),
                                 wxDefaultPosition, wxDefaultSize, 0, "petitioner_intro");
  intro->Wrap(760);
  outer->Add(intro, 0, wxALL, 12);

  auto* grid = new wxFlexGridSizer(3, 6, 12);
  grid->AddGrowableCol(2, 1);
  // Mnemonics avoid F (the File menu).
  add_field(grid, _("&Legal name:"), _("The petitioner's full legal name, as on court records"),
            "petitioner_legal_name");
  add_field(grid, _("&Other names:"), _("Other names used in the records, one per line (aliases, maiden names)"),
            "petitioner_other_names", wxTE_MULTILINE);
  add_field(grid, _("Date of &birth:"), _("YYYY-MM-DD or MM/DD/YYYY"), "petitioner_date_of_birth");
  add_field(grid, _("Address line &1:"), _("Street and number"), "petitioner_address_line1");
  add_field(grid, _("Address line &2:"), _("Apartment, suite or building (optional)"), "petitioner_address_line2");
  add_field(grid, _("&City:"), _("City or town"), "petitioner_city");
  add_field(grid, _("&State:"), _("Two-letter postal code, for example NY"), "petitioner_state");
  add_field(grid, _("&ZIP code:"), _("5 digits, or ZIP+4 (12345-6789)"), "petitioner_zip");
  add_field(grid, _("&Phone:"), _("A phone number the court can use (optional)"), "petitioner_phone");
  add_field(grid, _("&Email:"), _("An email address the court can use (optional)"), "petitioner_email");
  fields_["petitioner_other_names"]->SetMinSize(wxSize(kFieldWidth, 72));
  fields_["petitioner_date_of_birth"]->SetHint(_("YYYY-MM-DD"));
  outer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
  SetSizer(outer);
  refresh();
}

wxTextCtrl* PetitionerPanel::add_field(wxFlexGridSizer* grid, const wxString& label, const wxString& tooltip,
                                       const std::string& name, long style) {
  auto* l = new wxStaticText(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, to_wx(name + "_label"));
  auto* t = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(kFieldWidth, -1), style,
                           wxDefaultValidator, to_wx(name));
  t->SetToolTip(tooltip);
  auto* e = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, to_wx(name + "_error"));
  e->SetForegroundColour(error_colour());
  grid->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
  grid->Add(t, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(e, 1, wxALIGN_CENTER_VERTICAL | wxEXPAND);
  fields_[name] = t;
  errors_[name] = e;
  labelled_.push_back({l, t});
  t->Bind(wxEVT_TEXT, [this, name](wxCommandEvent&) { on_edit(name); });
  t->Bind(wxEVT_KILL_FOCUS, [this, name](wxFocusEvent& ev) {
    ev.Skip();
    check_field(name);
  });
  return t;
}

wxTextCtrl* PetitionerPanel::field(const std::string& name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? nullptr : it->second;
}

wxString PetitionerPanel::error_for(const std::string& name) const {
  auto it = errors_.find(name);
  return it == errors_.end() ? wxString() : it->second->GetLabelText();
}

void PetitionerPanel::refresh() {
  loading_ = true;
  const model::Petitioner& p = host_.workspace().petitioner();
  wxString others;
  for (const auto& n : p.other_names) {
    if (!others.empty()) others += "\n";
    others += to_wx(n);
  }
  fields_["petitioner_legal_name"]->ChangeValue(to_wx(p.legal_name));
  fields_["petitioner_other_names"]->ChangeValue(others);
  fields_["petitioner_date_of_birth"]->ChangeValue(p.date_of_birth ? to_wx(p.date_of_birth->iso()) : wxString());
  fields_["petitioner_address_line1"]->ChangeValue(to_wx(p.address.line1));
  fields_["petitioner_address_line2"]->ChangeValue(to_wx(p.address.line2));
  fields_["petitioner_city"]->ChangeValue(to_wx(p.address.city));
  fields_["petitioner_state"]->ChangeValue(to_wx(p.address.state));
  fields_["petitioner_zip"]->ChangeValue(to_wx(p.address.zip));
  fields_["petitioner_phone"]->ChangeValue(to_wx(p.phone));
  fields_["petitioner_email"]->ChangeValue(to_wx(p.email));
  for (auto& [name, e] : errors_) e->SetLabelText(wxString());
  loading_ = false;
  Layout();
  FitInside();
}

void PetitionerPanel::on_edit(const std::string& name) {
  if (loading_) return;
  model::Petitioner& p = host_.workspace().petitioner();
  const std::string value = trimmed(fields_[name]);
  if (name == "petitioner_legal_name") p.legal_name = value;
  if (name == "petitioner_other_names") {
    p.other_names.clear();
    wxStringTokenizer lines(fields_[name]->GetValue(), "\n");
    while (lines.HasMoreTokens()) {
      wxString n = lines.GetNextToken();
      n.Trim().Trim(false);
      if (!n.empty()) p.other_names.push_back(from_wx(n));
    }
  }
  if (name == "petitioner_date_of_birth") {
    // An unreadable date is no date: the field and its error say so.
    p.date_of_birth = problem_with(name, value).empty() ? parse_typed_date(value) : std::nullopt;
  }
  if (name == "petitioner_address_line1") p.address.line1 = value;
  if (name == "petitioner_address_line2") p.address.line2 = value;
  if (name == "petitioner_city") p.address.city = value;
  if (name == "petitioner_state") p.address.state = value;
  if (name == "petitioner_zip") p.address.zip = value;
  if (name == "petitioner_phone") p.phone = value;
  if (name == "petitioner_email") p.email = value;
  // An error goes away as soon as it is fixed; a new one waits until the
  // field is left, so typing is not interrupted.
  if (problem_with(name, value).empty() && !errors_[name]->GetLabelText().empty()) {
    errors_[name]->SetLabelText(wxString());
    Layout();
  }
  host_.changed(Change::Petitioner);
}

bool PetitionerPanel::check_field(const std::string& name) {
  auto it = fields_.find(name);
  if (it == fields_.end()) return true;
  const wxString problem = problem_with(name, trimmed(it->second));
  if (problem.empty() && name == "petitioner_date_of_birth") {
    // A US date is shown back as the case file writes it.
    if (auto d = parse_typed_date(trimmed(it->second))) it->second->ChangeValue(to_wx(d->iso()));
  }
  wxStaticText* e = errors_[name];
  if (e->GetLabelText() != problem) {
    e->SetLabelText(problem);
    Layout();
    FitInside();
    if (!problem.empty()) {
      wxString label;
      for (const auto& l : labelled_) {
        if (l.field == it->second) label = wxControl::RemoveMnemonics(l.label->GetLabel());
      }
      // TRANSLATORS: %1$s is a field's label ("Date of birth:"), %2$s what is wrong with it.
      host_.announce(wxString::Format(_("%1$s %2$s"), label, problem), true);
    }
  }
  return problem.empty();
}

}  // namespace relief::gui::attorney
