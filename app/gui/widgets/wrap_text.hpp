#pragma once
#include <wx/stattext.h>

namespace relief::gui {

/// A static text that keeps its unwrapped words and re-wraps them to a width
/// given by its page (on every resize), so long sentences never get clipped.
/// Labels are set with SetLabelText: '&' in a reason or a name stays an '&'.
class WrapText : public wxStaticText {
 public:
  WrapText(wxWindow* parent, const wxString& text, const wxString& name, double scale = 1.0, bool bold = false);

  /// Replaces the words and re-wraps them at the last width.
  void SetText(const wxString& text);
  /// The words as given (without the line breaks wrapping adds).
  const wxString& text() const { return text_; }
  /// Wraps to `width` pixels; does nothing when neither width nor text changed.
  void Rewrap(int width);
  /// Wraps this many pixels narrower than the page asks, for text that
  /// sits beside something (a bullet) on the same row.
  void set_wrap_reduction(int pixels) { reduction_ = pixels; }

 private:
  wxString text_;
  int width_ = 0;
  int reduction_ = 0;
};

/// Re-wraps every WrapText under `root` to `width` pixels.
void rewrap_all(wxWindow* root, int width);

}  // namespace relief::gui
