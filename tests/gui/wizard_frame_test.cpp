// The real wizard frame, driven the way a person would: the same handlers
// the buttons call, with the controls set as a click would set them.
#include "wizard_frame.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include "gui_test_support.hpp"
#include "language.hpp"
#include "pages/details_page.hpp"
#include "pages/documents_page.hpp"
#include "pages/review_page.hpp"
#include "pages/question_page.hpp"
#include "pages/record_editor.hpp"
#include "pages/records_page.hpp"
#include "pages/results_page.hpp"
#include "pages/welcome_page.hpp"
#include "relief/model/case_io.hpp"
#include "relief/rules/decision.hpp"
#include "text.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {
namespace {

using test::screenshot;
using test::settle;
using test::visible_text;

constexpr const char* kSample = RELIEF_SOURCE_DIR "/examples/ny-sample.case.json";

using test::load_state;

// Chooses, on the page, the answer `facts` holds for the question on
// screen; a fact the case does not have is answered "I'm not sure".
void choose_answer(QuestionPage* page, const model::FactMap& facts) {
  ASSERT_TRUE(page->question());
  const rules::Question& q = *page->question();
  auto it = facts.find(q.fact);
  const nlohmann::json value = it == facts.end() ? nlohmann::json(nullptr) : it->second;
  if (!value.is_null() && page->entry()) {
    page->entry()->SetValue(to_wx(value.get<std::string>()));
    EXPECT_TRUE(page->entry_option()->GetValue()) << "typing should choose the entry";
    return;
  }
  wxRadioButton* radio = page->option(value);
  ASSERT_NE(radio, nullptr) << "no answer " << value.dump() << " for " << q.fact;
  ASSERT_TRUE(radio->IsShown());
  EXPECT_FALSE(radio->GetLabelText().empty()) << "an answer without words";
  radio->SetValue(true);
}

// Answers every question the page shows from `facts_for(question)`.
template <typename FactsFor>
int answer_all(WizardFrame* frame, WizardFrame::PageId id, QuestionPage* page, FactsFor facts_for,
               const std::string& shot_prefix) {
  int n = 0;
  while (frame->current() == id && n < 60) {
    const rules::Question q = *page->question();
    const wxString text = visible_text(page);
    EXPECT_TRUE(text.Contains(tr(q.def->question))) << q.fact;
    if (!q.def->help.empty()) {
      EXPECT_TRUE(text.Contains(_("Why we ask this"))) << q.fact;
    }
    if (n < 4) screenshot(frame, shot_prefix + std::to_string(n + 1) + "-" + q.fact);
    choose_answer(page, facts_for(q));
    frame->go_next();
    ++n;
  }
  return n;
}

// The whole sample case, in `lang`; screenshots are named <lang>-NN-….
void walk_sample(const std::string& lang) {
  auto state = load_state();
  ASSERT_TRUE(state);
  const auto sample = model::load_case_file(kSample, state->library().facts);
  ASSERT_TRUE(sample) << sample.error().to_string();

  auto* frame = new WizardFrame(state);
  wxWeakRef<WizardFrame> alive(frame);
  frame->Show();
  settle(frame);
  EXPECT_EQ(frame->GetTitle(), to_wx(state->settings().window_title));
  EXPECT_FALSE(frame->GetTitle().Lower().Contains("traffick"));

  // Welcome, and the language chosen there by its own name.
  ASSERT_EQ(frame->current(), WizardFrame::kWelcome);
  if (lang != "en") {
    wxButton* chosen = nullptr;
    for (wxButton* b : frame->welcome_page()->language_buttons()) {
      if (b->GetName() == to_wx("welcome_language_" + lang)) chosen = b;
    }
    ASSERT_NE(chosen, nullptr) << "no button for " << lang;
    wxCommandEvent click(wxEVT_BUTTON, chosen->GetId());
    chosen->GetEventHandler()->ProcessEvent(click);
    settle(frame);
    ASSERT_EQ(state->language(), lang);
    // The catalog is in use: the buttons speak the language.
    EXPECT_NE(frame->next_button()->GetLabelText(), "Start");
  }
  const std::string shots = lang + "-";
  const wxString welcome = visible_text(frame->welcome_page());
  EXPECT_TRUE(welcome.Contains(_("What we keep")));
  EXPECT_TRUE(welcome.Contains(_("How to leave quickly")));
  EXPECT_EQ(frame->next_button()->GetLabelText(), _("Start"));
  screenshot(frame, shots + "01-welcome");
  test::expect_no_empty_labels(frame, "01-welcome");
  frame->go_next();

  // About you: one question per screen, person facts only.
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  for (const nlohmann::json& v : {nlohmann::json(true), nlohmann::json(false), nlohmann::json()}) {
    wxRadioButton* r = frame->about_you_page()->option(v);
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->GetValue()) << "an answer was chosen for the person: " << v.dump();
    EXPECT_GE(r->GetSize().y, 44) << "answer too small to hit";
  }
  {
    // Next without an answer says so in words and stays.
    const rules::Question first = *frame->about_you_page()->question();
    frame->go_next();
    EXPECT_EQ(frame->current(), WizardFrame::kAboutYou);
    EXPECT_EQ(frame->about_you_page()->question()->fact, first.fact);
    EXPECT_FALSE(frame->about_you_page()->error_text().empty());
    screenshot(frame, shots + "02-about-you-no-answer");
  }
  const int person_questions = answer_all(
      frame, WizardFrame::kAboutYou, frame->about_you_page(),
      [&](const rules::Question& q) {
        EXPECT_FALSE(q.record) << q.fact;
        return sample->facts;
      },
      shots + "03-about-you-");
  EXPECT_GE(person_questions, 1);
  ASSERT_TRUE(state->case_data().facts.count("trafficking_victim")) << "the first thing the law asks was never asked";
  EXPECT_EQ(state->case_data().facts.at("trafficking_victim"), true);

  // Records: Next with none is refused in words.
  ASSERT_EQ(frame->current(), WizardFrame::kRecords);
  frame->go_next();
  EXPECT_EQ(frame->current(), WizardFrame::kRecords);
  EXPECT_TRUE(visible_text(frame->records_page()).Contains(_("Please add at least one record to go on.")));
  screenshot(frame, shots + "04-records-empty");
  test::expect_no_empty_labels(frame, "04-records-empty");

  // Each record of the sample goes through the editor's own transfer code.
  for (std::size_t i = 0; i < sample->records.size(); ++i) {
    model::Record typed = sample->records[i];
    typed.id.clear();
    typed.facts.clear();
    auto* editor = new RecordEditor(frame, typed);
    if (i == 0) {
      editor->Show();
      screenshot(editor, shots + "05-record-editor");
    }
    ASSERT_TRUE(editor->TransferDataFromWindow()) << "record " << i;
    EXPECT_EQ(editor->record().kind, typed.kind);
    EXPECT_EQ(editor->record().offense_category, typed.offense_category);
    EXPECT_EQ(editor->record().offense_date, typed.offense_date);
    EXPECT_EQ(editor->record().disposition_date, typed.disposition_date);
    EXPECT_EQ(editor->record().case_number, typed.case_number);
    const std::string id = frame->records_page()->apply_editor(*editor, std::nullopt);
    EXPECT_EQ(id, sample->records[i].id);
    editor->Destroy();
  }
  test::flush_idle();
  EXPECT_EQ(frame->records_page()->list()->GetItemCount(), 3u);
  screenshot(frame, shots + "06-records");
  test::expect_no_empty_labels(frame, "06-records");
  frame->go_next();

  // Questions about each record, answered from the sample's record facts.
  if (frame->current() == WizardFrame::kRecordQuestions) {
    answer_all(
        frame, WizardFrame::kRecordQuestions, frame->record_questions_page(),
        [&](const rules::Question& q) -> const model::FactMap& {
          if (!q.record) return sample->facts;
          const model::Record* r = sample->find_record(*q.record);
          EXPECT_NE(r, nullptr);
          return r->facts;
        },
        shots + "07-record-question-");
  }

  // Review: every answer given is listed with its words and a Change button.
  ASSERT_EQ(frame->current(), WizardFrame::kReview);
  screenshot(frame, shots + "07b-review");
  test::expect_no_empty_labels(frame, "07b-review");
  {
    const auto answered = state->answered_questions();
    EXPECT_EQ(frame->review_page()->change_buttons().size(), answered.size());
    const wxString review = visible_text(frame->review_page());
    for (const auto& r : sample->records) {
      EXPECT_TRUE(review.Contains(record_title(r))) << r.id;
    }
  }
  frame->go_next();

  // Results: what the wizard shows is exactly what the core decides.
  ASSERT_EQ(frame->current(), WizardFrame::kResults);
  screenshot(frame, shots + "08-results");
  test::expect_no_empty_labels(frame, "08-results");
  frame->results_page()->Scroll(0, 1000000);
  screenshot(frame, shots + "08-results-end");
  const rules::Decision core = rules::decide(state->case_data(), state->rules(), model::Date::today());
  const auto& shown = frame->results_page()->shown();
  ASSERT_EQ(shown.size(), core.records.size());
  const wxString results = visible_text(frame->results_page());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    EXPECT_EQ(shown[i].first, core.records[i].id);
    EXPECT_EQ(rules::outcome_name(shown[i].second), rules::outcome_name(core.records[i].best.outcome))
        << core.records[i].id;
    EXPECT_TRUE(results.Contains(outcome_words(core.records[i].best.outcome)));
    for (const auto& c : core.records[i].best.citations) EXPECT_TRUE(results.Contains(to_wx(c)));
  }
  // The questions asked were enough: the sample file itself decides the same.
  const rules::Decision from_file = rules::decide(*sample, state->rules(), model::Date::today());
  ASSERT_EQ(from_file.records.size(), core.records.size());
  for (std::size_t i = 0; i < core.records.size(); ++i) {
    EXPECT_EQ(rules::outcome_name(core.records[i].best.outcome), rules::outcome_name(from_file.records[i].best.outcome))
        << core.records[i].id;
  }
  EXPECT_TRUE(results.Contains(_("This is legal information, not legal advice.")));
  EXPECT_TRUE(results.Contains(wxString::Format(_("Rules reviewed: %s"), to_wx(state->rules().reviewed.iso()))));
  if (!state->settings().clinic.configured()) {
    EXPECT_TRUE(results.Contains(_("Ask the clinic staff for help.")));
  }
  const auto shown_before = shown;
  frame->go_next();

  // Back and forth rebuilds the results from the core, the same again.
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  frame->go_back();
  ASSERT_EQ(frame->current(), WizardFrame::kResults);
  EXPECT_EQ(frame->results_page()->shown(), shown_before);
  frame->go_next();

  // The details for the papers: a bad birth date is said in words; the
  // name typed goes into the case.
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  DetailsPage* details = frame->details_page();
  details->field("details_legal_name")->ChangeValue(to_wx(sample->petitioner.legal_name));
  details->field("details_date_of_birth")->ChangeValue("1990-13-45");
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  EXPECT_FALSE(details->error_text().empty());
  screenshot(frame, shots + "08c-details-bad-date");
  test::expect_no_empty_labels(frame, "08c-details-bad-date");
  details->field("details_date_of_birth")->ChangeValue(
      sample->petitioner.date_of_birth ? to_wx(sample->petitioner.date_of_birth->iso()) : wxString());
  frame->go_next();
  EXPECT_EQ(state->case_data().petitioner.legal_name, sample->petitioner.legal_name);

  // Documents: write into a fresh folder and say where.
  ASSERT_EQ(frame->current(), WizardFrame::kDocuments);
  EXPECT_TRUE(visible_text(frame->documents_page()).Contains(_("This is legal information, not legal advice.")));
  screenshot(frame, shots + "09-documents");
  test::expect_no_empty_labels(frame, "09-documents");
  const std::string out = test::make_temp_dir();
  ASSERT_FALSE(out.empty());
  DocumentsPage* docs = frame->documents_page();
  docs->picker()->SetPath(to_wx(out));
  docs->write_papers();
  for (int i = 0; i < 600 && docs->busy(); ++i) settle();
  ASSERT_FALSE(docs->busy()) << "the papers were not written within a minute";
  screenshot(frame, shots + "10-documents-written");
  test::expect_no_empty_labels(frame, "10-documents-written");
  ASSERT_FALSE(docs->written().empty()) << docs->status_text().utf8_string();
  bool has_pdf = false;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    if (entry.path().extension() == ".pdf") has_pdf = true;
  }
  EXPECT_TRUE(has_pdf);
  for (const auto& f : docs->written()) {
    EXPECT_TRUE(docs->status_text().Contains(to_wx(f.path))) << "the full path is not shown";
  }
  std::filesystem::remove_all(out);

  frame->Destroy();
  test::flush_idle();
  EXPECT_FALSE(alive);
}

TEST(WizardFrame, NewYorkSampleFromStartToPapers) { walk_sample("en"); }

TEST(WizardFrame, NewYorkSampleInSpanish) {
  walk_sample("es");
  use_language("en");
}

TEST(WizardFrame, BackShowsThePreviousAnswer) {
  auto state = load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  QuestionPage* page = frame->about_you_page();
  const rules::Question first = *page->question();
  ASSERT_NE(page->option(nullptr), nullptr);
  page->option(nullptr)->SetValue(true);  // "I'm not sure"
  frame->go_next();
  frame->go_back();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  EXPECT_EQ(page->question()->fact, first.fact);
  EXPECT_TRUE(page->option(nullptr)->GetValue()) << "the earlier answer is not shown";
  frame->go_back();
  EXPECT_EQ(frame->current(), WizardFrame::kWelcome);
  frame->Destroy();
  test::flush_idle();
}

// The planner decides which kinds of question NY asks; date and choice
// questions are put on screen here through the Back path, which shows any
// question that was answered before.
TEST(WizardFrame, DateAndChoiceQuestionsTakeTheirOwnAnswers) {
  auto state = load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  frame->Show();
  QuestionPage* page = frame->about_you_page();
  for (const char* fact : {"trafficking_kind", "trafficking_end_date"}) {
    rules::Question q;
    q.fact = fact;
    q.def = state->library().facts.find(fact);
    ASSERT_NE(q.def, nullptr) << fact;
    state->answer(Step::AboutYou, q, nullptr);
  }

  // The date question (answered last, so shown first by Back).
  frame->go_next();
  if (frame->current() == WizardFrame::kAboutYou) {
    // NY asked a question of its own first; step back to ours.
    while (page->question() && page->question()->fact != "trafficking_end_date" && page->back()) {
    }
  } else {
    ASSERT_TRUE(page->back());
  }
  ASSERT_TRUE(page->question());
  ASSERT_EQ(page->question()->fact, "trafficking_end_date");
  ASSERT_NE(page->entry(), nullptr);
  EXPECT_TRUE(page->option(nullptr)->GetValue()) << "the earlier \"not sure\" is not shown";
  page->entry()->SetValue("2019-02-30");
  EXPECT_TRUE(page->entry_option()->GetValue());
  EXPECT_FALSE(page->TransferDataFromWindow());
  EXPECT_TRUE(page->error_text().Contains("2019-06-01"));
  settle(frame);
  screenshot(frame, "12-date-question-bad-date");
  page->entry()->SetValue("2019-06-01");
  EXPECT_TRUE(page->TransferDataFromWindow());
  EXPECT_EQ(state->case_data().facts.at("trafficking_end_date"), "2019-06-01");

  // The choice question: one radio per choice, in plain words, plus not sure.
  // (Back first reopens the date just answered, then the question before.)
  ASSERT_TRUE(page->back());
  EXPECT_EQ(page->entry()->GetValue(), "2019-06-01") << "the typed date is not shown again";
  ASSERT_TRUE(page->back());
  ASSERT_EQ(page->question()->fact, "trafficking_kind");
  for (const std::string choice : {"sex", "labor", "both"}) {
    wxRadioButton* r = page->option(choice);
    ASSERT_NE(r, nullptr) << choice;
    EXPECT_EQ(r->GetLabelText(), choice_words("trafficking_kind", choice));
  }
  ASSERT_NE(page->option(nullptr), nullptr);
  screenshot(frame, "13-choice-question");
  page->option("labor")->SetValue(true);
  EXPECT_TRUE(page->TransferDataFromWindow());
  EXPECT_EQ(state->case_data().facts.at("trafficking_kind"), "labor");
  frame->Destroy();
  test::flush_idle();
}

TEST(WizardFrame, RecordEditorExplainsABadDateInWords) {
  auto state = load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  model::Record r;
  r.kind = "conviction";
  r.offense_category = "theft";
  auto* editor = new RecordEditor(frame, r);
  editor->Show();  // showing a dialog refills it from its record (InitDialog)
  auto* date = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("record_offense_date", editor));
  ASSERT_NE(date, nullptr) << "the date field has no accessible name";
  date->SetValue("2017-13-45");
  EXPECT_FALSE(editor->TransferDataFromWindow());
  EXPECT_TRUE(editor->error_for("record_offense_date").Contains("2017-09-15"));
  EXPECT_TRUE(visible_text(editor).Contains(editor->error_for("record_offense_date")));
  screenshot(editor, "11-record-editor-bad-date");
  date->SetValue("2017-09-15");
  EXPECT_TRUE(editor->TransferDataFromWindow());
  EXPECT_EQ(editor->record().offense_date, model::Date::parse("2017-09-15"));
  EXPECT_TRUE(editor->error_for("record_offense_date").empty());
  EXPECT_TRUE(editor->approximate().empty());

  // Only the month is remembered: kept as its first day, marked as a
  // month, and shown back as a month in the list and in the editor.
  date->SetValue("09/2017");
  EXPECT_TRUE(editor->TransferDataFromWindow());
  EXPECT_EQ(editor->record().offense_date, model::Date::parse("2017-09-01"));
  EXPECT_EQ(editor->approximate().count("offense_date"), 1u);
  const std::string id = frame->records_page()->apply_editor(*editor, std::nullopt);
  EXPECT_TRUE(state->is_approximate(id, "offense_date"));
  EXPECT_EQ(frame->records_page()->list()->GetTextValue(0, 2), "2017-09");
  editor->Destroy();
  {
    RecordEditor again(frame, *state->case_data().find_record(id), {"offense_date"});
    again.TransferDataToWindow();
    auto* shown = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("record_offense_date", &again));
    ASSERT_NE(shown, nullptr);
    EXPECT_EQ(shown->GetValue(), "2017-09");
  }
  frame->Destroy();
  test::flush_idle();
}

TEST(WizardFrame, ExitBlanksAtOnceAndForgetsTheCase) {
  auto state = load_state();
  ASSERT_TRUE(state);
  auto* frame = new WizardFrame(state);
  wxWeakRef<WizardFrame> alive(frame);
  frame->Show();
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kAboutYou);
  wxRadioButton* answer = frame->about_you_page()->option(true);
  if (!answer) answer = frame->about_you_page()->option(nullptr);
  ASSERT_NE(answer, nullptr);
  answer->SetValue(true);
  frame->go_next();
  model::Record r;
  r.kind = "conviction";
  r.offense_category = "prostitution";
  r.offense_description = "Private detail";
  state->add_record(r);
  ASSERT_FALSE(state->empty());

  // Press Exit the way a click does.
  wxButton* exit = frame->exit_button();
  ASSERT_TRUE(exit->IsShown());
  EXPECT_EQ(exit->GetLabelText(), _("Exit"));
  wxCommandEvent click(wxEVT_BUTTON, exit->GetId());
  click.SetEventObject(exit);
  exit->ProcessWindowEvent(click);

  EXPECT_FALSE(frame->content()->IsShown()) << "the window was not blanked at once";
  EXPECT_TRUE(state->empty()) << "the case survived Exit";
  test::flush_idle();
  EXPECT_FALSE(alive) << "the window did not close";
}

}  // namespace
}  // namespace relief::gui
