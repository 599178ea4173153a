#pragma once
#include <string>
#include <vector>

#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/model/date.hpp"
#include "relief/model/settings.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::documents {

/// What to write and where.
struct PetitionOptions {
  std::string out_dir;          ///< must exist and be writable
  model::ClinicInfo clinic;     ///< printed in the footer / contact block
  model::Date today;            ///< date printed on the papers
};

/// One file the document engine wrote.
struct WrittenFile {
  std::string path;     ///< full path
  std::string kind;     ///< "petition"
  std::string court;    ///< court the paper is for
  std::vector<std::string> records;  ///< record ids it covers
  int pages = 0;
};

/// Writes one petition (motion) per court for the records whose best remedy
/// is eligible or needs_review. Every file is written atomically; on error,
/// no partial file is left. Returns an error when no record qualifies.
Result<std::vector<WrittenFile>> write_petitions(const model::Case& c, const rules::RuleSet& rules,
                                                 const rules::Decision& d,
                                                 const PetitionOptions& opts);

}  // namespace relief::documents
