#include <doctest/doctest.h>

#include <mynumber/version.hpp>

#include <string>

TEST_CASE("version macros agree with each other and with CMake's project version") {
  CHECK(std::string(MYNUMBER_VERSION_STRING) == MYNUMBER_CMAKE_PROJECT_VERSION);
  CHECK(MYNUMBER_VERSION == MYNUMBER_VERSION_MAJOR * 10000 + MYNUMBER_VERSION_MINOR * 100 + MYNUMBER_VERSION_PATCH);
}
