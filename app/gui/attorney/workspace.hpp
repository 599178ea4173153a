#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/model/case.hpp"
#include "relief/model/date.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/questions.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::gui::attorney {

/// One jurisdiction's part of the work. A case file holds one jurisdiction
/// (relief.case/1), so each matter is saved as its own file and kept as its
/// own case in the workstation store.
struct Matter {
  std::string jurisdiction;  ///< postal code, upper case
  std::vector<model::Record> records;
  std::string file;           ///< the case file it was opened from or saved to; empty: none yet
  std::int64_t store_id = 0;  ///< its id in the workstation store; 0: not stored yet
};

/// A case file read from disk, before it joins the workspace.
struct LoadedFile {
  std::string path;
  model::Case c;
};

/// What attorney mode works on, with no window in it: one petitioner, the
/// facts about the person (shared by every jurisdiction), and one matter per
/// jurisdiction with its records. Screens show what this says; none of them
/// decides anything.
class Workspace {
 public:
  Workspace(std::shared_ptr<const rules::Library> library, std::string default_jurisdiction, model::Date as_of);

  const rules::Library& library() const { return *library_; }
  const model::Date& as_of() const { return as_of_; }

  model::Petitioner& petitioner() { return petitioner_; }
  const model::Petitioner& petitioner() const { return petitioner_; }
  const model::FactMap& person_facts() const { return person_facts_; }

  const std::vector<Matter>& matters() const { return matters_; }
  std::vector<Matter>& matters() { return matters_; }
  std::size_t current_index() const { return current_; }
  Matter& current() { return matters_[current_]; }
  const Matter& current() const { return matters_[current_]; }
  /// Makes matter `index` the one on screen; false when out of range.
  bool select(std::size_t index);
  /// Adds a matter for a jurisdiction the rules know (or finds the one
  /// there is) and selects it; nullopt for an unknown code.
  std::optional<std::size_t> add_matter(const std::string& code);
  /// The rules of a matter's jurisdiction.
  const rules::RuleSet& rules_of(const Matter& m) const;

  /// The relief.case/1 case of one matter: the shared petitioner and person
  /// facts (less other jurisdictions' own facts) and the matter's records.
  model::Case case_of(const Matter& m) const;
  /// rules::decide on case_of(m).
  rules::Decision decide(const Matter& m) const;

  // --- records of the current matter --------------------------------------
  /// Adds a record with a fresh id ("r1", "r2" …) unless its id is free. Returns the id.
  std::string add_record(model::Record r);
  /// The current matter's record with this id, or nullptr.
  model::Record* find_record(const std::string& id);
  /// Removes a record and its answers; false when there is none with that id.
  bool remove_record(const std::string& id);

  // --- questions ----------------------------------------------------------
  /// Questions about the person to show: every one the planner says can
  /// change an outcome in some matter, and every one already answered (so
  /// an answer never vanishes from the screen), in dictionary order.
  std::vector<rules::Question> person_questions() const;
  /// The same for the current matter's records, record by record.
  std::vector<rules::Question> record_questions() const;
  /// The stored value of a question's fact: nullopt when not answered, JSON
  /// null when answered "unknown".
  std::optional<nlohmann::json> value_of(const rules::Question& q) const;
  /// Stores an answer (JSON null = unknown), or forgets it (nullopt).
  void set_value(const rules::Question& q, const std::optional<nlohmann::json>& value);

  // --- files --------------------------------------------------------------
  /// Replaces everything with the cases of `files` (several jurisdictions of
  /// one petitioner). Changes nothing and returns false with `problem` set
  /// (English) when they do not fit together.
  bool replace_with(std::vector<LoadedFile> files, std::string& problem);
  /// Starts over with one empty matter in `jurisdiction`.
  void clear(const std::string& jurisdiction);
  /// True when nothing about a person is held.
  bool empty() const;

  /// "<base>.<xx>.case.json": the file a matter is saved as.
  static std::string file_name_for(const std::string& base, const std::string& jurisdiction);
  /// The base a chosen file name stands for: "smith.case.json",
  /// "smith.ny.case.json" and "smith" all give "smith" (the folder is kept).
  static std::string base_of(const std::string& path);

 private:
  std::shared_ptr<const rules::Library> library_;
  model::Date as_of_;
  model::Petitioner petitioner_;
  model::FactMap person_facts_;
  std::vector<Matter> matters_;
  std::size_t current_ = 0;
};

}  // namespace relief::gui::attorney
