/* File: mynumber_c/secure.h — C ABI of the sensitive-data module (mynumber::secure): key rings,
 * linkage tokens, sealed storage and the audit trail. Conventions are those of mynumber_c.h
 * (status codes, snprintf contract, (pointer, length) inputs, MN_NUL_TERMINATED, NULL handling,
 * thread safety, no exceptions).
 *
 * Masking: functions that output an Individual Number (mn_unseal) write it masked
 * ("********9018") unless MN_REVEAL is passed. Tokens and sealed values are written in full:
 * they are the stored forms, but both are still 特定個人情報 (PPC FAQ Q9-2, Q9-4) — never call
 * them anonymised. Error details never contain a number or key material.
 *
 * Keys come from a file or an environment variable (docs/security.md, "Keys"), never from a
 * command line. Failures: MN_E_TAMPER_DETECTED (authentication failed: edited data, another
 * record id, another key under the same id), MN_E_KEY_INVALID, MN_E_KEY_UNKNOWN,
 * MN_E_FORMAT_VERSION, MN_E_AUDIT_CHAIN_BROKEN (err->position = 1-based line of the first bad
 * entry), MN_E_IO. */
#ifndef MYNUMBER_C_SECURE_H
#define MYNUMBER_C_SECURE_H

#include <stddef.h>
#include <stdint.h>

#include "../mynumber_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- key rings ---------------------------------------------------------------------------- */

/* A set of organisation keys; the current one (first in the file) is used for everything new.
 * Immutable after creation, so one ring may be shared between threads. Key bytes are wiped when
 * the ring is freed. */
typedef struct mn_key_ring mn_key_ring;

/* Reads a key file ("mnk1:<id>:<64 hex>" entries). Refuses a file other users can read
 * (MN_E_KEY_INVALID). On success *out owns a new ring (free with mn_key_ring_free); on failure
 * *out is NULL. path is NUL-terminated. */
MN_API int mn_key_ring_load_file(const char* path, mn_key_ring** out, mn_error* err);
/* Reads key entries from the environment variable `name` (NULL selects "MYNUMBER_KEYS"). */
MN_API int mn_key_ring_from_env(const char* name, mn_key_ring** out, mn_error* err);
/* Parses key entries from memory. The caller owns `text`, which holds key material: wipe it. */
MN_API int mn_key_ring_parse(const char* text, size_t len, mn_key_ring** out, mn_error* err);
/* Frees a ring; NULL is a no-op. */
MN_API void mn_key_ring_free(mn_key_ring* ring);
/* The id of the current key (snprintf contract). */
MN_API int mn_key_ring_current_id(const mn_key_ring* ring, char* out, size_t out_size);
/* A new random key entry "mnk1:<id>:<hex>" (OpenSSL's private DRBG). The output IS key material:
 * write it to a file with mode 0600 and wipe the buffer. */
MN_API int mn_key_generate_entry(const char* id, size_t id_len, char* out, size_t out_size, mn_error* err);

/* ---- linkage tokens ----------------------------------------------------------------------- */

/* The linkage token "mnt1.<key id>.<mac>" of the Individual Number `number` in linkage domain
 * `domain` under the ring's current key. flags: MN_LENIENT accepts full-width digits, spaces and
 * dashes in `number`. */
MN_API int mn_token(const mn_key_ring* ring, const char* domain, size_t domain_len, const char* number,
                    size_t number_len, unsigned flags, char* out, size_t out_size, mn_error* err);
/* 1 if `token` is the token of `number` in `domain` (under the key the token names), 0 if not,
 * or a negative status (MN_E_KEY_UNKNOWN if the ring lacks that key). */
MN_API int mn_token_matches(const mn_key_ring* ring, const char* token, size_t token_len, const char* domain,
                            size_t domain_len, const char* number, size_t number_len, unsigned flags, mn_error* err);
/* Key rotation: checks that `old_token` belongs to `number` in `domain` (else MN_E_TAMPER_DETECTED),
 * then writes the token under the current key. */
MN_API int mn_token_rotate(const mn_key_ring* ring, const char* old_token, size_t old_len, const char* domain,
                           size_t domain_len, const char* number, size_t number_len, unsigned flags, char* out,
                           size_t out_size, mn_error* err);

/* ---- sealed storage ----------------------------------------------------------------------- */

/* Seals `number` for `record_id` with AES-256-GCM under the current key; writes "mns1.…". */
MN_API int mn_seal(const mn_key_ring* ring, const char* record_id, size_t record_len, const char* number,
                   size_t number_len, unsigned flags, char* out, size_t out_size, mn_error* err);
/* Opens a sealed number for `record_id`; writes it masked ("********9018"), or the 12 digits with
 * MN_REVEAL. */
MN_API int mn_unseal(const mn_key_ring* ring, const char* sealed, size_t sealed_len, const char* record_id,
                     size_t record_len, unsigned flags, char* out, size_t out_size, mn_error* err);
/* Key rotation: opens with the key the value names and seals again under the current key. */
MN_API int mn_reseal(const mn_key_ring* ring, const char* sealed, size_t sealed_len, const char* record_id,
                     size_t record_len, char* out, size_t out_size, mn_error* err);

/* ---- audit trail -------------------------------------------------------------------------- */

typedef enum mn_audit_action {
  MN_AUDIT_REVEAL = 0,  /* the full number was shown */
  MN_AUDIT_PROVIDE = 1, /* the number was provided to another party */
  MN_AUDIT_STORE = 2,
  MN_AUDIT_DELETE = 3
} mn_audit_action;

/* One access event. Strings are NUL-terminated UTF-8; legal_basis and detail may be NULL.
 * `time` is Unix seconds (UTC), 0 meaning now. Fields holding an Individual Number are refused. */
typedef struct mn_audit_event {
  const char* actor;
  mn_audit_action action;
  const char* purpose;
  const char* legal_basis; /* a rule id of the law module, or NULL */
  const char* record_id;
  const char* detail; /* for MN_AUDIT_DELETE: the method; or NULL */
  int64_t time;
} mn_audit_event;

/* Appends `event` to the JSON Lines log at `path` (created with mode 0600; exclusive lock held
 * while appending). ring NULL makes an unkeyed entry, else one keyed under the current key.
 * Writes the new line (snprintf contract; out may be NULL with out_size 0). */
MN_API int mn_audit_append(const char* path, const mn_key_ring* ring, const mn_audit_event* event, char* out,
                           size_t out_size, mn_error* err);
/* Verifies a whole log held in memory. ring non-NULL verifies a keyed log (every entry must be
 * keyed). Returns MN_OK on success, storing the number of entries in *entries (if not NULL) and
 * the head hash, 64 hex digits plus NUL, in head_hash (needs 65 bytes, else it receives an empty
 * string; may be NULL with size 0). On failure err->position is the 1-based line number of the
 * first bad entry. */
MN_API int mn_audit_verify(const char* log, size_t len, const mn_key_ring* ring, uint64_t* entries, char* head_hash,
                           size_t head_hash_size, mn_error* err);
/* The deletion certificate (廃棄記録) JSON for the delete entries of a verified log; record_id NULL
 * selects every record. */
MN_API int mn_audit_deletion_certificate(const char* log, size_t len, const mn_key_ring* ring, const char* issuer,
                                         const char* record_id, char* out, size_t out_size, mn_error* err);

#ifdef __cplusplus
}
#endif

#endif /* MYNUMBER_C_SECURE_H */
