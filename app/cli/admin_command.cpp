#include "admin_command.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "relief/admin/keys.hpp"
#include "relief/admin/pack.hpp"
#include "relief/admin/secret.hpp"
#include "relief/model/settings.hpp"
#include "relief/rules/ruleset.hpp"
#include "relief/store/store.hpp"
#include "relief/util/atomic_file.hpp"
#include "relief/util/paths.hpp"

namespace relief::cli {
namespace {

using nlohmann::json;

int report(const Error& e) {
  std::cerr << e.to_string() << "\n";
  return e.code == ErrorCode::BadInput || e.code == ErrorCode::NotFound || e.code == ErrorCode::Incompatible
             ? kExitBadInput
             : kExitFailure;
}

json pack_json(const admin::InstalledPack& p) {
  json js = json::array();
  for (const auto& j : p.manifest.jurisdictions) {
    js.push_back({{"code", j.code}, {"name", j.name}, {"rules_version", j.rules_version}, {"reviewed", j.reviewed}});
  }
  return {{"version", p.manifest.pack_version},
          {"created", p.manifest.created},
          {"signer", p.signer},
          {"dir", p.dir},
          {"jurisdictions", js}};
}

void print_pack(const char* label, const admin::InstalledPack& p) {
  std::cout << label << p.manifest.pack_version << " (made " << p.manifest.created << ", signed by key " << p.signer
            << ")\n";
  for (const auto& j : p.manifest.jurisdictions) {
    std::cout << "    " << j.code << "  rules version " << j.rules_version << ", reviewed " << j.reviewed << "\n";
  }
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

AdminCommand::AdminCommand(CLI::App& app) {
  admin_ = app.add_subcommand("admin", "Administer this machine: settings, PIN, signed rule packs");
  admin_->require_subcommand(1);

  show_ = admin_->add_subcommand("show", "Show the settings in effect and the rule pack in use");
  show_->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));

  set_ = admin_->add_subcommand("set", "Change one setting (system-wide; --user for this user, attorney mode)");
  set_->add_option("key", key_, "Setting name (see `relief admin show`)")->required();
  set_->add_option("value", value_, "New value (lists are comma separated; true/false)")->required();
  set_->add_flag("--user", per_user_, "Change the per-user settings file instead (read in attorney mode only)");

  set_pin_ = admin_->add_subcommand("set-pin", "Set the administrator PIN (read from standard input, not echoed)");

  keygen_ = admin_->add_subcommand("keygen", "Make a key pair for signing rule packs");
  keygen_->add_option("--out", out_, "Folder for relief-pack.pub and relief-pack.key")->required();

  pack_ = admin_->add_subcommand("pack", "Build a signed rule pack from a rules folder and a forms folder");
  pack_->add_option("--rules", rules_dir_, "Rules folder (checked before packing)")->required();
  pack_->add_option("--forms", forms_dir_, "Forms folder")->required();
  pack_->add_option("--key", secret_key_, "Secret key file (relief-pack.key)")->required();
  pack_->add_option("--out", out_, "Pack file to write")->required();
  pack_->add_option("--pack-version", pack_version_, "Pack version (default: the UTC time, e.g. 20261129T153012Z)");

  install_ = admin_->add_subcommand("install-pack", "Verify a signed rule pack and make it the rules in use");
  install_->add_option("file", pack_file_, "Pack file")->required();
  install_->add_option("--trusted-keys", trusted_keys_,
                       "Folder of trusted public keys (default: $RELIEF_TRUSTED_KEYS_DIR or /etc/relief/trusted-keys)");
  install_->add_flag("--allow-older", allow_older_, "Install even if the pack is older than the one in use");

  rollback_ = admin_->add_subcommand("rollback", "Go back to the rule pack in use before the last change");

  purge_ = admin_->add_subcommand("purge", "Erase kept sessions and cases older than retention_days, and scrub them");
  purge_->add_option("--store", store_path_,
                     "Database to purge (default: the kiosk's kept sessions, $RELIEF_STATE_DIR/kept-sessions.db)");
  purge_->add_option("--days", purge_days_, "Erase what is older than this many days (default: retention_days)")
      ->check(CLI::Range(0, model::kMaxRetentionDays));
}

bool AdminCommand::selected() const { return admin_->parsed(); }

int AdminCommand::run() {
  if (auto r = admin::init_crypto(); !r) return report(r.error());
  if (show_->parsed()) return show();
  if (set_->parsed()) return set();
  if (set_pin_->parsed()) return set_pin();
  if (keygen_->parsed()) return keygen();
  if (pack_->parsed()) return pack();
  if (install_->parsed()) return install_pack();
  if (rollback_->parsed()) return rollback();
  if (purge_->parsed()) return purge();
  return kExitBadInput;
}

int AdminCommand::show() {
  auto s = model::load_settings();
  if (!s) return report(s.error());
  auto status = admin::pack_status(util::state_dir());
  if (!status) return report(status.error());
  const bool user_file_read = s->mode == model::Mode::Attorney && !model::user_settings_path().empty() &&
                              std::filesystem::exists(model::user_settings_path());
  if (format_ == "json") {
    json doc = model::settings_to_json(*s);
    doc.erase("admin_pin_hash");  // never printed, even hashed
    json out = {{"settings_file", model::settings_path()},
                {"user_settings_file", user_file_read ? json(model::user_settings_path()) : json(nullptr)},
                {"settings", doc},
                {"admin_pin_set", !s->admin_pin_hash.empty()},
                {"rules_dir", util::rules_dir()},
                {"forms_dir", util::forms_dir()},
                {"pack", status->current ? pack_json(*status->current) : json(nullptr)},
                {"previous_pack", status->previous ? pack_json(*status->previous) : json(nullptr)}};
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "Settings file: " << model::settings_path() << "\n";
  if (user_file_read) std::cout << "Per-user settings: " << model::user_settings_path() << "\n";
  std::cout << "  clinic.name           " << s->clinic.name << "\n"
            << "  clinic.address        " << s->clinic.address << "\n"
            << "  clinic.phone          " << s->clinic.phone << "\n"
            << "  clinic.website        " << s->clinic.website << "\n"
            << "  window_title          " << s->window_title << "\n";
  std::string langs;
  for (const auto& l : s->languages) langs += (langs.empty() ? "" : ",") + l;
  std::cout << "  languages             " << langs << "\n"
            << "  default_jurisdiction  " << s->default_jurisdiction << "\n"
            << "  mode                  " << model::mode_name(s->mode) << "\n"
            << "  idle_timeout_seconds  " << s->idle_timeout_seconds << "\n"
            << "  storage_policy        " << model::storage_policy_name(s->storage_policy) << "\n"
            << "  retention_days        " << s->retention_days << "\n"
            << "  printing_allowed      " << (s->printing_allowed ? "true" : "false") << "\n"
            << "  usb_allowed           " << (s->usb_allowed ? "true" : "false") << "\n"
            << "  max_pin_failures      " << s->max_pin_failures << "\n"
            << "  intake_folder         " << s->intake_folder << "\n"
            << "  documents_folder      " << s->documents_folder << "\n"
            << "Administrator PIN set: " << yes_no(!s->admin_pin_hash.empty()) << "\n";
  if (status->current) {
    print_pack("Rule pack in use: ", *status->current);
  } else {
    std::cout << "Rule pack in use: none (the rules installed with the program)\n";
  }
  if (status->previous) print_pack("Previous rule pack: ", *status->previous);
  std::cout << "Rules folder: " << util::rules_dir() << "\n";
  return kExitOk;
}

int AdminCommand::set() {
  namespace fs = std::filesystem;
  const std::string path = per_user_ ? model::user_settings_path() : model::settings_path();
  if (path.empty()) {
    std::cerr << "--user: neither XDG_CONFIG_HOME nor HOME is set, so there is no per-user settings file\n";
    return kExitBadInput;
  }
  json doc = json::object();
  if (fs::exists(path)) {
    auto text = util::read_file(path, 1024 * 1024);
    if (!text) return report(text.error());
    try {
      doc = json::parse(*text);
    } catch (const json::exception& e) {
      std::cerr << path << ": $: not valid JSON (fix or remove the file first): " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  if (auto r = model::set_setting_value(doc, key_, value_); !r) {
    Error e = r.error();
    e.file = path;
    return report(e);
  }
  if (key_ == "default_jurisdiction") {
    // A jurisdiction with no rules would stop the wizard from starting.
    std::vector<rules::Issue> issues;
    auto lib = rules::load_library(util::rules_dir(), issues);
    if (lib && !lib->find(value_)) {
      std::cerr << path << ": $.default_jurisdiction: no rules for \"" << value_
                << "\" (see `relief jurisdictions`)\n";
      return kExitBadInput;
    }
  }
  if (per_user_) {
    auto system = model::load_settings_file(model::settings_path());
    if (!system) return report(system.error());
    auto merged = model::apply_settings(doc, path, *system, true);
    if (!merged) return report(merged.error());
    fs::create_directories(fs::path(path).parent_path());
    if (auto r = util::write_file_atomically(path, doc.dump(2) + "\n"); !r) return report(r.error());
    std::cout << "Set " << key_ << " in " << path << "\n";
    if (system->mode != model::Mode::Attorney) {
      std::cout << "Note: per-user settings are read only in attorney mode; this machine is in "
                << model::mode_name(system->mode) << " mode.\n";
    }
    return kExitOk;
  }
  auto s = model::apply_settings(doc, path, model::Settings{});
  if (!s) return report(s.error());
  if (auto r = model::save_settings(*s, path); !r) return report(r.error());
  std::cout << "Set " << key_ << " in " << path << "\n";
  return kExitOk;
}

int AdminCommand::set_pin() {
  const std::string path = model::settings_path();
  auto s = model::load_settings_file(path);
  if (!s) return report(s.error());
  admin::SecretBuffer pin(admin::kMaxPinBytes);
  if (!pin.ok()) return report(Error{ErrorCode::Internal, "", "", "cannot allocate protected memory"});
  if (auto r = admin::read_secret_line(STDIN_FILENO, "New administrator PIN: ", pin); !r) return report(r.error());
  if (auto r = admin::check_new_pin(pin); !r) return report(r.error());
  if (::isatty(STDIN_FILENO) == 1) {
    admin::SecretBuffer again(admin::kMaxPinBytes);
    if (auto r = admin::read_secret_line(STDIN_FILENO, "Repeat the PIN: ", again); !r) return report(r.error());
    if (!pin.equals(again)) {
      std::cerr << "PIN: the two PINs differ; nothing was changed\n";
      return kExitBadInput;
    }
  }
  auto hash = admin::hash_pin(pin);
  pin.clear();
  if (!hash) return report(hash.error());
  s->admin_pin_hash = *hash;
  if (auto r = model::save_settings(*s, path); !r) return report(r.error());
  std::cout << "Administrator PIN set in " << path << "\n";
  return kExitOk;
}

int AdminCommand::keygen() {
  auto files = admin::generate_key_pair(out_);
  if (!files) return report(files.error());
  std::cout << "Public key:  " << files->public_file << "  (fingerprint " << files->fingerprint << ")\n"
            << "Secret key:  " << files->secret_file << "  (keep it on the administrator's machine only)\n"
            << "On every machine that installs your packs:\n"
            << "  sudo install -D -m 0644 " << files->public_file << " /etc/relief/trusted-keys/"
            << std::filesystem::path(files->public_file).filename().string() << "\n";
  return kExitOk;
}

int AdminCommand::pack() {
  admin::BuildPackOptions opts{rules_dir_, forms_dir_, secret_key_, out_, pack_version_, true};
  auto m = admin::build_pack(opts);
  if (!m) return report(m.error());
  std::cout << "Wrote rule pack " << m->pack_version << " to " << out_ << " (" << m->files.size() << " files)\n";
  for (const auto& j : m->jurisdictions) {
    std::cout << "    " << j.code << "  rules version " << j.rules_version << ", reviewed " << j.reviewed << "\n";
  }
  return kExitOk;
}

int AdminCommand::install_pack() {
  admin::InstallOptions opts{util::state_dir(), trusted_keys_.empty() ? admin::trusted_keys_dir() : trusted_keys_,
                             allow_older_};
  auto p = admin::install_pack(pack_file_, opts);
  if (!p) return report(p.error());
  print_pack("Installed rule pack ", *p);
  std::cout << "The rules in use are now in " << p->dir << "/rules\n";
  return kExitOk;
}

int AdminCommand::rollback() {
  auto status = admin::rollback_pack(util::state_dir());
  if (!status) return report(status.error());
  if (status->current) {
    print_pack("Rolled back. Rule pack in use: ", *status->current);
  } else {
    std::cout << "Rolled back. Rule pack in use: none (the rules installed with the program)\n";
  }
  std::cout << "Run `relief admin rollback` again to undo this.\n";
  return kExitOk;
}

int AdminCommand::purge() {
  auto s = model::load_settings();
  if (!s) return report(s.error());
  const int days = purge_days_ >= 0 ? purge_days_ : s->retention_days;
  const std::string path = store_path_.empty() ? store::kept_sessions_path() : store_path_;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    // Nothing was ever kept here; making an empty database would only
    // leave a trace of its own.
    std::cout << "Purged 0 kept sessions or cases older than " << days << " days (no database at " << path
              << ")\n";
    return kExitOk;
  }
  store::OpenOptions opts;
  opts.max_pin_failures = s->max_pin_failures;
  // Deleting needs no passphrase: rows go whole, encrypted or not.
  auto st = store::Store::open_kiosk(path, opts);
  if (!st) return report(st.error());
  auto removed = st->purge_older_than(days);
  if (!removed) return report(removed.error());
  std::cout << "Purged " << *removed << " kept sessions or cases older than " << days << " days from " << path
            << "\n";
  return kExitOk;
}

}  // namespace relief::cli
