#include "relief/rules/logic.hpp"

#include <gtest/gtest.h>

namespace {

using nlohmann::json;
using relief::model::Date;
using relief::rules::Evaluator;
using relief::rules::Tri;

Evaluator with(json facts) {
  return Evaluator(
      [facts](const std::string& name) -> std::optional<json> {
        if (!facts.contains(name) || facts[name].is_null()) return std::nullopt;
        return facts[name];
      },
      *Date::parse("2026-11-29"));
}

Tri truth(const json& facts, const json& expr) { return with(facts).eval(expr).truth(); }

TEST(Logic, KleeneAndOr) {
  const json a_and_b = {{"and", {{{"var", "a"}}, {{"var", "b"}}}}};
  const json a_or_b = {{"or", {{{"var", "a"}}, {{"var", "b"}}}}};
  EXPECT_EQ(truth({{"a", true}, {"b", true}}, a_and_b), Tri::True);
  EXPECT_EQ(truth({{"a", false}}, a_and_b), Tri::False);  // false wins over unknown
  EXPECT_EQ(truth({{"a", true}}, a_and_b), Tri::Unknown);
  EXPECT_EQ(truth({{"a", true}}, a_or_b), Tri::True);  // true wins over unknown
  EXPECT_EQ(truth({{"a", false}}, a_or_b), Tri::Unknown);
  EXPECT_EQ(truth({{"a", false}, {"b", false}}, a_or_b), Tri::False);
}

TEST(Logic, UnknownIsNeverSilentlyFalse) {
  EXPECT_EQ(truth(json::object(), {{"!", {{"var", "a"}}}}), Tri::Unknown);
  EXPECT_EQ(truth(json::object(), {{"==", {{{"var", "a"}}, true}}}), Tri::Unknown);
  EXPECT_EQ(truth(json::object(), {{"in", {{{"var", "a"}}, {"x", "y"}}}}), Tri::Unknown);
  auto r = with(json::object()).eval({{"and", {{{"var", "a"}}, {{"var", "b"}}}}});
  EXPECT_EQ(r.unknown_vars, (std::set<std::string>{"a", "b"}));
}

TEST(Logic, IfKeepsBothBranchesWhenTheConditionIsUnknown) {
  const json expr = {{"if", {{{"var", "c"}}, true, true}}};
  EXPECT_EQ(truth(json::object(), expr), Tri::True);  // both branches agree
  const json differ = {{"if", {{{"var", "c"}}, true, false}}};
  EXPECT_EQ(truth(json::object(), differ), Tri::Unknown);
  EXPECT_EQ(truth({{"c", false}}, differ), Tri::False);
}

TEST(Logic, KnownNamesTheVariableItMisses) {
  // The NY presumption shape: the person's own answer decides; without it,
  // official documentation + while-trafficked presumes the link.
  const json expr = json::parse(R"({"if": [{"known": "r"}, {"var": "r"},
                                           {"and": [{"var": "doc"}, {"var": "during"}]}, true, null]})");
  EXPECT_EQ(truth({{"r", false}, {"doc", true}, {"during", true}}, expr), Tri::False);
  EXPECT_EQ(truth({{"doc", true}, {"during", true}}, expr), Tri::True);
  auto r = with({{"doc", false}}).eval(expr);
  EXPECT_EQ(r.truth(), Tri::Unknown);
  EXPECT_EQ(r.unknown_vars, (std::set<std::string>{"r"}));
}

TEST(Logic, DatesCompareAndCountYears) {
  EXPECT_EQ(truth({{"d", "2019-06-01"}}, {{"<", {{{"var", "d"}}, {{"as_of", json::array()}}}}}), Tri::True);
  auto years = with({{"d", "2019-06-01"}}).eval({{"years_between", {{{"var", "d"}}, {{"as_of", json::array()}}}}});
  ASSERT_TRUE(years.value);
  EXPECT_EQ(*years.value, 7);
  auto added = with({{"d", "2020-02-29"}}).eval({{"date_add_years", {{{"var", "d"}}, 1}}});
  EXPECT_EQ(*added.value, "2021-02-28");
}

TEST(Logic, ValidationNamesTheBadOperator) {
  std::string where;
  EXPECT_EQ(relief::rules::validate_expression(json::parse(R"({"and": [{"varr": "a"}]})"), "$.t", where),
            "unknown operator \"varr\"");
  EXPECT_EQ(where, "$.t.and[0].varr");
  EXPECT_NE(relief::rules::validate_expression(json::parse(R"({"==": [1]})"), "$.t", where), "");
  EXPECT_EQ(relief::rules::validate_expression(json::parse(R"({"==": [{"var": "a"}, 1]})"), "$.t", where), "");
}

}  // namespace
