#include "widgets/style.hpp"

#include <algorithm>

namespace relief::gui {

wxFont scaled_font(const wxWindow* w, double factor, bool bold) {
  wxFont f = w->GetFont();
  if (!f.IsOk()) f = *wxNORMAL_FONT;
  f = f.Scaled(static_cast<float>(factor));
  if (bold) f.MakeBold();
  return f;
}

void scale_font(wxWindow* w, double factor, bool bold) { w->SetFont(scaled_font(w, factor, bold)); }

wxButton* make_button(wxWindow* parent, const wxString& label, const wxString& name, const wxString& tooltip) {
  auto* b = new wxButton(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
  b->SetToolTip(tooltip);
  const wxSize best = b->GetBestSize();
  b->SetMinSize(wxSize(std::max(best.x + 24, 120), std::max(best.y, kMinTarget)));
  return b;
}

wxColour error_colour() { return wxColour(0xB0, 0x00, 0x20); }
wxColour good_colour() { return wxColour(0x0B, 0x6E, 0x2A); }
wxColour bad_colour() { return wxColour(0x9A, 0x1B, 0x1B); }
wxColour review_colour() { return wxColour(0x8A, 0x4B, 0x00); }

}  // namespace relief::gui
