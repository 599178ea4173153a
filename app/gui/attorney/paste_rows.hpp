#pragma once
#include <optional>
#include <string>
#include <vector>

#include <wx/string.h>

#include "relief/model/case.hpp"
#include "relief/model/date.hpp"

namespace relief::gui::attorney {

/// The descriptive columns of the records grid, in grid order; pasted rows
/// without a header row are read in this order too.
enum class RecordColumn {
  Kind,
  Category,
  Level,
  Description,
  Statute,
  OffenseDate,
  DispositionDate,
  Court,
  County,
  CaseNumber,
};
inline constexpr int kRecordColumnCount = 10;

/// The column's heading as shown ("Offense category").
wxString column_label(RecordColumn c);
/// The column's field name in a case file ("offense_category").
std::string column_field(RecordColumn c);

/// A date as an attorney types or pastes it: YYYY-MM-DD or MM/DD/YYYY
/// (one-digit month and day allowed); nullopt when it is not a real date.
std::optional<model::Date> parse_typed_date(const std::string& text);

/// A code from what a person typed for a list of codes: the code itself,
/// the code with spaces ("arrest no conviction") or the words the program
/// shows for it, in any case; "" when nothing matches.
std::string kind_from_text(const std::string& text);
std::string category_from_text(const std::string& text);
std::string level_from_text(const std::string& text);

/// A row the parser could not take, and why (translated, one line).
struct PasteProblem {
  int row = 0;  ///< 1-based row of the pasted text, the header row included
  wxString message;
};

/// What came out of pasted rows.
struct PasteResult {
  std::vector<model::Record> records;  ///< rows taken, without ids
  std::vector<PasteProblem> problems;  ///< rows not taken: nothing of them is in `records`
  bool header = false;                 ///< the first row named the columns
};

/// Parses tab-separated rows as a spreadsheet copies them (cells with tabs,
/// quotes or line breaks in double quotes). An optional first row of column
/// names decides which column is which (names matched without regard to
/// case, spaces or underscores; unknown names are ignored); without it the
/// grid's order is used. Each row needs a kind and an offense category;
/// dates are YYYY-MM-DD or MM/DD/YYYY. Blank rows are skipped.
PasteResult parse_pasted_rows(const std::string& text);

}  // namespace relief::gui::attorney
