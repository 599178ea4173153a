#pragma once
#include <optional>
#include <string>
#include <vector>

#include "relief/error.hpp"

namespace relief::admin {

/// One jurisdiction's rules inside a pack, as its manifest lists them.
struct PackJurisdiction {
  std::string code;           ///< "NY"
  std::string name;           ///< "New York"
  std::string rules_version;  ///< the rules file's `version`
  std::string reviewed;       ///< the rules file's `reviewed` date, YYYY-MM-DD
};

/// One file inside a pack.
struct PackFile {
  std::string path;    ///< "rules/ny/rules.json" or "forms/…"
  std::size_t size = 0;
  std::string sha256;  ///< lower-case hex
};

/// The signed part of a rule pack.
struct PackManifest {
  std::string pack_version;  ///< names the install folder; letters, digits, '.', '-', '_'
  std::string created;       ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
  std::vector<PackJurisdiction> jurisdictions;
  std::vector<PackFile> files;
};

/// What `relief admin pack` needs.
struct BuildPackOptions {
  std::string rules_dir;
  std::string forms_dir;
  std::string secret_key_file;
  std::string out_file;
  std::string pack_version;  ///< empty: the UTC time, e.g. "20261129T153012Z"
  /// Refuse to build when the rules do not load. Off only in tests that need
  /// a validly signed pack of bad rules.
  bool check_rules = true;
};

/// Builds a signed pack from a rules folder and a forms folder and writes it
/// atomically to `out_file`. Returns its manifest.
Result<PackManifest> build_pack(const BuildPackOptions& opts);

/// Where packs are installed and which keys are trusted.
struct InstallOptions {
  std::string state_dir;         ///< usually util::state_dir()
  std::string trusted_keys_dir;  ///< usually trusted_keys_dir()
  bool allow_older = false;      ///< install a pack created before the one in use
};

/// An installed pack.
struct InstalledPack {
  std::string dir;          ///< <state>/packs/<version>
  std::string signer;       ///< fingerprint of the key that signed it
  PackManifest manifest;
};

/// Verifies a pack file (signature by a trusted key, every file's hash, safe
/// paths, every rules file loading) and installs it atomically as the pack
/// in use, keeping the one it replaces for rollback_pack(). Refuses anything
/// unsigned, changed after signing, signed by an untrusted key or invalid;
/// on refusal the pack in use is untouched.
Result<InstalledPack> install_pack(const std::string& pack_file, const InstallOptions& opts);

/// Which packs are installed.
struct PackStatus {
  std::optional<InstalledPack> current;   ///< the pack whose rules are in use
  std::optional<InstalledPack> previous;  ///< what rollback_pack() goes back to
};

/// Reads <state>/packs: the pack in use and the previous one (none when the
/// packaged rules are in use).
Result<PackStatus> pack_status(const std::string& state_dir);

/// Swaps the pack in use with the previous one (which may be "none": the
/// packaged rules). Rolling back twice restores the newer pack. An error
/// when no pack was ever installed.
Result<PackStatus> rollback_pack(const std::string& state_dir);

}  // namespace relief::admin
