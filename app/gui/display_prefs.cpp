#include "display_prefs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "relief/util/atomic_file.hpp"

#if defined(__WXGTK__)
#include <gtk/gtk.h>
#endif

namespace relief::gui {

namespace {

// Per user, like any desktop preference: $XDG_CONFIG_HOME/relief/display.json.
std::string prefs_dir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/relief";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.config/relief";
}

std::string prefs_path() { return prefs_dir() + "/display.json"; }

}  // namespace

double DisplayPrefs::text_scale() const { return std::pow(1.15, std::clamp(text_step, kMinStep, kMaxStep)); }

DisplayPrefs DisplayPrefs::load() {
  DisplayPrefs p;
  auto text = util::read_file(prefs_path(), 4096);
  if (!text) return p;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object()) return p;
  if (auto it = j.find("text_step"); it != j.end() && it->is_number_integer()) {
    p.text_step = std::clamp(it->get<int>(), kMinStep, kMaxStep);
  }
  if (auto it = j.find("high_contrast"); it != j.end() && it->is_boolean()) p.high_contrast = it->get<bool>();
  return p;
}

bool DisplayPrefs::save() const {
  nlohmann::json j = {{"text_step", text_step}, {"high_contrast", high_contrast}};
  std::error_code ec;
  std::filesystem::create_directories(prefs_dir(), ec);
  return static_cast<bool>(util::write_file_atomically(prefs_path(), j.dump(2) + "\n"));
}

void apply_high_contrast(bool on) {
#if defined(__WXGTK__)
  if (GtkSettings* settings = gtk_settings_get_default()) {
    static std::string original;
    if (original.empty()) {
      gchar* name = nullptr;
      g_object_get(settings, "gtk-theme-name", &name, nullptr);
      original = name ? name : "Adwaita";
      g_free(name);
    }
    g_object_set(settings, "gtk-theme-name", on ? "HighContrast" : original.c_str(), nullptr);
  }
#else
  (void)on;
#endif
}

}  // namespace relief::gui
