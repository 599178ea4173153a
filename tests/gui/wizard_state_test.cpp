// WizardState without any window: the interview bookkeeping the pages rely on.
#include "wizard_state.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"
#include "relief/model/case_io.hpp"
#include "relief/util/atomic_file.hpp"
#include "rough_date.hpp"

namespace relief::gui {
namespace {

using test::load_state;

model::Record record(const std::string& kind, const std::string& category) {
  model::Record r;
  r.kind = kind;
  r.offense_category = category;
  r.offense_date = model::Date::parse("2016-04-02");
  return r;
}

TEST(WizardState, AsksPersonQuestionsBeforeAnyRecordIsEntered) {
  auto s = load_state();
  ASSERT_TRUE(s);
  auto q = s->next_question(Step::AboutYou);
  ASSERT_TRUE(q) << "a survivor must be asked about themselves first";
  EXPECT_FALSE(q->record);
  ASSERT_NE(q->def, nullptr);
  EXPECT_FALSE(q->def->question.empty());
}

TEST(WizardState, NotSureAnswersDoNotLoopAndEachQuestionIsAskedOnce) {
  auto s = load_state();
  ASSERT_TRUE(s);
  s->add_record(record("conviction", "prostitution"));
  s->add_record(record("conviction", "theft"));
  std::set<std::string> asked;
  for (Step step : {Step::AboutYou, Step::Records}) {
    for (int guard = 0; guard < 100; ++guard) {
      auto q = s->next_question(step);
      if (!q) break;
      const std::string key = q->record.value_or("") + "/" + q->fact;
      EXPECT_TRUE(asked.insert(key).second) << "asked twice: " << key;
      s->answer(step, *q, nullptr);
    }
    EXPECT_FALSE(s->next_question(step)) << "the interview did not end";
  }
  EXPECT_FALSE(asked.empty());
}

TEST(WizardState, TakeBackReopensTheLastAnswerAndKeepsItsValue) {
  auto s = load_state();
  ASSERT_TRUE(s);
  auto q = s->next_question(Step::AboutYou);
  ASSERT_TRUE(q);
  s->answer(Step::AboutYou, *q, true);
  EXPECT_TRUE(s->was_answered(*q));
  auto back = s->take_back(Step::AboutYou);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->fact, q->fact);
  EXPECT_FALSE(s->was_answered(*back));
  ASSERT_TRUE(s->value_of(*back));
  EXPECT_EQ(*s->value_of(*back), true);
  EXPECT_FALSE(s->take_back(Step::AboutYou));
}

TEST(WizardState, RemovingARecordForgetsItsAnswers) {
  auto s = load_state();
  ASSERT_TRUE(s);
  const std::string id = s->add_record(record("conviction", "prostitution"));
  for (int guard = 0; guard < 50; ++guard) {
    auto q = s->next_question(Step::Records);
    if (!q) break;
    s->answer(Step::Records, *q, nullptr);
  }
  EXPECT_TRUE(s->remove_record(id));
  EXPECT_EQ(s->case_data().records.size(), 0u);
  EXPECT_FALSE(s->take_back(Step::Records) && s->take_back(Step::Records)->record);
}

TEST(WizardState, ClearForgetsThePerson) {
  auto s = load_state();
  ASSERT_TRUE(s);
  auto q = s->next_question(Step::AboutYou);
  ASSERT_TRUE(q);
  s->answer(Step::AboutYou, *q, true);
  s->add_record(record("conviction", "prostitution"));
  s->decide();
  EXPECT_FALSE(s->empty());
  s->clear();
  EXPECT_TRUE(s->empty());
  EXPECT_EQ(s->case_data().jurisdiction, s->rules().jurisdiction);
}

TEST(WizardState, NewRecordsGetFreshIds) {
  auto s = load_state();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->add_record(record("conviction", "theft")), "r1");
  EXPECT_EQ(s->add_record(record("conviction", "theft")), "r2");
  model::Record taken = record("conviction", "theft");
  taken.id = "r1";
  EXPECT_EQ(s->add_record(taken), "r3");
}

}  // namespace
}  // namespace relief::gui

namespace relief::gui {
namespace {

TEST(RoughDate, DaysAndMonthsAreReadAndNothingElse) {
  auto exact = parse_rough_date(" 2017-09-15 ");
  ASSERT_TRUE(exact);
  EXPECT_FALSE(exact->approximate());
  EXPECT_EQ(exact->first.iso(), "2017-09-15");
  for (const char* month : {"2017-09", "09/2017", "9/2017"}) {
    auto m = parse_rough_date(month);
    ASSERT_TRUE(m) << month;
    EXPECT_TRUE(m->approximate());
    EXPECT_EQ(m->first.iso(), "2017-09-01");
    EXPECT_EQ(m->last.iso(), "2017-09-30");
  }
  EXPECT_EQ(parse_rough_date("2024-02")->last.iso(), "2024-02-29");
  EXPECT_EQ(parse_rough_date("2023-02")->last.iso(), "2023-02-28");
  EXPECT_EQ(month_form(parse_rough_date("2017-09")->first), "2017-09");
  for (const char* bad : {"", "2017", "2017-13", "13/2017", "2017-9-1", "09/17", "Sept 2017", "2017-02-30", "1/2/2017"}) {
    EXPECT_FALSE(parse_rough_date(bad)) << bad;
  }
}

// A month-only date that decides the result one way or the other makes
// the record needs_review, with the reason said; a month far enough from
// the limit changes nothing.
TEST(WizardState, AMonthOnlyDateThatDecidesTheResultGoesToReview) {
  auto loaded = load_state();
  ASSERT_TRUE(loaded);
  const auto as_of = *model::Date::parse("2026-11-29");
  WizardState s(loaded->library_ptr(), loaded->settings(), as_of);
  // A scenario file wraps its case: take its "case" member.
  const std::string path = RELIEF_SOURCE_DIR "/rules/tx/cases/deferred-adjudication-covered.json";
  auto text = util::read_file(path, 1 << 20);
  ASSERT_TRUE(text);
  auto c = model::case_from_json(nlohmann::json::parse(*text).at("case"), path, s.library().facts);
  ASSERT_TRUE(c) << c.error().to_string();
  ASSERT_FALSE(c->records.empty());
  ASSERT_TRUE(s.load_case(*c));
  const std::string id = s.case_data().records.front().id;
  auto with_completion = [&](const char* first_day) {
    model::Case changed = s.case_data();
    changed.records.front().sentence_completed = true;
    changed.records.front().sentence_completed_date = *model::Date::parse(first_day);
    ASSERT_TRUE(s.load_case(changed));
    s.set_approximate(id, "sentence_completed_date", true);
  };

  // Finished "in October 2025": a year has passed on either end of the month.
  with_completion("2025-10-01");
  const rules::Outcome october = s.decide().records.front().best.outcome;
  EXPECT_EQ(rules::outcome_name(october), "eligible");

  // Finished "in November 2025": on the 1st a year has passed by 2026-11-29,
  // on the 30th it has not. That is for a lawyer, not a guess.
  with_completion("2025-11-01");
  const auto& november = s.decide().records.front().best;
  EXPECT_EQ(rules::outcome_name(november.outcome), "needs_review");
  bool said = false;
  for (const auto& m : november.reasons) said = said || m.id.find("exact day") != std::string::npos;
  EXPECT_TRUE(said);

  // The same date known to the day is decided as it is.
  s.set_approximate(id, "sentence_completed_date", false);
  EXPECT_EQ(rules::outcome_name(s.decide().records.front().best.outcome), "eligible");
}

}  // namespace
}  // namespace relief::gui
