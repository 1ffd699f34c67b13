#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

namespace {
handling_answer ask(date on, handling act, std::optional<rule_id> situation, bool household = false,
                    bool consent = false, trace* t = nullptr) {
  handling_query q;
  q.on = on;
  q.act = act;
  q.situation = situation;
  q.same_household = household;
  q.consent = consent;
  return evaluate_handling(q, t);
}
}  // namespace

TEST_CASE("request: Art. 15 bars asking without an Art. 19 item; household members are not 他人") {
  trace t;
  const handling_answer no = ask(d("2025-07-01"), handling::request, std::nullopt, false, false, &t);
  CHECK(no.decision == verdict::not_permitted);
  CHECK(no.basis == rule_id::a15_ban);
  CHECK(format_citation(no.basis_version->cite) == "番号法 第15条");
  CHECK(t.mentions(rule_id::a19_base));
  const handling_answer home = ask(d("2025-07-01"), handling::request, std::nullopt, true);
  CHECK(home.decision == verdict::permitted);
  CHECK(home.basis == rule_id::a15_household);
  // The household exception is Art. 15's alone: collecting is still Art. 20.
  const handling_answer collect = ask(d("2025-07-01"), handling::collect, std::nullopt, true);
  CHECK(collect.decision == verdict::not_permitted);
  CHECK(collect.basis == rule_id::a20_ban);
}

TEST_CASE("provide / collect / store with an Art. 19 item cites the item as numbered on the date") {
  for (handling act : {handling::provide, handling::collect, handling::store, handling::request}) {
    const handling_answer a = ask(d("2015-12-15"), act, rule_id::p19_related_affairs);
    CHECK(a.decision == verdict::permitted);
    CHECK(a.basis_version->cite.item == "2");
  }
  CHECK(ask(d("2015-12-15"), handling::provide, rule_id::p19_public_interest).basis_version->cite.item == "12");
  CHECK(ask(d("2019-06-01"), handling::provide, rule_id::p19_public_interest).basis_version->cite.item == "14");
  CHECK(ask(d("2025-07-01"), handling::provide, rule_id::p19_public_interest).basis_version->cite.item == "15");
}

TEST_CASE("job change needs consent, and its insertion date is not known") {
  CHECK(ask(d("2025-07-01"), handling::provide, rule_id::p19_job_change, false, true).decision == verdict::permitted);
  CHECK(ask(d("2025-07-01"), handling::provide, rule_id::p19_job_change, false, false).decision ==
        verdict::not_permitted);
  const handling_answer old = ask(d("2015-12-15"), handling::provide, rule_id::p19_job_change, false, true);
  CHECK(old.decision == verdict::not_permitted);  // absent from the 2015 text (statute)
  CHECK(old.level == confidence::statute);
  const handling_answer mid = ask(d("2019-06-01"), handling::provide, rule_id::p19_job_change, false, true);
  CHECK(mid.decision == verdict::undetermined);
  CHECK(mid.level == confidence::unconfirmed);
}

TEST_CASE("non-Art. 19 situations are rejected as invalid queries") {
  handling_query q;
  q.on = d("2025-07-01");
  q.situation = rule_id::pen_file_leak;
  auto r = try_evaluate_handling(q);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == mynumber::errc::law_invalid_query);
}

TEST_CASE("handling at each amendment boundary, day before and day of") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    const handling_answer nb = ask(on.add_days(-1), handling::provide, rule_id::p19_network);
    const handling_answer na = ask(on, handling::provide, rule_id::p19_network);
    CHECK(nb.decision == verdict::permitted);
    CHECK(na.decision == verdict::permitted);
    const handling_answer hb = ask(on.add_days(-1), handling::request, std::nullopt, true);
    const handling_answer ha = ask(on, handling::request, std::nullopt, true);
    CHECK(hb.decision == verdict::permitted);
    CHECK(ha.decision == verdict::permitted);
    const handling_answer xb = ask(on.add_days(-1), handling::store, std::nullopt);
    const handling_answer xa = ask(on, handling::store, std::nullopt);
    CHECK(xb.decision == verdict::not_permitted);
    CHECK(xa.decision == verdict::not_permitted);
    CHECK(format_citation(xa.basis_version->cite) == "番号法 第20条");
    if (b == "2016-01-01") {
      CHECK(nb.basis_version->cite.item == "7");
      CHECK(nb.level == confidence::statute);
      CHECK(na.basis_version->cite.item == "7");
      CHECK(na.level == confidence::secondary);
    } else if (b == "2024-05-27") {
      CHECK(format_citation(nb.basis_version->cite) == "番号法 第19条第7号（別表第二）");
      CHECK(format_citation(na.basis_version->cite) == "番号法 第19条第8号（主務省令）");
      CHECK(ask(on.add_days(-1), handling::provide, rule_id::p19_job_change, false, true).decision ==
            verdict::undetermined);
      CHECK(ask(on, handling::provide, rule_id::p19_job_change, false, true).decision == verdict::permitted);
    } else if (b == "2025-06-01") {
      CHECK(nb.level == confidence::unconfirmed);
      CHECK(na.level == confidence::statute);
      CHECK(na.basis_version->cite.item == "8");
    } else {
      CHECK(nb.basis_version == na.basis_version);
      CHECK(na.basis_version->cite.item == "7");
    }
  }
}
