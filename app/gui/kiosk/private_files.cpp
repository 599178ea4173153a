#include "kiosk/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <gtk/gtk.h>

#include "relief/admin/secret.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::gui::kiosk {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxPaperBytes = 64 * 1024 * 1024;

std::string env_dir(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return {};
  std::error_code ec;
  return fs::is_directory(v, ec) ? std::string(v) : std::string();
}

}  // namespace

Result<PrivateTempDir> PrivateTempDir::create() {
  std::vector<std::string> bases;
  for (const char* name : {"XDG_RUNTIME_DIR", "TMPDIR"}) {
    if (std::string d = env_dir(name); !d.empty()) bases.push_back(d);
  }
  bases.emplace_back("/tmp");
  for (const auto& base : bases) {
    std::string templ = base + "/relief-XXXXXX";
    if (::mkdtemp(templ.data()) == nullptr) continue;
    // mkdtemp makes it 0700 already; say so explicitly against odd umasks.
    ::chmod(templ.c_str(), 0700);
    return PrivateTempDir(templ);
  }
  return fail(ErrorCode::Io, bases.front(), "", "cannot make a private temporary folder");
}

PrivateTempDir::PrivateTempDir(PrivateTempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

PrivateTempDir& PrivateTempDir::operator=(PrivateTempDir&& other) noexcept {
  if (this != &other) {
    wipe();
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

PrivateTempDir::~PrivateTempDir() { wipe(); }

void PrivateTempDir::wipe() {
  if (path_.empty()) return;
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) files.push_back(it->path());
  }
  for (const auto& f : files) wipe_file(f.string());
  fs::remove_all(path_, ec);
  path_.clear();
}

void wipe_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st{};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      static const char zeros[4096] = {};
      off_t left = st.st_size;
      while (left > 0) {
        const auto chunk = static_cast<size_t>(std::min<off_t>(left, static_cast<off_t>(sizeof zeros)));
        const ssize_t n = ::write(fd, zeros, chunk);
        if (n <= 0) break;
        left -= n;
      }
      ::fsync(fd);
    }
    ::close(fd);
  }
  ::unlink(path.c_str());
}

Result<void> copy_file_atomically(const std::string& from, const std::string& to) {
  auto bytes = util::read_file(from, kMaxPaperBytes);
  if (!bytes) return tl::unexpected(bytes.error());
  auto r = util::write_file_atomically(to, *bytes);
  admin::wipe_memory(bytes->data(), bytes->size());
  return r;
}

std::vector<std::string> allowed_roots(bool usb_allowed, const std::string& documents_folder) {
  std::vector<std::string> roots;
  if (usb_allowed) {
    roots.emplace_back("/media");
    roots.emplace_back("/run/media");
  }
  if (!documents_folder.empty()) roots.push_back(documents_folder);
  return roots;
}

bool inside_allowed_roots(const std::string& folder, const std::vector<std::string>& roots) {
  std::error_code ec;
  // canonical() follows links, so a link inside /media pointing at /etc
  // counts as /etc.
  const fs::path real = fs::canonical(folder, ec);
  if (ec) return false;
  for (const auto& root : roots) {
    const fs::path r = fs::weakly_canonical(root, ec);
    if (ec || r.empty()) continue;
    auto [ri, fi] = std::mismatch(r.begin(), r.end(), real.begin(), real.end());
    if (ri == r.end()) return true;
  }
  return false;
}

void disable_recent_files() {
  if (GtkSettings* settings = gtk_settings_get_default()) {
    g_object_set(settings, "gtk-recent-files-enabled", FALSE, "gtk-recent-files-max-age", 0, nullptr);
  }
}

bool recent_files_enabled() {
  GtkSettings* settings = gtk_settings_get_default();
  if (!settings) return false;
  gboolean enabled = TRUE;
  g_object_get(settings, "gtk-recent-files-enabled", &enabled, nullptr);
  return enabled != FALSE;
}

}  // namespace relief::gui::kiosk
