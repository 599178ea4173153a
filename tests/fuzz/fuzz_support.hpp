#pragma once
// Shared set-up for the libFuzzer targets.
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "relief/model/facts.hpp"

namespace relief::fuzz {

/// The source tree's fact dictionary, loaded once.
inline const model::FactDictionary& facts() {
  static const model::FactDictionary dict = [] {
    auto d = model::FactDictionary::load(std::string(RELIEF_SOURCE_DIR) + "/rules/facts.json");
    if (!d) {
      std::fprintf(stderr, "%s\n", d.error().to_string().c_str());
      std::abort();
    }
    return *d;
  }();
  return dict;
}

}  // namespace relief::fuzz
