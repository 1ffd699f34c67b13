/* File: c_api.test.c — the C ABI of the secure module (mynumber_c/secure.h), strict C99.
 * Uses the known test number 123456789018 and checks that no output buffer and no error message
 * holds it unless MN_REVEAL was passed; tokens match the first published vector of
 * docs/security.md (the same vector the C++ and Python tests check). */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_test.h"
#include "mynumber_c.h"
#include "mynumber_c/secure.h"

#define KNOWN "123456789018"
#define KEY_A "mnk1:test-2026a:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define KEY_B "mnk1:test-2026b:202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
/* docs/security.md, first row of the token-vector table. */
#define VECTOR_TOKEN "mnt1.test-2026a.WTm4DCL83Lx-pvRx9ahqkL5C8CABoB31FPzwONCeFYs"

static void check_masked(const char* text) {
  CHECK(strstr(text, KNOWN) == NULL);
  CHECK(strstr(text, "1234 5678 9018") == NULL);
}

static void check_error_message_masked(const mn_error* err) {
  char message[512];
  CHECK(mn_error_message(err, message, sizeof message) >= 0);
  check_masked(message);
}

static char* read_all(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* buffer;
  long size;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buffer = (char*)malloc((size_t)size + 1);
  if (buffer != NULL) {
    *len = fread(buffer, 1, (size_t)size, f);
    buffer[*len] = '\0';
  }
  fclose(f);
  return buffer;
}

/* Every row of the token-vector table in docs/security.md: | `key hex` | `id` | `domain` |
 * `number` | `token` |. Returns the number of rows checked. */
static int check_published_vectors(void) {
  size_t len = 0;
  char* doc = read_all(MYNUMBER_SOURCE_DIR "/docs/security.md", &len);
  char *at, *end;
  int rows = 0;
  if (doc == NULL) return 0;
  at = strstr(doc, "<!-- token-vectors:begin -->");
  end = strstr(doc, "<!-- token-vectors:end -->");
  while (at != NULL && end != NULL && at < end) {
    char* line_end = strchr(at, '\n');
    char* cells[5];
    size_t lens[5];
    int n = 0;
    char* p = at;
    if (line_end == NULL) break;
    while (n < 5) {
      char* open = memchr(p, '`', (size_t)(line_end - p));
      char* close;
      if (open == NULL) break;
      close = memchr(open + 1, '`', (size_t)(line_end - open - 1));
      if (close == NULL) break;
      cells[n] = open + 1;
      lens[n] = (size_t)(close - open - 1);
      ++n;
      p = close + 1;
    }
    if (n == 5) {
      char entry[160];
      char token[128];
      mn_key_ring* ring = NULL;
      mn_error err;
      snprintf(entry, sizeof entry, "mnk1:%.*s:%.*s", (int)lens[1], cells[1], (int)lens[0], cells[0]);
      CHECK_EQ_INT(mn_key_ring_parse(entry, MN_NUL_TERMINATED, &ring, &err), MN_OK);
      CHECK_EQ_INT(mn_token(ring, cells[2], lens[2], cells[3], lens[3], 0, token, sizeof token, &err), (int)lens[4]);
      CHECK(strncmp(token, cells[4], lens[4]) == 0);
      mn_key_ring_free(ring);
      ++rows;
    }
    at = line_end + 1;
  }
  free(doc);
  return rows;
}

static void test_tokens(mn_key_ring* ring) {
  char token[128];
  char other[128];
  char rotated[128];
  mn_error err;
  mn_key_ring* both = NULL;
  CHECK_EQ_INT(mn_token(ring, "payroll", MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0, token, sizeof token, &err),
               (int)strlen(VECTOR_TOKEN));
  CHECK_STR(token, VECTOR_TOKEN);
  check_masked(token);
  /* Lenient input gives the same token; another domain a different one. */
  CHECK(mn_token(ring, "payroll", MN_NUL_TERMINATED, "1234-5678-9018", MN_NUL_TERMINATED, MN_LENIENT, other,
                 sizeof other, &err) > 0);
  CHECK_STR(other, VECTOR_TOKEN);
  CHECK(mn_token(ring, "insurance", MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0, other, sizeof other, &err) > 0);
  CHECK(strcmp(other, token) != 0);
  CHECK_EQ_INT(
      mn_token_matches(ring, token, MN_NUL_TERMINATED, "payroll", MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0, &err),
      1);
  CHECK_EQ_INT(mn_token_matches(ring, token, MN_NUL_TERMINATED, "payroll", MN_NUL_TERMINATED, "621498320257",
                                MN_NUL_TERMINATED, 0, &err),
               0);
  /* Errors: bad number, empty domain, unknown flags. */
  CHECK_EQ_INT(
      mn_token(ring, "payroll", MN_NUL_TERMINATED, "123456789012", MN_NUL_TERMINATED, 0, other, sizeof other, &err),
      MN_E_CHECK_DIGIT_MISMATCH);
  check_error_message_masked(&err);
  CHECK_EQ_INT(mn_token(ring, "", 0, KNOWN, MN_NUL_TERMINATED, 0, other, sizeof other, &err), MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_token(ring, "d", 1, KNOWN, MN_NUL_TERMINATED, MN_REVEAL, other, sizeof other, &err),
               MN_E_INVALID_ARGUMENT);
  CHECK_EQ_INT(mn_token(NULL, "d", 1, KNOWN, MN_NUL_TERMINATED, 0, other, sizeof other, &err), MN_E_NULL_POINTER);
  /* Rotation to key B (current = first entry). */
  CHECK_EQ_INT(mn_key_ring_parse(KEY_B "\n" KEY_A, MN_NUL_TERMINATED, &both, &err), MN_OK);
  CHECK(mn_token_rotate(both, token, MN_NUL_TERMINATED, "payroll", MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0,
                        rotated, sizeof rotated, &err) > 0);
  CHECK(strncmp(rotated, "mnt1.test-2026b.", 16) == 0);
  CHECK_EQ_INT(mn_token_rotate(both, token, MN_NUL_TERMINATED, "payroll", MN_NUL_TERMINATED, "621498320257",
                               MN_NUL_TERMINATED, 0, rotated, sizeof rotated, &err),
               MN_E_TAMPER_DETECTED);
  mn_key_ring_free(both);
}

static void test_sealed(mn_key_ring* ring) {
  char sealed[256];
  char changed[256];
  char out[64];
  mn_error err;
  size_t i, n;
  int detected = 0;
  n = (size_t)mn_seal(ring, "employee/42", MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0, sealed, sizeof sealed, &err);
  CHECK(n > 5 && n < sizeof sealed);
  CHECK(strncmp(sealed, "mns1.", 5) == 0);
  check_masked(sealed);
  /* Masked unless MN_REVEAL. */
  CHECK_EQ_INT(mn_unseal(ring, sealed, MN_NUL_TERMINATED, "employee/42", MN_NUL_TERMINATED, 0, out, sizeof out, &err),
               12);
  CHECK_STR(out, "********9018");
  CHECK_EQ_INT(
      mn_unseal(ring, sealed, MN_NUL_TERMINATED, "employee/42", MN_NUL_TERMINATED, MN_REVEAL, out, sizeof out, &err),
      12);
  CHECK_STR(out, KNOWN);
  /* Too small a buffer: empty string, needed length returned (never half a number). */
  CHECK_EQ_INT(mn_unseal(ring, sealed, MN_NUL_TERMINATED, "employee/42", MN_NUL_TERMINATED, MN_REVEAL, out, 5, &err),
               12);
  CHECK_STR(out, "");
  /* Another record. */
  CHECK_EQ_INT(mn_unseal(ring, sealed, MN_NUL_TERMINATED, "employee/43", MN_NUL_TERMINATED, 0, out, sizeof out, &err),
               MN_E_TAMPER_DETECTED);
  check_error_message_masked(&err);
  /* Every character of the text form. */
  for (i = 0; i < n; ++i) {
    int status;
    memcpy(changed, sealed, n + 1);
    changed[i] = (char)(changed[i] == 'A' ? 'B' : 'A');
    status = mn_unseal(ring, changed, n, "employee/42", MN_NUL_TERMINATED, 0, out, sizeof out, &err);
    if (status == MN_E_TAMPER_DETECTED || status == MN_E_FORMAT_VERSION || status == MN_E_KEY_UNKNOWN) ++detected;
    else fprintf(stderr, "sealed char %u: status %d\n", (unsigned)i, status);
  }
  CHECK_EQ_INT(detected, (int)n);
  /* Reseal keeps the number. */
  CHECK(mn_reseal(ring, sealed, MN_NUL_TERMINATED, "employee/42", MN_NUL_TERMINATED, changed, sizeof changed, &err) >
        0);
  CHECK(strcmp(changed, sealed) != 0);
  CHECK_EQ_INT(
      mn_unseal(ring, changed, MN_NUL_TERMINATED, "employee/42", MN_NUL_TERMINATED, MN_REVEAL, out, sizeof out, &err),
      12);
  CHECK_STR(out, KNOWN);
  /* A record id that is a number is refused. */
  CHECK_EQ_INT(mn_seal(ring, KNOWN, MN_NUL_TERMINATED, KNOWN, MN_NUL_TERMINATED, 0, out, sizeof out, &err),
               MN_E_INVALID_ARGUMENT);
  check_error_message_masked(&err);
}

static void test_audit(mn_key_ring* ring) {
  char path[] = "/tmp/mynumber-secure-c-XXXXXX";
  char line[2048];
  char head[65];
  char cert[4096];
  char* log;
  size_t len = 0;
  uint64_t entries = 0;
  mn_error err;
  mn_audit_event event;
  int fd;
  fd = mkstemp(path);
  CHECK(fd >= 0);
  remove(path);
  memset(&event, 0, sizeof event);
  event.actor = "clerk";
  event.action = MN_AUDIT_STORE;
  event.purpose = "payroll";
  event.legal_basis = "P19.RELATED_AFFAIRS";
  event.record_id = "employee/42";
  event.time = 1795000000;
  CHECK(mn_audit_append(path, NULL, &event, line, sizeof line, &err) > 0);
  check_masked(line);
  event.action = MN_AUDIT_REVEAL;
  CHECK(mn_audit_append(path, NULL, &event, NULL, 0, &err) > 0);
  event.action = MN_AUDIT_DELETE;
  event.detail = "crypto-erase";
  CHECK(mn_audit_append(path, NULL, &event, line, sizeof line, &err) > 0);
  /* The number is refused in any field. */
  event.purpose = "check " KNOWN;
  CHECK_EQ_INT(mn_audit_append(path, NULL, &event, line, sizeof line, &err), MN_E_INVALID_ARGUMENT);
  check_error_message_masked(&err);

  log = read_all(path, &len);
  CHECK(log != NULL);
  if (log == NULL) return;
  check_masked(log);
  CHECK_EQ_INT(mn_audit_verify(log, len, NULL, &entries, head, sizeof head, &err), MN_OK);
  CHECK_EQ_INT((long long)entries, 3);
  CHECK_EQ_INT((int)strlen(head), 64);
  CHECK(mn_audit_deletion_certificate(log, len, NULL, "officer", NULL, cert, sizeof cert, &err) > 0);
  CHECK(strstr(cert, "\"method\":\"crypto-erase\"") != NULL);
  check_masked(cert);
  /* Keyed verification of an unkeyed log fails at line 1. */
  CHECK_EQ_INT(mn_audit_verify(log, len, ring, &entries, NULL, 0, &err), MN_E_AUDIT_CHAIN_BROKEN);
  CHECK_EQ_INT((long long)err.position, 1);
  /* Edit the second line. */
  {
    char* second = strchr(log, '\n') + 1;
    char* at = strstr(second, "reveal");
    CHECK(at != NULL);
    if (at != NULL) at[0] = 'R';
  }
  CHECK_EQ_INT(mn_audit_verify(log, len, NULL, &entries, head, sizeof head, &err), MN_E_AUDIT_CHAIN_BROKEN);
  CHECK_EQ_INT((long long)err.position, 2);
  check_error_message_masked(&err);
  free(log);
  remove(path);
}

void mn_test_secure(void) {
  mn_key_ring* ring = NULL;
  mn_key_ring* bad = NULL;
  mn_error err;
  char id[32];
  char entry[128];
  CHECK_EQ_INT(mn_key_ring_parse(KEY_A, MN_NUL_TERMINATED, &ring, &err), MN_OK);
  CHECK(ring != NULL);
  if (ring == NULL) return;
  CHECK_EQ_INT(mn_key_ring_current_id(ring, id, sizeof id), 10);
  CHECK_STR(id, "test-2026a");
  CHECK_EQ_INT(mn_key_ring_parse("mnk1:x:00", MN_NUL_TERMINATED, &bad, &err), MN_E_KEY_INVALID);
  CHECK(bad == NULL);
  CHECK_EQ_INT(mn_key_generate_entry("gen", 3, entry, sizeof entry, &err), 5 + 4 + 64);
  CHECK(strncmp(entry, "mnk1:gen:", 9) == 0);
  CHECK_EQ_INT(mn_key_ring_from_env("MYNUMBER_C_TEST_UNSET_VARIABLE", &bad, &err), MN_E_KEY_INVALID);
  CHECK(bad == NULL);
  CHECK(check_published_vectors() >= 8);
  test_tokens(ring);
  test_sealed(ring);
  test_audit(ring);
  mn_key_ring_free(ring);
  mn_key_ring_free(NULL);
}
