// File: jpki/oids.hpp — JPKI object identifiers, distinguished-name markers and the certificate
// kinds. Every value is listed with its public source in data/jpki/profile_oids.tsv; [C] marks two
// or more independent sources, [1] one source only.
#ifndef MYNUMBER_JPKI_OIDS_HPP
#define MYNUMBER_JPKI_OIDS_HPP

#include <string_view>

#include "../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

namespace oid {
// certificatePolicies (§2.2).
inline constexpr std::string_view policy_sign = "1.2.392.200149.8.5.1.1.20";       // production [C]
inline constexpr std::string_view policy_sign_test = "1.2.392.200149.8.5.1.0.20";  // test cards [C]
inline constexpr std::string_view policy_auth = "1.2.392.200149.8.5.1.3.30";       // [1], UNCONFIRMED
// subjectAltName otherName type-ids of the signature certificate (§2.2) [C].
inline constexpr std::string_view san_name = "1.2.392.200149.8.5.5.1";              // 氏名
inline constexpr std::string_view san_name_substitutes = "1.2.392.200149.8.5.5.2";  // 氏名代替文字の使用位置情報
inline constexpr std::string_view san_sex = "1.2.392.200149.8.5.5.3";               // 性別
inline constexpr std::string_view san_birth_date = "1.2.392.200149.8.5.5.4";        // 生年月日
inline constexpr std::string_view san_address = "1.2.392.200149.8.5.5.5";           // 住所
inline constexpr std::string_view san_address_substitutes = "1.2.392.200149.8.5.5.6";  // 住所代替文字の使用位置情報
// The J-LIS arc 1.2.392.200149; its personal-data branch .8.5.5.
inline constexpr std::string_view jpki_arc = "1.2.392.200149.";
inline constexpr std::string_view personal_data_arc = "1.2.392.200149.8.5.5.";
}  // namespace oid

// Distinguished-name values of the two CAs (issuer of end-entities, subject of the roots) [C].
namespace dn {
inline constexpr std::string_view organization = "JPKI";
inline constexpr std::string_view organization_test = "JPKI-TEST";
inline constexpr std::string_view unit_sign = "JPKI for digital signature";
inline constexpr std::string_view unit_auth = "JPKI for user authentication";
inline constexpr std::string_view unit_agency = "Japan Agency for Local Authority Information Systems";
}  // namespace dn

// What a certificate is, from the relying party's point of view.
enum class certificate_kind : int {
  not_jpki = 0,
  signature = 1,       // 署名用電子証明書 (JPKI-AP EF 0001)
  authentication = 2,  // 利用者証明用電子証明書 (JPKI-AP EF 000A)
  ca = 3,              // a JPKI CA certificate (root)
};

[[nodiscard]] constexpr std::string_view to_string(certificate_kind k) noexcept {
  switch (k) {
    case certificate_kind::signature: return "signature";
    case certificate_kind::authentication: return "authentication";
    case certificate_kind::ca: return "ca";
    case certificate_kind::not_jpki: break;
  }
  return "not_jpki";
}

[[nodiscard]] constexpr std::string_view japanese_name(certificate_kind k) noexcept {
  switch (k) {
    case certificate_kind::signature: return "署名用電子証明書";
    case certificate_kind::authentication: return "利用者証明用電子証明書";
    case certificate_kind::ca: return "認証局証明書";
    case certificate_kind::not_jpki: break;
  }
  return "JPKI以外";
}

// The service a JPKI CA or certificate belongs to.
enum class jpki_purpose : int { none = 0, signature = 1, authentication = 2 };

[[nodiscard]] constexpr std::string_view to_string(jpki_purpose p) noexcept {
  switch (p) {
    case jpki_purpose::signature: return "signature";
    case jpki_purpose::authentication: return "authentication";
    case jpki_purpose::none: break;
  }
  return "none";
}

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_OIDS_HPP
