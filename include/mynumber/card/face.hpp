// File: card/face.hpp — what is printed on the card (券面, card_jpki.md §4) and 照合番号B.
// Front: 氏名, 住所, 生年月日 (和暦 for Japanese nationals, 西暦 for foreign residents), 性別,
// 顔写真, 有効期限, セキュリティコード. Back: the 12-digit 個人番号, held here as an
// individual_number whose every default string form is masked.
#ifndef MYNUMBER_CARD_FACE_HPP
#define MYNUMBER_CARD_FACE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../config.hpp"
#include "../date.hpp"
#include "../error.hpp"
#include "../individual_number.hpp"
#include "../result.hpp"
#include "../wareki.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

// The sex digit exactly as the chip stores it. Peers disagree on the codes beyond 1 and 2
// (myna: 9 = 適用不能; tex2e: 3 = その他; JIS X 0303: 0/1/2/9), so the raw digit is kept and
// only 1 and 2 are named (card_jpki.md §1.3).
struct sex_code {
  char digit = '0';

  [[nodiscard]] constexpr bool is_male() const noexcept { return digit == '1'; }
  [[nodiscard]] constexpr bool is_female() const noexcept { return digit == '2'; }
  // "男" / "女", or "コード<d>" for the codes whose meaning is UNCONFIRMED.
  [[nodiscard]] std::string label_ja() const {
    if (is_male()) return "男";
    if (is_female()) return "女";
    return std::string("コード") + digit;
  }
  friend constexpr bool operator==(sex_code a, sex_code b) noexcept { return a.digit == b.digit; }
};

enum class nationality : std::uint8_t { japanese, foreign };

// The printed card face. `number` is the 個人番号 on the back (masked when printed).
struct card_face {
  std::string name;     // 氏名 (surname U+3000 given name)
  std::string address;  // 住所
  civil_date birth;     // 生年月日
  nationality holder = nationality::japanese;
  sex_code sex{};                             // 性別 (dropped from the face of the next-generation card)
  civil_date expiry;                          // 有効期限 (last valid day)
  std::string security_code;                  // セキュリティコード, 4 digits
  std::vector<std::uint8_t> photo;            // 顔写真 (JPEG 2000 on the chip)
  std::optional<individual_number> number{};  // 個人番号 on the back
};

// The birth date as printed: 「平成元年3月31日生」 for Japanese nationals (和暦),
// 「1989年3月31日生」 for foreign residents (西暦).
[[nodiscard]] inline result<std::string> try_birth_date_label(const civil_date& birth, nationality holder) {
  if (holder == nationality::foreign) {
    if (!birth.valid()) return error_info{errc::invalid_date, no_position, -1, "no such calendar day"};
    return std::to_string(birth.year()) + "年" + std::to_string(birth.month()) + "月" + std::to_string(birth.day()) +
           "日生";
  }
  auto w = try_to_wareki(birth);
  if (!w) return w.error();
  return w->to_string() + "生";
}

// The expiry as printed: 「2035年2月17日まで有効」.
[[nodiscard]] inline std::string expiry_label(const civil_date& last_day) {
  return std::to_string(last_day.year()) + "年" + std::to_string(last_day.month()) + "月" +
         std::to_string(last_day.day()) + "日まで有効";
}

// How the first six digits of 照合番号B spell the birth date.
enum class birth_calendar : std::uint8_t {
  wareki,     // 和暦 YYMMDD (confirmed on a real card: 昭和55年2月17日 → "550217")
  gregorian,  // 西暦 YYMMDD: assumed for foreign residents, UNCONFIRMED
};

// 照合番号B (card_jpki.md §1.6, [C]): birth date as YYMMDD (和暦 by default) + the card's expiry
// year in 西暦 (4 digits) + the 4-digit セキュリティコード = 14 ASCII digits. Example from the
// fact base: 1980-02-17, expiry 2035, code 2285 → "55021720352285".
// Errors: errc::invalid_date (birth before 明治 or not a date, expiry year outside 1000–9999),
// errc::pin_format (security code not 4 digits; position of the bad character).
[[nodiscard]] inline result<std::string> try_verification_code_b(const civil_date& birth, int expiry_year,
                                                                 std::string_view security_code,
                                                                 birth_calendar calendar = birth_calendar::wareki) {
  if (security_code.size() != 4) {
    return error_info{errc::pin_format, no_position, -1, "the security code has 4 digits"};
  }
  for (std::size_t i = 0; i < security_code.size(); ++i) {
    if (security_code[i] < '0' || security_code[i] > '9') {
      return error_info{errc::pin_format, i, -1, "the security code takes digits only"};
    }
  }
  if (expiry_year < 1000 || expiry_year > 9999) {
    return error_info{errc::invalid_date, no_position, -1, "expiry year must have 4 digits"};
  }
  std::string out;
  if (calendar == birth_calendar::wareki) {
    auto w = try_to_wareki(birth);
    if (!w) return w.error();
    if (w->year > 99) return error_info{errc::invalid_date, no_position, -1, "era year above 99"};
    out = w->to_yymmdd();
  } else {
    if (!birth.valid()) return error_info{errc::invalid_date, no_position, -1, "no such calendar day"};
    out = birth.to_basic_string().substr(2);
  }
  out += std::to_string(expiry_year);
  out += security_code;
  return out;
}
[[nodiscard]] inline std::string verification_code_b(const civil_date& birth, int expiry_year,
                                                     std::string_view security_code,
                                                     birth_calendar calendar = birth_calendar::wareki) {
  return try_verification_code_b(birth, expiry_year, security_code, calendar).value();
}

// 照合番号B from a card face (和暦 for Japanese nationals, 西暦 for foreign residents).
[[nodiscard]] inline result<std::string> try_verification_code_b(const card_face& face) {
  return try_verification_code_b(
      face.birth, face.expiry.year(), face.security_code,
      face.holder == nationality::japanese ? birth_calendar::wareki : birth_calendar::gregorian);
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_FACE_HPP
