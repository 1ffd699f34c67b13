// File: secure/detail/json.hpp — the secure module's two uses of the library's one JSON facility
// (detail/json.hpp): a canonical object builder (one text per value: keys in the caller's order,
// no spaces, minimal escapes — audit lines are hashed over this exact text) and a reader for
// flat objects whose values are strings, non-negative integers or null (an audit line). The
// shared reader does the grammar (and rejects duplicate keys, bad UTF-8, trailing bytes); this
// file only rejects the shapes an audit line may not have (nesting, floats, negatives, booleans).
#ifndef MYNUMBER_SECURE_DETAIL_JSON_HPP
#define MYNUMBER_SECURE_DETAIL_JSON_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../config.hpp"
#include "../../detail/json.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

// Builds one JSON object member by member: {"a":1,"b":"x","c":null}.
class json_object_writer {
 public:
  json_object_writer() { w_.begin_object(); }

  json_object_writer& string(std::string_view key, std::string_view value) {
    w_.key(key).string(value);
    return *this;
  }
  json_object_writer& optional_string(std::string_view key, const std::optional<std::string>& value) {
    if (value) return string(key, *value);
    w_.key(key).null();
    return *this;
  }
  json_object_writer& number(std::string_view key, std::uint64_t value) {
    w_.key(key).unsigned_integer(value);
    return *this;
  }
  // `json` must already be valid JSON (a nested object or array built by the caller).
  json_object_writer& raw(std::string_view key, std::string_view json) {
    w_.key(key).raw(json);
    return *this;
  }
  [[nodiscard]] std::string finish() && {
    w_.end_object();
    return w_.take();
  }

 private:
  json::writer w_;
};

// A value of a flat JSON object.
struct json_flat_value {
  enum class type { string, number, null } kind = type::null;
  std::string text{};        // for strings
  std::uint64_t number = 0;  // for numbers
};

// Result of json_parse_flat_object: the members in document order, or the byte offset of the
// first problem (no_position when unknown) and what it was.
struct json_flat_object {
  std::vector<std::pair<std::string, json_flat_value>> members{};
  std::size_t error_offset = no_position;
  std::string error{};  // empty when ok; describes the problem, never quotes input data

  [[nodiscard]] bool ok() const noexcept { return error.empty(); }
  [[nodiscard]] const json_flat_value* find(std::string_view key) const noexcept {
    for (const auto& m : members)
      if (m.first == key) return &m.second;
    return nullptr;
  }
};

// Parses one flat JSON object: the shared strict reader, then a shape check. Never throws
// except std::bad_alloc.
[[nodiscard]] inline json_flat_object json_parse_flat_object(std::string_view text) {
  json_flat_object out;
  const auto fail = [&out](std::size_t at, std::string what) -> json_flat_object& {
    out.members.clear();
    out.error = std::move(what);
    out.error_offset = at;
    return out;
  };
  result<json::value> parsed = json::parse(text);
  if (!parsed) return fail(parsed.error().position, parsed.error().detail);
  if (parsed->type != json::kind::object) return fail(0, "expected '{'");
  for (json::member& m : parsed->members) {
    json_flat_value value;
    switch (m.val.type) {
      case json::kind::string:
        value.kind = json_flat_value::type::string;
        value.text = std::move(m.val.text);
        break;
      case json::kind::null: break;
      case json::kind::number: {
        // The reader checked the grammar; a flat value must also be a plain non-negative integer
        // that fits 64 bits (the reader's `integer` stops at INT64_MAX, so convert the text).
        value.kind = json_flat_value::type::number;
        for (const char c : m.val.text) {
          if (c < '0' || c > '9') return fail(no_position, "only non-negative integers are allowed");
          const auto digit = static_cast<std::uint64_t>(c - '0');
          if (value.number > (UINT64_MAX - digit) / 10) return fail(no_position, "integer too large");
          value.number = value.number * 10 + digit;
        }
        break;
      }
      default: return fail(no_position, "expected a string, a non-negative integer or null");
    }
    out.members.emplace_back(std::move(m.key), std::move(value));
  }
  return out;
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_DETAIL_JSON_HPP
