#pragma once
#include <memory>

#include <wx/app.h>

namespace relief::gui {

class WizardState;

}  // namespace relief::gui

namespace relief::model {
struct Settings;
}

namespace relief::gui {

/// Sets up wxTranslations with Relief's locales folder and the "relief"
/// catalog (a missing catalog is fine: the English msgids show).

/// Turns core dumps off for this process: a dump would hold the answers.
void forbid_core_dumps();

/// Removes kept sessions older than the settings' retention_days from the
/// kiosk store, when there is one.
void purge_kept_sessions(const model::Settings& settings);

/// The relief-gui application.
class App : public wxApp {
 public:
  bool OnInit() override;
  /// Adds --kiosk: kiosk mode, full screen (what the kiosk's systemd unit runs).
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  bool OnExceptionInMainLoop() override;
  void OnUnhandledException() override;

 private:
  std::shared_ptr<WizardState> state_;
  bool kiosk_ = false;
};

}  // namespace relief::gui
