/* A C99 consumer of the static C ABI: exits non-zero unless the library works. It calls into each
 * module that uses a system library (libcrypto, SQLite) when that module's header is installed,
 * so that the link needs those libraries too. */
#include <stdio.h>
#include <string.h>

#include <mynumber_c.h>

#if defined(__has_include)
#if __has_include(<mynumber_c/secure.h>)
#include <mynumber_c/secure.h>
#define CONSUMER_HAS_SECURE 1
#endif
#if __has_include(<mynumber_c/corp.h>)
#include <mynumber_c/corp.h>
#define CONSUMER_HAS_CORP 1
#endif
#endif

static int check(int ok, const char* what) {
  if (!ok) fprintf(stderr, "c_static consumer: %s failed\n", what);
  return ok ? 0 : 1;
}

int main(void) {
  int failures = 0;
  mn_error err;
  char message[256];
  char masked[32];
  failures += check(mn_validate(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, &err) == MN_OK, "validate");
  failures += check(mn_validate(MN_KIND_INDIVIDUAL, "123456789012", 12, 0, &err) != MN_OK, "reject");
  failures += check(mn_error_message(&err, message, sizeof message) > 0 && strstr(message, "check digit") != NULL,
                    "error message");
  failures += check(mn_mask(MN_KIND_INDIVIDUAL, "123456789018", 12, 0, 4, '*', masked, sizeof masked, &err) == 12 &&
                        strcmp(masked, "********9018") == 0,
                    "mask");
#ifdef CONSUMER_HAS_SECURE
  {
    char entry[256];
    failures +=
        check(mn_key_generate_entry("k1", 2, entry, sizeof entry, &err) > 0 && strncmp(entry, "mnk1:k1:", 8) == 0,
              "key generation (libcrypto)");
  }
#endif
#ifdef CONSUMER_HAS_CORP
  {
    mn_corp_store* store = NULL;
    failures += check(mn_corp_store_open(":memory:", &store, &err) == MN_OK && store != NULL, "store (SQLite)");
    mn_corp_store_free(store);
  }
#endif
  if (failures == 0) printf("c_static consumer: ok (%s)\n", mn_version_string());
  return failures == 0 ? 0 : 1;
}
