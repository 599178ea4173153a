#pragma once
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "relief/model/facts.hpp"

namespace relief::test {

/// The fact dictionary of the source tree's rules.
inline const model::FactDictionary& facts() {
  static const model::FactDictionary dict = [] {
    auto d = model::FactDictionary::load(std::string(RELIEF_SOURCE_DIR) + "/rules/facts.json");
    if (!d) throw std::runtime_error(d.error().to_string());
    return *d;
  }();
  return dict;
}

/// A fresh, empty temporary folder removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "relief-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  /// Names of the files now in the folder (hidden ones included), sorted.
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(path_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::string path_;
};

}  // namespace relief::test
