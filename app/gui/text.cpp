#include "text.hpp"

#include <wx/intl.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace relief::gui {
namespace {

struct Words {
  const char* code;
  const char* text;  // msgid, marked for xgettext with wxTRANSLATE
};

// The codes are fixed by the case-file format (relief.case/1); the words are ours.
constexpr Words kKinds[] = {
    // TRANSLATORS: a kind of criminal record; the person was found or pleaded guilty.
    {"conviction", wxTRANSLATE("Conviction (found guilty or pleaded guilty)")},
    {"arrest_no_conviction", wxTRANSLATE("Arrest or charge that did not end in a conviction")},
    {"juvenile_adjudication", wxTRANSLATE("Juvenile case (from when you were under 18)")},
    // TRANSLATORS: diversion, deferred adjudication, probation before judgment.
    {"deferred_adjudication", wxTRANSLATE("Diversion or deferred case (charge put on hold)")},
    {"pending_charge", wxTRANSLATE("Charge that is still open")},
};

constexpr Words kKindsShort[] = {
    {"conviction", wxTRANSLATE("Conviction")},
    {"arrest_no_conviction", wxTRANSLATE("Arrest or charge, no conviction")},
    {"juvenile_adjudication", wxTRANSLATE("Juvenile case")},
    {"deferred_adjudication", wxTRANSLATE("Diversion or deferred case")},
    {"pending_charge", wxTRANSLATE("Open charge")},
};

constexpr Words kCategories[] = {
    {"prostitution", wxTRANSLATE("Prostitution")},
    {"loitering_for_prostitution", wxTRANSLATE("Loitering for prostitution")},
    {"solicitation", wxTRANSLATE("Solicitation (offering or asking for sex for money)")},
    {"prostitution_related_other", wxTRANSLATE("Other charge about prostitution")},
    {"drug_possession", wxTRANSLATE("Having drugs (possession)")},
    {"drug_sale_or_manufacture", wxTRANSLATE("Selling or making drugs")},
    {"theft", wxTRANSLATE("Theft or shoplifting")},
    {"fraud_or_forgery", wxTRANSLATE("Fraud or forgery")},
    {"trespass", wxTRANSLATE("Trespassing")},
    {"disorderly_conduct_or_vagrancy", wxTRANSLATE("Disorderly conduct or vagrancy")},
    {"weapons", wxTRANSLATE("Weapons")},
    {"identity_or_immigration_documents", wxTRANSLATE("False ID or immigration papers")},
    {"traffic_or_license", wxTRANSLATE("Traffic or driver's license")},
    {"assault", wxTRANSLATE("Assault (hurting someone)")},
    {"robbery", wxTRANSLATE("Robbery")},
    {"burglary", wxTRANSLATE("Burglary (breaking in)")},
    {"kidnapping", wxTRANSLATE("Kidnapping")},
    {"homicide", wxTRANSLATE("Homicide")},
    {"sex_offense", wxTRANSLATE("Sex offense")},
    {"trafficking_or_promoting_prostitution", wxTRANSLATE("Trafficking others or promoting prostitution")},
    {"other", wxTRANSLATE("Something else")},
};

constexpr Words kLevels[] = {
    {"infraction", wxTRANSLATE("Infraction (like a ticket)")},
    {"violation", wxTRANSLATE("Violation (less than a crime)")},
    {"misdemeanor", wxTRANSLATE("Misdemeanor")},
    {"felony", wxTRANSLATE("Felony")},
    {"unknown", wxTRANSLATE("I'm not sure")},
};

struct ChoiceWords {
  const char* fact;
  const char* value;
  const char* text;
};

constexpr ChoiceWords kChoices[] = {
    {"trafficking_kind", "sex", wxTRANSLATE("Sex work")},
    {"trafficking_kind", "labor", wxTRANSLATE("Other work")},
    {"trafficking_kind", "both", wxTRANSLATE("Both")},
};

// A code nobody wrote words for still has to read as words, not as
// "snake_case": better an untranslated phrase than a blank.
wxString code_as_words(const std::string& code) {
  std::string s = code;
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return to_wx(s);
}

template <std::size_t N>
wxString lookup(const Words (&table)[N], const std::string& code) {
  for (const auto& w : table) {
    if (code == w.code) return wxGetTranslation(w.text);
  }
  return code_as_words(code);
}

}  // namespace

wxString tr(const std::string& msgid) {
  if (msgid.empty()) return {};
  return wxGetTranslation(to_wx(msgid));
}

wxString tr(const Message& m) {
  const wxString templ = tr(m.id);
  return to_wx(Message::substitute(from_wx(templ), m.args));
}

wxString kind_words(const std::string& code) { return lookup(kKinds, code); }
wxString kind_short_words(const std::string& code) { return lookup(kKindsShort, code); }
wxString category_words(const std::string& code) { return lookup(kCategories, code); }
wxString level_words(const std::string& code) { return lookup(kLevels, code); }

wxString choice_words(const std::string& fact, const std::string& value) {
  for (const auto& c : kChoices) {
    if (fact == c.fact && value == c.value) return wxGetTranslation(c.text);
  }
  return code_as_words(value);
}

wxString outcome_words(rules::Outcome o) {
  switch (o) {
    case rules::Outcome::Eligible:
      return _("Can likely be cleared");
    case rules::Outcome::NotEligible:
      return _("Cannot be cleared under this law");
    case rules::Outcome::NeedsReview:
      return _("A lawyer should look at this");
    case rules::Outcome::Incomplete:
      return _("We need more information");
  }
  return _("We need more information");
}

wxString record_title(const model::Record& r) {
  wxString what = to_wx(r.offense_description);
  if (what.empty() && !r.offense_category.empty()) what = category_words(r.offense_category);
  if (what.empty() && !r.kind.empty()) what = kind_words(r.kind);
  if (what.empty()) what = _("A record");
  if (r.offense_date) {
    // TRANSLATORS: %1$s is what the record is about, %2$s its date (YYYY-MM-DD).
    return wxString::Format(_("%1$s (%2$s)"), what, to_wx(r.offense_date->iso()));
  }
  return what;
}

wxString bullet() { return wxString(wxUniChar(0x2022)) + wxUniChar(' '); }

}  // namespace relief::gui
