#pragma once
#include <wx/string.h>
#include <wx/window.h>

namespace relief::gui {

/// Gives `w` the name and description a screen reader announces.
///
/// wxWindow::SetName() is only wx's internal name: on GTK it never reaches
/// the accessibility tree, so a text field or a list would be read out as
/// "text" or "table" with no name. This sets the name on the GTK widget's
/// accessible object (and on the widget that really takes the focus, when
/// wx wraps it, as for multi-line text), so the AT-SPI tree carries it.
/// Elsewhere it does nothing more than keep the tooltip.
void set_accessible(wxWindow* w, const wxString& name, const wxString& description = wxString());

/// Says that `label` names `control` (the AT-SPI "labelled by" relation),
/// and gives `control` the label's words as its accessible name.
void set_labelled_by(wxWindow* control, wxWindow* label);

}  // namespace relief::gui
