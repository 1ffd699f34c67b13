// File: card/pin.hpp — the card's PINs, passwords and 照合番号: where each lives, its format and
// its retry limit (card_jpki.md §1.6). Formats are checked here, before anything reaches the
// card, so a typo never costs a try. Error messages never repeat the PIN.
#ifndef MYNUMBER_CARD_PIN_HPP
#define MYNUMBER_CARD_PIN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../config.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "application.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

enum class pin_charset : std::uint8_t {
  digits,             // 0-9 only
  upper_alnum_mixed,  // A-Z and 0-9, at least one letter and one digit (署名用パスワード)
};

struct pin_spec {
  pin_kind kind;
  const elementary_file* file;  // the key reference VERIFY is sent to (SELECT EF first)
  std::string_view name_ja;
  std::string_view name_en;
  std::size_t min_length;
  std::size_t max_length;
  pin_charset charset;
  int max_tries;         // 0 = unknown
  bool tries_confirmed;  // false: the retry limit is UNCONFIRMED in the fact base
};

inline constexpr std::array<pin_spec, 9> pin_specs{{
    {pin_kind::jpki_auth, &ef::jpki_auth_pin, "利用者証明用電子証明書の暗証番号", "JPKI authentication PIN", 4, 4,
     pin_charset::digits, 3, true},
    {pin_kind::jpki_sign, &ef::jpki_sign_pin, "署名用電子証明書のパスワード", "JPKI signature password", 6, 16,
     pin_charset::upper_alnum_mixed, 5, true},
    {pin_kind::text_pin, &ef::text_pin, "券面事項入力補助用暗証番号", "input-support PIN", 4, 4, pin_charset::digits, 3,
     true},
    {pin_kind::text_code_a, &ef::text_code_a, "照合番号A (個人番号)", "verification code A (the Individual Number)", 12,
     12, pin_charset::digits, 0, false},
    {pin_kind::text_code_b, &ef::text_code_b, "照合番号B", "verification code B", 14, 14, pin_charset::digits, 10,
     false},
    {pin_kind::visual_birth, &ef::visual_birth_key, "生年月日 (和暦YYMMDD)", "birth-date key", 6, 6,
     pin_charset::digits, 0, false},
    {pin_kind::visual_code_b, &ef::visual_code_b, "照合番号B (券面事項確認AP)", "verification code B (visual AP)", 14,
     14, pin_charset::digits, 10, false},
    {pin_kind::visual_code_a, &ef::visual_code_a, "照合番号A (券面事項確認AP)", "verification code A (visual AP)", 12,
     12, pin_charset::digits, 0, false},
    {pin_kind::juki_pin, &ef::juki_pin, "住民基本台帳用暗証番号", "resident-registry PIN", 4, 4, pin_charset::digits, 3,
     true},
}};

[[nodiscard]] constexpr const pin_spec& spec(pin_kind kind) noexcept {
  for (const auto& s : pin_specs) {
    if (s.kind == kind) return s;
  }
  return pin_specs[0];  // unreachable for valid enumerators
}

// Checks `text` against the kind's format without echoing it. Errors: errc::pin_format with the
// position of the first bad character, or a detail naming the length rule.
[[nodiscard]] inline result<void> check_pin_format(pin_kind kind, std::string_view text) {
  const pin_spec& s = spec(kind);
  if (text.size() < s.min_length || text.size() > s.max_length) {
    std::string rule = s.min_length == s.max_length ? std::to_string(s.min_length)
                                                    : std::to_string(s.min_length) + "-" + std::to_string(s.max_length);
    return error_info{
        errc::pin_format, no_position, -1,
        std::string(s.name_en) + " must have " + rule + " characters, got " + std::to_string(text.size())};
  }
  bool letter = false;
  bool digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (s.charset == pin_charset::upper_alnum_mixed && c >= 'A' && c <= 'Z') {
      letter = true;
    } else {
      return error_info{errc::pin_format, i, -1,
                        std::string(s.name_en) +
                            (s.charset == pin_charset::digits ? " takes digits only" : " takes A-Z and 0-9 only")};
    }
  }
  if (s.charset == pin_charset::upper_alnum_mixed && !(letter && digit)) {
    return error_info{errc::pin_format, no_position, -1, std::string(s.name_en) + " needs a letter and a digit"};
  }
  return {};
}

// The bytes to send for `text`: the 署名用パスワード is upper-cased first (as myna does, since
// the card stores upper case only), then the format is checked.
[[nodiscard]] inline result<std::string> prepare_pin(pin_kind kind, std::string_view text) {
  std::string out(text);
  if (spec(kind).charset == pin_charset::upper_alnum_mixed) {
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  auto ok = check_pin_format(kind, out);
  if (!ok) return ok.error();
  return out;
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_PIN_HPP
