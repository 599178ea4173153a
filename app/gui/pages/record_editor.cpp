#include "pages/record_editor.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>

#include "relief/model/date.hpp"
#include "rough_date.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

namespace {

constexpr int kFieldWidth = 560;

// Selection index <-> code; index 0 is the "choose one" placeholder.
int index_of(const std::vector<std::string>& codes, const std::string& code) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string code_at(const std::vector<std::string>& codes, int selection) {
  if (selection <= 0 || selection > static_cast<int>(codes.size())) return {};
  return codes[static_cast<std::size_t>(selection - 1)];
}

std::string trimmed(const wxTextCtrl* t) {
  wxString s = t->GetValue();
  s.Trim().Trim(false);
  return from_wx(s);
}

}  // namespace

RecordEditor::RecordEditor(wxWindow* parent, model::Record record, std::set<std::string> approximate)
    : wxDialog(parent, wxID_ANY, _("A record"), wxDefaultPosition, wxSize(760, 760),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "record_editor"),
      record_(std::move(record)),
      approximate_(std::move(approximate)) {
  scale_font(this, 1.15);
  auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                                        "record_fields");
  scroller->SetScrollRate(0, 24);
  auto* fields = new wxBoxSizer(wxVERTICAL);

  fields->Add(new WrapText(scroller,
                           _("Copy what you can from your court papers or rap sheet. Only the "
                             "kind of record and what it was about are needed; leave the rest "
                             "empty if you do not know."),
                           "record_intro"),
              0, wxBOTTOM, 12);
  for (auto* w : scroller->GetChildren()) {
    if (auto* t = dynamic_cast<WrapText*>(w)) t->Rewrap(kFieldWidth);
  }

  kind_codes_ = model::record_kinds();
  kind_ = add_choice(scroller, fields, _("What kind of record is it?"), _("Choose the kind of record"), "record_kind",
                     kind_codes_, &kind_words, _("Choose one"));
  category_codes_ = model::offense_categories();
  category_ = add_choice(scroller, fields, _("What was the charge about?"), _("Choose what the charge was about"),
                         "record_offense_category", category_codes_, &category_words, _("Choose one"));
  for (const auto& code : model::offense_levels()) {
    if (code != "unknown") level_codes_.push_back(code);
  }
  level_ =
      add_choice(scroller, fields, _("How serious was the charge? (if you know)"), _("Misdemeanor, felony or less"),
                 "record_offense_level", level_codes_, &level_words, _("I'm not sure"));
  description_ = add_text(scroller, fields, _("The charge in words (as the record says it)"),
                          _("For example: Petit larceny"), "record_description", false);
  statute_ = add_text(scroller, fields, _("The law section (if you know it)"), _("For example: Penal Law 155.25"),
                      "record_statute", false);
  offense_date_ = add_text(scroller, fields, _("Date it happened (year-month-day)"),
                           _("For example 2017-09-15, or only the month: 2017-09. Leave empty if you do not know."),
                           "record_offense_date", true);
  disposition_date_ = add_text(scroller, fields, _("Date the case ended (year-month-day)"),
                               _("The day of the plea, verdict or dismissal, for example 2017-11-20, or only the "
                                 "month: 2017-11. Leave empty if you do not know."),
                               "record_disposition_date", true);
  court_ = add_text(scroller, fields, _("Court"), _("The name of the court"), "record_court", false);
  county_ = add_text(scroller, fields, _("County"), _("The county of the court"), "record_county", false);
  case_number_ = add_text(scroller, fields, _("Case or docket number"), _("The number the court gave the case"),
                          "record_case_number", false);

  auto* padded = new wxBoxSizer(wxVERTICAL);
  padded->Add(fields, 1, wxEXPAND | wxALL, 16);
  scroller->SetSizer(padded);

  summary_ = new WrapText(this, wxString(), "record_error_summary", 1.0, true);
  summary_->SetForegroundColour(error_colour());
  summary_->Hide();

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* cancel = make_button(this, _("Cancel"), "record_cancel", _("Close without saving"));
  auto* save = make_button(this, _("Save this record"), "record_save", _("Save and go back"));
  save->SetDefault();
  buttons->Add(cancel, 0);
  buttons->AddStretchSpacer();
  buttons->Add(save, 0);
  cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CANCEL); });
  save->Bind(wxEVT_BUTTON, &RecordEditor::on_save, this);
  SetEscapeId(wxID_NONE);

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(scroller, 1, wxEXPAND);
  top->Add(summary_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
  top->Add(buttons, 0, wxEXPAND | wxALL, 16);
  SetSizer(top);
  scroller->FitInside();
  SetMinSize(wxSize(640, 480));
  CentreOnParent();
  TransferDataToWindow();
}

WrapText* RecordEditor::add_label(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                                  const wxString& name) {
  auto* l = new WrapText(parent, label, name + "_label", 1.0, true);
  l->Rewrap(kFieldWidth);
  sizer->Add(l, 0, wxTOP, 12);
  if (!help.empty()) {
    auto* h = new WrapText(parent, help, name + "_help", 0.9);
    h->Rewrap(kFieldWidth);
    sizer->Add(h, 0, wxTOP, 2);
  }
  return l;
}

wxChoice* RecordEditor::add_choice(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                                   const wxString& name, const std::vector<std::string>& codes,
                                   wxString (*words)(const std::string&), const wxString& placeholder) {
  WrapText* caption = add_label(parent, sizer, label, wxString(), name);
  wxArrayString items;
  items.Add(placeholder);
  for (const auto& code : codes) items.Add(words(code));
  auto* choice =
      new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxSize(kFieldWidth, -1), items, 0, wxDefaultValidator, name);
  choice->SetMinSize(wxSize(kFieldWidth, kMinTarget));
  choice->SetToolTip(help);
  choice->SetSelection(0);
  set_labelled_by(choice, caption);
  set_accessible(choice, caption->text(), help);
  auto* error = new WrapText(parent, wxString(), name + "_error", 1.0, true);
  error->SetForegroundColour(error_colour());
  error->Hide();
  sizer->Add(choice, 0, wxTOP, 4);
  sizer->Add(error, 0, wxTOP, 2);
  choice->Bind(wxEVT_CHOICE, [this, choice](wxCommandEvent&) { set_error(choice, wxString()); });
  fields_.push_back({choice, error});
  return choice;
}

wxTextCtrl* RecordEditor::add_text(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                                   const wxString& name, bool is_date) {
  WrapText* caption = add_label(parent, sizer, label, help, name);
  const int width = is_date ? 220 : kFieldWidth;
  auto* text =
      new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1), 0, wxDefaultValidator, name);
  text->SetMinSize(wxSize(width, kMinTarget));
  text->SetToolTip(help.empty() ? label : help);
  set_labelled_by(text, caption);
  set_accessible(text, caption->text(), help);
  auto* error = new WrapText(parent, wxString(), name + "_error", 1.0, true);
  error->SetForegroundColour(error_colour());
  error->Hide();
  if (is_date) {
    text->SetHint(_("YYYY-MM-DD"));
    // The error goes next to the field, where the eye already is.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(text, 0, wxALIGN_CENTER_VERTICAL);
    row->Add(error, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
    sizer->Add(row, 0, wxTOP | wxEXPAND, 4);
    error->Rewrap(kFieldWidth - width - 12);
    text->Bind(wxEVT_KILL_FOCUS, [this, text](wxFocusEvent& e) {
      std::optional<model::Date> ignored;
      check_date(text, ignored);
      e.Skip();
    });
  } else {
    sizer->Add(text, 0, wxTOP, 4);
    sizer->Add(error, 0, wxTOP, 2);
  }
  text->Bind(wxEVT_TEXT, [this, text](wxCommandEvent&) { set_error(text, wxString()); });
  fields_.push_back({text, error});
  return text;
}

void RecordEditor::set_error(wxWindow* control, const wxString& text) {
  for (auto& f : fields_) {
    if (f.control != control) continue;
    if (f.error->text() == text) return;
    f.error->SetText(text);
    f.error->Show(!text.empty());
    if (f.error->GetParent()) f.error->GetParent()->Layout();
    Layout();
  }
}

wxString RecordEditor::error_for(const wxString& field_name) const {
  for (const auto& f : fields_) {
    if (f.control->GetName() == field_name) return f.error->text();
  }
  return {};
}

bool RecordEditor::check_date(wxTextCtrl* field, std::optional<model::Date>& out, bool* approximate) {
  const std::string typed = trimmed(field);
  out.reset();
  if (approximate) *approximate = false;
  if (typed.empty()) {
    set_error(field, wxString());
    return true;
  }
  const auto rough = parse_rough_date(typed);
  if (!rough) {
    set_error(field, _("Write the date as year-month-day, for example 2017-09-15, or only year and month, for "
                       "example 2017-09."));
    return false;
  }
  out = rough->first;
  if (approximate) *approximate = rough->approximate();
  set_error(field, wxString());
  return true;
}

bool RecordEditor::TransferDataToWindow() {
  kind_->SetSelection(index_of(kind_codes_, record_.kind));
  category_->SetSelection(index_of(category_codes_, record_.offense_category));
  level_->SetSelection(index_of(level_codes_, record_.offense_level));
  description_->ChangeValue(to_wx(record_.offense_description));
  statute_->ChangeValue(to_wx(record_.statute));
  auto shown = [this](const std::optional<model::Date>& d, const char* field) {
    if (!d) return wxString();
    return to_wx(approximate_.count(field) ? month_form(*d) : d->iso());
  };
  offense_date_->ChangeValue(shown(record_.offense_date, "offense_date"));
  disposition_date_->ChangeValue(shown(record_.disposition_date, "disposition_date"));
  court_->ChangeValue(to_wx(record_.court));
  county_->ChangeValue(to_wx(record_.county));
  case_number_->ChangeValue(to_wx(record_.case_number));
  for (auto& f : fields_) set_error(f.control, wxString());
  summary_->Hide();
  return true;
}

bool RecordEditor::TransferDataFromWindow() {
  bool ok = true;
  wxWindow* first_bad = nullptr;
  auto bad = [&](wxWindow* w) {
    ok = false;
    if (!first_bad) first_bad = w;
  };

  const std::string kind = code_at(kind_codes_, kind_->GetSelection());
  if (kind.empty()) {
    set_error(kind_, _("Please choose the kind of record."));
    bad(kind_);
  }
  const std::string category = code_at(category_codes_, category_->GetSelection());
  if (category.empty()) {
    set_error(category_, _("Please choose what the charge was about. If none fits, choose "
                           "\"Something else\"."));
    bad(category_);
  }
  std::optional<model::Date> offense_date;
  std::optional<model::Date> disposition_date;
  bool offense_rough = false;
  bool disposition_rough = false;
  if (!check_date(offense_date_, offense_date, &offense_rough)) bad(offense_date_);
  if (!check_date(disposition_date_, disposition_date, &disposition_rough)) bad(disposition_date_);

  if (!ok) {
    summary_->SetText(_("Some answers need a fix. Look for the red words above."));
    summary_->Rewrap(kFieldWidth);
    summary_->Show();
    Layout();
    first_bad->SetFocus();
    return false;
  }
  summary_->Hide();

  record_.kind = kind;
  record_.offense_category = category;
  record_.offense_level = code_at(level_codes_, level_->GetSelection());
  record_.offense_description = trimmed(description_);
  record_.statute = trimmed(statute_);
  record_.offense_date = offense_date;
  record_.disposition_date = disposition_date;
  approximate_.clear();
  if (offense_rough) approximate_.insert("offense_date");
  if (disposition_rough) approximate_.insert("disposition_date");
  record_.court = trimmed(court_);
  record_.county = trimmed(county_);
  record_.case_number = trimmed(case_number_);
  return true;
}

void RecordEditor::on_save(wxCommandEvent&) {
  if (TransferDataFromWindow()) EndModal(wxID_OK);
}

}  // namespace relief::gui
