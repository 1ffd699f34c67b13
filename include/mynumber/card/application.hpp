// File: card/application.hpp — the chip applications (AP) of the My Number Card (個人番号カード),
// their elementary files (EF) and the credentials that open each file.
// The layout is community reverse engineering (no J-LIS specification is public); every entry
// cites the fact base card_jpki.md §1.1–1.5. Entries marked [1] rest on one source only.
#ifndef MYNUMBER_CARD_APPLICATION_HPP
#define MYNUMBER_CARD_APPLICATION_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

enum class application_id : std::uint8_t {
  jpki = 1,    // 公的個人認証AP (JPKI-AP)
  text = 2,    // 券面事項入力補助AP ("text AP")
  visual = 3,  // 券面事項確認AP ("visual AP")
  juki = 4,    // 住基AP
};

struct application {
  application_id id;
  std::string_view name_ja;
  std::string_view name_en;
  std::array<std::uint8_t, 10> aid;
};

// AIDs (card_jpki.md §1.1, [C]).
inline constexpr application jpki_ap{application_id::jpki,
                                     "公的個人認証AP",
                                     "JPKI application",
                                     {0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}};
inline constexpr application text_ap{application_id::text,
                                     "券面事項入力補助AP",
                                     "input-support (text) application",
                                     {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08}};
inline constexpr application visual_ap{application_id::visual,
                                       "券面事項確認AP",
                                       "card-face (visual) application",
                                       {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02}};
inline constexpr application juki_ap{application_id::juki,
                                     "住基AP",
                                     "resident-registry application",
                                     {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01}};

inline constexpr std::array<const application*, 4> applications{&jpki_ap, &text_ap, &visual_ap, &juki_ap};

[[nodiscard]] constexpr const application& get(application_id id) noexcept {
  return *applications[static_cast<std::size_t>(static_cast<std::uint8_t>(id) - 1)];
}

// Every credential (key reference) the card holds. One bit each, so access conditions are masks.
enum class pin_kind : std::uint16_t {
  jpki_auth = 1u << 0,      // 利用者証明用暗証番号 (JPKI EF 0018)
  jpki_sign = 1u << 1,      // 署名用パスワード (JPKI EF 001B)
  text_pin = 1u << 2,       // 券面事項入力補助用暗証番号 (text EF 0011)
  text_code_a = 1u << 3,    // 照合番号A = the 12-digit 個人番号 (text EF 0014)
  text_code_b = 1u << 4,    // 照合番号B (text EF 0015)
  visual_birth = 1u << 5,   // 生年月日 key, 和暦 YYMMDD (visual EF 0011)
  visual_code_b = 1u << 6,  // 照合番号B (visual EF 0012)
  visual_code_a = 1u << 7,  // 照合番号A (visual EF 0013)
  juki_pin = 1u << 8,       // 住民基本台帳用暗証番号 (住基AP EF 001C)
};

// Which credentials open a file: `none` = readable without any VERIFY; otherwise a VERIFY of
// any one credential in the mask opens it.
struct access_condition {
  std::uint16_t any_of = 0;

  [[nodiscard]] static constexpr access_condition free() noexcept { return {}; }
  [[nodiscard]] constexpr bool is_free() const noexcept { return any_of == 0; }
  [[nodiscard]] constexpr bool opened_by(pin_kind k) const noexcept {
    return (any_of & static_cast<std::uint16_t>(k)) != 0;
  }
};
[[nodiscard]] constexpr access_condition operator|(pin_kind a, pin_kind b) noexcept {
  return access_condition{static_cast<std::uint16_t>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b))};
}
[[nodiscard]] constexpr access_condition needs(pin_kind k) noexcept {
  return access_condition{static_cast<std::uint16_t>(k)};
}

enum class file_kind : std::uint8_t { data, certificate, private_key, pin };

struct elementary_file {
  application_id ap;
  std::uint16_t id;
  file_kind kind;
  access_condition read;     // for private keys: the credential that allows signing
  std::string_view content;  // what the file holds, with its Japanese name
};

namespace ef {
// JPKI-AP (card_jpki.md §1.2).
inline constexpr elementary_file jpki_sign_certificate{application_id::jpki, 0x0001, file_kind::certificate,
                                                       needs(pin_kind::jpki_sign), "署名用電子証明書 (DER)"};
inline constexpr elementary_file jpki_sign_ca{application_id::jpki, 0x0002, file_kind::certificate,
                                              access_condition::free(), "署名用 CA certificate"};
inline constexpr elementary_file jpki_token_info{application_id::jpki, 0x0006, file_kind::data,
                                                 access_condition::free(), "token info (label JPKIAPICCTOKEN2)"};
inline constexpr elementary_file jpki_cert_availability{application_id::jpki, 0x0008, file_kind::data,
                                                        access_condition::free(), "certificate availability [1]"};
inline constexpr elementary_file jpki_auth_certificate{application_id::jpki, 0x000A, file_kind::certificate,
                                                       access_condition::free(), "利用者証明用電子証明書 (DER)"};
inline constexpr elementary_file jpki_auth_ca{application_id::jpki, 0x000B, file_kind::certificate,
                                              access_condition::free(), "利用者証明用 CA certificate"};
inline constexpr elementary_file jpki_auth_key{application_id::jpki, 0x0017, file_kind::private_key,
                                               needs(pin_kind::jpki_auth), "利用者証明用 private key"};
inline constexpr elementary_file jpki_auth_pin{application_id::jpki, 0x0018, file_kind::pin, access_condition::free(),
                                               "利用者証明用暗証番号"};
inline constexpr elementary_file jpki_sign_key{application_id::jpki, 0x001A, file_kind::private_key,
                                               needs(pin_kind::jpki_sign), "署名用 private key"};
inline constexpr elementary_file jpki_sign_pin{application_id::jpki, 0x001B, file_kind::pin, access_condition::free(),
                                               "署名用パスワード"};
// 券面事項入力補助AP (§1.3). The PIN opens both data files; 照合番号A only the number,
// 照合番号B only the four attributes.
inline constexpr elementary_file text_my_number{application_id::text, 0x0001, file_kind::data,
                                                pin_kind::text_pin | pin_kind::text_code_a, "個人番号 (FF10)"};
inline constexpr elementary_file text_attributes{application_id::text, 0x0002, file_kind::data,
                                                 pin_kind::text_pin | pin_kind::text_code_b, "基本4情報 (FF20)"};
inline constexpr elementary_file text_pin{application_id::text, 0x0011, file_kind::pin, access_condition::free(),
                                          "券面事項入力補助用暗証番号"};
inline constexpr elementary_file text_code_a{application_id::text, 0x0014, file_kind::pin, access_condition::free(),
                                             "照合番号A"};
inline constexpr elementary_file text_code_b{application_id::text, 0x0015, file_kind::pin, access_condition::free(),
                                             "照合番号B"};
// 券面事項確認AP (§1.4).
inline constexpr elementary_file visual_face{application_id::visual, 0x0002, file_kind::data,
                                             pin_kind::visual_code_a | pin_kind::visual_code_b, "券面 (FF20)"};
inline constexpr elementary_file visual_basic_info{application_id::visual, 0x0003, file_kind::data,
                                                   access_condition::free(), "AP basic info (FF30)"};
inline constexpr elementary_file visual_number_image{application_id::visual, 0x0005, file_kind::data,
                                                     needs(pin_kind::visual_code_a), "個人番号 image (FF40)"};
inline constexpr elementary_file visual_birth_key{application_id::visual, 0x0011, file_kind::pin,
                                                  access_condition::free(), "生年月日 key"};
inline constexpr elementary_file visual_code_b{application_id::visual, 0x0012, file_kind::pin, access_condition::free(),
                                               "照合番号B"};
inline constexpr elementary_file visual_code_a{application_id::visual, 0x0013, file_kind::pin, access_condition::free(),
                                               "照合番号A"};
// 住基AP (§1.5, [1]).
inline constexpr elementary_file juki_pin{application_id::juki, 0x001C, file_kind::pin, access_condition::free(),
                                          "住民基本台帳用暗証番号"};
}  // namespace ef

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_APPLICATION_HPP
