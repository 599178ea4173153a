#pragma once
#include <string>
#include <vector>

#include <wx/string.h>

#include "relief/model/settings.hpp"

namespace relief::gui {

/// The languages the person may choose: those the administrator offers
/// (settings.languages) for which Relief has a catalog, English always
/// first. Codes as in the settings ("en", "es").
std::vector<std::string> offered_languages(const model::Settings& settings);

/// A language's own name for itself, in its own script ("Español"), so that
/// someone who cannot read the current language still finds theirs.
wxString native_name(const std::string& code);

/// The language to start in: the system's language when it is offered,
/// otherwise the first offered.
std::string initial_language(const model::Settings& settings);

/// Makes `code` the language of every translated string from now on (a
/// fresh wxTranslations with wx's own catalog and Relief's).
void use_language(const std::string& code);

}  // namespace relief::gui
