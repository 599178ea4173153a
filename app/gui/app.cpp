#include "app.hpp"

#include <exception>
#include <filesystem>
#include <string>

#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

#include "attorney/attorney_frame.hpp"
#include "kiosk/kept_sessions.hpp"
#include "kiosk/private_files.hpp"
#include "relief/store/store.hpp"
#include "relief/util/paths.hpp"
#include "language.hpp"
#include "text.hpp"
#include "wizard_frame.hpp"
#include "wizard_state.hpp"

namespace relief::gui {


void forbid_core_dumps() {
#if defined(__linux__)
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
#endif
}

void purge_kept_sessions(const model::Settings& settings) {
  // Retention runs at every start as well as from `relief admin purge`, so a
  // kiosk nobody administers still forgets old kept sessions. A store that
  // was never made is not made now.
  const std::string path = store::kept_sessions_path();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return;
  store::OpenOptions opts;
  opts.max_pin_failures = settings.max_pin_failures;
  auto s = store::Store::open_kiosk(path, opts);
  if (s) (void)s->purge_older_than(settings.retention_days);  // the store notes the purge in the audit log
}

bool App::OnInit() {
  forbid_core_dumps();
  if (!wxApp::OnInit()) return false;
  wxUILocale::UseDefault();
  // The system's language until the settings are read (the start-up errors).
  use_language(initial_language(model::Settings{}));

  std::string error;
  std::string warning;
  std::unique_ptr<WizardState> loaded = WizardState::load(error, warning);
  if (!loaded) {
    wxMessageDialog dialog(nullptr,
                           _("This program cannot start, because its law files could not be "
                             "read. Ask the clinic staff for help."),
                           _("Cannot start"), wxOK | wxICON_ERROR);
    dialog.SetExtendedMessage(to_wx(error));
    dialog.SetOKLabel(_("Close"));
    dialog.ShowModal();
    return false;
  }
  state_ = std::move(loaded);
  state_->set_language(initial_language(state_->settings()));
  use_language(state_->language());
  SetAppDisplayName(to_wx(state_->settings().window_title));
  if (!warning.empty()) {
    wxMessageDialog dialog(nullptr,
                           _("The settings file could not be read, so the standard settings are "
                             "used. Ask the clinic staff to check it."),
                           _("Settings"), wxOK | wxICON_WARNING);
    dialog.SetExtendedMessage(to_wx(warning));
    dialog.SetOKLabel(_("Continue"));
    dialog.ShowModal();
  }

  if (kiosk_) state_->set_mode(model::Mode::Kiosk);
  kiosk::disable_recent_files();
  purge_kept_sessions(state_->settings());
  if (state_->settings().mode == model::Mode::Attorney) {
    open_attorney_frame(state_);
    return true;
  }
  auto* frame = new WizardFrame(state_);
  frame->Show();
  if (state_->settings().mode == model::Mode::Kiosk) frame->ShowFullScreen(true);
  return true;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  parser.AddLongSwitch("kiosk", _("Run as a public kiosk, full screen"));
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  kiosk_ = parser.FoundSwitch("kiosk") == wxCMD_SWITCH_ON;
  return wxApp::OnCmdLineParsed(parser);
}

bool App::OnExceptionInMainLoop() {
  // The last-chance catch: no details, they may hold the person's answers.
  wxMessageDialog dialog(nullptr,
                         _("Something went wrong. Your answers are still on the screen; you may "
                           "go on, or ask the clinic staff for help."),
                         _("Problem"), wxOK | wxICON_ERROR);
  dialog.SetOKLabel(_("Go on"));
  dialog.ShowModal();
  return true;
}

void App::OnUnhandledException() {
  wxMessageDialog dialog(nullptr, _("Something went wrong and the program has to close."), _("Problem"),
                         wxOK | wxICON_ERROR);
  dialog.SetOKLabel(_("Close"));
  dialog.ShowModal();
}

}  // namespace relief::gui
