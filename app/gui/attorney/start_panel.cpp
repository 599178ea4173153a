#include <wx/intl.h>

#include "attorney/panels.hpp"
#include "text.hpp"

namespace relief::gui::attorney {

wxString recent_case_label(const store::CaseSummary& s) {
  // TRANSLATORS: %1$lld is a case number in the store, %2$s a state code, %3$d a number of
  // records, %4$s when it was last saved (UTC). No names: lists may be seen by others.
  return wxString::Format(wxPLURAL("Case %1$lld: %2$s, %3$d record, saved %4$s UTC",
                                   "Case %1$lld: %2$s, %3$d records, saved %4$s UTC", s.records),
                          static_cast<long long>(s.id), to_wx(s.jurisdiction), s.records, to_wx(s.updated));
}

StartPanel::StartPanel(wxWindow* parent, std::function<void(int)> command)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "start_panel"),
      command_(std::move(command)) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  status_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "start_store_status");
  top->Add(status_, 0, wxALL, 12);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* fresh = new wxButton(this, wxID_ANY, _("&New case"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                             "start_new");
  fresh->SetToolTip(_("Start an empty case"));
  auto* open = new wxButton(this, wxID_ANY, _("&Open case files..."), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "start_open");
  open->SetToolTip(_("Open one or more case files of one petitioner (one file per jurisdiction)"));
  buttons->Add(fresh, 0, wxRIGHT, 8);
  buttons->Add(open, 0);
  top->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);

  auto* label = new wxStaticText(this, wxID_ANY, _("Recent &cases in this workstation's encrypted store:"),
                                 wxDefaultPosition, wxDefaultSize, 0, "start_recent_label");
  top->Add(label, 0, wxLEFT | wxRIGHT, 12);
  recent_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(560, 220), 0, nullptr, wxLB_SINGLE,
                          wxDefaultValidator, "start_recent");
  recent_->SetToolTip(_("Cases kept in the store, newest first. Names are not listed, so others cannot read them "
                        "from the screen."));
  top->Add(recent_, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
  open_recent_ = new wxButton(this, wxID_ANY, _("Open the chosen c&ase"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "start_open_recent");
  open_recent_->SetToolTip(_("Open the case chosen in the list"));
  top->Add(open_recent_, 0, wxALL, 12);
  SetSizer(top);

  fresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { command_(kNew); });
  open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { command_(kOpenFile); });
  open_recent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { command_(kOpenRecent); });
  recent_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { command_(kOpenRecent); });
  recent_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { open_recent_->Enable(chosen_recent() != 0); });
  set_recent({}, false);
}

void StartPanel::set_store_status(const wxString& text) {
  status_->SetLabelText(text);
  status_->Wrap(860);
  Layout();
}

void StartPanel::set_recent(const std::vector<store::CaseSummary>& cases, bool store_open) {
  const std::int64_t chosen = chosen_recent();
  recent_->Clear();
  ids_.clear();
  for (const auto& c : cases) {
    recent_->Append(recent_case_label(c));
    ids_.push_back(c.id);
    if (c.id == chosen) recent_->SetSelection(static_cast<int>(ids_.size()) - 1);
  }
  // Without a store there is nothing to list: no empty box to puzzle over.
  FindWindow("start_recent_label")->Show(store_open);
  recent_->Show(store_open);
  open_recent_->Show(store_open);
  open_recent_->Enable(store_open && chosen_recent() != 0);
  Layout();
}

std::int64_t StartPanel::chosen_recent() const {
  const int sel = recent_->GetSelection();
  if (sel == wxNOT_FOUND || sel >= static_cast<int>(ids_.size())) return 0;
  return ids_[static_cast<std::size_t>(sel)];
}

}  // namespace relief::gui::attorney
