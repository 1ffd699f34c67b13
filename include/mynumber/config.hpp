// File: config.hpp — configuration macros and the versioned namespace.
// Every macro follows one idiom: the user's definition wins, else the default below.
#ifndef MYNUMBER_CONFIG_HPP
#define MYNUMBER_CONFIG_HPP

#include "version.hpp"

// The API lives in mynumber::v1 (inline), so a future ABI break gets distinct symbols.
#define MYNUMBER_BEGIN_NAMESPACE \
  namespace mynumber {           \
  inline namespace v1 {
#define MYNUMBER_END_NAMESPACE \
  }                            \
  }

// Number of trailing digits that default masking leaves visible.
#ifndef MYNUMBER_DEFAULT_VISIBLE_DIGITS
#define MYNUMBER_DEFAULT_VISIBLE_DIGITS 4
#endif

// Character that default masking writes in place of hidden digits.
#ifndef MYNUMBER_DEFAULT_MASK_CHAR
#define MYNUMBER_DEFAULT_MASK_CHAR '*'
#endif

// C++20 consteval, where available, makes the number literals compile-time only.
#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#define MYNUMBER_CONSTEVAL consteval
#else
#define MYNUMBER_CONSTEVAL constexpr
#endif

// Forces inlining where the compiler's heuristics decline and measurement showed the call costs
// (the per-row code of the NTA reader). After the parameter list of a lambda, before a function.
#ifndef MYNUMBER_ALWAYS_INLINE
#if defined(__GNUC__) || defined(__clang__)
#define MYNUMBER_ALWAYS_INLINE __attribute__((always_inline))
#else
#define MYNUMBER_ALWAYS_INLINE
#endif
#endif

#endif  // MYNUMBER_CONFIG_HPP
