// File: jpki/basic_info.hpp — the four basic attributes (基本4情報) carried by a JPKI signature
// certificate (署名用電子証明書): name, address, sex and birth date, as typed values.
// Standard library plus the core civil_date (date.hpp) and 和暦 (wareki.hpp); the certificate
// parser (certificate.hpp) fills these from the subjectAltName otherNames
// 1.2.392.200149.8.5.5.1–6 (listed with their sources in data/jpki/profile_oids.tsv).
#ifndef MYNUMBER_JPKI_BASIC_INFO_HPP
#define MYNUMBER_JPKI_BASIC_INFO_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../date.hpp"
#include "../detail/utf8.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "../wareki.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// A UTF-8 text (氏名 or 住所) plus its 代替文字 map: one '0'/'1' per Unicode code point of the
// text, '1' where J-LIS wrote a substitute character because the original lies outside the
// JIS character sets it supports (card_jpki.md §2.2, OIDs 5.5.2 and 5.5.6).
struct substituted_text {
  std::string text;            // UTF-8, exactly as in the certificate
  std::string substitute_map;  // exactly as in the certificate ('0'/'1' characters)

  // Number of Unicode code points of `text` (not bytes, not UTF-16 units). Invalid UTF-8 bytes
  // count one each.
  [[nodiscard]] std::size_t length() const noexcept {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) (void)detail::utf8_next(text, i);
    return count;
  }

  // True when the map has one '0'/'1' per code point of the text.
  [[nodiscard]] bool map_consistent() const noexcept {
    if (substitute_map.size() != length()) return false;
    for (const char c : substitute_map) {
      if (c != '0' && c != '1') return false;
    }
    return true;
  }

  // 0-based code-point positions marked '1'. Positions beyond the text are still reported, so an
  // inconsistent map is visible rather than silently truncated.
  [[nodiscard]] std::vector<std::size_t> substitute_positions() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < substitute_map.size(); ++i) {
      if (substitute_map[i] == '1') out.push_back(i);
    }
    return out;
  }

  // The substitute characters themselves, in order (UTF-8 each), for positions inside the text.
  [[nodiscard]] std::vector<std::string> substitute_characters() const {
    std::vector<std::string> out;
    std::size_t index = 0;
    for (std::size_t i = 0; i < text.size(); ++index) {
      const std::size_t start = i;
      (void)detail::utf8_next(text, i);
      if (index < substitute_map.size() && substitute_map[index] == '1') out.push_back(text.substr(start, i - start));
    }
    return out;
  }
};

// The era (元号) type and table are the library's one 和暦 model (../wareki.hpp); JPKI adds only
// its era digit and its tolerance at era boundaries.
using mynumber::era;

// Era code as the first digit of the EYYYYMMDD birth date (card_jpki.md §2.2): 1 明治, 2 大正,
// 3 昭和, 4 平成, 5 令和 (the enumerator values of mynumber::era), 0 不明 (unknown) -> nullopt.
// nullopt also for a digit outside 0-5; try_decode_birth_date rejects those before asking.
[[nodiscard]] constexpr std::optional<era> era_from_code(int digit) noexcept {
  if (digit < 1 || digit > static_cast<int>(eras.size())) return std::nullopt;
  return static_cast<era>(digit);
}

// Lower-case romaji ("meiji" ... "reiwa") of the era, "unknown" for nullopt: the spelling the
// JSON form and the bindings expose.
[[nodiscard]] inline std::string to_string(std::optional<era> e) {
  if (!e || static_cast<int>(*e) < 1 || static_cast<int>(*e) > static_cast<int>(eras.size())) return "unknown";
  std::string out(era_info_of(*e).romaji);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when a certificate may write `date` with era `e`: from the era's first day (wareki.hpp
// table) through the first day of the next era, inclusive. The inclusive end is a deliberate
// tolerance of this library, not a sourced J-LIS rule: a birth on a new era's first day written
// with the old era code (e.g. 4 + 2019-05-01) is accepted, where mynumber::try_from_wareki is
// strict. False for a value outside the enumerators.
[[nodiscard]] constexpr bool era_covers(era e, civil_date date) noexcept {
  const int index = static_cast<int>(e) - 1;
  if (index < 0 || index >= static_cast<int>(eras.size())) return false;
  const auto at = static_cast<std::size_t>(index);
  if (date < eras[at].first_day) return false;
  return at + 1 == eras.size() || date <= eras[at + 1].first_day;
}

// The decoded 生年月日. `raw` keeps the certificate's 9 characters.
struct birth_date {
  std::string raw;
  std::optional<mynumber::era> era;  // nullopt: era digit 0 (不明)
  std::optional<civil_date> date;    // Gregorian; nullopt when the date digits are 00000000

  // True when a calendar date is present (the era may still be unknown).
  [[nodiscard]] constexpr bool known() const noexcept { return date.has_value(); }

  // True when the era code agrees with the calendar date (see era_covers); false when either is
  // unknown.
  [[nodiscard]] constexpr bool era_matches_date() const noexcept { return era && date && era_covers(*era, *date); }

  // Year within the era (1 = 元年), or 0 when unknown or inconsistent.
  [[nodiscard]] constexpr int era_year() const noexcept {
    return era_matches_date() ? date->year() - era_info_of(*era).first_day.year() + 1 : 0;
  }

  // The date in 和暦 with the certificate's own era code (so 平成31年5月1日 stays as written);
  // nullopt when unknown or when the era code and the date disagree.
  [[nodiscard]] constexpr std::optional<wareki_date> to_wareki() const noexcept {
    if (!era_matches_date()) return std::nullopt;
    return wareki_date{*era, era_year(), date->month(), date->day()};
  }

  // "YYYY-MM-DD", or "" when unknown.
  [[nodiscard]] std::string iso() const { return date ? date->to_string() : std::string(); }

  // 和暦, e.g. "昭和58年4月15日" ("平成元年1月8日" for the first year); "" when to_wareki() is nullopt.
  [[nodiscard]] std::string wareki() const {
    const auto w = to_wareki();
    return w ? w->to_string() : std::string();
  }
};

// Decodes the EYYYYMMDD form (card_jpki.md §2.2). Era digit 0 means unknown; the date digits
// "00000000" mean an unknown date. Errors (errc::certificate_extension, position = character
// index): wrong length, non-digit, era digit above 5, impossible calendar date, a year before
// the first era in the table (明治, 1868).
[[nodiscard]] inline result<birth_date> try_decode_birth_date(std::string_view text) {
  auto fail = [](std::size_t pos, const char* what) {
    return error_info{errc::certificate_extension, pos, -1,
                      std::string("birth date (1.2.392.200149.8.5.5.4): ") + what};
  };
  if (text.size() != 9) return fail(no_position, "expected 9 characters EYYYYMMDD");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return fail(i, "not a digit");
  }
  const auto number = [&](std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  birth_date out;
  out.raw = std::string(text);
  const int era_digit = text[0] - '0';
  if (era_digit > static_cast<int>(eras.size())) return fail(0, "era digit must be 0-5");
  out.era = era_from_code(era_digit);
  const int y = number(1, 4), m = number(5, 2), d = number(7, 2);
  if (y == 0 && m == 0 && d == 0) return out;  // date unknown
  if (y < eras.front().first_day.year() || m < 1 || m > 12) return fail(1, "not a calendar date");
  if (d < 1 || d > civil_date::days_in_month(y, m)) return fail(7, "not a calendar date");
  out.date = civil_date::from_ymd_unchecked(y, m, d);  // checked just above; y <= 9999 by width
  return out;
}

// 性別 code as written in the certificate. The meaning of the values is UNCONFIRMED in the
// reference (card_jpki.md §2.2: "1" 男, "2" 女, "3" 不明 per a secondary source; the card's text
// AP uses a different code list), so the raw code is the value of record.
[[nodiscard]] constexpr std::string_view sex_label(std::string_view code) noexcept {
  if (code == "1") return "male (UNCONFIRMED mapping)";
  if (code == "2") return "female (UNCONFIRMED mapping)";
  if (code == "3") return "unknown (UNCONFIRMED mapping)";
  return "unrecognised code";
}

// 基本4情報 from a signature certificate.
struct basic_info {
  substituted_text name;     // 氏名 (5.5.1) with its map (5.5.2)
  substituted_text address;  // 住所 (5.5.5) with its map (5.5.6)
  std::string sex;           // 性別 (5.5.3), raw code
  birth_date birth;          // 生年月日 (5.5.4)
};

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_BASIC_INFO_HPP
