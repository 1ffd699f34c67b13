// File: corp/record.hpp — one row of the NTA corporate-number data (基本3情報), typed.
// The 30-column layout, the code tables and the flag meanings follow corporate_data.md §1.5–§1.6
// (transcriptions of the NTA リソース定義書, which itself was not available: see that file). Older
// files have 23 (v1), 28 (v2) or 29 (v3) columns; the missing trailing columns read as blank.
// Every code is an enum whose value is the code itself, so `static_cast<int>(kind::kabushiki_kaisha)`
// is 301. Text is UTF-8 whatever the file encoding was. Corporate numbers are public data, so
// records hold them in full.
#ifndef MYNUMBER_CORP_RECORD_HPP
#define MYNUMBER_CORP_RECORD_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../corporate_number.hpp"
#include "../date.hpp"
#include "../detail/swar.hpp"
#include "../result.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

// 処理区分 (column 3).
enum class process : std::uint8_t {
  none = 0,                       // blank (never valid in a data row; used for "not set")
  newly_published = 1,            // 01 新規
  name_changed = 11,              // 11 商号又は名称の変更
  domestic_address_changed = 12,  // 12 国内所在地の変更
  foreign_address_changed = 13,   // 13 国外所在地の変更
  closed = 21,                    // 21 登記記録の閉鎖等
  reopened = 22,                  // 22 登記記録の復活等
  absorption_merger = 71,         // 71 吸収合併
  merger_invalidated = 72,        // 72 吸収合併無効
  trade_name_erased = 81,         // 81 商号の登記の抹消
  deleted = 99,                   // 99 削除: only number, process and update date are filled
};

// 法人種別 (column 9).
enum class kind : std::uint16_t {
  none = 0,                // blank: process=99 rows
  national_agency = 101,   // 国の機関
  local_government = 201,  // 地方公共団体
  kabushiki_kaisha = 301,  // 株式会社
  yugen_kaisha = 302,      // 有限会社 (特例有限会社)
  gomei_kaisha = 303,      // 合名会社
  goshi_kaisha = 304,      // 合資会社
  godo_kaisha = 305,       // 合同会社
  other_registered = 399,  // その他の設立登記法人
  foreign_company = 401,   // 外国会社等
  other = 499,             // その他 (人格のない社団等)
};

// 登記記録の閉鎖等の事由 (column 20).
enum class close_cause : std::uint8_t {
  none = 0,                  // blank: not closed
  liquidation = 1,           // 01 清算の結了等
  merger = 11,               // 11 合併による解散等
  closed_by_registrar = 21,  // 21 登記官による閉鎖
  other_liquidation = 31,    // 31 その他の清算の結了等
};

// A 0/1 column that may also be blank: 訂正区分 (blank on process=99 rows), 最新履歴 and
// 検索対象除外 (absent from older layouts).
enum class flag : std::uint8_t { blank = 0, no = 1, yes = 2 };

inline constexpr process all_processes[] = {process::newly_published,
                                            process::name_changed,
                                            process::domestic_address_changed,
                                            process::foreign_address_changed,
                                            process::closed,
                                            process::reopened,
                                            process::absorption_merger,
                                            process::merger_invalidated,
                                            process::trade_name_erased,
                                            process::deleted};
inline constexpr kind all_kinds[] = {
    kind::national_agency, kind::local_government, kind::kabushiki_kaisha, kind::yugen_kaisha,    kind::gomei_kaisha,
    kind::goshi_kaisha,    kind::godo_kaisha,      kind::other_registered, kind::foreign_company, kind::other};
inline constexpr close_cause all_close_causes[] = {close_cause::liquidation, close_cause::merger,
                                                   close_cause::closed_by_registrar, close_cause::other_liquidation};

[[nodiscard]] constexpr bool is_known(process p) noexcept {
  for (process x : all_processes)
    if (x == p) return true;
  return false;
}
[[nodiscard]] constexpr bool is_known(kind k) noexcept {
  for (kind x : all_kinds)
    if (x == k) return true;
  return false;
}
[[nodiscard]] constexpr bool is_known(close_cause c) noexcept {
  for (close_cause x : all_close_causes)
    if (x == c) return true;
  return false;
}

// The Japanese label of each code, as in the code tables.
[[nodiscard]] constexpr std::string_view label(process p) noexcept {
  switch (p) {
    case process::none: return "";
    case process::newly_published: return "新規";
    case process::name_changed: return "商号又は名称の変更";
    case process::domestic_address_changed: return "国内所在地の変更";
    case process::foreign_address_changed: return "国外所在地の変更";
    case process::closed: return "登記記録の閉鎖等";
    case process::reopened: return "登記記録の復活等";
    case process::absorption_merger: return "吸収合併";
    case process::merger_invalidated: return "吸収合併無効";
    case process::trade_name_erased: return "商号の登記の抹消";
    case process::deleted: return "削除";
  }
  return "";
}
[[nodiscard]] constexpr std::string_view label(kind k) noexcept {
  switch (k) {
    case kind::none: return "";
    case kind::national_agency: return "国の機関";
    case kind::local_government: return "地方公共団体";
    case kind::kabushiki_kaisha: return "株式会社";
    case kind::yugen_kaisha: return "有限会社";
    case kind::gomei_kaisha: return "合名会社";
    case kind::goshi_kaisha: return "合資会社";
    case kind::godo_kaisha: return "合同会社";
    case kind::other_registered: return "その他の設立登記法人";
    case kind::foreign_company: return "外国会社等";
    case kind::other: return "その他";
  }
  return "";
}
[[nodiscard]] constexpr std::string_view label(close_cause c) noexcept {
  switch (c) {
    case close_cause::none: return "";
    case close_cause::liquidation: return "清算の結了等";
    case close_cause::merger: return "合併による解散等";
    case close_cause::closed_by_registrar: return "登記官による閉鎖";
    case close_cause::other_liquidation: return "その他の清算の結了等";
  }
  return "";
}

// Every NTA date column is YYYY-MM-DD, read into the library's one date type. A column that may be
// blank (変更年月日, 登記記録の閉鎖等年月日, 法人番号指定年月日) is a std::optional<civil_date>;
// the required 更新年月日 is a plain civil_date. `corp::date` is only a shorter spelling of civil_date.
using date = civil_date;

// Reads exactly "YYYY-MM-DD" with a year 1000–9999 and a real day. Non-throwing and allocation-free
// (the CSV reader calls it for four columns of every row); errc::invalid_date with the offending
// character position (no_position for a wrong length or a day that does not exist). `out` is only
// written on success.
[[nodiscard]] constexpr validation parse_date(std::string_view s, civil_date& out) noexcept {
  if (s.size() != 10) return {errc::invalid_date, no_position};
  // Fast check of all ten bytes at once: the 8 digit bytes (the dashes replaced by '0') must lie
  // in '0'..'9' (detail/swar.hpp). The per-character loop below runs only to name the position of
  // a bad character.
  const std::uint64_t head = mynumber::detail::load_le64(s.data());  // bytes 0-7 "YYYY-MM-"
  const std::uint64_t tail =
      std::uint64_t{static_cast<unsigned char>(s[8])} | (std::uint64_t{static_cast<unsigned char>(s[9])} << 8);
  constexpr std::uint64_t dashes = (std::uint64_t{'-'} << 32) | (std::uint64_t{'-'} << 56);
  constexpr std::uint64_t dash_mask = (std::uint64_t{0xFF} << 32) | (std::uint64_t{0xFF} << 56);
  const std::uint64_t digits = (head & ~dash_mask) | (mynumber::detail::swar_zeros & dash_mask);
  const bool shape_ok = (head & dash_mask) == dashes && mynumber::detail::all_digit_lanes(digits) &&
                        (((tail - 0x3030ull) | (tail + 0x4646ull)) & 0x8080ull) == 0;
  if (!shape_ok) {
    if (s[4] != '-') return {errc::invalid_date, 4};
    if (s[7] != '-') return {errc::invalid_date, 7};
    constexpr std::size_t digit_at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (std::size_t k : digit_at)
      if (s[k] < '0' || s[k] > '9') return {errc::invalid_date, k};
  }
  // Digit values in place (the dash lanes are 0); then byte k of `pairs` is 10 * digit k +
  // digit k+1, with no carry between lanes (at most 99). Working on the two words, not the bytes
  // again, lets compilers load each word once.
  const std::uint64_t values = digits - mynumber::detail::swar_zeros;
  const std::uint64_t pairs = values * 10 + (values >> 8);
  const std::uint64_t tail_values = tail - 0x3030ull;
  const int y = static_cast<int>(pairs & 0xFF) * 100 + static_cast<int>((pairs >> 16) & 0xFF);
  const int m = static_cast<int>((pairs >> 40) & 0xFF);
  const int day = static_cast<int>((tail_values & 0xFF) * 10 + (tail_values >> 8));
  // Days 1-28 exist in every month; only later days need the month length (and leap years).
  const bool exists = m >= 1 && m <= 12 && day >= 1 && (day <= 28 || day <= civil_date::days_in_month(y, m));
  if (y < 1000 || !exists) return {errc::invalid_date, no_position};
  out = civil_date::from_ymd_unchecked(y, m, day);
  return {};
}

// "YYYY-MM-DD", or "" for a blank column.
[[nodiscard]] inline std::string to_string(const std::optional<civil_date>& d) {
  return d ? d->to_string() : std::string();
}

// One column of the layout: its 1-based position, the XML/Web-API element name and the Japanese
// item name. 項番 in the リソース定義書 is position + 6.
struct column_info {
  int position;
  std::string_view name;
  std::string_view japanese;
};

// The current (v4) layout, 30 columns, in file order. A tested constant: ad-hoc column maps are the
// most common bug in code that reads these files (corporate_data.md §3.4).
inline constexpr std::array<column_info, 30> columns{{
    {1, "sequenceNumber", "一連番号"},
    {2, "corporateNumber", "法人番号"},
    {3, "process", "処理区分"},
    {4, "correct", "訂正区分"},
    {5, "updateDate", "更新年月日"},
    {6, "changeDate", "変更年月日"},
    {7, "name", "商号又は名称"},
    {8, "nameImageId", "商号又は名称イメージID"},
    {9, "kind", "法人種別"},
    {10, "prefectureName", "国内所在地（都道府県）"},
    {11, "cityName", "国内所在地（市区町村）"},
    {12, "streetNumber", "国内所在地（丁目番地等）"},
    {13, "addressImageId", "国内所在地イメージID"},
    {14, "prefectureCode", "都道府県コード"},
    {15, "cityCode", "市区町村コード"},
    {16, "postCode", "郵便番号"},
    {17, "addressOutside", "国外所在地"},
    {18, "addressOutsideImageId", "国外所在地イメージID"},
    {19, "closeDate", "登記記録の閉鎖等年月日"},
    {20, "closeCause", "登記記録の閉鎖等の事由"},
    {21, "successorCorporateNumber", "承継先法人番号"},
    {22, "changeCause", "変更事由の詳細"},
    {23, "assignmentDate", "法人番号指定年月日"},
    {24, "latest", "最新履歴"},
    {25, "enName", "商号又は名称（英語表記）"},
    {26, "enPrefectureName", "国内所在地（都道府県）（英語表記）"},
    {27, "enCityName", "国内所在地（市区町村丁目番地等）（英語表記）"},
    {28, "enAddressOutside", "国外所在地（英語表記）"},
    {29, "furigana", "フリガナ"},
    {30, "hihyoji", "検索対象除外"},
}};

// Column counts of the published layouts: v1 (23), v2 (+latest and 4 English fields = 28),
// v3 (+furigana = 29), v4 (+hihyoji = 30).
inline constexpr int layout_widths[] = {23, 28, 29, 30};
[[nodiscard]] constexpr bool is_layout_width(std::size_t n) noexcept {
  return n == 23 || n == 28 || n == 29 || n == 30;
}

// One row. Strings are UTF-8 and empty when the column is blank. Image IDs are kept as their
// 8-digit strings; a set image ID means the matching text is only an approximation of the
// registered text (外字, or an address over 300 characters), which this library never "fixes".
//
// `Text` is std::string for `record`, which owns its text, or std::string_view for `record_view`,
// which the reader fills without copying: its views point into the reader's buffer and stay valid
// only until the reader's next call. Convert with `record.assign(view)` or `view.assign(record)`.
template <class Text>
struct basic_record {
  std::uint64_t sequence_number = 0;                        // 1 一連番号 (file-local, not stable)
  Text corporate_number;                                    // 2 法人番号, 13 ASCII digits, check digit verified
  corp::process process = corp::process::none;              // 3
  flag correct = flag::blank;                               // 4 訂正区分: yes = 訂正
  civil_date update_date;                                   // 5
  std::optional<civil_date> change_date;                    // 6
  Text name;                                                // 7
  Text name_image_id;                                       // 8
  corp::kind kind = corp::kind::none;                       // 9
  Text prefecture_name;                                     // 10
  Text city_name;                                           // 11
  Text street_number;                                       // 12
  Text address_image_id;                                    // 13
  std::uint8_t prefecture_code = 0;                         // 14 JIS X 0401 01–47; 0 = blank (foreign-only)
  Text city_code;                                           // 15 3 digits (JIS X 0402 without check digit) or blank
  Text post_code;                                           // 16 7 digits or blank
  Text address_outside;                                     // 17
  Text address_outside_image_id;                            // 18
  std::optional<civil_date> close_date;                     // 19
  corp::close_cause close_cause = corp::close_cause::none;  // 20
  Text successor_corporate_number;                          // 21 13 digits, check digit verified, or blank
  Text change_cause;                                        // 22 free text
  std::optional<civil_date> assignment_date;                // 23
  flag latest = flag::blank;                                // 24 最新履歴: yes = 最新, no = 過去
  Text en_name;                                             // 25
  Text en_prefecture_name;                                  // 26
  Text en_city_name;                                        // 27 English city AND street
  Text en_address_outside;                                  // 28
  Text furigana;                                            // 29
  flag hihyoji = flag::blank;                               // 30 検索対象除外: yes = excluded from search
  std::uint8_t source_columns = 30;                         // how many columns the source row had (23/28/29/30)

  [[nodiscard]] bool is_deleted() const noexcept { return process == corp::process::deleted; }
  [[nodiscard]] bool is_closed() const noexcept { return close_date.has_value(); }
  [[nodiscard]] bool approximate_name() const noexcept { return !name_image_id.empty(); }
  [[nodiscard]] bool approximate_address() const noexcept { return !address_image_id.empty(); }
  // 5-digit JIS X 0402 local-government code without check digit (prefecture + city), or "".
  [[nodiscard]] std::string local_government_code() const {
    if (prefecture_code == 0 || city_code.size() != 3) return {};
    std::string s(2, '0');
    s[0] = static_cast<char>('0' + prefecture_code / 10);
    s[1] = static_cast<char>('0' + prefecture_code % 10);
    s.append(city_code.data(), city_code.size());
    return s;
  }
  // The number as the core's value type (always valid in a record that came out of a reader).
  [[nodiscard]] result<mynumber::corporate_number> number() const {
    return mynumber::corporate_number::try_parse(std::string_view(corporate_number));
  }

  // Copies every column from a record of the other kind (a view from an owning record, or an
  // owning record from a view; an owning record reuses its strings' storage).
  template <class Other>
  basic_record& assign(const basic_record<Other>& o) {
    const auto text = [](Text& to, const Other& from) { to = std::string_view(from); };
    sequence_number = o.sequence_number;
    text(corporate_number, o.corporate_number);
    process = o.process;
    correct = o.correct;
    update_date = o.update_date;
    change_date = o.change_date;
    text(name, o.name);
    text(name_image_id, o.name_image_id);
    kind = o.kind;
    text(prefecture_name, o.prefecture_name);
    text(city_name, o.city_name);
    text(street_number, o.street_number);
    text(address_image_id, o.address_image_id);
    prefecture_code = o.prefecture_code;
    text(city_code, o.city_code);
    text(post_code, o.post_code);
    text(address_outside, o.address_outside);
    text(address_outside_image_id, o.address_outside_image_id);
    close_date = o.close_date;
    close_cause = o.close_cause;
    text(successor_corporate_number, o.successor_corporate_number);
    text(change_cause, o.change_cause);
    assignment_date = o.assignment_date;
    latest = o.latest;
    text(en_name, o.en_name);
    text(en_prefecture_name, o.en_prefecture_name);
    text(en_city_name, o.en_city_name);
    text(en_address_outside, o.en_address_outside);
    text(furigana, o.furigana);
    hihyoji = o.hihyoji;
    source_columns = o.source_columns;
    return *this;
  }
};

using record = basic_record<std::string>;
using record_view = basic_record<std::string_view>;

// A view of an owning record (valid while `r` lives and is not changed).
[[nodiscard]] inline record_view view_of(const record& r) {
  record_view v;
  v.assign(r);
  return v;
}

// Field-by-field equality; `sequence_number` and `source_columns` describe the file, not the
// corporation, and are compared too (use same_corporation_state to ignore them).
template <class A, class B>
[[nodiscard]] bool same_corporation_state(const basic_record<A>& a, const basic_record<B>& b) noexcept {
  return a.corporate_number == b.corporate_number && a.process == b.process && a.correct == b.correct &&
         a.update_date == b.update_date && a.change_date == b.change_date && a.name == b.name &&
         a.name_image_id == b.name_image_id && a.kind == b.kind && a.prefecture_name == b.prefecture_name &&
         a.city_name == b.city_name && a.street_number == b.street_number && a.address_image_id == b.address_image_id &&
         a.prefecture_code == b.prefecture_code && a.city_code == b.city_code && a.post_code == b.post_code &&
         a.address_outside == b.address_outside && a.address_outside_image_id == b.address_outside_image_id &&
         a.close_date == b.close_date && a.close_cause == b.close_cause &&
         a.successor_corporate_number == b.successor_corporate_number && a.change_cause == b.change_cause &&
         a.assignment_date == b.assignment_date && a.latest == b.latest && a.en_name == b.en_name &&
         a.en_prefecture_name == b.en_prefecture_name && a.en_city_name == b.en_city_name &&
         a.en_address_outside == b.en_address_outside && a.furigana == b.furigana && a.hihyoji == b.hihyoji;
}
template <class A, class B>
[[nodiscard]] bool operator==(const basic_record<A>& a, const basic_record<B>& b) noexcept {
  return a.sequence_number == b.sequence_number && a.source_columns == b.source_columns && same_corporation_state(a, b);
}
template <class A, class B>
[[nodiscard]] bool operator!=(const basic_record<A>& a, const basic_record<B>& b) noexcept {
  return !(a == b);
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_RECORD_HPP
