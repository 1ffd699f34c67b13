// File: bulk.hpp — validate many numbers from one buffer without allocating.
// Two layouts: newline-separated text (LF or CRLF; a final line without a newline counts, a final
// newline does not start another record) and fixed-stride records (each record's bytes, padded
// with spaces or NULs on the right). Each record gets one status byte: 0 for valid, else the
// numbers-range errc value (1–99) of its first failure.
//
// validate_lines / validate_strided pick the fastest code path this CPU supports (AVX2, SSE4.1 or
// NEON, else scalar) once per process. Every path gives the same status bytes and counts as the
// scalar reference (validate_lines_scalar / validate_strided_scalar), which is the per-record
// validator of kind.hpp in a loop; validate_lines_with / validate_strided_with force a path.
#ifndef MYNUMBER_BULK_HPP
#define MYNUMBER_BULK_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "detail/bulk_simd.hpp"
#include "kind.hpp"

MYNUMBER_BEGIN_NAMESPACE

struct bulk_counts {
  std::size_t records = 0;
  std::size_t valid = 0;
  std::size_t invalid = 0;
};

// The code paths of the bulk validators.
enum class simd_level : std::uint8_t {
  scalar = 0,  // portable reference loop
  sse41 = 1,   // x86-64 SSE4.1, 4 records per step
  avx2 = 2,    // x86-64 AVX2, 8 records per step
  neon = 3,    // AArch64 Advanced SIMD, 4 records per step
};

[[nodiscard]] constexpr std::string_view to_string(simd_level level) noexcept {
  switch (level) {
    case simd_level::scalar: return "scalar";
    case simd_level::sse41: return "sse4.1";
    case simd_level::avx2: return "avx2";
    case simd_level::neon: return "neon";
  }
  return "scalar";
}

// Whether `level` was compiled in and this CPU can run it. scalar is always supported.
[[nodiscard]] inline bool simd_level_supported(simd_level level) noexcept {
  switch (level) {
    case simd_level::scalar: return true;
#if defined(MYNUMBER_SIMD_X86)
    case simd_level::sse41: return detail::cpu_has_sse41();
    case simd_level::avx2: return detail::cpu_has_avx2();
#endif
#if defined(MYNUMBER_SIMD_NEON)
    case simd_level::neon: return true;
#endif
    default: return false;
  }
}

// The level validate_lines and validate_strided use: the fastest supported one.
[[nodiscard]] inline simd_level best_simd_level() noexcept {
  static const simd_level best = [] {
    for (simd_level level : {simd_level::avx2, simd_level::neon, simd_level::sse41})
      if (simd_level_supported(level)) return level;
    return simd_level::scalar;
  }();
  return best;
}

namespace detail {
[[nodiscard]] inline bulk_counts to_counts(const bulk_sink& sink) noexcept {
  return bulk_counts{sink.records, sink.valid, sink.records - sink.valid};
}

template <class Fn>
inline void with_kind(number_kind kind, Fn&& fn) noexcept {
  if (kind == number_kind::individual) fn(std::integral_constant<number_kind, number_kind::individual>{});
  else fn(std::integral_constant<number_kind, number_kind::corporate>{});
}
}  // namespace detail

// Reference path for newline-separated records: the per-record validator in a loop. Writes status
// bytes to out[0..out_size) (out may be null to count only); records past out_size are counted
// but not written. Never throws.
[[nodiscard]] inline bulk_counts validate_lines_scalar(std::string_view buffer, number_kind kind, std::uint8_t* out,
                                                       std::size_t out_size) noexcept {
  detail::bulk_sink sink{out, out_size};
  const char* p = buffer.data();
  const char* const end = p + buffer.size();
  bool crlf = false;
  bool well_formed = false;
  std::uint8_t status = 0;
  while (p < end) {
    p = detail::scalar_line(p, end, kind, status, crlf, well_formed);
    sink.put(status);
  }
  return detail::to_counts(sink);
}

// validate_lines on the code path `level`; a level this CPU cannot run (see
// simd_level_supported) runs the scalar path. Same results on every path. Never throws.
[[nodiscard]] inline bulk_counts validate_lines_with(simd_level level, std::string_view buffer, number_kind kind,
                                                     std::uint8_t* out, std::size_t out_size) noexcept {
  if (!simd_level_supported(level) || level == simd_level::scalar)
    return validate_lines_scalar(buffer, kind, out, out_size);
  detail::bulk_sink sink{out, out_size};
  const char* const p = buffer.data();
  const char* const end = p + buffer.size();
  detail::with_kind(kind, [&](auto k) {
    constexpr number_kind K = decltype(k)::value;
    switch (level) {
#if defined(MYNUMBER_SIMD_X86)
      case simd_level::avx2: detail::lines_avx2<K>(p, end, sink); break;
      case simd_level::sse41: detail::lines_sse41<K>(p, end, sink); break;
#endif
#if defined(MYNUMBER_SIMD_NEON)
      case simd_level::neon: detail::lines_neon<K>(p, end, sink); break;
#endif
      default: break;  // unreachable: unsupported levels took the scalar path above
    }
  });
  return detail::to_counts(sink);
}

// Validates newline-separated records in `buffer`. Writes status bytes to out[0..out_size) (out may
// be null to count only); records past out_size are counted but not written. Never throws.
[[nodiscard]] inline bulk_counts validate_lines(std::string_view buffer, number_kind kind, std::uint8_t* out,
                                                std::size_t out_size) noexcept {
  return validate_lines_with(best_simd_level(), buffer, kind, out, out_size);
}

// Reference path for fixed-stride records. Never throws.
[[nodiscard]] inline bulk_counts validate_strided_scalar(const char* data, std::size_t count, std::size_t stride,
                                                         number_kind kind, std::uint8_t* out,
                                                         std::size_t out_size) noexcept {
  detail::bulk_sink sink{out, out_size};
  for (std::size_t r = 0; r < count; ++r) sink.put(detail::scalar_record(data + r * stride, stride, kind));
  return detail::to_counts(sink);
}

// validate_strided on the code path `level` (unsupported levels run the scalar path). The vector
// paths apply to strides from the number's length up to 16 bytes; other strides run the scalar
// path. Never throws.
[[nodiscard]] inline bulk_counts validate_strided_with(simd_level level, const char* data, std::size_t count,
                                                       std::size_t stride, number_kind kind, std::uint8_t* out,
                                                       std::size_t out_size) noexcept {
  if (!simd_level_supported(level) || level == simd_level::scalar)
    return validate_strided_scalar(data, count, stride, kind, out, out_size);
  detail::bulk_sink sink{out, out_size};
  detail::with_kind(kind, [&](auto k) {
    constexpr number_kind K = decltype(k)::value;
    switch (level) {
#if defined(MYNUMBER_SIMD_X86)
      case simd_level::avx2: detail::strided_avx2<K>(data, count, stride, sink); break;
      case simd_level::sse41: detail::strided_sse41<K>(data, count, stride, sink); break;
#endif
#if defined(MYNUMBER_SIMD_NEON)
      case simd_level::neon: detail::strided_neon<K>(data, count, stride, sink); break;
#endif
      default: break;
    }
  });
  return detail::to_counts(sink);
}

// Validates `count` records of `stride` bytes each, starting at `data`. Trailing spaces and NULs
// in a record are padding. Never throws.
[[nodiscard]] inline bulk_counts validate_strided(const char* data, std::size_t count, std::size_t stride,
                                                  number_kind kind, std::uint8_t* out, std::size_t out_size) noexcept {
  return validate_strided_with(best_simd_level(), data, count, stride, kind, out, out_size);
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_BULK_HPP
