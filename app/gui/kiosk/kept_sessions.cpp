#include "kiosk/kept_sessions.hpp"

#include <filesystem>
#include <map>

#include "relief/admin/secret.hpp"
#include "relief/audit/audit.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/store/store.hpp"
#include "wizard_state.hpp"

namespace relief::gui::kiosk {

namespace fs = std::filesystem;

namespace {

Result<store::Store> open_store(const model::Settings& s) {
  const std::string path = store::kept_sessions_path();
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  store::OpenOptions opts;
  opts.max_pin_failures = s.max_pin_failures;
  return store::Store::open_kiosk(path, opts);
}

// Counts UTF-8 characters, not bytes: "ñ" is one thing the person typed.
std::size_t utf8_chars(const crypto::SecretBuffer& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if ((static_cast<unsigned char>(b.data()[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

void note(audit::Event e, const std::string& reason, int count) {
  std::map<std::string, std::string> details;
  if (!reason.empty()) details["reason"] = reason;
  if (count >= 0) details["count"] = std::to_string(count);
  (void)audit::record(e, details);
}

bool keep_allowed(const model::Settings& s) { return s.storage_policy == model::StoragePolicy::KeepByChoice; }

std::string pin_problem(const crypto::SecretBuffer& pin, const crypto::SecretBuffer& again) {
  if (utf8_chars(pin) < kMinKeepPinChars) return "too_short";
  if (pin.size() > crypto::kMaxPassphraseBytes) return "too_long";
  if (!pin.equals(again)) return "differ";
  return {};
}

Result<std::string> keep_session(const WizardState& state, const crypto::SecretBuffer& pin) {
  if (!keep_allowed(state.settings())) {
    return fail(ErrorCode::BadInput, "", "keep", "this computer is set up to keep nothing");
  }
  auto s = open_store(state.settings());
  if (!s) return tl::unexpected(s.error());
  return s->save_session(state.case_data(), pin);
}

Result<void> resume_session(WizardState& state, const std::string& code, const crypto::SecretBuffer& pin) {
  if (!keep_allowed(state.settings())) {
    return fail(ErrorCode::BadInput, "", "resume", "this computer is set up to keep nothing");
  }
  std::error_code ec;
  if (!fs::exists(store::kept_sessions_path(), ec)) {
    return fail(ErrorCode::NotFound, "", "resume", "no kept session with this code");
  }
  auto s = open_store(state.settings());
  if (!s) return tl::unexpected(s.error());
  auto c = s->resume_session(code, pin, state.library().facts);
  if (!c) return tl::unexpected(c.error());
  if (!state.load_case(std::move(*c))) {
    return fail(ErrorCode::Incompatible, "", "resume", "the kept session is for a state whose rules are not here");
  }
  return {};
}

std::string clinic_public_key_path() {
  return (fs::path(model::settings_path()).parent_path() / "relief-clinic.pub").string();
}

bool send_available(const model::Settings& s) {
  if (s.intake_folder.empty()) return false;
  std::error_code ec;
  if (!fs::is_directory(s.intake_folder, ec)) return false;
  return static_cast<bool>(crypto::load_clinic_public_key(clinic_public_key_path()));
}

Result<std::string> send_to_clinic(const WizardState& state) {
  const model::Settings& s = state.settings();
  if (s.intake_folder.empty()) return fail(ErrorCode::BadInput, "", "intake_folder", "no intake folder is set");
  auto key = crypto::load_clinic_public_key(clinic_public_key_path());
  if (!key) return tl::unexpected(key.error());
  std::string json = model::case_to_json(state.case_data()).dump(2) + "\n";
  auto path = crypto::seal_intake(json, *key, s.intake_folder);
  admin::wipe_memory(json.data(), json.size());
  if (!path) return tl::unexpected(path.error());
  note(audit::Event::IntakeSealed);
  return path;
}

}  // namespace relief::gui::kiosk
