// File: mask.hpp — the one masking policy used by every display path (C++, C, Python, CLI).
// Masking is for display. It is not anonymisation: a masked number is still 特定個人情報 for
// its holder, and PPC FAQ Q9-4 warns that even partial digits can identify (see docs/security.md).
#ifndef MYNUMBER_MASK_HPP
#define MYNUMBER_MASK_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "config.hpp"

MYNUMBER_BEGIN_NAMESPACE

// How many trailing digits stay visible and which character hides the rest. Masked output always
// hides at least one digit: the full digits are only ever available through reveal().
struct mask_policy {
  std::size_t visible_digits = MYNUMBER_DEFAULT_VISIBLE_DIGITS;
  char mask_char = MYNUMBER_DEFAULT_MASK_CHAR;

  // A policy that hides every digit.
  [[nodiscard]] static constexpr mask_policy hide_all(char mask_char = MYNUMBER_DEFAULT_MASK_CHAR) noexcept {
    return mask_policy{0, mask_char};
  }
  // Number of leading digits this policy hides in a string of `length` digits (at least one).
  [[nodiscard]] constexpr std::size_t hidden_count(std::size_t length) const noexcept {
    if (length == 0) return 0;
    return visible_digits >= length ? 1 : length - visible_digits;
  }
};

// Masks a digit string under the policy: "123456789018" -> "********9018".
[[nodiscard]] inline std::string mask_digits(std::string_view digits, const mask_policy& policy = {}) {
  std::string out(digits);
  const std::size_t hidden = policy.hidden_count(out.size());
  for (std::size_t i = 0; i < hidden; ++i) out[i] = policy.mask_char;
  return out;
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_MASK_HPP
