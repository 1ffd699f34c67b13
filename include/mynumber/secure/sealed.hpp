// File: secure/sealed.hpp — sealed storage: an Individual Number (or any secret) encrypted with
// AES-256-GCM and bound to the id of the record that holds it.
//
// An encrypted number is still a My Number (PPC FAQ Q9-2): sealing is a safe-management measure
// (技術的安全管理措置, 情報漏えい等の防止: データの暗号化), not a way out of the Act.
//
// Binary format, version 1:
//   offset 0       version (0x01)
//   offset 1       L = key id length (1–64)
//   offset 2       key id (L bytes, [A-Za-z0-9_-])
//   offset 2+L     nonce (12 random bytes)
//   offset 14+L    ciphertext (as long as the plaintext), then the 16-byte GCM tag
// Associated data = "mynumber/sealed/v1" 0x00 || bytes 0..2+L (header) || record id, so the
// version, the key id and the record id are all authenticated: a value copied to another record,
// or with any byte changed, fails with errc::tamper_detected. Text form: "mns1." followed by the
// unpadded base64url of the binary form.
// Rotation (reseal) decrypts with the key the header names and encrypts under the ring's current
// key with a fresh nonce.
#ifndef MYNUMBER_SECURE_SEALED_HPP
#define MYNUMBER_SECURE_SEALED_HPP

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "../individual_number.hpp"
#include "../result.hpp"
#include "detail/crypto.hpp"
#include "detail/encoding.hpp"
#include "detail/screen.hpp"
#include "key.hpp"
#include "secret.hpp"

MYNUMBER_BEGIN_NAMESPACE

inline constexpr std::uint8_t sealed_format_version = 1;
inline constexpr std::string_view sealed_text_prefix = "mns1.";
inline constexpr std::size_t record_id_max_length = 1024;

namespace detail {
using namespace std::string_view_literals;
inline constexpr std::string_view sealed_aad_label = "mynumber/sealed/v1\0"sv;  // NUL included
}  // namespace detail

// Checks a record id: 1–1024 bytes, and not itself an Individual Number (a record id is written
// to audit logs, which must never hold one).
[[nodiscard]] inline result<void> validate_record_id(std::string_view record_id) {
  if (record_id.empty()) return error_info{errc::invalid_argument, no_position, -1, "record id is empty"};
  if (record_id.size() > record_id_max_length) {
    return error_info{errc::invalid_argument, no_position, -1, "record id longer than 1024 bytes"};
  }
  if (const std::size_t at = detail::find_individual_number(record_id); at != no_position) {
    return error_info{errc::invalid_argument, at, -1, "record id contains an Individual Number"};
  }
  return {};
}

// A sealed value: validated framing, opaque content.
class sealed_value {
 public:
  [[nodiscard]] const std::string& key_id() const noexcept { return key_id_; }
  [[nodiscard]] std::uint8_t version() const noexcept { return sealed_format_version; }
  [[nodiscard]] const detail::bytes& to_bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::string to_text() const {
    return std::string(sealed_text_prefix) + detail::to_base64url(bytes_.data(), bytes_.size());
  }

  // Checks the framing (not the tag: that needs the key, see try_unseal). Malformed framing is
  // errc::tamper_detected with the byte offset; an unknown version errc::format_version.
  [[nodiscard]] static result<sealed_value> try_from_bytes(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return error_info{errc::tamper_detected, 0, -1, "empty sealed value"};
    if (data[0] != sealed_format_version) return error_info{errc::format_version, 0, -1, "sealed value version"};
    if (size < 2) return error_info{errc::tamper_detected, 1, -1, "truncated sealed value"};
    const std::size_t id_size = data[1];
    const std::size_t minimum = 2 + id_size + detail::gcm_nonce_size + detail::gcm_tag_size;
    if (size < minimum) return error_info{errc::tamper_detected, 1, -1, "sealed value shorter than its header says"};
    const std::string_view id(reinterpret_cast<const char*>(data + 2), id_size);
    if (auto v = validate_key_id(id); !v) {
      return error_info{errc::tamper_detected, 2 + (v.error().position == no_position ? 0 : v.error().position), -1,
                        "sealed value key id: " + v.error().detail};
    }
    return sealed_value(std::string(id), detail::bytes(data, data + size));
  }
  [[nodiscard]] static result<sealed_value> try_from_bytes(const detail::bytes& b) {
    return try_from_bytes(b.data(), b.size());
  }

  // Parses "mns1.<base64url>"; errc::format_version for another "mnsN." prefix.
  [[nodiscard]] static result<sealed_value> try_parse(std::string_view text) {
    if (text.size() >= 5 && text.substr(0, 3) == "mns" && text[4] == '.' && text.substr(0, 5) != sealed_text_prefix) {
      return error_info{errc::format_version, 3, -1, "sealed value version"};
    }
    if (text.substr(0, sealed_text_prefix.size()) != sealed_text_prefix) {
      return error_info{errc::tamper_detected, 0, -1, "sealed value must start with \"mns1.\""};
    }
    const auto raw = detail::from_base64url(text.substr(sealed_text_prefix.size()));
    if (!raw) return error_info{errc::tamper_detected, sealed_text_prefix.size(), -1, "sealed value is not base64url"};
    return try_from_bytes(*raw);
  }
  [[nodiscard]] static sealed_value parse(std::string_view text) { return try_parse(text).value(); }

  friend bool operator==(const sealed_value& a, const sealed_value& b) noexcept { return a.bytes_ == b.bytes_; }
  friend bool operator!=(const sealed_value& a, const sealed_value& b) noexcept { return !(a == b); }
  // The text form (ciphertext only; no plaintext digit can appear in it).
  friend std::ostream& operator<<(std::ostream& os, const sealed_value& v) { return os << v.to_text(); }

 private:
  friend result<sealed_value> seal_bytes(const void*, std::size_t, std::string_view, const symmetric_key&);
  sealed_value(std::string key_id, detail::bytes bytes) : key_id_(std::move(key_id)), bytes_(std::move(bytes)) {}
  std::string key_id_;
  detail::bytes bytes_;
};

namespace detail {
[[nodiscard]] inline bytes sealed_aad(const std::uint8_t* header, std::size_t header_size, std::string_view record_id) {
  bytes aad(sealed_aad_label.begin(), sealed_aad_label.end());
  aad.insert(aad.end(), header, header + header_size);
  aad.insert(aad.end(), record_id.begin(), record_id.end());
  return aad;
}
}  // namespace detail

// Seals `size` bytes for `record_id` under `key` (a fresh random nonce each time).
[[nodiscard]] inline result<sealed_value> seal_bytes(const void* data, std::size_t size, std::string_view record_id,
                                                     const symmetric_key& key) {
  if (auto v = validate_record_id(record_id); !v) return v.error();
  detail::bytes out;
  out.reserve(2 + key.id().size() + detail::gcm_nonce_size + size + detail::gcm_tag_size);
  out.push_back(sealed_format_version);
  out.push_back(static_cast<std::uint8_t>(key.id().size()));
  out.insert(out.end(), key.id().begin(), key.id().end());
  const std::size_t header_size = out.size();
  out.resize(header_size + detail::gcm_nonce_size);
  if (auto r = detail::random_bytes(out.data() + header_size, detail::gcm_nonce_size); !r) return r.error();
  const detail::bytes aad = detail::sealed_aad(out.data(), header_size, record_id);
  // aes256gcm_seal appends to `out` and may reallocate it, so the nonce is passed as a copy.
  std::uint8_t nonce[detail::gcm_nonce_size];
  for (std::size_t i = 0; i < detail::gcm_nonce_size; ++i) nonce[i] = out[header_size + i];
  const secret& k = key.material();
  if (auto r =
          detail::aes256gcm_seal(detail::byte_span(k.data(), k.size()), nonce, aad, detail::byte_span(data, size), out);
      !r) {
    return r.error();
  }
  return sealed_value(key.id(), std::move(out));
}

// Seals the 12 digits of `number` for `record_id` under the ring's current key.
[[nodiscard]] inline result<sealed_value> try_seal(const individual_number& number, std::string_view record_id,
                                                   const key_ring& ring) {
  auto key = ring.try_current();
  if (!key) return key.error();
  const secret digits = reveal_into_secret(number);
  return seal_bytes(digits.data(), digits.size(), record_id, **key);
}
[[nodiscard]] inline sealed_value seal(const individual_number& number, std::string_view record_id,
                                       const key_ring& ring) {
  return try_seal(number, record_id, ring).value();
}

// Seals any secret (a PIN, a password) the same way.
[[nodiscard]] inline result<sealed_value> try_seal_secret(const secret& value, std::string_view record_id,
                                                          const key_ring& ring) {
  auto key = ring.try_current();
  if (!key) return key.error();
  return seal_bytes(value.data(), value.size(), record_id, **key);
}

// Opens a sealed value for `record_id` with the key its header names. errc::key_unknown if the
// ring lacks that key; errc::tamper_detected if the tag does not verify (edited bytes, another
// record id, or a different key under the same id).
[[nodiscard]] inline result<secret> try_unseal_secret(const sealed_value& sealed, std::string_view record_id,
                                                      const key_ring& ring) {
  if (auto v = validate_record_id(record_id); !v) return v.error();
  auto key = ring.try_get(sealed.key_id());
  if (!key) return key.error();
  const detail::bytes& b = sealed.to_bytes();
  const std::size_t header_size = 2 + sealed.key_id().size();
  const std::uint8_t* nonce = b.data() + header_size;
  const std::size_t body_at = header_size + detail::gcm_nonce_size;
  const detail::bytes aad = detail::sealed_aad(b.data(), header_size, record_id);
  const std::size_t text_size = b.size() - body_at - detail::gcm_tag_size;
  detail::bytes plain(text_size == 0 ? 1 : text_size);
  const secret& k = (*key)->material();
  auto opened = detail::aes256gcm_open(detail::byte_span(k.data(), k.size()), nonce, aad,
                                       detail::byte_span(b.data() + body_at, b.size() - body_at), plain.data());
  if (!opened) return opened.error();
  secret out(plain.data(), text_size);
  OPENSSL_cleanse(plain.data(), plain.size());
  return out;
}

// Opens a sealed Individual Number. Besides the errors of try_unseal_secret,
// errc::invalid_argument if the sealed content is not a valid number (it was sealed as something
// else).
[[nodiscard]] inline result<individual_number> try_unseal(const sealed_value& sealed, std::string_view record_id,
                                                          const key_ring& ring) {
  auto digits = try_unseal_secret(sealed, record_id, ring);
  if (!digits) return digits.error();
  auto number = try_individual_number_from_secret(*digits);
  if (!number)
    return error_info{errc::invalid_argument, no_position, -1, "the sealed content is not an Individual Number"};
  return number;
}
[[nodiscard]] inline individual_number unseal(const sealed_value& sealed, std::string_view record_id,
                                              const key_ring& ring) {
  return try_unseal(sealed, record_id, ring).value();
}

// Key rotation: opens with the key the header names and seals again under the current key.
[[nodiscard]] inline result<sealed_value> try_reseal(const sealed_value& sealed, std::string_view record_id,
                                                     const key_ring& ring) {
  auto content = try_unseal_secret(sealed, record_id, ring);
  if (!content) return content.error();
  return try_seal_secret(*content, record_id, ring);
}
[[nodiscard]] inline sealed_value reseal(const sealed_value& sealed, std::string_view record_id, const key_ring& ring) {
  return try_reseal(sealed, record_id, ring).value();
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_SEALED_HPP
