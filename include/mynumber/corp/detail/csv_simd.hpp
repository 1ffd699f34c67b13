// File: corp/detail/csv_simd.hpp — the vectorised fast path of the NTA CSV reader.
//
// Two kernels, each only a fast path in front of the exact scalar code in reader.hpp and
// encoding.hpp:
//
//  * split_plain_row splits one row into fields using 64-byte structural bitmaps (quotes, commas,
//    CR, LF) and a prefix-XOR for "inside quotes". It accepts only rows of the plain shape: ended
//    by LF (or CR LF) inside the buffer, every field either unquoted without any quote, or quoted
//    with exactly one quote at each end, no other CR, no quote inside a field. For anything else
//    (doubled quotes, a newline inside quotes, a blank line, a missing final newline, too many
//    fields, a malformed field) it returns false and the reader runs its general parser, which
//    also produces the error text. Both kernels give the same split for every row the fast path
//    takes; the differential fuzz target and tests/corp/csv_simd.test.cpp check that. On AVX2 the
//    prefix XOR is one carry-less multiply.
//  * utf8_valid answers whether a byte range is valid UTF-8 (the rules of detail/utf8.hpp:
//    shortest form, no surrogates, at most U+10FFFF). The AVX2 version classifies each byte by
//    three nibble lookups (lead byte high and low nibble, next byte high nibble) and checks that
//    3rd and 4th bytes of a sequence are continuation bytes, a published technique (Keiser and
//    Lemire, "Validating UTF-8 in less than one instruction per byte", 2021). On a failure the
//    reader asks the scalar decoder where the bad byte is.
//  * split_plain_utf8_row_avx2 is the two at once: the AVX2 splitter whose scanner also runs the
//    UTF-8 classification on the bytes it has loaded, up to the row's LF. The reader uses it for
//    UTF-8 files, so each row is read once.
//
// The mask builders exist for AVX2, SSE2 (the x86-64 baseline), NEON and plain C++; the plain one is
// the reference the others are tested against. Callers must make 64 bytes past `end` readable
// (the reader pads its buffer); bits past `end` are masked off, never used.
#ifndef MYNUMBER_CORP_DETAIL_CSV_SIMD_HPP
#define MYNUMBER_CORP_DETAIL_CSV_SIMD_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../../detail/simd.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {
namespace detail {

// Bit i of each mask describes byte i of a 64-byte block.
struct csv_block_masks {
  std::uint64_t quote = 0, comma = 0, lf = 0, cr = 0;
};

[[nodiscard]] inline csv_block_masks csv_scan_block_scalar(const char* p) noexcept {
  csv_block_masks m;
  for (unsigned i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    switch (p[i]) {
      case '"': m.quote |= bit; break;
      case ',': m.comma |= bit; break;
      case '\n': m.lf |= bit; break;
      case '\r': m.cr |= bit; break;
      default: break;
    }
  }
  return m;
}

#if defined(MYNUMBER_SIMD_X86)
// SSE2 is part of x86-64, so this one needs no target attribute and no CPU check.
[[nodiscard]] inline csv_block_masks csv_scan_block_sse2(const char* p) noexcept {
  const __m128i quote = _mm_set1_epi8('"'), comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r');
  csv_block_masks m;
  for (unsigned k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const unsigned shift = 16 * k;
    m.quote |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)))} << shift;
    m.comma |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)))} << shift;
    m.lf |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)))} << shift;
    m.cr |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, cr)))} << shift;
  }
  return m;
}

[[nodiscard]] MYNUMBER_TARGET_AVX2 inline csv_block_masks csv_scan_block_avx2(const char* p) noexcept {
  const __m256i quote = _mm256_set1_epi8('"'), comma = _mm256_set1_epi8(','), lf = _mm256_set1_epi8('\n'),
                cr = _mm256_set1_epi8('\r');
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const auto bits = [](__m256i a, __m256i b, __m256i c) MYNUMBER_TARGET_AVX2_LAMBDA {
    const auto l = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, c)));
    const auto h = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, c)));
    return std::uint64_t{l} | (std::uint64_t{h} << 32);
  };
  return csv_block_masks{bits(lo, hi, quote), bits(lo, hi, comma), bits(lo, hi, lf), bits(lo, hi, cr)};
}

// prefix_xor (below) in one instruction: a carry-less multiply by all ones.
[[nodiscard]] MYNUMBER_TARGET_AVX2_BITS inline std::uint64_t prefix_xor_clmul(std::uint64_t x) noexcept {
  const __m128i product = _mm_clmulepi64_si128(_mm_cvtsi64_si128(static_cast<long long>(x)), _mm_set1_epi8(-1), 0);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(product));
}
#endif

#if defined(MYNUMBER_SIMD_NEON)
[[nodiscard]] MYNUMBER_SIMD_ALWAYS_INLINE std::uint64_t csv_neon_bits(uint8x16_t a, uint8x16_t b, uint8x16_t c,
                                                                      uint8x16_t d, uint8x16_t want) noexcept {
  // Narrow each 0x00/0xFF comparison byte to one bit, then pack 4 × 16 bits.
  const uint8x16_t weights = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
  const auto lanes = [&](uint8x16_t v) {
    const uint8x16_t m = vandq_u8(vceqq_u8(v, want), weights);
    return static_cast<std::uint64_t>(vaddv_u8(vget_low_u8(m))) |
           (static_cast<std::uint64_t>(vaddv_u8(vget_high_u8(m))) << 8);
  };
  return lanes(a) | (lanes(b) << 16) | (lanes(c) << 32) | (lanes(d) << 48);
}
[[nodiscard]] MYNUMBER_SIMD_ALWAYS_INLINE csv_block_masks csv_scan_block_neon(const char* p) noexcept {
  const auto* u = reinterpret_cast<const std::uint8_t*>(p);
  const uint8x16_t a = vld1q_u8(u), b = vld1q_u8(u + 16), c = vld1q_u8(u + 32), d = vld1q_u8(u + 48);
  return csv_block_masks{csv_neon_bits(a, b, c, d, vdupq_n_u8('"')), csv_neon_bits(a, b, c, d, vdupq_n_u8(',')),
                         csv_neon_bits(a, b, c, d, vdupq_n_u8('\n')), csv_neon_bits(a, b, c, d, vdupq_n_u8('\r'))};
}
#endif

// Bit i of the result is the XOR of bits 0..i of x: with x the quote mask, "inside quotes".
[[nodiscard]] constexpr std::uint64_t prefix_xor(std::uint64_t x) noexcept {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}
[[nodiscard]] constexpr std::uint64_t bits_below(unsigned i) noexcept {
  return i >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << i) - 1;
}
[[nodiscard]] MYNUMBER_SIMD_ALWAYS_INLINE unsigned lowest_bit(std::uint64_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_ctzll(x));
#else
  unsigned n = 0;
  while ((x & 1) == 0) {
    x >>= 1;
    ++n;
  }
  return n;
#endif
}
[[nodiscard]] MYNUMBER_SIMD_ALWAYS_INLINE unsigned popcount64(std::uint64_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_popcountll(x));
#else
  unsigned n = 0;
  for (; x != 0; x &= x - 1) ++n;
  return n;
#endif
}

// The result of a successful split.
struct csv_split {
  const char* next = nullptr;     // just past the row's LF
  const char* row_end = nullptr;  // the row terminator (the CR of CR LF, else the LF)
  std::size_t fields = 0;
};

// See the file comment. `Scanner::scan` builds the masks of one 64-byte block. Each field goes to
// `out` as its text without the surrounding quotes (the plain shape holds no doubled quotes).
//
// The quote rule is checked on whole blocks: a quote that opens (inside turns on) must sit just
// after a field boundary, one that closes just before one. Together with "the LF is outside
// quotes" that admits exactly the rows whose quoted fields hold one quote at each end, so the
// per-field work is only "does it start with a quote". The field limit is checked once per block
// (by counting its separators), not once per field.
template <class Scanner>
[[nodiscard]] MYNUMBER_SIMD_ALWAYS_INLINE bool split_plain_row_with(const char* begin, const char* end,
                                                                    std::string_view* out, std::size_t max_fields,
                                                                    csv_split& split) noexcept {
  std::size_t n = 0;
  const char* field_start = begin;
  std::uint64_t carry = 0;        // all ones when the previous block ended inside quotes
  std::uint64_t start_carry = 1;  // bit 0: this block begins a field (row start, or a separator at bit 63)
  bool close_pending = false;     // the previous block ended with a closing quote
  bool cr_pending = false;        // the previous block ended with the CR of a CR LF
  Scanner scanner;
  // Callers check the field count first (a row has one field more than separators).
  const auto take = [&](const char* stop) {
    // Branch-free: an empty field's first byte is its delimiter, never a quote.
    const std::size_t quoted = field_start[0] == '"' ? 1 : 0;
    out[n++] = std::string_view(field_start + quoted, static_cast<std::size_t>(stop - field_start) - 2 * quoted);
  };
  for (const char* block = begin; block < end; block += 64) {
    const auto available = static_cast<std::size_t>(end - block);
    const std::uint64_t valid = available >= 64 ? ~std::uint64_t{0} : bits_below(static_cast<unsigned>(available));
    const csv_block_masks m = scanner.scan(block);
    std::uint64_t quote = m.quote & valid, comma = m.comma & valid, cr = m.cr & valid;
    const std::uint64_t lf = m.lf & valid;
    unsigned lf_at = 64;
    if (lf != 0) {
      lf_at = lowest_bit(lf);
      const std::uint64_t keep = bits_below(lf_at);
      quote &= keep;
      comma &= keep;
      cr &= keep;
    }
    if constexpr (Scanner::checks_utf8) scanner.settle(lf_at);
    // The only CR the fast path takes is the one of the CR LF that ends the row, which may be
    // split across two blocks.
    const bool crlf = lf_at < 64 && lf_at > 0 && cr == (std::uint64_t{1} << (lf_at - 1));
    const bool cr_at_block_end = lf_at == 64 && cr == (std::uint64_t{1} << 63);
    if ((cr != 0 && !crlf && !cr_at_block_end) || (cr_pending && lf_at != 0)) return false;
    const std::uint64_t inside = Scanner::prefix_xor(quote) ^ carry;
    const std::uint64_t sep = comma & ~inside;
    const unsigned terminator = crlf ? lf_at - 1 : lf_at;  // 64 when the row goes on
    const std::uint64_t boundary =
        sep | (terminator < 64 ? std::uint64_t{1} << terminator : 0) | (cr_at_block_end ? std::uint64_t{1} << 63 : 0);
    if (close_pending && (boundary & 1) == 0) return false;
    const std::uint64_t opening = quote & inside, closing = quote & ~inside;
    const std::uint64_t starts = (sep << 1) | start_carry;
    const std::uint64_t ends = boundary >> 1;  // bit 63 is settled by the next block
    if ((opening & ~starts) != 0 || (closing & ~ends & ~(std::uint64_t{1} << 63)) != 0) return false;
    close_pending = (closing >> 63) != 0;
    if (n + popcount64(sep) >= max_fields) return false;
    for (std::uint64_t rest = sep; rest != 0; rest &= rest - 1) {
      const unsigned at = lowest_bit(rest);
      take(block + at);
      field_start = block + at + 1;
    }
    if (lf_at < 64) {
      if ((inside >> 63) != 0) return false;  // the LF is inside quotes: a multi-line row
      const char* stop = cr_pending ? block - 1 : block + terminator;
      take(stop);
      if (n == 1 && stop == begin) return false;  // a blank line: the general path skips it
      if constexpr (Scanner::checks_utf8) {
        if (!scanner.utf8_valid()) return false;  // the general path reports it
      }
      split = csv_split{block + lf_at + 1, stop, n};
      return true;
    }
    carry = (inside >> 63) != 0 ? ~std::uint64_t{0} : 0;
    start_carry = sep >> 63;
    cr_pending = cr_at_block_end;
  }
  return false;  // no LF before `end`
}

// A scanner builds the masks of one block (scan) and computes "inside quotes" (prefix_xor); one
// with checks_utf8 also checks the row's bytes as UTF-8 (settle: the block's LF position, 64 for
// none; utf8_valid: the verdict at the row end). The base gives the defaults a scanner may hide.
struct csv_scanner_base {
  static constexpr bool checks_utf8 = false;
  static std::uint64_t prefix_xor(std::uint64_t x) noexcept { return detail::prefix_xor(x); }
};
struct csv_scalar_scanner : csv_scanner_base {
  static csv_block_masks scan(const char* p) noexcept { return csv_scan_block_scalar(p); }
};
[[nodiscard]] inline bool split_plain_row_scalar(const char* begin, const char* end, std::string_view* out,
                                                 std::size_t max_fields, csv_split& split) noexcept {
  return split_plain_row_with<csv_scalar_scanner>(begin, end, out, max_fields, split);
}
#if defined(MYNUMBER_SIMD_X86)
struct csv_sse2_scanner : csv_scanner_base {
  static csv_block_masks scan(const char* p) noexcept { return csv_scan_block_sse2(p); }
};
struct csv_avx2_scanner : csv_scanner_base {
  MYNUMBER_TARGET_AVX2_BITS static std::uint64_t prefix_xor(std::uint64_t x) noexcept { return prefix_xor_clmul(x); }
  MYNUMBER_TARGET_AVX2 static csv_block_masks scan(const char* p) noexcept { return csv_scan_block_avx2(p); }
};
[[nodiscard]] inline bool split_plain_row_sse2(const char* begin, const char* end, std::string_view* out,
                                               std::size_t max_fields, csv_split& split) noexcept {
  return split_plain_row_with<csv_sse2_scanner>(begin, end, out, max_fields, split);
}
[[nodiscard]] MYNUMBER_TARGET_AVX2_BITS_FLATTEN inline bool split_plain_row_avx2(const char* begin, const char* end,
                                                                                 std::string_view* out,
                                                                                 std::size_t max_fields,
                                                                                 csv_split& split) noexcept {
  return split_plain_row_with<csv_avx2_scanner>(begin, end, out, max_fields, split);
}
#endif
#if defined(MYNUMBER_SIMD_NEON)
struct csv_neon_scanner : csv_scanner_base {
  static csv_block_masks scan(const char* p) noexcept { return csv_scan_block_neon(p); }
};
[[nodiscard]] inline bool split_plain_row_neon(const char* begin, const char* end, std::string_view* out,
                                               std::size_t max_fields, csv_split& split) noexcept {
  return split_plain_row_with<csv_neon_scanner>(begin, end, out, max_fields, split);
}
#endif

using split_plain_row_fn = bool (*)(const char*, const char*, std::string_view*, std::size_t, csv_split&) noexcept;

// The best splitter for this CPU, chosen once.
[[nodiscard]] inline split_plain_row_fn best_split_plain_row() noexcept {
#if defined(MYNUMBER_SIMD_X86)
  return mynumber::detail::cpu_has_avx2_bits() ? &split_plain_row_avx2 : &split_plain_row_sse2;
#elif defined(MYNUMBER_SIMD_NEON)
  return &split_plain_row_neon;
#else
  return &split_plain_row_scalar;
#endif
}

#if defined(MYNUMBER_SIMD_X86)
// The lookup tables of the UTF-8 kernel (each 16-entry table repeated in both 128-bit lanes).
struct utf8_avx2_tables {
  __m256i lead_high, lead_low, next_high, open_at_end;
};

[[nodiscard]] MYNUMBER_TARGET_AVX2 inline __m256i repeat_16(const char (&t)[16]) noexcept {
  const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t));
  return _mm256_inserti128_si256(_mm256_castsi128_si256(half), half, 1);
}

[[nodiscard]] MYNUMBER_TARGET_AVX2 inline utf8_avx2_tables make_utf8_avx2_tables() noexcept {
  // Error classes; a byte pair is bad when the three lookups share a set bit.
  constexpr char too_short = 1 << 0, too_long = 1 << 1, overlong_3 = 1 << 2, too_large = 1 << 3, surrogate = 1 << 4,
                 overlong_2 = 1 << 5, too_large_1000 = 1 << 6, overlong_4 = 1 << 6;
  constexpr char two_conts = static_cast<char>(0x80);
  constexpr char carry = static_cast<char>(too_short | too_long | two_conts);
  constexpr char large = static_cast<char>(carry | too_large | too_large_1000);
  constexpr char cont = static_cast<char>(too_long | overlong_2 | two_conts);
  // Indexed by the high nibble of the previous byte.
  static constexpr char lead_high[16] = {too_long,
                                         too_long,
                                         too_long,
                                         too_long,
                                         too_long,
                                         too_long,
                                         too_long,
                                         too_long,
                                         two_conts,
                                         two_conts,
                                         two_conts,
                                         two_conts,
                                         too_short | overlong_2,
                                         too_short,
                                         too_short | overlong_3 | surrogate,
                                         too_short | too_large | too_large_1000 | overlong_4};
  // Indexed by the low nibble of the previous byte.
  static constexpr char lead_low[16] = {static_cast<char>(carry | overlong_3 | overlong_2 | overlong_4),
                                        static_cast<char>(carry | overlong_2),
                                        carry,
                                        carry,
                                        static_cast<char>(carry | too_large),
                                        large,
                                        large,
                                        large,
                                        large,
                                        large,
                                        large,
                                        large,
                                        large,
                                        static_cast<char>(large | surrogate),
                                        large,
                                        large};
  // Indexed by the high nibble of the current byte.
  static constexpr char next_high[16] = {too_short,
                                         too_short,
                                         too_short,
                                         too_short,
                                         too_short,
                                         too_short,
                                         too_short,
                                         too_short,
                                         static_cast<char>(cont | overlong_3 | too_large_1000 | overlong_4),
                                         static_cast<char>(cont | overlong_3 | too_large),
                                         static_cast<char>(cont | surrogate | too_large),
                                         static_cast<char>(cont | surrogate | too_large),
                                         too_short,
                                         too_short,
                                         too_short,
                                         too_short};
  utf8_avx2_tables t;
  t.lead_high = repeat_16(lead_high);
  t.lead_low = repeat_16(lead_low);
  t.next_high = repeat_16(next_high);
  // A sequence still open at the end of a block: a 4-byte lead in its last 3 bytes, a 3-byte lead
  // in the last 2, any lead in the last one.
  t.open_at_end =
      _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                       -1, -1, -1, -1, -1, static_cast<char>(0xEF), static_cast<char>(0xDF), static_cast<char>(0xBF));
  return t;
}

// The errors of one 32-byte block (zero lanes where it is fine); `previous` is the block before
// it and becomes this one. Lane i is an error found at byte i, judged from bytes i-3..i.
[[nodiscard]] MYNUMBER_TARGET_AVX2 inline __m256i utf8_block_errors_avx2(const utf8_avx2_tables& t,
                                                                         const __m256i& input,
                                                                         __m256i& previous) noexcept {
  if (_mm256_movemask_epi8(input) == 0) {
    // All ASCII: only a sequence left open by the previous block can be wrong here, and then the
    // error is at lane 0 (its next byte, which is ASCII, not a continuation byte).
    const __m256i open = _mm256_subs_epu8(previous, t.open_at_end);
    previous = input;
    return _mm256_testz_si256(open, open) != 0 ? _mm256_setzero_si256() : _mm256_setr_epi32(1, 0, 0, 0, 0, 0, 0, 0);
  }
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i joined = _mm256_permute2x128_si256(previous, input, 0x21);
  const __m256i prev1 = _mm256_alignr_epi8(input, joined, 15);
  const __m256i prev2 = _mm256_alignr_epi8(input, joined, 14);
  const __m256i prev3 = _mm256_alignr_epi8(input, joined, 13);
  const __m256i b1h = _mm256_shuffle_epi8(t.lead_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
  const __m256i b1l = _mm256_shuffle_epi8(t.lead_low, _mm256_and_si256(prev1, nibble));
  const __m256i b2h = _mm256_shuffle_epi8(t.next_high, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
  // Third and fourth bytes of a sequence must be continuation bytes, and nothing else may be one
  // after a continuation byte (the two_conts class, bit 7).
  const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  previous = input;
  return _mm256_xor_si256(must_continue, special);
}

// True when [s, s + n) is valid UTF-8 (see the file comment). Reads only inside the range.
[[nodiscard]] MYNUMBER_TARGET_AVX2_FLATTEN inline bool utf8_valid_avx2(const char* s, std::size_t n) noexcept {
  const utf8_avx2_tables t = make_utf8_avx2_tables();
  __m256i error = _mm256_setzero_si256();
  __m256i previous = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32)
    error = _mm256_or_si256(
        error, utf8_block_errors_avx2(t, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i)), previous));
  if (i < n) {
    // The tail, padded with zero bytes: a sequence cut by the end then fails as too short.
    alignas(32) char tail[32] = {};
    std::memcpy(tail, s + i, n - i);
    error = _mm256_or_si256(
        error, utf8_block_errors_avx2(t, _mm256_load_si256(reinterpret_cast<const __m256i*>(tail)), previous));
  }
  error = _mm256_or_si256(error, _mm256_subs_epu8(previous, t.open_at_end));
  return _mm256_testz_si256(error, error) != 0;
}

// The AVX2 scanner that also checks the row as UTF-8 from the same loads. Bytes after the row's
// LF belong to the next row and are masked off; the LF itself is checked, which catches a
// sequence cut short by the end of the row (so no end-of-input test is needed).
struct csv_avx2_utf8_scanner : csv_avx2_scanner {
  static constexpr bool checks_utf8 = true;
  utf8_avx2_tables tables;
  __m256i previous, error, low_errors, high_errors;

  MYNUMBER_TARGET_AVX2 csv_avx2_utf8_scanner() noexcept
      : tables(make_utf8_avx2_tables()),
        previous(_mm256_setzero_si256()),
        error(_mm256_setzero_si256()),
        low_errors(_mm256_setzero_si256()),
        high_errors(_mm256_setzero_si256()) {}
  MYNUMBER_TARGET_AVX2 csv_block_masks scan(const char* p) noexcept {
    low_errors = utf8_block_errors_avx2(tables, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), previous);
    high_errors =
        utf8_block_errors_avx2(tables, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32)), previous);
    return csv_avx2_scanner::scan(p);
  }
  MYNUMBER_TARGET_AVX2 void settle(unsigned lf_at) noexcept {
    if (lf_at < 64) {
      // Keep lanes 0..lf_at of the 64 (a signed byte compare: every value is below 128).
      const __m256i limit = _mm256_set1_epi8(static_cast<char>(lf_at + 1));
      const __m256i low_lanes = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                                                 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
      const __m256i high_lanes = _mm256_add_epi8(low_lanes, _mm256_set1_epi8(32));
      low_errors = _mm256_and_si256(low_errors, _mm256_cmpgt_epi8(limit, low_lanes));
      high_errors = _mm256_and_si256(high_errors, _mm256_cmpgt_epi8(limit, high_lanes));
    }
    error = _mm256_or_si256(error, _mm256_or_si256(low_errors, high_errors));
  }
  [[nodiscard]] MYNUMBER_TARGET_AVX2 bool utf8_valid() const noexcept { return _mm256_testz_si256(error, error) != 0; }
};

// split_plain_row that also declines a row whose bytes are not valid UTF-8 (the reader's general
// path then reports it), so a UTF-8 file needs no second pass over each row.
[[nodiscard]] MYNUMBER_TARGET_AVX2_BITS_FLATTEN inline bool split_plain_utf8_row_avx2(
    const char* begin, const char* end, std::string_view* out, std::size_t max_fields, csv_split& split) noexcept {
  return split_plain_row_with<csv_avx2_utf8_scanner>(begin, end, out, max_fields, split);
}
#endif

// The splitter with the UTF-8 check built in where the CPU has one, else nullptr (then split with
// best_split_plain_row and check with is_valid_utf8). Chosen once.
[[nodiscard]] inline split_plain_row_fn best_split_plain_utf8_row() noexcept {
#if defined(MYNUMBER_SIMD_X86)
  if (mynumber::detail::cpu_has_avx2_bits()) return &split_plain_utf8_row_avx2;
#endif
  return nullptr;
}

}  // namespace detail
}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_DETAIL_CSV_SIMD_HPP
