#include "pages/review_page.hpp"

#include <wx/intl.h>
#include <wx/statline.h>

#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

ReviewPage::ReviewPage(wxWindow* parent, WizardState& state, ChangeAnswer change_answer, ChangeRecords change_records)
    : WizardPage(parent, state, "review_page"),
      change_answer_(std::move(change_answer)),
      change_records_(std::move(change_records)) {
  content_->Add(new WrapText(this, _("Check your answers"), "review_heading", 1.6, true));
  content_->Add(new WrapText(this,
                             _("Here is everything you told us. If something is wrong, press Change next to "
                               "it. When all is right, press Next to see what the law may do for you."),
                             "review_intro", 1.15),
                0, wxTOP | wxBOTTOM, 12);
  summary_ = new wxBoxSizer(wxVERTICAL);
  content_->Add(summary_, 0, wxEXPAND);
}

wxString ReviewPage::heading() const { return _("Check your answers"); }

wxWindow* ReviewPage::first_focus() {
  if (records_button_) return records_button_;
  return this;
}

wxString ReviewPage::answer_words(const rules::Question& q, const nlohmann::json* value) {
  if (!value) return _("Not answered");
  if (value->is_null()) return _("I'm not sure");
  if (value->is_boolean()) return value->get<bool>() ? _("Yes") : _("No");
  if (value->is_string()) {
    const std::string v = value->get<std::string>();
    if (q.def && q.def->type == model::FactType::Choice) return choice_words(q.fact, v);
    return to_wx(v);
  }
  return to_wx(value->dump());
}

void ReviewPage::refresh() {
  Freeze();
  summary_->Clear(true);
  changes_.clear();
  records_button_ = nullptr;

  // The records first: they are what the answers are about.
  summary_->Add(new WrapText(this, _("Your records"), "review_records_title", 1.3, true), 0, wxTOP, 8);
  const auto& records = state_.case_data().records;
  if (records.empty()) {
    summary_->Add(new WrapText(this, _("No records yet."), "review_no_records", 1.15), 0, wxTOP, 4);
  }
  for (const auto& r : records) {
    summary_->Add(new WrapText(this, bullet() + record_title(r) + " - " + kind_short_words(r.kind),
                               to_wx("review_record_" + r.id), 1.15),
                  0, wxTOP, 4);
  }
  records_button_ = make_button(this, _("Change the records"), "review_change_records",
                                _("Add, change or remove a record"));
  records_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (change_records_) change_records_();
  });
  summary_->Add(records_button_, 0, wxTOP | wxBOTTOM, 8);

  const auto questions = state_.answered_questions();
  auto add_group = [&](const wxString& title, const wxString& name, auto&& belongs) {
    bool any = false;
    for (const auto& q : questions) {
      if (!belongs(q)) continue;
      if (!any) {
        summary_->Add(new wxStaticLine(this), 0, wxEXPAND | wxTOP, 12);
        summary_->Add(new WrapText(this, title, name, 1.3, true), 0, wxTOP, 8);
        any = true;
      }
      const auto value = state_.value_of(q);
      auto* row = new wxBoxSizer(wxHORIZONTAL);
      auto* col = new wxBoxSizer(wxVERTICAL);
      auto* question = new WrapText(this, tr(q.def->question), to_wx("review_q_" + q.fact), 1.1);
      question->set_wrap_reduction(220);
      const wxString words = answer_words(q, value ? &*value : nullptr);
      // TRANSLATORS: shown under a question on the review screen.
      auto* answer = new WrapText(this, wxString::Format(_("Your answer: %s"), words),
                                  to_wx("review_a_" + q.fact), 1.1, true);
      answer->set_wrap_reduction(220);
      col->Add(question, 0);
      col->Add(answer, 0, wxTOP, 2);
      auto* change = make_button(this, _("Change"), to_wx("review_change_" + q.fact), _("Answer this question again"));
      // TRANSLATORS: what a screen reader says for a Change button: the question, then the answer.
      set_accessible(change, wxString::Format(_("Change: %1$s (now: %2$s)"), tr(q.def->question), words));
      change->Bind(wxEVT_BUTTON, [this, q](wxCommandEvent&) {
        if (change_answer_) change_answer_(q);
      });
      row->Add(col, 1, wxALIGN_CENTER_VERTICAL);
      row->Add(change, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
      summary_->Add(row, 0, wxEXPAND | wxTOP, 10);
      changes_.emplace_back(change, q);
    }
  };
  add_group(_("About you"), "review_about_you", [](const rules::Question& q) { return !q.record; });
  for (const auto& r : records) {
    // TRANSLATORS: %s names a record, e.g. "Petit larceny (2017-09-15)".
    add_group(wxString::Format(_("About this record: %s"), record_title(r)), to_wx("review_about_" + r.id),
              [&r](const rules::Question& q) { return q.record && *q.record == r.id; });
  }
  Thaw();
  relayout();
}

}  // namespace relief::gui
