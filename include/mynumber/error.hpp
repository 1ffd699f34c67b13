// File: error.hpp — the one error model of the library.
// Every failure anywhere (C++, C ABI, Python) is one `errc` value. Values are pinned: they are
// part of the C ABI and are never renumbered or reused. Each module owns a range:
//   1–99 numbers, 100–199 JPKI, 200–299 card, 300–399 law, 400–499 corporate data,
//   500–599 sensitive-data handling, 900–999 general.
// Messages name the failed rule and where it failed; they never contain the number itself.
#ifndef MYNUMBER_ERROR_HPP
#define MYNUMBER_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "config.hpp"

MYNUMBER_BEGIN_NAMESPACE

enum class errc : int {
  ok = 0,

  // --- numbers (1–99) ---
  empty = 1,                 // no digits at all
  too_short = 2,             // fewer digits than the kind requires
  too_long = 3,              // more digits than the kind requires
  invalid_character = 4,     // a character that is not a digit (position says where)
  check_digit_mismatch = 5,  // the check digit is wrong (expected digit is reported)
  invalid_utf8 = 6,          // lenient normalisation met a byte sequence that is not UTF-8
  missing_prefix = 7,        // e.g. a T-number without its leading "T"
  unknown_scheme = 8,        // an ISO 6523 ICD or Peppol scheme this library does not handle
  reserved_range = 9,        // checksum valid, but the base lies in a range the NTA marks 未使用
  invalid_structure = 10,    // layout rule broken (e.g. registry-office code out of range)

  // --- JPKI certificates (100–199) ---
  certificate_malformed = 100,  // DER/PEM could not be decoded
  certificate_not_jpki = 101,   // a well-formed certificate that is not a JPKI profile
  certificate_extension = 102,  // an extension is malformed or unexpected
  verification_failed = 103,    // chain, validity, usage, policy or revocation check failed
  signature_invalid = 104,      // a signature did not verify
  crl_malformed = 105,          // a CRL could not be decoded
  crypto_error = 106,           // an OpenSSL call failed for another reason

  // --- My Number Card (200–299) ---
  card_transport = 200,  // the reader or transport failed
  card_removed = 201,
  reader_not_found = 202,
  card_timeout = 203,
  pin_format = 204,       // the PIN breaks its format rule (checked before sending)
  pin_incorrect = 205,    // 63Cx: wrong PIN, tries left reported
  pin_blocked = 206,      // 6983 / 63C0: no tries left
  lockout_guard = 207,    // refused: only one try left and the caller did not opt in
  security_status = 208,  // 6982: security status not satisfied
  file_not_found = 209,   // 6A82
  wrong_length = 210,     // 6700 / 6Cxx
  status_word = 211,      // any other unexpected status word
  tlv_malformed = 212,    // BER-TLV truncated, oversized or badly encoded
  apdu_malformed = 213,   // a command or response APDU that breaks ISO 7816-4
  date_invalid = 214,     // superseded by invalid_date (906); kept pinned, no longer returned

  // --- My Number Act rules (300–399) ---
  law_unknown_id = 300,         // unknown rule, offence, actor or affair id
  law_invalid_query = 301,      // a query missing fields or with wrong types
  law_date_out_of_range = 302,  // a date before the Act or beyond the known texts
  json_malformed = 303,         // JSON input could not be parsed

  // --- corporate-number data (400–499) ---
  csv_malformed = 400,  // a CSV record broke the layout (line is reported)
  encoding = 401,       // bytes that are neither UTF-8 nor CP932
  database = 402,       // the SQLite store failed
  diff_order = 403,     // a diff older than the store's state
  archive = 404,        // a .zip could not be read
  xml_malformed = 405,  // Web-API XML could not be parsed

  // --- sensitive-data handling (500–599) ---
  tamper_detected = 500,     // authentication tag or hash chain does not match
  key_invalid = 501,         // wrong key size or unreadable key material
  key_unknown = 502,         // a key id that the key ring does not hold
  format_version = 503,      // an unsupported sealed/token format version
  audit_chain_broken = 504,  // an audit entry was edited, removed or reordered

  // --- general (900–999) ---
  invalid_argument = 900,
  null_pointer = 901,      // C ABI: a required pointer was NULL
  buffer_too_small = 902,  // C ABI: output truncated (snprintf contract)
  out_of_memory = 903,
  io = 904,             // file or stream I/O failed
  not_supported = 905,  // feature not compiled in or not available here
  invalid_date = 906,   // a calendar date that is malformed, does not exist or has no 和暦 form
  internal = 999,
};

// Short English name of the rule an error code stands for. Never throws; unknown values give
// "unknown error".
[[nodiscard]] constexpr std::string_view describe(errc code) noexcept {
  switch (code) {
    case errc::ok: return "ok";
    case errc::empty: return "empty input";
    case errc::too_short: return "too few digits";
    case errc::too_long: return "too many digits";
    case errc::invalid_character: return "invalid character";
    case errc::check_digit_mismatch: return "check digit mismatch";
    case errc::invalid_utf8: return "invalid UTF-8";
    case errc::missing_prefix: return "missing prefix";
    case errc::unknown_scheme: return "unknown identifier scheme";
    case errc::reserved_range: return "base number in an unused (reserved) range";
    case errc::invalid_structure: return "invalid structure";
    case errc::certificate_malformed: return "malformed certificate";
    case errc::certificate_not_jpki: return "not a JPKI certificate";
    case errc::certificate_extension: return "malformed or unexpected certificate extension";
    case errc::verification_failed: return "verification failed";
    case errc::signature_invalid: return "invalid signature";
    case errc::crl_malformed: return "malformed CRL";
    case errc::crypto_error: return "cryptographic library error";
    case errc::card_transport: return "card transport error";
    case errc::card_removed: return "card removed";
    case errc::reader_not_found: return "card reader not found";
    case errc::card_timeout: return "card timeout";
    case errc::pin_format: return "PIN format invalid";
    case errc::pin_incorrect: return "PIN incorrect";
    case errc::pin_blocked: return "PIN blocked";
    case errc::lockout_guard: return "refused: last PIN try needs explicit opt-in";
    case errc::security_status: return "security status not satisfied";
    case errc::file_not_found: return "file or application not found";
    case errc::wrong_length: return "wrong length";
    case errc::status_word: return "unexpected status word";
    case errc::tlv_malformed: return "malformed BER-TLV";
    case errc::apdu_malformed: return "malformed APDU";
    case errc::date_invalid: return "invalid or unsupported date";
    case errc::law_unknown_id: return "unknown law identifier";
    case errc::law_invalid_query: return "invalid law query";
    case errc::law_date_out_of_range: return "date outside the known legal texts";
    case errc::json_malformed: return "malformed JSON";
    case errc::csv_malformed: return "malformed CSV record";
    case errc::encoding: return "unsupported text encoding";
    case errc::database: return "database error";
    case errc::diff_order: return "diff out of order";
    case errc::archive: return "unreadable archive";
    case errc::xml_malformed: return "malformed XML";
    case errc::tamper_detected: return "tampering detected";
    case errc::key_invalid: return "invalid key";
    case errc::key_unknown: return "unknown key id";
    case errc::format_version: return "unsupported format version";
    case errc::audit_chain_broken: return "audit chain broken";
    case errc::invalid_argument: return "invalid argument";
    case errc::null_pointer: return "null pointer";
    case errc::buffer_too_small: return "buffer too small";
    case errc::out_of_memory: return "out of memory";
    case errc::io: return "I/O error";
    case errc::not_supported: return "not supported";
    case errc::invalid_date: return "invalid date";
    case errc::internal: return "internal error";
  }
  return "unknown error";
}

// Marks "no position" in error_info and error.
inline constexpr std::size_t no_position = static_cast<std::size_t>(-1);

// What went wrong, without the offending value. `position` is a 0-based character index into
// the caller's input (or a line number where a module says so); `expected` is the correct check
// digit for check_digit_mismatch and -1 otherwise; `detail` is optional extra context.
struct error_info {
  errc code = errc::ok;
  std::size_t position = no_position;
  int expected = -1;
  std::string detail{};

  // The same error with its position moved by `offset` (for errors found in a sub-string).
  [[nodiscard]] error_info shifted(std::size_t offset) const {
    error_info e = *this;
    if (e.position != no_position) e.position += offset;
    return e;
  }

  // Full human-readable message: "<rule>[ at position N][: expected check digit D][: detail]".
  [[nodiscard]] std::string message() const {
    std::string text(describe(code));
    if (position != no_position) {
      text += " at position ";
      text += std::to_string(position);
    }
    if (expected >= 0) {
      text += ": expected check digit ";
      text += static_cast<char>('0' + expected);
    }
    if (!detail.empty()) {
      text += ": ";
      text += detail;
    }
    return text;
  }
};

// The exception every throwing API raises. what() is error_info::message().
class error : public std::runtime_error {
 public:
  explicit error(error_info info) : std::runtime_error(info.message()), info_(std::move(info)) {}
  error(errc code, std::string detail) : error(error_info{code, no_position, -1, std::move(detail)}) {}

  [[nodiscard]] errc code() const noexcept { return info_.code; }
  [[nodiscard]] std::size_t position() const noexcept { return info_.position; }
  [[nodiscard]] int expected() const noexcept { return info_.expected; }
  [[nodiscard]] const error_info& info() const noexcept { return info_; }

 private:
  error_info info_;
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_ERROR_HPP
