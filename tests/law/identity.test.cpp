#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

namespace {
identity_query in_person(date on, std::vector<document> docs) {
  identity_query q;
  q.on = on;
  q.via = channel::in_person;
  q.documents = std::move(docs);
  return q;
}
}  // namespace

TEST_CASE("the My Number Card satisfies both checks (Art. 16 item 1)") {
  trace t;
  const identity_answer a = evaluate_identity(in_person(d("2025-07-01"), {{document_kind::my_number_card}}), &t);
  CHECK(a.satisfied());
  CHECK(a.number.by == rule_id::a16_card);
  CHECK(format_citation(version_on(rule_id::a16_card, d("2025-07-01")).cite) == "番号法 第16条第1号");
  CHECK(a.missing.empty());
  CHECK(t.mentions(rule_id::a16_card));
}

TEST_CASE("residence record plus driver's licence; missing pieces are listed") {
  const identity_answer both = evaluate_identity(
      in_person(d("2025-07-01"), {{document_kind::residence_record_with_number}, {document_kind::drivers_license}}));
  CHECK(both.satisfied());
  CHECK(both.number.by == rule_id::idv_number_doc);
  CHECK(both.identity.by == rule_id::idv_identity_photo);
  CHECK(both.level == confidence::official);  // 施行令 / 施行規則 texts not seen

  const identity_answer only_id = evaluate_identity(in_person(d("2025-07-01"), {{document_kind::passport}}));
  CHECK_FALSE(only_id.satisfied());
  CHECK(only_id.number.satisfied == verdict::not_permitted);
  CHECK(only_id.identity.satisfied == verdict::permitted);
  REQUIRE(only_id.missing.size() == 1);
  CHECK(only_id.missing[0].find("番号確認書類") != std::string_view::npos);

  const identity_answer expired =
      evaluate_identity(in_person(d("2025-07-01"), {{document_kind::residence_record_with_number},
                                                    {document_kind::passport, holder::principal, true, true}}));
  CHECK(expired.identity.satisfied == verdict::not_permitted);
}

TEST_CASE("fallbacks: earlier verified file, identity obvious (employment), two documents") {
  identity_query q = in_person(d("2019-04-01"), {});
  q.earlier_verified_file = true;
  q.identity_obvious = true;
  const identity_answer a = evaluate_identity(q);
  CHECK(a.satisfied());
  CHECK(a.number.fallback);
  CHECK(a.number.by == rule_id::idv_number_fallback_file);
  CHECK(a.identity.by == rule_id::idv_identity_obvious);
  CHECK(a.level == confidence::secondary);

  const identity_answer two =
      evaluate_identity(in_person(d("2019-04-01"), {{document_kind::residence_record_with_number},
                                                    {document_kind::health_insurance_card},
                                                    {document_kind::pension_book}}));
  CHECK(two.satisfied());
  CHECK(two.identity.by == rule_id::idv_identity_two_docs);
  const identity_answer one = evaluate_identity(in_person(
      d("2019-04-01"), {{document_kind::residence_record_with_number}, {document_kind::health_insurance_card}}));
  CHECK(one.identity.satisfied == verdict::not_permitted);
}

TEST_CASE("telephone, online and agent channels") {
  identity_query tel;
  tel.on = d("2025-07-01");
  tel.via = channel::telephone;
  tel.earlier_verified_file = true;
  CHECK_FALSE(evaluate_identity(tel).satisfied());
  tel.knows_personal_facts = true;
  CHECK(evaluate_identity(tel).satisfied());

  identity_query online;
  online.on = d("2025-07-01");
  online.via = channel::online;
  online.documents = {{document_kind::electronic_certificate}};
  const identity_answer o = evaluate_identity(online);
  CHECK(o.identity.satisfied == verdict::permitted);
  CHECK(o.number.satisfied == verdict::not_permitted);
  online.documents.push_back({document_kind::jlis_check});
  CHECK(evaluate_identity(online).satisfied());

  identity_query agent;
  agent.on = d("2025-07-01");
  agent.via = channel::agent;
  agent.documents = {{document_kind::drivers_license, holder::agent},
                     {document_kind::my_number_card, holder::principal}};
  const identity_answer no_authority = evaluate_identity(agent);
  CHECK(no_authority.authority.satisfied == verdict::not_permitted);
  CHECK_FALSE(no_authority.satisfied());
  agent.documents.push_back({document_kind::power_of_attorney, holder::agent});
  const identity_answer ok = evaluate_identity(agent);
  CHECK(ok.satisfied());
  CHECK(ok.identity.by == rule_id::idv_agent_identity);
  CHECK(ok.number.by == rule_id::idv_agent_principal_number);
  // The principal's driver's licence does not identify the agent.
  agent.documents = {{document_kind::drivers_license, holder::principal},
                     {document_kind::my_number_card, holder::principal},
                     {document_kind::power_of_attorney, holder::agent}};
  CHECK(evaluate_identity(agent).identity.satisfied == verdict::not_permitted);
}

TEST_CASE("post uses copies (規11) and the same document rules") {
  identity_query q =
      in_person(d("2025-07-01"), {{document_kind::residence_record_with_number}, {document_kind::passport}});
  q.via = channel::post;
  trace t;
  CHECK(evaluate_identity(q, &t).satisfied());
  CHECK(t.mentions(rule_id::idv_post));
}

TEST_CASE("identity verification at each amendment boundary, day before and day of") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    const date before = on.add_days(-1);
    const std::vector<document> card{{document_kind::my_number_card}};
    const identity_answer cb = evaluate_identity(in_person(before, card));
    const identity_answer ca = evaluate_identity(in_person(on, card));
    CHECK(cb.satisfied());
    CHECK(ca.satisfied());
    const std::vector<document> notice{{document_kind::notification_card}, {document_kind::drivers_license}};
    const std::vector<document> stale{{document_kind::notification_card, holder::principal, false},
                                      {document_kind::drivers_license}};
    const std::vector<document> two{{document_kind::residence_record_with_number},
                                    {document_kind::health_insurance_card},
                                    {document_kind::pension_book}};
    const identity_answer nb = evaluate_identity(in_person(before, notice));
    const identity_answer na = evaluate_identity(in_person(on, notice));
    CHECK(nb.satisfied());
    CHECK(na.satisfied());
    const identity_answer tb = evaluate_identity(in_person(before, two));
    const identity_answer ta = evaluate_identity(in_person(on, two));
    CHECK(tb.satisfied());
    CHECK(ta.satisfied());
    if (b == "2016-01-01") {
      CHECK(cb.level == confidence::statute);
      CHECK(ca.level == confidence::unconfirmed);
    } else if (b == "2020-05-25") {
      // 通知カード abolished: from this day only its transitional use remains, and only while
      // its entries are unchanged.
      CHECK(nb.number.by == rule_id::a16_notification_card);
      CHECK(na.number.by == rule_id::a16_notification_card_transitional);
      CHECK(evaluate_identity(in_person(before, stale)).number.satisfied == verdict::permitted);
      CHECK(evaluate_identity(in_person(on, stale)).number.satisfied == verdict::not_permitted);
    } else if (b == "2022-04-01") {
      CHECK(tb.level == confidence::secondary);
      CHECK(ta.level == confidence::unconfirmed);  // 年金手帳 listing after 2022-04 UNCONFIRMED
    } else if (b == "2025-06-01") {
      // The smartphone route's start date is not known: still undetermined on the day of.
      const std::vector<document> phone{{document_kind::card_alternative_record}};
      CHECK(evaluate_identity(in_person(before, phone)).number.satisfied == verdict::undetermined);
      CHECK(evaluate_identity(in_person(on, phone)).number.satisfied == verdict::undetermined);
      CHECK(evaluate_identity(in_person(d("2025-09-24"), phone)).satisfied());
      CHECK(ca.level == confidence::statute);
    } else {
      CHECK(nb.number.by == na.number.by);
      CHECK(tb.identity.by == ta.identity.by);
    }
  }
}

TEST_CASE("health-insurance card after 2024-12-02 and the 資格確認書") {
  const std::vector<document> docs{{document_kind::residence_record_with_number},
                                   {document_kind::health_insurance_card},
                                   {document_kind::qualification_certificate}};
  CHECK(evaluate_identity(in_person(d("2024-12-01"), docs)).identity.satisfied == verdict::not_permitted);
  const identity_answer later = evaluate_identity(in_person(d("2024-12-02"), docs));
  CHECK(later.identity.satisfied == verdict::undetermined);
  CHECK(later.level == confidence::unconfirmed);
}
