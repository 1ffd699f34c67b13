// File: jpki/detail/asn1.hpp — conversions between OpenSSL ASN.1 values and plain C++ values
// (times, strings, object identifiers, names) used by the jpki headers.
#ifndef MYNUMBER_JPKI_DETAIL_ASN1_HPP
#define MYNUMBER_JPKI_DETAIL_ASN1_HPP

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "../../date.hpp"
#include "../../detail/openssl.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// A point in time with one-second resolution (certificate times have no finer precision).
using instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

// The current time, truncated to seconds.
[[nodiscard]] inline instant now() noexcept {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace detail {

// The shared OpenSSL helpers, visible unqualified inside jpki::detail.
using mynumber::detail::bio_contents;
using mynumber::detail::error_queue_guard;
using mynumber::detail::openssl_bytes;
using mynumber::detail::writable_bio;

// Seconds since 1970-01-01T00:00:00 of a calendar day plus a time of day. The day count is
// civil_date::days_since_epoch (the same 1970-01-01 epoch as instant); the arithmetic is total,
// so a year-0000 GeneralizedTime still maps to the proleptic day before 0001-01-01.
[[nodiscard]] constexpr std::int64_t seconds_since_epoch(int year, int month, int day, int hour, int minute,
                                                         int second) noexcept {
  const std::int64_t days = civil_date::from_ymd_unchecked(year, month, day).days_since_epoch();
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

// A calendar day (civil_date) plus the time of day of one instant, in UTC.
struct civil_time {
  civil_date date;
  int hour, minute, second;
};

// The inverse of seconds_since_epoch. The date part keeps its arithmetic fields even outside
// years 1..9999 (only reachable by an instant built by hand), so formatting never fails.
[[nodiscard]] constexpr civil_time civil_from_seconds(std::int64_t seconds) noexcept {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  return civil_time{civil_date::from_days_since_epoch(days), static_cast<int>(rest / 3600),
                    static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

// ASN1_TIME (UTCTime or GeneralizedTime) to an instant; false when the value is malformed.
[[nodiscard]] inline bool to_instant(const ASN1_TIME* t, instant& out) noexcept {
  if (t == nullptr) return false;
  error_queue_guard guard;
  std::tm tm{};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return false;
  out = instant(std::chrono::seconds(
      seconds_since_epoch(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)));
  return true;
}

// An instant as ASN1_TIME-compatible time_t for X509_VERIFY_PARAM_set_time.
[[nodiscard]] inline std::time_t to_time_t(instant t) noexcept {
  return static_cast<std::time_t>(t.time_since_epoch().count());
}

}  // namespace detail

// "YYYY-MM-DD HH:MM:SS" shifted by `offset_hours`, followed by `suffix`.
[[nodiscard]] inline std::string format_time(instant t, int offset_hours, std::string_view suffix) {
  const auto c = detail::civil_from_seconds(t.time_since_epoch().count() + offset_hours * 3600);
  char buffer[48];
  const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", c.date.year(), c.date.month(),
                              c.date.day(), c.hour, c.minute, c.second);
  return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0)) + std::string(suffix);
}

// Japan Standard Time (UTC+9, no daylight saving), e.g. "2031-11-26 23:59:59 JST".
[[nodiscard]] inline std::string format_jst(instant t) { return format_time(t, 9, " JST"); }

// ISO 8601 UTC, e.g. "2031-11-26T14:59:59Z".
[[nodiscard]] inline std::string format_utc_iso(instant t) {
  const auto c = detail::civil_from_seconds(t.time_since_epoch().count());
  char buffer[48];
  const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.date.year(), c.date.month(),
                              c.date.day(), c.hour, c.minute, c.second);
  return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
}

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" (or a space instead of T) with an optional
// "Z", "+09:00"-style offset or " JST" suffix; no offset means UTC. The day must exist in
// civil_date's calendar (years 0001-9999; 2030-02-29 and 2030-04-31 do not). errc::invalid_argument
// with the character position on anything else.
[[nodiscard]] inline result<instant> try_parse_time(std::string_view text) {
  auto fail = [](std::size_t pos) {
    return error_info{errc::invalid_argument, pos, -1, "expected YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|JST]"};
  };
  std::size_t i = 0;
  auto digits = [&](std::size_t count, int& value) {
    value = 0;
    for (std::size_t k = 0; k < count; ++k, ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  auto expect = [&](char c) {
    if (i < text.size() && text[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!digits(4, y) || !expect('-') || !digits(2, mo) || !expect('-') || !digits(2, d)) return fail(i);
  if (mo < 1 || mo > 12) return fail(5);
  if (!civil_date::is_valid(y, mo, d)) return fail(y < 1 ? 0 : 8);  // 0000, 02-30, 04-31 ...
  if (i < text.size() && (text[i] == 'T' || text[i] == ' ') && i + 1 < text.size() && text[i + 1] >= '0' &&
      text[i + 1] <= '9') {
    ++i;
    if (!digits(2, h) || !expect(':') || !digits(2, mi)) return fail(i);
    if (expect(':') && !digits(2, s)) return fail(i);
    if (h > 23 || mi > 59 || s > 60) return fail(11);
  }
  std::int64_t offset = 0;
  const std::string_view rest = text.substr(i);
  if (rest.empty() || rest == "Z") {
    offset = 0;
  } else if (rest == " JST" || rest == "JST" || rest == "+09:00") {
    offset = 9 * 3600;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh = 0, om = 0;
    ++i;
    if (!digits(2, oh) || !expect(':') || !digits(2, om)) return fail(i);
    offset = (rest[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  } else {
    return fail(i);
  }
  return instant(std::chrono::seconds(detail::seconds_since_epoch(y, mo, d, h, mi, s) - offset));
}

namespace detail {

// Dotted OID text ("1.2.392...") of an ASN1_OBJECT; "" for NULL.
[[nodiscard]] inline std::string oid_text(const ASN1_OBJECT* obj) {
  if (obj == nullptr) return {};
  char buffer[128];
  const int n = OBJ_obj2txt(buffer, sizeof buffer, obj, 1);
  if (n <= 0) return {};
  if (static_cast<std::size_t>(n) < sizeof buffer) return std::string(buffer, static_cast<std::size_t>(n));
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  OBJ_obj2txt(big.data(), n + 1, obj, 1);
  big.resize(static_cast<std::size_t>(n));
  return big;
}

// The bytes of an ASN1_STRING converted to UTF-8 (BMPString etc. are transcoded); false if the
// string cannot be converted (malformed).
[[nodiscard]] inline bool to_utf8(const ASN1_STRING* s, std::string& out) {
  if (s == nullptr) return false;
  error_queue_guard guard;
  unsigned char* raw = nullptr;
  const int n = ASN1_STRING_to_UTF8(&raw, s);
  if (n < 0) return false;
  openssl_bytes owner(raw);
  out.assign(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
  return true;
}

// One-line RFC 2253-style rendering of a name, in certificate order (C first), UTF-8 kept as is ("" for NULL).
[[nodiscard]] inline std::string name_text(const X509_NAME* name) {
  if (name == nullptr) return {};
  auto b = writable_bio();
  if (!b) return {};
  error_queue_guard guard;
  if (X509_NAME_print_ex(b->get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB & ~XN_FLAG_DN_REV) < 0) return {};
  return bio_contents(b->get());
}

// UTF-8 values of every entry of `nid` in `name`, in order.
[[nodiscard]] inline std::vector<std::string> name_entries(const X509_NAME* name, int nid) {
  std::vector<std::string> out;
  if (name == nullptr) return out;
  int index = -1;
  while ((index = X509_NAME_get_index_by_NID(name, nid, index)) >= 0) {
    std::string value;
    if (to_utf8(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)), value)) out.push_back(std::move(value));
  }
  return out;
}

// Uppercase hex of bytes, optionally separated by ':'.
[[nodiscard]] inline std::string hex(const unsigned char* data, std::size_t size, bool colons = false) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(size * 3);
  for (std::size_t i = 0; i < size; ++i) {
    if (colons && i != 0) out += ':';
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0x0F];
  }
  return out;
}

}  // namespace detail
}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_DETAIL_ASN1_HPP
