// File: detail/simd.hpp — what every SIMD kernel in the library shares: which instruction sets
// this compiler can target, the per-function target attributes, and run-time CPU detection.
// Kernels carry their own target attribute and are chosen at run time (header-only: no global -m
// flags). Used by the bulk number validators (bulk_simd.hpp) and the NTA CSV scanner
// (corp/detail/csv_simd.hpp).
#ifndef MYNUMBER_DETAIL_SIMD_HPP
#define MYNUMBER_DETAIL_SIMD_HPP

#include "../config.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MYNUMBER_SIMD_X86 1
#include <immintrin.h>
#define MYNUMBER_TARGET_SSE41 __attribute__((target("sse4.1")))
#define MYNUMBER_TARGET_SSE41_FLATTEN __attribute__((target("sse4.1"), flatten))
#define MYNUMBER_TARGET_AVX2 __attribute__((target("avx2")))
#define MYNUMBER_TARGET_AVX2_FLATTEN __attribute__((target("avx2"), flatten))
// AVX2 with the bit instructions every AVX2 CPU also has: tzcnt, popcnt, carry-less multiply.
#define MYNUMBER_TARGET_AVX2_BITS __attribute__((target("avx2,bmi,popcnt,pclmul")))
#define MYNUMBER_TARGET_AVX2_BITS_FLATTEN __attribute__((target("avx2,bmi,popcnt,pclmul"), flatten))
// Lambdas inside a kernel need the kernel's target too (placed after the parameter list).
#define MYNUMBER_TARGET_SSE41_LAMBDA __attribute__((target("sse4.1"), always_inline))
#define MYNUMBER_TARGET_AVX2_LAMBDA __attribute__((target("avx2"), always_inline))
#endif

#if defined(__aarch64__) && defined(__ARM_NEON) && (defined(__GNUC__) || defined(__clang__)) && \
    defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MYNUMBER_SIMD_NEON 1
#include <arm_neon.h>
#endif

#define MYNUMBER_SIMD_ALWAYS_INLINE MYNUMBER_ALWAYS_INLINE inline

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

#if defined(MYNUMBER_SIMD_X86)
// CPU support, checked once per process (the result cannot change while it runs).
[[nodiscard]] inline bool cpu_has_sse41() noexcept {
  static const bool has = __builtin_cpu_supports("sse4.1") != 0;
  return has;
}
[[nodiscard]] inline bool cpu_has_avx2() noexcept {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}
[[nodiscard]] inline bool cpu_has_avx2_bits() noexcept {
  static const bool has = cpu_has_avx2() && __builtin_cpu_supports("bmi") != 0 &&
                          __builtin_cpu_supports("popcnt") != 0 && __builtin_cpu_supports("pclmul") != 0;
  return has;
}
#endif

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_SIMD_HPP
