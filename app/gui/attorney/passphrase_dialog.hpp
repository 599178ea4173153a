#pragma once
#include <optional>

#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "relief/crypto/crypto.hpp"

namespace relief::gui::attorney {

/// Asks for the workstation store's passphrase, masked. On the first run
/// the passphrase is set, so it is typed twice.
class PassphraseDialog : public wxDialog {
 public:
  /// `problem` is shown above the fields (a wrong passphrase last time).
  PassphraseDialog(wxWindow* parent, bool first_run, const wxString& problem);
  /// After ShowModal() returned wxID_OK: the passphrase (the fields are
  /// emptied and the toolkit's copies wiped as far as wx allows).
  std::optional<crypto::SecretBuffer> take();
  /// The shortest passphrase a new store accepts.
  static constexpr std::size_t kMinLength = 10;

 private:
  bool TransferDataFromWindow() override;
  bool first_run_;
  wxTextCtrl* pass_;
  wxTextCtrl* again_ = nullptr;
  wxStaticText* problem_;
  std::optional<crypto::SecretBuffer> secret_;
};

}  // namespace relief::gui::attorney
