#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "relief/error.hpp"

namespace relief::i18n {

/// A gettext message catalog read from a GNU .mo file. The core uses it only
/// for texts a survivor reads (filing instructions, the results summary);
/// court papers stay in English. A missing translation falls back to the
/// English msgid and is remembered, so tests can prove a catalog complete.
class Catalog {
 public:
  /// The identity catalog: every msgid translates to itself.
  Catalog() = default;

  /// Loads `<locales_dir>/<lang>/LC_MESSAGES/relief.mo`, also trying the bare
  /// language of a regional code ("es_MX" -> "es"). "en" (or empty) gives the
  /// identity catalog. A missing or malformed file is an error naming it.
  static Result<Catalog> load(const std::string& locales_dir, const std::string& lang);
  /// Parses the bytes of a .mo file; `file` names it in errors.
  static Result<Catalog> parse(std::string_view bytes, const std::string& file, const std::string& lang);

  /// The language code this catalog translates into ("en" for identity).
  const std::string& language() const { return lang_; }
  /// True for the identity catalog.
  bool identity() const { return lang_ == "en"; }
  /// The translation of `msgid`, or `msgid` itself when there is none.
  std::string translate(const std::string& msgid) const;
  /// The translation of `msgid` in context `context` (msgctxt), or `msgid`.
  std::string translate(const std::string& context, const std::string& msgid) const;
  /// Msgids asked for that had no translation (always empty for identity).
  const std::set<std::string>& missing() const { return missing_; }
  /// Number of translated messages in the catalog.
  std::size_t size() const { return messages_.size(); }

 private:
  std::string lang_ = "en";
  std::map<std::string, std::string, std::less<>> messages_;
  mutable std::set<std::string> missing_;
};

}  // namespace relief::i18n
