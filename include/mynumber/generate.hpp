// File: generate.hpp — valid test numbers from any seedable random engine.
//
// There is no official test range for 個人番号, and any checksum-valid 12 digits may belong to a real
// person (numbers.md §5.1). Treat generated Individual Numbers as if they were real: never publish
// them as "safe" dummies. Corporate numbers are public, but a generated one may also be real.
//
// The draw uses only the engine's raw output (no std::uniform_int_distribution, whose algorithm
// differs between standard libraries), so a given engine and seed give the same numbers with
// every compiler and from the C and Python bindings (which use std::mt19937_64).
#ifndef MYNUMBER_GENERATE_HPP
#define MYNUMBER_GENERATE_HPP

#include <array>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "corporate_number.hpp"
#include "individual_number.hpp"

MYNUMBER_BEGIN_NAMESPACE

struct generate_options {
  // Fix the check digit (0–9 for individual, 1–9 for corporate); -1 draws it like any other.
  int check_digit = -1;
};

namespace detail {
// A uniform decimal digit by rejection sampling on the engine's raw output.
template <class Engine>
char uniform_digit(Engine& engine) {
  using word = typename Engine::result_type;
  static_assert(std::is_unsigned_v<word>, "the engine must produce unsigned integers");
  const word span = static_cast<word>(Engine::max() - Engine::min());
  static_assert(Engine::max() - Engine::min() >= 9, "the engine's range is too small");
  // Accept draws below the largest multiple of 10 that fits in [0, span].
  const word limit = span == std::numeric_limits<word>::max() ? static_cast<word>(span - (span % 10 + 1) % 10)
                                                              : static_cast<word>(span + 1 - (span + 1) % 10);
  for (;;) {
    const word draw = static_cast<word>(engine() - Engine::min());
    if (span == std::numeric_limits<word>::max() ? draw <= limit : draw < limit)
      return static_cast<char>('0' + draw % 10);
  }
}
}  // namespace detail

// A valid number of kind `Kind`, uniform over base numbers. With a fixed check digit, uniform over
// the bases that produce it. Throws mynumber::error(invalid_argument) for an impossible check digit.
template <number_kind Kind, class Engine>
[[nodiscard]] basic_number<Kind> generate(Engine& engine, const generate_options& options = {}) {
  using traits = kind_traits<Kind>;
  const int lowest = Kind == number_kind::corporate ? 1 : 0;
  if (options.check_digit != -1 && (options.check_digit < lowest || options.check_digit > 9))
    throw error(errc::invalid_argument, "check digit out of range for this kind");
  std::array<char, traits::length - 1> base{};
  for (;;) {
    for (char& c : base) c = detail::uniform_digit(engine);
    const std::string_view view(base.data(), base.size());
    if (options.check_digit == -1 || traits::check_digit(view) == options.check_digit) {
      auto number = basic_number<Kind>::from_base(view);
      detail::secure_wipe(base.data(), base.size());
      return number;
    }
  }
}

template <class Engine>
[[nodiscard]] individual_number generate_individual(Engine& engine, const generate_options& options = {}) {
  return generate<number_kind::individual>(engine, options);
}
template <class Engine>
[[nodiscard]] corporate_number generate_corporate(Engine& engine, const generate_options& options = {}) {
  return generate<number_kind::corporate>(engine, options);
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_GENERATE_HPP
