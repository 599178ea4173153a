#include <wx/clipbrd.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "attorney/panels.hpp"
#include "text.hpp"
#include "widgets/style.hpp"

namespace relief::gui::attorney {
namespace {

const std::vector<std::string>& codes_of(RecordColumn c) {
  static const std::vector<std::string> none;
  switch (c) {
    case RecordColumn::Kind:
      return model::record_kinds();
    case RecordColumn::Category:
      return model::offense_categories();
    case RecordColumn::Level:
      return model::offense_levels();
    default:
      return none;
  }
}

bool is_choice(RecordColumn c) {
  return c == RecordColumn::Kind || c == RecordColumn::Category || c == RecordColumn::Level;
}

wxString words_for(RecordColumn c, const std::string& code) {
  if (code.empty()) return _("(not set)");
  switch (c) {
    case RecordColumn::Kind:
      return kind_short_words(code);
    case RecordColumn::Category:
      return category_words(code);
    case RecordColumn::Level:
      return level_words(code);
    default:
      return to_wx(code);
  }
}

std::string* text_field(model::Record& r, RecordColumn c) {
  switch (c) {
    case RecordColumn::Description:
      return &r.offense_description;
    case RecordColumn::Statute:
      return &r.statute;
    case RecordColumn::Court:
      return &r.court;
    case RecordColumn::County:
      return &r.county;
    case RecordColumn::CaseNumber:
      return &r.case_number;
    default:
      return nullptr;
  }
}

std::string* code_field(model::Record& r, RecordColumn c) {
  switch (c) {
    case RecordColumn::Kind:
      return &r.kind;
    case RecordColumn::Category:
      return &r.offense_category;
    case RecordColumn::Level:
      return &r.offense_level;
    default:
      return nullptr;
  }
}

std::optional<model::Date>* date_field(model::Record& r, RecordColumn c) {
  if (c == RecordColumn::OffenseDate) return &r.offense_date;
  if (c == RecordColumn::DispositionDate) return &r.disposition_date;
  return nullptr;
}

}  // namespace

RecordsPanel::RecordsPanel(wxWindow* parent, Host& host)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "records_panel"), host_(host) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("One row per arrest, charge or conviction. Double-click or press Enter on a cell "
                                   "to change it; Ctrl+Enter adds a row. Paste rows takes rows copied from a "
                                   "spreadsheet (tab-separated, with or without a header row)."),
                                 wxDefaultPosition, wxDefaultSize, 0, "records_intro");
  intro->Wrap(900);
  top->Add(intro, 0, wxALL, 8);

  auto* grid_label = new wxStaticText(this, wxID_ANY, _("&Records:"), wxDefaultPosition, wxDefaultSize, 0,
                                      "records_grid_label");
  top->Add(grid_label, 0, wxLEFT | wxRIGHT, 8);
  list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 260),
                                 wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxDV_VERT_RULES);
  list_->SetName("records_grid");
  list_->SetToolTip(_("The records of this jurisdiction. Enter or double-click changes a cell."));
  // Columns fit their contents and headings (the list scrolls sideways),
  // so no kind, statute or date is cut off.
  list_->AppendTextColumn(_("ID"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
  const int widths[kRecordColumnCount] = {wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE,
                                          wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE,
                                          wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE, wxCOL_WIDTH_AUTOSIZE,
                                          wxCOL_WIDTH_AUTOSIZE};
  for (int i = 0; i < kRecordColumnCount; ++i) {
    const auto c = static_cast<RecordColumn>(i);
    if (is_choice(c)) {
      wxArrayString labels;
      for (const auto& l : choice_labels(c)) labels.Add(l);
      auto* renderer = new wxDataViewChoiceRenderer(labels, wxDATAVIEW_CELL_EDITABLE);
      list_->AppendColumn(new wxDataViewColumn(column_label(c), renderer, static_cast<unsigned>(column_of(c)),
                                               widths[i], wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE),
                          "string");
    } else {
      list_->AppendTextColumn(column_label(c), wxDATAVIEW_CELL_EDITABLE, widths[i], wxALIGN_LEFT,
                              wxDATAVIEW_COL_RESIZABLE);
    }
  }
  top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

  error_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "records_error");
  error_->SetForegroundColour(error_colour());
  top->Add(error_, 0, wxALL, 8);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  add_ = new wxButton(this, wxID_ANY, _("&Add record"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                      "records_add");
  add_->SetToolTip(_("Add an empty record row (Ctrl+Enter)"));
  duplicate_ = new wxButton(this, wxID_ANY, _("D&uplicate"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "records_duplicate");
  duplicate_->SetToolTip(_("Add a copy of the selected record (its answers are not copied)"));
  remove_ = new wxButton(this, wxID_ANY, _("Re&move"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                         "records_remove");
  remove_->SetToolTip(_("Remove the selected record and its answers"));
  paste_ = new wxButton(this, wxID_ANY, _("&Paste rows"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                        "records_paste");
  paste_->SetToolTip(_("Add the rows copied from a spreadsheet (tab-separated; dates YYYY-MM-DD or MM/DD/YYYY)"));
  for (auto* b : {add_, duplicate_, remove_, paste_}) buttons->Add(b, 0, wxRIGHT, 8);
  top->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

  auto* problems_label = new wxStaticText(this, wxID_ANY, _("Pasted rows not taken:"), wxDefaultPosition,
                                          wxDefaultSize, 0, "records_paste_problems_label");
  problems_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 90),
                             wxTE_MULTILINE | wxTE_READONLY, wxDefaultValidator,
                             "records_paste_problems");
  problems_->SetToolTip(_("The rows Paste rows could not take, and why; nothing of them was added"));
  top->Add(problems_label, 0, wxLEFT | wxRIGHT, 8);
  top->Add(problems_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
  problems_label->Hide();
  problems_->Hide();
  SetSizer(top);

  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_record(); });
  duplicate_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { duplicate_selected(); });
  remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return;
    wxMessageDialog ask(this, wxString::Format(_("Remove record %s and its answers?"), list_->GetTextValue(row, 0)),
                        _("Remove record"), wxYES_NO | wxNO_DEFAULT);
    ask.SetYesNoLabels(_("Remove"), _("Keep"));
    if (ask.ShowModal() == wxID_YES) remove_selected();
  });
  paste_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { paste_from_clipboard(); });
  list_->Bind(wxEVT_DATAVIEW_ITEM_VALUE_CHANGED, &RecordsPanel::on_value_changed, this);
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { update_buttons(); });
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    const bool enter = e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER;
    if (enter && e.GetModifiers() == wxMOD_CONTROL) {
      add_record();
      return;
    }
    e.Skip();
  });
  refresh();
}

std::vector<wxString> RecordsPanel::choice_labels(RecordColumn c) const {
  std::vector<wxString> out;
  if (c != RecordColumn::Kind) out.push_back(words_for(c, ""));  // a kind is required
  for (const auto& code : codes_of(c)) out.push_back(words_for(c, code));
  return out;
}

wxString RecordsPanel::cell_text(const model::Record& r, RecordColumn c) const {
  auto& rec = const_cast<model::Record&>(r);
  if (std::string* code = code_field(rec, c)) return words_for(c, *code);
  if (std::string* text = text_field(rec, c)) return to_wx(*text);
  if (auto* date = date_field(rec, c)) return *date ? to_wx((*date)->iso()) : wxString();
  return {};
}

void RecordsPanel::refresh() {
  updating_ = true;
  const int selected = list_->GetSelectedRow();
  list_->DeleteAllItems();
  for (const auto& r : host_.workspace().current().records) {
    wxVector<wxVariant> values;
    values.push_back(wxVariant(to_wx(r.id)));
    for (int i = 0; i < kRecordColumnCount; ++i) values.push_back(wxVariant(cell_text(r, static_cast<RecordColumn>(i))));
    list_->AppendItem(values);
  }
  if (selected != wxNOT_FOUND && selected < list_->GetItemCount()) list_->SelectRow(static_cast<unsigned>(selected));
  updating_ = false;
  update_buttons();
}

void RecordsPanel::update_buttons() {
  const bool has = list_->GetSelectedRow() != wxNOT_FOUND;
  duplicate_->Enable(has);
  remove_->Enable(has);
}

void RecordsPanel::select_row(int row) {
  if (row < 0 || row >= list_->GetItemCount()) return;
  list_->SelectRow(static_cast<unsigned>(row));
  list_->EnsureVisible(list_->RowToItem(row));
  update_buttons();
}

void RecordsPanel::set_error(const wxString& text) {
  if (error_->GetLabelText() == text) return;
  error_->SetLabelText(text);
  Layout();
  if (!text.empty()) host_.announce(text, true);
}

std::string RecordsPanel::add_record() {
  model::Record r;
  r.kind = "conviction";  // the kind is required; the most common one to start from
  const std::string id = host_.workspace().add_record(std::move(r));
  set_error(wxString());
  refresh();
  select_row(list_->GetItemCount() - 1);
  list_->SetFocus();
  // TRANSLATORS: %s is a record id such as r4.
  host_.announce(wxString::Format(_("Record %s added."), to_wx(id)));
  host_.changed(Change::Records);
  return id;
}

std::string RecordsPanel::duplicate_selected() {
  const int row = list_->GetSelectedRow();
  auto& records = host_.workspace().current().records;
  if (row == wxNOT_FOUND || row >= static_cast<int>(records.size())) return {};
  model::Record copy = records[static_cast<std::size_t>(row)];
  copy.id.clear();
  copy.facts.clear();  // answers are about one record, not its copy
  const std::string id = host_.workspace().add_record(std::move(copy));
  refresh();
  select_row(list_->GetItemCount() - 1);
  host_.announce(wxString::Format(_("Record %s added."), to_wx(id)));
  host_.changed(Change::Records);
  return id;
}

bool RecordsPanel::remove_selected() {
  const int row = list_->GetSelectedRow();
  auto& records = host_.workspace().current().records;
  if (row == wxNOT_FOUND || row >= static_cast<int>(records.size())) return false;
  const std::string id = records[static_cast<std::size_t>(row)].id;
  host_.workspace().remove_record(id);
  refresh();
  select_row(std::min(row, list_->GetItemCount() - 1));
  // TRANSLATORS: %s is a record id such as r4.
  host_.announce(wxString::Format(_("Record %s removed."), to_wx(id)));
  host_.changed(Change::Records);
  return true;
}

bool RecordsPanel::set_cell(int row, int column, const wxString& text) {
  auto& records = host_.workspace().current().records;
  if (row < 0 || row >= static_cast<int>(records.size()) || column <= kIdColumn || column > kRecordColumnCount) {
    return false;
  }
  model::Record& r = records[static_cast<std::size_t>(row)];
  const auto c = static_cast<RecordColumn>(column - 1);
  model::Record changed = r;
  wxString problem;
  wxString value = text;
  value.Trim().Trim(false);
  if (std::string* code = code_field(changed, c)) {
    const auto labels = choice_labels(c);
    const auto& codes = codes_of(c);
    const std::size_t offset = labels.size() - codes.size();  // the "(not set)" item
    std::optional<std::string> found;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == value) found = i < offset ? std::string() : codes[i - offset];
    }
    if (!found) {
      const std::string typed = from_wx(value);
      const std::string guess = c == RecordColumn::Kind       ? kind_from_text(typed)
                                : c == RecordColumn::Category ? category_from_text(typed)
                                                              : level_from_text(typed);
      if (!guess.empty() || (value.empty() && c != RecordColumn::Kind)) found = guess;
    }
    if (!found) {
      // TRANSLATORS: %1$s is a column name, %2$s what was typed.
      problem = wxString::Format(_("%1$s \"%2$s\" is not one of the choices."), column_label(c), value);
    } else {
      *code = *found;
    }
  } else if (std::string* field = text_field(changed, c)) {
    *field = from_wx(value);
  } else if (auto* date = date_field(changed, c)) {
    if (value.empty()) {
      date->reset();
    } else if (auto d = parse_typed_date(from_wx(value))) {
      *date = d;
    } else {
      // TRANSLATORS: %1$s is a column name, %2$s what was typed.
      problem = wxString::Format(_("%1$s \"%2$s\" is not a date: write YYYY-MM-DD or MM/DD/YYYY."), column_label(c),
                                 value);
    }
    if (problem.empty() && changed.offense_date && changed.disposition_date &&
        *changed.disposition_date < *changed.offense_date) {
      // TRANSLATORS: %1$s and %2$s are dates written YYYY-MM-DD.
      problem = wxString::Format(_("The disposition date %1$s is before the offense date %2$s."),
                                 to_wx(changed.disposition_date->iso()), to_wx(changed.offense_date->iso()));
    }
  }
  updating_ = true;
  if (!problem.empty()) {
    // TRANSLATORS: %1$s is a record id, %2$s what is wrong; the old value is kept.
    set_error(wxString::Format(_("Record %1$s: %2$s The cell keeps its old value."), to_wx(r.id), problem));
    list_->SetTextValue(cell_text(r, c), static_cast<unsigned>(row), static_cast<unsigned>(column));
    updating_ = false;
    return false;
  }
  r = std::move(changed);
  list_->SetTextValue(cell_text(r, c), static_cast<unsigned>(row), static_cast<unsigned>(column));
  updating_ = false;
  set_error(wxString());
  host_.changed(Change::Records);
  return true;
}

void RecordsPanel::on_value_changed(wxDataViewEvent& e) {
  if (updating_) return;
  const int row = list_->ItemToRow(e.GetItem());
  const int column = e.GetColumn();
  if (row == wxNOT_FOUND || column < 0) return;
  const wxString text = list_->GetTextValue(static_cast<unsigned>(row), static_cast<unsigned>(column));
  // Changing the model inside the edit's own event upsets GTK's editing.
  CallAfter([this, row, column, text] { set_cell(row, column, text); });
}

int RecordsPanel::paste_rows(const std::string& text) {
  PasteResult result = parse_pasted_rows(text);
  set_error(wxString());
  std::string first_id;
  for (auto& r : result.records) {
    const std::string id = host_.workspace().add_record(std::move(r));
    if (first_id.empty()) first_id = id;
  }
  const int added = static_cast<int>(result.records.size());
  wxString problems;
  for (const auto& p : result.problems) {
    if (!problems.empty()) problems += "\n";
    problems += p.message;
  }
  problems_->ChangeValue(problems);
  problems_->Show(!problems.empty());
  FindWindow("records_paste_problems_label")->Show(!problems.empty());
  refresh();
  if (added > 0) select_row(list_->GetItemCount() - 1);
  Layout();
  const int skipped = static_cast<int>(result.problems.size());
  wxString said = wxString::Format(wxPLURAL("%d row added.", "%d rows added.", added), added);
  if (skipped > 0) {
    said += " " + wxString::Format(wxPLURAL("%d row not taken; see the list under the buttons.",
                                            "%d rows not taken; see the list under the buttons.", skipped),
                                   skipped);
  }
  host_.announce(said, skipped > 0);
  if (added > 0) host_.changed(Change::Records);
  return added;
}

int RecordsPanel::paste_from_clipboard() {
  wxString text;
  if (wxTheClipboard->Open()) {
    if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) || wxTheClipboard->IsSupported(wxDF_TEXT)) {
      wxTextDataObject data;
      if (wxTheClipboard->GetData(data)) text = data.GetText();
    }
    wxTheClipboard->Close();
  }
  if (text.empty()) {
    host_.announce(_("The clipboard holds no text. Copy rows from a spreadsheet first."), true);
    return 0;
  }
  return paste_rows(from_wx(text));
}

wxString RecordsPanel::paste_problems() const { return problems_->GetValue(); }

wxString RecordsPanel::error_text() const { return error_->GetLabelText(); }

}  // namespace relief::gui::attorney
