#include "relief/model/date.hpp"

#include <gtest/gtest.h>

using relief::model::Date;

TEST(Date, ParsesRealCalendarDays) {
  auto d = Date::parse("2016-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2016);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 29);
  EXPECT_EQ(d->iso(), "2016-02-29");
}

TEST(Date, RefusesImpossibleAndMisformattedDates) {
  for (const char* bad : {"2017-02-29", "2017-13-01", "2017-00-10", "2017-04-31", "13/45/2017", "2017-4-1",
                          "2017-04-01T00:00", "", "abcd-ef-gh", "1700-01-01"}) {
    EXPECT_FALSE(Date::parse(bad)) << bad;
  }
}

TEST(Date, WholeYearsCountBirthdays) {
  EXPECT_EQ(Date::whole_years_between(*Date::parse("2000-03-15"), *Date::parse("2010-03-14")), 9);
  EXPECT_EQ(Date::whole_years_between(*Date::parse("2000-03-15"), *Date::parse("2010-03-15")), 10);
  EXPECT_EQ(Date::whole_years_between(*Date::parse("2010-03-15"), *Date::parse("2000-03-15")), -10);
}

TEST(Date, LongFormIsWhatCourtPapersPrint) {
  EXPECT_EQ(Date::parse("2017-03-04")->long_form(), "March 4, 2017");
  EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_EQ(Date::parse("2000-03-01")->days_since_epoch(), 11017);
}
