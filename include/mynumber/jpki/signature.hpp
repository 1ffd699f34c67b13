// File: jpki/signature.hpp — verify signatures made with a My Number Card against the signer
// certificate, together with every certificate check of verify.hpp.
//   * raw: RSA PKCS#1 v1.5 over a SHA-256 DigestInfo, which is what the card's COMPUTE DIGITAL
//     SIGNATURE (80 2A 00 80) returns when the host sends the DigestInfo (card_jpki.md §1.2);
//   * CMS / PKCS#7 SignedData with detached content (OpenSSL CMS API).
#ifndef MYNUMBER_JPKI_SIGNATURE_HPP
#define MYNUMBER_JPKI_SIGNATURE_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verify.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// Verdict of a signature verification: ok only if the signature check passed and the signer
// certificate passed every certificate check.
struct signature_verification {
  bool ok = false;
  check_result signature;                           // name "signature"; reason "valid", "bad_signature", ...
  std::optional<certificate> signer;                // the certificate the signature was checked against
  std::optional<verification> certificate_verdict;  // absent when no signer was found
};

namespace detail {

inline constexpr std::size_t sha256_size = 32;

inline check_result check_raw_digest(const certificate& signer, std::string_view digest, std::string_view sig) {
  mynumber::detail::error_queue_guard guard;
  if (digest.size() != sha256_size) {
    return {"signature", check_outcome::failed, "bad_digest", "a SHA-256 digest has 32 bytes"};
  }
  EVP_PKEY* key = X509_get0_pubkey(signer.native());
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    return {"signature", check_outcome::failed, "unsupported_key", "the signer key is not RSA"};
  }
  mynumber::detail::evp_pkey_ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) != 1) {
    return {"signature", check_outcome::failed, "openssl_error",
            mynumber::detail::openssl_error(errc::crypto_error, "RSA verify setup").detail};
  }
  // With the signature digest set, OpenSSL rebuilds the DigestInfo and compares it exactly.
  const int rc = EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                                 reinterpret_cast<const unsigned char*>(digest.data()), digest.size());
  if (rc == 1) {
    return {"signature", check_outcome::passed, "valid", "RSA PKCS#1 v1.5, SHA-256 DigestInfo"};
  }
  return {"signature", check_outcome::failed, "bad_signature",
          "the signature does not match the data under the signer's key"};
}

[[nodiscard]] inline std::string sha256(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), md, &size, EVP_sha256(), nullptr) != 1) {
    mynumber::detail::throw_openssl_error(errc::crypto_error, "SHA-256");
  }
  return std::string(reinterpret_cast<const char*>(md), size);
}

inline signature_verification finish(check_result sig, const certificate& signer, const verify_options& options) {
  signature_verification out;
  out.signature = std::move(sig);
  out.signer = signer;
  out.certificate_verdict = verify(signer, options);
  out.ok = out.signature.outcome == check_outcome::passed && out.certificate_verdict->ok;
  return out;
}

}  // namespace detail

// Verifies a raw card signature over `message` (hashed here with SHA-256) and the signer
// certificate. Never throws except std::bad_alloc.
[[nodiscard]] inline signature_verification verify_raw_signature(const certificate& signer, std::string_view message,
                                                                 std::string_view signature,
                                                                 const verify_options& options = {}) {
  return detail::finish(detail::check_raw_digest(signer, detail::sha256(message), signature), signer, options);
}

// The same for a caller-computed SHA-256 digest (32 bytes) of the signed data.
[[nodiscard]] inline signature_verification verify_raw_signature_digest(const certificate& signer,
                                                                        std::string_view sha256_digest,
                                                                        std::string_view signature,
                                                                        const verify_options& options = {}) {
  return detail::finish(detail::check_raw_digest(signer, sha256_digest, signature), signer, options);
}

// Verifies a detached CMS/PKCS#7 SignedData (`cms`: DER or PEM) over `content`, then the signer
// certificate (taken from the CMS, or from `signer_certificates` when the CMS carries none).
// Signature reasons: "malformed", "not_detached", "no_signer", "bad_signature", "valid".
[[nodiscard]] inline signature_verification verify_cms_detached(
    std::string_view cms, std::string_view content, const verify_options& options = {},
    const std::vector<certificate>& signer_certificates = {}) {
  signature_verification out;
  mynumber::detail::error_queue_guard guard;
  auto cms_bio = mynumber::detail::memory_bio(cms.data(), cms.size());
  auto content_bio = mynumber::detail::memory_bio(content.data(), content.size());
  if (!cms_bio || !content_bio) {
    out.signature = {"signature", check_outcome::failed, "malformed", "input too large"};
    return out;
  }
  mynumber::detail::cms_content_info info(cms.find("-----BEGIN") != std::string_view::npos
                                              ? PEM_read_bio_CMS(cms_bio->get(), nullptr, nullptr, nullptr)
                                              : d2i_CMS_bio(cms_bio->get(), nullptr));
  if (!info || OBJ_obj2nid(CMS_get0_type(info.get())) != NID_pkcs7_signed) {
    out.signature = {"signature", check_outcome::failed, "malformed",
                     mynumber::detail::openssl_error(errc::signature_invalid, "not a CMS SignedData").detail};
    return out;
  }
  if (CMS_is_detached(info.get()) != 1) {
    out.signature = {"signature", check_outcome::failed, "not_detached", "the CMS carries its own content"};
    return out;
  }
  mynumber::detail::x509_stack extra(sk_X509_new_null());
  if (!extra) {
    out.signature = {"signature", check_outcome::failed, "openssl_error", "sk_X509_new_null"};
    return out;
  }
  for (const auto& c : signer_certificates) {
    if (X509_up_ref(c.native()) != 1 || sk_X509_push(extra.get(), c.native()) <= 0) {
      out.signature = {"signature", check_outcome::failed, "openssl_error", "sk_X509_push"};
      return out;
    }
  }
  // Chain, usage and revocation are checked by verify() below, with the JPKI rules.
  const unsigned int flags = CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY;
  const int rc = CMS_verify(info.get(), extra.get(), nullptr, content_bio->get(), nullptr, flags);
  if (rc != 1) {
    const unsigned long e = ERR_peek_last_error();
    const bool no_signer = ERR_GET_LIB(e) == ERR_LIB_CMS && ERR_GET_REASON(e) == CMS_R_SIGNER_CERTIFICATE_NOT_FOUND;
    out.signature = {"signature", check_outcome::failed, no_signer ? "no_signer" : "bad_signature",
                     mynumber::detail::openssl_error(errc::signature_invalid, "CMS_verify").detail};
    return out;
  }
  mynumber::detail::x509_stack_view signers(CMS_get0_signers(info.get()));
  if (!signers || sk_X509_num(signers.get()) < 1) {
    out.signature = {"signature", check_outcome::failed, "no_signer", "no signer certificate"};
    return out;
  }
  // Every signer must pass; the verdict reports the first one that does not (or the first).
  signature_verification result;
  for (int i = 0; i < sk_X509_num(signers.get()); ++i) {
    const certificate signer = certificate::share(sk_X509_value(signers.get(), i));
    signature_verification one = detail::finish(
        {"signature", check_outcome::passed, "valid", "CMS SignedData, detached content"}, signer, options);
    if (i == 0 || (!one.ok && result.ok)) result = std::move(one);
  }
  return result;
}

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_SIGNATURE_HPP
