// File: card/apdu.hpp — ISO/IEC 7816-4 command APDUs for the My Number Card and the decoding of
// status words into typed errors. Byte layouts follow card_jpki.md §1.1–1.6 ([C]):
//   SELECT by AID      00 A4 04 0C Lc <AID>
//   SELECT by EF id    00 A4 02 0C 02 <EF>
//   READ BINARY        00 B0 <15-bit offset> Le        (Le <= 256)
//   VERIFY             00 20 00 80 Lc <PIN ASCII>
//   VERIFY, no data    00 20 00 80                     (reports 63Cx without using a try)
//   CHANGE REF. DATA   00 24 01 80 Lc <new PIN ASCII>
//   COMPUTE DIG. SIG.  80 2A 00 80 Lc <DigestInfo> 00  (PKCS#1 v1.5, RSA-2048)
#ifndef MYNUMBER_CARD_APDU_HPP
#define MYNUMBER_CARD_APDU_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../config.hpp"
#include "../detail/secure_wipe.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "application.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

// A short command APDU (cases 1–4). Data may hold a PIN: the destructor wipes it.
struct command_apdu {
  std::uint8_t cla = 0x00;
  std::uint8_t ins = 0x00;
  std::uint8_t p1 = 0x00;
  std::uint8_t p2 = 0x00;
  std::vector<std::uint8_t> data{};
  std::size_t le = 0;  // expected response length, 0 = none; 256 is encoded as 00

  command_apdu() = default;
  command_apdu(std::uint8_t c, std::uint8_t i, std::uint8_t a, std::uint8_t b, std::vector<std::uint8_t> d = {},
               std::size_t l = 0)
      : cla(c), ins(i), p1(a), p2(b), data(std::move(d)), le(l) {}
  command_apdu(const command_apdu&) = default;
  command_apdu(command_apdu&&) noexcept = default;
  command_apdu& operator=(const command_apdu&) = default;
  command_apdu& operator=(command_apdu&&) noexcept = default;
  ~command_apdu() { mynumber::detail::secure_wipe(data.data(), data.size()); }

  // The wire form. Precondition (guaranteed by the builders): data.size() <= 255, le <= 256.
  [[nodiscard]] std::vector<std::uint8_t> encode() const {
    std::vector<std::uint8_t> out{cla, ins, p1, p2};
    if (!data.empty()) {
      out.push_back(static_cast<std::uint8_t>(data.size()));
      out.insert(out.end(), data.begin(), data.end());
    }
    if (le != 0) out.push_back(static_cast<std::uint8_t>(le == 256 ? 0 : le));
    return out;
  }
  // A short name for messages ("SELECT", "READ BINARY", ...). Never includes the data.
  [[nodiscard]] std::string_view name() const noexcept {
    switch (ins) {
      case 0xA4: return "SELECT";
      case 0xB0: return "READ BINARY";
      case 0x20: return data.empty() ? "VERIFY (status)" : "VERIFY";
      case 0x24: return "CHANGE REFERENCE DATA";
      case 0x2A: return "COMPUTE DIGITAL SIGNATURE";
      case 0xC0: return "GET RESPONSE";
      default: return "command";
    }
  }
};

namespace apdu {

[[nodiscard]] inline command_apdu select_application(const application& ap) {
  return command_apdu(0x00, 0xA4, 0x04, 0x0C, std::vector<std::uint8_t>(ap.aid.begin(), ap.aid.end()));
}
[[nodiscard]] inline command_apdu select_ef(std::uint16_t ef_id) {
  return command_apdu(0x00, 0xA4, 0x02, 0x0C,
                      {static_cast<std::uint8_t>(ef_id >> 8), static_cast<std::uint8_t>(ef_id & 0xFF)});
}
// READ BINARY at a 15-bit offset for 1..256 bytes. Errors: errc::invalid_argument.
[[nodiscard]] inline result<command_apdu> try_read_binary(std::size_t offset, std::size_t length) {
  if (offset > 0x7FFF) return error_info{errc::invalid_argument, no_position, -1, "READ BINARY offset above 0x7FFF"};
  if (length == 0 || length > 256) {
    return error_info{errc::invalid_argument, no_position, -1, "READ BINARY length must be 1..256"};
  }
  return command_apdu(0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset & 0xFF), {},
                      length);
}
// VERIFY with the PIN's ASCII bytes. The caller checks the format first (pin.hpp).
// Errors: errc::pin_format for an empty or over-long PIN.
[[nodiscard]] inline result<command_apdu> try_verify(std::string_view pin) {
  if (pin.empty() || pin.size() > 255) return error_info{errc::pin_format, no_position, -1, "PIN length 1..255"};
  return command_apdu(0x00, 0x20, 0x00, 0x80, std::vector<std::uint8_t>(pin.begin(), pin.end()));
}
// VERIFY without data: the card answers 63Cx (x tries left) and no try is used.
[[nodiscard]] inline command_apdu verify_status() { return command_apdu(0x00, 0x20, 0x00, 0x80); }
[[nodiscard]] inline result<command_apdu> try_change_reference_data(std::string_view new_pin) {
  if (new_pin.empty() || new_pin.size() > 255) {
    return error_info{errc::pin_format, no_position, -1, "PIN length 1..255"};
  }
  return command_apdu(0x00, 0x24, 0x01, 0x80, std::vector<std::uint8_t>(new_pin.begin(), new_pin.end()));
}
// COMPUTE DIGITAL SIGNATURE over a DigestInfo (see digest_info()); the key EF must be selected.
[[nodiscard]] inline result<command_apdu> try_compute_digital_signature(const std::vector<std::uint8_t>& digest_info) {
  if (digest_info.empty() || digest_info.size() > 245) {
    return error_info{errc::invalid_argument, no_position, -1, "DigestInfo must be 1..245 bytes for RSA-2048"};
  }
  return command_apdu(0x80, 0x2A, 0x00, 0x80, digest_info, 256);
}
[[nodiscard]] inline command_apdu get_response(std::size_t length) {
  return command_apdu(0x00, 0xC0, 0x00, 0x00, {}, length == 0 ? 256 : length);
}

}  // namespace apdu

// Hash algorithms for which the host builds the PKCS#1 v1.5 DigestInfo (RFC 8017 §9.2 note 1).
enum class hash_algorithm : std::uint8_t { sha1, sha256, sha384, sha512 };

[[nodiscard]] constexpr std::size_t digest_size(hash_algorithm h) noexcept {
  switch (h) {
    case hash_algorithm::sha1: return 20;
    case hash_algorithm::sha256: return 32;
    case hash_algorithm::sha384: return 48;
    case hash_algorithm::sha512: return 64;
  }
  return 0;
}

// DER DigestInfo = the algorithm's fixed prefix + the digest. Errors: errc::invalid_argument when
// the digest has the wrong size for the algorithm.
[[nodiscard]] inline result<std::vector<std::uint8_t>> try_digest_info(hash_algorithm h,
                                                                       const std::vector<std::uint8_t>& digest) {
  if (digest.size() != digest_size(h)) {
    return error_info{errc::invalid_argument, no_position, -1,
                      "digest must be " + std::to_string(digest_size(h)) + " bytes for this hash"};
  }
  std::vector<std::uint8_t> out;
  switch (h) {
    case hash_algorithm::sha1:
      out = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2B, 0x0E, 0x03, 0x02, 0x1A, 0x05, 0x00, 0x04, 0x14};
      break;
    case hash_algorithm::sha256:
      out = {0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
             0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
      break;
    case hash_algorithm::sha384:
      out = {0x30, 0x41, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
             0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
      break;
    case hash_algorithm::sha512:
      out = {0x30, 0x51, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
             0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};
      break;
  }
  out.insert(out.end(), digest.begin(), digest.end());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Responses and status words

struct response_apdu {
  std::vector<std::uint8_t> data{};
  std::uint16_t sw = 0;

  [[nodiscard]] constexpr std::uint8_t sw1() const noexcept { return static_cast<std::uint8_t>(sw >> 8); }
  [[nodiscard]] constexpr std::uint8_t sw2() const noexcept { return static_cast<std::uint8_t>(sw & 0xFF); }

  // Splits a raw response. Errors: errc::apdu_malformed when shorter than the 2 status bytes.
  [[nodiscard]] static result<response_apdu> try_parse(const std::vector<std::uint8_t>& raw) {
    if (raw.size() < 2) {
      return error_info{errc::apdu_malformed, raw.size(), -1, "response shorter than its 2 status bytes"};
    }
    response_apdu r;
    r.data.assign(raw.begin(), raw.end() - 2);
    r.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
    return r;
  }
};

// The tries left that a status word reports: 63Cx → x; 6983/6984 → 0; otherwise none.
[[nodiscard]] constexpr std::optional<int> tries_left(std::uint16_t sw) noexcept {
  if ((sw & 0xFFF0) == 0x63C0) return static_cast<int>(sw & 0x0F);
  if (sw == 0x6983 || sw == 0x6984) return 0;
  return std::nullopt;
}

[[nodiscard]] inline std::string sw_hex(std::uint16_t sw) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string s(4, '0');
  for (int i = 0; i < 4; ++i) s[static_cast<std::size_t>(i)] = hex[(sw >> (12 - 4 * i)) & 0xF];
  return s;
}

// Success (9000, and the end-of-file warnings 6281/6282 that READ BINARY may return) or the
// typed error for a status word. `what` names the command, e.g. "READ BINARY EF 0001"; the
// detail never carries data bytes.
//   63Cx → pin_incorrect ("x tries left"), 63C0 / 6983 / 6984 → pin_blocked,
//   6982 → security_status, 6A82 → file_not_found, 6700 / 6Cxx → wrong_length,
//   anything else → status_word.
[[nodiscard]] inline result<void> check_status(std::uint16_t sw, std::string_view what = {}) {
  if (sw == 0x9000 || sw == 0x6281 || sw == 0x6282) return {};
  std::string detail = "SW " + sw_hex(sw);
  if (!what.empty()) detail += std::string(" after ") + std::string(what);
  errc code = errc::status_word;
  if (sw == 0x63C0) {
    code = errc::pin_blocked;
    detail += ": no tries left";
  } else if ((sw & 0xFFF0) == 0x63C0) {
    code = errc::pin_incorrect;
    const int n = sw & 0x0F;
    detail += ": " + std::to_string(n) + (n == 1 ? " try left" : " tries left");
  } else if (sw == 0x6300) {
    code = errc::pin_incorrect;
    detail += ": verification failed (no retry counter)";
  } else if (sw == 0x6983 || sw == 0x6984) {
    code = errc::pin_blocked;
    detail += ": reference data blocked";
  } else if (sw == 0x6982) {
    code = errc::security_status;
  } else if (sw == 0x6A82) {
    code = errc::file_not_found;
  } else if (sw == 0x6700) {
    code = errc::wrong_length;
  } else if ((sw & 0xFF00) == 0x6C00) {
    code = errc::wrong_length;
    detail += ": the card expects Le = " + std::to_string(sw & 0xFF);
  } else if (sw == 0x6985) {
    detail += ": conditions of use not satisfied";
  } else if (sw == 0x6986) {
    detail += ": command not allowed (no current EF)";
  } else if (sw == 0x6A86 || sw == 0x6B00) {
    detail += ": wrong parameters P1-P2";
  } else if (sw == 0x6D00) {
    detail += ": instruction not supported";
  } else if (sw == 0x6E00) {
    detail += ": class not supported";
  }
  return error_info{code, no_position, -1, std::move(detail)};
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_APDU_HPP
