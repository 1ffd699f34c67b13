// File: detail/utf8.hpp — a strict UTF-8 decoder (rejects overlongs, surrogates, > U+10FFFF).
#ifndef MYNUMBER_DETAIL_UTF8_HPP
#define MYNUMBER_DETAIL_UTF8_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

inline constexpr char32_t utf8_invalid = 0xFFFFFFFFu;

// Decodes one code point at s[i] and advances i past it. On malformed input returns
// utf8_invalid and advances i by one byte.
[[nodiscard]] constexpr char32_t utf8_next(std::string_view s, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return utf8_invalid;
  }
  if (i + len > s.size()) {
    ++i;
    return utf8_invalid;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const std::uint8_t b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return utf8_invalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return utf8_invalid;
  }
  i += len;
  return cp;
}

// Writes the UTF-8 encoding of a valid code point at `out` (1-4 bytes); returns the end.
inline char* utf8_put(char* out, char32_t cp) noexcept {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Appends the UTF-8 encoding of a valid code point.
template <class String>
void utf8_append(String& out, char32_t cp) {
  char bytes[4];
  const char* const end = utf8_put(bytes, cp);
  if constexpr (std::is_same_v<String, std::string>) {
    out.append(bytes, static_cast<std::size_t>(end - bytes));
  } else {
    using ch = typename String::value_type;
    for (const char* p = bytes; p != end; ++p) out.push_back(static_cast<ch>(*p));
  }
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_UTF8_HPP
