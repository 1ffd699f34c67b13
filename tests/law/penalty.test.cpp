#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

namespace {
penalty_answer pen(date on, rule_id offence, trace* t = nullptr) { return evaluate_penalty({on, offence}, t); }
}  // namespace

// The eight penalty rows of the original (2017) overview, law.md §7.3: article, term, fine, 併科.
TEST_CASE("the eight penalty rows for an act in 2017") {
  struct row {
    rule_id offence;
    std::string_view article;
    int months;
    std::uint32_t fine;
    bool cumulative;
  };
  const row rows[] = {
      {rule_id::pen_file_leak, "48", 48, 2000000, true},
      {rule_id::pen_number_for_gain, "49", 36, 1500000, true},
      {rule_id::pen_network_secrecy, "50", 36, 1500000, true},
      {rule_id::pen_obtain_by_fraud, "51", 36, 1500000, false},
      {rule_id::pen_official_abuse, "52", 24, 1000000, false},
      {rule_id::pen_order_violation, "53", 24, 500000, false},
      {rule_id::pen_inspection_obstruction, "54", 12, 500000, false},
      {rule_id::pen_card_fraud, "55", 6, 500000, false},
  };
  const date on = d("2017-07-01");
  for (const row& r : rows) {
    CAPTURE(r.article);
    const penalty_answer a = pen(on, r.offence);
    CHECK(a.status == rule_status::in_force);
    CHECK(a.article == r.article);
    CHECK(a.kind == imprisonment::choueki);
    CHECK(a.max_months == r.months);
    CHECK(a.max_fine_yen == r.fine);
    CHECK(a.cumulative == r.cumulative);
    CHECK(a.level >= confidence::secondary);  // no primary text for 2017
    CHECK(try_offence_for_article(r.article, on).value() == r.offence);
  }
  // Acts abroad in 2016–2017: Arts. 48–52 only.
  CHECK(pen(on, rule_id::pen_official_abuse).abroad == tristate::yes);
  CHECK(pen(on, rule_id::pen_order_violation).abroad == tristate::no);
  CHECK(pen(on, rule_id::pen_card_fraud).abroad == tristate::no);
}

TEST_CASE("article numbers are looked up as numbered on the date") {
  CHECK(try_offence_for_article("67", d("2015-12-31")).value() == rule_id::pen_file_leak);
  auto r = try_offence_for_article("67", d("2016-01-01"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == mynumber::errc::law_unknown_id);
  CHECK(try_offence_for_article("52の2", d("2025-07-01")).value() == rule_id::pen_jlis_secrecy);
  CHECK(try_offence_for_article("52の2", d("2019-07-01")).value() == rule_id::pen_jlis_secrecy);  // status unknown
  CHECK(pen(d("2019-07-01"), rule_id::pen_jlis_secrecy).status == rule_status::unknown);
  CHECK(format_citation(version_on(rule_id::pen_jlis_secrecy, d("2025-07-01")).cite) == "番号法 第52条の2");
}

TEST_CASE("the trace names the kind switch, acts abroad and corporate liability") {
  trace t;
  (void)pen(d("2025-07-01"), rule_id::pen_file_leak, &t);
  REQUIRE(t.size() == 4);
  CHECK(t.steps[0].rule == rule_id::pen_file_leak);
  CHECK(t.steps[1].rule == rule_id::pen_kokinkei);
  CHECK(t.steps[1].holds);
  CHECK(t.steps[2].rule == rule_id::pen_abroad);
  CHECK(t.steps[3].rule == rule_id::pen_corporate);
}

TEST_CASE("analogous laws come with their date and confidence") {
  const auto now = analogues_of(rule_id::pen_number_for_gain, d("2025-07-01"));
  REQUIRE(now.size() == 2);
  CHECK(now[0].row->law == "個人情報保護法");
  CHECK(now[0].row->article == "179");
  CHECK(now[0].level == confidence::official);
  const auto then = analogues_of(rule_id::pen_number_for_gain, d("2017-07-01"));
  CHECK(then[0].level == confidence::unconfirmed);
}

TEST_CASE("penalties at each amendment boundary, day before and day of") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    const date before = on.add_days(-1);
    const penalty_answer fb = pen(before, rule_id::pen_file_leak);
    const penalty_answer fa = pen(on, rule_id::pen_file_leak);
    const penalty_answer cb = pen(before, rule_id::pen_card_fraud);
    const penalty_answer ca = pen(on, rule_id::pen_card_fraud);
    CHECK(fb.max_fine_yen == 2000000);
    CHECK(fa.max_fine_yen == 2000000);
    CHECK(fb.max_months == 48);
    CHECK(fa.max_months == 48);
    if (b == "2016-01-01") {
      CHECK(fb.article == "67");
      CHECK(fb.level == confidence::statute);
      CHECK(fa.article == "48");
      CHECK(cb.article == "75");
      CHECK(ca.article == "55");
    } else if (b == "2020-05-25") {
      CHECK(cb.abroad == tristate::no);
      CHECK(ca.abroad == tristate::unknown);  // Art. 56 extended to 55 at an UNCONFIRMED date
      CHECK(cb.row->note.find("通知カード又は個人番号カード") != std::string_view::npos);
      CHECK(ca.row->note.find("通知カード又は個人番号カード") == std::string_view::npos);
    } else if (b == "2020-12-12") {
      CHECK(fb.corporate == corporate_fine::same_as_individual);
      CHECK(fb.corporate_max_fine_yen == 2000000);
      CHECK(fa.corporate == corporate_fine::hundred_million_yen);
      CHECK(fa.corporate_max_fine_yen == 100000000);
      CHECK(pen(on, rule_id::pen_order_violation).corporate_max_fine_yen == 100000000);
      CHECK(pen(on, rule_id::pen_obtain_by_fraud).corporate == corporate_fine::same_as_individual);
      CHECK(pen(on, rule_id::pen_network_secrecy).corporate == corporate_fine::none);
    } else if (b == "2025-06-01") {
      CHECK(fb.kind == imprisonment::choueki);
      CHECK(fa.kind == imprisonment::kokinkei);
      CHECK(fa.level == confidence::statute);
      CHECK(ca.abroad == tristate::yes);
      CHECK(pen(before, rule_id::pen_koseki_secrecy).status == rule_status::unknown);
      CHECK(pen(on, rule_id::pen_koseki_secrecy).status == rule_status::in_force);
      CHECK(pen(on, rule_id::pen_jlis_books).kind == imprisonment::none);
      CHECK(pen(on, rule_id::pen_jlis_books).max_fine_yen == 300000);
    } else {
      CHECK(fb.row == fa.row);
      CHECK(fa.article == "48");
      CHECK(fa.kind == imprisonment::choueki);
    }
  }
}
