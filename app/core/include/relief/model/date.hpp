#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace relief::model {

/// A calendar date (proleptic Gregorian), as the case file writes it.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// Parses strictly "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  /// Today's date in local time.
  static Date today();
  /// "YYYY-MM-DD".
  std::string iso() const;
  /// "March 4, 2017", as court papers write dates.
  std::string long_form() const;
  /// Days since 1970-01-01 (negative before).
  long days_since_epoch() const;
  /// Whole years from `from` to `to` (birthday arithmetic; negative if to < from).
  static int whole_years_between(const Date& from, const Date& to);

  auto operator<=>(const Date&) const = default;
};

}  // namespace relief::model
