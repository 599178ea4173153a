#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "relief/crypto/crypto.hpp"
#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/model/facts.hpp"

namespace SQLite {
class Database;
}

namespace relief::store {

/// The schema version this build writes (PRAGMA user_version). Version 2
/// keeps case JSON only encrypted; version-1 databases are migrated on the
/// first open with a passphrase (their plaintext rows are encrypted, then
/// scrubbed from the file).
inline constexpr int kSchemaVersion = 2;
/// Wrong PIN tries after which a kept kiosk session is erased.
inline constexpr int kDefaultMaxPinFailures = 5;
/// The fewest bytes a kiosk PIN may have.
inline constexpr std::size_t kMinPinBytes = 4;

/// Where a kiosk keeps the sessions people chose to keep:
/// $RELIEF_STATE_DIR/kept-sessions.db (default /var/lib/relief).
std::string kept_sessions_path();

/// A saved case as listed: no names, so lists can be shown safely.
struct CaseSummary {
  std::int64_t id = 0;
  std::string jurisdiction;
  int records = 0;
  std::string updated;  ///< UTC "YYYY-MM-DD HH:MM:SS"
};

/// How to open a store.
struct OpenOptions {
  /// Move a damaged database aside (as `<path>.corrupt-<UTC time>`) and start
  /// an empty one, instead of refusing to open. Never deletes anything.
  bool keep_corrupt_aside = false;
  /// Wrong PIN tries before a kept session is erased (the kiosk setting).
  int max_pin_failures = kDefaultMaxPinFailures;
  /// Argon2id cost for a new database's passphrase key; existing databases
  /// keep the cost they were created with.
  crypto::KdfCost passphrase_cost = crypto::KdfCost::moderate();
  /// Argon2id cost for kiosk session PINs.
  crypto::KdfCost pin_cost = crypto::KdfCost::interactive();
};

/// The SQLite case store: versioned schema, forward-only migrations, case
/// JSON encrypted (XChaCha20-Poly1305) before it reaches SQLite.
class Store {
 public:
  /// Opens or creates the attorney's database under `passphrase`. A wrong
  /// passphrase gives ErrorCode::BadInput and changes nothing; a database
  /// from a newer Relief gives ErrorCode::Incompatible, untouched; a damaged
  /// one gives ErrorCode::Corrupt, untouched, unless `keep_corrupt_aside`.
  static Result<Store> open(const std::string& path, const crypto::SecretBuffer& passphrase,
                            const OpenOptions& opts = {});
  /// Opens or creates a kiosk's database: only kept sessions (each under
  /// its own PIN) are available; case functions give an error.
  static Result<Store> open_kiosk(const std::string& path, const OpenOptions& opts = {});
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// Saves a new case (id 0) or replaces case `id`; returns its id.
  Result<std::int64_t> save(const model::Case& c, std::int64_t id = 0);
  /// Loads case `id`, validating it like a case file.
  Result<model::Case> load(std::int64_t id, const model::FactDictionary& dict);
  /// Lists saved cases, newest first.
  Result<std::vector<CaseSummary>> list();
  /// Deletes case `id` and scrubs it from free pages and the WAL.
  Result<void> erase(std::int64_t id);
  /// Deletes every case and kept session last changed more than `days` days
  /// ago, then scrubs; returns how many were removed.
  Result<int> purge_older_than(int days);

  /// Keeps a kiosk session encrypted under `pin` (at least kMinPinBytes);
  /// returns the session code (e.g. "K7QH-3MZP-XW4T") the person writes down.
  Result<std::string> save_session(const model::Case& c, const crypto::SecretBuffer& pin);
  /// Resumes a kept session. A wrong PIN counts a failure; at
  /// max_pin_failures the session is erased and scrubbed
  /// (ErrorCode::NotFound from then on).
  Result<model::Case> resume_session(const std::string& code, const crypto::SecretBuffer& pin,
                                     const model::FactDictionary& dict);
  /// Erases a kept session (e.g. once resumed and finished) and scrubs it.
  Result<void> erase_session(const std::string& code);

  /// The schema version of the open database.
  int schema_version() const;
  /// Where a damaged database was moved to during open(); empty when none.
  const std::string& moved_aside() const { return moved_aside_; }

 private:
  Store(std::unique_ptr<SQLite::Database> db, OpenOptions opts);
  static Result<Store> open_impl(const std::string& path, const crypto::SecretBuffer* passphrase,
                                 const OpenOptions& opts);
  Result<void> scrub();
  std::unique_ptr<SQLite::Database> db_;
  OpenOptions opts_;
  std::optional<crypto::SecretBuffer> key_;
  std::string moved_aside_;
};

}  // namespace relief::store
