// File: individual_number.hpp — the Individual Number (個人番号, "My Number").
// 12 digits: 11 derived from the 住民票コード (番号法第8条, 施行令第8条) plus a check digit
// computed per 平成26年総務省令第85号 第5条 (check_digit.hpp). The number is 特定個人情報:
// every default string form is masked; reveal() is the only way to the digits.
#ifndef MYNUMBER_INDIVIDUAL_NUMBER_HPP
#define MYNUMBER_INDIVIDUAL_NUMBER_HPP

#include "number.hpp"

MYNUMBER_BEGIN_NAMESPACE

using individual_number = basic_number<number_kind::individual>;
using individual_literal = basic_literal<number_kind::individual>;

inline namespace literals {
// "123456789018"_individual — rejected at compile time when invalid: always under C++20
// (consteval); under C++17 when the result initialises a constexpr variable.
[[nodiscard]] MYNUMBER_CONSTEVAL individual_literal operator""_individual(const char* text, std::size_t size) {
  return individual_literal(std::string_view(text, size));
}
}  // namespace literals

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_INDIVIDUAL_NUMBER_HPP
