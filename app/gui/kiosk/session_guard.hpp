#pragma once
#include <chrono>
#include <deque>
#include <functional>

#include <wx/event.h>
#include <wx/eventfilter.h>

namespace relief::gui::kiosk {

/// The keyboard ways out, as plain logic with the time passed in: Shift
/// pressed on its own three times within 5 seconds, or Escape twice within
/// 2 seconds. Typing a capital letter (Shift held, then a letter) never
/// counts, and any other key starts the Shift count again.
class QuickExitKeys {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr auto kShiftWindow = std::chrono::seconds(5);
  static constexpr auto kEscapeWindow = std::chrono::seconds(2);

  /// A key went down. Returns true when this completes an Escape pair.
  bool key_down(int key_code, Clock::time_point now);
  /// A key came up. Returns true when this completes three plain Shifts.
  bool key_up(int key_code, Clock::time_point now);
  /// Forgets every press counted so far.
  void reset();

 private:
  bool shift_alone_ = false;  ///< a Shift is down and no other key came since
  std::deque<Clock::time_point> shifts_;
  std::deque<Clock::time_point> escapes_;
};

/// Installed on the application (a wxEventFilter), so it sees every key and
/// mouse event whatever window has the focus: it calls `on_quick_exit` for
/// the keyboard ways out and `on_activity` for any key, click, touch, wheel
/// or pointer movement (the idle timer listens to that).
class SessionGuard : public wxEventFilter {
 public:
  /// What happened, for `on_activity`.
  struct Activity {
    bool key = false;   ///< a key went down (false: the pointer or a touch)
    int key_code = 0;   ///< its wx key code when `key`
    bool press = false; ///< a key or a button went down (not a mere movement)
  };

  SessionGuard(std::function<void()> on_quick_exit, std::function<void(const Activity&)> on_activity);
  ~SessionGuard() override;
  SessionGuard(const SessionGuard&) = delete;
  SessionGuard& operator=(const SessionGuard&) = delete;

  int FilterEvent(wxEvent& event) override;

  /// Replaces the clock (tests step time by hand).
  void set_clock(std::function<QuickExitKeys::Clock::time_point()> clock) { clock_ = std::move(clock); }

 private:
  QuickExitKeys keys_;
  std::function<void()> on_quick_exit_;
  std::function<void(const Activity&)> on_activity_;
  std::function<QuickExitKeys::Clock::time_point()> clock_;
  bool firing_ = false;
};

}  // namespace relief::gui::kiosk
