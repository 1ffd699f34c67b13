// File: secure/detail/crypto.hpp — the three primitives of the secure module over OpenSSL 3 EVP:
// SHA-256, HMAC-SHA256 and AES-256-GCM. Handles are the RAII owners of detail/openssl.hpp; every
// failure drains the OpenSSL error queue into the returned error_info.
#ifndef MYNUMBER_SECURE_DETAIL_CRYPTO_HPP
#define MYNUMBER_SECURE_DETAIL_CRYPTO_HPP

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "../../detail/openssl.hpp"
#include "../../result.hpp"
#include "encoding.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

using digest256 = std::array<std::uint8_t, 32>;

// A view of bytes (a message part).
struct byte_span {
  const void* data = nullptr;
  std::size_t size = 0;
  byte_span() = default;
  byte_span(const void* d, std::size_t n) noexcept : data(d), size(n) {}
  byte_span(std::string_view s) noexcept : data(s.data()), size(s.size()) {}  // NOLINT: implicit on purpose
  byte_span(const bytes& b) noexcept : data(b.data()), size(b.size()) {}      // NOLINT
  byte_span(const digest256& d) noexcept : data(d.data()), size(d.size()) {}  // NOLINT
};

// SHA-256 of the concatenation of `parts`.
[[nodiscard]] inline result<digest256> sha256(std::initializer_list<byte_span> parts) {
  evp_md_ctx ctx(EVP_MD_CTX_new());
  if (!ctx) return openssl_error(errc::out_of_memory, "EVP_MD_CTX_new");
  if (EVP_DigestInit_ex2(ctx.get(), EVP_sha256(), nullptr) != 1)
    return openssl_error(errc::crypto_error, "SHA-256 init");
  for (const byte_span& p : parts)
    if (p.size != 0 && EVP_DigestUpdate(ctx.get(), p.data, p.size) != 1)
      return openssl_error(errc::crypto_error, "SHA-256 update");
  digest256 out{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size()) {
    return openssl_error(errc::crypto_error, "SHA-256 final");
  }
  return out;
}

// HMAC-SHA256 under `key` of the concatenation of `parts`.
[[nodiscard]] inline result<digest256> hmac_sha256(byte_span key, std::initializer_list<byte_span> parts) {
  evp_mac mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  if (!mac) return openssl_error(errc::crypto_error, "EVP_MAC_fetch(HMAC)");
  evp_mac_ctx ctx(EVP_MAC_CTX_new(mac.get()));
  if (!ctx) return openssl_error(errc::out_of_memory, "EVP_MAC_CTX_new");
  char digest_name[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                               OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(ctx.get(), static_cast<const unsigned char*>(key.data), key.size, params) != 1) {
    return openssl_error(errc::crypto_error, "HMAC-SHA256 init");
  }
  for (const byte_span& p : parts)
    if (p.size != 0 && EVP_MAC_update(ctx.get(), static_cast<const unsigned char*>(p.data), p.size) != 1) {
      return openssl_error(errc::crypto_error, "HMAC-SHA256 update");
    }
  digest256 out{};
  std::size_t len = 0;
  if (EVP_MAC_final(ctx.get(), out.data(), &len, out.size()) != 1 || len != out.size()) {
    return openssl_error(errc::crypto_error, "HMAC-SHA256 final");
  }
  return out;
}

inline constexpr std::size_t gcm_nonce_size = 12;
inline constexpr std::size_t gcm_tag_size = 16;

// AES-256-GCM encryption: appends ciphertext then the 16-byte tag to `out`.
[[nodiscard]] inline result<void> aes256gcm_seal(byte_span key, const std::uint8_t* nonce, byte_span aad,
                                                 byte_span plaintext, bytes& out) {
  if (key.size != 32) return error_info{errc::key_invalid, no_position, -1, "AES-256 needs a 32-byte key"};
  if (plaintext.size > INT_MAX || aad.size > INT_MAX)
    return error_info{errc::invalid_argument, no_position, -1, "input too large"};
  evp_cipher_ctx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_error(errc::out_of_memory, "EVP_CIPHER_CTX_new");
  const auto* k = static_cast<const unsigned char*>(key.data);
  if (EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), k, nonce, nullptr) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM encrypt init");
  }
  int len = 0;
  if (aad.size != 0 && EVP_EncryptUpdate(ctx.get(), nullptr, &len, static_cast<const unsigned char*>(aad.data),
                                         static_cast<int>(aad.size)) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM AAD");
  }
  const std::size_t start = out.size();
  out.resize(start + plaintext.size + gcm_tag_size);
  if (plaintext.size != 0 &&
      EVP_EncryptUpdate(ctx.get(), out.data() + start, &len, static_cast<const unsigned char*>(plaintext.data),
                        static_cast<int>(plaintext.size)) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM encrypt");
  }
  if (EVP_EncryptFinal_ex(ctx.get(), out.data() + start + plaintext.size, &len) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM encrypt final");
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(gcm_tag_size),
                          out.data() + start + plaintext.size) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM get tag");
  }
  return {};
}

// AES-256-GCM decryption of ciphertext||tag into `plaintext` (size ciphertext.size - 16).
// A tag mismatch is errc::tamper_detected; `plaintext` is wiped on every failure.
[[nodiscard]] inline result<void> aes256gcm_open(byte_span key, const std::uint8_t* nonce, byte_span aad,
                                                 byte_span ciphertext_and_tag, std::uint8_t* plaintext) {
  if (key.size != 32) return error_info{errc::key_invalid, no_position, -1, "AES-256 needs a 32-byte key"};
  if (ciphertext_and_tag.size < gcm_tag_size)
    return error_info{errc::tamper_detected, no_position, -1, "truncated ciphertext"};
  if (ciphertext_and_tag.size > INT_MAX || aad.size > INT_MAX)
    return error_info{errc::invalid_argument, no_position, -1, "input too large"};
  const std::size_t text_size = ciphertext_and_tag.size - gcm_tag_size;
  const auto* in = static_cast<const unsigned char*>(ciphertext_and_tag.data);
  evp_cipher_ctx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_error(errc::out_of_memory, "EVP_CIPHER_CTX_new");
  if (EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), static_cast<const unsigned char*>(key.data), nonce, nullptr) !=
      1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM decrypt init");
  }
  int len = 0;
  if (aad.size != 0 && EVP_DecryptUpdate(ctx.get(), nullptr, &len, static_cast<const unsigned char*>(aad.data),
                                         static_cast<int>(aad.size)) != 1) {
    return openssl_error(errc::crypto_error, "AES-256-GCM AAD");
  }
  if (text_size != 0 && EVP_DecryptUpdate(ctx.get(), plaintext, &len, in, static_cast<int>(text_size)) != 1) {
    OPENSSL_cleanse(plaintext, text_size);
    return openssl_error(errc::crypto_error, "AES-256-GCM decrypt");
  }
  // The tag is only read by OpenSSL, but the ctrl API takes a non-const pointer.
  std::uint8_t tag[gcm_tag_size];
  for (std::size_t i = 0; i < gcm_tag_size; ++i) tag[i] = in[text_size + i];
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(gcm_tag_size), tag) != 1) {
    OPENSSL_cleanse(plaintext, text_size);
    return openssl_error(errc::crypto_error, "AES-256-GCM set tag");
  }
  std::uint8_t final_block[16];
  if (EVP_DecryptFinal_ex(ctx.get(), final_block, &len) != 1) {
    OPENSSL_cleanse(plaintext, text_size);
    clear_openssl_errors();  // a tag mismatch leaves no useful reason, and no stale entry may remain
    return error_info{errc::tamper_detected, no_position, -1,
                      "authentication tag does not match (wrong key, record id or edited data)"};
  }
  return {};
}

// Fills `out` with random bytes from OpenSSL's public DRBG (for nonces).
[[nodiscard]] inline result<void> random_bytes(std::uint8_t* out, std::size_t size) {
  if (size > INT_MAX || RAND_bytes(out, static_cast<int>(size)) != 1)
    return openssl_error(errc::crypto_error, "RAND_bytes");
  return {};
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_DETAIL_CRYPTO_HPP
