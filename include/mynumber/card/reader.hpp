// File: card/reader.hpp — high-level My Number Card operations over any transport: PIN status,
// the 個人番号 and 基本4情報 of the 券面事項入力補助AP, the JPKI certificates, signing and PIN
// change.
//
// Lockout safety: every VERIFY is preceded by the empty VERIFY (which reports the tries left
// without using one). A blocked credential is reported as errc::pin_blocked without sending
// anything; when exactly one try is left the reader refuses with errc::lockout_guard unless the
// caller set verify_options::allow_last_try. PIN formats are checked before any APDU is sent.
// Transport failures (card removed, reader gone, timeout) come back as typed errors at once; the
// reader never retries a command.
//
// With the jpki module (MYNUMBER_CARD_HAS_JPKI) the certificate calls return
// mynumber::jpki::certificate; the *_der calls are always available.
#ifndef MYNUMBER_CARD_READER_HPP
#define MYNUMBER_CARD_READER_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../config.hpp"
#include "../detail/secure_wipe.hpp"
#include "../error.hpp"
#include "../individual_number.hpp"
#include "../result.hpp"
#include "apdu.hpp"
#include "application.hpp"
#include "pin.hpp"
#include "tlv.hpp"
#include "transport.hpp"

#if defined(MYNUMBER_CARD_HAS_JPKI)
#include "../jpki/certificate.hpp"
#endif

MYNUMBER_BEGIN_NAMESPACE
namespace card {

struct pin_status {
  pin_kind kind = pin_kind::jpki_auth;
  std::optional<int> tries_left{};  // none when the card answered 9000 (already verified)
  bool verified = false;            // the card reported the credential as verified

  [[nodiscard]] bool blocked() const noexcept { return tries_left && *tries_left == 0; }
};

struct verify_options {
  // Let a VERIFY use the very last try (a wrong value then blocks the credential).
  bool allow_last_try = false;
};

// A credential that opens 基本4情報 (text AP EF 0002): the 4-digit PIN or 照合番号B.
struct text_credential {
  pin_kind kind = pin_kind::text_pin;
  std::string value{};

  [[nodiscard]] static text_credential pin(std::string_view v) { return {pin_kind::text_pin, std::string(v)}; }
  [[nodiscard]] static text_credential code_b(std::string_view v) { return {pin_kind::text_code_b, std::string(v)}; }
  text_credential() = default;
  text_credential(pin_kind k, std::string v) : kind(k), value(std::move(v)) {}
  text_credential(const text_credential&) = default;
  text_credential(text_credential&&) noexcept = default;
  text_credential& operator=(const text_credential&) = default;
  text_credential& operator=(text_credential&&) noexcept = default;
  ~text_credential() { mynumber::detail::secure_wipe(value.data(), value.size()); }
};

enum class certificate_slot : std::uint8_t {
  authentication,     // 利用者証明用電子証明書, EF 000A, free
  authentication_ca,  // EF 000B, free
  signature,          // 署名用電子証明書, EF 0001, needs the 署名用パスワード
  signature_ca,       // EF 0002, free
};

[[nodiscard]] constexpr const elementary_file& file_of(certificate_slot s) noexcept {
  switch (s) {
    case certificate_slot::authentication: return ef::jpki_auth_certificate;
    case certificate_slot::authentication_ca: return ef::jpki_auth_ca;
    case certificate_slot::signature: return ef::jpki_sign_certificate;
    case certificate_slot::signature_ca: return ef::jpki_sign_ca;
  }
  return ef::jpki_auth_certificate;
}

struct reader_options {
  std::size_t chunk = 256;  // READ BINARY size per APDU, 1..256
};

class reader {
 public:
  explicit reader(transport& link, reader_options options = {}) noexcept : link_(&link), options_(options) {
    if (options_.chunk == 0 || options_.chunk > 256) options_.chunk = 256;
  }

  // Tries left for a credential, read with the empty VERIFY (no try is used).
  [[nodiscard]] result<pin_status> try_pin_status(pin_kind kind) {
    const pin_spec& s = spec(kind);
    if (auto ok = select(get(s.file->ap), s.file->id); !ok) return ok.error();
    auto resp = exchange(*link_, apdu::verify_status());
    if (!resp) return resp.error();
    pin_status st;
    st.kind = kind;
    if (resp->sw == 0x9000) {
      st.verified = true;
      return st;
    }
    if (auto n = tries_left(resp->sw)) {
      st.tries_left = *n;
      return st;
    }
    return check_status(resp->sw, "VERIFY (status)").error();
  }
  [[nodiscard]] pin_status pin_status_of(pin_kind kind) { return try_pin_status(kind).value(); }

  // VERIFY `value` for `kind`, guarded as described at the top of this file.
  [[nodiscard]] result<void> try_verify(pin_kind kind, std::string_view value, verify_options options = {}) {
    auto prepared = prepare_pin(kind, value);
    if (!prepared) return prepared.error();
    auto status = try_pin_status(kind);  // also selects the AP and the key EF
    if (!status) return status.error();
    if (status->verified) return {};  // already open in this session: no try is spent
    if (status->blocked()) {
      return error_info{errc::pin_blocked, no_position, -1, std::string(spec(kind).name_en) + " is blocked"};
    }
    if (status->tries_left && *status->tries_left == 1 && !options.allow_last_try) {
      return error_info{errc::lockout_guard, no_position, -1,
                        std::string(spec(kind).name_en) + " has one try left; set allow_last_try to use it"};
    }
    auto cmd = apdu::try_verify(*prepared);
    mynumber::detail::secure_wipe(prepared->data(), prepared->size());
    if (!cmd) return cmd.error();
    auto resp = exchange(*link_, *cmd);
    if (!resp) return resp.error();
    return check_status(resp->sw, "VERIFY " + std::string(spec(kind).name_en));
  }

  // The 個人番号 from text-AP EF 0001, opened by the 4-digit input-support PIN.
  [[nodiscard]] result<individual_number> try_read_my_number(std::string_view pin, verify_options options = {}) {
    if (auto ok = try_verify(pin_kind::text_pin, pin, options); !ok) return ok.error();
    if (auto ok = select(text_ap, ef::text_my_number.id); !ok) return ok.error();
    auto raw = read_binary(0, 17);
    if (!raw) return raw.error();
    return try_parse_my_number_record(*raw);
  }
  [[nodiscard]] individual_number read_my_number(std::string_view pin, verify_options options = {}) {
    return try_read_my_number(pin, options).value();
  }

  // 基本4情報 from text-AP EF 0002, opened by the PIN or 照合番号B.
  [[nodiscard]] result<basic_info> try_read_basic_info(const text_credential& credential, verify_options options = {}) {
    if (credential.kind != pin_kind::text_pin && credential.kind != pin_kind::text_code_b) {
      return error_info{errc::invalid_argument, no_position, -1,
                        "基本4情報 opens with the input-support PIN or 照合番号B"};
    }
    if (auto ok = try_verify(credential.kind, credential.value, options); !ok) return ok.error();
    if (auto ok = select(text_ap, ef::text_attributes.id); !ok) return ok.error();
    auto head = read_binary(0, 8);
    if (!head) return head.error();
    auto total = tlv_record_size(*head);
    if (!total) return total.error();
    auto raw = read_rest(std::move(*head), *total);
    if (!raw) return raw.error();
    return try_parse_basic_info(*raw);
  }
  [[nodiscard]] basic_info read_basic_info(const text_credential& credential, verify_options options = {}) {
    return try_read_basic_info(credential, options).value();
  }

  // A certificate EF as DER. The signature slot needs `password` (署名用パスワード); the other
  // slots ignore it.
  [[nodiscard]] result<std::vector<std::uint8_t>> try_read_certificate_der(certificate_slot slot,
                                                                           std::string_view password = {},
                                                                           verify_options options = {}) {
    if (slot == certificate_slot::signature) {
      if (auto ok = try_verify(pin_kind::jpki_sign, password, options); !ok) return ok.error();
    }
    if (auto ok = select(jpki_ap, file_of(slot).id); !ok) return ok.error();
    auto head = read_binary(0, 4);
    if (!head) return head.error();
    auto total = try_der_total_size(*head);
    if (!total) return total.error();
    return read_rest(std::move(*head), *total);
  }

  // PKCS#1 v1.5 signature (256 bytes) over `digest` with the 署名用 key (opened by the password)
  // or, for `use_auth_key`, the 利用者証明用 key (opened by the 4-digit PIN).
  [[nodiscard]] result<std::vector<std::uint8_t>> try_sign(std::string_view secret, hash_algorithm hash,
                                                           const std::vector<std::uint8_t>& digest,
                                                           verify_options options = {}, bool use_auth_key = false) {
    auto info = try_digest_info(hash, digest);
    if (!info) return info.error();
    const pin_kind kind = use_auth_key ? pin_kind::jpki_auth : pin_kind::jpki_sign;
    if (auto ok = try_verify(kind, secret, options); !ok) return ok.error();
    const elementary_file& key = use_auth_key ? ef::jpki_auth_key : ef::jpki_sign_key;
    if (auto ok = select(jpki_ap, key.id); !ok) return ok.error();
    auto cmd = apdu::try_compute_digital_signature(*info);
    if (!cmd) return cmd.error();
    return exchange_ok(*link_, *cmd);
  }
  [[nodiscard]] std::vector<std::uint8_t> sign(std::string_view password, hash_algorithm hash,
                                               const std::vector<std::uint8_t>& digest, verify_options options = {}) {
    return try_sign(password, hash, digest, options).value();
  }

  // CHANGE REFERENCE DATA after a guarded VERIFY of `old_value`. Supported for the JPKI PIN and
  // password and the input-support PIN (card_jpki.md §1.6; other credentials: not_supported).
  [[nodiscard]] result<void> try_change_pin(pin_kind kind, std::string_view old_value, std::string_view new_value,
                                            verify_options options = {}) {
    if (kind != pin_kind::jpki_auth && kind != pin_kind::jpki_sign && kind != pin_kind::text_pin) {
      return error_info{errc::not_supported, no_position, -1, "only the JPKI PIN/password and the input-support PIN"};
    }
    auto fresh = prepare_pin(kind, new_value);
    if (!fresh) return fresh.error();
    if (auto ok = try_verify(kind, old_value, options); !ok) return ok.error();
    auto cmd = apdu::try_change_reference_data(*fresh);
    mynumber::detail::secure_wipe(fresh->data(), fresh->size());
    if (!cmd) return cmd.error();
    auto resp = exchange(*link_, *cmd);
    if (!resp) return resp.error();
    return check_status(resp->sw, "CHANGE REFERENCE DATA");
  }

  // Reads `length` bytes of the current EF from `offset` in chunks. Stops early (without error)
  // when the card signals the end of the file with a short answer.
  [[nodiscard]] result<std::vector<std::uint8_t>> read_binary(std::size_t offset, std::size_t length) {
    std::vector<std::uint8_t> out;
    while (out.size() < length) {
      const std::size_t want = std::min(options_.chunk, length - out.size());
      auto cmd = apdu::try_read_binary(offset + out.size(), want);
      if (!cmd) return cmd.error();
      auto data = exchange_ok(*link_, *cmd, "READ BINARY");
      if (!data) return data.error();
      if (data->size() > want)
        return error_info{errc::apdu_malformed, no_position, -1, "READ BINARY returned more than Le"};
      out.insert(out.end(), data->begin(), data->end());
      if (data->size() < want) break;
    }
    return out;
  }

  [[nodiscard]] result<void> select(const application& ap, std::uint16_t ef_id) {
    if (auto ok = exchange_ok(*link_, apdu::select_application(ap), "SELECT " + std::string(ap.name_en)); !ok) {
      return ok.error();
    }
    if (auto ok = exchange_ok(*link_, apdu::select_ef(ef_id), "SELECT EF " + sw_hex(ef_id)); !ok) return ok.error();
    return {};
  }

#if defined(MYNUMBER_CARD_HAS_JPKI)
  // 利用者証明用電子証明書 as the jpki module's certificate (no PIN needed).
  [[nodiscard]] result<jpki::certificate> try_read_auth_certificate() {
    return as_certificate(try_read_certificate_der(certificate_slot::authentication));
  }
  [[nodiscard]] jpki::certificate read_auth_certificate() { return try_read_auth_certificate().value(); }
  // 署名用電子証明書 (needs the 署名用パスワード).
  [[nodiscard]] result<jpki::certificate> try_read_signature_certificate(std::string_view password,
                                                                         verify_options options = {}) {
    return as_certificate(try_read_certificate_der(certificate_slot::signature, password, options));
  }
  [[nodiscard]] jpki::certificate read_signature_certificate(std::string_view password, verify_options options = {}) {
    return try_read_signature_certificate(password, options).value();
  }
  [[nodiscard]] result<jpki::certificate> try_read_ca_certificate(certificate_slot slot) {
    if (slot != certificate_slot::authentication_ca && slot != certificate_slot::signature_ca) {
      return error_info{errc::invalid_argument, no_position, -1, "not a CA slot"};
    }
    return as_certificate(try_read_certificate_der(slot));
  }
#endif

 private:
#if defined(MYNUMBER_CARD_HAS_JPKI)
  [[nodiscard]] static result<jpki::certificate> as_certificate(result<std::vector<std::uint8_t>> der) {
    if (!der) return der.error();
    return jpki::certificate::try_from_der(std::string_view(reinterpret_cast<const char*>(der->data()), der->size()));
  }
#endif

  // Size of a record whose first bytes hold the FF20 tag (possibly after a short prefix).
  [[nodiscard]] static result<std::size_t> tlv_record_size(const std::vector<std::uint8_t>& head) {
    std::size_t s = 0;
    while (s + 1 < head.size() && !(head[s] == 0xFF && head[s + 1] == 0x20)) ++s;
    if (s + 3 > head.size()) return error_info{errc::tlv_malformed, 0, -1, "no FF20 record header"};
    const std::uint8_t l0 = head[s + 2];
    if (l0 < 0x80) return s + 3 + l0;
    const std::size_t count = l0 & 0x7Fu;
    if (count == 0 || count > 2 || s + 3 + count > head.size()) {
      return error_info{errc::tlv_malformed, s + 2, -1, "unsupported FF20 length form"};
    }
    std::size_t length = 0;
    for (std::size_t k = 0; k < count; ++k) length = (length << 8) | head[s + 3 + k];
    return s + 3 + count + length;
  }

  [[nodiscard]] result<std::vector<std::uint8_t>> read_rest(std::vector<std::uint8_t> head, std::size_t total) {
    if (total > 0x8000) return error_info{errc::tlv_malformed, 0, -1, "record larger than a 15-bit offset allows"};
    if (head.size() >= total) {
      head.resize(total);
      return head;
    }
    auto rest = read_binary(head.size(), total - head.size());
    if (!rest) return rest.error();
    head.insert(head.end(), rest->begin(), rest->end());
    if (head.size() != total)
      return error_info{errc::tlv_malformed, head.size(), -1, "file shorter than its header says"};
    return head;
  }

  transport* link_;
  reader_options options_;
};

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_READER_HPP
