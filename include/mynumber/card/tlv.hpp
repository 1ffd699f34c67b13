// File: card/tlv.hpp — a strict BER-TLV reader for the card's records (FF10 個人番号, FF20 基本4情報
// with DF21–DF25) and the parsers built on it.
// Strict: definite lengths only, at most 3 length bytes, no length past the end of the input,
// nothing left over unless the caller allows filler. The card writes tags in the two-byte form
// even for tag numbers below 31 (FF10, FF20), so non-minimal tag encodings are accepted
// (card_jpki.md §1.3). Every error is errc::tlv_malformed with the byte offset.
#ifndef MYNUMBER_CARD_TLV_HPP
#define MYNUMBER_CARD_TLV_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../config.hpp"
#include "../date.hpp"
#include "../detail/utf8.hpp"
#include "../error.hpp"
#include "../individual_number.hpp"
#include "../result.hpp"
#include "face.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

// A non-owning view of bytes (C++17 has no std::span).
struct byte_view {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;

  byte_view() = default;
  constexpr byte_view(const std::uint8_t* d, std::size_t n) noexcept : data(d), size(n) {}
  byte_view(const std::vector<std::uint8_t>& v) noexcept : data(v.data()), size(v.size()) {}  // NOLINT

  [[nodiscard]] constexpr std::uint8_t operator[](std::size_t i) const noexcept { return data[i]; }
  [[nodiscard]] constexpr byte_view sub(std::size_t offset, std::size_t n) const noexcept {
    return byte_view(data + offset, n);
  }
  [[nodiscard]] std::vector<std::uint8_t> to_vector() const { return std::vector<std::uint8_t>(data, data + size); }
  [[nodiscard]] std::string_view as_chars() const noexcept {
    return std::string_view(reinterpret_cast<const char*>(data), size);
  }
};

// One element. Offsets are relative to the start of the buffer given to the parser.
struct tlv {
  std::uint32_t tag = 0;  // the tag bytes as a big-endian number, e.g. 0xFF20, 0xDF21
  bool constructed = false;
  std::size_t offset = 0;       // where the tag starts
  std::size_t header_size = 0;  // tag + length bytes
  byte_view value{};

  [[nodiscard]] std::size_t value_offset() const noexcept { return offset + header_size; }
  [[nodiscard]] std::size_t end() const noexcept { return offset + header_size + value.size; }
};

namespace detail {
[[nodiscard]] inline error_info tlv_error(std::size_t offset, const char* what) {
  return error_info{errc::tlv_malformed, offset, -1, what};
}
}  // namespace detail

// Parses one TLV starting at `offset` of `buf`. `base` is added to every reported offset (for
// TLVs nested inside another buffer).
[[nodiscard]] inline result<tlv> try_parse_tlv(byte_view buf, std::size_t offset = 0, std::size_t base = 0) {
  std::size_t i = offset;
  if (i >= buf.size) return detail::tlv_error(base + i, "truncated: expected a tag");
  tlv t;
  t.offset = base + offset;
  const std::uint8_t first = buf[i++];
  t.constructed = (first & 0x20) != 0;
  std::uint32_t tag = first;
  if ((first & 0x1F) == 0x1F) {
    // Subsequent tag bytes: high bit set means "more follows". Tags above 3 bytes are refused.
    for (int n = 0;; ++n) {
      if (i >= buf.size) return detail::tlv_error(base + i, "truncated inside a tag");
      if (n == 2) return detail::tlv_error(base + i, "tag longer than 3 bytes");
      const std::uint8_t b = buf[i++];
      tag = (tag << 8) | b;
      if ((b & 0x80) == 0) break;
    }
  }
  t.tag = tag;
  if (i >= buf.size) return detail::tlv_error(base + i, "truncated: expected a length");
  const std::uint8_t l0 = buf[i++];
  std::size_t length = 0;
  if (l0 < 0x80) {
    length = l0;
  } else if (l0 == 0x80) {
    return detail::tlv_error(base + i - 1, "indefinite length is not allowed");
  } else {
    const std::size_t count = l0 & 0x7Fu;
    if (count > 3) return detail::tlv_error(base + i - 1, "length field longer than 3 bytes");
    if (buf.size - i < count) return detail::tlv_error(base + i, "truncated inside a length");
    for (std::size_t k = 0; k < count; ++k) length = (length << 8) | buf[i++];
  }
  t.header_size = i - offset;
  if (length > buf.size - i) {
    return detail::tlv_error(base + offset, "length runs past the end of the input");
  }
  t.value = buf.sub(i, length);
  return t;
}

// Parses a sequence of TLVs that must fill `buf` exactly.
[[nodiscard]] inline result<std::vector<tlv>> try_parse_tlv_sequence(byte_view buf, std::size_t base = 0) {
  std::vector<tlv> out;
  std::size_t i = 0;
  while (i < buf.size) {
    auto t = try_parse_tlv(buf, i, base);
    if (!t) return t.error();
    i = t->end() - base;
    out.push_back(*t);
  }
  return out;
}

// The first child with `tag` among `children`, or nullptr.
[[nodiscard]] inline const tlv* find_tag(const std::vector<tlv>& children, std::uint32_t tag) noexcept {
  for (const auto& c : children) {
    if (c.tag == tag) return &c;
  }
  return nullptr;
}

// Total size of a DER element from its first bytes (a certificate starts `30 82 LL LL`): used
// to read a certificate EF in two steps. Needs at least 2 bytes (4 for long forms).
[[nodiscard]] inline result<std::size_t> try_der_total_size(byte_view head) {
  if (head.size < 2) return detail::tlv_error(head.size, "truncated DER header");
  if (head[0] != 0x30) return detail::tlv_error(0, "expected a DER SEQUENCE (0x30)");
  const std::uint8_t l0 = head[1];
  if (l0 < 0x80) return static_cast<std::size_t>(2 + l0);
  const std::size_t count = l0 & 0x7Fu;
  if (count == 0 || count > 3) return detail::tlv_error(1, "unsupported DER length form");
  if (head.size < 2 + count) return detail::tlv_error(head.size, "truncated DER length");
  std::size_t length = 0;
  for (std::size_t k = 0; k < count; ++k) length = (length << 8) | head[2 + k];
  return 2 + count + length;
}

// ---------------------------------------------------------------------------------------------
// Records of the 券面事項入力補助AP

// Bytes after a record: only 0xFF filler is accepted (EF 0001 is 15 bytes of TLV + FF FF).
[[nodiscard]] inline result<void> check_filler(byte_view buf, std::size_t from) {
  for (std::size_t i = from; i < buf.size; ++i) {
    if (buf[i] != 0xFF) return detail::tlv_error(i, "unexpected bytes after the record");
  }
  return {};
}

// EF 0001: FF10 0C + 12 ASCII digits, then FF filler. The number is check-digit verified;
// errors never contain it.
[[nodiscard]] inline result<individual_number> try_parse_my_number_record(byte_view buf) {
  auto t = try_parse_tlv(buf);
  if (!t) return t.error();
  if (t->tag != 0xFF10) return detail::tlv_error(0, "expected tag FF10 (個人番号)");
  if (t->value.size != 12) return detail::tlv_error(t->value_offset(), "FF10 must hold 12 digits");
  if (auto f = check_filler(buf, t->end()); !f) return f.error();
  auto n = individual_number::try_parse(t->value.as_chars());
  if (!n) return n.error().shifted(t->value_offset());
  return n;
}

// 基本4情報 (EF 0002).
struct basic_info {
  std::string name;     // 氏名 (UTF-8)
  std::string address;  // 住所 (UTF-8)
  civil_date birth;     // 生年月日 (stored in 西暦 even though the face shows 和暦)
  sex_code sex{};       // 性別 (raw digit)
};

namespace detail {
[[nodiscard]] inline result<std::string> utf8_text(const tlv& t) {
  const std::string_view s = t.value.as_chars();
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    if (mynumber::detail::utf8_next(s, i) == mynumber::detail::utf8_invalid)
      return error_info{errc::invalid_utf8, t.value_offset() + at, -1, {}};
  }
  return std::string(s);
}
}  // namespace detail

// EF 0002: FF20 { DF21 offsets, DF22 氏名, DF23 住所, DF24 YYYYMMDD, DF25 sex }. The FF20 record
// is located by searching rather than by a fixed offset, since some cards are reported to put
// two bytes before it (UNCONFIRMED). Errors: errc::tlv_malformed, errc::invalid_utf8,
// errc::invalid_date, each with the byte offset.
[[nodiscard]] inline result<basic_info> try_parse_basic_info(byte_view buf) {
  std::size_t start = 0;
  while (start + 1 < buf.size && !(buf[start] == 0xFF && buf[start + 1] == 0x20)) ++start;
  if (start + 1 >= buf.size) return detail::tlv_error(0, "no FF20 record (基本4情報)");
  auto outer = try_parse_tlv(buf, start);
  if (!outer) return outer.error();
  if (auto f = check_filler(buf, outer->end()); !f) return f.error();
  auto children = try_parse_tlv_sequence(outer->value, outer->value_offset());
  if (!children) return children.error();
  basic_info info;
  const tlv* name = find_tag(*children, 0xDF22);
  const tlv* address = find_tag(*children, 0xDF23);
  const tlv* birth = find_tag(*children, 0xDF24);
  const tlv* sex = find_tag(*children, 0xDF25);
  if (!name || !address || !birth || !sex) {
    return detail::tlv_error(outer->offset, "FF20 lacks one of DF22 (氏名), DF23 (住所), DF24 (生年月日), DF25 (性別)");
  }
  auto n = detail::utf8_text(*name);
  if (!n) return n.error();
  auto a = detail::utf8_text(*address);
  if (!a) return a.error();
  auto b = civil_date::try_parse_basic(birth->value.as_chars());
  if (!b) {
    return error_info{errc::invalid_date, birth->value_offset(), -1, "DF24 must be YYYYMMDD"};
  }
  if (sex->value.size != 1 || sex->value[0] < '0' || sex->value[0] > '9') {
    return detail::tlv_error(sex->value_offset(), "DF25 must be one ASCII digit");
  }
  info.name = std::move(*n);
  info.address = std::move(*a);
  info.birth = *b;
  info.sex = sex_code{static_cast<char>(sex->value[0])};
  return info;
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_TLV_HPP
