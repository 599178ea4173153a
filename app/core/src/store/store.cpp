#include "relief/store/store.hpp"

#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>

#include "relief/model/case_io.hpp"

namespace relief::store {
namespace {

// Forward-only migrations: kMigrations[i] takes the schema from version i to
// i + 1. Never edit a released entry; append a new one.
const std::vector<const char*> kMigrations = {
    R"sql(
      CREATE TABLE cases (
        id           INTEGER PRIMARY KEY,
        jurisdiction TEXT    NOT NULL,
        records      INTEGER NOT NULL,
        case_json    TEXT    NOT NULL,
        created      TEXT    NOT NULL DEFAULT (datetime('now')),
        updated      TEXT    NOT NULL DEFAULT (datetime('now'))
      );
    )sql",
};
static_assert(kSchemaVersion >= 1);

tl::unexpected<Error> sql_error(const std::string& file, const std::string& step, const std::exception& e,
                                ErrorCode code = ErrorCode::Io) {
  return fail(code, file, step, e.what());
}

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  if (existed) {
    // Look before touching: a read-only open changes nothing, so a database
    // from a newer Relief or a damaged one is left exactly as it was.
    try {
      SQLite::Database ro(path, SQLite::OPEN_READONLY);
      const int version = ro.execAndGet("PRAGMA user_version").getInt();
      if (version > kSchemaVersion) {
        return fail(ErrorCode::Incompatible, path, "PRAGMA user_version",
                    "this database was written by a newer version of Relief (schema " + std::to_string(version) +
                        "; this version reads up to " + std::to_string(kSchemaVersion) +
                        "). Update Relief; the database was not changed.");
      }
      const std::string check = ro.execAndGet("PRAGMA quick_check").getString();
      if (check != "ok") {
        return fail(ErrorCode::Corrupt, path, "PRAGMA quick_check",
                    "the database is damaged (" + check + "); it was not changed");
      }
    } catch (const SQLite::Exception& e) {
      return fail(ErrorCode::Corrupt, path, "open",
                  std::string("not a readable Relief database (") + e.what() + "); it was not changed");
    }
  }
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    if (!existed) std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
    // secure_delete: erased rows are overwritten, not left in free pages.
    // synchronous=FULL: a saved answer survives a power cut.
    db->exec("PRAGMA secure_delete = ON");
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    int version = db->execAndGet("PRAGMA user_version").getInt();
    while (version < kSchemaVersion) {
      SQLite::Transaction tx(*db);
      db->exec(kMigrations.at(static_cast<size_t>(version)));
      ++version;
      db->exec("PRAGMA user_version = " + std::to_string(version));
      tx.commit();
    }
    return Store(std::move(db));
  } catch (const SQLite::Exception& e) {
    return sql_error(path, "open", e);
  } catch (const std::filesystem::filesystem_error& e) {
    return sql_error(path, "open", e);
  }
}

int Store::schema_version() const { return db_->execAndGet("PRAGMA user_version").getInt(); }

Result<std::int64_t> Store::save(const model::Case& c, std::int64_t id) {
  const std::string json = model::case_to_json(c).dump();
  try {
    SQLite::Transaction tx(*db_);
    if (id == 0) {
      SQLite::Statement ins(*db_, "INSERT INTO cases (jurisdiction, records, case_json) VALUES (?, ?, ?)");
      ins.bind(1, c.jurisdiction);
      ins.bind(2, static_cast<int>(c.records.size()));
      ins.bind(3, json);
      ins.exec();
      id = db_->getLastInsertRowid();
    } else {
      SQLite::Statement up(*db_,
                           "UPDATE cases SET jurisdiction = ?, records = ?, case_json = ?, updated = datetime('now') "
                           "WHERE id = ?");
      up.bind(1, c.jurisdiction);
      up.bind(2, static_cast<int>(c.records.size()));
      up.bind(3, json);
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
  try {
    SQLite::Statement q(*db_, "SELECT case_json FROM cases WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return fail(ErrorCode::NotFound, db_->getFilename(), "load", "no saved case " + std::to_string(id));
    return model::parse_case(q.getColumn(0).getString(), db_->getFilename() + "#" + std::to_string(id), dict);
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "load", e);
  }
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
    {
      SQLite::Transaction tx(*db_);
      SQLite::Statement del(*db_, "DELETE FROM cases WHERE id = ?");
      del.bind(1, static_cast<int64_t>(id));
      if (del.exec() == 0) return fail(ErrorCode::NotFound, db_->getFilename(), "erase", "no saved case " + std::to_string(id));
      tx.commit();
    }
    // Deleted rows would otherwise survive in the WAL and in free pages.
    db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db_->exec("VACUUM");
    return {};
  } catch (const SQLite::Exception& e) {
    return sql_error(db_->getFilename(), "erase", e);
  }
}

}  // namespace relief::store
