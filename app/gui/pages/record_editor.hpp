#pragma once
#include <set>
#include <string>
#include <vector>

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include "relief/model/case.hpp"

namespace relief::gui {

class WrapText;

/// The dialog that adds or changes one record. TransferDataToWindow fills
/// the fields from record(); TransferDataFromWindow checks them (dates with
/// model::Date::parse; errors are written next to the field) and writes
/// them back into record(). Codes are stored, plain words are shown.
class RecordEditor : public wxDialog {
 public:
  /// `approximate`: which of the record's dates ("offense_date",
  /// "disposition_date") are known only to the month.
  RecordEditor(wxWindow* parent, model::Record record, std::set<std::string> approximate = {});

  bool TransferDataToWindow() override;
  bool TransferDataFromWindow() override;

  /// The record as last transferred from the window.
  const model::Record& record() const { return record_; }
  /// The dates typed as a month only ("2017-09"), by field name.
  const std::set<std::string>& approximate() const { return approximate_; }

  /// The error written next to a field (by the field's name:
  /// "record_kind", "record_offense_date", "record_disposition_date"…).
  wxString error_for(const wxString& field_name) const;

 private:
  struct Field {
    wxWindow* control;
    WrapText* error;
  };
  wxChoice* add_choice(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                       const wxString& name, const std::vector<std::string>& codes,
                       wxString (*words)(const std::string&), const wxString& placeholder);
  wxTextCtrl* add_text(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                       const wxString& name, bool is_date);
  WrapText* add_label(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& help,
                      const wxString& name);
  void set_error(wxWindow* control, const wxString& text);
  bool check_date(wxTextCtrl* field, std::optional<model::Date>& out, bool* approximate = nullptr);
  void on_save(wxCommandEvent& e);

  model::Record record_;
  std::set<std::string> approximate_;
  std::vector<Field> fields_;
  std::vector<std::string> kind_codes_;
  std::vector<std::string> category_codes_;
  std::vector<std::string> level_codes_;

  wxChoice* kind_ = nullptr;
  wxChoice* category_ = nullptr;
  wxChoice* level_ = nullptr;
  wxTextCtrl* description_ = nullptr;
  wxTextCtrl* statute_ = nullptr;
  wxTextCtrl* offense_date_ = nullptr;
  wxTextCtrl* disposition_date_ = nullptr;
  wxTextCtrl* court_ = nullptr;
  wxTextCtrl* county_ = nullptr;
  wxTextCtrl* case_number_ = nullptr;
  WrapText* summary_ = nullptr;
};

}  // namespace relief::gui
