#include "attorney/paste_rows.hpp"

#include <array>
#include <cctype>
#include <cstdio>

#include <wx/intl.h>

#include "text.hpp"

namespace relief::gui::attorney {
namespace {

struct ColumnInfo {
  RecordColumn column;
  const char* field;
  const char* label;  // msgid
  std::array<const char*, 4> aliases;  // other header names seen in spreadsheets
};

const std::array<ColumnInfo, kRecordColumnCount> kColumns = {{
    {RecordColumn::Kind, "kind", wxTRANSLATE("Kind"), {"record kind", "type", "record type", nullptr}},
    {RecordColumn::Category, "offense_category", wxTRANSLATE("Offense category"), {"category", "offense type", nullptr, nullptr}},
    {RecordColumn::Level, "offense_level", wxTRANSLATE("Level"), {"offense level", "class", "grade", nullptr}},
    {RecordColumn::Description, "offense_description", wxTRANSLATE("Description"), {"offense", "charge", "offense description", nullptr}},
    {RecordColumn::Statute, "statute", wxTRANSLATE("Statute"), {"law", "section", nullptr, nullptr}},
    {RecordColumn::OffenseDate, "offense_date", wxTRANSLATE("Offense date"), {"date", "date of offense", "arrest date", nullptr}},
    {RecordColumn::DispositionDate, "disposition_date", wxTRANSLATE("Disposition date"), {"disposition", "date of disposition", nullptr, nullptr}},
    {RecordColumn::Court, "court", wxTRANSLATE("Court"), {nullptr, nullptr, nullptr, nullptr}},
    {RecordColumn::County, "county", wxTRANSLATE("County"), {nullptr, nullptr, nullptr, nullptr}},
    {RecordColumn::CaseNumber, "case_number", wxTRANSLATE("Case number"), {"case no", "case #", "docket", "docket number"}},
}};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Lower case, with spaces, hyphens and underscores all one underscore.
std::string normal(const std::string& s) {
  std::string out;
  bool gap = false;
  for (unsigned char ch : trim(s)) {
    if (ch == ' ' || ch == '_' || ch == '-' || ch == '.') {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '_';
    gap = false;
    out += static_cast<char>(std::tolower(ch));
  }
  return out;
}

std::optional<RecordColumn> column_named(const std::string& name) {
  const std::string n = normal(name);
  if (n.empty()) return std::nullopt;
  for (const auto& c : kColumns) {
    if (n == normal(c.field) || n == normal(c.label) || n == normal(from_wx(wxGetTranslation(c.label)))) {
      return c.column;
    }
    for (const char* alias : c.aliases) {
      if (alias && n == normal(alias)) return c.column;
    }
  }
  return std::nullopt;
}

template <typename Words>
std::string code_from(const std::vector<std::string>& codes, const std::string& text, Words words) {
  const std::string n = normal(text);
  if (n.empty()) return {};
  for (const auto& code : codes) {
    if (n == code) return code;
  }
  for (const auto& code : codes) {
    const std::string shown = normal(from_wx(words(code)));
    // "Theft or shoplifting" matches "Theft or shoplifting (…)" words too.
    if (n == shown || shown.rfind(n + "_(", 0) == 0) return code;
  }
  return {};
}

// Splits tab-separated text into rows of cells; quoted cells may hold tabs,
// line breaks and doubled quotes, as spreadsheets write them.
std::vector<std::vector<std::string>> split_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool cell_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch == '"' && !cell_started) {
      quoted = true;
      cell_started = true;
    } else if (ch == '\t') {
      row.push_back(cell);
      cell.clear();
      cell_started = false;
    } else if (ch == '\n') {
      row.push_back(cell);
      rows.push_back(std::move(row));
      row.clear();
      cell.clear();
      cell_started = false;
    } else if (ch != '\r') {
      cell += ch;
      if (ch != ' ') cell_started = true;
    }
  }
  if (!cell.empty() || !row.empty()) {
    row.push_back(cell);
    rows.push_back(std::move(row));
  }
  return rows;
}

bool blank(const std::vector<std::string>& row) {
  for (const auto& c : row) {
    if (!trim(c).empty()) return false;
  }
  return true;
}

}  // namespace

wxString column_label(RecordColumn c) { return wxGetTranslation(kColumns[static_cast<std::size_t>(c)].label); }
std::string column_field(RecordColumn c) { return kColumns[static_cast<std::size_t>(c)].field; }

std::optional<model::Date> parse_typed_date(const std::string& text) {
  const std::string t = trim(text);
  if (auto d = model::Date::parse(t)) return d;
  int m = 0;
  int d = 0;
  int y = 0;
  char tail = 0;
  if (t.size() < 8 || t.size() > 10) return std::nullopt;
  if (std::sscanf(t.c_str(), "%2d/%2d/%4d%c", &m, &d, &y, &tail) != 3 || y < 1000 || y > 9999 || m < 1 || m > 12 ||
      d < 1 || d > 31) {
    return std::nullopt;
  }
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return model::Date::parse(std::to_string(y) + "-" + two(m) + "-" + two(d));
}

std::string kind_from_text(const std::string& text) {
  std::string code = code_from(model::record_kinds(), text, &kind_short_words);
  return code.empty() ? code_from(model::record_kinds(), text, &kind_words) : code;
}

std::string category_from_text(const std::string& text) {
  return code_from(model::offense_categories(), text, &category_words);
}

std::string level_from_text(const std::string& text) { return code_from(model::offense_levels(), text, &level_words); }

PasteResult parse_pasted_rows(const std::string& text) {
  PasteResult result;
  const auto rows = split_rows(text);
  std::vector<std::optional<RecordColumn>> columns;
  for (int i = 0; i < kRecordColumnCount; ++i) columns.emplace_back(static_cast<RecordColumn>(i));

  std::size_t first = 0;
  while (first < rows.size() && blank(rows[first])) ++first;
  if (first < rows.size()) {
    // A header names at least one column and has nothing that is not a name.
    std::vector<std::optional<RecordColumn>> named;
    bool all_names = true;
    bool any = false;
    for (const auto& cell : rows[first]) {
      named.push_back(column_named(cell));
      if (named.back()) {
        any = true;
      } else if (!trim(cell).empty()) {
        all_names = false;
      }
    }
    if (any && all_names) {
      result.header = true;
      columns = std::move(named);
      ++first;
    }
  }

  for (std::size_t i = first; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (blank(row)) continue;
    model::Record r;
    std::vector<wxString> problems;
    bool kind_given = false;
    bool category_given = false;
    auto date_cell = [&](const std::string& value, RecordColumn c, std::optional<model::Date>& out) {
      if (value.empty()) return;
      if (auto d = parse_typed_date(value)) {
        out = d;
      } else {
        // TRANSLATORS: %1$s is a column name, %2$s what was pasted there.
        problems.push_back(wxString::Format(_("%1$s \"%2$s\" is not a date (write YYYY-MM-DD or MM/DD/YYYY)"),
                                            column_label(c), to_wx(value)));
      }
    };
    auto code_cell = [&](const std::string& value, RecordColumn c, std::string code, std::string& out) {
      if (value.empty()) return;
      if (code.empty()) {
        // TRANSLATORS: %1$s is a column name, %2$s what was pasted there.
        problems.push_back(wxString::Format(_("%1$s \"%2$s\" is not one of the choices"), column_label(c),
                                            to_wx(value)));
      }
      out = code;
    };
    for (std::size_t col = 0; col < row.size() && col < columns.size(); ++col) {
      if (!columns[col]) continue;
      const std::string value = trim(row[col]);
      switch (*columns[col]) {
        case RecordColumn::Kind:
          code_cell(value, RecordColumn::Kind, kind_from_text(value), r.kind);
          kind_given = kind_given || !value.empty();
          break;
        case RecordColumn::Category:
          code_cell(value, RecordColumn::Category, category_from_text(value), r.offense_category);
          category_given = category_given || !value.empty();
          break;
        case RecordColumn::Level:
          code_cell(value, RecordColumn::Level, level_from_text(value), r.offense_level);
          break;
        case RecordColumn::Description:
          r.offense_description = value;
          break;
        case RecordColumn::Statute:
          r.statute = value;
          break;
        case RecordColumn::OffenseDate:
          date_cell(value, RecordColumn::OffenseDate, r.offense_date);
          break;
        case RecordColumn::DispositionDate:
          date_cell(value, RecordColumn::DispositionDate, r.disposition_date);
          break;
        case RecordColumn::Court:
          r.court = value;
          break;
        case RecordColumn::County:
          r.county = value;
          break;
        case RecordColumn::CaseNumber:
          r.case_number = value;
          break;
      }
    }
    // TRANSLATORS: %s is a column name.
    if (!kind_given) problems.push_back(wxString::Format(_("%s is missing"), column_label(RecordColumn::Kind)));
    if (!category_given) problems.push_back(wxString::Format(_("%s is missing"), column_label(RecordColumn::Category)));
    if (r.offense_date && r.disposition_date && *r.disposition_date < *r.offense_date) {
      // TRANSLATORS: %1$s and %2$s are dates written YYYY-MM-DD.
      problems.push_back(wxString::Format(_("the disposition date %1$s is before the offense date %2$s"),
                                          to_wx(r.disposition_date->iso()), to_wx(r.offense_date->iso())));
    }
    if (!problems.empty()) {
      wxString joined;
      for (const auto& p : problems) {
        if (!joined.empty()) joined += "; ";
        joined += p;
      }
      // TRANSLATORS: %1$d is a row number of the pasted text, %2$s what is wrong with it.
      result.problems.push_back(
          {static_cast<int>(i) + 1, wxString::Format(_("Row %1$d: %2$s. Nothing was taken from this row."),
                                                     static_cast<int>(i) + 1, joined)});
      continue;
    }
    result.records.push_back(std::move(r));
  }
  return result;
}

}  // namespace relief::gui::attorney
