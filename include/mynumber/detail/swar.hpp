// File: detail/swar.hpp — eight ASCII bytes in one 64-bit word ("SIMD within a register"), for
// the scalar hot paths that check short fixed-width digit fields (dates, corporate numbers) without
// a loop per character. Everything is constexpr; at run time the load is one memory access.
#ifndef MYNUMBER_DETAIL_SWAR_HPP
#define MYNUMBER_DETAIL_SWAR_HPP

#include <cstdint>
#include <cstring>

#include "../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

inline constexpr std::uint64_t swar_zeros = 0x3030303030303030ull;  // '0' in every lane
inline constexpr std::uint64_t swar_high = 0x8080808080808080ull;

// Bytes p[0..7] with p[0] in the low lane. `p` must have 8 readable bytes.
[[nodiscard]] constexpr std::uint64_t load_le64(const char* p) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (!__builtin_is_constant_evaluated()) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  }
#endif
  std::uint64_t v = 0;
  for (unsigned k = 0; k < 8; ++k) v |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  return v;
}

// True when every lane holds '0'..'9'. A byte below '0' borrows and one above '9' carries into
// the high bit of its lane; the lowest bad lane always shows, which is all "any bad byte" needs.
[[nodiscard]] constexpr bool all_digit_lanes(std::uint64_t v) noexcept {
  return (((v - swar_zeros) | (v + 0x4646464646464646ull)) & swar_high) == 0;
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_SWAR_HPP
