// File: secure/token.hpp — linkage tokens (符号-style pseudonyms): a deterministic, keyed stand-in
// for an Individual Number, so that records can be joined without storing the number itself.
//
// Tokens are NOT anonymisation. A token is computed from the number and used to single out the
// same person, so under PPC FAQ Q9-4 (irreversibly transformed numbers used for identification)
// it must be handled as 特定個人情報 exactly like the number: same access control, same
// retention and deletion rules (see docs/security.md). The gain is smaller: a leaked table of
// tokens does not reveal the numbers without the organisation key, and tokens of different
// linkage domains cannot be joined with each other.
//
// Derivation, format version 1 (test vectors in docs/security.md):
//   domain_key = HMAC-SHA256(organisation key, "mynumber/linkage-token/v1/domain" 0x00 domain)
//   mac        = HMAC-SHA256(domain_key,       "mynumber/linkage-token/v1/subject" 0x00 digits)
// where `domain` is the UTF-8 linkage-domain label and `digits` the 12 ASCII digits. The two
// steps let an organisation hand one subsystem the key of its own domain (linkage_domain)
// without the organisation key.
// Forms: text "mnt1.<key id>.<base64url(mac), 43 chars>"; binary 0x01 || len(key id) || key id
// || mac (32 bytes). Rotation re-derives from the number: a token cannot be converted to a new
// key without the number, which is the point of a keyed MAC.
#ifndef MYNUMBER_SECURE_TOKEN_HPP
#define MYNUMBER_SECURE_TOKEN_HPP

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "../detail/utf8.hpp"
#include "../individual_number.hpp"
#include "../result.hpp"
#include "detail/crypto.hpp"
#include "detail/encoding.hpp"
#include "key.hpp"
#include "secret.hpp"

MYNUMBER_BEGIN_NAMESPACE

inline constexpr std::uint8_t linkage_token_version = 1;
inline constexpr std::string_view linkage_token_text_prefix = "mnt1.";
inline constexpr std::size_t linkage_domain_max_length = 255;

namespace detail {
using namespace std::string_view_literals;
// The trailing NUL is part of each label (it separates the label from the data).
inline constexpr std::string_view token_domain_label = "mynumber/linkage-token/v1/domain\0"sv;
inline constexpr std::string_view token_subject_label = "mynumber/linkage-token/v1/subject\0"sv;
}  // namespace detail

// Checks a linkage-domain label: 1–255 bytes of UTF-8 without control characters.
[[nodiscard]] inline result<void> validate_linkage_domain(std::string_view domain) {
  if (domain.empty()) return error_info{errc::invalid_argument, no_position, -1, "linkage domain is empty"};
  if (domain.size() > linkage_domain_max_length) {
    return error_info{errc::invalid_argument, no_position, -1, "linkage domain longer than 255 bytes"};
  }
  for (std::size_t i = 0; i < domain.size();) {
    const std::size_t at = i;
    const char32_t cp = detail::utf8_next(domain, i);
    if (cp == detail::utf8_invalid) return error_info{errc::invalid_utf8, at, -1, "linkage domain"};
    if (cp < 0x20 || cp == 0x7F)
      return error_info{errc::invalid_character, at, -1, "control character in linkage domain"};
  }
  return {};
}

// A derived linkage token. Compare with == (constant time in the MAC).
class linkage_token {
 public:
  static constexpr std::size_t mac_size = 32;

  [[nodiscard]] const std::string& key_id() const noexcept { return key_id_; }
  [[nodiscard]] std::uint8_t version() const noexcept { return linkage_token_version; }
  [[nodiscard]] const detail::digest256& mac() const noexcept { return mac_; }

  // "mnt1.<key id>.<base64url mac>"
  [[nodiscard]] std::string to_text() const {
    std::string out(linkage_token_text_prefix);
    out += key_id_;
    out.push_back('.');
    out += detail::to_base64url(mac_.data(), mac_.size());
    return out;
  }
  // 0x01 || len(key id) || key id || mac
  [[nodiscard]] detail::bytes to_bytes() const {
    detail::bytes out;
    out.reserve(2 + key_id_.size() + mac_size);
    out.push_back(linkage_token_version);
    out.push_back(static_cast<std::uint8_t>(key_id_.size()));
    out.insert(out.end(), key_id_.begin(), key_id_.end());
    out.insert(out.end(), mac_.begin(), mac_.end());
    return out;
  }

  // Parses the text form. errc::format_version for another "mntN." prefix, errc::invalid_argument
  // for any other malformation (with the character position).
  [[nodiscard]] static result<linkage_token> try_parse(std::string_view text) {
    if (text.size() >= 5 && text.substr(0, 3) == "mnt" && text[4] == '.' &&
        text.substr(0, 5) != linkage_token_text_prefix) {
      return error_info{errc::format_version, 3, -1, "linkage token version"};
    }
    if (text.substr(0, linkage_token_text_prefix.size()) != linkage_token_text_prefix) {
      return error_info{errc::invalid_argument, 0, -1, "linkage token must start with \"mnt1.\""};
    }
    const std::size_t dot = text.find('.', linkage_token_text_prefix.size());
    if (dot == std::string_view::npos)
      return error_info{errc::invalid_argument, no_position, -1, "linkage token has no '.' after the key id"};
    const std::string_view id = text.substr(linkage_token_text_prefix.size(), dot - linkage_token_text_prefix.size());
    if (auto v = validate_key_id(id); !v) {
      error_info e = v.error();
      if (e.position != no_position) e.position += linkage_token_text_prefix.size();
      return e;
    }
    const auto mac = detail::from_base64url(text.substr(dot + 1));
    if (!mac || mac->size() != mac_size) {
      return error_info{errc::invalid_argument, dot + 1, -1, "linkage token MAC must be 43 base64url characters"};
    }
    return linkage_token(std::string(id), *mac);
  }
  [[nodiscard]] static linkage_token parse(std::string_view text) { return try_parse(text).value(); }

  // Parses the binary form; errors as try_parse, positions are byte offsets.
  [[nodiscard]] static result<linkage_token> try_from_bytes(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return error_info{errc::invalid_argument, 0, -1, "empty linkage token"};
    if (data[0] != linkage_token_version) return error_info{errc::format_version, 0, -1, "linkage token version"};
    if (size < 2) return error_info{errc::invalid_argument, 1, -1, "truncated linkage token"};
    const std::size_t id_size = data[1];
    if (size != 2 + id_size + mac_size)
      return error_info{errc::invalid_argument, 1, -1, "linkage token length does not match its key id length"};
    const std::string_view id(reinterpret_cast<const char*>(data + 2), id_size);
    if (auto v = validate_key_id(id); !v) return v.error();
    return linkage_token(std::string(id), detail::bytes(data + 2 + id_size, data + size));
  }
  [[nodiscard]] static result<linkage_token> try_from_bytes(const detail::bytes& b) {
    return try_from_bytes(b.data(), b.size());
  }

  friend bool operator==(const linkage_token& a, const linkage_token& b) noexcept {
    return a.key_id_ == b.key_id_ && CRYPTO_memcmp(a.mac_.data(), b.mac_.data(), mac_size) == 0;
  }
  friend bool operator!=(const linkage_token& a, const linkage_token& b) noexcept { return !(a == b); }

  // Prints the text form: a token is meant to be stored and compared, but it is still
  // 特定個人情報 and belongs only where the number itself could be kept.
  friend std::ostream& operator<<(std::ostream& os, const linkage_token& t) { return os << t.to_text(); }

 private:
  friend class linkage_domain;
  linkage_token(std::string key_id, const detail::digest256& mac) : key_id_(std::move(key_id)), mac_(mac) {}
  linkage_token(std::string key_id, const detail::bytes& mac) : key_id_(std::move(key_id)) {
    for (std::size_t i = 0; i < mac_size; ++i) mac_[i] = mac[i];
  }
  std::string key_id_;
  detail::digest256 mac_{};
};

// The tokens of one linkage domain under one organisation key. Holds only the derived domain key
// (wiped on destruction), so it can be given to a subsystem that must not see other domains.
class linkage_domain {
 public:
  [[nodiscard]] static result<linkage_domain> try_make(const symmetric_key& organisation_key, std::string_view domain) {
    if (auto v = validate_linkage_domain(domain); !v) return v.error();
    const secret& k = organisation_key.material();
    auto derived = detail::hmac_sha256(detail::byte_span(k.data(), k.size()), {detail::token_domain_label, domain});
    if (!derived) return derived.error();
    secret domain_key(derived->data(), derived->size());
    OPENSSL_cleanse(derived->data(), derived->size());
    return linkage_domain(organisation_key.id(), std::string(domain), std::move(domain_key));
  }
  [[nodiscard]] static linkage_domain make(const symmetric_key& organisation_key, std::string_view domain) {
    return try_make(organisation_key, domain).value();
  }

  [[nodiscard]] const std::string& key_id() const noexcept { return key_id_; }
  [[nodiscard]] const std::string& domain() const noexcept { return domain_; }

  // The token of `number` in this domain.
  [[nodiscard]] result<linkage_token> try_derive(const individual_number& number) const {
    const secret digits = reveal_into_secret(number);
    auto mac = detail::hmac_sha256(detail::byte_span(domain_key_.data(), domain_key_.size()),
                                   {detail::token_subject_label, digits.view()});
    if (!mac) return mac.error();
    return linkage_token(key_id_, *mac);
  }
  [[nodiscard]] linkage_token derive(const individual_number& number) const { return try_derive(number).value(); }

  // True when `token` is the token of `number` in this domain under this key (constant time).
  [[nodiscard]] result<bool> try_matches(const linkage_token& token, const individual_number& number) const {
    auto mine = try_derive(number);
    if (!mine) return mine.error();
    return *mine == token;
  }

 private:
  linkage_domain(std::string key_id, std::string domain, secret domain_key)
      : key_id_(std::move(key_id)), domain_(std::move(domain)), domain_key_(std::move(domain_key)) {}
  std::string key_id_;
  std::string domain_;
  secret domain_key_;
};

// The token of `number` in `domain` under `key`.
[[nodiscard]] inline result<linkage_token> try_derive_token(const individual_number& number, std::string_view domain,
                                                            const symmetric_key& key) {
  auto d = linkage_domain::try_make(key, domain);
  if (!d) return d.error();
  return d->try_derive(number);
}
// The token under the ring's current key.
[[nodiscard]] inline result<linkage_token> try_derive_token(const individual_number& number, std::string_view domain,
                                                            const key_ring& ring) {
  auto key = ring.try_current();
  if (!key) return key.error();
  return try_derive_token(number, domain, **key);
}
[[nodiscard]] inline linkage_token derive_token(const individual_number& number, std::string_view domain,
                                                const key_ring& ring) {
  return try_derive_token(number, domain, ring).value();
}
[[nodiscard]] inline linkage_token derive_token(const individual_number& number, std::string_view domain,
                                                const symmetric_key& key) {
  return try_derive_token(number, domain, key).value();
}

// Whether `token` belongs to `number` in `domain`, under the key the token names
// (errc::key_unknown if the ring lacks it).
[[nodiscard]] inline result<bool> try_token_matches(const linkage_token& token, const individual_number& number,
                                                    std::string_view domain, const key_ring& ring) {
  auto key = ring.try_get(token.key_id());
  if (!key) return key.error();
  auto mine = try_derive_token(number, domain, **key);
  if (!mine) return mine.error();
  return *mine == token;
}

// Key rotation: checks that `old_token` is the token of `number` in `domain` under its own key,
// then derives the token under the ring's current key. errc::tamper_detected if the old token
// does not belong to this number and domain (so a mix-up is never silently "rotated").
[[nodiscard]] inline result<linkage_token> try_rotate_token(const linkage_token& old_token,
                                                            const individual_number& number, std::string_view domain,
                                                            const key_ring& ring) {
  auto ok = try_token_matches(old_token, number, domain, ring);
  if (!ok) return ok.error();
  if (!*ok)
    return error_info{errc::tamper_detected, no_position, -1,
                      "the old token does not belong to this number and domain"};
  return try_derive_token(number, domain, ring);
}
[[nodiscard]] inline linkage_token rotate_token(const linkage_token& old_token, const individual_number& number,
                                                std::string_view domain, const key_ring& ring) {
  return try_rotate_token(old_token, number, domain, ring).value();
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_TOKEN_HPP
