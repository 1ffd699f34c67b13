// File: corp/encoding.hpp — the two encodings of the NTA files and how to tell them apart.
// The NTA publishes CSV "Unicode" (UTF-8, normally without a BOM) and "Shift-JIS" (read as CP932)
// under the same file names (corporate_data.md §1.2, §1.4), so the encoding is detected from the
// bytes: a BOM means UTF-8; otherwise the first non-ASCII bytes decide (valid UTF-8 or not).
#ifndef MYNUMBER_CORP_ENCODING_HPP
#define MYNUMBER_CORP_ENCODING_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "../detail/utf8.hpp"
#include "detail/cp932_table.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

enum class text_encoding : std::uint8_t {
  unknown = 0,  // only ASCII seen so far (both encodings agree on it)
  utf8 = 1,
  cp932 = 2,    // Shift_JIS as Windows-31J
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
      if (((a | b) & 0x8080808080808080ull) == 0) { i += 16; continue; }
    }
    const unsigned char b0 = p[i];
    if (b0 < 0x80) { ++i; continue; }
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

[[nodiscard]] inline bool is_valid_utf8(std::string_view s) noexcept { return valid_utf8_prefix(s) == s.size(); }

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
    if (lead < 0x80) { ++i; continue; }
    const std::size_t at = i;
    if (mynumber::detail::utf8_next(window, i) != mynumber::detail::utf8_invalid) { ++good; continue; }
    // A character cut by the end of the window is not evidence either way.
    const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (!window_is_all && need > window.size() - at) break;
    ++bad;
  }
  if (good > 0 && good >= 8 * bad) return text_encoding::utf8;
  return text_encoding::cp932;
}

// Decodes CP932 bytes to UTF-8, appending to `out`. Returns the byte offset of the first byte that
// is not valid CP932 (a lead byte without a valid trail, or an unmapped pair), or npos on success;
// on failure `out` holds what was decoded before that offset.
[[nodiscard]] inline std::size_t cp932_to_utf8(std::string_view in, std::string& out) {
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const auto b = static_cast<std::uint8_t>(in[i]);
    if (b < 0x80) {
      std::size_t j = i + 1;
      while (j < n && static_cast<std::uint8_t>(in[j]) < 0x80) ++j;
      out.append(in.data() + i, j - i);
      i = j;
      continue;
    }
    const char16_t single = mynumber::detail::cp932_single_high[b - 0x80];
    if (single != 0) {
      mynumber::detail::utf8_append(out, single);
      ++i;
      continue;
    }
    if (i + 1 >= n) return i;
    const auto t = static_cast<std::uint8_t>(in[i + 1]);
    if (t < 0x40 || t == 0x7F || t > 0xFC) return i;
    const unsigned trail = t < 0x7F ? t - 0x40u : t - 0x41u;
    char16_t cp = 0xFFFD;
    if (b >= 0xF0 && b <= 0xF9) {
      cp = static_cast<char16_t>(0xE000u + (b - 0xF0u) * 188u + trail);  // user-defined area, linear
    } else {
      unsigned row = 0;
      if (b <= 0x9F) row = b - 0x81u;
      else if (b <= 0xEF) row = 31u + (b - 0xE0u);
      else row = 47u + (b - 0xFAu);
      cp = mynumber::detail::cp932_double[row * 188u + trail];
    }
    if (cp == 0xFFFD) return i;
    mynumber::detail::utf8_append(out, cp);
    i += 2;
  }
  return std::string_view::npos;
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_ENCODING_HPP
