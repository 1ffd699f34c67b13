/* File: mynumber_c/corp.h — C ABI of the corporate-number data module (NTA bulk files and the
 * SQLite store). Conventions as in mynumber_c.h. Records, reports and bad rows are returned as
 * JSON text (UTF-8): keys are the NTA element names (corporateNumber, process, name, …), codes
 * keep their zero-padded text ("01", "301"), blank columns are null. Corporate numbers are public
 * data and appear in full.
 *
 * Handles are not thread-safe: use one handle from one thread at a time (different handles are
 * independent). Free every handle with its _free function; _free(NULL) does nothing.
 */
#ifndef MYNUMBER_C_CORP_H
#define MYNUMBER_C_CORP_H

#include "../mynumber_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- reading bulk files --------------------------------------------------------------------- */

typedef struct mn_corp_reader mn_corp_reader;

/* Opens an NTA CSV (UTF-8 with or without BOM, or CP932, detected) or the NTA .zip at `path`
 * (NUL-terminated). MN_E_IO / MN_E_ARCHIVE on failure. */
MN_API int mn_corp_reader_open(const char* path, mn_corp_reader** out, mn_error* err);
/* Reads from a copy of `len` bytes (e.g. a Web-API CSV body, whose header line is accepted). */
MN_API int mn_corp_reader_open_memory(const char* data, size_t len, mn_corp_reader** out, mn_error* err);
MN_API void mn_corp_reader_free(mn_corp_reader* reader);

/* Writes the next good record as a JSON object (snprintf contract). Returns its length, 0 at the
 * end of the input, or a negative status (I/O or archive failure). Bad rows are skipped and
 * counted. When the buffer is too small the record is kept and returned again by the next call. */
MN_API int mn_corp_reader_next_json(mn_corp_reader* reader, char* out, size_t out_size, mn_error* err);
/* Rows read so far (rows == good + bad). Any counter pointer may be NULL. */
MN_API int mn_corp_reader_stats(const mn_corp_reader* reader, uint64_t* rows, uint64_t* good, uint64_t* bad);
/* The bad rows kept so far (first 1000) as a JSON array of {file, line, row, error, code, reason}. */
MN_API int mn_corp_reader_bad_rows_json(const mn_corp_reader* reader, char* out, size_t out_size, mn_error* err);

/* ---- the SQLite store ------------------------------------------------------------------------ */

typedef struct mn_corp_store mn_corp_store;

/* Opens or creates a store file (schema in docs/corporate-data.md). MN_E_DATABASE on failure. */
MN_API int mn_corp_store_open(const char* path, mn_corp_store** out, mn_error* err);
MN_API void mn_corp_store_free(mn_corp_store* store);

/* Replaces the store's content with a full snapshot (CSV or .zip); writes the report as JSON
 * ({file, alreadyApplied, dataDate, stats, inserted, deleted, corrected, duplicates, badRows}).
 * The import happens even when `out` is too small for the report. */
MN_API int mn_corp_store_import_snapshot(mn_corp_store* store, const char* path, char* out, size_t out_size,
                                         mn_error* err);
/* Applies one daily diff; the same content twice is a no-op ("alreadyApplied":true); a diff older
 * than the store is MN_E_DIFF_ORDER. Writes the report as JSON. */
MN_API int mn_corp_store_apply_diff(mn_corp_store* store, const char* path, char* out, size_t out_size, mn_error* err);

/* The corporation's rows as a JSON array: only the current row, or with `history` != 0 every row
 * (current first). "[]" when the number is valid but unknown; a malformed number is an error. */
MN_API int mn_corp_store_lookup_json(mn_corp_store* store, const char* number, size_t len, int history, char* out,
                                     size_t out_size, mn_error* err);

typedef int mn_corp_match; /* an int, not an enum type: any value is well-defined across the ABI */
enum { MN_CORP_MATCH_PREFIX = 0, MN_CORP_MATCH_EXACT = 1, MN_CORP_MATCH_PARTIAL = 2 };
typedef int mn_corp_status; /* an int, not an enum type: any value is well-defined across the ABI */
enum { MN_CORP_ANY = 0, MN_CORP_OPEN = 1, MN_CORP_CLOSED = 2 };

/* Filters for searches; zero-initialise and set what you need. limit 0 means 100. */
typedef struct mn_corp_filter {
  int prefecture_code;   /* 1–47, 0 = any */
  const char* city_code; /* 3 digits with prefecture_code, NULL = any */
  int kind;              /* 法人種別 code such as 301, 0 = any */
  int status;            /* mn_corp_status */
  int include_hihyoji;   /* non-zero: include rows excluded from search (検索対象除外) */
  size_t limit;
  size_t offset;
} mn_corp_filter;

/* Current rows whose name matches (folded as in docs/corporate-data.md), as a JSON array. `filter`
 * may be NULL. */
MN_API int mn_corp_store_search_json(mn_corp_store* store, const char* name, size_t len, int match,
                                     const mn_corp_filter* filter, char* out, size_t out_size, mn_error* err);
/* Current rows by filter only (location, kind, status), in number order, as a JSON array. */
MN_API int mn_corp_store_find_json(mn_corp_store* store, const mn_corp_filter* filter, char* out, size_t out_size,
                                   mn_error* err);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_CORP_H */
