#pragma once
#include <wx/button.h>
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/window.h>

namespace relief::gui {

/// Smallest height of anything a finger or a shaky hand has to hit (WCAG 2.5.5).
inline constexpr int kMinTarget = 48;
/// Widest a line of body text gets: long lines are hard to read back.
inline constexpr int kMaxTextWidth = 880;
/// Outer margin of every page.
inline constexpr int kMargin = 24;

/// The font of `w` scaled by `factor`, optionally bold.
wxFont scaled_font(const wxWindow* w, double factor, bool bold = false);
/// Sets `w`'s font to its current font scaled by `factor`.
void scale_font(wxWindow* w, double factor, bool bold = false);

/// A button with our own label (never a stock id), an accessible name, a
/// tooltip and a height of at least kMinTarget.
wxButton* make_button(wxWindow* parent, const wxString& label, const wxString& name, const wxString& tooltip);

/// Colours that keep at least 4.5:1 contrast on a white or light grey
/// background. They only add to the text; the words carry the meaning.
wxColour error_colour();
wxColour good_colour();
wxColour bad_colour();
wxColour review_colour();

}  // namespace relief::gui
