#pragma once
#include <map>
#include <string>

#include "relief/error.hpp"

namespace relief::audit {

/// What happened. Events never carry names, answers or addresses.
enum class Event {
  SessionStarted,
  SessionSaved,     ///< a kiosk session was kept under a PIN
  SessionResumed,
  SessionErased,    ///< erased by choice, or after too many wrong PINs
  DocumentsWritten,
  IntakeSealed,
  IntakeOpened,
  CaseExported,
  CaseImported,
  CasesPurged,      ///< retention removed old cases
  StoreRecovered,   ///< a damaged database was moved aside
};

/// The event's name in the log ("session_started" …).
std::string event_name(Event e);

/// $RELIEF_STATE_DIR/audit.log (default /var/lib/relief/audit.log).
std::string log_path();

/// Appends one JSON line {"time","event",details…} to log_path() with a
/// single O_APPEND write and fsync (mode 0600; the folder is created 0700).
/// `details` keys must be one of jurisdiction, count, kind, reason, result
/// and values at most 32 characters of [A-Za-z0-9_.-]: anything else is
/// refused, so free text (a name, an answer, a path) cannot reach the log.
Result<void> record(Event e, const std::map<std::string, std::string>& details = {});

}  // namespace relief::audit
