// relief-gui: the wizard. Everything but the entry point is in relief_gui_lib
// so that tests/gui can drive the same frame.
#include <wx/app.h>

#include "app.hpp"

wxIMPLEMENT_APP(relief::gui::App);
