#include <doctest/doctest.h>

#include <mynumber/date.hpp>

using mynumber::civil_date;
using mynumber::errc;

namespace {
constexpr civil_date ymd(int y, int m, int d) { return civil_date::from_ymd_unchecked(y, m, d); }
}  // namespace

TEST_CASE("civil_date parses strict ISO 8601 calendar dates") {
  const civil_date x = civil_date::parse("2024-02-29");
  CHECK(x.year() == 2024);
  CHECK(x.month() == 2);
  CHECK(x.day() == 29);
  CHECK(x.to_string() == "2024-02-29");
  CHECK(x.key() == 20240229);
  CHECK(civil_date::parse("1980-02-17") == ymd(1980, 2, 17));
  CHECK(civil_date().days_since_epoch() == 0);
}

TEST_CASE("civil_date rejects malformed text and non-existent days with invalid_date") {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "2024-1-01",
                          "2024/01/01", "2024-01-01 ", "", "２０２４-01-01", "2024-01-0a", "19800217"}) {
    CAPTURE(bad);
    auto r = civil_date::try_parse(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::invalid_date);
  }
  auto r = civil_date::try_parse("2024-0x-01");
  REQUIRE_FALSE(r);
  CHECK(r.error().position == 6);
  CHECK(civil_date::try_parse("2024/01/01").error().position == 4);
  CHECK_THROWS_AS((void)civil_date::parse("2024-02-30"), mynumber::error);
}

TEST_CASE("civil_date: validity, basic format and formatting") {
  CHECK(civil_date::is_valid(2024, 2, 29));
  CHECK_FALSE(civil_date::is_valid(2023, 2, 29));
  CHECK_FALSE(civil_date::is_valid(1900, 2, 29));
  CHECK(civil_date::is_valid(2000, 2, 29));
  CHECK_FALSE(civil_date::is_valid(2024, 13, 1));
  CHECK_FALSE(civil_date::is_valid(2024, 4, 31));
  CHECK_FALSE(ymd(2023, 2, 29).valid());
  CHECK(ymd(2024, 2, 29).valid());

  CHECK(civil_date::parse_basic("19800217") == ymd(1980, 2, 17));
  auto bad = civil_date::try_parse_basic("1980O217");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_date);
  CHECK(bad.error().position == 4);
  CHECK(civil_date::try_parse_basic("20230229").error().code == errc::invalid_date);
  CHECK(civil_date::try_parse_basic("1980021").error().code == errc::invalid_date);
  CHECK(civil_date::try_parse_basic("1980-02-17").error().code == errc::invalid_date);

  CHECK(civil_date::from_ymd(2024, 2, 29) == ymd(2024, 2, 29));
  CHECK(civil_date::try_from_ymd(2023, 2, 29).error().code == errc::invalid_date);
  CHECK(civil_date::try_from_ymd(10000, 1, 1).error().code == errc::invalid_date);
  CHECK_THROWS_AS((void)civil_date::from_ymd(2023, 2, 29), mynumber::error);

  CHECK(ymd(1989, 1, 8).to_basic_string() == "19890108");
  CHECK(ymd(1989, 1, 8).to_string() == "1989-01-08");
  CHECK(ymd(1, 1, 1).to_string() == "0001-01-01");
}

TEST_CASE("civil_date arithmetic crosses months, years and leap days") {
  CHECK(civil_date::parse("2016-01-01").add_days(-1) == civil_date::parse("2015-12-31"));
  CHECK(civil_date::parse("2024-02-28").add_days(1) == civil_date::parse("2024-02-29"));
  CHECK(civil_date::parse("2023-02-28").add_days(1) == civil_date::parse("2023-03-01"));
  CHECK(civil_date::parse("1970-01-01").days_since_epoch() == 0);
  CHECK(civil_date::parse("2000-03-01").days_since_epoch() == 11017);
  CHECK(civil_date::from_days_since_epoch(civil_date::parse("2025-06-01").days_since_epoch()) ==
        civil_date::parse("2025-06-01"));
  CHECK(civil_date::parse("2020-05-24") < civil_date::parse("2020-05-25"));
  CHECK(civil_date::parse("2020-05-25") >= civil_date::parse("2020-05-25"));
  static_assert(ymd(2016, 1, 1).add_days(-1) == ymd(2015, 12, 31));

  static_assert(ymd(1970, 1, 1).days_since_epoch() == 0);
  static_assert(ymd(2000, 3, 1).days_since_epoch() == 11017);
  CHECK(ymd(1969, 12, 31).days_since_epoch() == -1);
  CHECK(ymd(1, 1, 1).days_since_epoch() == -719162);
  CHECK(ymd(9999, 12, 31).add_days(-1) == ymd(9999, 12, 30));
  for (std::int64_t d = -100000; d <= 100000; d += 37) {
    CHECK(civil_date::from_days_since_epoch(d).days_since_epoch() == d);
  }
  CHECK(ymd(2024, 2, 28).add_days(1) == ymd(2024, 2, 29));
  CHECK(ymd(2023, 2, 28).add_days(1) == ymd(2023, 3, 1));
  CHECK(ymd(2024, 2, 29).add_years(1) == ymd(2025, 2, 28));
  CHECK(ymd(2024, 2, 29).add_years(4) == ymd(2028, 2, 29));
  CHECK(ymd(2024, 2, 29).add_years(-4) == ymd(2020, 2, 29));
}

TEST_CASE("civil_date comparisons order by calendar day") {
  CHECK(ymd(2019, 4, 30) < ymd(2019, 5, 1));
  CHECK(ymd(2019, 12, 31) < ymd(2020, 1, 1));
  CHECK(ymd(2020, 1, 1) > ymd(2019, 12, 31));
  CHECK(ymd(2020, 1, 1) <= ymd(2020, 1, 1));
  CHECK(ymd(2020, 1, 1) != ymd(2020, 1, 2));
  CHECK_FALSE(ymd(2020, 1, 2) <= ymd(2020, 1, 1));
}

TEST_CASE("age_on and nth_birthday_after") {
  const civil_date birth = ymd(2004, 4, 1);
  CHECK(mynumber::age_on(birth, ymd(2022, 3, 31)) == 17);
  CHECK(mynumber::age_on(birth, ymd(2022, 4, 1)) == 18);
  // 29 February: the new age starts on 1 March in a common year.
  CHECK(mynumber::age_on(ymd(2004, 2, 29), ymd(2022, 2, 28)) == 17);
  CHECK(mynumber::age_on(ymd(2004, 2, 29), ymd(2022, 3, 1)) == 18);
  // A birthday on the day itself is not "after" it.
  CHECK(mynumber::nth_birthday_after(ymd(1980, 2, 17), ymd(2025, 2, 17), 1) == ymd(2026, 2, 17));
  CHECK(mynumber::nth_birthday_after(ymd(1980, 2, 17), ymd(2025, 2, 16), 1) == ymd(2025, 2, 17));
  CHECK(mynumber::nth_birthday_after(ymd(1980, 2, 17), ymd(2025, 10, 27), 5) == ymd(2030, 2, 17));
  CHECK(mynumber::nth_birthday_after(ymd(2000, 2, 29), ymd(2025, 1, 1), 10) == ymd(2034, 2, 28));
  CHECK(mynumber::nth_birthday_after(ymd(2000, 2, 29), ymd(2025, 1, 1), 11) == ymd(2035, 2, 28));
  CHECK(mynumber::nth_birthday_after(ymd(2000, 2, 29), ymd(2025, 1, 1), 3) == ymd(2027, 2, 28));
  CHECK(mynumber::nth_birthday_after(ymd(2000, 2, 29), ymd(2025, 1, 1), 4) == ymd(2028, 2, 29));
  static_assert(mynumber::age_on(ymd(2004, 4, 1), ymd(2022, 4, 1)) == 18);
}
