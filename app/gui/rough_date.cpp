#include "rough_date.hpp"

#include <cctype>
#include <string>

namespace relief::gui {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::optional<RoughDate> month_of(std::string_view year, std::string_view month) {
  if (year.size() != 4 || month.empty() || month.size() > 2 || !all_digits(year) || !all_digits(month)) {
    return std::nullopt;
  }
  const int m = std::stoi(std::string(month));
  if (m < 1 || m > 12) return std::nullopt;
  auto first = model::Date::parse(std::string(year) + "-" + two(m) + "-01");
  if (!first) return std::nullopt;
  return RoughDate{*first, last_day_of_month(*first)};
}

}  // namespace

model::Date last_day_of_month(const model::Date& d) {
  for (int day = 31; day >= 28; --day) {
    if (auto last = model::Date::parse(std::to_string(d.year) + "-" + two(d.month) + "-" + two(day))) return *last;
  }
  return d;
}

std::string month_form(const model::Date& d) { return std::to_string(d.year) + "-" + two(d.month); }

std::optional<RoughDate> parse_rough_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (auto exact = model::Date::parse(text)) return RoughDate{*exact, *exact};
  if (text.size() == 7 && text[4] == '-') return month_of(text.substr(0, 4), text.substr(5));
  if (auto slash = text.find('/'); slash != std::string_view::npos && text.find('/', slash + 1) == std::string_view::npos) {
    return month_of(text.substr(slash + 1), text.substr(0, slash));
  }
  return std::nullopt;
}

}  // namespace relief::gui
