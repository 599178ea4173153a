#pragma once
#include <string>

#include "relief/error.hpp"

namespace relief::model {

/// The clinic's contact, shown on every result screen and document.
struct ClinicInfo {
  std::string name;
  std::string address;
  std::string phone;
  std::string website;

  /// True when the administrator has set at least a name or a phone.
  bool configured() const { return !name.empty() || !phone.empty(); }
};

/// Administrator settings (a subset; the administration screen extends it).
struct Settings {
  ClinicInfo clinic;
  std::string window_title = "Clinic services";  ///< discreet, never names the subject
  std::string default_jurisdiction = "NY";
};

/// Reads settings: $RELIEF_SETTINGS if set, else /etc/relief/settings.json;
/// a missing file gives the defaults, a malformed one an error.
Result<Settings> load_settings();
/// Parses settings JSON text; `file` names it in errors.
Result<Settings> parse_settings(const std::string& text, const std::string& file);

}  // namespace relief::model
