// File: registration_number.hpp — the 会社法人等番号 (company/corporation registration number).
// 12 digits, 登記所コード(4)-組織区分(2)-一連番号(6), printed "0100-01-123456" (商業登記法第7条,
// 商業登記規則第1条の2). It has no check digit, so only its layout can be checked.
//
// WARNING: a 12-digit registration number looks exactly like a My Number (個人番号). Nothing in the
// digits tells them apart. An API or form that "computes a corporate number from 12 digits" can be
// fed a person's My Number by mistake; say so next to any such input in your UI.
#ifndef MYNUMBER_REGISTRATION_NUMBER_HPP
#define MYNUMBER_REGISTRATION_NUMBER_HPP

#include <array>
#include <string>
#include <string_view>

#include "corporate_number.hpp"

MYNUMBER_BEGIN_NAMESPACE

// 組織区分 of the first registration. 01–03 agree across sources; the meaning of 04 and 05
// conflicts between sources and is UNCONFIRMED (numbers.md §2.6), so they are kept as codes.
enum class organization_code : std::uint8_t {
  kabushiki_kaisha = 1,  // 株式会社
  yugen_kaisha = 2,      // (特例)有限会社
  mochibun_kaisha = 3,   // 合名会社・合資会社・合同会社
  code_04 = 4,           // その他の法人 or 組合 (sources conflict: UNCONFIRMED)
  code_05 = 5,           // 組合 or その他の法人 (sources conflict: UNCONFIRMED)
  other = 99,            // any other value
};

class registration_number {
 public:
  // Accepts 12 ASCII digits, or the printed form with ASCII hyphens after digits 4 and 6.
  // Errors: empty, invalid_character (position), too_short / too_long, invalid_structure
  // (position 0) when the 登記所コード is outside 0100–5000.
  [[nodiscard]] static result<registration_number> try_parse(std::string_view text) {
    std::array<char, 12> digits{};
    std::size_t count = 0;
    if (text.empty()) return errc::empty;
    const bool printed = text.size() == 14 && text[4] == '-' && text[7] == '-';
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (printed && (i == 4 || i == 7)) continue;
      if (!detail::is_ascii_digit(text[i])) return error_info{errc::invalid_character, i};
      if (count < digits.size()) digits[count] = text[i];
      ++count;
    }
    if (count != 12) return count < 12 ? errc::too_short : errc::too_long;
    registration_number out(std::string_view(digits.data(), 12));
    if (out.registry_office_code() < 100 || out.registry_office_code() > 5000)
      return error_info{errc::invalid_structure, 0, -1, "registry-office code must be 0100-5000"};
    return out;
  }
  [[nodiscard]] static registration_number parse(std::string_view text) { return try_parse(text).value(); }

  [[nodiscard]] int registry_office_code() const noexcept { return value(0, 4); }
  [[nodiscard]] int organization_code_value() const noexcept { return value(4, 2); }
  [[nodiscard]] organization_code organization() const noexcept {
    const int code = organization_code_value();
    return code >= 1 && code <= 5 ? static_cast<organization_code>(code) : organization_code::other;
  }
  [[nodiscard]] int serial() const noexcept { return value(6, 6); }

  // The 12 digits, e.g. "010001123456". Registration numbers are public registry data.
  [[nodiscard]] std::string digits() const { return std::string(digits_.data(), 12); }
  // The printed form "0100-01-123456".
  [[nodiscard]] std::string format() const {
    return digits().substr(0, 4) + '-' + digits().substr(4, 2) + '-' + digits().substr(6);
  }
  // The corporate number of a 設立登記法人 is this number with its check digit in front (施行令35条2項).
  [[nodiscard]] corporate_number to_corporate_number() const { return corporate_number::from_base(digits()); }

  friend bool operator==(const registration_number& a, const registration_number& b) noexcept {
    return a.digits_ == b.digits_;
  }
  friend bool operator!=(const registration_number& a, const registration_number& b) noexcept { return !(a == b); }

 private:
  explicit registration_number(std::string_view d) noexcept { d.copy(digits_.data(), 12); }
  [[nodiscard]] int value(std::size_t at, std::size_t n) const noexcept {
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + (digits_[at + i] - '0');
    return v;
  }
  std::array<char, 12> digits_{};
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_REGISTRATION_NUMBER_HPP
