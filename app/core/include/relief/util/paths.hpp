#pragma once
#include <string>

namespace relief::util {

/// The folder holding rules/, forms/ and locales/: $RELIEF_DATA_DIR if set,
/// else <exe>/../share/relief (both the build tree and an installed prefix).
std::string data_dir();
/// data_dir() + "/rules".
std::string rules_dir();
/// data_dir() + "/forms".
std::string forms_dir();
/// data_dir() + "/locales".
std::string locales_dir();
/// A TrueType font file by family file name (e.g. "LiberationSerif-Regular.ttf"),
/// searched in $RELIEF_FONT_DIR and the Debian font folders; empty if absent.
std::string find_font(const std::string& file_name);

}  // namespace relief::util
