// File: wareki.hpp — 和暦 (Japanese era calendar) conversion for civil_date. The card prints and
// keys the birth date in 和暦 (照合番号B), and JPKI basic information carries an era digit.
// Era first days follow the fact base (card_jpki.md §1.6, after myna-card `Date::to_era`):
// 明治 1868-01-25, 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
// The first year of an era is 元年 and ends on 31 December; the next year is 2年.
// Standard library only.
#ifndef MYNUMBER_WAREKI_HPP
#define MYNUMBER_WAREKI_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config.hpp"
#include "date.hpp"
#include "error.hpp"
#include "result.hpp"

MYNUMBER_BEGIN_NAMESPACE

enum class era : std::uint8_t { meiji = 1, taisho = 2, showa = 3, heisei = 4, reiwa = 5 };

struct era_info {
  era id;
  std::string_view kanji;   // 明治 ...
  std::string_view romaji;  // Meiji ...
  civil_date first_day;
};

inline constexpr std::array<era_info, 5> eras{{
    {era::meiji, "明治", "Meiji", civil_date::from_ymd_unchecked(1868, 1, 25)},
    {era::taisho, "大正", "Taisho", civil_date::from_ymd_unchecked(1912, 7, 30)},
    {era::showa, "昭和", "Showa", civil_date::from_ymd_unchecked(1926, 12, 25)},
    {era::heisei, "平成", "Heisei", civil_date::from_ymd_unchecked(1989, 1, 8)},
    {era::reiwa, "令和", "Reiwa", civil_date::from_ymd_unchecked(2019, 5, 1)},
}};

// Precondition: `e` is one of the enumerators.
[[nodiscard]] constexpr const era_info& era_info_of(era e) noexcept {
  return eras[static_cast<std::size_t>(static_cast<std::uint8_t>(e) - 1)];
}

// A date in 和暦: era, era year (1 = 元年), month, day.
struct wareki_date {
  era era_id = era::reiwa;
  int year = 1;
  int month = 1;
  int day = 1;

  // "平成元年3月31日". Precondition: era_id is one of the enumerators.
  [[nodiscard]] std::string to_string() const {
    std::string s(era_info_of(era_id).kanji);
    s += year == 1 ? std::string("元") : std::to_string(year);
    s += "年";
    s += std::to_string(month);
    s += "月";
    s += std::to_string(day);
    s += "日";
    return s;
  }
  // "YYMMDD" with the era year in two digits (the form 照合番号B and the card's 生年月日 key use).
  [[nodiscard]] std::string to_yymmdd() const {
    std::string s(6, '0');
    s[0] = static_cast<char>('0' + (year / 10) % 10);
    s[1] = static_cast<char>('0' + year % 10);
    s[2] = static_cast<char>('0' + month / 10);
    s[3] = static_cast<char>('0' + month % 10);
    s[4] = static_cast<char>('0' + day / 10);
    s[5] = static_cast<char>('0' + day % 10);
    return s;
  }
  friend constexpr bool operator==(const wareki_date& a, const wareki_date& b) noexcept {
    return a.era_id == b.era_id && a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend constexpr bool operator!=(const wareki_date& a, const wareki_date& b) noexcept { return !(a == b); }
};

// The 和暦 form of a Gregorian date. errc::invalid_date for a date before 明治 1868-01-25 (or one
// built unchecked that does not exist).
[[nodiscard]] inline result<wareki_date> try_to_wareki(civil_date date) {
  if (!date.valid()) return error_info{errc::invalid_date, no_position, -1, "no such calendar day"};
  for (std::size_t i = eras.size(); i-- > 0;) {
    if (date >= eras[i].first_day) {
      return wareki_date{eras[i].id, date.year() - eras[i].first_day.year() + 1, date.month(), date.day()};
    }
  }
  return error_info{errc::invalid_date, no_position, -1, "before the 明治 era (1868-01-25)"};
}
[[nodiscard]] inline wareki_date to_wareki(civil_date date) { return try_to_wareki(date).value(); }

// The Gregorian date of a 和暦 date. errc::invalid_date unless the day exists and falls inside
// that era (平成31年5月1日 does not exist: that day is 令和元年5月1日).
[[nodiscard]] inline result<civil_date> try_from_wareki(const wareki_date& w) {
  const auto e = static_cast<std::uint8_t>(w.era_id);
  if (e < 1 || e > eras.size()) return error_info{errc::invalid_date, no_position, -1, "unknown era"};
  if (w.year < 1) return error_info{errc::invalid_date, no_position, -1, "era year before 元年"};
  const era_info& era_i = era_info_of(w.era_id);
  if (w.year > 9999 - era_i.first_day.year() + 1) {
    return error_info{errc::invalid_date, no_position, -1, "era year beyond 9999"};
  }
  auto date = civil_date::try_from_ymd(era_i.first_day.year() + w.year - 1, w.month, w.day);
  if (!date) return date;
  if (*date < era_i.first_day) {
    return error_info{errc::invalid_date, no_position, -1, "before the first day of the era"};
  }
  if (e < eras.size() && *date >= eras[e].first_day) {
    return error_info{errc::invalid_date, no_position, -1, "after the last day of the era"};
  }
  return date;
}
[[nodiscard]] inline civil_date from_wareki(const wareki_date& w) { return try_from_wareki(w).value(); }

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_WAREKI_HPP
