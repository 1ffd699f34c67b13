/* File: c_test_main.c — runs the C ABI tests of the core and of each compiled-in module. */
#include "c_test.h"

#include "mynumber_c.h"

int mn_test_checks = 0;
int mn_test_failures = 0;

int main(void) {
  mn_test_numbers();
  mn_test_bad_input();
#ifdef MN_TEST_LAW
  mn_test_law();
#endif
#ifdef MN_TEST_SECURE
  mn_test_secure();
#endif
#ifdef MN_TEST_JPKI
  mn_test_jpki();
#endif
#ifdef MN_TEST_CARD
  mn_test_card();
#endif
#ifdef MN_TEST_CORP
  mn_test_corp();
#endif
  printf("mynumber C ABI %s: %d checks, %d failed\n", mn_version_string(), mn_test_checks, mn_test_failures);
  return mn_test_failures == 0 ? 0 : 1;
}
