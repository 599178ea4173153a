#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "attorney/paste_rows.hpp"
#include "attorney/workspace.hpp"
#include "relief/store/store.hpp"
#include "wizard_state.hpp"

namespace relief::gui::attorney {

/// What changed, so the frame refreshes only what depends on it.
enum class Change { Petitioner, Records, Answers, Matter };

/// What the tabs need from the window they sit in.
class Host {
 public:
  virtual ~Host() = default;
  virtual Workspace& workspace() = 0;
  virtual const WizardState& state() const = 0;
  /// Tells the window the workspace changed: results are recomputed, the
  /// questions re-planned, the change saved to the store.
  virtual void changed(Change what) = 0;
  /// Says something to the person in words (status bar and message line),
  /// so a screen reader user hears it too; `error` adds the error colour.
  virtual void announce(const wxString& text, bool error = false) = 0;
};

/// A label and the field it names, for mnemonics (Alt+letter moves to the field).
struct Labelled {
  wxStaticText* label;
  wxWindow* field;
};

/// The petitioner's details, one labelled field per line, each with a
/// place for its error in words.
class PetitionerPanel : public wxScrolledWindow {
 public:
  PetitionerPanel(wxWindow* parent, Host& host);
  /// Shows the workspace's petitioner (after New or Open).
  void refresh();
  /// The text field with this name ("petitioner_legal_name" …), or nullptr.
  wxTextCtrl* field(const std::string& name) const;
  /// The error shown next to a field; empty when none.
  wxString error_for(const std::string& name) const;
  /// Checks a field as leaving it does: shows and announces what is wrong.
  /// False when something is.
  bool check_field(const std::string& name);
  const std::vector<Labelled>& labelled() const { return labelled_; }

 private:
  wxTextCtrl* add_field(wxFlexGridSizer* grid, const wxString& label, const wxString& tooltip, const std::string& name,
                        long style = 0);
  void on_edit(const std::string& name);

  Host& host_;
  std::map<std::string, wxTextCtrl*> fields_;
  std::map<std::string, wxStaticText*> errors_;
  std::vector<Labelled> labelled_;
  bool loading_ = false;
};

/// The current matter's records in a native list with editable cells.
class RecordsPanel : public wxPanel {
 public:
  /// Grid columns: the record id, then RecordColumn in order.
  static constexpr int kIdColumn = 0;
  static int column_of(RecordColumn c) { return static_cast<int>(c) + 1; }

  RecordsPanel(wxWindow* parent, Host& host);
  void refresh();
  wxDataViewListCtrl* list() const { return list_; }

  /// What the Add button and Ctrl+Enter do; returns the new record's id.
  std::string add_record();
  /// What Duplicate does on the selected row; the copy's id, or "".
  std::string duplicate_selected();
  /// What Remove does (after the question) on the selected row.
  bool remove_selected();
  /// Takes an edited cell: checks it, stores it, or puts the old value back
  /// and says why. The grid's edit events and tests come through here.
  bool set_cell(int row, int column, const wxString& text);
  /// Adds the rows `text` holds (see parse_pasted_rows); shows the rows not
  /// taken. Returns how many were added.
  int paste_rows(const std::string& text);
  /// What Paste rows does: paste_rows() with the clipboard's text.
  int paste_from_clipboard();
  /// The list of rows the last paste could not take (empty when none).
  wxString paste_problems() const;
  /// The error shown under the grid (a rejected cell), or empty.
  wxString error_text() const;

 private:
  void on_value_changed(wxDataViewEvent& e);
  void select_row(int row);
  void update_buttons();
  void set_error(const wxString& text);
  std::vector<wxString> choice_labels(RecordColumn c) const;
  wxString cell_text(const model::Record& r, RecordColumn c) const;

  Host& host_;
  wxDataViewListCtrl* list_;
  wxButton* add_;
  wxButton* duplicate_;
  wxButton* remove_;
  wxButton* paste_;
  wxStaticText* error_;
  wxTextCtrl* problems_;
  bool updating_ = false;
};

/// Every question still worth asking (and every one answered), on one
/// scrolling page: the person first, then record by record.
class QuestionsPanel : public wxScrolledWindow {
 public:
  QuestionsPanel(wxWindow* parent, Host& host);
  /// Re-plans and rebuilds the rows when the set of questions changed;
  /// otherwise shows the stored values.
  void refresh();
  /// The questions on screen, in screen order.
  const std::vector<rules::Question>& questions() const { return shown_; }
  /// The control answering a question: a wxChoice for yes/no and choice
  /// facts, a wxTextCtrl for dates and text; nullptr when not shown.
  wxWindow* control_for(const std::string& fact, const std::optional<std::string>& record) const;
  /// Sets a wxChoice answer by item index or a text answer, as a person would,
  /// and takes it (the same code as the control's own event).
  void answer_choice(const std::string& fact, const std::optional<std::string>& record, int selection);
  void answer_text(const std::string& fact, const std::optional<std::string>& record, const wxString& text);
  /// The error next to a question, or empty.
  wxString error_for(const std::string& fact, const std::optional<std::string>& record) const;
  /// The values a wxChoice row offers, in item order (nullopt: not answered).
  static std::vector<std::optional<nlohmann::json>> choice_values(const model::FactDef& def);

 private:
  struct Row {
    rules::Question q;
    wxWindow* control = nullptr;
    wxStaticText* error = nullptr;
  };
  static std::string key(const std::string& fact, const std::optional<std::string>& record);
  void rebuild(const std::vector<rules::Question>& qs);
  void show_values();
  void take_choice(const std::string& k);
  void take_text(const std::string& k, bool final);
  Row* row(const std::string& k);

  Host& host_;
  wxBoxSizer* content_;
  std::vector<rules::Question> shown_;
  std::map<std::string, Row> rows_;
  bool loading_ = false;
};

/// The decision for the current matter: one row per record, and the
/// details of the selected record below.
class ResultsPanel : public wxPanel {
 public:
  ResultsPanel(wxWindow* parent, Host& host);
  /// Recomputes the decision and shows it.
  void refresh();
  wxDataViewListCtrl* list() const { return list_; }
  /// The decision on screen.
  const rules::Decision& decision() const { return decision_; }
  /// Shows the details of row `row` (as selecting it does).
  void show_details(int row);
  wxTextCtrl* details() const { return details_; }
  wxString header_text() const { return header_->GetLabelText(); }

 private:
  Host& host_;
  wxStaticText* header_;
  wxDataViewListCtrl* list_;
  wxTextCtrl* details_;
  rules::Decision decision_;
};

/// The start tab: where the cases are kept, the recent cases in the
/// workstation store, and buttons to begin.
class StartPanel : public wxPanel {
 public:
  StartPanel(wxWindow* parent, std::function<void(int)> command);
  /// Commands the buttons send to the frame.
  enum Command { kNew, kOpenFile, kOpenRecent };
  void set_store_status(const wxString& text);
  /// Shows the store's cases (no names: jurisdiction, records, when).
  void set_recent(const std::vector<store::CaseSummary>& cases, bool store_open);
  wxListBox* recent() const { return recent_; }
  /// The store id of the chosen recent case, or 0.
  std::int64_t chosen_recent() const;
  wxString store_status() const { return status_->GetLabelText(); }

 private:
  std::function<void(int)> command_;
  wxStaticText* status_;
  wxListBox* recent_;
  wxButton* open_recent_;
  std::vector<std::int64_t> ids_;
};

/// "Case 12: NY, 3 records, saved 2026-11-30 14:02 UTC" (no names).
wxString recent_case_label(const store::CaseSummary& s);

}  // namespace relief::gui::attorney
