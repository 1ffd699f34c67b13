// File: kind.hpp — the two number kinds and the facts that differ between them.
#ifndef MYNUMBER_KIND_HPP
#define MYNUMBER_KIND_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_digit.hpp"

MYNUMBER_BEGIN_NAMESPACE

enum class number_kind : std::uint8_t {
  individual = 0,  // 個人番号 (My Number), 12 digits, check digit last
  corporate = 1,   // 法人番号, 13 digits, check digit first
};

[[nodiscard]] constexpr std::string_view to_string(number_kind kind) noexcept {
  return kind == number_kind::individual ? "individual" : "corporate";
}

template <number_kind Kind>
struct kind_traits;

template <>
struct kind_traits<number_kind::individual> {
  static constexpr std::size_t length = individual_number_length;
  static constexpr std::size_t check_position = 11;  // last digit
  static constexpr std::size_t base_offset = 0;      // base digits start here
  // Printed 4-4-4 as on the card's back (numbers.md §2.7).
  static constexpr std::array<std::size_t, 3> groups{4, 4, 4};
  static constexpr char default_separator = ' ';
  static constexpr std::string_view name = "individual number";
  [[nodiscard]] static constexpr validation validate(std::string_view s) noexcept { return validate_individual(s); }
  [[nodiscard]] static constexpr int check_digit(std::string_view base) noexcept {
    return individual_check_digit(base);
  }
};

template <>
struct kind_traits<number_kind::corporate> {
  static constexpr std::size_t length = corporate_number_length;
  static constexpr std::size_t check_position = 0;  // first digit
  static constexpr std::size_t base_offset = 1;
  // Printed 1-4-4-4 as in NTA forms (numbers.md §2.7).
  static constexpr std::array<std::size_t, 4> groups{1, 4, 4, 4};
  static constexpr char default_separator = '-';
  static constexpr std::string_view name = "corporate number";
  [[nodiscard]] static constexpr validation validate(std::string_view s) noexcept { return validate_corporate(s); }
  [[nodiscard]] static constexpr int check_digit(std::string_view base) noexcept { return corporate_check_digit(base); }
};

// Runtime dispatch for callers that hold the kind as a value.
[[nodiscard]] constexpr validation validate(number_kind kind, std::string_view s) noexcept {
  return kind == number_kind::individual ? validate_individual(s) : validate_corporate(s);
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_KIND_HPP
