/* File: mynumber_c.h — the C ABI of mynumber (C99).
 *
 * Conventions, shared by every module header in mynumber_c/:
 *  - Every name starts with mn_ or MN_.
 *  - Functions return an int status: MN_OK (0) or a negative MN_E_* code, which is the negated
 *    mynumber::errc value and is pinned forever. mn_strerror() names any code.
 *  - Functions that write text follow snprintf: they return the full length needed (without the
 *    terminating NUL) and write at most out_size bytes. When the result does not fit, they write
 *    an empty string (never half a number) and still return the needed length, so
 *    `ret >= (int)out_size` means "call again with a buffer of ret + 1 bytes".
 *    out may be NULL when out_size is 0 (a pure length query).
 *  - Inputs are (pointer, length) pairs, so embedded NUL bytes are data, not terminators. Pass
 *    MN_NUL_TERMINATED as the length to have the library call strlen().
 *  - NULL is tolerated everywhere: a required pointer that is NULL gives MN_E_NULL_POINTER; an
 *    optional one (mn_error *err, counters) is skipped.
 *  - No C++ exception ever crosses this boundary; an unexpected one becomes MN_E_INTERNAL and an
 *    allocation failure MN_E_OUT_OF_MEMORY.
 *  - All functions are thread-safe; an mn_generator must not be used from two threads at once.
 *  - A full Individual Number (個人番号) is only ever written where the caller asked for the
 *    digits (normalise, reveal, generate). Error details never contain the input.
 */
#ifndef MYNUMBER_C_H
#define MYNUMBER_C_H

#include <stddef.h>
#include <stdint.h>

#include "mynumber_c/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ------------------------------------------------------------------------------ */

/* The version of this header. Compare with mn_version_number() to detect a header/library
 * mismatch at run time. Kept equal to include/mynumber/version.hpp (checked when the library is
 * built). */
#define MN_VERSION_MAJOR 0
#define MN_VERSION_MINOR 1
#define MN_VERSION_PATCH 0
#define MN_VERSION_NUMBER (MN_VERSION_MAJOR * 10000 + MN_VERSION_MINOR * 100 + MN_VERSION_PATCH)
#define MN_VERSION_STRING "0.1.0"

/* MAJOR * 10000 + MINOR * 100 + PATCH of the loaded library. */
MN_API int mn_version_number(void);
/* "MAJOR.MINOR.PATCH" of the loaded library; a static string. */
MN_API const char* mn_version_string(void);

/* ---- status codes ------------------------------------------------------------------------- */

/* Status codes: 0 or -(mynumber::errc). Values are pinned; new ones are only ever appended inside
 * a module's range (numbers 1–99, JPKI 100–199, card 200–299, law 300–399, corporate data
 * 400–499, sensitive data 500–599, general 900–999). */
enum {
  MN_OK = 0,

  /* numbers */
  MN_E_EMPTY = -1,                /* no digits at all */
  MN_E_TOO_SHORT = -2,            /* fewer digits than the kind requires */
  MN_E_TOO_LONG = -3,             /* more digits than the kind requires */
  MN_E_INVALID_CHARACTER = -4,    /* a character that is not allowed (mn_error.position says where) */
  MN_E_CHECK_DIGIT_MISMATCH = -5, /* wrong check digit (mn_error.expected holds the right one) */
  MN_E_INVALID_UTF8 = -6,         /* input is not UTF-8 */
  MN_E_MISSING_PREFIX = -7,       /* a T-number without its "T" */
  MN_E_UNKNOWN_SCHEME = -8,       /* an ISO 6523 ICD / Peppol scheme other than 0188 / 0221 */
  MN_E_RESERVED_RANGE = -9,       /* base number in a range the NTA marks unused (未使用) */
  MN_E_INVALID_STRUCTURE = -10,   /* a layout rule is broken */

  /* JPKI certificates */
  MN_E_CERTIFICATE_MALFORMED = -100,
  MN_E_CERTIFICATE_NOT_JPKI = -101,
  MN_E_CERTIFICATE_EXTENSION = -102,
  MN_E_VERIFICATION_FAILED = -103,
  MN_E_SIGNATURE_INVALID = -104,
  MN_E_CRL_MALFORMED = -105,
  MN_E_CRYPTO_ERROR = -106,

  /* My Number Card */
  MN_E_CARD_TRANSPORT = -200,
  MN_E_CARD_REMOVED = -201,
  MN_E_READER_NOT_FOUND = -202,
  MN_E_CARD_TIMEOUT = -203,
  MN_E_PIN_FORMAT = -204,
  MN_E_PIN_INCORRECT = -205,
  MN_E_PIN_BLOCKED = -206,
  MN_E_LOCKOUT_GUARD = -207,
  MN_E_SECURITY_STATUS = -208,
  MN_E_FILE_NOT_FOUND = -209,
  MN_E_WRONG_LENGTH = -210,
  MN_E_STATUS_WORD = -211,
  MN_E_TLV_MALFORMED = -212,
  MN_E_APDU_MALFORMED = -213,

  /* My Number Act rules */
  MN_E_LAW_UNKNOWN_ID = -300,
  MN_E_LAW_INVALID_QUERY = -301,
  MN_E_LAW_DATE_OUT_OF_RANGE = -302,
  MN_E_JSON_MALFORMED = -303,

  /* corporate-number data */
  MN_E_CSV_MALFORMED = -400,
  MN_E_ENCODING = -401,
  MN_E_DATABASE = -402,
  MN_E_DIFF_ORDER = -403,
  MN_E_ARCHIVE = -404,
  MN_E_XML_MALFORMED = -405,

  /* sensitive-data handling */
  MN_E_TAMPER_DETECTED = -500,
  MN_E_KEY_INVALID = -501,
  MN_E_KEY_UNKNOWN = -502,
  MN_E_FORMAT_VERSION = -503,
  MN_E_AUDIT_CHAIN_BROKEN = -504,

  /* general */
  MN_E_INVALID_ARGUMENT = -900,
  MN_E_NULL_POINTER = -901,
  MN_E_BUFFER_TOO_SMALL = -902,
  MN_E_OUT_OF_MEMORY = -903,
  MN_E_IO = -904,
  MN_E_NOT_SUPPORTED = -905,
  MN_E_INVALID_DATE = -906, /* a date that is malformed, does not exist or has no 和暦 form */
  MN_E_INTERNAL = -999
};

/* Short English name of a status code (either sign is accepted); a static string, never NULL.
 * Unknown codes give "unknown error". */
MN_API const char* mn_strerror(int status);

/* Where and why a call failed. Zeroed/reset by every call that takes one. */
typedef struct mn_error {
  int status;       /* MN_OK or a negative MN_E_* code (same as the return value) */
  int64_t position; /* 0-based character index into the input, or -1 */
  int expected;     /* the correct check digit for MN_E_CHECK_DIGIT_MISMATCH, else -1 */
} mn_error;

/* Full message for an error, e.g. "check digit mismatch at position 11: expected check digit 8".
 * Never contains the input. snprintf contract; err == NULL gives MN_E_NULL_POINTER. */
MN_API int mn_error_message(const mn_error* err, char* out, size_t out_size);

/* Length value meaning "the input is NUL-terminated; measure it with strlen". */
#define MN_NUL_TERMINATED ((size_t)-1)

/* ---- numbers ------------------------------------------------------------------------------ */

/* The number kind. A plain int rather than an enum type, so that any value a caller passes is
 * well-defined on both sides of the boundary; unknown values give MN_E_INVALID_ARGUMENT. */
typedef int mn_kind;
enum {
  MN_KIND_INDIVIDUAL = 0, /* 個人番号, 12 digits, check digit last */
  MN_KIND_CORPORATE = 1   /* 法人番号, 13 digits, check digit first */
};

/* Flags for functions that read a number. */
#define MN_LENIENT 0x1u      /* accept full-width digits, spaces and dashes (normalize.hpp rules) */
#define MN_REVEAL 0x2u       /* formatting: print every digit instead of masking */
#define MN_NO_SEPARATOR 0x4u /* formatting: no group separators */

/* Validates `text` as a number of `kind`. Returns MN_OK or the first failure (empty, too short,
 * too long, invalid character, check digit mismatch, invalid UTF-8 with MN_LENIENT). Unknown kind
 * or flags give MN_E_INVALID_ARGUMENT. */
MN_API int mn_validate(mn_kind kind, const char* text, size_t len, unsigned flags, mn_error* err);

/* 1 if `text` is exactly a valid number of `kind` in ASCII digits, else 0 (also for NULL). The
 * fast path: no normalisation, no error details. */
MN_API int mn_is_valid(mn_kind kind, const char* text, size_t len);

/* Check digit for a base number: 11 ASCII digits (individual, 総務省令第85号 第5条) or 12 ASCII digits
 * (corporate, 財務省令第70号 第2条). Returns 0–9, or a negative status (wrong length, non-digit). */
MN_API int mn_check_digit(mn_kind kind, const char* base, size_t len, mn_error* err);

/* The full number built from its base digits (check digit added in the right place). */
MN_API int mn_from_base(mn_kind kind, const char* base, size_t len, char* out, size_t out_size, mn_error* err);

/* Lenient normalisation to ASCII digits (any count): full-width digits become ASCII, spaces and
 * dashes are dropped; anything else is MN_E_INVALID_CHARACTER / MN_E_INVALID_UTF8 with position.
 * The output is the caller's own input reduced to digits, so it may be a full Individual Number. */
MN_API int mn_normalize(const char* text, size_t len, char* out, size_t out_size, mn_error* err);

/* Validates, then writes the grouped display form: "**** **** 9018" / "*-****-****-0002" (masked,
 * the default), the full grouped digits with MN_REVEAL, without separators with MN_NO_SEPARATOR.
 * Masking keeps the last 4 digits visible (MYNUMBER_DEFAULT_VISIBLE_DIGITS). */
MN_API int mn_format(mn_kind kind, const char* text, size_t len, unsigned flags, char* out, size_t out_size,
                     mn_error* err);

/* Validates, then writes the masked digits without grouping. `visible_digits` < 0 selects the
 * default (4); at least one digit is always hidden. `mask_char` 0 selects '*'. */
MN_API int mn_mask(mn_kind kind, const char* text, size_t len, unsigned flags, int visible_digits, char mask_char,
                   char* out, size_t out_size, mn_error* err);

/* ---- bulk validation ---------------------------------------------------------------------- */

typedef struct mn_bulk_counts {
  uint64_t records;
  uint64_t valid;
  uint64_t invalid;
} mn_bulk_counts;

/* Validates newline-separated records (LF or CRLF; no record after a final newline) strictly.
 * status_out[i] receives 0 for a valid record, else the positive errc value (1–99) of its first
 * failure; records beyond status_size are counted but not written. status_out may be NULL to
 * only count. buffer may be NULL only when len is 0. */
MN_API int mn_validate_lines(mn_kind kind, const char* buffer, size_t len, uint8_t* status_out, size_t status_size,
                             mn_bulk_counts* counts);

/* Validates `count` fixed-size records of `stride` bytes (right-padded with spaces or NULs). */
MN_API int mn_validate_strided(mn_kind kind, const char* data, size_t count, size_t stride, uint8_t* status_out,
                               size_t status_size, mn_bulk_counts* counts);

/* ---- generation --------------------------------------------------------------------------- */

/* A seeded source of valid numbers. The engine is std::mt19937_64 and the draw uses only its raw
 * output (generate.hpp), so a seed gives the same numbers from C, C++, Python, Go and Rust.
 * Generated numbers may belong to real people or corporations: never publish them as dummies. */
typedef struct mn_generator mn_generator;

/* A new generator, or NULL when out of memory. Free with mn_generator_free. */
MN_API mn_generator* mn_generator_new(uint64_t seed);
/* Frees a generator; NULL is a no-op. */
MN_API void mn_generator_free(mn_generator* gen);
/* Writes the next number of `kind`. check_digit -1 draws it, else fixes it (0–9 individual,
 * 1–9 corporate; otherwise MN_E_INVALID_ARGUMENT). A call that fails for a too-small buffer
 * still consumes the number. */
MN_API int mn_generator_next(mn_generator* gen, mn_kind kind, int check_digit, char* out, size_t out_size);

/* `count` numbers from a fresh generator seeded with `seed`, written back to back (12 or 13 digits
 * each, no separators). Same numbers as `count` calls of mn_generator_next. */
MN_API int mn_generate(mn_kind kind, uint64_t seed, size_t count, char* out, size_t out_size);

/* ---- T-number, ISO 6523, Peppol ----------------------------------------------------------- */

/* Validates a qualified-invoice issuer number (適格請求書発行事業者登録番号): "T" + 13 digits with
 * the corporate check rule. With MN_LENIENT also "t", "Ｔ", full-width digits, spaces, dashes. */
MN_API int mn_invoice_validate(const char* text, size_t len, unsigned flags, mn_error* err);
/* "T" + the corporate number (a corporation's T-number). */
MN_API int mn_invoice_from_corporate(const char* corporate, size_t len, unsigned flags, char* out, size_t out_size,
                                     mn_error* err);
/* The 13 digits of a T-number (a corporation's corporate number; for sole proprietors the digits
 * are a separate number that is not the My Number). */
MN_API int mn_invoice_to_corporate(const char* invoice, size_t len, unsigned flags, char* out, size_t out_size,
                                   mn_error* err);

/* ISO/IEC 6523 identifier of a party: a corporate number gives "0188:<13 digits>", a T-number
 * gives "0221:T<13 digits>". */
MN_API int mn_to_iso6523(const char* number, size_t len, unsigned flags, char* out, size_t out_size, mn_error* err);
/* Peppol participant id: "iso6523-actorid-upis::" + mn_to_iso6523's result. */
MN_API int mn_to_peppol(const char* number, size_t len, unsigned flags, char* out, size_t out_size, mn_error* err);
/* Parses "0188:…" / "0221:T…"; writes the corporate number or T-number and stores the ICD
 * (188 or 221) in *icd when icd is not NULL. */
MN_API int mn_from_iso6523(const char* id, size_t len, int* icd, char* out, size_t out_size, mn_error* err);
/* Parses "iso6523-actorid-upis::0188:…" (scheme case-insensitive) like mn_from_iso6523. */
MN_API int mn_from_peppol(const char* id, size_t len, int* icd, char* out, size_t out_size, mn_error* err);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_H */
