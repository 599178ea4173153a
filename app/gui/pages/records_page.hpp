#pragma once
#include <optional>
#include <string>

#include <wx/dataview.h>

#include "pages/page.hpp"

namespace relief::gui {

class RecordEditor;
class WrapText;

/// The list of the person's records, with Add / Change / Remove.
class RecordsPage : public WizardPage {
 public:
  RecordsPage(wxWindow* parent, WizardState& state);

  wxString heading() const override;
  wxWindow* first_focus() override;

  /// Refills the list from the case.
  void refresh();
  /// Needs at least one record; otherwise says so on the page.
  bool TransferDataFromWindow() override;

  /// What Save in the editor does: adds the editor's record, or replaces
  /// the record `editing_id`. Returns the record's id.
  std::string apply_editor(const RecordEditor& editor, const std::optional<std::string>& editing_id);
  /// The id of the selected record, if any.
  std::optional<std::string> selected_id() const;

  /// A native GTK list (wxDataViewListCtrl), so screen readers can read it.
  wxDataViewListCtrl* list() const { return list_; }

 private:
  void on_add();
  void on_edit();
  void on_remove();
  void update_buttons();

  wxDataViewListCtrl* list_;
  wxButton* add_;
  wxButton* edit_;
  wxButton* remove_;
  WrapText* empty_;
  WrapText* error_;
};

}  // namespace relief::gui
