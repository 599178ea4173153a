#include "pages/welcome_page.hpp"

#include <wx/intl.h>

#include "kiosk/kept_sessions.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

namespace {

void add_section(wxWindow* parent, wxSizer* sizer, const wxString& title, const wxString& body, const wxString& name) {
  sizer->Add(new WrapText(parent, title, name + "_title", 1.25, true), 0, wxTOP, 16);
  sizer->Add(new WrapText(parent, body, name, 1.15), 0, wxTOP, 4);
}

}  // namespace

WelcomePage::WelcomePage(wxWindow* parent, WizardState& state) : WizardPage(parent, state, "welcome_page") {
  // The heading is read from across a room too: it names the task, not the
  // crime or the trafficking.
  content_->Add(new WrapText(this, _("Clear an old record"), "welcome_heading", 1.8, true));
  content_->Add(new WrapText(this,
                             _("This program can help if you have a criminal record because "
                               "someone forced, tricked or pressured you, for example into sex "
                               "work or other work."),
                             "welcome_intro", 1.15),
                0, wxTOP, 12);
  add_section(this, content_, _("What happens"),
              _("We ask you some questions, one at a time. Then we tell you, record by record, "
                "if the law may let a court clear it, and why. We can also write the court "
                "papers for you. You can answer \"I'm not sure\" to any question."),
              "welcome_what");
  add_section(this, content_, _("What we keep"),
              _("Nothing. Your answers stay on this screen only while you use it. When you press "
                "Exit or close the program, they are erased. Papers are saved only if you choose "
                "a folder for them."),
              "welcome_keep");
  add_section(this, content_, _("How to leave quickly"),
              _("Press the Exit button at the top right, at any time. The screen goes blank "
                "right away."),
              "welcome_exit");
  content_->Add(new WrapText(this, _("This is legal information, not legal advice."), "welcome_disclaimer", 1.15), 0,
                wxTOP, 24);
  content_->Add(new WrapText(this, _("Press Start when you are ready."), "welcome_start", 1.15, true), 0, wxTOP, 16);
  continue_ = make_button(this, _("Continue a saved session"), "welcome_continue",
                          _("Go on with answers you saved before. You need your code and your PIN."));
  content_->Add(continue_, 0, wxTOP, 16);
  refresh();
}

void WelcomePage::refresh() {
  continue_->Show(kiosk::keep_allowed(state_.settings()));
  relayout();
}

wxString WelcomePage::heading() const { return _("Welcome"); }

}  // namespace relief::gui
