#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

TEST_CASE("every rule has a unique semantic id and versions covering the whole range without gaps") {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rule_count; ++i) {
    const rule_record& rec = detail::rule_records[i];
    CAPTURE(rec.id);
    CHECK(ids.insert(std::string(rec.id)).second);
    CHECK(rec.id.find('.') != std::string_view::npos);
    REQUIRE(rec.version_count > 0);
    const rule_version& first = detail::rule_versions[rec.first_version];
    const rule_version& last = detail::rule_versions[rec.first_version + rec.version_count - 1];
    CHECK(first.from == earliest_date());
    CHECK(last.to == date::parse("9999-12-31"));
    for (std::size_t k = 1; k < rec.version_count; ++k) {
      CHECK(detail::rule_versions[rec.first_version + k - 1].to == detail::rule_versions[rec.first_version + k].from);
    }
  }
}

TEST_CASE("rule lookup by semantic id, never by item number") {
  CHECK(find_rule("P19.NETWORK") == rule_id::p19_network);
  auto missing = try_find_rule("19-7");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == mynumber::errc::law_unknown_id);
}

TEST_CASE("Art. 19 network item moves 7 -> 8 while its id stays") {
  CHECK(version_on(rule_id::p19_network, d("2015-12-31")).cite.item == "7");
  CHECK(version_on(rule_id::p19_network, d("2015-12-31")).level == confidence::statute);
  CHECK(version_on(rule_id::p19_network, d("2024-05-26")).cite.item == "7");
  CHECK(version_on(rule_id::p19_network, d("2024-05-27")).cite.item == "8");
  CHECK(version_on(rule_id::p19_network, d("2025-06-01")).level == confidence::statute);
  CHECK(format_citation(version_on(rule_id::p19_network, d("2025-07-01")).cite) == "番号法 第19条第8号（主務省令）");
}

TEST_CASE("dates after the last seen text are answered as UNCONFIRMED") {
  CHECK(version_on(rule_id::a19_base, last_seen_text_date()).level == confidence::statute);
  CHECK(version_on(rule_id::a19_base, last_seen_text_date().add_days(1)).level == confidence::unconfirmed);
}

TEST_CASE("check_date rejects dates before the first text") {
  auto r = check_date(d("2015-11-30"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == mynumber::errc::law_date_out_of_range);
  CHECK(check_date(d("2015-12-01")).has_value());
}

TEST_CASE("explain prints one line per step with rule id, citation and confidence") {
  trace t;
  detail::evaluation ev(d("2017-01-01"), &t);
  (void)ev.consult(rule_id::p19_public_interest, true, "test step");
  const std::string text = explain(t);
  CHECK(text.find("P19.PUBLIC_INTEREST") != std::string::npos);
  CHECK(text.find("第19条第14号") != std::string::npos);
  CHECK(text.find("secondary") != std::string::npos);
  CHECK(text.find("test step") != std::string::npos);
  CHECK(ev.level() == confidence::secondary);
}
