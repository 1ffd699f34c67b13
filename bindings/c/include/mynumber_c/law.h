/* File: mynumber_c/law.h — C ABI of the My Number Act engine (mynumber::law): JSON in, JSON out.
 *
 * Each function takes one JSON request (schema: docs/law.md, "JSON interface") and writes the
 * JSON response under the snprintf contract of mynumber_c.h. The request's "question" member may
 * be left out; if present it must match the function. mn_law_answer_json() dispatches on it.
 * Failures return a negative status and fill *err: MN_E_JSON_MALFORMED (err->position = byte
 * offset), MN_E_LAW_INVALID_QUERY, MN_E_LAW_UNKNOWN_ID, MN_E_LAW_DATE_OUT_OF_RANGE;
 * mn_law_error_json() renders such an error as {"error":{"code":…,"name":…,"message":…}}.
 * Answers are informational, not legal advice; every response carries its citations, dates and
 * confidence. */
#ifndef MYNUMBER_C_LAW_H
#define MYNUMBER_C_LAW_H

#include <stddef.h>

#include "../mynumber_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Any question, chosen by the request's "question" member. */
MN_API int mn_law_answer_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);

/* Art. 9: may this actor use My Numbers for this affair? */
MN_API int mn_law_use_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);
/* Arts. 15, 19, 20: request / provide / collect / store. */
MN_API int mn_law_request_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);
/* Art. 16, 施行令12条, 施行規則: identity verification. */
MN_API int mn_law_verify_identity_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);
/* 所得税法施行規則 thresholds: required / permitted in anticipation / not permitted. */
MN_API int mn_law_payment_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);
/* Arts. 48–57 (67–77 before 2016): penalty for an act on the date. */
MN_API int mn_law_penalty_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);
/* 別表 / 別表第一 / 別表第二 search. */
MN_API int mn_law_annex_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err);

/* The error held in *err as a JSON document (snprintf contract); err == NULL gives
 * MN_E_NULL_POINTER. */
MN_API int mn_law_error_json(const mn_error* err, char* out, size_t out_size);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_LAW_H */
