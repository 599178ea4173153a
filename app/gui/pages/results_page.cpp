#include "pages/results_page.hpp"

#include <wx/intl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include "kiosk/kept_sessions.hpp"
#include "pages/keep_dialog.hpp"
#include "text.hpp"
#include "widgets/legal_footer.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

namespace {

constexpr int kBulletIndent = 24;

wxColour colour_for(rules::Outcome o) {
  switch (o) {
    case rules::Outcome::Eligible:
      return good_colour();
    case rules::Outcome::NotEligible:
      return bad_colour();
    case rules::Outcome::NeedsReview:
    case rules::Outcome::Incomplete:
      return review_colour();
  }
  return review_colour();
}

// A title and a bulleted list, or nothing when the list is empty.
void add_list(wxWindow* parent, wxSizer* sizer, const wxString& title, const std::vector<wxString>& items,
              const wxString& name) {
  if (items.empty()) return;
  sizer->Add(new WrapText(parent, title, name + "_title"), 0, wxTOP, 10);
  for (const auto& item : items) {
    // A hanging indent: wrapped lines start under the words, not the bullet.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* dot = new wxStaticText(parent, wxID_ANY, bullet(), wxDefaultPosition, wxDefaultSize, 0, name + "_bullet");
    auto* text = new WrapText(parent, item, name);
    text->set_wrap_reduction(kBulletIndent);
    row->Add(dot, 0, wxLEFT, 4);
    row->Add(text, 1);
    sizer->Add(row, 0, wxTOP, 4);
  }
}

}  // namespace

ResultsPage::ResultsPage(wxWindow* parent, WizardState& state) : WizardPage(parent, state, "results_page") {}

wxString ResultsPage::heading() const { return _("Results"); }

void ResultsPage::refresh() {
  Freeze();
  content_->Clear(true);
  shown_.clear();

  const rules::Decision& decision = state_.decide();
  content_->Add(new WrapText(this, _("What the law says about your records"), "results_heading", 1.6, true));
  content_->Add(
      new WrapText(this, _("This is based on your answers. A court makes the final decision."), "results_intro", 1.15),
      0, wxTOP | wxBOTTOM, 12);
  for (const auto& rd : decision.records) add_record_block(rd);
  if (kiosk::keep_allowed(state_.settings())) {
    auto* keep = make_button(this, _("Save my answers to finish later"), "results_keep",
                             _("Lock your answers with a PIN you choose, to go on another day"));
    keep->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_keep_dialog(this, state_); });
    content_->Add(keep, 0, wxBOTTOM, 16);
  }
  add_legal_footer(this, content_, state_);

  Thaw();
  Scroll(0, 0);
  relayout();
}

void ResultsPage::add_record_block(const rules::RecordDecision& rd) {
  const model::Record* record = state_.case_data().find_record(rd.id);
  const wxString title = record ? record_title(*record) : to_wx(rd.id);
  auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
  wxStaticBox* b = box->GetStaticBox();
  b->SetName("result_" + to_wx(rd.id));
  scale_font(b, 1.2, true);
  // The box's label font must not leak into the text inside it.
  const wxFont body = GetFont().Scaled(1.1f);

  const rules::RemedyResult& best = rd.best;
  auto* outcome = new WrapText(b, outcome_words(best.outcome), "result_outcome", 1.0, true);
  outcome->SetFont(body.Scaled(1.35f).Bold());
  outcome->SetForegroundColour(colour_for(best.outcome));
  box->Add(outcome, 0, wxALL, 8);

  auto* inner = new wxBoxSizer(wxVERTICAL);
  if (!best.citations.empty()) {
    wxString law;
    for (const auto& c : best.citations) {
      if (!law.empty()) law += "; ";
      law += to_wx(c);
    }
    // TRANSLATORS: %s is one or more statute citations.
    auto* t = new WrapText(b, wxString::Format(_("Law: %s"), law), "result_law");
    t->SetFont(body);
    inner->Add(t, 0, wxTOP, 4);
  }

  std::vector<wxString> reasons;
  for (const auto& m : best.reasons) reasons.push_back(tr(m));
  add_list(b, inner, _("Why"), reasons, "result_reason");

  std::vector<wxString> missing;
  for (const auto& name : best.missing) {
    const model::FactDef* def = state_.fact_def(name);
    missing.push_back(def && !def->question.empty() ? tr(def->question) : to_wx(name));
  }
  add_list(b, inner, _("We still need to know"), missing, "result_missing");

  std::vector<wxString> documents;
  for (const auto& d : best.documents_needed) documents.push_back(tr(d));
  add_list(b, inner, _("Papers to gather"), documents, "result_document");

  std::vector<wxString> changes;
  for (const auto& m : best.would_change) changes.push_back(tr(m));
  add_list(b, inner, _("What could change this"), changes, "result_change");

  for (wxWindow* w : b->GetChildren()) {
    if (w != outcome && dynamic_cast<wxStaticText*>(w)) {
      wxFont f = body;
      if (w->GetName().EndsWith("_title")) f.MakeBold();
      w->SetFont(f);
    }
  }
  box->Add(inner, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
  content_->Add(box, 0, wxEXPAND | wxBOTTOM, 16);
  shown_.emplace_back(rd.id, best.outcome);
}

}  // namespace relief::gui
