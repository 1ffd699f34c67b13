#include <doctest/doctest.h>

#include <mynumber/wareki.hpp>

using namespace mynumber;

namespace {
constexpr civil_date ymd(int y, int m, int d) { return civil_date::from_ymd_unchecked(y, m, d); }
}  // namespace

TEST_CASE("和暦: the era table") {
  REQUIRE(eras.size() == 5);
  CHECK(era_info_of(era::meiji).kanji == "明治");
  CHECK(era_info_of(era::taisho).kanji == "大正");
  CHECK(era_info_of(era::showa).kanji == "昭和");
  CHECK(era_info_of(era::heisei).kanji == "平成");
  CHECK(era_info_of(era::reiwa).kanji == "令和");
  CHECK(era_info_of(era::reiwa).romaji == "Reiwa");
  CHECK(era_info_of(era::heisei).first_day == ymd(1989, 1, 8));
  for (std::size_t i = 1; i < eras.size(); ++i) CHECK(eras[i - 1].first_day < eras[i].first_day);
}

TEST_CASE("和暦: every era boundary") {
  struct row {
    civil_date date;
    era e;
    int year;
    const char* text;
  };
  const row rows[] = {
      {ymd(1868, 1, 25), era::meiji, 1, "明治元年1月25日"},   {ymd(1912, 7, 29), era::meiji, 45, "明治45年7月29日"},
      {ymd(1912, 7, 30), era::taisho, 1, "大正元年7月30日"},  {ymd(1926, 12, 24), era::taisho, 15, "大正15年12月24日"},
      {ymd(1926, 12, 25), era::showa, 1, "昭和元年12月25日"}, {ymd(1927, 1, 1), era::showa, 2, "昭和2年1月1日"},
      {ymd(1980, 2, 17), era::showa, 55, "昭和55年2月17日"},  {ymd(1989, 1, 7), era::showa, 64, "昭和64年1月7日"},
      {ymd(1989, 1, 8), era::heisei, 1, "平成元年1月8日"},    {ymd(1989, 3, 31), era::heisei, 1, "平成元年3月31日"},
      {ymd(2019, 4, 30), era::heisei, 31, "平成31年4月30日"}, {ymd(2019, 5, 1), era::reiwa, 1, "令和元年5月1日"},
      {ymd(2020, 2, 24), era::reiwa, 2, "令和2年2月24日"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const wareki_date w = to_wareki(r.date);
    CHECK(w.era_id == r.e);
    CHECK(w.year == r.year);
    CHECK(w.to_string() == r.text);
    CHECK(from_wareki(w) == r.date);
  }
  CHECK(to_wareki(ymd(2020, 2, 24)).to_yymmdd() == "020224");
  CHECK(try_to_wareki(ymd(1868, 1, 24)).error().code == errc::invalid_date);
  CHECK(try_to_wareki(ymd(2023, 2, 29)).error().code == errc::invalid_date);
  CHECK_THROWS_AS((void)to_wareki(ymd(1800, 1, 1)), mynumber::error);
  // Dates outside their era do not exist.
  CHECK(try_from_wareki({era::heisei, 31, 5, 1}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({era::showa, 1, 12, 24}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({era::showa, 64, 1, 8}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({era::reiwa, 0, 5, 1}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({era::reiwa, 2, 2, 30}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({era::reiwa, 9000, 1, 1}).error().code == errc::invalid_date);
  CHECK(try_from_wareki({static_cast<era>(9), 1, 1, 1}).error().code == errc::invalid_date);
  CHECK(from_wareki({era::showa, 64, 1, 7}) == ymd(1989, 1, 7));
  CHECK_THROWS_AS((void)from_wareki({era::heisei, 31, 5, 1}), mynumber::error);
}
