#pragma once
#include <functional>
#include <string>
#include <vector>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "relief/model/settings.hpp"

namespace relief::gui {

class WizardState;
class WrapText;

/// Asks for the administrator PIN before the administrator screen opens.
/// Modeless, so the wizard stays drawn behind it; `on_unlocked` runs once the
/// right PIN is given, and the dialog then closes itself.
class AdminPinDialog : public wxDialog {
 public:
  AdminPinDialog(wxWindow* parent, std::string pin_hash, std::function<void()> on_unlocked);

  /// Checks the PIN typed in the field (and empties the field). True and
  /// `on_unlocked` when it is right; false and a message when it is not.
  bool try_unlock();

  wxTextCtrl* pin_field() const { return pin_; }
  WrapText* message() const { return message_; }

 private:
  std::string hash_;
  std::function<void()> on_unlocked_;
  wxTextCtrl* pin_ = nullptr;
  WrapText* message_ = nullptr;
  int failures_ = 0;
};

/// The administrator screen: the clinic's contact, the discreet title,
/// languages, jurisdiction, mode, idle timeout, storage, devices and the PIN,
/// saved to the system settings file. Native controls, each labelled.
class AdminDialog : public wxDialog {
 public:
  /// `on_saved` receives the settings after they were written to `path`.
  AdminDialog(wxWindow* parent, WizardState& state, std::string path,
              std::function<void(const model::Settings&)> on_saved);

  /// Validates and writes the settings; on a problem shows it and returns
  /// false, leaving the file as it was.
  bool save();

  wxTextCtrl* clinic_name() const { return clinic_name_; }
  wxTextCtrl* window_title() const { return title_; }
  wxSpinCtrl* idle_timeout() const { return idle_; }
  wxSpinCtrl* pin_failures() const { return pin_failures_; }
  wxTextCtrl* intake_folder() const { return intake_folder_; }
  wxTextCtrl* documents_folder() const { return documents_folder_; }
  wxTextCtrl* new_pin() const { return new_pin_; }
  wxTextCtrl* repeat_pin() const { return repeat_pin_; }
  WrapText* message() const { return message_; }

 private:
  void fill(const model::Settings& s);
  void show_problem(const wxString& text);

  WizardState& state_;
  std::string path_;
  std::function<void(const model::Settings&)> on_saved_;
  model::Settings loaded_;
  wxTextCtrl* clinic_name_ = nullptr;
  wxTextCtrl* clinic_address_ = nullptr;
  wxTextCtrl* clinic_phone_ = nullptr;
  wxTextCtrl* clinic_website_ = nullptr;
  wxTextCtrl* title_ = nullptr;
  std::vector<std::string> language_codes_;
  std::vector<wxCheckBox*> languages_;
  std::vector<std::string> jurisdiction_codes_;
  wxChoice* jurisdiction_ = nullptr;
  wxChoice* mode_ = nullptr;
  wxSpinCtrl* idle_ = nullptr;
  wxChoice* storage_ = nullptr;
  wxSpinCtrl* retention_ = nullptr;
  wxCheckBox* printing_ = nullptr;
  wxCheckBox* usb_ = nullptr;
  wxSpinCtrl* pin_failures_ = nullptr;
  wxTextCtrl* intake_folder_ = nullptr;
  wxTextCtrl* documents_folder_ = nullptr;
  wxTextCtrl* new_pin_ = nullptr;
  wxTextCtrl* repeat_pin_ = nullptr;
  WrapText* message_ = nullptr;
};

}  // namespace relief::gui
