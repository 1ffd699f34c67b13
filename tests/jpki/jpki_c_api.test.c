/* C99 test of mynumber_c/jpki.h: calls every function against the generated test PKI, whose
 * directory is argv[1]. Built only when the C library includes the jpki module. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mynumber_c.h"
#include "mynumber_c/jpki.h"

static int checks = 0, failures = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    ++checks;                                                                  \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

static const char* dir;

/* Reads dir/name into a malloc'ed buffer; *len receives its size. */
static uint8_t* slurp(const char* name, size_t* len) {
  char path[4096];
  FILE* f;
  uint8_t* data;
  long size;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = (uint8_t*)malloc((size_t)size + 1);
  if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) exit(2);
  fclose(f);
  *len = (size_t)size;
  return data;
}

static char out[65536];

int main(int argc, char** argv) {
  size_t good_len, truncated_len, revoked_len;
  uint8_t *good, *truncated, *revoked;
  mn_error err;
  int ok = -1, n;
  char root[4096], crl[4096];
  const char* ca_paths[1];
  const char* crl_paths[1];
  mn_jpki_options options = MN_JPKI_OPTIONS_INIT;
  if (argc != 2) {
    fprintf(stderr, "usage: %s TEST_PKI_DIR\n", argv[0]);
    return 2;
  }
  dir = argv[1];
  good = slurp("sign_good.der", &good_len);
  truncated = slurp("sign_truncated.der", &truncated_len);
  revoked = slurp("sign_revoked.pem", &revoked_len);

  /* certificate info: personal data only with the flag */
  n = mn_jpki_certificate_json(good, good_len, 0, out, sizeof out, &err);
  CHECK(n > 0 && (size_t)n < sizeof out);
  CHECK(strstr(out, "\"kind\":\"signature\"") != NULL);
  CHECK(strstr(out, "\"basic_info\":null") != NULL);
  CHECK(strstr(out, "𠮷") == NULL);
  n = mn_jpki_certificate_json(good, good_len, MN_JPKI_INCLUDE_BASIC_INFO, out, sizeof out, &err);
  CHECK(n > 0 && strstr(out, "𠮷田　高志") != NULL);
  CHECK(mn_jpki_certificate_json(good, good_len, 0, NULL, 0, &err) < n); /* length query, no personal data */
  CHECK(mn_jpki_certificate_json(good, good_len, 0, out, 8, &err) > 8 && out[0] == '\0'); /* too small: empty */
  CHECK(mn_jpki_certificate_json(truncated, truncated_len, 0, out, sizeof out, &err) == MN_E_CERTIFICATE_MALFORMED);
  CHECK(err.status == MN_E_CERTIFICATE_MALFORMED);
  CHECK(mn_jpki_certificate_json(NULL, 5, 0, out, sizeof out, &err) == MN_E_NULL_POINTER);
  CHECK(mn_jpki_certificate_json(good, good_len, 0x80u, out, sizeof out, &err) == MN_E_INVALID_ARGUMENT);

  /* verification with the test roots and CRL */
  snprintf(root, sizeof root, "%s/sign_root.pem", dir);
  snprintf(crl, sizeof crl, "%s/sign_crl.der", dir);
  ca_paths[0] = root;
  crl_paths[0] = crl;
  options.ca_paths = ca_paths;
  options.ca_count = 1;
  options.crl_paths = crl_paths;
  options.crl_count = 1;
  n = mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err);
  CHECK(n > 0 && ok == 1);
  CHECK(strstr(out, "\"ok\":true") != NULL);
  CHECK(strstr(out, "高志") == NULL); /* verdicts never carry personal data */
  n = mn_jpki_verify_json(revoked, revoked_len, &options, &ok, out, sizeof out, &err);
  CHECK(n > 0 && ok == 0);
  CHECK(strstr(out, "\"reason\":\"revoked\"") != NULL);
  n = mn_jpki_verify_json(truncated, truncated_len, &options, &ok, out, sizeof out, &err);
  CHECK(n > 0 && ok == 0 && strstr(out, "\"reason\":\"truncated\"") != NULL);
  n = mn_jpki_verify_json(good, good_len, NULL, &ok, out, sizeof out, &err); /* J-LIS roots: not trusted */
  CHECK(n > 0 && ok == 0 && strstr(out, "\"not_trusted\"") != NULL);
  options.has_at = 1;
  options.at_unix = 0; /* 1970: not yet valid */
  n = mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err);
  CHECK(n > 0 && ok == 0 && strstr(out, "\"not_yet_valid\"") != NULL);
  options.has_at = 0;
  options.expected_kind = MN_JPKI_KIND_AUTHENTICATION;
  n = mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err);
  CHECK(n > 0 && ok == 0 && strstr(out, "\"wrong_kind\"") != NULL);
  options.expected_kind = 42;
  CHECK(mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err) == MN_E_INVALID_ARGUMENT);
  mn_jpki_options_init(&options);
  CHECK(options.version == MN_JPKI_OPTIONS_VERSION && options.expected_kind == MN_JPKI_KIND_ANY);
  mn_jpki_options_init(NULL);
  crl_paths[0] = "/nonexistent/crl.der";
  options.crl_paths = crl_paths;
  options.crl_count = 1;
  CHECK(mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err) == MN_E_IO);
  options.crl_paths = NULL;
  CHECK(mn_jpki_verify_json(good, good_len, &options, &ok, out, sizeof out, &err) == MN_E_NULL_POINTER);

  /* signatures: garbage signature and CMS are verdicts, not errors */
  mn_jpki_options_init(&options);
  options.ca_paths = ca_paths;
  options.ca_count = 1;
  n = mn_jpki_verify_raw_signature_json(good, good_len, (const uint8_t*)"m", 1, (const uint8_t*)"sig", 3, &options, &ok,
                                        out, sizeof out, &err);
  CHECK(n > 0 && ok == 0 && strstr(out, "\"bad_signature\"") != NULL);
  n = mn_jpki_verify_cms_json((const uint8_t*)"junk", 4, (const uint8_t*)"m", 1, NULL, 0, &options, &ok, out,
                              sizeof out, &err);
  CHECK(n > 0 && ok == 0 && strstr(out, "\"malformed\"") != NULL);
  CHECK(mn_jpki_verify_cms_json((const uint8_t*)"junk", 4, (const uint8_t*)"m", 1, truncated, truncated_len, &options,
                                &ok, out, sizeof out, &err) == MN_E_CERTIFICATE_MALFORMED);

  free(good);
  free(truncated);
  free(revoked);
  printf("jpki C API: %d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
