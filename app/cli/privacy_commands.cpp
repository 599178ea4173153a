#include "privacy_commands.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <sodium.h>

#include "exit_codes.hpp"
#include "relief/admin/secret.hpp"
#include "relief/audit/audit.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/model/facts.hpp"

namespace relief::cli {
namespace {

int report(const Error& e) {
  std::cerr << e.to_string() << "\n";
  return e.code == ErrorCode::BadInput || e.code == ErrorCode::NotFound || e.code == ErrorCode::Incompatible
             ? kExitBadInput
             : kExitFailure;
}

void audit(audit::Event e) {
  // Never fails the user's work; says so, without any personal data.
  if (auto r = audit::record(e); !r) std::cerr << "note: audit log not written: " << r.error().to_string() << "\n";
}

Result<model::FactDictionary> facts(const std::string& rules_dir) {
  return model::FactDictionary::load(rules_dir + "/facts.json");
}

// Reads a case and checks it like every other command before it is sealed
// or encrypted: nobody should carry a file the clinic cannot open.
Result<std::string> canonical_case_json(const std::string& rules_dir, const std::string& path) {
  auto dict = facts(rules_dir);
  if (!dict) return tl::unexpected(dict.error());
  auto c = model::load_case_file(path, *dict);
  if (!c) return tl::unexpected(c.error());
  return model::case_to_json(*c).dump(2) + "\n";
}

// Validates decrypted case JSON and writes it as a case file (atomically,
// 0600); refuses to replace an existing file.
int write_case(const std::string& rules_dir, std::string& json, const std::string& source, const std::string& out) {
  std::error_code ec;
  if (std::filesystem::exists(out, ec)) {
    sodium_memzero(json.data(), json.size());
    std::cerr << out << ": already exists; choose a new file name\n";
    return kExitBadInput;
  }
  auto dict = facts(rules_dir);
  if (!dict) return report(dict.error());
  auto c = model::parse_case(json, source, *dict);
  sodium_memzero(json.data(), json.size());
  if (!c) return report(c.error());
  if (auto r = model::save_case_file(*c, out); !r) return report(r.error());
  return kExitOk;
}

Result<crypto::SecretBuffer> read_passphrase(int fd, bool confirm) {
  crypto::SecretBuffer pass(crypto::kMaxPassphraseBytes);
  if (!pass.ok()) return fail(ErrorCode::Internal, "", "passphrase", "cannot allocate protected memory");
  if (auto r = admin::read_secret_line(fd, "Passphrase: ", pass); !r) {
    return fail(ErrorCode::BadInput, "", "passphrase", "no passphrase given (or longer than " +
                                                           std::to_string(crypto::kMaxPassphraseBytes) + " bytes)");
  }
  if (confirm && ::isatty(fd) == 1) {
    crypto::SecretBuffer again(crypto::kMaxPassphraseBytes);
    if (!admin::read_secret_line(fd, "Passphrase again: ", again) || !again.equals(pass)) {
      return fail(ErrorCode::BadInput, "", "passphrase", "the two passphrases differ");
    }
  }
  return pass;
}

}  // namespace

PrivacyCommands::PrivacyCommands(CLI::App& app, const std::string& rules_dir) : rules_dir_(rules_dir) {
  intake_ = app.add_subcommand("intake", "Sealed hand-off from a kiosk to the clinic");
  intake_->require_subcommand(1);
  seal_ = intake_->add_subcommand("seal", "Seal a case to the clinic's public key (the kiosk cannot read it back)");
  seal_->add_option("--case", case_file_, "Case file (relief.case/1 JSON)")->required();
  seal_->add_option("--clinic-key", key_file_, "The clinic's public key (relief-clinic.pub)")->required();
  seal_->add_option("--out", out_, "Folder to write <random>.reliefintake into (must exist)")->required();
  open_ = intake_->add_subcommand("open", "Open a sealed intake with the clinic's secret key");
  open_->add_option("--in", in_, "The .reliefintake file")->required();
  open_->add_option("--clinic-secret", key_file_, "The clinic's secret key (relief-clinic.key)")->required();
  open_->add_option("--out", out_, "Case file to write (must not exist)")->required();
  keygen_ = intake_->add_subcommand("keygen", "Make the clinic's key pair for sealed intakes");
  keygen_->add_option("--out", out_, "Folder for relief-clinic.pub and relief-clinic.key")->required();

  case_ = app.add_subcommand("case", "Encrypted case files to carry or archive");
  case_->require_subcommand(1);
  export_ = case_->add_subcommand("export", "Encrypt a case file under a passphrase read from standard input");
  export_->add_option("--case", case_file_, "Case file (relief.case/1 JSON)")->required();
  export_->add_option("--out", out_, "File to write (X.reliefcase)")->required();
  import_ = case_->add_subcommand("import", "Decrypt a .reliefcase file with its passphrase");
  import_->add_option("--in", in_, "The .reliefcase file")->required();
  import_->add_option("--out", out_, "Case file to write (must not exist)")->required();
  for (auto* sub : {export_, import_}) {
    sub->add_option("--passphrase-fd", passphrase_fd_, "Read the passphrase from this file descriptor (default 0)")
        ->check(CLI::NonNegativeNumber);
  }
}

bool PrivacyCommands::selected() const { return intake_->parsed() || case_->parsed(); }

int PrivacyCommands::run() {
  if (*seal_) return seal();
  if (*open_) return open();
  if (*keygen_) return keygen();
  if (*export_) return export_case();
  if (*import_) return import_case();
  return kExitBadInput;
}

int PrivacyCommands::seal() {
  auto key = crypto::load_clinic_public_key(key_file_);
  if (!key) return report(key.error());
  auto json = canonical_case_json(rules_dir_, case_file_);
  if (!json) return report(json.error());
  auto path = crypto::seal_intake(*json, *key, out_);
  sodium_memzero(json->data(), json->size());
  if (!path) return report(path.error());
  audit(audit::Event::IntakeSealed);
  std::cout << "wrote " << *path << " (sealed to the clinic; this computer cannot open it)\n";
  return kExitOk;
}

int PrivacyCommands::open() {
  auto secret = crypto::load_clinic_secret_key(key_file_);
  if (!secret) return report(secret.error());
  auto json = crypto::open_intake(in_, *secret);
  if (!json) return report(json.error());
  const int rc = write_case(rules_dir_, *json, in_, out_);
  if (rc == kExitOk) {
    audit(audit::Event::IntakeOpened);
    std::cout << "wrote " << out_ << "\n";
  }
  return rc;
}

int PrivacyCommands::keygen() {
  auto files = crypto::write_clinic_key_pair(out_);
  if (!files) return report(files.error());
  std::cout << "wrote " << files->public_file << " (copy it to every kiosk)\n"
            << "wrote " << files->secret_file << " (keep it secret, never on a kiosk)\n";
  return kExitOk;
}

int PrivacyCommands::export_case() {
  auto json = canonical_case_json(rules_dir_, case_file_);
  if (!json) return report(json.error());
  auto pass = read_passphrase(passphrase_fd_, true);
  if (!pass) {
    sodium_memzero(json->data(), json->size());
    return report(pass.error());
  }
  auto r = crypto::export_encrypted(*json, *pass, out_);
  sodium_memzero(json->data(), json->size());
  if (!r) return report(r.error());
  audit(audit::Event::CaseExported);
  std::cout << "wrote " << out_ << " (encrypted; the passphrase is needed to open it)\n";
  return kExitOk;
}

int PrivacyCommands::import_case() {
  auto pass = read_passphrase(passphrase_fd_, false);
  if (!pass) return report(pass.error());
  auto json = crypto::import_encrypted(in_, *pass);
  if (!json) return report(json.error());
  const int rc = write_case(rules_dir_, *json, in_, out_);
  if (rc == kExitOk) {
    audit(audit::Event::CaseImported);
    std::cout << "wrote " << out_ << "\n";
  }
  return rc;
}

}  // namespace relief::cli
