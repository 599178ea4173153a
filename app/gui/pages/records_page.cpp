#include "pages/records_page.hpp"

#include <set>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "pages/record_editor.hpp"
#include "rough_date.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

RecordsPage::RecordsPage(wxWindow* parent, WizardState& state) : WizardPage(parent, state, "records_page") {
  content_->Add(new WrapText(this, _("Your records"), "records_heading", 1.6, true));
  content_->Add(new WrapText(this,
                             _("Add each arrest, charge or conviction you want to clear. A copy "
                               "of your criminal history (your \"rap sheet\") helps. If you do "
                               "not know something, you can leave it empty."),
                             "records_intro", 1.15),
                0, wxTOP | wxBOTTOM, 12);

  auto* list_label = new WrapText(this, _("Your records:"), "records_list_label", 1.15, true);
  content_->Add(list_label, 0, wxBOTTOM, 4);
  list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 220),
                                 wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES, wxDefaultValidator);
  list_->SetName("records_list");
  scale_font(list_, 1.15);
  list_->SetToolTip(_("Your records. Choose one to change or remove it."));
  list_->AppendTextColumn(_("What it was"), wxDATAVIEW_CELL_INERT, 300);
  list_->AppendTextColumn(_("Kind of record"), wxDATAVIEW_CELL_INERT, 300);
  list_->AppendTextColumn(_("Date"), wxDATAVIEW_CELL_INERT, 130);
  list_->AppendTextColumn(_("County"), wxDATAVIEW_CELL_INERT, 130);
  set_labelled_by(list_, list_label);
  content_->Add(list_, 1, wxEXPAND);
  // Columns share the list's width, so nothing is cut off at any window size.
  list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    const int w = list_->GetClientSize().x - 8;
    if (w <= 0) return;
    const int shares[] = {38, 30, 16, 16};
    for (unsigned i = 0; i < 4; ++i) list_->GetColumn(i)->SetWidth(w * shares[i] / 100);
  });

  empty_ = new WrapText(this, _("No records yet. Press \"Add a record\" to start."), "records_empty", 1.15);
  content_->Add(empty_, 0, wxTOP, 8);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  add_ = make_button(this, _("Add a record"), "records_add", _("Add an arrest, charge or conviction"));
  edit_ = make_button(this, _("Change"), "records_edit", _("Change the chosen record"));
  remove_ = make_button(this, _("Remove"), "records_remove", _("Remove the chosen record"));
  scale_font(add_, 1.15, true);
  buttons->Add(add_, 0, wxRIGHT, 12);
  buttons->Add(edit_, 0, wxRIGHT, 12);
  buttons->Add(remove_, 0);
  content_->Add(buttons, 0, wxTOP, 12);

  error_ = new WrapText(this, wxString(), "records_error", 1.15, true);
  error_->SetForegroundColour(error_colour());
  error_->Hide();
  content_->Add(error_, 0, wxTOP, 12);

  // The dialogs open after the click has returned: a screen reader that
  // pressed the button through the accessibility bus waits for the press to
  // finish, and would otherwise hang for as long as the dialog is open.
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter([this] { on_add(); }); });
  edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter([this] { on_edit(); }); });
  remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter([this] { on_remove(); }); });
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { CallAfter([this] { on_edit(); }); });
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { update_buttons(); });
  refresh();
}

wxString RecordsPage::heading() const { return _("Your records"); }

wxWindow* RecordsPage::first_focus() {
  return state_.case_data().records.empty() ? static_cast<wxWindow*>(add_) : list_;
}

void RecordsPage::refresh() {
  const auto selected = selected_id();
  list_->DeleteAllItems();
  int row = 0;
  for (const auto& r : state_.case_data().records) {
    wxString what = to_wx(r.offense_description);
    if (what.empty()) what = category_words(r.offense_category);
    wxVector<wxVariant> cells;
    cells.push_back(what);
    cells.push_back(r.kind.empty() ? wxString() : kind_short_words(r.kind));
    cells.push_back(!r.offense_date                                  ? wxString()
                    : state_.is_approximate(r.id, "offense_date") ? to_wx(month_form(*r.offense_date))
                                                                   : to_wx(r.offense_date->iso()));
    cells.push_back(to_wx(r.county));
    list_->AppendItem(cells);
    if (selected && *selected == r.id) list_->SelectRow(static_cast<unsigned>(row));
    ++row;
  }
  empty_->Show(state_.case_data().records.empty());
  if (!state_.case_data().records.empty()) {
    error_->Hide();
  }
  update_buttons();
  relayout();
}

void RecordsPage::update_buttons() {
  const bool has = list_->GetSelectedRow() != wxNOT_FOUND;
  edit_->Enable(has);
  remove_->Enable(has);
}

std::optional<std::string> RecordsPage::selected_id() const {
  const int row = list_->GetSelectedRow();
  const auto& records = state_.case_data().records;
  if (row < 0 || row >= static_cast<int>(records.size())) return std::nullopt;
  return records[static_cast<std::size_t>(row)].id;
}

std::string RecordsPage::apply_editor(const RecordEditor& editor, const std::optional<std::string>& editing_id) {
  std::string id;
  if (editing_id && state_.update_record(*editing_id, editor.record())) {
    id = *editing_id;
  } else {
    id = state_.add_record(editor.record());
  }
  for (const char* field : {"offense_date", "disposition_date"}) {
    state_.set_approximate(id, field, editor.approximate().count(field) > 0);
  }
  refresh();
  const auto& records = state_.case_data().records;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].id == id) list_->SelectRow(static_cast<unsigned>(i));
  }
  update_buttons();
  return id;
}

void RecordsPage::on_add() {
  RecordEditor editor(this, model::Record{});
  if (editor.ShowModal() == wxID_OK) apply_editor(editor, std::nullopt);
  list_->SetFocus();
}

void RecordsPage::on_edit() {
  const auto id = selected_id();
  if (!id) return;
  const model::Record* r = state_.case_data().find_record(*id);
  if (!r) return;
  std::set<std::string> approximate;
  for (const char* field : {"offense_date", "disposition_date"}) {
    if (state_.is_approximate(*id, field)) approximate.insert(field);
  }
  RecordEditor editor(this, *r, approximate);
  if (editor.ShowModal() == wxID_OK) apply_editor(editor, id);
  list_->SetFocus();
}

void RecordsPage::on_remove() {
  const auto id = selected_id();
  if (!id) return;
  const model::Record* r = state_.case_data().find_record(*id);
  if (!r) return;
  wxMessageDialog ask(this, wxString::Format(_("Remove this record?\n\n%s"), record_title(*r)), _("Remove"),
                      wxYES_NO | wxNO_DEFAULT);
  ask.SetYesNoLabels(_("Remove it"), _("Keep it"));
  if (ask.ShowModal() != wxID_YES) return;
  state_.remove_record(*id);
  refresh();
}

bool RecordsPage::TransferDataFromWindow() {
  if (!state_.case_data().records.empty()) return true;
  error_->SetText(_("Please add at least one record to go on."));
  error_->Show();
  relayout();
  add_->SetFocus();
  return false;
}

}  // namespace relief::gui
