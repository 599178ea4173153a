#pragma once
#include <functional>

#include <wx/button.h>
#include <wx/panel.h>

namespace relief::gui {
class WrapText;
}

namespace relief::gui::kiosk {

/// What a kiosk shows after a quick exit: the administrator's discreet
/// title and one neutral line, nothing about records or the law. Any key
/// (but Shift, Ctrl, Alt or Escape), click or touch, or its one button,
/// begins again.
class NeutralScreen : public wxPanel {
 public:
  NeutralScreen(wxWindow* parent, std::function<void()> on_begin);

  /// Puts the administrator's title on it.
  void set_title(const wxString& title);
  wxButton* begin_button() const { return begin_; }
  /// All the words on it, for tests.
  wxString text() const;

 private:
  WrapText* title_;
  WrapText* line_;
  wxButton* begin_;
};

/// "Are you still there?", with the seconds left and one big button that
/// keeps the session. Shown in place of the wizard's content, so the
/// answers are not on screen for whoever walks up.
class IdleWarning : public wxPanel {
 public:
  IdleWarning(wxWindow* parent, std::function<void()> on_keep);

  /// Shows the countdown with `seconds` left.
  void set_seconds(int seconds);
  /// Says it all again in the language now in use (the person may have
  /// switched since the window opened).
  void retranslate();
  wxButton* keep_button() const { return keep_; }
  /// The countdown sentence as shown.
  wxString text() const;

 private:
  WrapText* heading_;
  WrapText* line_;
  wxButton* keep_;
};

}  // namespace relief::gui::kiosk
