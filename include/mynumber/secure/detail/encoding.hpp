// File: secure/detail/encoding.hpp — hex and unpadded base64url (RFC 4648 §5) for tokens, sealed
// values and audit hashes, plus the big-endian length prefixes of the binary formats.
// Decoders are strict: one canonical text per byte string (lower-case hex, no padding, no
// whitespace, unused base64 bits must be zero), so an edited text never decodes to the same bytes.
#ifndef MYNUMBER_SECURE_DETAIL_ENCODING_HPP
#define MYNUMBER_SECURE_DETAIL_ENCODING_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

using bytes = std::vector<std::uint8_t>;

// Lower-case hex of `size` bytes.
[[nodiscard]] inline std::string to_hex(const std::uint8_t* data, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 0x0F]);
  }
  return out;
}

[[nodiscard]] constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // upper case is not canonical
}

// Strict lower-case hex; nullopt on odd length or any other character.
[[nodiscard]] inline std::optional<bytes> from_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  bytes out(text.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(text[2 * i]);
    const int lo = hex_value(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

inline constexpr char base64url_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

[[nodiscard]] inline std::string to_base64url(const std::uint8_t* data, std::size_t size) {
  std::string out;
  out.reserve((size * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
    out.push_back(base64url_alphabet[(v >> 18) & 63]);
    out.push_back(base64url_alphabet[(v >> 12) & 63]);
    out.push_back(base64url_alphabet[(v >> 6) & 63]);
    out.push_back(base64url_alphabet[v & 63]);
  }
  const std::size_t rest = size - i;
  if (rest == 1) {
    const std::uint32_t v = std::uint32_t{data[i]} << 16;
    out.push_back(base64url_alphabet[(v >> 18) & 63]);
    out.push_back(base64url_alphabet[(v >> 12) & 63]);
  } else if (rest == 2) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
    out.push_back(base64url_alphabet[(v >> 18) & 63]);
    out.push_back(base64url_alphabet[(v >> 12) & 63]);
    out.push_back(base64url_alphabet[(v >> 6) & 63]);
  }
  return out;
}

[[nodiscard]] constexpr int base64url_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Strict unpadded base64url: rejects '=', other alphabets, a length of 1 mod 4 and non-zero
// trailing bits.
[[nodiscard]] inline std::optional<bytes> from_base64url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  bytes out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const int v = base64url_value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_DETAIL_ENCODING_HPP
