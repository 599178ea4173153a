#include "language.hpp"

#include <algorithm>
#include <map>

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include "relief/util/paths.hpp"
#include "text.hpp"

namespace relief::gui {

namespace {

bool has_catalog(const std::string& code) {
  if (code == "en") return true;  // the msgids are English
  const wxString path = to_wx(util::locales_dir()) + wxFILE_SEP_PATH + to_wx(code) + wxFILE_SEP_PATH +
                        "LC_MESSAGES" + wxFILE_SEP_PATH + "relief.mo";
  return wxFileName::FileExists(path);
}

}  // namespace

std::vector<std::string> offered_languages(const model::Settings& settings) {
  std::vector<std::string> out{"en"};
  for (const auto& code : settings.languages) {
    if (std::find(out.begin(), out.end(), code) == out.end() && has_catalog(code)) out.push_back(code);
  }
  return out;
}

wxString native_name(const std::string& code) {
  // Written in each language itself, never translated.
  static const std::map<std::string, const char*> names = {
      {"en", "English"},          {"es", "Español"},        {"fr", "Français"},
      {"ht", "Kreyòl ayisyen"},   {"pt", "Português"},      {"vi", "Tiếng Việt"},
      {"zh", "中文"},             {"ko", "한국어"},         {"ru", "Русский"},
      {"ar", "العربية"},          {"tl", "Tagalog"},        {"uk", "Українська"},
  };
  auto it = names.find(code);
  return it == names.end() ? to_wx(code) : wxString::FromUTF8(it->second);
}

std::string initial_language(const model::Settings& settings) {
  const auto offered = offered_languages(settings);
  const std::string system = from_wx(wxUILocale::GetCurrent().GetName()).substr(0, 2);
  if (std::find(offered.begin(), offered.end(), system) != offered.end()) return system;
  // The administrator's first language, when it has a catalog.
  for (const auto& code : settings.languages) {
    if (std::find(offered.begin(), offered.end(), code) != offered.end()) return code;
  }
  return "en";
}

void use_language(const std::string& code) {
  static bool prefix_added = false;
  if (!prefix_added) {
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(to_wx(util::locales_dir()));
    prefix_added = true;
  }
  auto* translations = new wxTranslations();
  translations->SetLanguage(to_wx(code));
  wxTranslations::Set(translations);  // takes ownership, frees the previous one
  translations->AddStdCatalog();
  translations->AddCatalog("relief");
}

}  // namespace relief::gui
