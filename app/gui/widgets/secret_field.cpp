#include "widgets/secret_field.hpp"

#include <string_view>

#include "relief/admin/secret.hpp"

namespace relief::gui {

bool take_secret(wxTextCtrl* field, crypto::SecretBuffer& out) {
  wxString value = field->GetValue();
  field->ChangeValue(wxString());
  wxScopedCharBuffer utf8 = value.utf8_str();
  const bool fits = out.assign(std::string_view(utf8.data(), utf8.length()));
  if (!fits) out.clear();
  admin::wipe_memory(utf8.data(), utf8.length());
  for (auto it = value.begin(); it != value.end(); ++it) *it = ' ';
  value.clear();
  return fits;
}

}  // namespace relief::gui
