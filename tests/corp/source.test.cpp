#include <mynumber/corp/source.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace mynumber::corp;

TEST_CASE("source: memory, stream and file sources hand out every byte once") {
  memory_source m("abcdef", "mem");
  char buf[4];
  CHECK(m.read(buf, 4).value() == 4);
  CHECK(std::string(buf, 4) == "abcd");
  CHECK(m.read(buf, 4).value() == 2);
  CHECK(m.read(buf, 4).value() == 0);
  CHECK(m.name() == "mem");

  std::istringstream in("xyz");
  istream_source s(in);
  CHECK(s.read(buf, 4).value() == 3);
  CHECK(s.read(buf, 4).value() == 0);
  CHECK(s.name() == "<stdin>");

  const auto missing = file_source::open("/nonexistent/dir/file.csv");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == mynumber::errc::io);
  CHECK(missing.error().detail.find("/nonexistent/dir/file.csv") != std::string::npos);
}
