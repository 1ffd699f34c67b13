// File: corp/json.hpp — JSON forms of records, bad rows and store reports, for the C ABI, the
// Python binding and the CLI. Keys are the NTA element names (corporate_data.md §1.5) plus a few
// derived ones; codes keep their zero-padded text ("01", "301"); blank columns are null.
#ifndef MYNUMBER_CORP_JSON_HPP
#define MYNUMBER_CORP_JSON_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/json.hpp"
#include "reader.hpp"
#include "store.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

namespace detail {
// Strings go through the library's one escaper (detail/json.hpp).
namespace json = ::mynumber::detail::json;
inline void json_key(std::string& out, std::string_view key) {
  if (out.back() != '{') out.push_back(',');
  json::append_string(out, key);
  out.push_back(':');
}
inline void json_text(std::string& out, std::string_view key, std::string_view value) {
  json_key(out, key);
  if (value.empty()) out += "null";
  else json::append_string(out, value);
}
inline void json_code(std::string& out, std::string_view key, int value, int width) {
  json_key(out, key);
  if (value == 0) {
    out += "null";
    return;
  }
  std::string digits = std::to_string(value);
  while (static_cast<int>(digits.size()) < width) digits.insert(digits.begin(), '0');
  json::append_string(out, digits);
}
inline void json_flag(std::string& out, std::string_view key, flag f) {
  json_key(out, key);
  out += f == flag::blank ? "null" : f == flag::yes ? "1" : "0";
}
inline void json_date(std::string& out, std::string_view key, date d) { json_text(out, key, d.to_string()); }
// A blank optional date column is written as null, like every blank column.
inline void json_date(std::string& out, std::string_view key, const std::optional<civil_date>& d) {
  json_text(out, key, corp::to_string(d));
}
inline void json_uint(std::string& out, std::string_view key, std::uint64_t v) {
  json_key(out, key);
  out += std::to_string(v);
}
}  // namespace detail

// {"sequenceNumber":1,"corporateNumber":"…","process":"01",…,"hihyoji":0}, all 30 columns in order.
inline void append_json(std::string& out, const record& r) {
  using namespace detail;
  out.push_back('{');
  json_uint(out, "sequenceNumber", r.sequence_number);
  json_text(out, "corporateNumber", r.corporate_number);
  json_code(out, "process", static_cast<int>(r.process), 2);
  json_flag(out, "correct", r.correct);
  json_date(out, "updateDate", r.update_date);
  json_date(out, "changeDate", r.change_date);
  json_text(out, "name", r.name);
  json_text(out, "nameImageId", r.name_image_id);
  json_code(out, "kind", static_cast<int>(r.kind), 3);
  json_text(out, "prefectureName", r.prefecture_name);
  json_text(out, "cityName", r.city_name);
  json_text(out, "streetNumber", r.street_number);
  json_text(out, "addressImageId", r.address_image_id);
  json_code(out, "prefectureCode", r.prefecture_code, 2);
  json_text(out, "cityCode", r.city_code);
  json_text(out, "postCode", r.post_code);
  json_text(out, "addressOutside", r.address_outside);
  json_text(out, "addressOutsideImageId", r.address_outside_image_id);
  json_date(out, "closeDate", r.close_date);
  json_code(out, "closeCause", static_cast<int>(r.close_cause), 2);
  json_text(out, "successorCorporateNumber", r.successor_corporate_number);
  json_text(out, "changeCause", r.change_cause);
  json_date(out, "assignmentDate", r.assignment_date);
  json_flag(out, "latest", r.latest);
  json_text(out, "enName", r.en_name);
  json_text(out, "enPrefectureName", r.en_prefecture_name);
  json_text(out, "enCityName", r.en_city_name);
  json_text(out, "enAddressOutside", r.en_address_outside);
  json_text(out, "furigana", r.furigana);
  json_flag(out, "hihyoji", r.hihyoji);
  out.push_back('}');
}
[[nodiscard]] inline std::string to_json(const record& r) {
  std::string out;
  append_json(out, r);
  return out;
}

// A stored row: the record's keys plus "current" (true for the corporation's current row).
[[nodiscard]] inline std::string to_json(const stored_record& r) {
  std::string out = to_json(r.rec);
  out.pop_back();
  out += r.current ? ",\"current\":true}" : ",\"current\":false}";
  return out;
}
namespace detail {
// A JSON array of the items' to_json forms (found by argument-dependent lookup).
template <class Item>
[[nodiscard]] std::string json_array(const std::vector<Item>& items) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out.push_back(',');
    out += to_json(item);
  }
  return out + "]";
}
}  // namespace detail
[[nodiscard]] inline std::string to_json(const std::vector<stored_record>& rows) { return detail::json_array(rows); }

[[nodiscard]] inline std::string to_json(const bad_row& b) {
  std::string out = "{";
  detail::json_text(out, "file", b.file);
  detail::json_uint(out, "line", b.line);
  detail::json_uint(out, "row", b.row);
  detail::json_text(out, "error", describe(b.code));
  detail::json_uint(out, "code", static_cast<std::uint64_t>(b.code));
  detail::json_text(out, "reason", b.reason);
  return out + "}";
}
[[nodiscard]] inline std::string to_json(const std::vector<bad_row>& rows) { return detail::json_array(rows); }

[[nodiscard]] inline std::string to_json(const read_stats& s) {
  std::string out = "{";
  detail::json_uint(out, "rows", s.rows);
  detail::json_uint(out, "good", s.good);
  detail::json_uint(out, "bad", s.bad);
  detail::json_uint(out, "bytes", s.bytes);
  detail::json_text(out, "encoding", to_string(s.encoding));
  return out + "}";
}

[[nodiscard]] inline std::string to_json(const apply_report& r) {
  std::string out = "{";
  detail::json_text(out, "file", r.file);
  detail::json_key(out, "alreadyApplied");
  out += r.already_applied ? "true" : "false";
  detail::json_date(out, "dataDate", r.data_date);
  detail::json_key(out, "stats");
  out += to_json(r.stats);
  detail::json_uint(out, "inserted", r.inserted);
  detail::json_uint(out, "deleted", r.deleted);
  detail::json_uint(out, "corrected", r.corrected);
  detail::json_uint(out, "duplicates", r.duplicates);
  detail::json_key(out, "badRows");
  out += to_json(r.bad_rows);
  return out + "}";
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_JSON_HPP
