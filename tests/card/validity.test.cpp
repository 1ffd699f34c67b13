#include <doctest/doctest.h>

#include <mynumber/card/validity.hpp>

using namespace mynumber;
using card::card_application;
using card::expiry_reason;
using card::residence_status;

namespace {
constexpr civil_date ymd(int y, int m, int d) { return civil_date::from_ymd_unchecked(y, m, d); }
card_application japanese(civil_date birth, civil_date issued) { return card_application{birth, issued, issued}; }
}  // namespace

TEST_CASE("adult threshold switches from 20 to 18 on 2022-04-01") {
  CHECK(card::adult_age_threshold(ymd(2022, 3, 31)) == 20);
  CHECK(card::adult_age_threshold(ymd(2022, 4, 1)) == 18);
}

TEST_CASE("card expiry: adults at the 10th birthday after issue") {
  const auto e = card::card_expiry(japanese(ymd(1980, 2, 17), ymd(2025, 10, 27)));
  CHECK(e.date == ymd(2035, 2, 17));
  CHECK(e.reason == expiry_reason::tenth_birthday);
  CHECK(e.adult);
}

TEST_CASE("card expiry: 18/20 boundary decided by the application date") {
  // Born 2003-06-01: 18 from 2021-06-01, 20 from 2023-06-01.
  const civil_date birth = ymd(2003, 6, 1);
  // Received 2022-03-31 (threshold 20), issued 2022-05-10 at age 18 → minor → 5 years.
  card_application a{birth, ymd(2022, 3, 31), ymd(2022, 5, 10)};
  auto e = card::card_expiry(a);
  CHECK_FALSE(e.adult);
  CHECK(e.reason == expiry_reason::fifth_birthday);
  CHECK(e.date == ymd(2026, 6, 1));  // 2022-06-01 is the 1st birthday after issue
  // Received one day later (threshold 18) → adult → 10 years.
  a.application_received = ymd(2022, 4, 1);
  e = card::card_expiry(a);
  CHECK(e.adult);
  CHECK(e.date == ymd(2031, 6, 1));
}

TEST_CASE("card expiry: the age is judged on the issue date, birthday inclusive") {
  const civil_date birth = ymd(2006, 8, 15);
  // Issued the day before the 18th birthday: minor.
  auto e = card::card_expiry(japanese(birth, ymd(2024, 8, 14)));
  CHECK_FALSE(e.adult);
  CHECK(e.date == ymd(2028, 8, 15));  // 5th birthday after 2024-08-14 (2024-08-15 is the 1st)
  // Issued on the 18th birthday: adult; that birthday itself is not counted.
  e = card::card_expiry(japanese(birth, ymd(2024, 8, 15)));
  CHECK(e.adult);
  CHECK(e.date == ymd(2034, 8, 15));
}

TEST_CASE("card expiry: foreign residents") {
  card_application a{ymd(1990, 5, 5), ymd(2025, 1, 10), ymd(2025, 1, 10), residence_status::foreign_fixed_term,
                     ymd(2027, 3, 31)};
  auto e = card::card_expiry(a);
  CHECK(e.date == ymd(2027, 3, 31));
  CHECK(e.reason == expiry_reason::period_of_stay);
  // A stay ending after the 10th birthday does not extend the card.
  a.stay_until = ymd(2040, 1, 1);
  e = card::card_expiry(a);
  CHECK(e.date == ymd(2034, 5, 5));
  CHECK(e.reason == expiry_reason::tenth_birthday);
  // Stay ends exactly on the 10th birthday: same day either way.
  a.stay_until = ymd(2034, 5, 5);
  CHECK(card::card_expiry(a).date == ymd(2034, 5, 5));
  // Permanent residents are not capped.
  a.residence = residence_status::foreign_permanent;
  a.stay_until = ymd(2026, 1, 1);
  CHECK(card::card_expiry(a).date == ymd(2034, 5, 5));
  // Missing period of stay is a typed error.
  card_application missing{ymd(1990, 5, 5), ymd(2025, 1, 10), ymd(2025, 1, 10), residence_status::foreign_fixed_term};
  CHECK(card::try_card_expiry(missing).error().code == errc::invalid_argument);
}

TEST_CASE("card expiry: bad input") {
  CHECK(card::try_card_expiry(japanese(ymd(1990, 2, 30), ymd(2025, 1, 1))).error().code == errc::invalid_date);
  CHECK(card::try_card_expiry(japanese(ymd(2025, 1, 2), ymd(2025, 1, 1))).error().code == errc::invalid_date);
  card_application a{ymd(1990, 1, 1), ymd(2025, 2, 1), ymd(2025, 1, 1)};
  CHECK(card::try_card_expiry(a).error().code == errc::invalid_date);
}

TEST_CASE("certificate expiry: 5th birthday after issue, capped at the card") {
  const civil_date birth = ymd(1980, 2, 17);
  auto e = card::certificate_expiry(birth, ymd(2025, 10, 27), ymd(2035, 2, 17));
  CHECK(e.date == ymd(2030, 2, 17));  // as on myna-card's test certificate
  CHECK(e.reason == expiry_reason::fifth_birthday);
  // Card ends before the 5th birthday → certificate ends with the card.
  e = card::certificate_expiry(birth, ymd(2031, 3, 1), ymd(2035, 2, 17));  // 5th birthday would be 2036-02-17
  CHECK(e.date == ymd(2035, 2, 17));
  CHECK(e.reason == expiry_reason::card_expiry);
  // Card ends on the 5th birthday: the same day, so not capped.
  e = card::certificate_expiry(birth, ymd(2030, 3, 1), ymd(2035, 2, 17));
  CHECK(e.date == ymd(2035, 2, 17));
  CHECK(e.reason == expiry_reason::fifth_birthday);
  // One day earlier card expiry caps it.
  e = card::certificate_expiry(birth, ymd(2030, 3, 1), ymd(2035, 2, 16));
  CHECK(e.date == ymd(2035, 2, 16));
  CHECK(e.reason == expiry_reason::card_expiry);
  CHECK(card::try_certificate_expiry(birth, ymd(2036, 1, 1), ymd(2035, 2, 17)).error().code == errc::invalid_date);
}

TEST_CASE("every expiry ends at 23:59:59 JST") {
  const civil_date last = ymd(2035, 2, 17);
  // 2035-02-17T14:59:59Z = 2055337199.
  CHECK(card::expiry_instant_utc(last) == 2055337199);
  CHECK(card::is_valid_at(last, 2055337199));
  CHECK_FALSE(card::is_valid_at(last, 2055337200));
  // Generation-1 JPKI CAs ended 2025-10-19 14:59:59 UTC (card_jpki.md §2.1).
  CHECK(card::expiry_instant_utc(ymd(2025, 10, 19)) == 1760885999);
}
