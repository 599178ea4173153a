#include "relief/util/paths.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace relief::util {
namespace fs = std::filesystem;

namespace {

fs::path exe_dir() {
  std::array<char, 4096> buf{};
  const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return fs::current_path();
  return fs::path(std::string(buf.data(), static_cast<size_t>(n))).parent_path();
}

}  // namespace

std::string data_dir() {
  if (const char* env = std::getenv("RELIEF_DATA_DIR"); env && *env) return env;
  // <prefix>/bin/relief -> <prefix>/share/relief; the build tree mirrors it.
  return (exe_dir().parent_path() / "share" / "relief").string();
}

std::string state_dir() {
  if (const char* env = std::getenv("RELIEF_STATE_DIR"); env && *env) return env;
  return "/var/lib/relief";
}

std::string current_pack_dir() { return state_dir() + "/packs/current"; }

namespace {

// The installed pack's copy of `sub` when there is one. A pack is only ever
// made `current` after every file in it was verified and its rules loaded, so
// its presence is enough; a half-installed pack never has the link.
std::string pack_or_packaged(const char* sub) {
  std::error_code ec;
  const fs::path pack = fs::path(current_pack_dir()) / sub;
  if (fs::is_directory(pack, ec)) return pack.string();
  return data_dir() + "/" + sub;
}

}  // namespace

std::string rules_dir() { return pack_or_packaged("rules"); }
std::string forms_dir() { return pack_or_packaged("forms"); }
std::string locales_dir() { return data_dir() + "/locales"; }

std::string find_font(const std::string& file_name) {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("RELIEF_FONT_DIR"); env && *env) dirs.emplace_back(env);
  for (const char* d : {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
                        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/noto",
                        "/usr/share/fonts/truetype"}) {
    dirs.emplace_back(d);
  }
  std::error_code ec;
  for (const auto& d : dirs) {
    const fs::path p = d / file_name;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

}  // namespace relief::util
