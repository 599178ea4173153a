#pragma once
#include <chrono>
#include <functional>

#include <wx/timer.h>

namespace relief::gui::kiosk {

/// The idle clock: after `idle` without a touch it asks for a warning, and
/// after a further `warning` with no answer it asks for the wipe. A wxTimer
/// ticks once a second; the clock and the durations can be replaced, and
/// tick() called by hand, so tests need not wait minutes.
class IdleTimer {
 public:
  using Clock = std::chrono::steady_clock;
  /// At least 20 seconds to answer "Are you still there?" (WCAG 2.2.1).
  static constexpr std::chrono::seconds kDefaultWarning{30};

  struct Hooks {
    /// Whether the wipe would lose anything (else nothing happens).
    std::function<bool()> holds_session;
    /// Show the warning with this many seconds left.
    std::function<void(int seconds_left)> warn;
    /// Update the countdown.
    std::function<void(int seconds_left)> countdown;
    /// Time is up: wipe and go back to the start.
    std::function<void()> expire;
  };

  IdleTimer(Hooks hooks, std::chrono::seconds idle, std::chrono::seconds warning = kDefaultWarning);
  ~IdleTimer();
  IdleTimer(const IdleTimer&) = delete;
  IdleTimer& operator=(const IdleTimer&) = delete;

  /// A key, click or touch: the idle time starts again. While the warning
  /// shows, only keep() ends it (so a stray bump does not hide the choice).
  void activity();
  /// "I'm still here": hides the warning and starts the idle time again.
  void keep();
  /// Checks the clock; the wxTimer calls it every second.
  void tick();
  /// Stops everything (e.g. on the neutral screen) until activity().
  void pause();

  void set_durations(std::chrono::seconds idle, std::chrono::seconds warning);
  void set_clock(std::function<Clock::time_point()> clock) { clock_ = std::move(clock); }
  /// Goes straight to the warning, as if the idle time had passed.
  void expire_idle_now();
  /// Ends the countdown now, as if it had run out.
  void expire_warning_now();

  bool warning_shown() const { return warning_shown_; }
  std::chrono::seconds idle() const { return idle_; }
  std::chrono::seconds warning() const { return warning_; }

 private:
  int seconds_left() const;

  Hooks hooks_;
  std::chrono::seconds idle_;
  std::chrono::seconds warning_;
  std::function<Clock::time_point()> clock_;
  Clock::time_point last_activity_;
  Clock::time_point warned_at_;
  bool warning_shown_ = false;
  bool paused_ = false;
  wxTimer timer_;
};

}  // namespace relief::gui::kiosk
