/* C99 test of the corporate-data C ABI (mynumber_c/corp.h), linked against mynumber::c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mynumber_c/corp.h"

static int failures = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static void write_file(const char* path, const char* text) {
  FILE* f = fopen(path, "wb");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

int main(int argc, char** argv) {
  char dir[4096], csv[4200], diff[4200], db[4200];
  char buf[8192];
  mn_error err;
  mn_corp_reader* reader = NULL;
  mn_corp_store* store = NULL;
  uint64_t rows = 0, good = 0, bad = 0;
  int n;
  const char* snapshot =
      "1,7000012050002,01,0,2018-04-02,2015-10-05,\"国税庁\",,101,\"東京都\",\"千代田区\",\"霞が関３丁目１－１\",,13,"
      "101,1008978,,,,,,,2015-10-05,1,,,,,\"コクゼイチョウ\",0\r\n"
      "2,7000012050003,01,0,2018-04-02,,,,101,,,,,,,,,,,,,,,,,,,,,\r\n"
      "3,1180301018771,12,0,2020-01-01,2019-12-20,\"トヨタ自動車株式会社\",,301,\"愛知県\",\"豊田市\","
      "\"トヨタ町１番地\",,23,211,4718571,,,,,,,2015-10-05,1,,,,,\"トヨタジドウシャ\",0\r\n";
  const char* diff_text = "1,1180301018771,99,,2020-02-01,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
  snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : ".");
  snprintf(csv, sizeof csv, "%s/c_api_snapshot.csv", dir);
  snprintf(diff, sizeof diff, "%s/c_api_diff.csv", dir);
  snprintf(db, sizeof db, "%s/c_api.sqlite", dir);
  remove(db);
  write_file(csv, snapshot);
  write_file(diff, diff_text);

  /* Reader: two good rows, one bad (check digit), totals reconcile. */
  CHECK(mn_corp_reader_open(csv, &reader, &err) == MN_OK);
  n = mn_corp_reader_next_json(reader, buf, 10, &err); /* too small: kept for the next call */
  CHECK(n > 10 && buf[0] == '\0');
  n = mn_corp_reader_next_json(reader, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"corporateNumber\":\"7000012050002\"") != NULL);
  CHECK(strstr(buf, "\"name\":\"国税庁\"") != NULL);
  n = mn_corp_reader_next_json(reader, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"process\":\"12\"") != NULL);
  CHECK(mn_corp_reader_next_json(reader, buf, sizeof buf, &err) == 0);
  CHECK(mn_corp_reader_stats(reader, &rows, &good, &bad) == MN_OK);
  CHECK(rows == 3 && good == 2 && bad == 1);
  n = mn_corp_reader_bad_rows_json(reader, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"line\":2") != NULL && strstr(buf, "check digit") != NULL);
  mn_corp_reader_free(reader);
  mn_corp_reader_free(NULL);
  CHECK(mn_corp_reader_open("/nonexistent/x.csv", &reader, &err) == MN_E_IO && reader == NULL);
  CHECK(mn_corp_reader_open(NULL, &reader, &err) == MN_E_NULL_POINTER);

  /* Store: import, lookup, search, diff once, diff twice. */
  CHECK(mn_corp_store_open(db, &store, &err) == MN_OK);
  n = mn_corp_store_import_snapshot(store, csv, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"inserted\":2") != NULL);
  n = mn_corp_store_lookup_json(store, "1180301018771", MN_NUL_TERMINATED, 0, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "トヨタ自動車株式会社") != NULL && strstr(buf, "\"current\":true") != NULL);
  CHECK(mn_corp_store_lookup_json(store, "1180301018772", MN_NUL_TERMINATED, 0, buf, sizeof buf, &err) ==
        MN_E_CHECK_DIGIT_MISMATCH);
  {
    mn_corp_filter f;
    memset(&f, 0, sizeof f);
    f.prefecture_code = 23;
    n = mn_corp_store_search_json(store, "とよた", MN_NUL_TERMINATED, MN_CORP_MATCH_PREFIX, &f, buf, sizeof buf, &err);
    CHECK(n > 0 && strstr(buf, "1180301018771") != NULL);
    f.prefecture_code = 13;
    n = mn_corp_store_search_json(store, "とよた", MN_NUL_TERMINATED, MN_CORP_MATCH_PREFIX, &f, buf, sizeof buf, &err);
    CHECK(n == 2 && strcmp(buf, "[]") == 0);
    n = mn_corp_store_find_json(store, &f, buf, sizeof buf, &err);
    CHECK(n > 0 && strstr(buf, "7000012050002") != NULL);
    f.prefecture_code = 48;
    CHECK(mn_corp_store_find_json(store, &f, buf, sizeof buf, &err) == MN_E_INVALID_ARGUMENT);
  }
  n = mn_corp_store_apply_diff(store, diff, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"deleted\":1") != NULL);
  n = mn_corp_store_apply_diff(store, diff, buf, sizeof buf, &err);
  CHECK(n > 0 && strstr(buf, "\"alreadyApplied\":true") != NULL);
  n = mn_corp_store_lookup_json(store, "1180301018771", MN_NUL_TERMINATED, 1, buf, sizeof buf, &err);
  CHECK(n == 2 && strcmp(buf, "[]") == 0);
  mn_corp_store_free(store);
  mn_corp_store_free(NULL);

  if (failures != 0) fprintf(stderr, "%d failure(s)\n", failures);
  else printf("corp C ABI: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
