#pragma once
#include <wx/textctrl.h>

#include "relief/crypto/crypto.hpp"

namespace relief::gui {

/// Moves a hidden field's text (a PIN or passphrase) into protected memory
/// and empties the field. The wxString and UTF-8 copies are overwritten at
/// once; GTK's own entry buffer is beyond reach, so the field is cleared
/// straight away. False (and `out` empty) when the text does not fit.
bool take_secret(wxTextCtrl* field, crypto::SecretBuffer& out);

}  // namespace relief::gui
