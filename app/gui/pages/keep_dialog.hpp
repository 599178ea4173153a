#pragma once
#include <string>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

namespace relief::gui {

class WizardState;
class WrapText;

/// "Save my answers to finish later": the person chooses a PIN (typed
/// twice, hidden), learns that staff cannot recover it, and then sees the
/// session code, large, to write down.
class KeepDialog : public wxDialog {
 public:
  KeepDialog(wxWindow* parent, WizardState& state);
  ~KeepDialog() override;

  /// What the Save button does: checks the two PINs and keeps the session.
  /// On success the dialog shows the code and returns true.
  bool save();
  /// The code shown after saving ("" before).
  const std::string& code() const { return code_; }

  wxTextCtrl* pin_field() const { return pin_; }
  wxTextCtrl* repeat_field() const { return repeat_; }
  WrapText* message() const { return message_; }

 private:
  void show_code();

  WizardState& state_;
  wxTextCtrl* pin_ = nullptr;
  wxTextCtrl* repeat_ = nullptr;
  WrapText* message_ = nullptr;
  wxButton* save_ = nullptr;
  wxButton* cancel_ = nullptr;
  std::string code_;
};

/// "Continue a saved session": the code and the PIN bring the answers back.
class ResumeDialog : public wxDialog {
 public:
  ResumeDialog(wxWindow* parent, WizardState& state);
  ~ResumeDialog() override;

  /// What the Continue button does. True (and the dialog ends with wxID_OK
  /// when modal) when the answers came back; otherwise a plain message that
  /// says nothing about what is kept.
  bool resume();

  wxTextCtrl* code_field() const { return code_; }
  wxTextCtrl* pin_field() const { return pin_; }
  WrapText* message() const { return message_; }

 private:
  WizardState& state_;
  wxTextCtrl* code_ = nullptr;
  wxTextCtrl* pin_ = nullptr;
  WrapText* message_ = nullptr;
};

/// Shows the KeepDialog modally.
void show_keep_dialog(wxWindow* parent, WizardState& state);
/// Shows the ResumeDialog modally; true when a session came back.
bool show_resume_dialog(wxWindow* parent, WizardState& state);

}  // namespace relief::gui
