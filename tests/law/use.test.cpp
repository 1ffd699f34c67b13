#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

namespace {
use_query annex_query_for(date on, std::string_view actor, std::string_view item) {
  use_query q;
  q.on = on;
  q.path = use_path::annex;
  q.actor = actor;
  q.annex_item = item;
  return q;
}
use_query employer(date on) {
  use_query q;
  q.on = on;
  q.path = use_path::related_affairs;
  q.statutory_filing_duty = true;
  return q;
}
}  // namespace

TEST_CASE("use: annex entity for its affair is permitted, another actor is not") {
  trace t;
  const use_answer ok = evaluate_use(annex_query_for(d("2025-07-01"), "健康保険組合", "二"), &t);
  CHECK(ok.decision == verdict::permitted);
  CHECK(ok.basis == rule_id::a9_annex);
  REQUIRE(ok.row != nullptr);
  CHECK(ok.row->citation == "番号法 別表 二の項");
  CHECK(ok.level == confidence::statute);
  CHECK(t.mentions(rule_id::annex_current));
  const use_answer no = evaluate_use(annex_query_for(d("2025-07-01"), "日本年金機構", "二"));
  CHECK(no.decision == verdict::not_permitted);
  CHECK(no.basis == rule_id::a9_no_path);
}

TEST_CASE("use: an affair keyword finds the row") {
  use_query q;
  q.on = d("2015-12-10");
  q.path = use_path::annex;
  q.actor = "市町村長";
  q.affair_keyword = "子ども・子育て支援法";
  const use_answer a = evaluate_use(q);
  CHECK(a.decision == verdict::permitted);
  REQUIRE(a.row != nullptr);
  CHECK(a.row->item_label == "九十四");
}

TEST_CASE("use: paths outside Art. 9 are not permitted") {
  use_query q;
  q.on = d("2019-01-01");
  q.path = use_path::none;
  trace t;
  const use_answer a = evaluate_use(q, &t);
  CHECK(a.decision == verdict::not_permitted);
  CHECK(t.mentions(rule_id::a9_no_path));
  q.path = use_path::ordinance;
  q.local_government = true;
  CHECK(evaluate_use(q).decision == verdict::not_permitted);  // no ordinance
  q.ordinance_enacted = true;
  CHECK(evaluate_use(q).decision == verdict::permitted);
  CHECK(evaluate_use(q).basis_version->cite.paragraph == "2");
}

TEST_CASE("use: disaster payments and Art. 19 recipients") {
  use_query q;
  q.on = d("2025-07-01");
  q.path = use_path::disaster_payment;
  q.financial_institution = true;
  q.disaster_declared = true;
  CHECK(evaluate_use(q).decision == verdict::not_permitted);  // no prior contract
  q.prior_contract = true;
  const use_answer a = evaluate_use(q);
  CHECK(a.decision == verdict::permitted);
  CHECK(a.basis_version->cite.paragraph == "5");
  q.on = d("2015-12-20");
  CHECK(evaluate_use(q).basis_version->cite.paragraph == "4");

  use_query r;
  r.on = d("2025-07-01");
  r.path = use_path::art19_recipient;
  r.received_under = rule_id::p19_mic_jlis;
  r.within_purpose = true;
  CHECK(evaluate_use(r).decision == verdict::permitted);
  CHECK(evaluate_use(r).basis_version->cite.paragraph == "6");
  r.on = d("2015-12-20");  // the MIC/J-LIS item did not exist in the 2015 text
  CHECK(evaluate_use(r).decision == verdict::not_permitted);
  r.received_under = rule_id::p19_network;  // not a recipient item
  r.on = d("2025-07-01");
  CHECK(evaluate_use(r).decision == verdict::not_permitted);
}

TEST_CASE("use at each amendment boundary, day before and day of") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    const date before = on.add_days(-1);
    const use_answer rb = evaluate_use(employer(before));
    const use_answer ra = evaluate_use(employer(on));
    CHECK(rb.decision == verdict::permitted);
    CHECK(ra.decision == verdict::permitted);
    const use_answer kb = evaluate_use(annex_query_for(before, "厚生労働大臣", "一"));
    const use_answer ka = evaluate_use(annex_query_for(on, "厚生労働大臣", "一"));
    CHECK(kb.decision == verdict::permitted);
    CHECK(ka.decision == verdict::permitted);
    const use_answer ob = evaluate_use(annex_query_for(before, "総務大臣", "二の二"));
    const use_answer oa = evaluate_use(annex_query_for(on, "総務大臣", "二の二"));
    if (b == "2016-01-01") {
      CHECK(rb.basis_version->cite.paragraph == "3");
      CHECK(rb.level == confidence::statute);
      CHECK(ra.basis_version->cite.paragraph == "3 or 4 (UNCONFIRMED)");
      CHECK(ra.level == confidence::unconfirmed);
      CHECK(kb.row->citation == "番号法 別表第一 一の項");
    } else if (b == "2024-05-27") {
      // 別表第一 (2015) has no 二の二; the current 別表 does (恩給).
      CHECK(ob.decision == verdict::not_permitted);
      CHECK(oa.decision == verdict::permitted);
      CHECK(kb.row->citation == "番号法 別表第一 一の項");
      CHECK(ka.row->citation == "番号法 別表 一の項");
    } else if (b == "2025-06-01") {
      CHECK(rb.level == confidence::unconfirmed);
      CHECK(ra.level == confidence::statute);
      CHECK(ra.basis_version->cite.paragraph == "4");
      CHECK(ka.level == confidence::statute);
      CHECK(oa.decision == verdict::permitted);
    } else {
      // 2020-05-25, 2020-12-12, 2022-04-01 do not touch Art. 9: same answer, both UNCONFIRMED.
      CHECK(rb.basis_version == ra.basis_version);
      CHECK(ra.level == confidence::unconfirmed);
      CHECK(ob.decision == verdict::not_permitted);
      CHECK(oa.decision == verdict::not_permitted);
    }
  }
}
