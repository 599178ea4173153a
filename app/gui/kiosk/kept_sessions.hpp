#pragma once
#include <string>

#include "relief/audit/audit.hpp"
#include "relief/crypto/crypto.hpp"
#include "relief/error.hpp"
#include "relief/model/settings.hpp"

namespace relief::gui {
class WizardState;
}

namespace relief::gui::kiosk {

/// The fewest characters of a PIN the person chooses to keep a session.
inline constexpr std::size_t kMinKeepPinChars = 6;

/// True when the administrator lets people keep a session under a PIN
/// (storage policy keep_by_choice).
bool keep_allowed(const model::Settings& s);

/// Why a chosen PIN cannot be used, in plain words; empty when it can.
/// `again` is the PIN typed a second time.
std::string pin_problem(const crypto::SecretBuffer& pin, const crypto::SecretBuffer& again);

/// Keeps the session's case in the kiosk store (store::kept_sessions_path()),
/// encrypted under `pin`; returns the code the person writes down.
Result<std::string> keep_session(const WizardState& state, const crypto::SecretBuffer& pin);

/// Brings a kept session back into `state`. Any failure (unknown code, wrong
/// PIN, erased after too many wrong PINs) leaves `state` as it was.
Result<void> resume_session(WizardState& state, const std::string& code, const crypto::SecretBuffer& pin);

/// Where a kiosk looks for the clinic's public key: relief-clinic.pub beside
/// the settings file (/etc/relief/relief-clinic.pub).
std::string clinic_public_key_path();

/// True when "Send my answers to the clinic's lawyers" can work: an intake
/// folder is set and exists, and the clinic's public key reads.
bool send_available(const model::Settings& s);

/// Seals the session's case to the clinic's public key and writes it into
/// the intake folder; returns the file written. This computer cannot open it.
Result<std::string> send_to_clinic(const WizardState& state);

/// Appends an event to the audit log; a log that cannot be written never
/// stops the person's work. `reason` is a short token ("quick_exit") or "".
void note(audit::Event e, const std::string& reason = {}, int count = -1);

}  // namespace relief::gui::kiosk
