#pragma once
#include <wx/sizer.h>
#include <wx/window.h>

#include "wizard_state.hpp"

namespace relief::gui {

/// Adds what every result and document page must say: that this is legal
/// information, not advice; when the rules were reviewed; whom to ask.
void add_legal_footer(wxWindow* parent, wxSizer* sizer, const WizardState& state);
/// The same for the given settings and one jurisdiction's rules (attorney
/// mode shows several jurisdictions; its "footer_reviewed" text follows the
/// one on screen).
void add_legal_footer(wxWindow* parent, wxSizer* sizer, const model::Settings& settings, const rules::RuleSet& rules);

}  // namespace relief::gui
