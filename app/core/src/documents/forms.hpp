#pragma once
// Internal: court-paper templates (forms/), loaded and validated as data.
// The format is described in forms/README.md.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/error.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::documents {

/// The schema ids of the three kinds of file in forms/.
inline constexpr const char* kFormSchema = "relief.form/1";
inline constexpr const char* kTemplateSchema = "relief.template/1";
inline constexpr const char* kPartSchema = "relief.part/1";

/// The kinds of document a form bundles, in the order they are written.
const std::vector<std::string>& document_kinds();

/// A document template or a shared part, as loaded (already validated).
struct Template {
  std::string file;      ///< path relative to the forms folder ("ny/motion.json")
  nlohmann::json json;   ///< the whole file
};

/// One form: what a remedy's `forms` id names. It lists a template for each
/// kind of document and the facts about filing that the instructions use.
struct FormDef {
  std::string file;                          ///< relative path of the form file
  std::string id;                            ///< "ny-440-motion"
  std::string jurisdiction;                  ///< "NY"
  std::string short_title;                   ///< Mustache: "People v. {{petitioner.initials}}"
  bool one_record_per_paper = false;         ///< one set of papers per record (Texas orders)
  std::map<std::string, Template> documents; ///< by kind
  std::map<std::string, Template> parts;     ///< every part the templates include, by name
  nlohmann::json filing;                     ///< survivor-facing filing facts (msgids)
};

/// Loads the form `id` from `forms_dir` with its templates and parts,
/// validating every file. Every problem goes to `issues`; an error fails.
Result<FormDef> load_form(const std::string& forms_dir, const std::string& id, std::vector<rules::Issue>& issues);

/// A standalone template with the parts it includes (the results summary,
/// which covers the whole case rather than one form).
struct StandaloneTemplate {
  Template tmpl;
  std::map<std::string, Template> parts;
};

/// Loads and validates the template at `rel` inside `forms_dir`.
Result<StandaloneTemplate> load_template(const std::string& forms_dir, const std::string& rel,
                                         std::vector<rules::Issue>& issues);

/// Validates every form under `forms_dir` (and what they use); returns the
/// ids of the forms found. Problems go to `issues`.
std::vector<std::string> validate_forms(const std::string& forms_dir, std::vector<rules::Issue>& issues);

}  // namespace relief::documents
