// File: detail/bulk_simd.hpp — the engines behind bulk.hpp: the scalar per-record step and the
// SIMD kernels (SSE4.1 and AVX2 on x86-64, NEON on AArch64), on the shared SIMD support of simd.hpp.
//
// The SIMD kernels only take a fast path. They validate a batch of consecutive records (16 with
// AVX2, 8 with SSE4.1, 4 with NEON) on the assumption that every record has the well-formed shape:
// exactly `length` ASCII digits followed by the line terminator (LF or CR LF) or, for fixed-stride
// records, by padding. If any record of the batch breaks that shape, the batch is not used and the
// records go through the scalar step, which is the reference validator itself. So every status
// other than "valid" and "check digit mismatch" comes from the scalar code, and those two come from
// an exact congruence (bulk_kernel_traits). Each kernel carries its own target attribute and is
// chosen at run time; nothing needs a global -m flag.
#ifndef MYNUMBER_DETAIL_BULK_SIMD_HPP
#define MYNUMBER_DETAIL_BULK_SIMD_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../kind.hpp"
#include "simd.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

// Running totals and the status output of one bulk call. `out` may be null (count only); records
// at or past `out_size` are counted but not written.
struct bulk_sink {
  std::uint8_t* out = nullptr;
  std::size_t out_size = 0;
  std::size_t records = 0;
  std::size_t valid = 0;

  void put(std::uint8_t status) noexcept {
    if (out != nullptr && records < out_size) out[records] = status;
    ++records;
    if (status == 0) ++valid;
  }
  // Where a batch of n records writes its status bytes: straight into `out` when all n fit,
  // else into `scratch` (then copied by put_batch).
  [[nodiscard]] std::uint8_t* batch_target(std::uint8_t* scratch, unsigned n) const noexcept {
    return out != nullptr && records <= out_size && out_size - records >= n ? out + records : scratch;
  }
  // Accounts for a batch whose statuses were written to `target` (from batch_target).
  void put_batch(const std::uint8_t* target, const std::uint8_t* scratch, unsigned n, unsigned valid_count) noexcept {
    if (target == scratch && out != nullptr)
      for (unsigned i = 0; i < n && records + i < out_size; ++i) out[records + i] = scratch[i];
    records += n;
    valid += valid_count;
  }
};

// Whether a status means the record had the well-formed shape (all digits, right length), i.e.
// the vector kernels would have taken it.
[[nodiscard]] constexpr bool shape_status(std::uint8_t status) noexcept {
  return status == 0 || status == static_cast<std::uint8_t>(errc::check_digit_mismatch);
}

// The scalar step for newline-separated text: validates the line that starts at p (p < end) with
// the reference validator, sets `status` and returns the start of the next line (end if this was
// the last one). Sets `crlf` to whether the line ended in CR LF, and `well_formed` to whether a
// vector kernel could have taken the line (shape_status() and a line terminator).
inline const char* scalar_line(const char* p, const char* end, number_kind kind, std::uint8_t& status, bool& crlf,
                               bool& well_formed) noexcept {
  const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
  const char* eol = hit != nullptr ? static_cast<const char*>(hit) : end;
  auto len = static_cast<std::size_t>(eol - p);
  crlf = len != 0 && p[len - 1] == '\r';
  if (crlf) --len;
  status = static_cast<std::uint8_t>(validate(kind, std::string_view(p, len)).code);
  well_formed = shape_status(status) && eol != end;
  return eol == end ? end : eol + 1;
}

// The scalar step for fixed-stride records: trailing spaces and NULs are padding.
[[nodiscard]] inline std::uint8_t scalar_record(const char* rec, std::size_t stride, number_kind kind) noexcept {
  std::size_t len = stride;
  while (len != 0 && (rec[len - 1] == ' ' || rec[len - 1] == '\0')) --len;
  return static_cast<std::uint8_t>(validate(kind, std::string_view(rec, len)).code);
}

// Per-kind constants of the vector kernels.
//
// Both check-digit rules become one congruence on T, the weighted digit sum that includes the check
// digit c with weight 1 (check_digit.hpp has the statutory formulas):
//  - Individual Number (平成26年総務省令第85号 第5条): c = 11 − (S mod 11), or 0 when S mod 11 ≤ 1.
//    With T = S + c this holds exactly when T ≡ 0 (mod 11), or T ≡ 1 (mod 11) and c = 0.
//    (T ≡ 0 with S ≡ 1 would need c = 10, which is not a digit.)
//  - Corporate Number (平成26年財務省令第70号 第2条): c = 9 − (S mod 9), always 1–9. With T = S + c
//    this holds exactly when T ≡ 0 (mod 9) and c ≠ 0.
// T ≤ 9·48 = 432 (individual) and 9·19 = 171 (corporate), so T mod m is computed in 16-bit lanes
// as T − m·⌊T·magic / 2^16⌋ with magic = ⌈2^16 / m⌉, which is exact for T < 2^16 / m.
template <number_kind Kind>
struct bulk_kernel_traits;

template <>
struct bulk_kernel_traits<number_kind::individual> {
  static constexpr std::size_t length = individual_number_length;
  static constexpr int check_position = 11;
  static constexpr int modulus = 11;
  static constexpr int magic = 5958;  // ceil(65536 / 11)
  // Weights 6 5 4 3 2 7 6 5 4 3 2 for the base digits, 1 for the check digit, 0 past the number.
  static constexpr std::int8_t weights[16] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0};
};

template <>
struct bulk_kernel_traits<number_kind::corporate> {
  static constexpr std::size_t length = corporate_number_length;
  static constexpr int check_position = 0;
  static constexpr int modulus = 9;
  static constexpr int magic = 7282;  // ceil(65536 / 9)
  // 1 for the check digit, then 2 1 2 1 … over the 12 base digits, 0 past the number.
  static constexpr std::int8_t weights[16] = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 0, 0, 0};
};

// The verdict from T and c for one record: the scalar form of what the vector kernels compute.
template <number_kind Kind>
[[nodiscard]] constexpr bool check_congruence(int t, int c) noexcept {
  const int r = t % bulk_kernel_traits<Kind>::modulus;
  if constexpr (Kind == number_kind::individual) return r == 0 || (r == 1 && c == 0);
  else return r == 0 && c != 0;
}

// What a well-formed record looks like to the vector kernels, over the 16 bytes that start at the
// record. With d = byte − '0' (mod 256) and e = (d XOR xor_pattern) AND and_pattern, a byte is
// acceptable when e ≤ limit (unsigned):
//  - digit positions:      xor 0, and 0xFF, limit 9         → an ASCII digit
//  - a terminator byte t:  xor t − '0', and 0xFF, limit 0    → exactly t
//  - padding (NUL or ' '): xor 0xD0, and 0xDF, limit 0       → exactly NUL or space
//  - past the record:      limit 0xFF                        → anything
// Weights are 0 outside the digits, so the checksum uses d unchanged.
struct record_shape {
  alignas(16) std::uint8_t xor_pattern[16] = {};
  alignas(16) std::uint8_t and_pattern[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  alignas(16) std::uint8_t limit[16] = {};
  std::size_t stride = 0;
};

[[nodiscard]] constexpr std::uint8_t minus_zero_char(char c) noexcept {
  return static_cast<std::uint8_t>(static_cast<unsigned char>(c) - static_cast<unsigned char>('0'));
}

// Shape of a line of `length` digits ended by LF (crlf false) or CR LF.
[[nodiscard]] inline record_shape line_shape(std::size_t length, bool crlf) noexcept {
  record_shape s;
  for (std::size_t i = 0; i < 16; ++i) s.limit[i] = i < length ? 9 : 0xFF;
  if (crlf) {
    s.xor_pattern[length] = minus_zero_char('\r');
    s.limit[length] = 0;
    s.xor_pattern[length + 1] = minus_zero_char('\n');
    s.limit[length + 1] = 0;
    s.stride = length + 2;
  } else {
    s.xor_pattern[length] = minus_zero_char('\n');
    s.limit[length] = 0;
    s.stride = length + 1;
  }
  return s;
}

// Shape of a fixed-stride record of `length` digits padded to `stride` (length <= stride <= 16).
[[nodiscard]] inline record_shape padded_shape(std::size_t length, std::size_t stride) noexcept {
  record_shape s;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i < length) {
      s.limit[i] = 9;
    } else if (i < stride) {
      s.xor_pattern[i] = minus_zero_char('\0');  // NUL → 0, ' ' → 0x20, cleared by the and
      s.and_pattern[i] = 0xDF;
      s.limit[i] = 0;
    } else {
      s.limit[i] = 0xFF;
    }
  }
  s.stride = stride;
  return s;
}

// The drivers are shared by every instruction set. `Batch` provides
//   static constexpr unsigned size;  // records per batch
//   template <bool Padded>           // Padded: and_pattern is in use (fixed-stride records)
//   static bool run(const char* p, const record_shape&, std::uint8_t* status, unsigned& valid);
// run() reads the 16 bytes at p + i·stride for each record i of the batch. When every record is
// well formed it writes `size` status bytes to `status`, sets `valid` and returns true; otherwise
// it returns false and writes nothing. The drivers are always inlined into the kernel entry
// points, which carry the target attribute (and flatten), so run() inlines too.
//
// The drivers count in a local copy of the sink: its address never escapes, so the compiler can
// keep the counters in registers although the status stores (uint8_t) may alias anything.

template <number_kind Kind, class Batch>
MYNUMBER_SIMD_ALWAYS_INLINE void lines_driver(const char* p, const char* end, bulk_sink& sink_out) noexcept {
  constexpr std::size_t length = bulk_kernel_traits<Kind>::length;
  const record_shape shapes[2] = {line_shape(length, false), line_shape(length, true)};
  alignas(16) std::uint8_t scratch[Batch::size];
  bulk_sink sink = sink_out;
  bool crlf = false;
  bool well_formed = false;
  std::uint8_t status = 0;
  for (;;) {
    const record_shape& shape = shapes[crlf ? 1 : 0];
    // The last record of the batch reads 16 bytes at p + (size-1)·stride.
    if (static_cast<std::size_t>(end - p) < (Batch::size - 1) * shape.stride + 16) break;
    std::uint8_t* const target = sink.batch_target(scratch, Batch::size);
    unsigned valid = 0;
    if (Batch::template run<false>(p, shape, target, valid)) {
      sink.put_batch(target, scratch, Batch::size, valid);
      p += Batch::size * shape.stride;
      continue;
    }
    // Something odd in this batch: validate its records one by one with the reference code, up to
    // and including the first one that the batch could not take (wrong shape, or a line ending
    // other than the one guessed), then try batches again with that record's line ending.
    const bool guessed_crlf = crlf;
    do {
      p = scalar_line(p, end, Kind, status, crlf, well_formed);
      sink.put(status);
    } while (well_formed && crlf == guessed_crlf && p != end);
  }
  while (p < end) {
    p = scalar_line(p, end, Kind, status, crlf, well_formed);
    sink.put(status);
  }
  sink_out = sink;
}

template <number_kind Kind, class Batch>
MYNUMBER_SIMD_ALWAYS_INLINE void strided_driver(const char* data, std::size_t count, std::size_t stride,
                                                bulk_sink& sink_out) noexcept {
  constexpr std::size_t length = bulk_kernel_traits<Kind>::length;
  alignas(16) std::uint8_t scratch[Batch::size];
  bulk_sink sink = sink_out;
  std::size_t r = 0;
  if (stride >= length && stride <= 16 && count >= Batch::size) {
    const record_shape shape = padded_shape(length, stride);
    // Batches whose 16-byte reads stay inside the count·stride bytes of the buffer.
    const std::size_t total = count * stride;
    while (r + Batch::size <= count && (r + Batch::size - 1) * stride + 16 <= total) {
      std::uint8_t* const target = sink.batch_target(scratch, Batch::size);
      unsigned valid = 0;
      if (Batch::template run<true>(data + r * stride, shape, target, valid)) {
        sink.put_batch(target, scratch, Batch::size, valid);
        r += Batch::size;
        continue;
      }
      // As in lines_driver: the reference code up to and including the first odd record.
      while (r < count) {
        const std::uint8_t s = scalar_record(data + r * stride, stride, Kind);
        sink.put(s);
        ++r;
        if (!shape_status(s)) break;
      }
    }
  }
  for (; r < count; ++r) sink.put(scalar_record(data + r * stride, stride, Kind));
  sink_out = sink;
}

#if defined(MYNUMBER_SIMD_X86)

// 8 records in two groups of four 128-bit registers: group A holds records 0–3, group B 4–7.
// Horizontal adds leave T of record k of a group in 32-bit lane k; packing the groups gives the
// eight T values in record order in 16-bit lanes.
template <number_kind Kind>
struct sse41_batch {
  static constexpr unsigned size = 8;

  template <bool Padded>
  MYNUMBER_TARGET_SSE41 static bool run(const char* p, const record_shape& shape, std::uint8_t* status,
                                        unsigned& valid) noexcept {
    using kt = bulk_kernel_traits<Kind>;
    const __m128i zero_char = _mm_set1_epi8('0');
    const __m128i xor_pattern = _mm_load_si128(reinterpret_cast<const __m128i*>(shape.xor_pattern));
    const __m128i and_pattern = _mm_load_si128(reinterpret_cast<const __m128i*>(shape.and_pattern));
    const __m128i limit = _mm_load_si128(reinterpret_cast<const __m128i*>(shape.limit));
    const __m128i weights = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kt::weights));
    const __m128i ones = _mm_set1_epi16(1);
    const char cp = static_cast<char>(kt::check_position);
    const char z = static_cast<char>(0x80);  // pshufb: write 0
    // Moves the check digit of register k of a group into 32-bit lane k.
    const __m128i pick[4] = {
        _mm_setr_epi8(cp, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z),
        _mm_setr_epi8(z, z, z, z, cp, z, z, z, z, z, z, z, z, z, z, z),
        _mm_setr_epi8(z, z, z, z, z, z, z, z, cp, z, z, z, z, z, z, z),
        _mm_setr_epi8(z, z, z, z, z, z, z, z, z, z, z, z, cp, z, z, z),
    };
    const std::size_t stride = shape.stride;

    std::uint32_t good = 0xFFFFu;
    // One record: shape bits into `good`, its check digit into lane k of `check`, and the four
    // 32-bit partial sums of T as the result.
    const auto record = [&](unsigned index, unsigned k, __m128i& check) MYNUMBER_TARGET_SSE41_LAMBDA {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + index * stride));
      const __m128i d = _mm_sub_epi8(v, zero_char);
      __m128i e = _mm_xor_si128(d, xor_pattern);
      if constexpr (Padded) e = _mm_and_si128(e, and_pattern);
      good &= static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(e, limit), e)));
      check = _mm_or_si128(check, _mm_shuffle_epi8(d, pick[k]));
      return _mm_madd_epi16(_mm_maddubs_epi16(d, weights), ones);
    };
    __m128i check_a = _mm_setzero_si128();
    __m128i check_b = _mm_setzero_si128();
    const __m128i t_a = _mm_hadd_epi32(_mm_hadd_epi32(record(0, 0, check_a), record(1, 1, check_a)),
                                       _mm_hadd_epi32(record(2, 2, check_a), record(3, 3, check_a)));
    const __m128i t_b = _mm_hadd_epi32(_mm_hadd_epi32(record(4, 0, check_b), record(5, 1, check_b)),
                                       _mm_hadd_epi32(record(6, 2, check_b), record(7, 3, check_b)));
    if (good != 0xFFFFu) return false;
    const __m128i t = _mm_packus_epi32(t_a, t_b);  // T of records 0–7, 16 bits each
    const __m128i c = _mm_packus_epi32(check_a, check_b);
    const __m128i q = _mm_mulhi_epu16(t, _mm_set1_epi16(static_cast<short>(kt::magic)));
    const __m128i r = _mm_sub_epi16(t, _mm_mullo_epi16(q, _mm_set1_epi16(static_cast<short>(kt::modulus))));
    const __m128i zero = _mm_setzero_si128();
    const __m128i c_is_zero = _mm_cmpeq_epi16(c, zero);
    __m128i ok;
    if constexpr (Kind == number_kind::individual)
      ok = _mm_or_si128(_mm_cmpeq_epi16(r, zero), _mm_and_si128(_mm_cmpeq_epi16(r, _mm_set1_epi16(1)), c_is_zero));
    else ok = _mm_andnot_si128(c_is_zero, _mm_cmpeq_epi16(r, zero));
    const __m128i ok_bytes = _mm_packs_epi16(ok, ok);  // 0xFF / 0x00 per record, twice
    const __m128i mismatch = _mm_set1_epi8(static_cast<char>(errc::check_digit_mismatch));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(status), _mm_andnot_si128(ok_bytes, mismatch));
    valid = static_cast<unsigned>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(ok_bytes)) & 0xFFu));
    return true;
  }
};

// 16 records in two groups of four 256-bit registers: register k of group A holds record k in its
// low half and record 8+k in its high half; group B holds records 4+k and 12+k. After the
// horizontal adds and the pack, the 16-bit lanes hold T in record order.
template <number_kind Kind>
struct avx2_batch {
  static constexpr unsigned size = 16;

  template <bool Padded>
  MYNUMBER_TARGET_AVX2 static bool run(const char* p, const record_shape& shape, std::uint8_t* status,
                                       unsigned& valid) noexcept {
    using kt = bulk_kernel_traits<Kind>;
    const __m256i zero_char = _mm256_set1_epi8('0');
    // The same 16-byte pattern in both halves.
    const __m256i xor_pattern =
        _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(shape.xor_pattern)));
    const __m256i and_pattern =
        _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(shape.and_pattern)));
    const __m256i limit = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(shape.limit)));
    const __m256i weights = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(kt::weights)));
    const __m256i ones = _mm256_set1_epi16(1);
    const char cp = static_cast<char>(kt::check_position);
    const char z = static_cast<char>(0x80);
    const __m256i pick[4] = {
        _mm256_setr_epi8(cp, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z,  //
                         cp, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z),
        _mm256_setr_epi8(z, z, z, z, cp, z, z, z, z, z, z, z, z, z, z, z,  //
                         z, z, z, z, cp, z, z, z, z, z, z, z, z, z, z, z),
        _mm256_setr_epi8(z, z, z, z, z, z, z, z, cp, z, z, z, z, z, z, z,  //
                         z, z, z, z, z, z, z, z, cp, z, z, z, z, z, z, z),
        _mm256_setr_epi8(z, z, z, z, z, z, z, z, z, z, z, z, cp, z, z, z,  //
                         z, z, z, z, z, z, z, z, z, z, z, z, cp, z, z, z),
    };
    const std::size_t stride = shape.stride;

    std::uint32_t good = 0xFFFFFFFFu;
    // Records `low` and low+8: shape bits into `good`, check digits into lane k of `check`, and
    // the 32-bit partial sums of T as the result.
    const auto pair = [&](unsigned low, unsigned k, __m256i& check) MYNUMBER_TARGET_AVX2_LAMBDA {
      const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + low * stride));
      const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + (low + 8) * stride));
      const __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
      const __m256i d = _mm256_sub_epi8(v, zero_char);
      __m256i e = _mm256_xor_si256(d, xor_pattern);
      if constexpr (Padded) e = _mm256_and_si256(e, and_pattern);
      good &= static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(e, limit), e)));
      check = _mm256_or_si256(check, _mm256_shuffle_epi8(d, pick[k]));
      return _mm256_madd_epi16(_mm256_maddubs_epi16(d, weights), ones);
    };
    __m256i check_a = _mm256_setzero_si256();
    __m256i check_b = _mm256_setzero_si256();
    const __m256i t_a = _mm256_hadd_epi32(_mm256_hadd_epi32(pair(0, 0, check_a), pair(1, 1, check_a)),
                                          _mm256_hadd_epi32(pair(2, 2, check_a), pair(3, 3, check_a)));
    const __m256i t_b = _mm256_hadd_epi32(_mm256_hadd_epi32(pair(4, 0, check_b), pair(5, 1, check_b)),
                                          _mm256_hadd_epi32(pair(6, 2, check_b), pair(7, 3, check_b)));
    if (good != 0xFFFFFFFFu) return false;
    // Per 128-bit half: low half records 0–7, high half records 8–15.
    const __m256i t = _mm256_packus_epi32(t_a, t_b);
    const __m256i c = _mm256_packus_epi32(check_a, check_b);
    const __m256i q = _mm256_mulhi_epu16(t, _mm256_set1_epi16(static_cast<short>(kt::magic)));
    const __m256i r = _mm256_sub_epi16(t, _mm256_mullo_epi16(q, _mm256_set1_epi16(static_cast<short>(kt::modulus))));
    const __m256i zero = _mm256_setzero_si256();
    const __m256i c_is_zero = _mm256_cmpeq_epi16(c, zero);
    __m256i ok;
    if constexpr (Kind == number_kind::individual)
      ok = _mm256_or_si256(_mm256_cmpeq_epi16(r, zero),
                           _mm256_and_si256(_mm256_cmpeq_epi16(r, _mm256_set1_epi16(1)), c_is_zero));
    else ok = _mm256_andnot_si256(c_is_zero, _mm256_cmpeq_epi16(r, zero));
    // Bytes 0–7 of each half: 0xFF / 0x00 for that half's eight records.
    const __m256i ok_bytes = _mm256_packs_epi16(ok, ok);
    const __m256i mismatch = _mm256_set1_epi8(static_cast<char>(errc::check_digit_mismatch));
    // Gather the low 8 bytes of both halves (64-bit elements 0 and 2) into the low 16 bytes.
    const __m256i statuses = _mm256_permute4x64_epi64(_mm256_andnot_si256(ok_bytes, mismatch), 0x08);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(status), _mm256_castsi256_si128(statuses));
    const auto ok_mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(ok_bytes));
    valid = static_cast<unsigned>(__builtin_popcount(ok_mask & 0x00FF00FFu));
    return true;
  }
};

template <number_kind Kind>
MYNUMBER_TARGET_SSE41_FLATTEN inline void lines_sse41(const char* p, const char* end, bulk_sink& sink) noexcept {
  lines_driver<Kind, sse41_batch<Kind>>(p, end, sink);
}
template <number_kind Kind>
MYNUMBER_TARGET_AVX2_FLATTEN inline void lines_avx2(const char* p, const char* end, bulk_sink& sink) noexcept {
  lines_driver<Kind, avx2_batch<Kind>>(p, end, sink);
}
template <number_kind Kind>
MYNUMBER_TARGET_SSE41_FLATTEN inline void strided_sse41(const char* data, std::size_t count, std::size_t stride,
                                                        bulk_sink& sink) noexcept {
  strided_driver<Kind, sse41_batch<Kind>>(data, count, stride, sink);
}
template <number_kind Kind>
MYNUMBER_TARGET_AVX2_FLATTEN inline void strided_avx2(const char* data, std::size_t count, std::size_t stride,
                                                      bulk_sink& sink) noexcept {
  strided_driver<Kind, avx2_batch<Kind>>(data, count, stride, sink);
}

#endif  // MYNUMBER_SIMD_X86

#if defined(MYNUMBER_SIMD_NEON)

// NEON is part of the AArch64 baseline: no run-time check is needed. 4 records per batch; the
// shape test is the x86 one, the checksum uses widening multiplies and horizontal adds.
template <number_kind Kind>
struct neon_batch {
  static constexpr unsigned size = 4;

  template <bool Padded>
  static bool run(const char* p, const record_shape& shape, std::uint8_t* status, unsigned& valid) noexcept {
    using kt = bulk_kernel_traits<Kind>;
    const uint8x16_t xor_pattern = vld1q_u8(shape.xor_pattern);
    const uint8x16_t and_pattern = vld1q_u8(shape.and_pattern);
    const uint8x16_t limit = vld1q_u8(shape.limit);
    const uint8x16_t weights = vreinterpretq_u8_s8(vld1q_s8(kt::weights));
    uint8x16_t good = vdupq_n_u8(0xFF);
    int t[4];
    int c[4];
    for (unsigned k = 0; k < 4; ++k) {
      const auto* rec = reinterpret_cast<const std::uint8_t*>(p + k * shape.stride);
      const uint8x16_t d = vsubq_u8(vld1q_u8(rec), vdupq_n_u8('0'));
      uint8x16_t e = veorq_u8(d, xor_pattern);
      if constexpr (Padded) e = vandq_u8(e, and_pattern);
      good = vandq_u8(good, vcleq_u8(e, limit));
      const uint16x8_t lo = vmull_u8(vget_low_u8(d), vget_low_u8(weights));
      const uint16x8_t hi = vmull_high_u8(d, weights);
      t[k] = static_cast<int>(vaddvq_u16(vaddq_u16(lo, hi)));  // < 2^16: digits are checked below
      c[k] = static_cast<int>(rec[kt::check_position]) - '0';
    }
    if (vminvq_u8(good) != 0xFF) return false;
    valid = 0;
    for (unsigned k = 0; k < 4; ++k) {
      const bool ok = check_congruence<Kind>(t[k], c[k]);
      status[k] = ok ? 0 : static_cast<std::uint8_t>(errc::check_digit_mismatch);
      valid += ok ? 1u : 0u;
    }
    return true;
  }
};

template <number_kind Kind>
inline void lines_neon(const char* p, const char* end, bulk_sink& sink) noexcept {
  lines_driver<Kind, neon_batch<Kind>>(p, end, sink);
}
template <number_kind Kind>
inline void strided_neon(const char* data, std::size_t count, std::size_t stride, bulk_sink& sink) noexcept {
  strided_driver<Kind, neon_batch<Kind>>(data, count, stride, sink);
}

#endif  // MYNUMBER_SIMD_NEON

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_BULK_SIMD_HPP
