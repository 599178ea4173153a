#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/model/date.hpp"

namespace relief::model {

/// Fact values by name. A fact that is absent or JSON null is unknown —
/// a real value under three-valued logic, never false.
using FactMap = std::map<std::string, nlohmann::json>;

/// The schema id every case file carries.
inline constexpr const char* kCaseSchema = "relief.case/1";

/// Postal address of the petitioner.
struct Address {
  std::string line1;
  std::string line2;
  std::string city;
  std::string state;
  std::string zip;

  bool operator==(const Address&) const = default;
};

/// The person asking for relief. Names are kept exactly as entered (UTF-8).
struct Petitioner {
  std::string legal_name;
  std::vector<std::string> other_names;
  std::optional<Date> date_of_birth;
  Address address;
  std::string phone;
  std::string email;

  bool operator==(const Petitioner&) const = default;
};

/// One arrest, charge, conviction or adjudication on the person's record.
struct Record {
  std::string id;
  std::string kind;  ///< conviction, arrest_no_conviction, juvenile_adjudication, …
  std::string offense_category;
  std::string offense_description;
  std::string statute;
  std::string offense_level;
  std::optional<Date> offense_date;
  std::optional<Date> arrest_date;
  std::optional<Date> disposition_date;
  std::string court;
  std::string county;
  std::string case_number;
  std::string arresting_agency;
  std::optional<bool> sentence_completed;
  std::optional<Date> sentence_completed_date;
  std::optional<bool> on_probation_or_parole;
  FactMap facts;

  bool operator==(const Record&) const = default;
};

/// A whole case: the single input to every decision and document.
struct Case {
  std::string jurisdiction;  ///< postal code, upper case ("NY")
  Petitioner petitioner;
  FactMap facts;
  std::vector<Record> records;

  bool operator==(const Case&) const = default;

  /// The record with this id, or nullptr.
  const Record* find_record(const std::string& id) const;
};

/// The record kinds facts.md defines.
const std::vector<std::string>& record_kinds();
/// The offense categories facts.md defines.
const std::vector<std::string>& offense_categories();
/// The offense levels facts.md defines.
const std::vector<std::string>& offense_levels();

}  // namespace relief::model
