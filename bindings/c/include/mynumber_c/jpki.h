/* File: mynumber_c/jpki.h — C ABI of the JPKI certificate module (mynumber::jpki): read,
 * classify and verify the two certificates of a My Number Card and signatures made with it.
 *
 * Inputs are byte buffers holding DER or PEM (detected by a "-----BEGIN" marker). Outputs are JSON
 * documents (schema: docs/jpki.md and include/mynumber/jpki/json.hpp) written under the snprintf
 * contract of mynumber_c.h: the return value is the full length, the text is copied only if it fits.
 * Verification always yields a verdict document; its overall result is also stored in *verdict_ok
 * (1 ok, 0 not ok) when verdict_ok is not NULL. Failures that prevent a verdict return a negative
 * status and fill *err: MN_E_CERTIFICATE_MALFORMED, MN_E_CRL_MALFORMED (a supplied CRL), MN_E_IO
 * (an unreadable path), MN_E_INVALID_ARGUMENT (bad options), MN_E_NULL_POINTER.
 * Personal data (the basic attributes of a signature certificate) is written only by
 * mn_jpki_certificate_json with MN_JPKI_INCLUDE_BASIC_INFO. Thread safety: every function is
 * reentrant; nothing is shared between calls. Nothing is ever fetched from the network. */
#ifndef MYNUMBER_C_JPKI_H
#define MYNUMBER_C_JPKI_H

#include <stddef.h>
#include <stdint.h>

#include "../mynumber_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flags of mn_jpki_certificate_json. */
#define MN_JPKI_INCLUDE_BASIC_INFO 0x1u /* include name, address, sex and birth date (personal data) */

/* Certificate kinds, for mn_jpki_options.expected_kind. */
#define MN_JPKI_KIND_ANY (-1)
#define MN_JPKI_KIND_NOT_JPKI 0
#define MN_JPKI_KIND_SIGNATURE 1      /* 署名用電子証明書 */
#define MN_JPKI_KIND_AUTHENTICATION 2 /* 利用者証明用電子証明書 */
#define MN_JPKI_KIND_CA 3

/* Verification options. Initialise with MN_JPKI_OPTIONS_INIT (or mn_jpki_options_init) so that
 * fields added later get their defaults. NULL options mean all defaults. */
typedef struct mn_jpki_options {
  unsigned version;            /* MN_JPKI_OPTIONS_VERSION */
  const char* const* ca_paths; /* trust anchors: files or directories; NULL/0 = the J-LIS roots */
  size_t ca_count;
  const char* const* crl_paths; /* CRL files (DER or PEM) to check revocation against */
  size_t crl_count;
  int has_at;             /* 0: verify at the current time; 1: at at_unix */
  int64_t at_unix;        /* seconds since 1970-01-01 UTC */
  int expected_kind;      /* MN_JPKI_KIND_* or MN_JPKI_KIND_ANY */
  int require_revocation; /* 1: no usable CRL is a failure instead of "skipped" */
} mn_jpki_options;

#define MN_JPKI_OPTIONS_VERSION 1u
#define MN_JPKI_OPTIONS_INIT \
  { MN_JPKI_OPTIONS_VERSION, NULL, 0, NULL, 0, 0, 0, MN_JPKI_KIND_ANY, 0 }

/* Sets *options to the defaults (no-op for NULL). */
MN_API void mn_jpki_options_init(mn_jpki_options* options);

/* Parses one certificate and writes its information as JSON (kind and the evidence that decided
 * it, serial in hex and decimal, validity in UTC and JST, subject localities, key, key usage,
 * policies, CRL distribution points, fingerprint, warnings). */
MN_API int mn_jpki_certificate_json(const uint8_t* data, size_t len, unsigned flags, char* out, size_t out_size,
                                    mn_error* err);

/* Verifies one certificate (chain, validity, key usage, policy, revocation) and writes the
 * verdict. Unparseable certificate bytes give a verdict whose "parse" check failed, not an error. */
MN_API int mn_jpki_verify_json(const uint8_t* data, size_t len, const mn_jpki_options* options, int* verdict_ok,
                               char* out, size_t out_size, mn_error* err);

/* Verifies a raw card signature (RSA PKCS#1 v1.5 over the SHA-256 DigestInfo of `message`)
 * against the signer certificate, plus that certificate's verification. */
MN_API int mn_jpki_verify_raw_signature_json(const uint8_t* certificate, size_t certificate_len, const uint8_t* message,
                                             size_t message_len, const uint8_t* signature, size_t signature_len,
                                             const mn_jpki_options* options, int* verdict_ok, char* out,
                                             size_t out_size, mn_error* err);

/* Verifies a detached CMS/PKCS#7 SignedData (DER or PEM) over `content`, plus the signer
 * certificate's verification. `signer` (may be NULL/0) supplies the signer certificate when the
 * CMS carries none. */
MN_API int mn_jpki_verify_cms_json(const uint8_t* cms, size_t cms_len, const uint8_t* content, size_t content_len,
                                   const uint8_t* signer, size_t signer_len, const mn_jpki_options* options,
                                   int* verdict_ok, char* out, size_t out_size, mn_error* err);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_JPKI_H */
