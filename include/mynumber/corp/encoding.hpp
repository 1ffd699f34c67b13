// File: corp/encoding.hpp — the two encodings of the NTA files and how to tell them apart.
// The NTA publishes CSV "Unicode" (UTF-8, normally without a BOM) and "Shift-JIS" (read as CP932)
// under the same file names (corporate_data.md §1.2, §1.4), so the encoding is detected from the
// bytes: a BOM means UTF-8; otherwise the first non-ASCII bytes decide (valid UTF-8 or not).
#ifndef MYNUMBER_CORP_ENCODING_HPP
#define MYNUMBER_CORP_ENCODING_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "../detail/utf8.hpp"
#include "detail/cp932_table.hpp"
#include "detail/csv_simd.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

enum class text_encoding : std::uint8_t {
  unknown = 0,  // only ASCII seen so far (both encodings agree on it)
  utf8 = 1,
  cp932 = 2,  // Shift_JIS as Windows-31J
};

[[nodiscard]] constexpr std::string_view to_string(text_encoding e) noexcept {
  switch (e) {
    case text_encoding::unknown: return "unknown";
    case text_encoding::utf8: return "utf-8";
    case text_encoding::cp932: return "cp932";
  }
  return "unknown";
}

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Length of the longest prefix of `s` that is valid UTF-8; s.size() when all of it is. Fast paths
// for ASCII runs (16 bytes at a time) and for the 3-byte sequences of Japanese text (U+1000..U+FFFF
// without the surrogates); everything else goes through the core's strict decoder.
[[nodiscard]] inline std::size_t valid_utf8_prefix(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 16 <= n) {
      std::uint64_t a, b;
      std::memcpy(&a, p + i, 8);
      std::memcpy(&b, p + i + 8, 8);
      if (((a | b) & 0x8080808080808080ull) == 0) {
        i += 16;
        continue;
      }
    }
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && i + 2 < n) {
      if ((p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return i;
      i += 3;
      continue;
    }
    const std::size_t at = i;
    if (mynumber::detail::utf8_next(s, i) == mynumber::detail::utf8_invalid) return at;
  }
  return n;
}

// Whether every byte of `s` is below 0x80 (8 bytes at a time).
[[nodiscard]] inline bool is_ascii(std::string_view s) noexcept {
  std::size_t i = 0;
  std::uint64_t any = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ull) == 0;
}

// Whether all of `s` is valid UTF-8: the AVX2 kernel of detail/csv_simd.hpp where the CPU has it,
// else valid_utf8_prefix. Use valid_utf8_prefix to learn where a bad sequence starts.
[[nodiscard]] inline bool is_valid_utf8(std::string_view s) noexcept {
#if defined(MYNUMBER_SIMD_X86)
  if (mynumber::detail::cpu_has_avx2()) return detail::utf8_valid_avx2(s.data(), s.size());
#endif
  return valid_utf8_prefix(s) == s.size();
}

// Decides the encoding from a sample of the file. Returns unknown while the sample is pure ASCII.
// A UTF-8 sequence cut by the end of the sample counts as UTF-8 unless `complete` says the sample is
// the whole input. The caller strips a BOM first (a BOM alone already means UTF-8).
[[nodiscard]] inline text_encoding detect_encoding(std::string_view sample, bool complete) noexcept {
  if (sample.substr(0, 3) == utf8_bom) return text_encoding::utf8;
  std::size_t first = 0;
  while (first < sample.size() && static_cast<std::uint8_t>(sample[first]) < 0x80) ++first;
  if (first == sample.size()) return text_encoding::unknown;
  // Judge up to 4 KiB from the first non-ASCII byte: count well-formed multi-byte UTF-8
  // characters against bytes that break UTF-8. CP932 Japanese text breaks UTF-8 almost at once;
  // a UTF-8 file with one damaged byte still has many good characters around it.
  const std::string_view window = sample.substr(first, 4096);
  const bool window_is_all = first + window.size() == sample.size() && complete;
  std::size_t good = 0, bad = 0, i = 0;
  while (i < window.size()) {
    const auto lead = static_cast<std::uint8_t>(window[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    if (mynumber::detail::utf8_next(window, i) != mynumber::detail::utf8_invalid) {
      ++good;
      continue;
    }
    // A character cut by the end of the window is not evidence either way.
    const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (!window_is_all && need > window.size() - at) break;
    ++bad;
  }
  if (good > 0 && good >= 8 * bad) return text_encoding::utf8;
  return text_encoding::cp932;
}

namespace detail {
// The UTF-8 form of every double-byte code of cp932_double, precomputed once: the bytes in the low
// 3 bytes (little-endian order, so one 4-byte store writes them), the length in the top byte,
// 0 for an unmapped pair.
[[nodiscard]] inline const std::uint32_t* cp932_double_utf8() {
  constexpr std::size_t count = sizeof(mynumber::detail::cp932_double) / sizeof(mynumber::detail::cp932_double[0]);
  static const std::unique_ptr<std::uint32_t[]> table = [] {
    auto t = std::make_unique<std::uint32_t[]>(count);
    for (std::size_t i = 0; i < count; ++i) {
      const char16_t cp = mynumber::detail::cp932_double[i];
      if (cp == 0xFFFD) continue;
      std::string utf8;
      mynumber::detail::utf8_append(utf8, cp);
      std::uint32_t v = static_cast<std::uint32_t>(utf8.size()) << 24;
      for (std::size_t k = 0; k < utf8.size(); ++k) v |= std::uint32_t{static_cast<std::uint8_t>(utf8[k])} << (8 * k);
      t[i] = v;
    }
    return t;
  }();
  return table.get();
}
// Stores the 1-3 byte UTF-8 of a table entry at `out` (writes 4 bytes; the caller leaves room).
inline char* put_utf8_entry(char* out, std::uint32_t entry) noexcept {
  const std::uint32_t bytes = entry & 0xFFFFFFu;
  std::memcpy(out, &bytes, 4);
  return out + (entry >> 24);
}
}  // namespace detail

// Worst-case UTF-8 size of `n` CP932 bytes (a half-width katakana byte becomes 3 bytes), plus the
// 4 bytes of slack cp932_decode's stores need.
[[nodiscard]] constexpr std::size_t cp932_decoded_capacity(std::size_t n) noexcept { return 3 * n + 4; }

namespace detail {
// Row of cp932_double for each lead byte: 0-49, -1 for a byte that is not a lead byte, -2 for the
// user-defined area F0-F9 (mapped arithmetically, not by table).
inline constexpr auto cp932_lead_rows = [] {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int b = 0x81; b <= 0x9F; ++b) t[b] = static_cast<std::int8_t>(b - 0x81);
  for (int b = 0xE0; b <= 0xEF; ++b) t[b] = static_cast<std::int8_t>(31 + b - 0xE0);
  for (int b = 0xF0; b <= 0xF9; ++b) t[b] = -2;
  for (int b = 0xFA; b <= 0xFC; ++b) t[b] = static_cast<std::int8_t>(47 + b - 0xFA);
  return t;
}();
// Column of cp932_double for each trail byte (40-7E, 80-FC), 0xFF for a byte that cannot trail.
inline constexpr auto cp932_trail_columns = [] {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = 0xFF;
  for (int b = 0x40; b <= 0x7E; ++b) t[b] = static_cast<std::uint8_t>(b - 0x40);
  for (int b = 0x80; b <= 0xFC; ++b) t[b] = static_cast<std::uint8_t>(b - 0x41);
  return t;
}();
}  // namespace detail

// Decodes CP932 bytes [in, in + n) to UTF-8 at `out`, which must hold cp932_decoded_capacity(n)
// bytes; `written` gets the UTF-8 length. Returns the offset of the first byte that is not valid
// CP932 (a lead byte without a valid trail, or an unmapped pair), or npos on success; on failure
// `written` covers what was decoded before that offset.
[[nodiscard]] inline std::size_t cp932_decode(const char* in, std::size_t n, char* out, std::size_t& written) {
  const std::uint32_t* const table = detail::cp932_double_utf8();
  const auto* const u = reinterpret_cast<const std::uint8_t*>(in);
  char* o = out;
  std::size_t i = 0;
  const auto done = [&](std::size_t result) {
    written = static_cast<std::size_t>(o - out);
    return result;
  };
  while (i < n) {
    // ASCII runs, 8 bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, in + i, 8);
      if ((w & 0x8080808080808080ull) != 0) break;
      std::memcpy(o, &w, 8);
      i += 8;
      o += 8;
    }
    if (i == n) break;
    const std::uint8_t b = u[i];
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
      ++i;
      continue;
    }
    const int row = detail::cp932_lead_rows[b];
    if (row != -1) {
      if (i + 1 >= n) return done(i);
      const unsigned column = detail::cp932_trail_columns[u[i + 1]];
      if (column == 0xFF) return done(i);
      if (row == -2) {
        // The user-defined area maps linearly onto U+E000.. (never unmapped).
        o = mynumber::detail::utf8_put(o, static_cast<char16_t>(0xE000u + (b - 0xF0u) * 188u + column));
      } else {
        const std::uint32_t entry = table[static_cast<unsigned>(row) * 188u + column];
        if (entry == 0) return done(i);
        o = detail::put_utf8_entry(o, entry);
      }
      i += 2;
      continue;
    }
    const char16_t single = mynumber::detail::cp932_single_high[b - 0x80];
    if (single == 0) return done(i);
    o = mynumber::detail::utf8_put(o, single);
    ++i;
  }
  return done(std::string_view::npos);
}

// Decodes CP932 bytes to UTF-8, appending to `out`; the offset of the first bad byte or npos, as
// cp932_decode (on failure `out` holds what was decoded before that offset).
[[nodiscard]] inline std::size_t cp932_to_utf8(std::string_view in, std::string& out) {
  const std::size_t old = out.size();
  out.resize(old + cp932_decoded_capacity(in.size()));
  std::size_t written = 0;
  const std::size_t bad = cp932_decode(in.data(), in.size(), &out[old], written);
  out.resize(old + written);
  return bad;
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_ENCODING_HPP
