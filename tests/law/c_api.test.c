/* C ABI of the law module (mynumber_c/law.h), compiled as strict C99 and linked against the C
 * library when it includes the law module (see tests/law/CMakeLists.txt). */
#include <stdio.h>
#include <string.h>

#include "mynumber_c.h"
#include "mynumber_c/law.h"

static int checks = 0;
static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++checks;                                                                  \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

static char buffer[1 << 20];

int main(void) {
  mn_error err;
  int n;
  const char* penalty = "{\"date\":\"2017-04-01\",\"offence\":\"PEN.FILE_LEAK\",\"trace\":false}";

  n = mn_law_penalty_json(penalty, MN_NUL_TERMINATED, buffer, sizeof buffer, &err);
  CHECK(n > 0 && n < (int)sizeof buffer);
  CHECK(err.status == MN_OK);
  CHECK(strstr(buffer, "\"article\":\"48\"") != NULL);
  CHECK(strstr(buffer, "\"max_fine_yen\":2000000") != NULL);
  CHECK(strstr(buffer, "not legal advice") != NULL);

  /* snprintf contract: a length query, then a too-small buffer gets an empty string. */
  CHECK(mn_law_penalty_json(penalty, MN_NUL_TERMINATED, NULL, 0, &err) == n);
  {
    char small[8] = "xxxxxxx";
    CHECK(mn_law_penalty_json(penalty, MN_NUL_TERMINATED, small, sizeof small, &err) == n);
    CHECK(small[0] == '\0');
  }

  /* The dispatcher and a question mismatch. */
  n = mn_law_answer_json("{\"question\":\"annex\",\"date\":\"2025-07-01\",\"include_linkage\":false,\"limit\":0}",
                         MN_NUL_TERMINATED, buffer, sizeof buffer, &err);
  CHECK(n > 0);
  CHECK(strstr(buffer, "\"count\":177") != NULL);
  n = mn_law_use_json("{\"question\":\"penalty\",\"date\":\"2025-07-01\"}", MN_NUL_TERMINATED, buffer, sizeof buffer,
                      &err);
  CHECK(n == MN_E_LAW_INVALID_QUERY);
  CHECK(err.status == MN_E_LAW_INVALID_QUERY);

  /* Typed errors, with the byte position of malformed JSON. */
  n = mn_law_request_json("{\"date\":\"2025-07-01\",}", MN_NUL_TERMINATED, buffer, sizeof buffer, &err);
  CHECK(n == MN_E_JSON_MALFORMED);
  CHECK(err.position == 21);
  CHECK(mn_law_error_json(&err, buffer, sizeof buffer) > 0);
  CHECK(strstr(buffer, "\"code\":303") != NULL);
  CHECK(mn_law_request_json("{\"date\":\"2010-07-01\"}", MN_NUL_TERMINATED, buffer, sizeof buffer, &err) ==
        MN_E_LAW_DATE_OUT_OF_RANGE);
  CHECK(mn_law_payment_json("{\"date\":\"2025-07-01\",\"kind\":\"PAY.NOPE\",\"amount_yen\":1}", MN_NUL_TERMINATED,
                            buffer, sizeof buffer, &err) == MN_E_LAW_UNKNOWN_ID);
  CHECK(mn_law_verify_identity_json(NULL, 5, buffer, sizeof buffer, &err) == MN_E_NULL_POINTER);
  CHECK(mn_law_error_json(NULL, buffer, sizeof buffer) == MN_E_NULL_POINTER);

  /* Embedded NUL bytes are data: the request below is cut by its length, not by strlen. */
  {
    const char with_nul[] = "{\"date\":\"2025-07-01\",\"kind\":\"PAY.FEES_OTHER\",\"amount_yen\":50001}\0junk";
    n = mn_law_payment_json(with_nul, sizeof with_nul - 1, buffer, sizeof buffer, &err);
    CHECK(n == MN_E_JSON_MALFORMED);
    n = mn_law_payment_json(with_nul, strlen(with_nul), buffer, sizeof buffer, &err);
    CHECK(n > 0);
    CHECK(strstr(buffer, "\"decision\":\"required\"") != NULL);
  }
  {
    const char* idv = "{\"date\":\"2020-05-25\",\"documents\":[\"notification_card\",\"drivers_license\"]}";
    n = mn_law_verify_identity_json(idv, MN_NUL_TERMINATED, buffer, sizeof buffer, &err);
    CHECK(n > 0);
    CHECK(strstr(buffer, "A16.NOTIFICATION_CARD_TRANSITIONAL") != NULL);
  }
  CHECK(mn_law_use_json("{\"date\":\"2025-07-01\",\"path\":\"related_affairs\",\"statutory_filing_duty\":true}",
                        MN_NUL_TERMINATED, buffer, sizeof buffer, &err) > 0);
  CHECK(strstr(buffer, "\"decision\":\"permitted\"") != NULL);

  printf("law C ABI: %d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
