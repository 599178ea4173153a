#pragma once
#include <string>

namespace relief::util {

/// The folder holding the packaged rules/, forms/ and locales/:
/// $RELIEF_DATA_DIR if set, else <exe>/../share/relief (both the build tree
/// and an installed prefix).
std::string data_dir();
/// The folder of state the administrator changes at run time (installed rule
/// packs): $RELIEF_STATE_DIR if set, else /var/lib/relief.
std::string state_dir();
/// state_dir() + "/packs/current": the rule pack in use; it may not exist.
std::string current_pack_dir();
/// The rules in use: the installed rule pack's rules/ when a pack is
/// installed, else data_dir() + "/rules".
std::string rules_dir();
/// The forms in use: the installed rule pack's forms/ when a pack is
/// installed, else data_dir() + "/forms".
std::string forms_dir();
/// data_dir() + "/locales" (translations never come from a rule pack).
std::string locales_dir();
/// A TrueType font file by family file name (e.g. "LiberationSerif-Regular.ttf"),
/// searched in $RELIEF_FONT_DIR and the Debian font folders; empty if absent.
std::string find_font(const std::string& file_name);

}  // namespace relief::util
