// Tests for jpki/detail/asn1.hpp: calendar arithmetic, JST display and time parsing.
#include <mynumber/jpki/detail/asn1.hpp>

#include <doctest/doctest.h>

using namespace mynumber::jpki;

// instant and civil_date::days_since_epoch share the 1970-01-01 epoch.
static_assert(detail::seconds_since_epoch(1970, 1, 1, 0, 0, 0) == 0);
static_assert(detail::seconds_since_epoch(2000, 3, 1, 0, 0, 1) == 11017LL * 86400 + 1);
static_assert(detail::civil_from_seconds(-1).date == mynumber::civil_date::from_ymd_unchecked(1969, 12, 31));
static_assert(detail::civil_from_seconds(-1).hour == 23);

TEST_CASE("instants display in JST and UTC") {
  const instant t = try_parse_time("2031-11-26T14:59:59Z").value();
  CHECK(format_jst(t) == "2031-11-26 23:59:59 JST");
  CHECK(format_utc_iso(t) == "2031-11-26T14:59:59Z");
  const instant crossing = try_parse_time("2025-12-31T15:00:00Z").value();
  CHECK(format_jst(crossing) == "2026-01-01 00:00:00 JST");
}

TEST_CASE("time parsing accepts dates, times and offsets") {
  const instant utc = try_parse_time("2030-02-17T14:59:59Z").value();
  CHECK(try_parse_time("2030-02-17 23:59:59 JST").value() == utc);
  CHECK(try_parse_time("2030-02-17T23:59:59+09:00").value() == utc);
  CHECK(try_parse_time("2030-02-17T14:59:59").value() == utc);
  CHECK(try_parse_time("2030-02-17").value() == utc - std::chrono::seconds(14 * 3600 + 59 * 60 + 59));
  CHECK(try_parse_time("2030-02-17T13:59:59-01:00").value() == utc);
}

TEST_CASE("bad times are typed errors") {
  for (const char* bad : {"", "2030", "2030-13-01", "2030-02-17T25:00", "2030-02-17Tx", "2030-02-17 PST", "tomorrow",
                          "2030-02-29", "2030-04-31", "0000-01-01"}) {
    const auto r = try_parse_time(bad);
    CHECK_MESSAGE(!r.has_value(), bad);
    if (!r) CHECK(r.error().code == mynumber::errc::invalid_argument);
  }
}

TEST_CASE("ASN1_TIME converts both UTCTime and GeneralizedTime") {
  mynumber::detail::asn1_time t(ASN1_TIME_new());
  REQUIRE(ASN1_TIME_set_string(t.get(), "301126145959Z") == 1);
  instant out{};
  REQUIRE(detail::to_instant(t.get(), out));
  CHECK(format_utc_iso(out) == "2030-11-26T14:59:59Z");
  REQUIRE(ASN1_TIME_set_string(t.get(), "20510101000000Z") == 1);
  REQUIRE(detail::to_instant(t.get(), out));
  CHECK(format_utc_iso(out) == "2051-01-01T00:00:00Z");
  CHECK_FALSE(detail::to_instant(nullptr, out));
}
