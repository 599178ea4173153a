#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
  /// Field-by-field equality.
  bool operator==(const ClinicInfo&) const = default;
};

/// Who the program is set up for.
enum class Mode {
  Survivor,  ///< self-service on a clinic computer (the default)
  Attorney,  ///< a lawyer's own workstation; per-user settings are read
  Kiosk,     ///< a locked-down public machine, full screen
};

/// What may be kept on disk between sessions.
enum class StoragePolicy {
  KioskMemoryOnly,      ///< nothing is written; sessions live in memory (the default)
  KeepByChoice,         ///< kept only when the person chooses to, under their PIN
  AttorneyWorkstation,  ///< a lawyer's case files are kept for `retention_days`
};

/// The smallest idle timeout an administrator may set, in seconds.
inline constexpr int kMinIdleTimeout = 60;
/// The largest idle timeout, in seconds (one day).
inline constexpr int kMaxIdleTimeout = 86400;
/// The largest retention period, in days (ten years).
inline constexpr int kMaxRetentionDays = 3650;
/// The most wrong PIN tries an administrator may allow before a kept
/// session is erased.
inline constexpr int kMaxPinFailuresLimit = 20;
/// The longest folder path a setting may hold.
inline constexpr std::size_t kMaxFolderLength = 300;

/// Administrator settings (/etc/relief/settings.json). Every field has a
/// safe default, so a missing file or key gives a working kiosk-safe set-up.
struct Settings {
  ClinicInfo clinic;
  std::string window_title = "Clinic services";  ///< discreet, never names the subject
  std::vector<std::string> languages = {"en", "es"};  ///< language codes offered to the person
  std::string default_jurisdiction = "NY";
  Mode mode = Mode::Survivor;
  int idle_timeout_seconds = 300;  ///< at least kMinIdleTimeout
  StoragePolicy storage_policy = StoragePolicy::KioskMemoryOnly;
  int retention_days = 30;  ///< how long kept cases live (not used by kiosk_memory_only)
  bool printing_allowed = true;
  bool usb_allowed = false;  ///< saving papers to removable drives
  std::string admin_pin_hash;  ///< Argon2id string from crypto_pwhash_str; empty: no PIN set
  int max_pin_failures = 5;  ///< wrong PIN tries (1 to kMaxPinFailuresLimit) before a kept session is erased
  /// Absolute folder where kiosks drop sessions sealed to the clinic's
  /// public key ("Send my answers to the clinic's lawyers"); empty: not offered.
  std::string intake_folder;
  /// Absolute folder a kiosk may save papers into besides USB drives
  /// (/media, /run/media, when usb_allowed); empty: none.
  std::string documents_folder;

  /// Field-by-field equality.
  bool operator==(const Settings&) const = default;
};

/// The settings file's name for a mode ("survivor", "attorney", "kiosk").
std::string mode_name(Mode m);
/// The mode named `name`, or nullopt.
std::optional<Mode> parse_mode(const std::string& name);
/// The settings file's name for a storage policy ("kiosk_memory_only" …).
std::string storage_policy_name(StoragePolicy p);
/// The storage policy named `name`, or nullopt.
std::optional<StoragePolicy> parse_storage_policy(const std::string& name);

/// The system-wide settings file: $RELIEF_SETTINGS if set, else
/// /etc/relief/settings.json.
std::string settings_path();
/// The per-user settings file read in attorney mode:
/// $XDG_CONFIG_HOME/relief/settings.json (default ~/.config/relief/settings.json);
/// empty when neither XDG_CONFIG_HOME nor HOME is set.
std::string user_settings_path();

/// Reads the system settings file (a missing file gives the defaults) and,
/// when it sets attorney mode, the per-user file over it. A malformed file
/// gives an error naming the file, the JSON path and what was expected.
Result<Settings> load_settings();
/// Reads one settings file; a missing file gives the defaults.
Result<Settings> load_settings_file(const std::string& path);
/// Parses settings JSON text; `file` names it in errors.
Result<Settings> parse_settings(const std::string& text, const std::string& file);
/// Applies the keys present in `doc` over `base` and validates the result.
/// With `per_user`, keys only the administrator may set (mode, the PIN hash)
/// are refused.
Result<Settings> apply_settings(const nlohmann::json& doc, const std::string& file, Settings base,
                                bool per_user = false);
/// Checks values that depend on each other (and every range); `file` names
/// the settings file in errors.
Result<void> validate_settings(const Settings& s, const std::string& file);

/// The settings as the JSON document load_settings() reads.
nlohmann::json settings_to_json(const Settings& s);
/// Validates and writes the settings to `path` atomically (mode 0640, so the
/// kiosk account's group can read it); creates the folder when missing.
Result<void> save_settings(const Settings& s, const std::string& path);

/// The keys `relief admin set` accepts, in display order.
const std::vector<std::string>& settable_keys();
/// Sets one key from command-line text in a settings JSON document:
/// "clinic.name", "idle_timeout_seconds" (a number), "languages" (comma
/// separated), "printing_allowed" (true/false) …. Validation of the whole
/// document is left to apply_settings().
Result<void> set_setting_value(nlohmann::json& doc, const std::string& key, const std::string& value);

}  // namespace relief::model
