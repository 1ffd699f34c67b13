// File: common.cpp — version, status codes and messages of the C ABI.
#include <climits>
#include <string>

#include "c_api_common.hpp"
#include "mynumber/version.hpp"

namespace mn = mynumber;

static_assert(MN_VERSION_MAJOR == MYNUMBER_VERSION_MAJOR && MN_VERSION_MINOR == MYNUMBER_VERSION_MINOR &&
                  MN_VERSION_PATCH == MYNUMBER_VERSION_PATCH,
              "bindings/c/include/mynumber_c.h: update MN_VERSION_* to match include/mynumber/version.hpp");

// The C codes are the negated errc values; pin the ones written by hand in the header.
#define MN_PIN(name, value) static_assert(MN_E_##name == mn::c_api::status_of(mn::errc::value), #name)
MN_PIN(EMPTY, empty);
MN_PIN(TOO_SHORT, too_short);
MN_PIN(TOO_LONG, too_long);
MN_PIN(INVALID_CHARACTER, invalid_character);
MN_PIN(CHECK_DIGIT_MISMATCH, check_digit_mismatch);
MN_PIN(INVALID_UTF8, invalid_utf8);
MN_PIN(MISSING_PREFIX, missing_prefix);
MN_PIN(UNKNOWN_SCHEME, unknown_scheme);
MN_PIN(RESERVED_RANGE, reserved_range);
MN_PIN(INVALID_STRUCTURE, invalid_structure);
MN_PIN(CERTIFICATE_MALFORMED, certificate_malformed);
MN_PIN(CERTIFICATE_NOT_JPKI, certificate_not_jpki);
MN_PIN(CERTIFICATE_EXTENSION, certificate_extension);
MN_PIN(VERIFICATION_FAILED, verification_failed);
MN_PIN(SIGNATURE_INVALID, signature_invalid);
MN_PIN(CRL_MALFORMED, crl_malformed);
MN_PIN(CRYPTO_ERROR, crypto_error);
MN_PIN(CARD_TRANSPORT, card_transport);
MN_PIN(CARD_REMOVED, card_removed);
MN_PIN(READER_NOT_FOUND, reader_not_found);
MN_PIN(CARD_TIMEOUT, card_timeout);
MN_PIN(PIN_FORMAT, pin_format);
MN_PIN(PIN_INCORRECT, pin_incorrect);
MN_PIN(PIN_BLOCKED, pin_blocked);
MN_PIN(LOCKOUT_GUARD, lockout_guard);
MN_PIN(SECURITY_STATUS, security_status);
MN_PIN(FILE_NOT_FOUND, file_not_found);
MN_PIN(WRONG_LENGTH, wrong_length);
MN_PIN(STATUS_WORD, status_word);
MN_PIN(TLV_MALFORMED, tlv_malformed);
MN_PIN(APDU_MALFORMED, apdu_malformed);
MN_PIN(LAW_UNKNOWN_ID, law_unknown_id);
MN_PIN(LAW_INVALID_QUERY, law_invalid_query);
MN_PIN(LAW_DATE_OUT_OF_RANGE, law_date_out_of_range);
MN_PIN(JSON_MALFORMED, json_malformed);
MN_PIN(CSV_MALFORMED, csv_malformed);
MN_PIN(ENCODING, encoding);
MN_PIN(DATABASE, database);
MN_PIN(DIFF_ORDER, diff_order);
MN_PIN(ARCHIVE, archive);
MN_PIN(XML_MALFORMED, xml_malformed);
MN_PIN(TAMPER_DETECTED, tamper_detected);
MN_PIN(KEY_INVALID, key_invalid);
MN_PIN(KEY_UNKNOWN, key_unknown);
MN_PIN(FORMAT_VERSION, format_version);
MN_PIN(AUDIT_CHAIN_BROKEN, audit_chain_broken);
MN_PIN(INVALID_ARGUMENT, invalid_argument);
MN_PIN(NULL_POINTER, null_pointer);
MN_PIN(BUFFER_TOO_SMALL, buffer_too_small);
MN_PIN(OUT_OF_MEMORY, out_of_memory);
MN_PIN(IO, io);
MN_PIN(NOT_SUPPORTED, not_supported);
MN_PIN(INVALID_DATE, invalid_date);
MN_PIN(INTERNAL, internal);
#undef MN_PIN

extern "C" {

MN_API int mn_version_number(void) { return MYNUMBER_VERSION; }

MN_API const char* mn_version_string(void) { return MYNUMBER_VERSION_STRING; }

MN_API const char* mn_strerror(int status) {
  // describe() returns views of string literals, so .data() is NUL-terminated and static.
  if (status == INT_MIN) return "unknown error";
  const int code = status < 0 ? -status : status;
  return mn::describe(static_cast<mn::errc>(code)).data();
}

MN_API int mn_error_message(const mn_error* err, char* out, size_t out_size) {
  return mn::c_api::guard(nullptr, [&] {
    if (err == nullptr) return mn::c_api::status_of(mn::errc::null_pointer);
    return mn::c_api::write(mn::c_api::to_error_info(*err).message(), out, out_size);
  });
}

}  // extern "C"
