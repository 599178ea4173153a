#include "relief/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace relief::util {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

std::string random_suffix() {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::string s;
  for (int i = 0; i < 10; ++i) s += kChars[rd() % (sizeof kChars - 1)];
  return s;
}

}  // namespace

Result<void> write_file_atomically(const std::string& path, std::string_view data) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" + random_suffix());

  // O_EXCL: never follow or reuse an existing file; 0600: readable only by
  // the user until the rename makes it the real file.
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int err = errno;
    return fail(ErrorCode::Io, path, "", "cannot write in folder " + dir.string() + ": " + errno_text(err));
  }
  auto abandon = [&](const std::string& what, int err) -> Result<void> {
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::Io, path, "", what + ": " + errno_text(err));
  };
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return abandon("writing failed (is the disk full?)", errno);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return abandon("writing failed (is the disk full?)", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return fail(ErrorCode::Io, path, "", "writing failed: " + errno_text(err));
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return fail(ErrorCode::Io, path, "", "cannot replace the file: " + errno_text(err));
  }
  // Make the rename itself durable.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::NotFound, path, "", "file not found");
  if (std::filesystem::is_directory(path, ec)) return fail(ErrorCode::BadInput, path, "", "is a folder, expected a file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorCode::Io, path, "", "cannot read: " + ec.message());
  if (size > max_bytes) {
    return fail(ErrorCode::BadInput, path, "",
                "file is too large (" + std::to_string(size) + " bytes; the limit is " +
                    std::to_string(max_bytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::Io, path, "", "cannot open for reading");
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) return fail(ErrorCode::Io, path, "", "read was cut short");
  return data;
}

}  // namespace relief::util
