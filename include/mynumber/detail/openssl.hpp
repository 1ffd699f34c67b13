// File: detail/openssl.hpp — RAII owners for OpenSSL handles and the one place that turns
// OpenSSL's thread-local error queue into a mynumber::error_info.
//
// Contract for every caller in the library:
//   * wrap each handle in its owner type at the moment it is created (never hold a raw owning
//     pointer across a statement that can fail);
//   * after a failed OpenSSL call, build the error with openssl_error(code, what), which drains
//     the whole queue, so no stale entry can be mistaken later for a new failure;
//   * an OpenSSL call that is *expected* to fail on some inputs (probing DER vs PEM, optional
//     extensions) runs inside an error_queue_guard, which empties the queue when it goes out of
//     scope.
// Shared by the jpki module (certificates, CRLs, CMS) and the secure module (EVP, MAC, AEAD).
#ifndef MYNUMBER_DETAIL_OPENSSL_HPP
#define MYNUMBER_DETAIL_OPENSSL_HPP

#include <openssl/opensslv.h>
#if OPENSSL_VERSION_NUMBER < 0x30000000L
#error "mynumber needs OpenSSL 3.0 or newer"
#endif

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
// cms.h declares its PEM functions only when pem.h came first.
#include <openssl/cms.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "../error.hpp"
#include "../result.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

// Stateless deleter: the owner stays pointer-sized. Every OpenSSL *_free accepts NULL, but
// unique_ptr never calls the deleter on NULL anyway.
template <auto Free>
struct ossl_deleter {
  template <class T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};

template <class T, auto Free>
using ossl_ptr = std::unique_ptr<T, ossl_deleter<Free>>;

// OPENSSL_free and the sk_*_pop_free helpers are macros or take extra arguments, so they get
// small named functions that fit ossl_deleter.
inline void openssl_free_bytes(void* p) noexcept { OPENSSL_free(p); }
inline void x509_stack_free(STACK_OF(X509) * s) noexcept { sk_X509_pop_free(s, X509_free); }
inline void x509_stack_free_shallow(STACK_OF(X509) * s) noexcept { sk_X509_free(s); }
inline void x509_crl_stack_free(STACK_OF(X509_CRL) * s) noexcept { sk_X509_CRL_pop_free(s, X509_CRL_free); }
inline void asn1_object_stack_free(STACK_OF(ASN1_OBJECT) * s) noexcept { sk_ASN1_OBJECT_pop_free(s, ASN1_OBJECT_free); }
inline void bignum_clear_free(BIGNUM* b) noexcept { BN_clear_free(b); }

// --- digests, ciphers, MACs, keys ---------------------------------------------------------------
using evp_md = ossl_ptr<EVP_MD, &EVP_MD_free>;  // from EVP_MD_fetch
using evp_md_ctx = ossl_ptr<EVP_MD_CTX, &EVP_MD_CTX_free>;
using evp_cipher = ossl_ptr<EVP_CIPHER, &EVP_CIPHER_free>;  // from EVP_CIPHER_fetch
using evp_cipher_ctx = ossl_ptr<EVP_CIPHER_CTX, &EVP_CIPHER_CTX_free>;
using evp_mac = ossl_ptr<EVP_MAC, &EVP_MAC_free>;
using evp_mac_ctx = ossl_ptr<EVP_MAC_CTX, &EVP_MAC_CTX_free>;
using evp_kdf = ossl_ptr<EVP_KDF, &EVP_KDF_free>;
using evp_kdf_ctx = ossl_ptr<EVP_KDF_CTX, &EVP_KDF_CTX_free>;
using evp_pkey = ossl_ptr<EVP_PKEY, &EVP_PKEY_free>;
using evp_pkey_ctx = ossl_ptr<EVP_PKEY_CTX, &EVP_PKEY_CTX_free>;
using bignum = ossl_ptr<BIGNUM, &BN_free>;
using secret_bignum = ossl_ptr<BIGNUM, &bignum_clear_free>;  // wipes the value on release
using bn_ctx = ossl_ptr<BN_CTX, &BN_CTX_free>;

// --- I/O and memory -----------------------------------------------------------------------------
using bio = ossl_ptr<BIO, &BIO_free_all>;
using openssl_string = ossl_ptr<char, &openssl_free_bytes>;          // e.g. from BN_bn2dec
using openssl_bytes = ossl_ptr<unsigned char, &openssl_free_bytes>;  // e.g. from i2d_* (out = NULL)

// --- certificates, CRLs, stores -----------------------------------------------------------------
using x509 = ossl_ptr<X509, &X509_free>;
using x509_crl = ossl_ptr<X509_CRL, &X509_CRL_free>;
using x509_name = ossl_ptr<X509_NAME, &X509_NAME_free>;
using x509_extension = ossl_ptr<X509_EXTENSION, &X509_EXTENSION_free>;
using x509_store = ossl_ptr<X509_STORE, &X509_STORE_free>;
using x509_store_ctx = ossl_ptr<X509_STORE_CTX, &X509_STORE_CTX_free>;
using x509_verify_param = ossl_ptr<X509_VERIFY_PARAM, &X509_VERIFY_PARAM_free>;
using x509_stack = ossl_ptr<STACK_OF(X509), &x509_stack_free>;               // owns its certificates
using x509_stack_view = ossl_ptr<STACK_OF(X509), &x509_stack_free_shallow>;  // owns only the stack
using x509_crl_stack = ossl_ptr<STACK_OF(X509_CRL), &x509_crl_stack_free>;
using x509_sig = ossl_ptr<X509_SIG, &X509_SIG_free>;  // a PKCS#1 DigestInfo
using cms_content_info = ossl_ptr<CMS_ContentInfo, &CMS_ContentInfo_free>;
using pkcs7 = ossl_ptr<PKCS7, &PKCS7_free>;

// --- decoded extensions (from X509_get_ext_d2i) ---------------------------------------------
using general_names = ossl_ptr<GENERAL_NAMES, &GENERAL_NAMES_free>;
using certificate_policies = ossl_ptr<CERTIFICATEPOLICIES, &CERTIFICATEPOLICIES_free>;
using crl_dist_points = ossl_ptr<CRL_DIST_POINTS, &CRL_DIST_POINTS_free>;
using basic_constraints = ossl_ptr<BASIC_CONSTRAINTS, &BASIC_CONSTRAINTS_free>;
using authority_keyid = ossl_ptr<AUTHORITY_KEYID, &AUTHORITY_KEYID_free>;
using extended_key_usage = ossl_ptr<STACK_OF(ASN1_OBJECT), &asn1_object_stack_free>;

// --- ASN.1 values ----------------------------------------------------------------------------
using asn1_object = ossl_ptr<ASN1_OBJECT, &ASN1_OBJECT_free>;
using asn1_integer = ossl_ptr<ASN1_INTEGER, &ASN1_INTEGER_free>;
using asn1_time = ossl_ptr<ASN1_TIME, &ASN1_TIME_free>;
using asn1_string = ossl_ptr<ASN1_STRING, &ASN1_STRING_free>;
using asn1_octet_string = ossl_ptr<ASN1_OCTET_STRING, &ASN1_OCTET_STRING_free>;
using asn1_bit_string = ossl_ptr<ASN1_BIT_STRING, &ASN1_BIT_STRING_free>;  // e.g. key usage

// Empties this thread's OpenSSL error queue.
inline void clear_openssl_errors() noexcept { ERR_clear_error(); }

// Empties the queue when the scope ends, for calls that may legitimately fail.
class error_queue_guard {
 public:
  error_queue_guard() noexcept = default;
  error_queue_guard(const error_queue_guard&) = delete;
  error_queue_guard& operator=(const error_queue_guard&) = delete;
  ~error_queue_guard() { ERR_clear_error(); }
};

// Drains the whole error queue of this thread and returns it as text: each entry as
// "<library>: <reason>" (OpenSSL's own strings, never input data), oldest first, joined by "; ".
// At most `max_entries` are kept; the rest are drained and counted. Never throws.
[[nodiscard]] inline std::string drain_openssl_errors(std::size_t max_entries = 4) noexcept {
  std::string text;
  std::size_t dropped = 0;
  try {
    std::size_t kept = 0;
    const char* data = nullptr;
    int flags = 0;
    while (const unsigned long code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
      if (kept == max_entries) {
        ++dropped;
        continue;
      }
      char buffer[256];
      ERR_error_string_n(code, buffer, sizeof buffer);
      if (!text.empty()) text += "; ";
      const char* lib = ERR_lib_error_string(code);
      const char* reason = ERR_reason_error_string(code);
      if (reason != nullptr) {
        if (lib != nullptr) {
          text += lib;
          text += ": ";
        }
        text += reason;
      } else {
        text += buffer;
      }
      ++kept;
    }
    if (dropped != 0) text += "; (" + std::to_string(dropped) + " more)";
  } catch (...) {
    ERR_clear_error();  // allocation failed: still leave no stale entries behind
  }
  return text;
}

// The error for a failed OpenSSL call: `code` (errc::crypto_error unless the caller knows
// better, e.g. certificate_malformed for a d2i failure), detail "<what>[: <openssl reasons>]".
// Drains the queue. Never throws except std::bad_alloc while building the text.
[[nodiscard]] inline error_info openssl_error(errc code, std::string_view what) {
  std::string reasons = drain_openssl_errors();
  std::string detail(what);
  if (!reasons.empty()) {
    detail += ": ";
    detail += reasons;
  }
  return error_info{code, no_position, -1, std::move(detail)};
}

// Throwing form of openssl_error, for code that already lives on the throwing side.
[[noreturn]] inline void throw_openssl_error(errc code, std::string_view what) {
  throw mynumber::error(openssl_error(code, what));
}

// A read-only memory BIO over `bytes` (not copied: `bytes` must outlive the BIO).
[[nodiscard]] inline result<bio> memory_bio(const void* bytes, std::size_t size) {
  if (size > static_cast<std::size_t>(INT_MAX)) {
    return error_info{errc::invalid_argument, no_position, -1, "input larger than 2 GiB"};
  }
  bio b(BIO_new_mem_buf(bytes, static_cast<int>(size)));
  if (!b) return openssl_error(errc::out_of_memory, "BIO_new_mem_buf");
  return b;
}

// An empty, writable memory BIO.
[[nodiscard]] inline result<bio> writable_bio() {
  bio b(BIO_new(BIO_s_mem()));
  if (!b) return openssl_error(errc::out_of_memory, "BIO_new");
  return b;
}

// Everything written to a memory BIO, as a string.
[[nodiscard]] inline std::string bio_contents(BIO* b) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(b, &data);
  if (size <= 0 || data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(size));
}

// Overwrites memory with OPENSSL_cleanse (not elided by the optimiser).
inline void cleanse(void* data, std::size_t size) noexcept { OPENSSL_cleanse(data, size); }

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_OPENSSL_HPP
