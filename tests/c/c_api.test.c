/* File: c_api.test.c — calls every function of mynumber_c.h from C99 and checks real results.
 * Test vectors are the fixed ones of data/numbers/vectors.tsv (123456789018, 7000012050002, ...);
 * other numbers are derived from them or generated. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "c_test.h"
#include "mynumber_c.h"

static void test_version(void) {
  char expected[32];
  CHECK_EQ_INT(mn_version_number(), MN_VERSION_NUMBER);
  snprintf(expected, sizeof expected, "%d.%d.%d", MN_VERSION_MAJOR, MN_VERSION_MINOR, MN_VERSION_PATCH);
  CHECK_STR(mn_version_string(), expected);
  CHECK_STR(MN_VERSION_STRING, expected);
}

static void test_strerror(void) {
  CHECK_STR(mn_strerror(MN_OK), "ok");
  CHECK_STR(mn_strerror(MN_E_CHECK_DIGIT_MISMATCH), "check digit mismatch");
  CHECK_STR(mn_strerror(5), "check digit mismatch"); /* either sign */
  CHECK_STR(mn_strerror(MN_E_PIN_BLOCKED), "PIN blocked");
  CHECK_STR(mn_strerror(MN_E_NULL_POINTER), "null pointer");
  CHECK_STR(mn_strerror(-12345), "unknown error");
  CHECK_STR(mn_strerror(INT_MIN), "unknown error");
  /* pinned values (part of the ABI) */
  CHECK_EQ_INT(MN_E_EMPTY, -1);
  CHECK_EQ_INT(MN_E_CHECK_DIGIT_MISMATCH, -5);
  CHECK_EQ_INT(MN_E_CERTIFICATE_MALFORMED, -100);
  CHECK_EQ_INT(MN_E_CARD_TRANSPORT, -200);
  CHECK_EQ_INT(MN_E_LAW_UNKNOWN_ID, -300);
  CHECK_EQ_INT(MN_E_CSV_MALFORMED, -400);
  CHECK_EQ_INT(MN_E_TAMPER_DETECTED, -500);
  CHECK_EQ_INT(MN_E_INVALID_ARGUMENT, -900);
  CHECK_EQ_INT(MN_E_INVALID_DATE, -906);
  CHECK_STR(mn_strerror(MN_E_INVALID_DATE), mn_strerror(906));
  CHECK_EQ_INT(MN_E_INTERNAL, -999);
}

static void test_validate(void) {
  mn_error err;
  char msg[128];
  int n;
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "123456789018", MN_NUL_TERMINATED, 0, &err), MN_OK);
  CHECK_EQ_INT(err.status, MN_OK);
  CHECK_EQ_INT(err.position, -1);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "621498320257", 12, 0, NULL), MN_OK);
  CHECK_EQ_INT(mn_validate(MN_KIND_CORPORATE, "7000012050002", 13, 0, NULL), MN_OK);
  CHECK_EQ_INT(mn_validate(MN_KIND_CORPORATE, "1180301018771", 13, 0, NULL), MN_OK);

  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "123456789012", 12, 0, &err), MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.status, MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.position, 11);
  CHECK_EQ_INT(err.expected, 8);
  n = mn_error_message(&err, msg, sizeof msg);
  CHECK_STR(msg, "check digit mismatch at position 11: expected check digit 8");
  CHECK_EQ_INT(n, (int)strlen(msg));
  CHECK(strstr(msg, "123456789012") == NULL);

  CHECK_EQ_INT(mn_validate(MN_KIND_CORPORATE, "8000012050002", 13, 0, &err), MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.position, 0);
  CHECK_EQ_INT(err.expected, 7);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "12345678901", 11, 0, NULL), MN_E_TOO_SHORT);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "1234567890180", 13, 0, NULL), MN_E_TOO_LONG);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "", 0, 0, NULL), MN_E_EMPTY);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "1234a6789018", 12, 0, &err), MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(err.position, 4);

  /* lenient: full-width digits, spaces, dashes (normalize.hpp) */
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "1234 5678 9018", MN_NUL_TERMINATED, 0, NULL), MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "1234 5678 9018", MN_NUL_TERMINATED, MN_LENIENT, NULL), MN_OK);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94-5678-9018",
                           MN_NUL_TERMINATED, MN_LENIENT, NULL),
               MN_OK); /* １２３４-5678-9018 */
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "1234 5678 9012", MN_NUL_TERMINATED, MN_LENIENT, &err),
               MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.position, 13); /* character index in the caller's text */
  CHECK_EQ_INT(err.expected, 8);
  CHECK_EQ_INT(mn_validate((mn_kind)7, "123456789018", 12, 0, &err), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, "123456789018", 12, 0x80u, NULL), MN_E_INVALID_ARGUMENT);

  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, "123456789018", 12), 1);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, "123456789018", MN_NUL_TERMINATED), 1);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_INDIVIDUAL, "123456789012", 12), 0);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_CORPORATE, "7000012050002", 13), 1);
  CHECK_EQ_INT(mn_is_valid(MN_KIND_CORPORATE, "123456789018", 12), 0);
}

static void test_check_digit(void) {
  mn_error err;
  char out[32];
  CHECK_EQ_INT(mn_check_digit(MN_KIND_INDIVIDUAL, "12345678901", 11, &err), 8);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_INDIVIDUAL, "00000000006", 11, &err), 0);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_CORPORATE, "000012050002", 12, &err), 7);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_CORPORATE, "180301018771", 12, &err), 1);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_INDIVIDUAL, "123456789018", 12, &err), MN_E_TOO_LONG);
  CHECK_EQ_INT(mn_check_digit(MN_KIND_INDIVIDUAL, "1234567890x", 11, &err), MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(err.position, 10);

  CHECK_EQ_INT(mn_from_base(MN_KIND_INDIVIDUAL, "26334829115", 11, out, sizeof out, NULL), 12);
  CHECK_STR(out, "263348291158");
  CHECK_EQ_INT(mn_from_base(MN_KIND_CORPORATE, "700110005901", 12, out, sizeof out, NULL), 13);
  CHECK_STR(out, "8700110005901");
  CHECK_EQ_INT(mn_from_base(MN_KIND_CORPORATE, "70011000590", 11, out, sizeof out, NULL), MN_E_TOO_SHORT);
}

static void test_normalize_format_mask(void) {
  char out[64];
  char small[5] = "XXXX";
  mn_error err;
  int n;
  n = mn_normalize(
      "\xef\xbc\x91\xef\xbc\x92 3-4\xe3\x80\x80"
      "5678 9018",
      MN_NUL_TERMINATED, out, sizeof out, NULL);
  CHECK_EQ_INT(n, 12);
  CHECK_STR(out, "123456789018");
  CHECK_EQ_INT(mn_normalize("12#4", 4, out, sizeof out, &err), MN_E_INVALID_CHARACTER);
  CHECK_EQ_INT(err.position, 2);
  CHECK_EQ_INT(mn_normalize(" - ", 3, out, sizeof out, NULL), MN_E_EMPTY);

  /* snprintf contract: length query, exact fit, one byte short */
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, NULL, 0, NULL), 14);
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, small, sizeof small, NULL), 14);
  CHECK_STR(small, ""); /* never a truncated number */
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, out, 14, NULL), 14);
  CHECK_STR(out, "");
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, out, 15, NULL), 14);
  CHECK_STR(out, "**** **** 9018");
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, MN_REVEAL, out, sizeof out, NULL), 14);
  CHECK_STR(out, "1234 5678 9018");
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789018", 12, MN_REVEAL | MN_NO_SEPARATOR, out, sizeof out, NULL),
               12);
  CHECK_STR(out, "123456789018");
  CHECK_EQ_INT(mn_format(MN_KIND_CORPORATE, "7000012050002", 13, 0, out, sizeof out, NULL), 16);
  CHECK_STR(out, "*-****-****-0002");
  CHECK_EQ_INT(mn_format(MN_KIND_CORPORATE, "7-0000-1205-0002", MN_NUL_TERMINATED, MN_LENIENT | MN_REVEAL, out,
                         sizeof out, NULL),
               16);
  CHECK_STR(out, "7-0000-1205-0002");
  CHECK_EQ_INT(mn_format(MN_KIND_INDIVIDUAL, "123456789012", 12, 0, out, sizeof out, &err), MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.expected, 8);

  CHECK_EQ_INT(mn_mask(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, -1, 0, out, sizeof out, NULL), 12);
  CHECK_STR(out, "********9018");
  CHECK_EQ_INT(mn_mask(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, 0, '#', out, sizeof out, NULL), 12);
  CHECK_STR(out, "############");
  CHECK_EQ_INT(mn_mask(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, 99, 0, out, sizeof out, NULL), 12);
  CHECK_STR(out, "*23456789018"); /* at least one digit stays hidden */
  CHECK_EQ_INT(mn_mask(MN_KIND_INDIVIDUAL, "123456789018", 12, MN_REVEAL, -1, 0, out, sizeof out, NULL),
               MN_E_INVALID_ARGUMENT);
}

static void test_bulk(void) {
  const char lines[] = "123456789018\n123456789012\r\n\n1234\n7000012050002\n621498320257";
  const char strided[] =
      "123456789018 "
      "12345678901\0\0"
      "873321641958\0";
  uint8_t status[8];
  mn_bulk_counts counts;
  memset(status, 0xff, sizeof status);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, lines, sizeof lines - 1, status, sizeof status, &counts), MN_OK);
  CHECK_EQ_INT(counts.records, 6);
  CHECK_EQ_INT(counts.valid, 2);
  CHECK_EQ_INT(counts.invalid, 4);
  CHECK_EQ_INT(status[0], 0);
  CHECK_EQ_INT(status[1], 5); /* check_digit_mismatch */
  CHECK_EQ_INT(status[2], 1); /* empty */
  CHECK_EQ_INT(status[3], 2); /* too_short */
  CHECK_EQ_INT(status[4], 3); /* too_long */
  CHECK_EQ_INT(status[5], 0);
  CHECK_EQ_INT(status[6], 0xff); /* untouched */

  /* records beyond status_size are counted, not written */
  memset(status, 0xff, sizeof status);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, lines, sizeof lines - 1, status, 2, &counts), MN_OK);
  CHECK_EQ_INT(counts.records, 6);
  CHECK_EQ_INT(status[2], 0xff);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, lines, sizeof lines - 1, NULL, 0, &counts), MN_OK);
  CHECK_EQ_INT(counts.valid, 2);
  CHECK_EQ_INT(mn_validate_lines(MN_KIND_INDIVIDUAL, NULL, 0, NULL, 0, &counts), MN_OK);
  CHECK_EQ_INT(counts.records, 0);

  CHECK_EQ_INT(mn_validate_strided(MN_KIND_INDIVIDUAL, strided, 3, 13, status, sizeof status, &counts), MN_OK);
  CHECK_EQ_INT(counts.records, 3);
  CHECK_EQ_INT(counts.valid, 2);
  CHECK_EQ_INT(status[0], 0);
  CHECK_EQ_INT(status[1], 2);
  CHECK_EQ_INT(status[2], 0);
  CHECK_EQ_INT(mn_validate_strided(MN_KIND_CORPORATE, "7000012050002", 1, 13, status, 1, &counts), MN_OK);
  CHECK_EQ_INT(counts.valid, 1);
}

static void test_generate(void) {
  char batch[5 * 12 + 1];
  char one[16];
  mn_generator* gen;
  int i;
  CHECK_EQ_INT(mn_generate(MN_KIND_INDIVIDUAL, 42, 5, NULL, 0), 60);
  CHECK_EQ_INT(mn_generate(MN_KIND_INDIVIDUAL, 42, 5, batch, sizeof batch), 60);
  CHECK_EQ_INT((int)strlen(batch), 60);
  gen = mn_generator_new(42);
  CHECK(gen != NULL);
  for (i = 0; i < 5; ++i) {
    CHECK_EQ_INT(mn_generator_next(gen, MN_KIND_INDIVIDUAL, -1, one, sizeof one), 12);
    CHECK(memcmp(one, batch + i * 12, 12) == 0); /* same engine, same numbers */
    CHECK_EQ_INT(mn_validate(MN_KIND_INDIVIDUAL, one, 12, 0, NULL), MN_OK);
  }
  mn_generator_free(gen);

  gen = mn_generator_new(7);
  for (i = 0; i < 20; ++i) {
    CHECK_EQ_INT(mn_generator_next(gen, MN_KIND_CORPORATE, 3, one, sizeof one), 13);
    CHECK_EQ_INT(one[0], '3');
    CHECK_EQ_INT(mn_is_valid(MN_KIND_CORPORATE, one, 13), 1);
  }
  CHECK_EQ_INT(mn_generator_next(gen, MN_KIND_CORPORATE, 0, one, sizeof one), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_generator_next(gen, MN_KIND_INDIVIDUAL, 10, one, sizeof one), MN_E_INVALID_ARGUMENT);
  mn_generator_free(gen);
  mn_generator_free(NULL);

  /* different seeds give different sequences */
  {
    char other[5 * 12 + 1];
    CHECK_EQ_INT(mn_generate(MN_KIND_INDIVIDUAL, 43, 5, other, sizeof other), 60);
    CHECK(memcmp(other, batch, 60) != 0);
  }
}

static void test_invoice_iso6523(void) {
  char out[64];
  mn_error err;
  int icd = 0;
  CHECK_EQ_INT(mn_invoice_validate("T7000012050002", MN_NUL_TERMINATED, 0, NULL), MN_OK);
  CHECK_EQ_INT(mn_invoice_validate("7000012050002", MN_NUL_TERMINATED, 0, &err), MN_E_MISSING_PREFIX);
  CHECK_EQ_INT(err.position, 0);
  CHECK_EQ_INT(mn_invoice_validate("T7000012050003", MN_NUL_TERMINATED, 0, &err), MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.position, 1);
  CHECK_EQ_INT(err.expected, 6);
  CHECK_EQ_INT(mn_invoice_validate("t 7000-0120-50002", MN_NUL_TERMINATED, MN_LENIENT, NULL), MN_OK);

  CHECK_EQ_INT(mn_invoice_from_corporate("7000012050002", 13, 0, out, sizeof out, NULL), 14);
  CHECK_STR(out, "T7000012050002");
  CHECK_EQ_INT(mn_invoice_to_corporate("T1180301018771", MN_NUL_TERMINATED, 0, out, sizeof out, NULL), 13);
  CHECK_STR(out, "1180301018771");

  CHECK_EQ_INT(mn_to_iso6523("7000012050002", 13, 0, out, sizeof out, NULL), 18);
  CHECK_STR(out, "0188:7000012050002");
  CHECK_EQ_INT(mn_to_iso6523("T7000012050002", 14, 0, out, sizeof out, NULL), 19);
  CHECK_STR(out, "0221:T7000012050002");
  CHECK_EQ_INT(mn_to_peppol("7000012050002", 13, 0, out, sizeof out, NULL), 40);
  CHECK_STR(out, "iso6523-actorid-upis::0188:7000012050002");
  CHECK_EQ_INT(mn_to_iso6523("7000012050003", 13, 0, out, sizeof out, &err), MN_E_CHECK_DIGIT_MISMATCH);

  CHECK_EQ_INT(mn_from_iso6523("0221:T1180301018771", MN_NUL_TERMINATED, &icd, out, sizeof out, NULL), 14);
  CHECK_STR(out, "T1180301018771");
  CHECK_EQ_INT(icd, 221);
  CHECK_EQ_INT(
      mn_from_peppol("ISO6523-ACTORID-UPIS::0188:7000012050002", MN_NUL_TERMINATED, &icd, out, sizeof out, NULL), 13);
  CHECK_STR(out, "7000012050002");
  CHECK_EQ_INT(icd, 188);
  CHECK_EQ_INT(mn_from_iso6523("9999:7000012050002", MN_NUL_TERMINATED, &icd, out, sizeof out, &err),
               MN_E_UNKNOWN_SCHEME);
  CHECK_EQ_INT(mn_from_iso6523("0188:7000012050003", MN_NUL_TERMINATED, NULL, out, sizeof out, &err),
               MN_E_CHECK_DIGIT_MISMATCH);
  CHECK_EQ_INT(err.position, 5);
}

void mn_test_numbers(void) {
  test_version();
  test_strerror();
  test_validate();
  test_check_digit();
  test_normalize_format_mask();
  test_bulk();
  test_generate();
  test_invoice_iso6523();
}
