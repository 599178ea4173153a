#pragma once
// Internal: the data a template's Mustache placeholders read, built from
// the case, the decision, the rules and the options. The fields are listed
// in forms/README.md; missing facts become labelled blanks here, once.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms.hpp"
#include "relief/documents/petition.hpp"
#include "relief/i18n/catalog.hpp"

namespace relief::documents {

/// The records one set of papers covers: same court, same county, same form.
struct CourtGroup {
  std::string form;
  std::string court;
  std::string county;
  const rules::Remedy* remedy = nullptr;  ///< the best remedy of the first record
  std::vector<const model::Record*> records;
  std::vector<const rules::RecordDecision*> decisions;  ///< parallel to records
};

/// Everything the context is built from.
struct ContextInput {
  const model::Case& c;
  const rules::RuleSet& rules;
  const rules::Decision& decision;
  const PetitionOptions& opts;
};

/// The context of one set of papers. `cat` translates survivor-facing
/// texts (rules texts, outcome words, dates); pass the identity catalog for
/// court papers.
nlohmann::json build_context(const ContextInput& in, const CourtGroup& g, const FormDef& form,
                             const i18n::Catalog& cat);

/// The context of the results summary (every record of the case).
nlohmann::json build_summary_context(const ContextInput& in, const i18n::Catalog& cat);

/// A context with every field present, for validating templates.
const nlohmann::json& context_shape();

/// "November 30, 2026", or its translation ("30 de noviembre de 2026").
std::string long_date(const model::Date& d, const i18n::Catalog& cat);

/// "N.T.H." from "Nguyễn Thị Hương"; "" for an empty name.
std::string initials(const std::string& name);

}  // namespace relief::documents
