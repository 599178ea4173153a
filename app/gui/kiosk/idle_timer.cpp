#include "kiosk/idle_timer.hpp"

#include <algorithm>

namespace relief::gui::kiosk {

IdleTimer::IdleTimer(Hooks hooks, std::chrono::seconds idle, std::chrono::seconds warning)
    : hooks_(std::move(hooks)), idle_(idle), warning_(warning), clock_([] { return Clock::now(); }) {
  last_activity_ = clock_();
  timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
  timer_.Start(1000);
}

IdleTimer::~IdleTimer() { timer_.Stop(); }

void IdleTimer::activity() {
  paused_ = false;
  if (warning_shown_) return;
  last_activity_ = clock_();
}

void IdleTimer::keep() {
  warning_shown_ = false;
  paused_ = false;
  last_activity_ = clock_();
}

void IdleTimer::pause() {
  paused_ = true;
  warning_shown_ = false;
}

void IdleTimer::set_durations(std::chrono::seconds idle, std::chrono::seconds warning) {
  idle_ = idle;
  warning_ = warning;
}

int IdleTimer::seconds_left() const {
  const auto left = warning_ - std::chrono::duration_cast<std::chrono::seconds>(clock_() - warned_at_);
  return static_cast<int>(std::max<std::chrono::seconds::rep>(0, left.count()));
}

void IdleTimer::tick() {
  if (paused_) return;
  const Clock::time_point now = clock_();
  if (!warning_shown_) {
    if (now - last_activity_ < idle_) return;
    if (hooks_.holds_session && !hooks_.holds_session()) {
      // Nothing to lose: no warning, no wipe; just look again later.
      last_activity_ = now;
      return;
    }
    expire_idle_now();
    return;
  }
  const int left = seconds_left();
  if (left <= 0) {
    expire_warning_now();
  } else if (hooks_.countdown) {
    hooks_.countdown(left);
  }
}

void IdleTimer::expire_idle_now() {
  warning_shown_ = true;
  warned_at_ = clock_();
  if (hooks_.warn) hooks_.warn(static_cast<int>(warning_.count()));
}

void IdleTimer::expire_warning_now() {
  warning_shown_ = false;
  last_activity_ = clock_();
  if (hooks_.expire) hooks_.expire();
}

}  // namespace relief::gui::kiosk
