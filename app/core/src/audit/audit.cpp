#include "relief/audit/audit.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "relief/util/paths.hpp"

namespace relief::audit {
namespace {

bool allowed_value(const std::string& v) {
  if (v.empty() || v.size() > 32) return false;
  for (char c : v) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string event_name(Event e) {
  switch (e) {
    case Event::SessionStarted: return "session_started";
    case Event::SessionSaved: return "session_saved";
    case Event::SessionResumed: return "session_resumed";
    case Event::SessionErased: return "session_erased";
    case Event::DocumentsWritten: return "documents_written";
    case Event::IntakeSealed: return "intake_sealed";
    case Event::IntakeOpened: return "intake_opened";
    case Event::CaseExported: return "case_exported";
    case Event::CaseImported: return "case_imported";
    case Event::CasesPurged: return "cases_purged";
    case Event::StoreRecovered: return "store_recovered";
  }
  return "unknown";
}

std::string log_path() { return util::state_dir() + "/audit.log"; }

Result<void> record(Event e, const std::map<std::string, std::string>& details) {
  static const std::set<std::string> kKeys = {"jurisdiction", "count", "kind", "reason", "result"};
  nlohmann::json line = {{"time", utc_now()}, {"event", event_name(e)}};
  for (const auto& [k, v] : details) {
    // The key is ours; the value is not echoed, so a refusal leaks nothing.
    if (!kKeys.count(k) || !allowed_value(v)) {
      return fail(ErrorCode::Internal, "audit.log", k, "refused a detail that could carry personal data");
    }
    line[k] = v;
  }
  const std::string path = log_path();
  std::error_code ec;
  const auto dir = std::filesystem::path(path).parent_path();
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  }
  const std::string text = line.dump() + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int err = errno;
    return fail(ErrorCode::Io, path, "open", std::strerror(err));
  }
  // One write() of the whole line: with O_APPEND, concurrent writers never
  // interleave inside a line, and a crash leaves whole lines or none.
  ssize_t n;
  do {
    n = ::write(fd, text.data(), text.size());
  } while (n < 0 && errno == EINTR);
  const int err = n < 0 ? errno : 0;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (n != static_cast<ssize_t>(text.size())) {
    return fail(ErrorCode::Io, path, "append", n < 0 ? std::strerror(err) : "short write (is the disk full?)");
  }
  if (!synced) return fail(ErrorCode::Io, path, "fsync", "could not flush to disk");
  return {};
}

}  // namespace relief::audit
