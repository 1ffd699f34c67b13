// File: corporate_number.hpp — the Corporate Number (法人番号) and what its base number says.
// 13 digits: a check digit (1–9, 平成26年財務省令第70号 第2条) in front of a 12-digit base number
// (番号法施行令第35条): the 会社法人等番号 for registered companies (35条2項), otherwise a number
// the NTA commissioner assigns (35条3項). The base layout is from the NTA slide 「法人番号の構成」.
#ifndef MYNUMBER_CORPORATE_NUMBER_HPP
#define MYNUMBER_CORPORATE_NUMBER_HPP

#include <string>
#include <string_view>

#include "number.hpp"

MYNUMBER_BEGIN_NAMESPACE

using corporate_number = basic_number<number_kind::corporate>;
using corporate_literal = basic_literal<number_kind::corporate>;

inline namespace literals {
// "7000012050002"_corporate — compile-time checked like operator""_individual.
[[nodiscard]] MYNUMBER_CONSTEVAL corporate_literal operator""_corporate(const char* text, std::size_t size) {
  return corporate_literal(std::string_view(text, size));
}
}  // namespace literals

// What the 12-digit base number of a corporate number encodes.
enum class base_kind : std::uint8_t {
  national_legislative = 1,     // 国の機関 (立法機関), base 000011…
  national_administrative = 2,  // 国の機関 (行政機関), base 000012…
  national_judicial = 3,        // 国の機関 (司法機関), base 000013…
  local_government = 4,         // 地方公共団体, base 000020 + 全国地方公共団体コード (6 digits)
  local_government_other = 5,   // 地方公共団体, base 000030 + serial; contents UNCONFIRMED
  registered = 6,               // 設立登記法人: base = 会社法人等番号 (登記所コード 0100–5000)
  unregistered = 7,             // 設立登記のない法人・人格のない社団等, base 7…
  unused = 8,                   // first base digit 6, 8 or 9: 未使用 per the NTA
  unclassified = 9,             // fits none of the published ranges (e.g. 0000xx, other xx)
};

[[nodiscard]] constexpr std::string_view to_string(base_kind kind) noexcept {
  switch (kind) {
    case base_kind::national_legislative: return "national_legislative";
    case base_kind::national_administrative: return "national_administrative";
    case base_kind::national_judicial: return "national_judicial";
    case base_kind::local_government: return "local_government";
    case base_kind::local_government_other: return "local_government_other";
    case base_kind::registered: return "registered";
    case base_kind::unregistered: return "unregistered";
    case base_kind::unused: return "unused";
    case base_kind::unclassified: return "unclassified";
  }
  return "unclassified";
}

// JIS X 0402 check digit of a 5-digit local-government code: weights 6 5 4 3 2, r = sum mod 11,
// check = last digit of (11 − r), except that a sum below 11 gives 11 − sum (numbers.md §2.5,
// from the 総務省 code description). Returns -1 unless `code5` is 5 ASCII digits.
[[nodiscard]] constexpr int local_government_check_digit(std::string_view code5) noexcept {
  if (code5.size() != 5) return -1;
  constexpr int weights[5] = {6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    if (!detail::is_ascii_digit(code5[i])) return -1;
    sum += (code5[i] - '0') * weights[i];
  }
  if (sum < 11) return 11 - sum;
  return (11 - sum % 11) % 10;
}

// The structure read from a base number. Fields that do not apply to `kind` are empty / -1.
struct base_classification {
  base_kind kind = base_kind::unclassified;
  // local_government: the 6-digit 全国地方公共団体コード (with its JIS X 0402 check digit).
  std::string local_government_code{};
  bool local_government_code_valid = false;
  // registered: 登記所コード (4 digits) and 組織区分 (2 digits) of the FIRST registration. Since
  // 2012-05-21 the number survives reorganisation and moves, so never infer today's entity type or
  // location from these (numbers.md §2.6).
  int registry_office_code = -1;
  int organization_code = -1;
};

// Classifies a 12-digit ASCII base number. Precondition: 12 ASCII digits (anything else gives
// base_kind::unclassified).
[[nodiscard]] inline base_classification classify_base(std::string_view base) {
  base_classification out;
  if (base.size() != 12 || !detail::check_digit_string(base, 12)) return out;
  const auto value = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + (base[at + i] - '0');
    return v;
  };
  const char first = base[0];
  if (first == '6' || first == '8' || first == '9') {
    out.kind = base_kind::unused;
    return out;
  }
  if (first == '7') {
    out.kind = base_kind::unregistered;
    return out;
  }
  const int office = value(0, 4);
  if (office >= 100 && office <= 5000) {
    out.kind = base_kind::registered;
    out.registry_office_code = office;
    out.organization_code = value(4, 2);
    return out;
  }
  if (office != 0) return out;  // 0001–0099 or 5001–5999: no published meaning
  switch (value(4, 2)) {
    case 11: out.kind = base_kind::national_legislative; break;
    case 12: out.kind = base_kind::national_administrative; break;
    case 13: out.kind = base_kind::national_judicial; break;
    case 20:
      out.kind = base_kind::local_government;
      out.local_government_code = std::string(base.substr(6, 6));
      out.local_government_code_valid = local_government_check_digit(base.substr(6, 5)) == base[11] - '0';
      break;
    case 30: out.kind = base_kind::local_government_other; break;
    default: break;
  }
  return out;
}

// The 12-digit base number (the corporate number without its check digit). Corporate numbers
// are public (the NTA publishes them), so this is not treated as a reveal.
[[nodiscard]] inline std::string base_number(const corporate_number& n) { return n.reveal().substr(1); }

[[nodiscard]] inline base_classification classify(const corporate_number& n) { return classify_base(base_number(n)); }

// Structural check on top of the checksum: rejects bases in the ranges the NTA marks 未使用
// (first base digit 6, 8 or 9) with errc::reserved_range. Use for strict intake forms.
[[nodiscard]] inline result<corporate_number> try_parse_corporate_strict(std::string_view text) {
  auto number = corporate_number::try_parse(text);
  if (number && classify(*number).kind == base_kind::unused) return error_info{errc::reserved_range, 1};
  return number;
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORPORATE_NUMBER_HPP
