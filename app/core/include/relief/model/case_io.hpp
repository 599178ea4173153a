#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/model/facts.hpp"

namespace relief::model {

/// Upper bound on a case file's size; larger files are refused unread.
inline constexpr std::size_t kMaxCaseFileBytes = 8 * 1024 * 1024;

/// Parses and strictly validates relief.case/1 text. `file` names the source
/// in error messages. Facts are checked against `dict`.
Result<Case> parse_case(const std::string& text, const std::string& file,
                        const FactDictionary& dict);
/// Validates an already-parsed JSON document.
Result<Case> case_from_json(const nlohmann::json& doc, const std::string& file,
                            const FactDictionary& dict);
/// Reads and parses a case file from disk.
Result<Case> load_case_file(const std::string& path, const FactDictionary& dict);

/// The relief.case/1 JSON for a case (unknown facts are left out).
nlohmann::json case_to_json(const Case& c);
/// Writes a case file atomically (temp file, fsync, rename).
Result<void> save_case_file(const Case& c, const std::string& path);

}  // namespace relief::model
