#include "relief/store/store.hpp"

#include <cctype>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include "relief/audit/audit.hpp"
#include "relief/model/case_io.hpp"
#include "relief/util/paths.hpp"

namespace relief::store {
namespace {

namespace fs = std::filesystem;
using crypto::SecretBuffer;

constexpr std::string_view kCaseContext = "relief.store.case/1";
constexpr std::string_view kSessionContext = "relief.store.session/1";
constexpr std::string_view kKeyCheckContext = "relief.store.key-check/1";
constexpr std::string_view kKeyCheckText = "relief store key check";

// A migration takes the schema from version i to i + 1 inside the caller's
// transaction. `key` is the case key, or null for a kiosk open. Never edit a
// released entry; append a new one.
using Migration = std::function<Result<void>(SQLite::Database&, const SecretBuffer* key)>;

Result<void> migrate_to_1(SQLite::Database& db, const SecretBuffer*) {
  db.exec(R"sql(
      CREATE TABLE cases (
        id           INTEGER PRIMARY KEY,
        jurisdiction TEXT    NOT NULL,
        records      INTEGER NOT NULL,
        case_json    TEXT    NOT NULL,
        created      TEXT    NOT NULL DEFAULT (datetime('now')),
        updated      TEXT    NOT NULL DEFAULT (datetime('now'))
      );
    )sql");
  return {};
}

// Version 2: case JSON only as ciphertext; the key's salt and check in meta;
// kept kiosk sessions. Plaintext version-1 rows are encrypted here; the
// caller scrubs the old pages afterwards.
Result<void> migrate_to_2(SQLite::Database& db, const SecretBuffer* key) {
  const int rows = db.execAndGet("SELECT count(*) FROM cases").getInt();
  if (rows > 0 && !key) {
    return fail(ErrorCode::Incompatible, db.getFilename(), "migrate to schema 2",
                "this database holds unencrypted cases from an older Relief; open it once with the passphrase "
                "(attorney workstation) to encrypt them. The database was not changed.");
  }
  db.exec(R"sql(
      CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE cases_v2 (
        id           INTEGER PRIMARY KEY,
        jurisdiction TEXT    NOT NULL,
        records      INTEGER NOT NULL,
        sealed       BLOB    NOT NULL,
        created      TEXT    NOT NULL DEFAULT (datetime('now')),
        updated      TEXT    NOT NULL DEFAULT (datetime('now'))
      );
      CREATE TABLE sessions (
        code_hash BLOB    PRIMARY KEY,
        salt      BLOB    NOT NULL,
        kdf_ops   INTEGER NOT NULL,
        kdf_mem   INTEGER NOT NULL,
        sealed    BLOB    NOT NULL,
        failures  INTEGER NOT NULL DEFAULT 0,
        created   TEXT    NOT NULL DEFAULT (datetime('now'))
      );
    )sql");
  SQLite::Statement q(db, "SELECT id, jurisdiction, records, case_json, created, updated FROM cases");
  SQLite::Statement ins(db, "INSERT INTO cases_v2 (id, jurisdiction, records, sealed, created, updated) VALUES (?,?,?,?,?,?)");
  while (q.executeStep()) {
    auto sealed = crypto::seal(*key, q.getColumn(3).getString(), kCaseContext);
    if (!sealed) return tl::unexpected(sealed.error());
    ins.bind(1, q.getColumn(0).getInt64());
    ins.bind(2, q.getColumn(1).getString());
    ins.bind(3, q.getColumn(2).getInt());
    ins.bind(4, sealed->data(), static_cast<int>(sealed->size()));
    ins.bind(5, q.getColumn(4).getString());
    ins.bind(6, q.getColumn(5).getString());
    ins.exec();
    ins.reset();
  }
  q.reset();
  db.exec("DROP TABLE cases");
  db.exec("ALTER TABLE cases_v2 RENAME TO cases");
  return {};
}

const std::vector<Migration> kMigrations = {migrate_to_1, migrate_to_2};
static_assert(kSchemaVersion == 2);

tl::unexpected<Error> sql_error(const std::string& file, const std::string& step, const std::exception& e,
                                ErrorCode code = ErrorCode::Io) {
  return fail(code, file, step, e.what());
}

std::string blob(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

std::string utc_stamp() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// Moves a damaged database (and its WAL and shared-memory files) aside under
// a new name. Never deletes: the clinic may need what is in it.
Result<std::string> move_aside(const std::string& path) {
  std::string aside = path + ".corrupt-" + utc_stamp();
  std::error_code ec;
  for (int i = 1; fs::exists(aside, ec); ++i) aside = path + ".corrupt-" + utc_stamp() + "-" + std::to_string(i);
  fs::rename(path, aside, ec);
  if (ec) return fail(ErrorCode::Io, path, "move aside", "cannot move the damaged database aside: " + ec.message());
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    if (fs::exists(path + suffix, ec)) fs::rename(path + suffix, aside + suffix, ec);
  }
  return aside;
}

struct KeyMaterial {
  std::string salt;
  crypto::KdfCost cost;
  std::string check;
};

std::optional<KeyMaterial> read_key_material(SQLite::Database& db) {
  if (db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'").getInt() == 0) {
    return std::nullopt;
  }
  KeyMaterial m;
  int found = 0;
  SQLite::Statement q(db, "SELECT key, value FROM meta WHERE key IN ('kdf_salt','kdf_ops','kdf_mem','key_check')");
  while (q.executeStep()) {
    const std::string k = q.getColumn(0).getString();
    ++found;
    if (k == "kdf_salt") m.salt = blob(q.getColumn(1));
    if (k == "kdf_ops") m.cost.ops = static_cast<std::uint64_t>(q.getColumn(1).getInt64());
    if (k == "kdf_mem") m.cost.mem = static_cast<std::size_t>(q.getColumn(1).getInt64());
    if (k == "key_check") m.check = blob(q.getColumn(1));
  }
  if (found == 0) return std::nullopt;
  return m;
}

// Session codes are typed by a person: case, spaces and dashes do not matter.
std::string normalize_code(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string code_hash(const std::string& normalized) {
  std::string h(crypto_generichash_BYTES, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(h.data()), h.size(),
                     reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(), nullptr, 0);
  return h;
}

// The session key comes from the PIN and the code together, so a stolen
// database must be guessed over both, not over a 4-digit PIN alone.
Result<SecretBuffer> session_key(const SecretBuffer& pin, const std::string& normalized, std::string_view salt,
                                 const crypto::KdfCost& cost) {
  SecretBuffer input(pin.size() + 1 + normalized.size());
  if (!input.ok()) return fail(ErrorCode::Internal, "", "session key", "cannot allocate protected memory");
  std::memcpy(input.data(), pin.data(), pin.size());
  input.data()[pin.size()] = 0;
  std::memcpy(input.data() + pin.size() + 1, normalized.data(), normalized.size());
  input.resize(input.capacity());
  return crypto::derive_key(input, salt, cost);
}

void audit_quietly(audit::Event e, const std::map<std::string, std::string>& details = {}) {
  // The audit log must never stop a survivor's work; a failure is dropped.
  (void)audit::record(e, details);
}

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, OpenOptions opts) : db_(std::move(db)), opts_(opts) {}
Store::Store(Store&&) noexcept = default;
std::string kept_sessions_path() { return util::state_dir() + "/kept-sessions.db"; }

Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path, const SecretBuffer& passphrase, const OpenOptions& opts) {
  if (passphrase.size() == 0) return fail(ErrorCode::BadInput, path, "passphrase", "a passphrase is needed");
  return open_impl(path, &passphrase, opts);
}

Result<Store> Store::open_kiosk(const std::string& path, const OpenOptions& opts) { return open_impl(path, nullptr, opts); }

Result<Store> Store::open_impl(const std::string& path, const SecretBuffer* passphrase, const OpenOptions& opts) {
  if (auto r = crypto::init(); !r) return tl::unexpected(r.error());
  std::error_code ec;
  bool existed = fs::exists(path, ec);
  std::optional<SecretBuffer> key;
  std::optional<KeyMaterial> new_key;
  std::string moved;
  if (existed) {
    // Look before touching: a read-only open changes nothing, so a newer,
    // damaged or wrongly unlocked database is left exactly as it was.
    std::optional<Error> corrupt;
    try {
      SQLite::Database ro(path, SQLite::OPEN_READONLY);
      const int version = ro.execAndGet("PRAGMA user_version").getInt();
      if (version > kSchemaVersion) {
        return fail(ErrorCode::Incompatible, path, "PRAGMA user_version",
                    "this database was written by a newer version of Relief (schema " + std::to_string(version) +
                        "; this version reads up to " + std::to_string(kSchemaVersion) +
                        "). Update Relief; the database was not changed.");
      }
      const std::string check = ro.execAndGet("PRAGMA integrity_check").getString();
      if (check != "ok") {
        corrupt = Error{ErrorCode::Corrupt, path, "PRAGMA integrity_check", "the database is damaged (" + check + ")"};
      } else if (passphrase) {
        if (auto m = read_key_material(ro); m && !m->check.empty()) {
          auto k = crypto::derive_key(*passphrase, m->salt, m->cost);
          if (!k) return fail(k.error().code, path, "unlock", k.error().message);
          if (!crypto::open(*k, m->check, kKeyCheckContext)) {
            return fail(ErrorCode::BadInput, path, "unlock", "wrong passphrase; nothing was read or changed");
          }
          key = std::move(*k);
        }
      }
    } catch (const SQLite::Exception& e) {
      corrupt = Error{ErrorCode::Corrupt, path, "open", std::string("not a readable Relief database (") + e.what() + ")"};
    }
    if (corrupt) {
      if (!opts.keep_corrupt_aside) {
        corrupt->message += "; it was not changed";
        return tl::unexpected(*corrupt);
      }
      auto aside = move_aside(path);
      if (!aside) return tl::unexpected(aside.error());
      moved = *aside;
      existed = false;
      audit_quietly(audit::Event::StoreRecovered);
    }
  }
  if (passphrase && !key) {
    KeyMaterial m{crypto::random_bytes(crypto::kSaltBytes), opts.passphrase_cost, {}};
    auto k = crypto::derive_key(*passphrase, m.salt, m.cost);
    if (!k) return fail(k.error().code, path, "create key", k.error().message);
    auto check = crypto::seal(*k, kKeyCheckText, kKeyCheckContext);
    if (!check) return tl::unexpected(check.error());
    m.check = *check;
    key = std::move(*k);
    new_key = std::move(m);
  }
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    if (!existed) fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, ec);
    // secure_delete: erased rows are overwritten, not left in free pages.
    // synchronous=FULL: a saved answer survives a power cut.
    db->exec("PRAGMA secure_delete = ON");
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    const int start = db->execAndGet("PRAGMA user_version").getInt();
    bool had_plaintext = false;
    {
      SQLite::Transaction tx(*db);
      int version = start;
      if (version == 1) had_plaintext = db->execAndGet("SELECT count(*) FROM cases").getInt() > 0;
      while (version < kSchemaVersion) {
        if (auto r = kMigrations.at(static_cast<size_t>(version))(*db, key ? &*key : nullptr); !r) {
          return tl::unexpected(r.error());  // the transaction rolls back
        }
        ++version;
        db->exec("PRAGMA user_version = " + std::to_string(version));
      }
      if (new_key) {
        SQLite::Statement ins(*db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
        auto put = [&](const char* k, const std::string& v) {
          ins.bind(1, k);
          ins.bind(2, v.data(), static_cast<int>(v.size()));
          ins.exec();
          ins.reset();
        };
        put("kdf_salt", new_key->salt);
        put("key_check", new_key->check);
        SQLite::Statement num(*db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
        num.bind(1, "kdf_ops");
        num.bind(2, static_cast<int64_t>(new_key->cost.ops));
        num.exec();
        num.reset();
        num.bind(1, "kdf_mem");
        num.bind(2, static_cast<int64_t>(new_key->cost.mem));
        num.exec();
      }
      tx.commit();
    }
    Store s(std::move(db), opts);
    if (key) s.key_ = std::move(*key);
    s.moved_aside_ = moved;
    if (had_plaintext) {
      // The version-1 plaintext must not survive in free pages or the WAL.
      if (auto r = s.scrub(); !r) return tl::unexpected(r.error());
    }
    return s;
  } catch (const SQLite::Exception& e) {
    return sql_error(path, "open", e);
  } catch (const fs::filesystem_error& e) {
    return sql_error(path, "open", e);
  }
}

int Store::schema_version() const { return db_->execAndGet("PRAGMA user_version").getInt(); }

Result<void> Store::scrub() {
  try {
    db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db_->exec("VACUUM");
    db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return {};
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "scrub", e);
  }
}

Result<std::int64_t> Store::save(const model::Case& c, std::int64_t id) {
  if (!key_) return fail(ErrorCode::BadInput, db_->getFilename(), "save", "cases need the passphrase (kiosk open)");
  auto sealed = crypto::seal(*key_, model::case_to_json(c).dump(), kCaseContext);
  if (!sealed) return tl::unexpected(sealed.error());
  try {
    SQLite::Transaction tx(*db_);
    if (id == 0) {
      SQLite::Statement ins(*db_, "INSERT INTO cases (jurisdiction, records, sealed) VALUES (?, ?, ?)");
      ins.bind(1, c.jurisdiction);
      ins.bind(2, static_cast<int>(c.records.size()));
      ins.bind(3, sealed->data(), static_cast<int>(sealed->size()));
      ins.exec();
      id = db_->getLastInsertRowid();
    } else {
      SQLite::Statement up(*db_,
                           "UPDATE cases SET jurisdiction = ?, records = ?, sealed = ?, updated = datetime('now') "
                           "WHERE id = ?");
      up.bind(1, c.jurisdiction);
      up.bind(2, static_cast<int>(c.records.size()));
      up.bind(3, sealed->data(), static_cast<int>(sealed->size()));
      up.bind(4, static_cast<int64_t>(id));
      if (up.exec() == 0) return fail(ErrorCode::NotFound, db_->getFilename(), "save", "no saved case " + std::to_string(id));
    }
    tx.commit();
    return id;
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "save", e);
  }
}

Result<model::Case> Store::load(std::int64_t id, const model::FactDictionary& dict) {
  if (!key_) return fail(ErrorCode::BadInput, db_->getFilename(), "load", "cases need the passphrase (kiosk open)");
  const std::string where = db_->getFilename() + "#" + std::to_string(id);
  std::string sealed;
  try {
    SQLite::Statement q(*db_, "SELECT sealed FROM cases WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return fail(ErrorCode::NotFound, db_->getFilename(), "load", "no saved case " + std::to_string(id));
    sealed = blob(q.getColumn(0));
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "load", e);
  }
  auto json = crypto::open(*key_, sealed, kCaseContext);
  if (!json) return fail(ErrorCode::Corrupt, where, "decrypt", "the saved case cannot be decrypted (damaged)");
  auto c = model::parse_case(*json, where, dict);
  sodium_memzero(json->data(), json->size());
  return c;
}

Result<std::vector<CaseSummary>> Store::list() {
  try {
    std::vector<CaseSummary> out;
    SQLite::Statement q(*db_, "SELECT id, jurisdiction, records, updated FROM cases ORDER BY updated DESC, id DESC");
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                     q.getColumn(3).getString()});
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "list", e);
  }
}

Result<void> Store::erase(std::int64_t id) {
  try {
    SQLite::Transaction tx(*db_);
    SQLite::Statement del(*db_, "DELETE FROM cases WHERE id = ?");
    del.bind(1, static_cast<int64_t>(id));
    if (del.exec() == 0) return fail(ErrorCode::NotFound, db_->getFilename(), "erase", "no saved case " + std::to_string(id));
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "erase", e);
  }
  // Deleted rows would otherwise survive in the WAL and in free pages.
  return scrub();
}

Result<int> Store::purge_older_than(int days) {
  if (days < 0) return fail(ErrorCode::BadInput, db_->getFilename(), "purge", "expected a number of days of 0 or more");
  int removed = 0;
  try {
    SQLite::Transaction tx(*db_);
    const std::string cutoff = "-" + std::to_string(days) + " days";
    SQLite::Statement c(*db_, "DELETE FROM cases WHERE updated < datetime('now', ?)");
    c.bind(1, cutoff);
    removed += c.exec();
    SQLite::Statement s(*db_, "DELETE FROM sessions WHERE created < datetime('now', ?)");
    s.bind(1, cutoff);
    removed += s.exec();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "purge", e);
  }
  if (removed > 0) {
    if (auto r = scrub(); !r) return tl::unexpected(r.error());
    audit_quietly(audit::Event::CasesPurged, {{"count", std::to_string(removed)}});
  }
  return removed;
}

Result<std::string> Store::save_session(const model::Case& c, const SecretBuffer& pin) {
  if (pin.size() < kMinPinBytes || pin.size() > crypto::kMaxPassphraseBytes) {
    return fail(ErrorCode::BadInput, "", "PIN", "expected a PIN of at least " + std::to_string(kMinPinBytes) + " characters");
  }
  const std::string code = crypto::random_code(3);
  const std::string normalized = normalize_code(code);
  const std::string salt = crypto::random_bytes(crypto::kSaltBytes);
  auto key = session_key(pin, normalized, salt, opts_.pin_cost);
  if (!key) return tl::unexpected(key.error());
  std::string json = model::case_to_json(c).dump();
  auto sealed = crypto::seal(*key, json, kSessionContext);
  sodium_memzero(json.data(), json.size());
  if (!sealed) return tl::unexpected(sealed.error());
  try {
    const std::string h = code_hash(normalized);
    SQLite::Statement ins(*db_, "INSERT INTO sessions (code_hash, salt, kdf_ops, kdf_mem, sealed) VALUES (?,?,?,?,?)");
    ins.bind(1, h.data(), static_cast<int>(h.size()));
    ins.bind(2, salt.data(), static_cast<int>(salt.size()));
    ins.bind(3, static_cast<int64_t>(opts_.pin_cost.ops));
    ins.bind(4, static_cast<int64_t>(opts_.pin_cost.mem));
    ins.bind(5, sealed->data(), static_cast<int>(sealed->size()));
    ins.exec();
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "save session", e);
  }
  audit_quietly(audit::Event::SessionSaved);
  return code;
}

Result<model::Case> Store::resume_session(const std::string& code, const SecretBuffer& pin,
                                          const model::FactDictionary& dict) {
  const std::string normalized = normalize_code(code);
  const std::string h = code_hash(normalized);
  std::string salt, sealed;
  crypto::KdfCost cost;
  int failures = 0;
  try {
    SQLite::Statement q(*db_, "SELECT salt, kdf_ops, kdf_mem, sealed, failures FROM sessions WHERE code_hash = ?");
    q.bind(1, h.data(), static_cast<int>(h.size()));
    if (!q.executeStep()) {
      return fail(ErrorCode::NotFound, "", "resume", "no kept session with this code (it may have been erased)");
    }
    salt = blob(q.getColumn(0));
    cost = {static_cast<std::uint64_t>(q.getColumn(1).getInt64()), static_cast<std::size_t>(q.getColumn(2).getInt64())};
    sealed = blob(q.getColumn(3));
    failures = q.getColumn(4).getInt();
    // Count the try before checking it: killing the program mid-check must
    // not give an attacker a free guess.
    SQLite::Statement up(*db_, "UPDATE sessions SET failures = failures + 1 WHERE code_hash = ?");
    up.bind(1, h.data(), static_cast<int>(h.size()));
    up.exec();
    ++failures;
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "resume", e);
  }
  auto key = session_key(pin, normalized, salt, cost);
  if (!key) return tl::unexpected(key.error());
  auto json = crypto::open(*key, sealed, kSessionContext);
  if (!json) {
    if (failures >= opts_.max_pin_failures) {
      auto erased = erase_session(code);
      if (!erased) return tl::unexpected(erased.error());
      audit_quietly(audit::Event::SessionErased, {{"reason", "pin_failures"}});
      return fail(ErrorCode::NotFound, "", "resume",
                  "wrong PIN too many times; the kept session was erased");
    }
    return fail(ErrorCode::BadInput, "", "resume",
                "wrong PIN or code (" + std::to_string(opts_.max_pin_failures - failures) + " tries left)");
  }
  try {
    SQLite::Statement up(*db_, "UPDATE sessions SET failures = 0 WHERE code_hash = ?");
    up.bind(1, h.data(), static_cast<int>(h.size()));
    up.exec();
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "resume", e);
  }
  auto c = model::parse_case(*json, "kept session", dict);
  sodium_memzero(json->data(), json->size());
  if (c) audit_quietly(audit::Event::SessionResumed);
  return c;
}

Result<void> Store::erase_session(const std::string& code) {
  const std::string h = code_hash(normalize_code(code));
  try {
    SQLite::Statement del(*db_, "DELETE FROM sessions WHERE code_hash = ?");
    del.bind(1, h.data(), static_cast<int>(h.size()));
    if (del.exec() == 0) return fail(ErrorCode::NotFound, "", "erase session", "no kept session with this code");
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "erase session", e);
  }
  return scrub();
}

}  // namespace relief::store
