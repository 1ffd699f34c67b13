// File: check_digit.hpp — the two statutory check-digit formulas and strict digit validation.
// Everything here is constexpr and noexcept, and works on ASCII digit strings only; lenient
// input (full-width digits, spaces, dashes) goes through normalize.hpp first.
#ifndef MYNUMBER_CHECK_DIGIT_HPP
#define MYNUMBER_CHECK_DIGIT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/swar.hpp"
#include "error.hpp"

MYNUMBER_BEGIN_NAMESPACE

// Outcome of a non-allocating validation: usable in constant expressions and in hot loops.
// Converts to error_info for the result/exception APIs.
struct validation {
  errc code = errc::ok;
  std::size_t position = no_position;  // 0-based character index of the offending character
  int expected = -1;                   // the correct check digit on check_digit_mismatch

  [[nodiscard]] constexpr bool ok() const noexcept { return code == errc::ok; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] error_info to_error() const { return error_info{code, position, expected, {}}; }
};

inline constexpr std::size_t individual_number_length = 12;
inline constexpr std::size_t corporate_number_length = 13;

namespace detail {
[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Strict shape check shared by both kinds: non-digits first (so "12a" reports the character,
// not the length), then the length.
[[nodiscard]] constexpr validation check_digit_string(std::string_view s, std::size_t length) noexcept {
  if (s.empty()) return {errc::empty};
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!is_ascii_digit(s[i])) return {errc::invalid_character, i};
  if (s.size() < length) return {errc::too_short};
  if (s.size() > length) return {errc::too_long};
  return {};
}
}  // namespace detail

// Check digit of an Individual Number (個人番号) from its 11 leading digits, per
// 平成26年総務省令第85号 第5条: weights 6 5 4 3 2 7 6 5 4 3 2 from the left; the check digit is
// 11 − (sum mod 11), or 0 when the remainder is 0 or 1. Returns -1 unless `base` is 11 ASCII digits.
[[nodiscard]] constexpr int individual_check_digit(std::string_view base) noexcept {
  if (base.size() != individual_number_length - 1) return -1;
  constexpr int weights[11] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 11; ++i) {
    if (!detail::is_ascii_digit(base[i])) return -1;
    sum += (base[i] - '0') * weights[i];
  }
  const int remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

// Check digit of a Corporate Number (法人番号) from its 12-digit base number, per
// 平成26年財務省令第70号 第2条: weights 2 1 2 1 … from the left (1 for the rightmost digit); the check
// digit is 9 − (sum mod 9), always 1–9. The ordinance's bracketing reads as "mod inside the
// sum"; the remainder of the whole sum is the intended and implemented reading (numbers.md §2.2).
// Returns -1 unless `base` is 12 ASCII digits.
[[nodiscard]] constexpr int corporate_check_digit(std::string_view base) noexcept {
  if (base.size() != corporate_number_length - 1) return -1;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    if (!detail::is_ascii_digit(base[i])) return -1;
    sum += (base[i] - '0') * ((i % 2 == 0) ? 2 : 1);
  }
  return 9 - sum % 9;
}

// Strict validation of a 12-digit Individual Number given as exactly 12 ASCII digits.
[[nodiscard]] constexpr validation validate_individual(std::string_view s) noexcept {
  if (const validation shape = detail::check_digit_string(s, individual_number_length); !shape) return shape;
  const int expected = individual_check_digit(s.substr(0, 11));
  if (s[11] - '0' != expected) return {errc::check_digit_mismatch, 11, expected};
  return {};
}

namespace detail {
// The check-digit test of corporate_check_digit, all in two 64-bit words: characters 0-7 and 5-12
// (overlapping). Precondition: s.size() == 13. True only for 13 ASCII digits with the right check
// digit; on false, callers take the character-by-character path, which also names the problem.
[[nodiscard]] constexpr bool corporate_number_fast_ok(std::string_view s) noexcept {
  const std::uint64_t a = load_le64(s.data()), b = load_le64(s.data() + 5);
  if (!all_digit_lanes(a) || !all_digit_lanes(b)) return false;
  const std::uint64_t va = a - swar_zeros, vb = b - swar_zeros;
  // Multiplying by a word with weight w_j in byte 7 - j leaves the sum of v_j * w_j in byte 7
  // (no lane exceeds 8 * 9 * 2 = 144, so no carries cross lanes). Weights 2 1 2 1 … for positions
  // 1-12: positions 1-7 come from `a`, positions 8-12 from lanes 3-7 of `b`.
  constexpr std::uint64_t weights_a = 0x0002010201020102ull, weights_b = 0x0000000102010201ull;
  const auto sum = static_cast<int>(((va * weights_a) >> 56) + ((vb * weights_b) >> 56));
  return static_cast<int>(va & 0xFF) == 9 - sum % 9;
}
}  // namespace detail

// Strict validation of a 13-digit Corporate Number (check digit first) given as ASCII digits.
[[nodiscard]] constexpr validation validate_corporate(std::string_view s) noexcept {
  if (s.size() == corporate_number_length && detail::corporate_number_fast_ok(s)) return {};
  if (const validation shape = detail::check_digit_string(s, corporate_number_length); !shape) return shape;
  const int expected = corporate_check_digit(s.substr(1));
  if (s[0] - '0' != expected) return {errc::check_digit_mismatch, 0, expected};
  return {};
}

[[nodiscard]] constexpr bool is_valid_individual(std::string_view s) noexcept { return validate_individual(s).ok(); }
[[nodiscard]] constexpr bool is_valid_corporate(std::string_view s) noexcept { return validate_corporate(s).ok(); }

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CHECK_DIGIT_HPP
