#include "kiosk/session_guard.hpp"

#include <wx/app.h>

namespace relief::gui::kiosk {

namespace {

bool is_shift(int key) { return key == WXK_SHIFT; }

template <typename Duration>
void drop_older(std::deque<QuickExitKeys::Clock::time_point>& times, QuickExitKeys::Clock::time_point now,
                Duration window) {
  while (!times.empty() && now - times.front() > window) times.pop_front();
}

}  // namespace

bool QuickExitKeys::key_down(int key_code, Clock::time_point now) {
  if (is_shift(key_code)) {
    // A held Shift repeats its key-down; only its key-up counts, once.
    // (wxKeyEvent::IsAutoRepeat() is not set on every event in wx 3.2.)
    shift_alone_ = true;
    return false;
  }
  if (key_code == WXK_ESCAPE) {
    shift_alone_ = false;
    shifts_.clear();
    drop_older(escapes_, now, kEscapeWindow);
    escapes_.push_back(now);
    if (escapes_.size() >= 2) {
      reset();
      return true;
    }
    return false;
  }
  // Any other key (a capital letter typed with Shift, Ctrl, a digit …)
  // means the person is typing: start counting again.
  shift_alone_ = false;
  shifts_.clear();
  escapes_.clear();
  return false;
}

bool QuickExitKeys::key_up(int key_code, Clock::time_point now) {
  if (!is_shift(key_code)) return false;
  const bool alone = shift_alone_;
  shift_alone_ = false;
  if (!alone) return false;
  drop_older(shifts_, now, kShiftWindow);
  shifts_.push_back(now);
  if (shifts_.size() >= 3) {
    reset();
    return true;
  }
  return false;
}

void QuickExitKeys::reset() {
  shift_alone_ = false;
  shifts_.clear();
  escapes_.clear();
}

SessionGuard::SessionGuard(std::function<void()> on_quick_exit, std::function<void(const Activity&)> on_activity)
    : on_quick_exit_(std::move(on_quick_exit)),
      on_activity_(std::move(on_activity)),
      clock_([] { return QuickExitKeys::Clock::now(); }) {
  wxEvtHandler::AddFilter(this);
}

SessionGuard::~SessionGuard() { wxEvtHandler::RemoveFilter(this); }

int SessionGuard::FilterEvent(wxEvent& event) {
  const wxEventType type = event.GetEventType();
  // wxGTK sends every key press first to the top-level window as
  // wxEVT_CHAR_HOOK and only then, if nobody took it, as wxEVT_KEY_DOWN to
  // the focused control. Counting the hook alone counts each press once,
  // even in dialogs that take Escape for themselves.
  if (type == wxEVT_CHAR_HOOK || type == wxEVT_KEY_UP) {
    auto& key = static_cast<wxKeyEvent&>(event);
    const int code = key.GetKeyCode();
    const bool down = type == wxEVT_CHAR_HOOK;
    if (on_activity_ && down) on_activity_(Activity{true, code, true});
    const bool fire = down ? keys_.key_down(code, clock_()) : keys_.key_up(code, clock_());
    if (fire && on_quick_exit_ && !firing_) {
      firing_ = true;
      on_quick_exit_();
      firing_ = false;
      return Event_Processed;
    }
    return Event_Skip;
  }
  if (!on_activity_) return Event_Skip;
  if (type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN || type == wxEVT_MIDDLE_DOWN ||
      type == wxEVT_GESTURE_PAN || type == wxEVT_GESTURE_ZOOM || type == wxEVT_LONG_PRESS || type == wxEVT_PRESS_AND_TAP) {
    on_activity_(Activity{false, 0, true});
  } else if (type == wxEVT_MOTION || type == wxEVT_MOUSEWHEEL) {
    on_activity_(Activity{false, 0, false});
  }
  return Event_Skip;
}

}  // namespace relief::gui::kiosk
