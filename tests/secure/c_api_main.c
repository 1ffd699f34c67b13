/* File: c_api_main.c — runs the secure module's C ABI test (c_api.test.c) on its own. The test
 * function has the tests/c harness signature, so it can also join tests/c as secure.test.c. */
#include "c_test.h"

#include "mynumber_c.h"

int mn_test_checks = 0;
int mn_test_failures = 0;

int main(void) {
  mn_test_secure();
  printf("mynumber C ABI (secure) %s: %d checks, %d failed\n", mn_version_string(), mn_test_checks, mn_test_failures);
  return mn_test_failures == 0 ? 0 : 1;
}
