// File: number.hpp — basic_number<Kind>, the value type behind individual_number and
// corporate_number. It can only hold a valid number. Every default string form (to_string,
// operator<<, the fmt formatter) is masked; reveal() is the only way to the full digits.
#ifndef MYNUMBER_NUMBER_HPP
#define MYNUMBER_NUMBER_HPP

#include <array>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "detail/secure_wipe.hpp"
#include "kind.hpp"
#include "mask.hpp"
#include "normalize.hpp"
#include "result.hpp"

MYNUMBER_BEGIN_NAMESPACE

template <number_kind Kind>
class basic_literal;

template <number_kind Kind>
class basic_number {
 public:
  using traits = kind_traits<Kind>;
  static constexpr number_kind kind = Kind;
  static constexpr std::size_t length = traits::length;

  // Strict parse: exactly `length` ASCII digits with a correct check digit.
  [[nodiscard]] static result<basic_number> try_parse(std::string_view text) {
    if (const validation v = traits::validate(text); !v) return v.to_error();
    return basic_number(text);
  }
  // Throwing twin of try_parse; throws mynumber::error.
  [[nodiscard]] static basic_number parse(std::string_view text) { return try_parse(text).value(); }

  // Lenient parse: applies the rules of normalize.hpp (full-width digits, spaces, dashes), then
  // validates. Positions in errors are character indices into `text`.
  [[nodiscard]] static result<basic_number> try_parse_lenient(std::string_view text) {
    std::array<char, length> digits{};
    std::array<std::size_t, length> positions{};
    std::size_t count = 0;
    const validation chars = detail::normalize_into(text, digits.data(), positions.data(), length, count);
    const auto wipe = [&] { detail::secure_wipe(digits.data(), digits.size()); };
    if (!chars) {
      wipe();
      return chars.to_error();
    }
    if (count == 0) return errc::empty;
    if (count != length) {
      wipe();
      return count < length ? errc::too_short : errc::too_long;
    }
    validation v = traits::validate(std::string_view(digits.data(), length));
    if (!v) {
      wipe();
      v.position = positions[traits::check_position];
      return v.to_error();
    }
    basic_number number(std::string_view(digits.data(), length));
    wipe();
    return number;
  }
  [[nodiscard]] static basic_number parse_lenient(std::string_view text) { return try_parse_lenient(text).value(); }

  // Builds a number from its base digits (11 for individual, 12 for corporate, ASCII) by
  // computing the check digit.
  [[nodiscard]] static result<basic_number> try_from_base(std::string_view base) {
    if (const validation shape = detail::check_digit_string(base, length - 1); !shape) return shape.to_error();
    std::array<char, length> digits{};
    const char check = static_cast<char>('0' + traits::check_digit(base));
    if (traits::check_position == 0) {
      digits[0] = check;
      base.copy(digits.data() + 1, length - 1);
    } else {
      base.copy(digits.data(), length - 1);
      digits[length - 1] = check;
    }
    basic_number number(std::string_view(digits.data(), length));
    detail::secure_wipe(digits.data(), digits.size());
    return number;
  }
  [[nodiscard]] static basic_number from_base(std::string_view base) { return try_from_base(base).value(); }

  // From a compile-time checked literal (see literals below); implicit, so a literal is a number.
  basic_number(const basic_literal<Kind>& literal) noexcept  // NOLINT(google-explicit-constructor)
      : digits_(literal.digits_) {}

  basic_number(const basic_number&) = default;
  basic_number& operator=(const basic_number&) = default;
  ~basic_number() { detail::secure_wipe(digits_.data(), digits_.size()); }

  [[nodiscard]] int check_digit() const noexcept { return digits_[traits::check_position] - '0'; }

  // The full digits. The only way to them: keep calls to this visible in code review.
  [[nodiscard]] std::string reveal() const { return std::string(digits_.data(), length); }
  // The full digits, grouped (4-4-4 or 1-4-4-4).
  [[nodiscard]] std::string reveal_formatted(char separator = traits::default_separator) const {
    return group(reveal(), separator);
  }

  // Masked digits, e.g. "********9018".
  [[nodiscard]] std::string masked(const mask_policy& policy = {}) const {
    return mask_digits(std::string_view(digits_.data(), length), policy);
  }
  // Masked and grouped, e.g. "**** **** 9018" or "*-****-****-0002".
  [[nodiscard]] std::string format(const mask_policy& policy = {}, char separator = traits::default_separator) const {
    return group(masked(policy), separator);
  }

  friend bool operator==(const basic_number& a, const basic_number& b) noexcept { return a.digits_ == b.digits_; }
  friend bool operator!=(const basic_number& a, const basic_number& b) noexcept { return a.digits_ != b.digits_; }
  friend bool operator<(const basic_number& a, const basic_number& b) noexcept { return a.digits_ < b.digits_; }
  friend bool operator>(const basic_number& a, const basic_number& b) noexcept { return b < a; }
  friend bool operator<=(const basic_number& a, const basic_number& b) noexcept { return !(b < a); }
  friend bool operator>=(const basic_number& a, const basic_number& b) noexcept { return !(a < b); }

  // Masked, like every default string form.
  friend std::ostream& operator<<(std::ostream& os, const basic_number& n) { return os << n.masked(); }

  // Hash of the digits, for unordered containers. A hash of a My Number is still a My Number.
  [[nodiscard]] std::size_t hash() const noexcept {
    std::size_t h = 14695981039346656037ull & static_cast<std::size_t>(-1);
    for (char c : digits_) h = (h ^ static_cast<unsigned char>(c)) * (1099511628211ull & static_cast<std::size_t>(-1));
    return h;
  }

 private:
  explicit basic_number(std::string_view valid_digits) noexcept { valid_digits.copy(digits_.data(), length); }

  static std::string group(const std::string& digits, char separator) {
    std::string out;
    out.reserve(length + traits::groups.size());
    std::size_t at = 0;
    for (std::size_t g = 0; g < traits::groups.size(); ++g) {
      if (g != 0 && separator != '\0') out.push_back(separator);
      out.append(digits, at, traits::groups[g]);
      at += traits::groups[g];
    }
    return out;
  }

  std::array<char, length> digits_{};
};

// Masked string form. Same as n.masked().
template <number_kind Kind>
[[nodiscard]] std::string to_string(const basic_number<Kind>& n) {
  return n.masked();
}

namespace detail {
// Not constexpr on purpose: reaching it during constant evaluation stops compilation, and the
// compiler names this function in its diagnostic.
inline void number_literal_is_invalid_check_its_digits() {
  throw error(errc::invalid_argument, "invalid number literal");
}
}  // namespace detail

// A number checked at compile time. A literal type (unlike basic_number, whose destructor wipes
// its digits), so it can be a constexpr variable; it converts implicitly to basic_number.
template <number_kind Kind>
class basic_literal {
 public:
  explicit constexpr basic_literal(std::string_view text) {
    if (!kind_traits<Kind>::validate(text)) detail::number_literal_is_invalid_check_its_digits();
    for (std::size_t i = 0; i < kind_traits<Kind>::length; ++i) digits_[i] = text[i];
  }

 private:
  friend class basic_number<Kind>;
  std::array<char, kind_traits<Kind>::length> digits_{};
};

MYNUMBER_END_NAMESPACE

template <mynumber::number_kind Kind>
struct std::hash<mynumber::basic_number<Kind>> {
  std::size_t operator()(const mynumber::basic_number<Kind>& n) const noexcept { return n.hash(); }
};

#endif  // MYNUMBER_NUMBER_HPP
