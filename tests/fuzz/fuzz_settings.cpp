// libFuzzer: the settings parser must reject bad input with an Error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "relief/model/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto s = relief::model::parse_settings(text, "fuzz-settings.json");
  if (s) {
    auto again = relief::model::parse_settings(relief::model::settings_to_json(*s).dump(), "again");
    if (!again || !(*again == *s)) std::abort();
  }
  return 0;
}
