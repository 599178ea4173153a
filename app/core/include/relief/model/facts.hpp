#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/error.hpp"

namespace relief::model {

/// Whether a fact describes the person or one record.
enum class FactScope { Person, Record };
/// The value type of a fact.
enum class FactType { Bool, Date, Choice, Text };

/// One entry of the fact dictionary: its type and the words used to ask it.
struct FactDef {
  std::string name;
  FactScope scope = FactScope::Person;
  FactType type = FactType::Bool;
  std::vector<std::string> choices;  ///< for Choice
  std::string question;              ///< plain-language question (msgid)
  std::string help;                  ///< "why we ask this" (msgid)
  std::string topic;                 ///< grouping for dense screens
  bool sensitive = false;            ///< asks about exploitation: show a content note first
};

/// The fact dictionary: common facts (rules/facts.json) plus any
/// jurisdiction-prefixed facts the loaded rules add.
class FactDictionary {
 public:
  /// Loads rules/facts.json; reports every problem at once.
  static Result<FactDictionary> load(const std::string& path);
  /// Parses an already-read JSON document (used by load and tests).
  static Result<FactDictionary> from_json(const nlohmann::json& doc, const std::string& file);

  /// Adds a jurisdiction's own fact; fails on a duplicate name.
  Result<void> add(FactDef def, const std::string& file, const std::string& path);
  /// The definition for `name`, or nullptr.
  const FactDef* find(const std::string& name) const;
  /// All facts in dictionary order.
  const std::vector<FactDef>& all() const { return defs_; }

  /// Checks one value against its definition; empty string when it fits,
  /// otherwise what was expected ("expected true, false or null").
  std::string check_value(const FactDef& def, const nlohmann::json& value) const;

 private:
  std::vector<FactDef> defs_;
  std::map<std::string, size_t> index_;
};

}  // namespace relief::model
