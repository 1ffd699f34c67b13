// File: date.hpp — the library's one civil date: a proleptic-Gregorian calendar day in years
// 1..9999, with no time of day and no time zone (a Japanese statute or card validity is counted
// in JST calendar days). The law engine, the card rules and 和暦 conversion (wareki.hpp) all use
// this type. Standard library only.
#ifndef MYNUMBER_DATE_HPP
#define MYNUMBER_DATE_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config.hpp"
#include "error.hpp"
#include "result.hpp"

MYNUMBER_BEGIN_NAMESPACE

class civil_date {
 public:
  // 1970-01-01 (days_since_epoch() == 0).
  constexpr civil_date() noexcept = default;

  [[nodiscard]] static constexpr bool is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
  // 0 for a month outside 1..12.
  [[nodiscard]] static constexpr int days_in_month(int year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
  }
  [[nodiscard]] static constexpr bool is_valid(int year, int month, int day) noexcept {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
  }

  // Precondition: is_valid(year, month, day). Meant for compile-time constants and generated
  // tables; a date built in breach of it keeps its fields and reports valid() == false.
  [[nodiscard]] static constexpr civil_date from_ymd_unchecked(int year, int month, int day) noexcept {
    return civil_date(year, month, day);
  }
  // A validated date; errc::invalid_date when the day does not exist.
  [[nodiscard]] static result<civil_date> try_from_ymd(int year, int month, int day) {
    if (!is_valid(year, month, day)) {
      return error_info{
          errc::invalid_date, no_position, -1,
          "no such calendar day: " + std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day)};
    }
    return civil_date(year, month, day);
  }
  [[nodiscard]] static civil_date from_ymd(int year, int month, int day) {
    return try_from_ymd(year, month, day).value();
  }

  // Strict ISO 8601 extended calendar date "YYYY-MM-DD" (exactly 10 ASCII characters).
  // Errors: errc::invalid_date, with the position of the offending character when there is one.
  [[nodiscard]] static result<civil_date> try_parse(std::string_view text) {
    if (text.size() != 10) return error_info{errc::invalid_date, no_position, -1, "date must be YYYY-MM-DD"};
    return parse_fields(text, true);
  }
  [[nodiscard]] static civil_date parse(std::string_view text) { return try_parse(text).value(); }

  // ISO 8601 basic calendar date "YYYYMMDD" (exactly 8 ASCII digits), the form some card files use.
  [[nodiscard]] static result<civil_date> try_parse_basic(std::string_view text) {
    if (text.size() != 8) return error_info{errc::invalid_date, no_position, -1, "date must be YYYYMMDD"};
    return parse_fields(text, false);
  }
  [[nodiscard]] static civil_date parse_basic(std::string_view text) { return try_parse_basic(text).value(); }

  [[nodiscard]] constexpr int year() const noexcept { return year_; }
  [[nodiscard]] constexpr int month() const noexcept { return month_; }
  [[nodiscard]] constexpr int day() const noexcept { return day_; }
  // False only for a date built by from_ymd_unchecked in breach of its precondition.
  [[nodiscard]] constexpr bool valid() const noexcept { return is_valid(year_, month_, day_); }
  // YYYYMMDD as one integer; orders like the date.
  [[nodiscard]] constexpr std::int32_t key() const noexcept { return year_ * 10000 + month_ * 100 + day_; }

  // Days since 1970-01-01 (negative before), by the days-from-civil algorithm (March-based years
  // in 400-year cycles of 146097 days).
  [[nodiscard]] constexpr std::int64_t days_since_epoch() const noexcept {
    const std::int64_t y = static_cast<std::int64_t>(year_) - (month_ <= 2 ? 1 : 0);
    const std::int64_t cycle = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_cycle = y - cycle * 400;
    const std::int64_t day_of_year = (153 * ((month_ + 9) % 12) + 2) / 5 + day_ - 1;
    const std::int64_t day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    return cycle * 146097 + day_of_cycle - 719468;
  }
  // Inverse of days_since_epoch(). Precondition: the result lies in years 1..9999.
  [[nodiscard]] static constexpr civil_date from_days_since_epoch(std::int64_t days) noexcept {
    const std::int64_t z = days + 719468;
    const std::int64_t cycle = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_cycle = z - cycle * 146097;
    const std::int64_t year_of_cycle =
        (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 - day_of_cycle / 146096) / 365;
    const std::int64_t day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const std::int64_t d = day_of_year - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = year_of_cycle + cycle * 400 + (m <= 2 ? 1 : 0);
    return civil_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  }
  // Precondition (both): the result lies in years 1..9999.
  [[nodiscard]] constexpr civil_date add_days(std::int64_t days) const noexcept {
    return from_days_since_epoch(days_since_epoch() + days);
  }
  // The same month and day `years` later (or earlier). 29 February lands on 28 February in a
  // common year, the last day of that month (the fallback 民法第143条第2項 uses for periods).
  [[nodiscard]] constexpr civil_date add_years(int years) const noexcept {
    const int y = year_ + years;
    const int last = days_in_month(y, month_);
    return civil_date(y, month_, day_ > last ? last : day_);
  }

  // "YYYY-MM-DD".
  [[nodiscard]] std::string to_string() const {
    std::string out = to_basic_string();
    out.insert(6, 1, '-');
    out.insert(4, 1, '-');
    return out;
  }
  // "YYYYMMDD".
  [[nodiscard]] std::string to_basic_string() const {
    std::string out(8, '0');
    put(out, 0, year_, 4);
    put(out, 4, month_, 2);
    put(out, 6, day_, 2);
    return out;
  }

  friend constexpr bool operator==(civil_date a, civil_date b) noexcept { return a.key() == b.key(); }
  friend constexpr bool operator!=(civil_date a, civil_date b) noexcept { return a.key() != b.key(); }
  friend constexpr bool operator<(civil_date a, civil_date b) noexcept { return a.key() < b.key(); }
  friend constexpr bool operator<=(civil_date a, civil_date b) noexcept { return a.key() <= b.key(); }
  friend constexpr bool operator>(civil_date a, civil_date b) noexcept { return a.key() > b.key(); }
  friend constexpr bool operator>=(civil_date a, civil_date b) noexcept { return a.key() >= b.key(); }

 private:
  constexpr civil_date(int year, int month, int day) noexcept : year_(year), month_(month), day_(day) {}

  // `text` has the right length; `extended` says whether '-' separates the fields.
  [[nodiscard]] static result<civil_date> parse_fields(std::string_view text, bool extended) {
    const char* what = extended ? "date must be YYYY-MM-DD" : "date must be YYYYMMDD";
    int fields[3] = {0, 0, 0};
    const std::size_t widths[3] = {4, 2, 2};
    std::size_t at = 0;
    for (int f = 0; f < 3; ++f) {
      if (extended && f > 0) {
        if (text[at] != '-') return error_info{errc::invalid_date, at, -1, what};
        ++at;
      }
      for (std::size_t i = 0; i < widths[f]; ++i, ++at) {
        if (text[at] < '0' || text[at] > '9') return error_info{errc::invalid_date, at, -1, what};
        fields[f] = fields[f] * 10 + (text[at] - '0');
      }
    }
    return try_from_ymd(fields[0], fields[1], fields[2]);
  }
  static void put(std::string& out, std::size_t at, int value, std::size_t width) {
    for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  }

  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// Age in completed years on `on`. The age rises on the birthday itself (年齢計算ニ関スル法律 with
// 民法第143条: a year of life ends at the end of the day before the birthday); someone born on
// 29 February therefore gains a year on 1 March in common years.
[[nodiscard]] constexpr int age_on(civil_date birth, civil_date on) noexcept {
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

// The n-th birthday strictly after `after` (n >= 1). In a common year a 29 February birthday is
// taken as 28 February (see civil_date::add_years).
[[nodiscard]] constexpr civil_date nth_birthday_after(civil_date birth, civil_date after, int n) noexcept {
  int first_year = after.year();
  if (birth.add_years(first_year - birth.year()) <= after) ++first_year;
  return birth.add_years(first_year - birth.year() + (n - 1));
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DATE_HPP
