#pragma once
#include <string>

#include <wx/string.h>

#include "relief/error.hpp"
#include "relief/model/case.hpp"
#include "relief/rules/decision.hpp"

namespace relief::gui {

/// Every std::string from the core is UTF-8: this is the only way into wx.
inline wxString to_wx(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
/// And the only way back.
inline std::string from_wx(const wxString& s) { return s.utf8_string(); }

/// Translates a msgid that came from the core or from rules/ (UTF-8 English).
wxString tr(const std::string& msgid);
/// Translates a core Message and substitutes its arguments.
wxString tr(const Message& m);

/// Plain words for a record kind code ("conviction" -> "Conviction: ...").
wxString kind_words(const std::string& code);
/// A short form of kind_words for narrow places (a list column).
wxString kind_short_words(const std::string& code);
/// Plain words for an offense category code.
wxString category_words(const std::string& code);
/// Plain words for an offense level code.
wxString level_words(const std::string& code);
/// Plain words for one value of a choice fact ("sex" for trafficking_kind).
wxString choice_words(const std::string& fact, const std::string& value);
/// What a survivor reads for an outcome ("Can likely be cleared").
wxString outcome_words(rules::Outcome o);
/// A short, recognisable name for a record: its description (or category)
/// and its date, e.g. "Petit larceny (2017-09-15)".
wxString record_title(const model::Record& r);

/// A bullet followed by a space, for lists inside static texts.
wxString bullet();

}  // namespace relief::gui
