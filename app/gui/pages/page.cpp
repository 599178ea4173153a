#include "pages/page.hpp"

#include <algorithm>

#include <wx/settings.h>

#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

WizardPage::WizardPage(wxWindow* parent, WizardState& state, const wxString& name)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL, name),
      state_(state),
      content_(new wxBoxSizer(wxVERTICAL)) {
  SetScrollRate(0, 24);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(content_, 1, wxEXPAND | wxALL, kMargin);
  SetSizer(outer);
  Bind(wxEVT_SIZE, &WizardPage::on_size, this);
}

int WizardPage::text_width() const {
  // Leave room for the vertical scroll bar so that its appearing does not
  // change the width and trigger another wrap.
  const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
  const int avail = GetClientSize().x - 2 * kMargin - std::max(scrollbar, 16);
  return std::clamp(avail, 200, kMaxTextWidth);
}

void WizardPage::relayout() {
  rewrap_all(this, text_width());
  Layout();
  FitInside();
  Refresh();
}

void WizardPage::on_size(wxSizeEvent& e) {
  e.Skip();
  if (GetClientSize().x > 0) relayout();
}

}  // namespace relief::gui
