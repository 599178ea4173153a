#pragma once
// Internal: the content of a New York motion to vacate judgment under
// N.Y. Crim. Proc. Law § 440.10(1)(i), as layout Blocks.
#include <string>
#include <vector>

#include "pdf_layout.hpp"
#include "relief/documents/petition.hpp"

namespace relief::documents {

/// The records one paper covers: same court, same county, in case order.
struct CourtGroup {
  std::string court;
  std::string county;
  std::vector<const model::Record*> records;
  std::vector<const rules::RecordDecision*> decisions;  ///< parallel to records
};

/// The notice of motion, affirmation, signature and verification for one court.
std::vector<pdf::Block> ny_motion_blocks(const model::Case& c, const rules::RuleSet& rules, const CourtGroup& group,
                                         const PetitionOptions& opts, double content_width);

/// The footer lines printed on every page of a New York paper.
std::vector<std::string> ny_footer(const rules::RuleSet& rules, const model::ClinicInfo& clinic);

/// The document title for the PDF metadata (names the court, never the person).
std::string ny_title(const CourtGroup& group);

}  // namespace relief::documents
