// WizardState without any window: the interview bookkeeping the pages rely on.
#include "wizard_state.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"
#include "relief/model/case_io.hpp"

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
