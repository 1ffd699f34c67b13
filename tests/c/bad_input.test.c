/* File: bad_input.test.c — hostile input through the C ABI: NULL everywhere, out-of-range
 * enums, overlong strings, invalid UTF-8 and embedded NUL bytes. Each call must return a typed
 * status (and never crash, read or write out of bounds; the sanitizer preset checks the latter). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "c_test.h"
#include "mynumber_c.h"

static void test_null(void) {
  char out[32];
  mn_error err;
  mn_bulk_counts counts;
  uint8_t status[4];
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, NULL, 12, 0, &err), MN_E_NULL_POINTER);
  CHECK_EQ_INT(err.status, MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, NULL, MN_NUL_TERMINATED, 0, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, NULL, 0, 0, NULL), MN_E_EMPTY); /* (NULL, 0) is "" */
  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, NULL, 12), 0);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_INDIVIDUAL, NULL, 11, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_from_base(MN_KIND_INDIVIDUAL, NULL, 11, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_normalize(NULL, 3, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, NULL, 12, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, NULL, 10, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_mask(MN_KIND_INDIVIDUAL, NULL, 12, 0, -1, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_error_message(NULL, out, sizeof out), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, NULL, 5, status, 4, &counts), MN_E_NULL_POINTER);
  CHECK_EQ_INT(counts.records, 0);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, "123456789018", 12, NULL, 4, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_validate_strided(MN_KIND_INDIVIDUAL, NULL, 2, 12, status, 4, &counts), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_validate_strided(MN_KIND_INDIVIDUAL, "123456789018", 1, 0, status, 4, &counts),
               MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_generator_next(NULL, MN_KIND_INDIVIDUAL, -1, out, sizeof out), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_generate(MN_KIND_INDIVIDUAL, 1, 2, NULL, 5), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_invoice_validate(NULL, 14, 0, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_invoice_from_corporate(NULL, 13, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_invoice_to_corporate(NULL, 14, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_to_iso6523(NULL, 13, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_to_peppol(NULL, 13, 0, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_from_iso6523(NULL, 18, NULL, out, sizeof out, NULL), MN_E_NULL_POINTER);
  CHECK_EQ_INT(mn_from_peppol(NULL, 40, NULL, out, sizeof out, NULL), MN_E_NULL_POINTER);
}

static void test_bad_arguments(void) {
  char out[32];
  uint8_t status[2];
  mn_bulk_counts counts;
  CHECK_EQ_INT(mn_is_valid((mn_kind)-3, "123456789018", 12), 0);
  CHECK_EQ_INT(mn_check_digit((mn_kind)2, "12345678901", 11, NULL), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_from_base((mn_kind)2, "12345678901", 11, out, sizeof out, NULL), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_format((mn_kind)2, "123456789018", 12, 0, out, sizeof out, NULL), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_validate_lines((mn_kind)9, "1\n", 2, status, 2, &counts), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_validate_strided((mn_kind)9, "1", 1, 1, status, 2, &counts), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_generate((mn_kind)9, 1, 1, out, sizeof out), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_generate(MN_KIND_INDIVIDUAL, 1, (size_t)-1, out, sizeof out), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_invoice_validate("T7000012050002", 14, 0x10u, NULL), MN_E_INVALID_ARGUMENT);
}

static void test_overlong(void) {
  const size_t big = (size_t)1 << 20; /* 1 MiB of digits */
  char* text = (char*)malloc(big + 1);
  char out[32];
  mn_error err;
  CHECK(text != NULL);
  if (text == NULL) return;
  memset(text, '1', big);
  text[big] = '\0';
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, text, big, 0, &err), MN_E_TOO_LONG);
  CHECK_EQ_INT(mn_validate(MN_KIND_CORPORATE, text, MN_NUL_TERMINATED, MN_LENIENT, &err), MN_E_TOO_LONG);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, text, big), 0);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_CORPORATE, text, big, NULL), MN_E_TOO_LONG);
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, text, big, MN_LENIENT, out, sizeof out, NULL), MN_E_TOO_LONG);
  /* normalisation of 1 MiB of digits works; the result does not fit and is reported by length */
  CHECK_EQ_INT(mn_normalize(text, big, out, sizeof out, NULL), (int)big);
  CHECK_STR(out, "");
  CHECK_EQ_INT(mn_to_iso6523(text, big, MN_LENIENT, out, sizeof out, NULL), MN_E_TOO_LONG);
  free(text);
}

static void test_invalid_utf8_and_nul(void) {
  char out[32];
  mn_error err;
  static const char* const bad_utf8[] = {
      "\xff\xfe"
      "123456789018", /* invalid lead bytes */
      "1234\xc0\xaf"
      "56789018",                 /* overlong encoding of '/' */
      "123456789018\xed\xa0\x80", /* UTF-16 surrogate */
      "12345678901\xe3\x80",      /* truncated sequence */
  };
  static const int64_t where[] = {0, 4, 12, 11};
  size_t i;
  for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; ++i) {
    CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, bad_utf8[i], MN_NUL_TERMINATED, MN_LENIENT, &err), MN_E_INVALID_UTF8);
    CHECK_EQ_INT(err.position, where[i]);
    /* strict parsing sees bytes that are not digits */
    CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, bad_utf8[i], MN_NUL_TERMINATED, 0, &err), MN_E_INVALID_CHARACTER);
    CHECK_EQ_INT(mn_normalize(bad_utf8[i], MN_NUL_TERMINATED, out, sizeof out, NULL), MN_E_INVALID_UTF8);
  }
  /* an embedded NUL is data: it is an invalid character, not the end of the string */
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL,
                           "123456\0"
                           "789018",
                           13, 0, &err),
               MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(err.position, 6);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL,
                           "12345678901\0"
                           "8",
                           13, MN_LENIENT, &err),
               MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(err.position, 11);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, "12345678901\0", 12), 0);
  CHECK_EQ_INT(mn_from_iso6523("0188\0"
                               "7000012050002",
                               18, NULL, out, sizeof out, &err),
               MN_E_UNKNOWN_SCHEME);
}

void mn_test_bad_input(void) {
  test_null();
  test_bad_arguments();
  test_overlong();
  test_invalid_utf8_and_nul();
}
