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
  std::string lang = "en";      ///< language of the instructions and summary (court papers stay English)
  std::string forms_dir;        ///< templates; empty = util::forms_dir()
  std::string locales_dir;      ///< compiled catalogs; empty = util::locales_dir()
};

/// One file the document engine wrote.
struct WrittenFile {
  std::string path;     ///< full path
  std::string kind;     ///< "petition", "declaration", "order", "instructions", "summary" or "manifest"
  std::string court;    ///< court the paper is for ("" for the summary and the manifest)
  std::string county;   ///< county of that court
  std::string form;     ///< form id from the rules ("ny-440-motion")
  std::vector<std::string> records;  ///< record ids it covers
  int pages = 0;        ///< PDF pages (0 for HTML and JSON)
  std::string language; ///< "en" for court papers; the chosen language for instructions
  std::size_t bytes = 0;
  std::string sha256;   ///< hex digest of the file's bytes
};

/// Writes the papers for every court with eligible or needs_review records:
/// per court (and form), the petition or motion, the survivor's declaration,
/// a proposed order and filing instructions (in `opts.lang`), as PDF; then
/// one accessible HTML file with a plain summary of the results and the
/// instructions, and manifest.json listing every file. Templates come from
/// forms/, chosen by the best remedy's `forms` id. Everything is rendered
/// in memory first and written atomically: on any error (a bad template, a
/// missing catalog, a full disk) no file is left. Returns the files written,
/// the manifest last. Fails when no record qualifies.
Result<std::vector<WrittenFile>> write_petitions(const model::Case& c, const rules::RuleSet& rules,
                                                 const rules::Decision& d,
                                                 const PetitionOptions& opts);

/// Checks every template under `forms_dir`; returns one line per problem
/// ("file: $.json.path: message"), empty when all are valid.
std::vector<std::string> validate_forms(const std::string& forms_dir);

}  // namespace relief::documents
