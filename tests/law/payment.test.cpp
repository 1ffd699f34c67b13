#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

namespace {
payment_answer pay(date on, rule_id kind, std::uint64_t yen, bool final_amount = true,
                   payer_kind payer = payer_kind::corporation, trace* t = nullptr) {
  payment_query q;
  q.on = on;
  q.kind = kind;
  q.amount_yen = yen;
  q.amount_final = final_amount;
  q.payer = payer;
  return evaluate_payment(q, t);
}
}  // namespace

TEST_CASE("threshold is exempt at or below the figure: 50,000 yen for other fees (規84②四)") {
  const date on = d("2025-07-01");
  const payment_answer at = pay(on, rule_id::pay_fees_other, 50000);
  CHECK(at.decision == payment_verdict::not_permitted);
  CHECK(at.threshold_yen == 50000);
  CHECK(format_citation(at.basis_version->cite) == "所得税法施行規則 第84条第2項第4号");
  CHECK(at.level == confidence::statute);
  CHECK(pay(on, rule_id::pay_fees_other, 50001).decision == payment_verdict::required);
  CHECK(pay(on, rule_id::pay_fees_sales_agent_etc, 500000).decision == payment_verdict::not_permitted);
  CHECK(pay(on, rule_id::pay_fees_sales_agent_etc, 500001).decision == payment_verdict::required);
}

TEST_CASE("a request that is not permitted is barred by Art. 15") {
  trace t;
  (void)pay(d("2025-07-01"), rule_id::pay_fees_other, 30000, true, payer_kind::corporation, &t);
  CHECK(t.mentions(rule_id::a15_ban));
  CHECK(t.mentions(rule_id::a9_related_affairs));
}

TEST_CASE("rent: corporations and dealers only; the number may be asked at contract time") {
  const date on = d("2025-07-01");
  CHECK(pay(on, rule_id::pay_real_estate_rent, 150000).decision == payment_verdict::not_permitted);
  CHECK(pay(on, rule_id::pay_real_estate_rent, 150001).decision == payment_verdict::required);
  CHECK(pay(on, rule_id::pay_real_estate_rent, 100000, false).decision == payment_verdict::permitted_in_anticipation);
  CHECK(pay(on, rule_id::pay_real_estate_rent, 900000, true, payer_kind::individual).decision ==
        payment_verdict::not_permitted);
  CHECK(pay(on, rule_id::pay_real_estate_rent, 900000, true, payer_kind::real_estate_dealer).decision ==
        payment_verdict::required);
  CHECK(pay(on, rule_id::pay_real_estate_purchase, 1000000).decision == payment_verdict::not_permitted);
  CHECK(pay(on, rule_id::pay_real_estate_purchase, 1000001).decision == payment_verdict::required);
}

TEST_CASE("gold bullion: the number is given only above 2,000,000 yen (令350の7)") {
  const payment_answer at = pay(d("2025-07-01"), rule_id::pay_gold_bullion, 2000000);
  CHECK(at.decision == payment_verdict::not_permitted);
  CHECK(format_citation(at.basis_version->cite) == "所得税法施行令 第350条の7");
  CHECK(pay(d("2025-07-01"), rule_id::pay_gold_bullion, 2000001).decision == payment_verdict::required);
}

TEST_CASE("salary: below the figure the employee may still be asked at the employment contract") {
  const date on = d("2025-07-01");
  CHECK(pay(on, rule_id::pay_salary_year_end_adjusted, 5000001).decision == payment_verdict::required);
  CHECK(pay(on, rule_id::pay_salary_year_end_adjusted, 4000000).decision == payment_verdict::permitted_in_anticipation);
  payment_query q;
  q.on = on;
  q.kind = rule_id::pay_retirement;
  q.payee_is_officer = true;
  CHECK(evaluate_payment(q).decision == payment_verdict::required);
  q.payee_is_officer = false;
  CHECK(evaluate_payment(q).decision == payment_verdict::permitted_in_anticipation);
}

TEST_CASE("non-payment kinds are invalid queries") {
  payment_query q;
  q.on = d("2025-07-01");
  q.kind = rule_id::p19_network;
  auto r = try_evaluate_payment(q);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == mynumber::errc::law_invalid_query);
}

TEST_CASE("payment at each amendment boundary, day before and day of") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    for (const date when : {on.add_days(-1), on}) {
      CHECK(pay(when, rule_id::pay_fees_other, 50000).decision == payment_verdict::not_permitted);
      CHECK(pay(when, rule_id::pay_fees_other, 50001).decision == payment_verdict::required);
      CHECK(pay(when, rule_id::pay_public_pension, 600001).decision == payment_verdict::required);
    }
    const payment_answer before = pay(on.add_days(-1), rule_id::pay_fees_other, 50001);
    const payment_answer at = pay(on, rule_id::pay_fees_other, 50001);
    if (b == "2025-06-01") {
      // Both days lie after the 2025-04-01 regulation revision that was read, but Art. 9④ (the
      // hook) is only seen from 2025-06-01.
      CHECK(before.level == confidence::unconfirmed);
      CHECK(at.level == confidence::statute);
    } else {
      // Only the 2025-04-01 revision was read: earlier figures are assumed (UNCONFIRMED).
      CHECK(before.level == confidence::unconfirmed);
      CHECK(at.level == confidence::unconfirmed);
    }
  }
}
