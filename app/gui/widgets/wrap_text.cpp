#include "widgets/wrap_text.hpp"

#include <wx/statbox.h>

#include "widgets/style.hpp"

namespace relief::gui {

WrapText::WrapText(wxWindow* parent, const wxString& text, const wxString& name, double scale, bool bold)
    : wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name), text_(text) {
  if (scale != 1.0 || bold) scale_font(this, scale, bold);
  SetLabelText(text_);
}

void WrapText::SetText(const wxString& text) {
  text_ = text;
  SetLabelText(text_);
  if (width_ > 0) Wrap(width_);
  InvalidateBestSize();
}

void WrapText::Rewrap(int width) {
  width -= reduction_;
  if (width <= 0 || width == width_) return;
  width_ = width;
  SetLabelText(text_);
  Wrap(width_);
  InvalidateBestSize();
}

void rewrap_all(wxWindow* root, int width) {
  for (wxWindow* child : root->GetChildren()) {
    if (auto* t = dynamic_cast<WrapText*>(child)) {
      t->Rewrap(width);
    } else if (!child->IsTopLevel()) {
      // A static box's children are indented by its border.
      rewrap_all(child, child->IsKindOf(wxCLASSINFO(wxStaticBox)) ? width - 24 : width);
    }
  }
}

}  // namespace relief::gui
