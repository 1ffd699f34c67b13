// File: detail/json.hpp — the one JSON reader and writer of the library (no external JSON
// library is available to the standard-library-only core). Modules build their own record
// serialisers on append_string()/writer and read requests with parse(); none keeps a private
// escaper or parser.
//
// Reader: RFC 8259 grammar only — no comments, no trailing commas, no leading zeros, no NaN,
// strings must be valid UTF-8 with valid escapes (surrogate pairs matched), duplicate object
// keys are always rejected (the secure audit line and the law queries both depend on a key
// meaning one thing), nesting is limited to max_depth levels, one value per document
// (whitespace around it allowed). Errors are errc::json_malformed with the byte position;
// a module that documents another code for bad JSON maps it at its boundary.
// Numbers keep their text; `integer` holds the value when it is an integer that fits int64.
//
// Writer: one canonical text per value — no spaces, keys in the caller's order, minimal escapes
// ('"', '\\', \b \f \n \r \t, other controls as \u00XX, everything else copied). The secure
// module's audit lines and hashes depend on this exact form; do not change it.
#ifndef MYNUMBER_DETAIL_JSON_HPP
#define MYNUMBER_DETAIL_JSON_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../error.hpp"
#include "../result.hpp"
#include "utf8.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail::json {

enum class kind : std::uint8_t { null, boolean, number, string, array, object };

[[nodiscard]] constexpr std::string_view to_string(kind k) noexcept {
  switch (k) {
    case kind::null: return "null";
    case kind::boolean: return "boolean";
    case kind::number: return "number";
    case kind::string: return "string";
    case kind::array: return "array";
    case kind::object: return "object";
  }
  return "null";
}

struct member;

struct value {
  kind type = kind::null;
  bool boolean = false;
  std::string text;  // string contents, or the number's text
  bool integral = false;
  std::int64_t integer = 0;
  std::vector<value> items;
  std::vector<member> members;  // in document order

  // The member with this key, or nullptr (also for non-objects).
  [[nodiscard]] const value* find(std::string_view key) const noexcept;
};

struct member {
  std::string key;
  value val;
};

inline const value* value::find(std::string_view key) const noexcept {
  if (type != kind::object) return nullptr;
  for (const member& m : members) {
    if (m.key == key) return &m.val;
  }
  return nullptr;
}

inline constexpr int max_depth = 64;

class parser {
 public:
  explicit parser(std::string_view text) noexcept : s_(text) {}

  result<value> parse_document() {
    value v;
    skip_ws();
    if (!parse_value(v, 0)) return err_;
    skip_ws();
    if (i_ != s_.size()) return fail("unexpected data after the JSON value");
    return v;
  }

 private:
  error_info fail(std::string_view what) {
    if (err_.code == errc::ok) err_ = error_info{errc::json_malformed, i_, -1, std::string(what)};
    return err_;
  }
  void skip_ws() noexcept {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) {
      fail("invalid literal");
      return false;
    }
    i_ += word.size();
    return true;
  }

  bool parse_value(value& v, int depth) {
    if (depth > max_depth) {
      fail("nesting deeper than 64 levels");
      return false;
    }
    if (i_ >= s_.size()) {
      fail("unexpected end of input");
      return false;
    }
    switch (s_[i_]) {
      case 'n': v.type = kind::null; return literal("null");
      case 't':
        v.type = kind::boolean;
        v.boolean = true;
        return literal("true");
      case 'f':
        v.type = kind::boolean;
        v.boolean = false;
        return literal("false");
      case '"': v.type = kind::string; return parse_string(v.text);
      case '[': return parse_array(v, depth);
      case '{': return parse_object(v, depth);
      default:
        if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) return parse_number(v);
        fail("unexpected character");
        return false;
    }
  }

  bool parse_number(value& v) {
    const std::size_t start = i_;
    auto digit = [&](std::size_t k) { return k < s_.size() && s_[k] >= '0' && s_[k] <= '9'; };
    bool negative = false;
    if (s_[i_] == '-') {
      negative = true;
      ++i_;
    }
    if (!digit(i_)) {
      fail("digit expected");
      return false;
    }
    if (s_[i_] == '0' && digit(i_ + 1)) {
      fail("leading zero in a number");
      return false;
    }
    bool integral = true;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    while (digit(i_)) {
      const auto d = static_cast<std::uint64_t>(s_[i_] - '0');
      if (magnitude > (UINT64_MAX - d) / 10) overflow = true;
      magnitude = overflow ? magnitude : magnitude * 10 + d;
      ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      integral = false;
      ++i_;
      if (!digit(i_)) {
        fail("digit expected after the decimal point");
        return false;
      }
      while (digit(i_)) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      integral = false;
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digit(i_)) {
        fail("digit expected in the exponent");
        return false;
      }
      while (digit(i_)) ++i_;
    }
    v.type = kind::number;
    v.text = std::string(s_.substr(start, i_ - start));
    const std::uint64_t limit =
        negative ? static_cast<std::uint64_t>(INT64_MAX) + 1 : static_cast<std::uint64_t>(INT64_MAX);
    v.integral = integral && !overflow && magnitude <= limit;
    if (v.integral) {
      v.integer = negative ? (magnitude == limit ? INT64_MIN : -static_cast<std::int64_t>(magnitude))
                           : static_cast<std::int64_t>(magnitude);
    }
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (i_ + 4 > s_.size()) {
      fail("truncated \\u escape");
      return false;
    }
    out = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      const char c = s_[i_];
      std::uint32_t d = 0;
      if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
      else {
        fail("invalid hex digit in \\u escape");
        return false;
      }
      out = out * 16 + d;
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) { utf8_append(out, static_cast<char32_t>(cp)); }

  bool parse_string(std::string& out) {
    ++i_;  // opening quote
    while (true) {
      if (i_ >= s_.size()) {
        fail("unterminated string");
        return false;
      }
      const char c = s_[i_];
      if (c == '"') {
        ++i_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        fail("control character in a string");
        return false;
      }
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) {
          fail("unterminated escape");
          return false;
        }
        const char e = s_[i_++];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            std::uint32_t cp = 0;
            if (!hex4(cp)) return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
              fail("unpaired low surrogate");
              return false;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              std::uint32_t low = 0;
              if (s_.substr(i_, 2) != "\\u") {
                fail("unpaired high surrogate");
                return false;
              }
              i_ += 2;
              if (!hex4(low)) return false;
              if (low < 0xDC00 || low > 0xDFFF) {
                fail("unpaired high surrogate");
                return false;
              }
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(out, cp);
            break;
          }
          default:
            --i_;
            fail("invalid escape");
            return false;
        }
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80) {
        out += c;
        ++i_;
        continue;
      }
      const std::size_t at = i_;
      if (utf8_next(s_, i_) == utf8_invalid) {
        i_ = at;
        fail("invalid UTF-8 in a string");
        return false;
      }
      out.append(s_.substr(at, i_ - at));
    }
  }

  bool parse_array(value& v, int depth) {
    v.type = kind::array;
    ++i_;
    skip_ws();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return true;
    }
    while (true) {
      skip_ws();
      value item;
      if (!parse_value(item, depth + 1)) return false;
      v.items.push_back(std::move(item));
      skip_ws();
      if (i_ >= s_.size()) {
        fail("unterminated array");
        return false;
      }
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        return true;
      }
      fail("',' or ']' expected");
      return false;
    }
  }

  bool parse_object(value& v, int depth) {
    v.type = kind::object;
    ++i_;
    skip_ws();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return true;
    }
    while (true) {
      skip_ws();
      if (i_ >= s_.size() || s_[i_] != '"') {
        fail("object key expected");
        return false;
      }
      const std::size_t key_at = i_;
      std::string key;
      if (!parse_string(key)) return false;
      if (v.find(key) != nullptr) {
        i_ = key_at;
        fail("duplicate object key");
        return false;
      }
      skip_ws();
      if (i_ >= s_.size() || s_[i_] != ':') {
        fail("':' expected");
        return false;
      }
      ++i_;
      skip_ws();
      value item;
      if (!parse_value(item, depth + 1)) return false;
      v.members.push_back(json::member{std::move(key), std::move(item)});
      skip_ws();
      if (i_ >= s_.size()) {
        fail("unterminated object");
        return false;
      }
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        return true;
      }
      fail("',' or '}' expected");
      return false;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  error_info err_{};
};

[[nodiscard]] inline result<value> parse(std::string_view text) { return parser(text).parse_document(); }

// --- writer ---

// Appends `text` as a JSON string literal in the canonical form above. Bytes that are not valid
// UTF-8 become \ufffd, so the output is always valid JSON; valid UTF-8 is copied unchanged.
inline void append_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t start = i;
      if (utf8_next(text, i) == utf8_invalid) {
        out += "\\ufffd";
        i = start + 1;
      } else {
        out.append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out.push_back(hex[u >> 4]);
          out.push_back(hex[u & 0x0F]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

// The JSON string literal for `text` (see append_string).
[[nodiscard]] inline std::string quote(std::string_view text) {
  std::string out;
  append_string(out, text);
  return out;
}

// A streaming writer for objects and arrays; it inserts the commas and nothing else, so the text
// is canonical. Values go after key() inside objects, directly inside arrays.
class writer {
 public:
  writer() = default;

  [[nodiscard]] std::string& str() noexcept { return out_; }
  // The finished text (the writer is left empty).
  [[nodiscard]] std::string take() noexcept { return std::move(out_); }

  writer& begin_object() { return open('{'); }
  writer& end_object() { return close('}'); }
  writer& begin_array() { return open('['); }
  writer& end_array() { return close(']'); }
  writer& key(std::string_view k) {
    comma();
    append_string(out_, k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  writer& string(std::string_view s) {
    comma();
    append_string(out_, s);
    return *this;
  }
  writer& boolean(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
  }
  writer& integer(std::int64_t n) {
    comma();
    out_ += std::to_string(n);
    return *this;
  }
  writer& unsigned_integer(std::uint64_t n) {
    comma();
    out_ += std::to_string(n);
    return *this;
  }
  writer& null() {
    comma();
    out_ += "null";
    return *this;
  }
  // `json` must already be one valid JSON value (built by the caller, e.g. another writer).
  writer& raw(std::string_view json) {
    comma();
    out_ += json;
    return *this;
  }

 private:
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) out_ += ',';
    need_comma_ = true;
  }
  writer& open(char c) {
    comma();
    out_ += c;
    need_comma_ = false;
    return *this;
  }
  writer& close(char c) {
    out_ += c;
    need_comma_ = true;
    after_key_ = false;
    return *this;
  }

  std::string out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace detail::json
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_JSON_HPP
