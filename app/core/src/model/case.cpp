#include "relief/model/case.hpp"

namespace relief::model {

const Record* Case::find_record(const std::string& id) const {
  for (const auto& r : records) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const std::vector<std::string>& record_kinds() {
  static const std::vector<std::string> kKinds = {"conviction", "arrest_no_conviction",
                                                  "juvenile_adjudication", "deferred_adjudication",
                                                  "pending_charge"};
  return kKinds;
}

const std::vector<std::string>& offense_categories() {
  static const std::vector<std::string> kCategories = {
      "prostitution", "loitering_for_prostitution", "solicitation", "prostitution_related_other",
      "drug_possession", "drug_sale_or_manufacture", "theft", "fraud_or_forgery", "trespass",
      "disorderly_conduct_or_vagrancy", "weapons", "identity_or_immigration_documents",
      "traffic_or_license", "assault", "robbery", "burglary", "kidnapping", "homicide",
      "sex_offense", "trafficking_or_promoting_prostitution", "other"};
  return kCategories;
}

const std::vector<std::string>& offense_levels() {
  static const std::vector<std::string> kLevels = {"infraction", "violation", "misdemeanor", "felony",
                                                   "unknown"};
  return kLevels;
}

}  // namespace relief::model
