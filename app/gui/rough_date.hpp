#pragma once
#include <optional>
#include <string_view>

#include "relief/model/date.hpp"

namespace relief::gui {

/// A date as a person remembers it: a day ("2017-09-15"), or only a month
/// ("2017-09", "09/2017"). A month stands for every day in it, from
/// `first` to `last`; the case keeps `first`.
struct RoughDate {
  model::Date first;
  model::Date last;
  bool approximate() const { return first != last; }
};

/// Parses "YYYY-MM-DD", "YYYY-MM", "MM/YYYY" or "M/YYYY" (surrounding
/// spaces allowed); nullopt for anything else or an impossible date.
std::optional<RoughDate> parse_rough_date(std::string_view text);

/// The last day of the month of `d`.
model::Date last_day_of_month(const model::Date& d);

/// "YYYY-MM": how a month-only date is shown back.
std::string month_form(const model::Date& d);

}  // namespace relief::gui
