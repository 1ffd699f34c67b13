// File: normalize.hpp — explicit, lenient normalisation of typed-in numbers.
// Strict parsing accepts ASCII digits only. Lenient parsing first runs the input through the
// rules below, which cover what Japanese users actually type:
//   digits   ASCII 0-9 and full-width ０-９ (U+FF10–U+FF19) become ASCII digits;
//   dropped  spaces: U+0020, TAB, CR, LF, U+00A0, U+3000 (ideographic space);
//            hyphens and dashes: U+002D, U+2010–U+2015, U+2212 (minus), U+FE63, U+FF0D (－),
//            U+30FC (ー, the katakana long-vowel mark often typed as a hyphen), U+FF70 (ｰ).
// Anything else is an error naming its character position. Input must be valid UTF-8.
#ifndef MYNUMBER_NORMALIZE_HPP
#define MYNUMBER_NORMALIZE_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "check_digit.hpp"
#include "detail/utf8.hpp"
#include "result.hpp"

MYNUMBER_BEGIN_NAMESPACE

// Classification of one code point under the lenient rules.
enum class lenient_class { digit, ignorable, other };

[[nodiscard]] constexpr lenient_class classify_lenient(char32_t cp) noexcept {
  if (cp >= U'0' && cp <= U'9') return lenient_class::digit;
  if (cp >= 0xFF10 && cp <= 0xFF19) return lenient_class::digit;
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\r':
    case U'\n':
    case 0x00A0:
    case 0x3000:
    case U'-':
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
    case 0x30FC:
    case 0xFF70: return lenient_class::ignorable;
    default: break;
  }
  if (cp >= 0x2010 && cp <= 0x2015) return lenient_class::ignorable;
  return lenient_class::other;
}

// Digit value of a code point classified as lenient_class::digit.
[[nodiscard]] constexpr char lenient_digit(char32_t cp) noexcept {
  return static_cast<char>('0' + (cp >= 0xFF10 ? cp - 0xFF10 : cp - U'0'));
}

namespace detail {
// Normalises into a caller buffer without allocating. Writes up to `cap` digits to `out` and
// the character index of each into `positions` (may be null); counts all digits in `count`.
// Returns the first character error, if any. Lengths are the caller's to judge.
constexpr validation normalize_into(std::string_view in, char* out, std::size_t* positions, std::size_t cap,
                                    std::size_t& count) noexcept {
  count = 0;
  std::size_t i = 0;
  std::size_t char_index = 0;
  while (i < in.size()) {
    const char32_t cp = utf8_next(in, i);
    if (cp == utf8_invalid) return {errc::invalid_utf8, char_index};
    switch (classify_lenient(cp)) {
      case lenient_class::digit:
        if (count < cap) {
          out[count] = lenient_digit(cp);
          if (positions != nullptr) positions[count] = char_index;
        }
        ++count;
        break;
      case lenient_class::ignorable: break;
      case lenient_class::other: return {errc::invalid_character, char_index};
    }
    ++char_index;
  }
  return {};
}
}  // namespace detail

// Lenient normalisation to a string of ASCII digits (any count). Errors: invalid_utf8 or
// invalid_character with the character position; empty if no digit remains.
[[nodiscard]] inline result<std::string> try_normalize_digits(std::string_view in) {
  std::string digits;
  std::size_t i = 0;
  std::size_t char_index = 0;
  while (i < in.size()) {
    const char32_t cp = detail::utf8_next(in, i);
    if (cp == detail::utf8_invalid) return error_info{errc::invalid_utf8, char_index};
    const lenient_class cls = classify_lenient(cp);
    if (cls == lenient_class::other) return error_info{errc::invalid_character, char_index};
    if (cls == lenient_class::digit) digits.push_back(lenient_digit(cp));
    ++char_index;
  }
  if (digits.empty()) return errc::empty;
  return digits;
}

// Throwing twin of try_normalize_digits.
[[nodiscard]] inline std::string normalize_digits(std::string_view in) { return try_normalize_digits(in).value(); }

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_NORMALIZE_HPP
