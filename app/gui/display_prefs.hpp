#pragma once
#include <string>

namespace relief::gui {

/// How the screens look to this person: bigger text and high contrast.
/// Kept between sessions in the user's configuration folder
/// ($XDG_CONFIG_HOME/relief/display.json); it says nothing about anyone.
struct DisplayPrefs {
  static constexpr int kMinStep = -2;
  static constexpr int kMaxStep = 5;
  int text_step = 0;  ///< each step is 15% bigger text (Ctrl+Plus / Ctrl+Minus)
  bool high_contrast = false;

  /// The factor to scale the standard text by.
  double text_scale() const;

  /// Reads display.json; the defaults when it is missing or unreadable.
  static DisplayPrefs load();
  /// Writes display.json atomically; false when it could not (not fatal).
  bool save() const;
};

/// Switches GTK's built-in high-contrast theme on or off for the whole
/// program (every native control follows).
void apply_high_contrast(bool on);

}  // namespace relief::gui
