#include "pages/question_page.hpp"

#include <algorithm>

#include <wx/intl.h>

#include "relief/model/date.hpp"
#include "rough_date.hpp"
#include "text.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

QuestionPage::QuestionPage(wxWindow* parent, WizardState& state, Step step, const wxString& name)
    : WizardPage(parent, state, name), step_(step) {
  // Where the person is: in words, and as a bar for those who read less.
  progress_ = new WrapText(this, wxString(), "question_progress", 1.0);
  gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(320, 14), wxGA_HORIZONTAL | wxGA_SMOOTH,
                       wxDefaultValidator, "question_progress_bar");
  auto* progress_row = new wxBoxSizer(wxHORIZONTAL);
  progress_row->Add(progress_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
  progress_row->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL);
  content_->Add(progress_row, 0, wxBOTTOM, 12);
  note_ = new WrapText(this, wxString(), "question_note", 1.1);
  note_->SetForegroundColour(review_colour());
  about_ = new WrapText(this, wxString(), "question_record", 1.15, true);
  text_ = new WrapText(this, wxString(), "question_text", 1.5);
  why_title_ = new WrapText(this, _("Why we ask this"), "question_why_title", 1.1, true);
  help_ = new WrapText(this, wxString(), "question_help", 1.1);
  error_ = new WrapText(this, wxString(), "question_error", 1.15, true);
  error_->SetForegroundColour(error_colour());
  answers_ = new wxBoxSizer(wxVERTICAL);

  content_->Add(note_, 0, wxBOTTOM, 12);
  content_->Add(about_, 0, wxBOTTOM, 12);
  content_->Add(text_, 0, wxBOTTOM, 16);
  content_->Add(answers_, 0, wxEXPAND | wxBOTTOM, 8);
  content_->Add(error_, 0, wxBOTTOM, 16);
  content_->Add(why_title_, 0, wxTOP, 8);
  content_->Add(help_, 0, wxTOP, 4);
}

wxString QuestionPage::heading() const {
  return step_ == Step::AboutYou ? _("About you") : _("Questions about each record");
}

wxWindow* QuestionPage::first_focus() {
  for (const auto& [radio, value] : options_) {
    if (radio->GetValue()) return radio;
  }
  if (entry_option_) return entry_option_;
  if (!options_.empty()) return options_.front().first;
  return this;
}

bool QuestionPage::begin() {
  auto q = state_.next_question(step_);
  if (!q) {
    question_.reset();
    return false;
  }
  show(*q, false);
  return true;
}

bool QuestionPage::advance() { return begin(); }

void QuestionPage::show_question(const rules::Question& q) { show(q, true); }

wxString QuestionPage::progress_text() const { return progress_->text(); }

bool QuestionPage::back() {
  auto q = state_.take_back(step_);
  if (!q || !q->def) return false;
  show(*q, true);
  return true;
}

void QuestionPage::clear_answers() {
  answers_->Clear(true);
  none_ = nullptr;
  options_.clear();
  entry_option_ = nullptr;
  entry_ = nullptr;
}

void QuestionPage::add_option(const wxString& label, const nlohmann::json& value, const wxString& name) {
  auto* radio = new wxRadioButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
  scale_font(radio, 1.4);
  radio->SetMinSize(wxSize(-1, kMinTarget));
  radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { set_error(wxString()); });
  answers_->Add(radio, 0, wxEXPAND | wxBOTTOM, 6);
  options_.emplace_back(radio, value);
}

void QuestionPage::show(const rules::Question& q, bool restore) {
  question_ = q;
  const model::FactDef& def = *q.def;
  Freeze();
  clear_answers();
  set_error(wxString());

  if (def.sensitive) {
    note_->SetText(
        _("This question is about hard experiences. You can choose \"I'm not sure\", "
          "or press Exit at any time."));
    note_->Show();
  } else {
    note_->Hide();
  }
  const model::Record* record = q.record ? state_.case_data().find_record(*q.record) : nullptr;
  if (record) {
    // TRANSLATORS: %s names one of the person's records, e.g. "Petit larceny (2017-09-15)".
    about_->SetText(wxString::Format(_("This question is about this record: %s"), record_title(*record)));
    about_->Show();
  } else {
    about_->Hide();
  }
  {
    // The planner drops questions as answers settle things, so the total
    // is "about": it can only shrink.
    const std::size_t done = state_.answered_count(step_);
    const std::size_t open = state_.open_count(step_);
    const bool answered = state_.was_answered(q);
    const std::size_t number = answered ? done : done + 1;
    const std::size_t total = std::max(number, done + open);
    // TRANSLATORS: %1$d is this question's number, %2$d about how many there are in this part.
    progress_->SetText(wxString::Format(_("Question %1$d of about %2$d"), static_cast<int>(number),
                                        static_cast<int>(total)));
    gauge_->SetValue(total == 0 ? 0 : static_cast<int>(100 * (number - 1) / total));
    set_accessible(gauge_, progress_->text());
  }
  text_->SetText(tr(def.question));
  help_->SetText(tr(def.help));
  const bool has_help = !def.help.empty();
  why_title_->Show(has_help);
  help_->Show(has_help);

  // The hidden radio that carries GTK's obligatory selection.
  none_ = new wxRadioButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxRB_GROUP,
                            wxDefaultValidator, "answer_none");
  none_->SetValue(true);
  none_->Hide();
  answers_->Add(none_, 0);

  switch (def.type) {
    case model::FactType::Bool:
      add_option(_("Yes"), true, "answer_yes");
      add_option(_("No"), false, "answer_no");
      break;
    case model::FactType::Choice:
      for (const auto& choice : def.choices) {
        add_option(choice_words(def.name, choice), choice, to_wx("answer_" + choice));
      }
      break;
    case model::FactType::Date:
    case model::FactType::Text: {
      const bool is_date = def.type == model::FactType::Date;
      auto* row = new wxBoxSizer(wxHORIZONTAL);
      entry_option_ = new wxRadioButton(this, wxID_ANY, is_date ? _("I know about when:") : _("My answer:"),
                                        wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "answer_entry_option");
      scale_font(entry_option_, 1.4);
      entry_option_->SetMinSize(wxSize(-1, kMinTarget));
      entry_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(is_date ? 220 : 420, -1), 0,
                              wxDefaultValidator, "answer_entry");
      scale_font(entry_, 1.3);
      entry_->SetMinSize(wxSize(is_date ? 220 : 420, kMinTarget));
      if (is_date) {
        // TRANSLATORS: the date format of the field; keep the digits' order.
        entry_->SetHint(_("YYYY-MM-DD"));
        entry_->SetToolTip(_("Year, month and day, for example 2019-06-01"));
      } else {
        entry_->SetToolTip(_("Type your answer"));
      }
      entry_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (entry_option_ && !entry_->IsEmpty()) entry_option_->SetValue(true);
        set_error(wxString());
      });
      set_accessible(entry_, is_date ? _("The date") : _("Your answer"),
                     is_date ? _("Year, month and day, for example 2019-06-01") : wxString());
      row->Add(entry_option_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
      row->Add(entry_, 0, wxALIGN_CENTER_VERTICAL);
      answers_->Add(row, 0, wxBOTTOM, 6);
      if (is_date) {
        answers_->Add(new WrapText(this,
                                   _("Write it as year-month-day, for example 2019-06-01, or only year and "
                                     "month, for example 2019-06."),
                                   "answer_entry_hint"),
                      0, wxLEFT | wxBOTTOM, 6);
      }
      break;
    }
  }
  add_option(_("I'm not sure"), nullptr, "answer_not_sure");

  // Show the answer already given, when coming back to a question. (A value
  // that was never asked, e.g. from a case file, is shown too, unless it is
  // an unknown: then the person has not chosen "I'm not sure" themselves.)
  if (auto value = state_.value_of(q)) {
    if (restore || !value->is_null()) {
      if (wxRadioButton* r = option(*value)) {
        r->SetValue(true);
      } else if (entry_ && value->is_string()) {
        const std::string text = value->get<std::string>();
        const auto date = model::Date::parse(text);
        const bool month_only = date && state_.is_approximate(q.record.value_or(""), q.fact);
        entry_->ChangeValue(to_wx(month_only ? month_form(*date) : text));
        entry_option_->SetValue(true);
      }
    }
  }
  Thaw();
  // A new question starts at the top.
  Scroll(0, 0);
  relayout();
}

wxRadioButton* QuestionPage::option(const nlohmann::json& value) const {
  for (const auto& [radio, v] : options_) {
    if (v == value) return radio;
  }
  return nullptr;
}

wxString QuestionPage::error_text() const { return error_->text(); }

void QuestionPage::set_error(const wxString& text) {
  if (error_->text() == text) return;
  error_->SetText(text);
  error_->Show(!text.empty());
  relayout();
}

bool QuestionPage::TransferDataFromWindow() {
  if (!question_ || !question_->def) return true;
  std::optional<nlohmann::json> value;
  bool rough = false;
  for (const auto& [radio, v] : options_) {
    if (radio->GetValue()) value = v;
  }
  if (entry_option_ && entry_option_->GetValue()) {
    wxString typed = entry_->GetValue();
    typed.Trim().Trim(false);
    if (question_->def->type == model::FactType::Date) {
      auto date = parse_rough_date(from_wx(typed));
      if (!date) {
        set_error(
            _("Please write the date as year-month-day, for example 2019-06-01, or only year and month, for "
              "example 2019-06. If you do not know it, choose \"I'm not sure\"."));
        entry_->SetFocus();
        return false;
      }
      value = date->first.iso();
      rough = date->approximate();
    } else {
      if (typed.empty()) {
        set_error(_("Please type your answer, or choose \"I'm not sure\"."));
        entry_->SetFocus();
        return false;
      }
      value = from_wx(typed);
    }
  }
  if (!value) {
    set_error(_("Please choose an answer. If you do not know, choose \"I'm not sure\"."));
    return false;
  }
  state_.answer(step_, *question_, *value);
  state_.set_approximate(question_->record.value_or(""), question_->fact, rough);
  return true;
}

}  // namespace relief::gui
