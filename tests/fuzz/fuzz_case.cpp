// libFuzzer: the case-file parser must reject bad input with an Error,
// never crash, hang or allocate without bound.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_support.hpp"
#include "relief/model/case_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto c = relief::model::parse_case(text, "fuzz.case.json", relief::fuzz::facts());
  if (c) {
    // What parsed must print and parse again to the same case.
    auto again = relief::model::parse_case(relief::model::case_to_json(*c).dump(), "again", relief::fuzz::facts());
    if (!again || !(*again == *c)) std::abort();
  }
  return 0;
}
