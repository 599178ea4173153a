#include "pages/welcome_page.hpp"

#include <wx/intl.h>

#include "language.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
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

WelcomePage::WelcomePage(wxWindow* parent, WizardState& state, LanguageChosen on_language)
    : WizardPage(parent, state, "welcome_page") {
  // The language first, each named in its own words, so that someone who
  // cannot read this screen can still find theirs.
  const auto languages = offered_languages(state_.settings());
  if (languages.size() > 1) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new WrapText(this, _("Language:"), "welcome_language_label", 1.15, true);
    row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    for (const auto& code : languages) {
      const bool current = code == state_.language();
      auto* b = make_button(this, native_name(code), to_wx("welcome_language_" + code),
                            current ? _("This is the language in use") : wxString::Format(_("Show the screens in %s"),
                                                                                          native_name(code)));
      scale_font(b, 1.2, current);
      // Said in words, not by the bold alone.
      set_accessible(b, current ? wxString::Format(_("%s (in use)"), native_name(code)) : native_name(code));
      b->Bind(wxEVT_BUTTON, [on_language, code](wxCommandEvent&) {
        if (on_language) on_language(code);
      });
      row->Add(b, 0, wxRIGHT, 8);
      language_buttons_.push_back(b);
    }
    content_->Add(row, 0, wxBOTTOM, 20);
  }
  // The heading is read from across a room too: it names the task, not the
  // crime or the trafficking.
  content_->Add(new WrapText(this, _("Clear an old record"), "welcome_heading", 1.8, true));
  content_->Add(new WrapText(this,
                             _("This program can help if you have a criminal record because "
                               "someone forced, tricked or pressured you, for example into sex "
                               "work or other work."),
                             "welcome_intro", 1.15),
                0, wxTOP, 12);
  add_section(this, content_, _("Before you start"),
              _("Some questions are about hard experiences, such as being forced or tricked. You "
                "can take a break, answer \"I'm not sure\", or leave at any time."),
              "welcome_content_note");
  add_section(this, content_, _("What happens"),
              _("We ask you some questions, one at a time. Then we tell you, record by record, "
                "if the law may let a court clear it, and why. We can also write the court "
                "papers for you. You can answer \"I'm not sure\" to any question."),
              "welcome_what");
  // What is kept follows the administrator's storage policy, said plainly.
  wxString keep =
      _("Nothing. Your answers stay on this screen only while you use it. When you press "
        "Exit or close the program, they are erased. Papers are saved only if you choose "
        "a folder for them.");
  if (state_.settings().storage_policy == model::StoragePolicy::KeepByChoice) {
    keep = _("Nothing, unless you ask. Your answers stay on this screen while you use it and are erased when you "
             "leave. If you want to finish another day, you can lock them with a PIN you choose; then only your "
             "code and PIN open them, and they are erased after a while. Papers are saved only if you choose a "
             "folder for them.");
  } else if (state_.settings().storage_policy == model::StoragePolicy::AttorneyWorkstation) {
    keep = _("This computer belongs to a lawyer's office. Your answers may be kept in its locked case store so "
             "your lawyer can work on them. Papers are saved only if you choose a folder for them.");
  }
  add_section(this, content_, _("What we keep"), keep, "welcome_keep");
  add_section(this, content_, _("How to leave quickly"),
              _("Press the Exit button at the top right, at any time, or press the Shift key "
                "three times. The screen goes blank right away."),
              "welcome_exit");
  content_->Add(new WrapText(this, _("This is legal information, not legal advice."), "welcome_disclaimer", 1.15), 0,
                wxTOP, 24);
  content_->Add(new WrapText(this, _("Press Start when you are ready."), "welcome_start", 1.15, true), 0, wxTOP, 16);
  continue_ = make_button(this, _("Continue a saved session"), "welcome_continue",
                          _("Go on with answers you saved before. You need your code and your PIN."));
  content_->Add(continue_, 0, wxTOP, 16);
  // Lawyers and advocates may switch to the dense screens, never on a
  // public kiosk (they open and save case files).
  attorney_ = make_button(this, _("I am a lawyer or advocate"), "welcome_attorney",
                          _("Open the screens for lawyers: all records and questions at once, and case files"));
  content_->Add(attorney_, 0, wxTOP, 24);
  refresh();
}

void WelcomePage::refresh() {
  continue_->Show(kiosk::keep_allowed(state_.settings()));
  attorney_->Show(state_.settings().mode == model::Mode::Survivor);
  relayout();
}

wxString WelcomePage::heading() const { return _("Welcome"); }

wxWindow* WelcomePage::first_focus() {
  // Start is the default button; the focus goes to the first thing to read
  // or choose, the language.
  if (!language_buttons_.empty()) return language_buttons_.front();
  return this;
}

}  // namespace relief::gui
