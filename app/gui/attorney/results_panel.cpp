#include <wx/intl.h>

#include "attorney/panels.hpp"
#include "text.hpp"

namespace relief::gui::attorney {
namespace {

wxString outcome_short(rules::Outcome o) {
  switch (o) {
    case rules::Outcome::Eligible:
      return _("Eligible");
    case rules::Outcome::NotEligible:
      return _("Not eligible");
    case rules::Outcome::NeedsReview:
      return _("Needs review");
    case rules::Outcome::Incomplete:
      return _("Incomplete");
  }
  return _("Incomplete");
}

wxString relief_words(const std::string& relief) {
  // TRANSLATORS: kinds of legal relief from a criminal record.
  if (relief == "vacatur") return _("Vacatur");
  if (relief == "expungement") return _("Expungement");
  if (relief == "sealing") return _("Sealing");
  if (relief == "set_aside") return _("Set-aside");
  if (relief == "nondisclosure") return _("Nondisclosure");
  if (relief.empty()) return _("None");
  return _("Other relief");
}

wxString joined(const std::vector<std::string>& items) {
  wxString out;
  for (const auto& i : items) {
    if (!out.empty()) out += "; ";
    out += to_wx(i);
  }
  return out;
}

void add_list(wxString& out, const wxString& title, const std::vector<wxString>& items) {
  if (items.empty()) return;
  out += "\n" + title + "\n";
  for (const auto& i : items) out += "  " + bullet() + i + "\n";
}

}  // namespace

ResultsPanel::ResultsPanel(wxWindow* parent, Host& host)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "results_panel"), host_(host) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  header_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "results_header");
  top->Add(header_, 0, wxALL, 8);
  auto* list_label = new wxStaticText(this, wxID_ANY, _("Res&ults by record:"), wxDefaultPosition, wxDefaultSize, 0,
                                      "results_list_label");
  top->Add(list_label, 0, wxLEFT | wxRIGHT, 8);
  list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200),
                                 wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxDV_VERT_RULES);
  list_->SetName("results_grid");
  list_->SetToolTip(_("One row per record; choose one to see the reasons below"));
  list_->AppendTextColumn(_("Record"), wxDATAVIEW_CELL_INERT, 380, wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("Outcome"), wxDATAVIEW_CELL_INERT, 120, wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("Relief"), wxDATAVIEW_CELL_INERT, 120, wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("Citation"), wxDATAVIEW_CELL_INERT, 420, wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
  top->Add(list_, 2, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* details_label = new wxStaticText(this, wxID_ANY, _("De&tails of the selected record:"), wxDefaultPosition,
                                         wxDefaultSize, 0, "results_details_label");
  top->Add(details_label, 0, wxLEFT | wxRIGHT | wxTOP, 8);
  details_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 200),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2, wxDefaultValidator, "results_details");
  details_->SetToolTip(_("Reasons, missing facts, documents needed and what would change the result"));
  top->Add(details_, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
  SetSizer(top);
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_details(list_->GetSelectedRow()); });
  refresh();
}

void ResultsPanel::refresh() {
  Workspace& ws = host_.workspace();
  const Matter& m = ws.current();
  const rules::RuleSet& rs = ws.rules_of(m);
  decision_ = ws.decide(m);
  // TRANSLATORS: %1$s is a state's name, %2$s the rules version, %3$s a date (YYYY-MM-DD).
  header_->SetLabelText(wxString::Format(_("%1$s rules, version %2$s, reviewed %3$s. This is legal information, not "
                                           "legal advice."),
                                         to_wx(rs.name), to_wx(rs.version), to_wx(rs.reviewed.iso())));
  int selected = list_->GetSelectedRow();
  list_->DeleteAllItems();
  for (const auto& rd : decision_.records) {
    const model::Record* r = ws.find_record(rd.id);
    wxVector<wxVariant> values;
    // TRANSLATORS: %1$s is a record id (r1), %2$s names the record.
    values.push_back(wxVariant(wxString::Format(_("%1$s: %2$s"), to_wx(rd.id), r ? record_title(*r) : wxString())));
    values.push_back(wxVariant(outcome_short(rd.best.outcome)));
    values.push_back(wxVariant(relief_words(rd.best.relief)));
    values.push_back(wxVariant(joined(rd.best.citations)));
    list_->AppendItem(values);
  }
  if (selected == wxNOT_FOUND && list_->GetItemCount() > 0) selected = 0;
  if (selected != wxNOT_FOUND && selected < list_->GetItemCount()) {
    list_->SelectRow(static_cast<unsigned>(selected));
    show_details(selected);
  } else {
    details_->ChangeValue(decision_.records.empty() ? _("No records yet: add them on the Records tab.") : wxString());
  }
}

void ResultsPanel::show_details(int row) {
  if (row < 0 || row >= static_cast<int>(decision_.records.size())) return;
  Workspace& ws = host_.workspace();
  const rules::RecordDecision& rd = decision_.records[static_cast<std::size_t>(row)];
  const rules::RemedyResult& best = rd.best;
  const model::Record* r = ws.find_record(rd.id);
  wxString out = wxString::Format(_("%1$s: %2$s"), to_wx(rd.id), r ? record_title(*r) : wxString()) + "\n";
  // TRANSLATORS: %1$s is an outcome (Eligible), %2$s a kind of relief (Vacatur).
  out += wxString::Format(_("Outcome: %1$s (%2$s)"), outcome_short(best.outcome), relief_words(best.relief)) + "\n";
  if (!best.citations.empty()) out += wxString::Format(_("Law: %s"), joined(best.citations)) + "\n";
  std::vector<wxString> items;
  for (const auto& m : best.reasons) items.push_back(tr(m));
  add_list(out, _("Reasons:"), items);
  items.clear();
  for (const auto& name : best.missing) {
    const model::FactDef* def = ws.library().facts.find(name.rfind("record.", 0) == 0 ? name.substr(7) : name);
    // TRANSLATORS: %1$s is a question, %2$s the fact's name in case files.
    items.push_back(def && !def->question.empty()
                        ? wxString::Format(_("%1$s [%2$s]"), tr(def->question), to_wx(name))
                        : to_wx(name));
  }
  add_list(out, _("Missing facts (see the Questions tab):"), items);
  items.clear();
  for (const auto& d : best.documents_needed) items.push_back(tr(d));
  add_list(out, _("Documents needed:"), items);
  items.clear();
  for (const auto& m : best.would_change) items.push_back(tr(m));
  add_list(out, _("What would change this:"), items);
  items.clear();
  for (const auto& alt : rd.alternatives) {
    // TRANSLATORS: %1$s a kind of relief, %2$s an outcome, %3$s citations.
    items.push_back(wxString::Format(_("%1$s: %2$s (%3$s)"), relief_words(alt.relief), outcome_short(alt.outcome),
                                     joined(alt.citations)));
  }
  add_list(out, _("Other remedies:"), items);
  details_->ChangeValue(out);
}

}  // namespace relief::gui::attorney
