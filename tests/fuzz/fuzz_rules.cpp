// libFuzzer: a rules file is loaded from disk like any rules folder; bad
// files must give issues, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "relief/rules/ruleset.hpp"

namespace {

const std::string& temp_file() {
  static const std::string path = [] {
    std::string templ = "/tmp/relief-fuzz-rules-XXXXXX";
    const int fd = ::mkstemp(templ.data());
    if (fd < 0) std::abort();
    ::close(fd);
    return templ;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = temp_file();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  auto dict = relief::fuzz::facts();
  std::vector<relief::rules::Issue> issues;
  auto rs = relief::rules::load_ruleset(path, dict, issues);
  (void)rs;
  return 0;
}
