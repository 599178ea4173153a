#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/model/facts.hpp"

namespace SQLite {
class Database;
}

namespace relief::store {

/// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 1;

/// A saved case as listed: no names, so lists can be shown safely.
struct CaseSummary {
  std::int64_t id = 0;
  std::string jurisdiction;
  int records = 0;
  std::string updated;  ///< UTC "YYYY-MM-DD HH:MM:SS"
};

/// The SQLite case store: versioned schema, forward-only migrations.
class Store {
 public:
  /// Opens or creates the database. A database written by a newer Relief is
  /// refused with ErrorCode::Incompatible and left untouched; a corrupt one
  /// gives ErrorCode::Corrupt.
  static Result<Store> open(const std::string& path);
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
  /// The schema version of the open database.
  int schema_version() const;

 private:
  explicit Store(std::unique_ptr<SQLite::Database> db);
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace relief::store
