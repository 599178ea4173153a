#pragma once
// Helpers shared by the privacy tests.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "relief/crypto/crypto.hpp"
#include "relief/model/case.hpp"
#include "relief/store/store.hpp"

namespace relief::test {

/// A petitioner nobody else has: any file holding these strings leaked.
inline constexpr const char* kName = "Zephyrine Quillfeather";
inline constexpr const char* kBirth = "1987-03-14";
inline constexpr const char* kStreet = "4417 Marigold Orchard Lane";

/// A secret buffer holding `text`.
inline crypto::SecretBuffer secret(const std::string& text) {
  crypto::SecretBuffer b(256);
  b.assign(text);
  return b;
}

/// The whole file as bytes ("" when missing).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

/// A New York case with the distinctive petitioner.
inline model::Case identifying_case() {
  model::Case c;
  c.jurisdiction = "NY";
  c.petitioner.legal_name = kName;
  c.petitioner.address.line1 = kStreet;
  c.petitioner.address.city = "Albany";
  c.petitioner.date_of_birth = *model::Date::parse(kBirth);
  c.facts["trafficking_victim"] = true;
  model::Record r;
  r.id = "r1";
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.facts["result_of_trafficking"] = true;
  c.records.push_back(r);
  return c;
}

/// Fast key derivation: these tests check behaviour, not cost.
inline store::OpenOptions fast_options() {
  store::OpenOptions o;
  o.passphrase_cost = crypto::KdfCost{1, 8192};
  o.pin_cost = crypto::KdfCost{1, 8192};
  return o;
}

/// True when any of the distinctive strings is in `bytes`.
inline bool leaks(const std::string& bytes) {
  return bytes.find(kName) != std::string::npos || bytes.find("Quillfeather") != std::string::npos ||
         bytes.find(kBirth) != std::string::npos || bytes.find("Marigold Orchard") != std::string::npos;
}

}  // namespace relief::test
