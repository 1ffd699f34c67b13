// File: version.hpp — the library version, defined once.
// CMake reads these three lines with file(STRINGS), so a bare copy of include/ works on its own.
#ifndef MYNUMBER_VERSION_HPP
#define MYNUMBER_VERSION_HPP

#define MYNUMBER_VERSION_MAJOR 0
#define MYNUMBER_VERSION_MINOR 1
#define MYNUMBER_VERSION_PATCH 0

// MAJOR * 10000 + MINOR * 100 + PATCH, for #if comparisons.
#define MYNUMBER_VERSION (MYNUMBER_VERSION_MAJOR * 10000 + MYNUMBER_VERSION_MINOR * 100 + MYNUMBER_VERSION_PATCH)

#define MYNUMBER_DETAIL_STR2(x) #x
#define MYNUMBER_DETAIL_STR(x) MYNUMBER_DETAIL_STR2(x)
#define MYNUMBER_VERSION_STRING                                                       \
  MYNUMBER_DETAIL_STR(MYNUMBER_VERSION_MAJOR) "." MYNUMBER_DETAIL_STR(MYNUMBER_VERSION_MINOR) "." \
      MYNUMBER_DETAIL_STR(MYNUMBER_VERSION_PATCH)

#endif  // MYNUMBER_VERSION_HPP
