/* C99 test of mynumber_c/card.h: includes the header from C and checks every model function, the
 * error paths and, without a card, the reader's typed failure. */
#include <mynumber_c/card.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
#define EXPECT(cond)                                                            \
  do {                                                                          \
    if (!(cond)) {                                                              \
      fprintf(stderr, "%s:%d: EXPECT(%s) failed\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                               \
    }                                                                           \
  } while (0)

int main(void) {
  char out[64];
  mn_error err;
  int reason = -1;
  int adult = -1;

  EXPECT(mn_card_expiry("1980-02-17", NULL, "2025-10-27", MN_CARD_JAPANESE_NATIONAL, NULL, out, sizeof out, &reason,
                        &adult, &err) == 10);
  EXPECT(strcmp(out, "2035-02-17") == 0);
  EXPECT(reason == MN_CARD_TENTH_BIRTHDAY && adult == 1);
  /* 18/20 boundary: same person, application received before / after 2022-04-01. */
  EXPECT(mn_card_expiry("2003-06-01", "2022-03-31", "2022-05-10", MN_CARD_JAPANESE_NATIONAL, NULL, out, sizeof out,
                        &reason, &adult, &err) == 10);
  EXPECT(strcmp(out, "2026-06-01") == 0 && adult == 0 && reason == MN_CARD_FIFTH_BIRTHDAY);
  EXPECT(mn_card_expiry("2003-06-01", "2022-04-01", "2022-05-10", MN_CARD_JAPANESE_NATIONAL, NULL, out, sizeof out,
                        &reason, &adult, &err) == 10);
  EXPECT(strcmp(out, "2031-06-01") == 0 && adult == 1);
  EXPECT(mn_card_expiry("1990-05-05", NULL, "2025-01-10", MN_CARD_FOREIGN_FIXED_TERM, "2027-03-31", out, sizeof out,
                        &reason, NULL, &err) == 10);
  EXPECT(strcmp(out, "2027-03-31") == 0 && reason == MN_CARD_PERIOD_OF_STAY);
  EXPECT(mn_card_expiry("1990-05-05", NULL, "2025-01-10", MN_CARD_FOREIGN_FIXED_TERM, NULL, out, sizeof out, NULL, NULL,
                        &err) == MN_E_INVALID_ARGUMENT);
  EXPECT(mn_card_expiry("1990-02-30", NULL, "2025-01-10", MN_CARD_JAPANESE_NATIONAL, NULL, out, sizeof out, NULL, NULL,
                        &err) == MN_E_INVALID_DATE);
  EXPECT(err.status == MN_E_INVALID_DATE);
  EXPECT(mn_card_expiry(NULL, NULL, "2025-01-10", MN_CARD_JAPANESE_NATIONAL, NULL, out, sizeof out, NULL, NULL, &err) ==
         MN_E_NULL_POINTER);

  EXPECT(mn_card_certificate_expiry("1980-02-17", "2025-10-27", "2035-02-17", out, sizeof out, &reason, &err) == 10);
  EXPECT(strcmp(out, "2030-02-17") == 0 && reason == MN_CARD_FIFTH_BIRTHDAY);

  EXPECT(mn_card_verification_code_b("19800217", 2035, "2285", MN_NUL_TERMINATED, 0, out, sizeof out, &err) == 14);
  EXPECT(strcmp(out, "55021720352285") == 0);
  EXPECT(mn_card_verification_code_b("19800217", 2035, "22x5", MN_NUL_TERMINATED, 0, out, sizeof out, &err) ==
         MN_E_PIN_FORMAT);
  EXPECT(err.position == 2);
  /* snprintf contract: too small a buffer gets the length and an empty string. */
  EXPECT(mn_card_verification_code_b("19800217", 2035, "2285", 4, 0, out, 5, &err) == 14);
  EXPECT(out[0] == '\0');

  EXPECT(mn_card_to_wareki("1989-01-08", out, sizeof out, &err) > 0);
  EXPECT(strcmp(out, "平成元年1月8日") == 0);
  EXPECT(mn_card_to_wareki("1868-01-24", out, sizeof out, &err) == MN_E_INVALID_DATE);

  EXPECT(mn_card_check_pin_format(MN_CARD_PIN_JPKI_AUTH, "1234", 4, &err) == MN_OK);
  EXPECT(mn_card_check_pin_format(MN_CARD_PIN_JPKI_SIGN, "abc", 3, &err) == MN_E_PIN_FORMAT);
  EXPECT(mn_card_check_pin_format((mn_card_pin)3, "1234", 4, &err) == MN_E_INVALID_ARGUMENT);

  {
    mn_card_reader* reader = NULL;
    const int status = mn_card_reader_open("No Such Reader 99", 0, &reader, &err);
    if (mn_card_has_pcsc()) {
      EXPECT(status == MN_E_READER_NOT_FOUND);
    } else {
      EXPECT(status == MN_E_NOT_SUPPORTED);
    }
    EXPECT(reader == NULL);
    mn_card_reader_free(NULL);
  }

  if (failures == 0) printf("card C API: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
