#pragma once
#include <memory>
#include <string>

#include <wx/string.h>
#include <wx/window.h>

#include "wizard_state.hpp"

namespace relief::gui::test {

/// Lets pending GUI events (paint, size, CallAfter) through.
void settle(wxWindow* w = nullptr);
/// Runs idle processing, which deletes windows closed with Close/Destroy.
void flush_idle();
/// If $RELIEF_SCREENSHOT_DIR is set, saves `w` as <dir>/<name>.png.
void screenshot(wxWindow* w, const std::string& name);
/// Every text a person can read inside `root`, one per line (unwrapped).
wxString visible_text(wxWindow* root);
/// A fresh empty folder under the system temp folder.
std::string make_temp_dir();
/// Every control a person sees has words: no empty button, answer or shown
/// text (a missing translation or a broken format shows up here).
void expect_no_empty_labels(wxWindow* root, const std::string& where);
/// The wizard's state with the shipped rules loaded (a test failure if not).
std::shared_ptr<WizardState> load_state();

}  // namespace relief::gui::test
