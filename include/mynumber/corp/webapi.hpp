// File: corp/webapi.hpp — the NTA 法人番号システム Web-API, version 4: request URLs and response
// parsing. No HTTP here: the caller's transport sends the URL (it needs the application ID issued by
// the NTA and network access) and hands the body back.
//
// Endpoints and parameters follow corporate_data.md §2 (consistent client code; the official
// Web-API仕様書 was not available, so limits marked [secondary] there — the 50-day diff span, name
// length 150/300 — are enforced as documented but UNCONFIRMED). Responses: CSV (type 01 Shift_JIS,
// 02 UTF-8) with one header line `lastUpdateDate,count,divideNumber,divideSize`, or XML (type 12)
// with the same 30 fields as elements. At most 2,000 records per response; further pages are asked
// for with `divide` (see next_page).
#ifndef MYNUMBER_CORP_WEBAPI_HPP
#define MYNUMBER_CORP_WEBAPI_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../corporate_number.hpp"
#include "reader.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

// The `type` request parameter.
enum class response_type : std::uint8_t {
  csv_shift_jis = 1,  // 01
  csv_unicode = 2,    // 02
  xml_unicode = 12,   // 12
};

// The coarse `kind` request parameter (not the 3-digit 法人種別 of the data). Only 03 = 設立登記法人
// is attested; the meanings of 01, 02 and 04 are UNCONFIRMED (corporate_data.md §1.6).
enum class request_kind : std::uint8_t {
  national_agency = 1,   // 01 国の機関 (UNCONFIRMED)
  local_government = 2,  // 02 地方公共団体 (UNCONFIRMED)
  registered = 3,        // 03 設立登記法人
  other = 4,             // 04 外国会社等・その他 (UNCONFIRMED)
};

enum class name_mode : std::uint8_t { prefix = 1, partial = 2 };  // 前方一致 / 部分一致
enum class name_target : std::uint8_t {
  fuzzy = 1,
  exact = 2,
  english = 3
};  // JIS1–2 あいまい / JIS1–4 完全一致 / 英語表記

struct api_endpoint {
  std::string base = "https://api.houjin-bangou.nta.go.jp";
  int version = 4;
};

// /num: 1–10 corporate numbers.
struct num_request {
  std::vector<std::string> numbers;
  bool history = false;  // history=1: include the change history
  response_type type = response_type::csv_unicode;
};

// /diff: changes published between two dates (at most 50 days apart [secondary]).
struct diff_request {
  std::optional<civil_date> from;  // both required
  std::optional<civil_date> to;
  std::string address;  // "" or a 2-digit prefecture code or a 5-digit prefecture+city code
  std::vector<request_kind> kinds;
  std::uint32_t divide = 1;
  response_type type = response_type::csv_unicode;
};

// /name: search by name.
struct name_request {
  std::string name;  // UTF-8
  name_mode mode = name_mode::prefix;
  name_target target = name_target::fuzzy;
  std::string address;
  std::vector<request_kind> kinds;
  bool include_changes = false;    // change=1: also match former names and addresses
  bool include_closed = true;      // close=1 (the API's default)
  std::optional<civil_date> from;  // 法人番号指定年月日 range; blank = no bound
  std::optional<civil_date> to;
  std::uint32_t divide = 1;
  response_type type = response_type::csv_unicode;
};

namespace detail {
inline void url_encode(std::string_view s, std::string& out) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
}
inline void param(std::string& url, std::string_view key, std::string_view value) {
  url.push_back(url.find('?') == std::string::npos ? '?' : '&');
  url.append(key);
  url.push_back('=');
  url_encode(value, url);
}
[[nodiscard]] inline std::string two_digits(int v) {
  return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}
[[nodiscard]] inline error_info bad_request(std::string what) {
  return error_info{errc::invalid_argument, no_position, -1, std::move(what)};
}
[[nodiscard]] inline result<std::string> start_url(const api_endpoint& ep, std::string_view endpoint,
                                                   std::string_view application_id) {
  if (application_id.empty()) return bad_request("the application ID (id) is empty");
  std::string url = ep.base + "/" + std::to_string(ep.version) + "/" + std::string(endpoint);
  param(url, "id", application_id);
  return url;
}
inline void type_param(std::string& url, response_type type) { param(url, "type", two_digits(static_cast<int>(type))); }
[[nodiscard]] inline result<void> check_common(std::string_view address, const std::vector<request_kind>& kinds,
                                               std::uint32_t divide) {
  if (!address.empty() && ((address.size() != 2 && address.size() != 5) || !all_digits(address)))
    return bad_request("address must be a 2-digit prefecture code or a 5-digit prefecture+city code");
  if (kinds.size() > 4) return bad_request("at most 4 kinds");
  for (request_kind k : kinds)
    if (static_cast<int>(k) < 1 || static_cast<int>(k) > 4) return bad_request("kind must be 01-04");
  if (divide < 1 || divide > 99999) return bad_request("divide must be 1-99999");
  return {};
}
inline void kinds_param(std::string& url, const std::vector<request_kind>& kinds) {
  if (kinds.empty()) return;
  std::string list;
  for (request_kind k : kinds) {
    if (!list.empty()) list.push_back(',');
    list += two_digits(static_cast<int>(k));
  }
  param(url, "kind", list);
}
}  // namespace detail

// The request URL, or errc::invalid_argument naming the broken rule. Never throws (except bad_alloc).
[[nodiscard]] inline result<std::string> try_build_url(const num_request& r, std::string_view application_id,
                                                       const api_endpoint& ep = {}) {
  if (r.numbers.empty() || r.numbers.size() > 10) return detail::bad_request("number: 1 to 10 corporate numbers");
  std::string list;
  for (std::size_t i = 0; i < r.numbers.size(); ++i) {
    if (const validation v = mynumber::corporate_number::traits::validate(r.numbers[i]); !v)
      return detail::bad_request("number #" + std::to_string(i + 1) + ": " + std::string(describe(v.code)));
    if (!list.empty()) list.push_back(',');
    list += r.numbers[i];
  }
  auto url = detail::start_url(ep, "num", application_id);
  if (!url) return url;
  detail::param(*url, "number", list);
  detail::type_param(*url, r.type);
  detail::param(*url, "history", r.history ? "1" : "0");
  return url;
}

[[nodiscard]] inline result<std::string> try_build_url(const diff_request& r, std::string_view application_id,
                                                       const api_endpoint& ep = {}) {
  if (!r.from || !r.to) return detail::bad_request("from and to are required");
  if (*r.to < *r.from) return detail::bad_request("to is before from");
  if (r.to->days_since_epoch() - r.from->days_since_epoch() > 50)
    return detail::bad_request("the period may span at most 50 days");
  if (auto ok = detail::check_common(r.address, r.kinds, r.divide); !ok) return ok.error();
  auto url = detail::start_url(ep, "diff", application_id);
  if (!url) return url;
  detail::param(*url, "from", r.from->to_string());
  detail::param(*url, "to", r.to->to_string());
  detail::type_param(*url, r.type);
  if (!r.address.empty()) detail::param(*url, "address", r.address);
  detail::kinds_param(*url, r.kinds);
  if (r.divide != 1) detail::param(*url, "divide", std::to_string(r.divide));
  return url;
}

[[nodiscard]] inline result<std::string> try_build_url(const name_request& r, std::string_view application_id,
                                                       const api_endpoint& ep = {}) {
  if (r.name.empty()) return detail::bad_request("name is empty");
  if (!is_valid_utf8(r.name)) return error_info{errc::invalid_utf8, no_position, -1, "name is not UTF-8"};
  std::size_t chars = 0;
  for (char c : r.name) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  const std::size_t limit = r.target == name_target::english ? 300 : 150;
  if (chars > limit) return detail::bad_request("name is longer than " + std::to_string(limit) + " characters");
  if (r.from && r.to && *r.to < *r.from) return detail::bad_request("to is before from");
  if (auto ok = detail::check_common(r.address, r.kinds, r.divide); !ok) return ok.error();
  auto url = detail::start_url(ep, "name", application_id);
  if (!url) return url;
  detail::param(*url, "name", r.name);
  detail::type_param(*url, r.type);
  detail::param(*url, "mode", r.mode == name_mode::prefix ? "1" : "2");
  detail::param(*url, "target", std::to_string(static_cast<int>(r.target)));
  if (!r.address.empty()) detail::param(*url, "address", r.address);
  detail::kinds_param(*url, r.kinds);
  detail::param(*url, "change", r.include_changes ? "1" : "0");
  detail::param(*url, "close", r.include_closed ? "1" : "0");
  if (r.from) detail::param(*url, "from", r.from->to_string());
  if (r.to) detail::param(*url, "to", r.to->to_string());
  if (r.divide != 1) detail::param(*url, "divide", std::to_string(r.divide));
  return url;
}

template <class Request>
[[nodiscard]] std::string build_url(const Request& r, std::string_view application_id, const api_endpoint& ep = {}) {
  return try_build_url(r, application_id, ep).value();
}

// The request for the next page after a response with header `h`, or nothing on the last page.
template <class Request>
[[nodiscard]] std::optional<Request> next_page(const Request& r, const api_header& h) {
  if (h.divide_number >= h.divide_size) return std::nullopt;
  Request next = r;
  next.divide = static_cast<std::uint32_t>(h.divide_number + 1);
  return next;
}

// A parsed response: the header, the good records, and the rejected ones.
struct api_response {
  api_header header;
  std::vector<record> records;
  std::vector<bad_row> bad_rows;
};

// Parses a CSV response body (type 01 or 02; the encoding is detected). errc::csv_malformed if the
// header line is missing; bad data rows go to bad_rows.
[[nodiscard]] inline result<api_response> try_parse_api_csv(std::string_view body, std::string name = "response") {
  reader_options o;
  o.max_kept_bad_rows = static_cast<std::size_t>(-1);
  bulk_reader reader(std::make_unique<memory_source>(body, std::move(name)), std::move(o));
  api_response out;
  record r;
  for (;;) {
    auto more = reader.try_next(r);
    if (!more) return more.error();
    if (!*more) break;
    out.records.push_back(r);
  }
  if (!reader.header())
    return error_info{errc::csv_malformed, 1, -1, "no header line lastUpdateDate,count,divideNumber,divideSize"};
  out.header = *reader.header();
  out.bad_rows = reader.bad_rows();
  return out;
}

namespace detail {
// A small non-validating XML reader for the flat response schema (§1.9): elements, text, the five
// predefined entities, numeric character references, CDATA, comments and the prolog.
class xml_cursor {
 public:
  explicit xml_cursor(std::string_view s) : s_(s) {}

  enum class token { start, end, empty, text, eof };
  struct item {
    token kind = token::eof;
    std::string_view name;
    std::string text;
    std::size_t offset = 0;
  };

  [[nodiscard]] result<item> next() {
    item it;
    for (;;) {
      it.offset = at_;
      if (at_ >= s_.size()) return it;
      if (s_[at_] != '<') {
        const std::size_t lt = s_.find('<', at_);
        const std::size_t end = lt == std::string_view::npos ? s_.size() : lt;
        it.kind = token::text;
        if (auto ok = decode(s_.substr(at_, end - at_), it.text); !ok) return ok.error();
        at_ = end;
        return it;
      }
      if (s_.compare(at_, 4, "<!--") == 0) {
        if (!skip_past("-->")) return fail("unterminated comment");
        continue;
      }
      if (s_.compare(at_, 2, "<?") == 0) {
        if (!skip_past("?>")) return fail("unterminated processing instruction");
        continue;
      }
      if (s_.compare(at_, 9, "<![CDATA[") == 0) {
        const std::size_t end = s_.find("]]>", at_ + 9);
        if (end == std::string_view::npos) return fail("unterminated CDATA");
        it.kind = token::text;
        it.text.assign(s_.substr(at_ + 9, end - at_ - 9));
        at_ = end + 3;
        return it;
      }
      if (s_.compare(at_, 2, "<!") == 0) {
        if (!skip_past(">")) return fail("unterminated declaration");
        continue;
      }
      const std::size_t gt = s_.find('>', at_);
      if (gt == std::string_view::npos) return fail("unterminated tag");
      std::string_view tag = s_.substr(at_ + 1, gt - at_ - 1);
      at_ = gt + 1;
      it.kind = token::start;
      if (!tag.empty() && tag[0] == '/') {
        it.kind = token::end;
        tag.remove_prefix(1);
      } else if (!tag.empty() && tag.back() == '/') {
        it.kind = token::empty;
        tag.remove_suffix(1);
      }
      std::size_t n = 0;
      while (n < tag.size() && tag[n] != ' ' && tag[n] != '\t' && tag[n] != '\r' && tag[n] != '\n') ++n;
      it.name = tag.substr(0, n);
      if (it.name.empty()) return fail("empty tag name");
      return it;
    }
  }
  [[nodiscard]] std::size_t line_at(std::size_t offset) const noexcept {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < s_.size(); ++i) line += s_[i] == '\n';
    return line;
  }
  [[nodiscard]] error_info fail(const std::string& what) const {
    return error_info{errc::xml_malformed, no_position, -1, what + " (line " + std::to_string(line_at(at_)) + ")"};
  }

 private:
  bool skip_past(std::string_view end) {
    const std::size_t e = s_.find(end, at_);
    if (e == std::string_view::npos) return false;
    at_ = e + end.size();
    return true;
  }
  [[nodiscard]] result<void> decode(std::string_view raw, std::string& out) const {
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        out.push_back(raw[i]);
        continue;
      }
      const std::size_t semi = raw.find(';', i);
      if (semi == std::string_view::npos || semi - i > 10) return fail("bad entity reference");
      const std::string_view ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "lt") out.push_back('<');
      else if (ent == "gt") out.push_back('>');
      else if (ent == "amp") out.push_back('&');
      else if (ent == "quot") out.push_back('"');
      else if (ent == "apos") out.push_back('\'');
      else if (ent.size() >= 2 && ent[0] == '#') {
        const bool hex = ent[1] == 'x' || ent[1] == 'X';
        std::uint32_t cp = 0;
        const std::string_view digits = ent.substr(hex ? 2 : 1);
        if (digits.empty()) return fail("bad character reference");
        for (char c : digits) {
          int v = -1;
          if (c >= '0' && c <= '9') v = c - '0';
          else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
          else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
          if (v < 0 || cp > 0x10FFFF) return fail("bad character reference");
          cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail("bad character reference");
        mynumber::detail::utf8_append(out, static_cast<char32_t>(cp));
      } else {
        return fail("unknown entity");
      }
      i = semi;
    }
    return {};
  }
  std::string_view s_;
  std::size_t at_ = 0;
};
}  // namespace detail

// Parses an XML response body (type 12, UTF-8). errc::xml_malformed for broken XML; a
// <corporation> whose fields break a rule goes to bad_rows (line = where the element starts).
[[nodiscard]] inline result<api_response> try_parse_api_xml(std::string_view body, std::string name = "response") {
  if (body.substr(0, 3) == utf8_bom) body.remove_prefix(3);
  if (!is_valid_utf8(body)) return error_info{errc::encoding, no_position, -1, "the XML body is not UTF-8"};
  detail::xml_cursor x(body);
  api_response out;
  bool in_root = false, in_corp = false;
  std::array<std::string, 30> fields{};
  std::string text, header_field;
  int field = -1;
  std::size_t corp_offset = 0;
  std::uint64_t corp_index = 0;
  bool header_seen[4] = {false, false, false, false};
  for (;;) {
    auto it = x.next();
    if (!it) return it.error();
    using tk = detail::xml_cursor::token;
    if (it->kind == tk::eof) break;
    if (it->kind == tk::text) {
      if (field >= 0 || !header_field.empty()) text += it->text;
      continue;
    }
    const std::string_view n = it->name;
    if (!in_root) {
      if (it->kind == tk::start && n == "corporations") {
        in_root = true;
        continue;
      }
      return x.fail("expected <corporations>");
    }
    if (!in_corp) {
      if (it->kind == tk::end && n == "corporations") {
        in_root = false;
        continue;
      }
      if (n == "corporation" && it->kind == tk::start) {
        in_corp = true;
        corp_offset = it->offset;
        for (auto& f : fields) f.clear();
        continue;
      }
      static constexpr std::string_view header_names[4] = {"lastUpdateDate", "count", "divideNumber", "divideSize"};
      int h = -1;
      for (int i = 0; i < 4; ++i)
        if (n == header_names[i]) h = i;
      if (it->kind == tk::start) {
        header_field = std::string(n);
        text.clear();
        continue;
      }
      if (it->kind == tk::end && h >= 0 && header_field == n) {
        header_seen[h] = true;
        if (h == 0) {
          if (!parse_date(text, out.header.last_update_date)) return x.fail("bad lastUpdateDate");
        } else {
          if (text.empty() || text.size() > 19 || !detail::all_digits(text)) return x.fail("bad " + std::string(n));
          std::uint64_t v = 0;
          for (char c : text) v = v * 10 + static_cast<std::uint64_t>(c - '0');
          (h == 1 ? out.header.count : h == 2 ? out.header.divide_number : out.header.divide_size) = v;
        }
        header_field.clear();
        continue;
      }
      if (it->kind == tk::end) {
        header_field.clear();
        continue;
      }  // unknown element: ignored
      continue;
    }
    // Inside <corporation>.
    if (it->kind == tk::end && n == "corporation") {
      in_corp = false;
      ++corp_index;
      std::array<std::string_view, 30> views{};
      for (std::size_t i = 0; i < 30; ++i) views[i] = fields[i];
      record r;
      error_info e;
      if (detail::fill_record(views.data(), 30, r, e)) {
        out.records.push_back(std::move(r));
      } else {
        out.bad_rows.push_back(bad_row{name, x.line_at(corp_offset), corp_index, e.code, e.detail});
      }
      continue;
    }
    int column = -1;
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == n) column = static_cast<int>(i);
    if (it->kind == tk::start) {
      field = column;
      text.clear();
      continue;
    }
    if (it->kind == tk::end) {
      if (field >= 0 && column == field) fields[static_cast<std::size_t>(field)] = text;
      field = -1;
      continue;
    }
    // <x/>: an empty field, already blank.
  }
  if (in_root || in_corp) return x.fail("unexpected end of document");
  if (!(header_seen[0] && header_seen[1] && header_seen[2] && header_seen[3]))
    return error_info{errc::xml_malformed, no_position, -1, "missing lastUpdateDate/count/divideNumber/divideSize"};
  return out;
}

// An HTTP 400 body of the form "NNN,message" (error code and text), if it is one.
struct api_error {
  int code = 0;
  std::string message;
};
[[nodiscard]] inline std::optional<api_error> parse_api_error(std::string_view body) {
  if (body.size() < 4 || body[3] != ',' || !detail::all_digits(body.substr(0, 3))) return std::nullopt;
  api_error e;
  e.code = (body[0] - '0') * 100 + (body[1] - '0') * 10 + (body[2] - '0');
  e.message = std::string(body.substr(4));
  while (!e.message.empty() && (e.message.back() == '\n' || e.message.back() == '\r')) e.message.pop_back();
  return e;
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_WEBAPI_HPP
