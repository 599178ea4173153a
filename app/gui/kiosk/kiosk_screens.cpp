#include "kiosk/kiosk_screens.hpp"

#include <algorithm>

#include <wx/intl.h>
#include <wx/sizer.h>

#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui::kiosk {

namespace {

constexpr int kScreenText = 760;

// A heading, a line and one big button, centred a little above the middle
// of the screen, as both kiosk screens show them.
void centre_on_screen(wxWindow* panel, wxWindow* heading, wxWindow* line, wxWindow* button) {
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(heading, 0, wxALIGN_CENTER_HORIZONTAL);
  column->Add(line, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, 24);
  column->Add(button, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, 40);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->AddStretchSpacer(2);
  outer->Add(column, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, kMargin);
  outer->AddStretchSpacer(3);
  panel->SetSizer(outer);
}

}  // namespace

NeutralScreen::NeutralScreen(wxWindow* parent, std::function<void()> on_begin)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "neutral_screen") {
  SetBackgroundColour(*wxWHITE);
  title_ = new WrapText(this, wxString(), "neutral_title", 2.0, true);
  line_ = new WrapText(this, _("Welcome. Touch the screen or press a key to begin."), "neutral_line", 1.4);
  begin_ = make_button(this, _("Begin"), "neutral_begin", _("Begin"));
  scale_font(begin_, 1.3, true);
  begin_->SetMinSize(wxSize(240, kMinTarget + 16));
  centre_on_screen(this, title_, line_, begin_);
  line_->Rewrap(kScreenText);
  begin_->Bind(wxEVT_BUTTON, [on_begin](wxCommandEvent&) {
    if (on_begin) on_begin();
  });
}

void NeutralScreen::set_title(const wxString& title) {
  title_->SetText(title);
  title_->Rewrap(kScreenText);
  Layout();
}

wxString NeutralScreen::text() const { return title_->text() + "\n" + line_->text() + "\n" + begin_->GetLabelText(); }

IdleWarning::IdleWarning(wxWindow* parent, std::function<void()> on_keep)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "idle_warning") {
  heading_ = new WrapText(this, wxString(), "idle_heading", 2.0, true);
  line_ = new WrapText(this, wxString(), "idle_countdown", 1.5);
  keep_ = make_button(this, wxString(), "idle_keep", wxString());
  scale_font(keep_, 1.5, true);
  centre_on_screen(this, heading_, line_, keep_);
  retranslate();
  keep_->Bind(wxEVT_BUTTON, [on_keep](wxCommandEvent&) {
    if (on_keep) on_keep();
  });
}

void IdleWarning::set_seconds(int seconds) {
  // TRANSLATORS: read out to a person who may have walked away; %d is seconds.
  line_->SetText(wxString::Format(wxPLURAL("Your answers will be erased in %d second.",
                                           "Your answers will be erased in %d seconds.", seconds),
                                  seconds));
  line_->Rewrap(kScreenText);
  Layout();
}

void IdleWarning::retranslate() {
  heading_->SetText(_("Are you still there?"));
  heading_->Rewrap(kScreenText);
  keep_->SetLabel(_("I'm still here"));
  keep_->SetToolTip(_("Keep my answers and go on"));
  keep_->SetMinSize(wxSize(std::max(320, keep_->GetBestSize().x + 48), 2 * kMinTarget));
  Layout();
}

wxString IdleWarning::text() const { return heading_->text() + "\n" + line_->text(); }

}  // namespace relief::gui::kiosk
