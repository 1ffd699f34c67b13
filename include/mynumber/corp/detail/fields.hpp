// File: corp/detail/fields.hpp — turns the decoded text of one row (CSV or XML) into a record.
// One function, shared by the CSV reader and the Web-API XML parser, so both apply the same rules.
#ifndef MYNUMBER_CORP_DETAIL_FIELDS_HPP
#define MYNUMBER_CORP_DETAIL_FIELDS_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "../record.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {
namespace detail {

[[nodiscard]] inline bool all_digits(std::string_view s) noexcept {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Builds the reason text "column N (name): what[: "value"]". Values are only quoted for short code
// columns, never for free text.
[[nodiscard]] inline error_info column_error(errc code, std::size_t column, std::string_view what,
                                             std::string_view value = {}) {
  std::string text = "column " + std::to_string(column + 1) + " (" + std::string(columns[column].name) + "): ";
  text += what;
  if (!value.empty() && value.size() <= 16) {
    text += ": \"";
    text += value;
    text += '"';
  }
  return error_info{code, no_position, -1, std::move(text)};
}

// Reads a fixed-width code of `width` digits; false if blank is not allowed or shape is wrong.
[[nodiscard]] inline bool code_value(std::string_view s, std::size_t width, int& out) noexcept {
  if (s.size() != width) return false;
  int value = 0;
  for (char c : s) {
    const auto digit = static_cast<unsigned>(c - '0');
    if (digit > 9) return false;
    value = value * 10 + static_cast<int>(digit);
  }
  out = value;
  return true;
}

[[nodiscard]] inline bool flag_value(std::string_view s, flag& out) noexcept {
  if (s.empty()) {
    out = flag::blank;
    return true;
  }
  if (s == "0") {
    out = flag::no;
    return true;
  }
  if (s == "1") {
    out = flag::yes;
    return true;
  }
  return false;
}

// Fills `out` (a record, or a record_view that then points into `f`) from `n` decoded UTF-8
// fields; n must be a layout width (checked here). Text fields are taken as they are. On the first
// problem found it returns false with `error` naming the column; `error` is not touched on
// success (this runs for every row, so the success path builds no error_info).
template <class Text>
[[nodiscard]] bool fill_record(const std::string_view* f, std::size_t n, basic_record<Text>& out, error_info& error) {
  const auto fail = [&](error_info e) {
    error = std::move(e);
    return false;
  };
  if (!is_layout_width(n))
    return fail(error_info{errc::csv_malformed, no_position, -1,
                           std::to_string(n) + " columns; expected 30 (or 23, 28, 29 in older layouts)"});
  const std::string_view blank;
  const auto at = [&](std::size_t i) -> std::string_view { return i < n ? f[i] : blank; };
  out.source_columns = static_cast<std::uint8_t>(n);

  const std::string_view seq = f[0];
  if (seq.empty() || seq.size() > 19 || !all_digits(seq))
    return fail(column_error(errc::csv_malformed, 0, "not a number", seq));
  out.sequence_number = 0;
  for (char c : seq) out.sequence_number = out.sequence_number * 10 + static_cast<std::uint64_t>(c - '0');

  if (const validation v = mynumber::corporate_number::traits::validate(f[1]); !v)
    return fail(column_error(v.code, 1, describe(v.code)));
  out.corporate_number = f[1];

  int code = 0;
  if (!code_value(f[2], 2, code) || !is_known(static_cast<corp::process>(code)))
    return fail(column_error(errc::csv_malformed, 2, "unknown 処理区分 code", f[2]));
  out.process = static_cast<corp::process>(code);
  const bool deleted = out.process == corp::process::deleted;

  if (!flag_value(f[3], out.correct)) return fail(column_error(errc::csv_malformed, 3, "expected 0 or 1", f[3]));
  if (!deleted && out.correct == flag::blank)
    return fail(column_error(errc::csv_malformed, 3, "blank outside a deletion row"));

  // Dates go through corp::parse_date (no allocation, no exception); a bad one is a bad row naming
  // the column, never a throw. The helpers are forced inline: as calls they cost about 13 % of a
  // parse (measured with GCC 12 -O3).
  const auto read_date = [&](std::size_t i, civil_date& d) MYNUMBER_ALWAYS_INLINE {
    const std::string_view s = at(i);
    if (s.empty()) return fail(column_error(errc::csv_malformed, i, "blank date"));
    if (!parse_date(s, d)) return fail(column_error(errc::csv_malformed, i, "not a YYYY-MM-DD date", s));
    return true;
  };
  const auto read_optional_date = [&](std::size_t i, std::optional<civil_date>& d) MYNUMBER_ALWAYS_INLINE {
    if (at(i).empty()) {
      d.reset();
      return true;
    }
    civil_date value;
    if (!read_date(i, value)) return false;
    d = value;
    return true;
  };
  if (!read_date(4, out.update_date) || !read_optional_date(5, out.change_date)) return false;

  const auto read_image_id = [&](std::size_t i, auto& s) MYNUMBER_ALWAYS_INLINE {
    const std::string_view v = at(i);
    if (!v.empty() && (v.size() != 8 || !all_digits(v)))
      return fail(column_error(errc::csv_malformed, i, "image ID is not 8 digits", v));
    s = v;
    return true;
  };
  out.name = f[6];
  if (!read_image_id(7, out.name_image_id)) return false;

  if (f[8].empty()) {
    if (!deleted) return fail(column_error(errc::csv_malformed, 8, "blank outside a deletion row"));
    out.kind = corp::kind::none;
  } else {
    if (!code_value(f[8], 3, code) || !is_known(static_cast<corp::kind>(code)))
      return fail(column_error(errc::csv_malformed, 8, "unknown 法人種別 code", f[8]));
    out.kind = static_cast<corp::kind>(code);
  }
  out.prefecture_name = f[9];
  out.city_name = f[10];
  out.street_number = f[11];
  if (!read_image_id(12, out.address_image_id)) return false;

  if (f[13].empty()) {
    out.prefecture_code = 0;
  } else {
    if (!code_value(f[13], 2, code) || code < 1 || code > 47)
      return fail(column_error(errc::csv_malformed, 13, "not a prefecture code 01-47", f[13]));
    out.prefecture_code = static_cast<std::uint8_t>(code);
  }
  if (!f[14].empty() && (f[14].size() != 3 || !all_digits(f[14])))
    return fail(column_error(errc::csv_malformed, 14, "city code is not 3 digits", f[14]));
  out.city_code = f[14];
  if (!f[15].empty() && (f[15].size() != 7 || !all_digits(f[15])))
    return fail(column_error(errc::csv_malformed, 15, "post code is not 7 digits", f[15]));
  out.post_code = f[15];
  out.address_outside = f[16];
  if (!read_image_id(17, out.address_outside_image_id) || !read_optional_date(18, out.close_date)) return false;
  if (f[19].empty()) {
    out.close_cause = corp::close_cause::none;
  } else {
    if (!code_value(f[19], 2, code) || !is_known(static_cast<corp::close_cause>(code)))
      return fail(column_error(errc::csv_malformed, 19, "unknown 閉鎖事由 code", f[19]));
    out.close_cause = static_cast<corp::close_cause>(code);
  }
  if (!f[20].empty()) {
    if (const validation v = mynumber::corporate_number::traits::validate(f[20]); !v)
      return fail(column_error(v.code, 20, describe(v.code)));
  }
  out.successor_corporate_number = f[20];
  out.change_cause = f[21];
  if (!read_optional_date(22, out.assignment_date)) return false;

  if (!flag_value(at(23), out.latest)) return fail(column_error(errc::csv_malformed, 23, "expected 0 or 1", at(23)));
  out.en_name = at(24);
  out.en_prefecture_name = at(25);
  out.en_city_name = at(26);
  out.en_address_outside = at(27);
  out.furigana = at(28);
  if (!flag_value(at(29), out.hihyoji)) return fail(column_error(errc::csv_malformed, 29, "expected 0 or 1", at(29)));
  return true;
}

}  // namespace detail
}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_DETAIL_FIELDS_HPP
