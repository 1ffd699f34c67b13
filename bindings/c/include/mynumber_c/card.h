/* File: mynumber_c/card.h — C ABI of the My Number Card module (mynumber::card): validity rules,
 * 照合番号B, 和暦, PIN formats, and (when built with PC/SC) a card reader.
 *
 * Conventions are those of mynumber_c.h: negative status on failure with *err filled (err may be
 * NULL), text outputs under the snprintf contract, dates as "YYYY-MM-DD" or "YYYYMMDD" (input;
 * a malformed or impossible one is MN_E_INVALID_DATE) and "YYYY-MM-DD" (output). Binary outputs
 * (certificates, signatures) follow the same contract without the NUL: the return value is the
 * full length, and bytes are copied only when they fit (a call that reads the card cannot be
 * repeated for free, so pass a buffer of MN_CARD_CERTIFICATE_MAX / MN_CARD_SIGNATURE_SIZE bytes).
 * PINs are never copied into error messages; the library wipes its own copies after use.
 * Reader handles are not thread-safe: use one handle from one thread at a time. */
#ifndef MYNUMBER_C_CARD_H
#define MYNUMBER_C_CARD_H

#include <stddef.h>
#include <stdint.h>

#include "../mynumber_c.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MN_CARD_CERTIFICATE_MAX 32768 /* a certificate EF is read with 15-bit offsets */
#define MN_CARD_SIGNATURE_SIZE 256    /* RSA-2048 */

/* Residence status for the expiry rules (card/validity.hpp). */
typedef int mn_card_residence; /* an int, not an enum type: any value is well-defined across the ABI */
enum {
  MN_CARD_JAPANESE_NATIONAL = 0,
  MN_CARD_FOREIGN_PERMANENT = 1, /* 永住者, 特別永住者, 高度専門職2号 */
  MN_CARD_FOREIGN_FIXED_TERM = 2 /* capped at the end of the period of stay (stay_until) */
};

/* Why an expiry falls where it does. */
typedef int mn_card_expiry_reason; /* an int, not an enum type: any value is well-defined across the ABI */
enum { MN_CARD_TENTH_BIRTHDAY = 0, MN_CARD_FIFTH_BIRTHDAY = 1, MN_CARD_PERIOD_OF_STAY = 2, MN_CARD_CAPPED_BY_CARD = 3 };

/* Credentials (pin_kind). */
typedef int mn_card_pin; /* an int, not an enum type: any value is well-defined across the ABI */
enum {
  MN_CARD_PIN_JPKI_AUTH = 1,    /* 利用者証明用暗証番号, 4 digits, 3 tries */
  MN_CARD_PIN_JPKI_SIGN = 2,    /* 署名用パスワード, 6–16 A–Z/0–9, 5 tries */
  MN_CARD_PIN_TEXT = 4,         /* 券面事項入力補助用暗証番号, 4 digits, 3 tries */
  MN_CARD_PIN_TEXT_CODE_A = 8,  /* 照合番号A (the 12-digit number) */
  MN_CARD_PIN_TEXT_CODE_B = 16, /* 照合番号B (14 digits) */
  MN_CARD_PIN_VISUAL_BIRTH = 32,
  MN_CARD_PIN_VISUAL_CODE_B = 64,
  MN_CARD_PIN_VISUAL_CODE_A = 128,
  MN_CARD_PIN_JUKI = 256 /* 住民基本台帳用暗証番号 */
};

/* Certificate slots of the JPKI-AP. */
typedef int mn_card_certificate; /* an int, not an enum type: any value is well-defined across the ABI */
enum {
  MN_CARD_CERT_AUTH = 0, /* 利用者証明用電子証明書 (no PIN) */
  MN_CARD_CERT_AUTH_CA = 1,
  MN_CARD_CERT_SIGN = 2, /* 署名用電子証明書 (needs the 署名用パスワード) */
  MN_CARD_CERT_SIGN_CA = 3
};

#define MN_CARD_ALLOW_LAST_TRY 0x100u  /* let a VERIFY use the last remaining try */
#define MN_CARD_GREGORIAN_BIRTH 0x200u /* 照合番号B: birth as 西暦 YYMMDD (UNCONFIRMED form) */
#define MN_CARD_USE_AUTH_KEY 0x400u    /* mn_card_sign: the 利用者証明用 key and PIN */

/* Card expiry. application_received may be NULL (= issued); stay_until is required for
 * MN_CARD_FOREIGN_FIXED_TERM and ignored otherwise. Writes "YYYY-MM-DD"; reason_out and adult_out
 * may be NULL. Errors: MN_E_INVALID_DATE, MN_E_INVALID_ARGUMENT, MN_E_NULL_POINTER. */
MN_API int mn_card_expiry(const char* birth, const char* application_received, const char* issued,
                          mn_card_residence residence, const char* stay_until, char* out, size_t out_size,
                          int* reason_out, int* adult_out, mn_error* err);

/* Expiry of an electronic certificate issued on certificate_issued for a card expiring on
 * card_expiry. */
MN_API int mn_card_certificate_expiry(const char* birth, const char* certificate_issued, const char* card_expiry,
                                      char* out, size_t out_size, int* reason_out, mn_error* err);

/* 照合番号B (14 digits) from the birth date, the card's expiry year and the security code.
 * flags: MN_CARD_GREGORIAN_BIRTH. */
MN_API int mn_card_verification_code_b(const char* birth, int expiry_year, const char* security_code, size_t len,
                                       unsigned flags, char* out, size_t out_size, mn_error* err);

/* A Gregorian date in 和暦, e.g. "平成元年3月31日" (UTF-8). */
MN_API int mn_card_to_wareki(const char* date, char* out, size_t out_size, mn_error* err);

/* MN_OK when `pin` meets the format of `kind`; MN_E_PIN_FORMAT (err->position = first bad
 * character) otherwise. Sends nothing anywhere. */
MN_API int mn_card_check_pin_format(mn_card_pin kind, const char* pin, size_t len, mn_error* err);

/* 1 when this library was built with the PC/SC reader, 0 otherwise. */
MN_API int mn_card_has_pcsc(void);

/* ---- reader (PC/SC) ------------------------------------------------------------------------
 * Without PC/SC support every function below returns MN_E_NOT_SUPPORTED. */
typedef struct mn_card_reader mn_card_reader;

/* Connects to the card in `reader_name` (NULL or "" = the first reader holding a card), waiting
 * up to wait_ms for one. On success *out owns a handle to free with mn_card_reader_free.
 * Errors: MN_E_READER_NOT_FOUND, MN_E_CARD_REMOVED, MN_E_CARD_TIMEOUT, MN_E_CARD_TRANSPORT. */
MN_API int mn_card_reader_open(const char* reader_name, unsigned wait_ms, mn_card_reader** out, mn_error* err);
/* Disconnects (resetting the card) and frees; NULL is a no-op. */
MN_API void mn_card_reader_free(mn_card_reader* reader);

/* Tries left for `kind` (uses no try); -1 in *tries_left when the card reports it verified. */
MN_API int mn_card_pin_status(mn_card_reader* reader, mn_card_pin kind, int* tries_left, mn_error* err);

/* The 個人番号 (12 digits), masked unless flags has MN_REVEAL. flags: MN_REVEAL,
 * MN_CARD_ALLOW_LAST_TRY. */
MN_API int mn_card_read_my_number(mn_card_reader* reader, const char* pin, size_t pin_len, unsigned flags, char* out,
                                  size_t out_size, mn_error* err);

/* 基本4情報 as JSON {"name","address","birth_date","sex"}; `kind` is MN_CARD_PIN_TEXT or
 * MN_CARD_PIN_TEXT_CODE_B. flags: MN_CARD_ALLOW_LAST_TRY. */
MN_API int mn_card_read_basic_info_json(mn_card_reader* reader, mn_card_pin kind, const char* credential, size_t len,
                                        unsigned flags, char* out, size_t out_size, mn_error* err);

/* A certificate (DER). `password` is needed for MN_CARD_CERT_SIGN only (else may be NULL). */
MN_API int mn_card_read_certificate(mn_card_reader* reader, mn_card_certificate slot, const char* password,
                                    size_t password_len, unsigned flags, uint8_t* out, size_t out_size, mn_error* err);

/* PKCS#1 v1.5 signature over a SHA-256 digest (32 bytes) with the 署名用 key (password) or, with
 * MN_CARD_USE_AUTH_KEY, the 利用者証明用 key (PIN). */
MN_API int mn_card_sign(mn_card_reader* reader, const char* secret, size_t secret_len, const uint8_t* sha256_digest,
                        size_t digest_len, unsigned flags, uint8_t* out, size_t out_size, mn_error* err);

/* CHANGE REFERENCE DATA for MN_CARD_PIN_JPKI_AUTH, MN_CARD_PIN_JPKI_SIGN or MN_CARD_PIN_TEXT. */
MN_API int mn_card_change_pin(mn_card_reader* reader, mn_card_pin kind, const char* old_pin, size_t old_len,
                              const char* new_pin, size_t new_len, unsigned flags, mn_error* err);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_CARD_H */
