#include <doctest/doctest.h>

#include <mynumber/corporate_number.hpp>
#include <mynumber/fmt.hpp>
#include <mynumber/individual_number.hpp>

using namespace mynumber;

TEST_CASE("fmt formatting masks by default") {
  const auto n = individual_number::parse("123456789018");
  CHECK(fmt::format("{}", n) == "********9018");
  CHECK(fmt::format("{:g}", n) == "**** **** 9018");
  CHECK(fmt::format("id={}", corporate_number::parse("7000012050002")) == "id=*********0002");
  CHECK(fmt::format("{}", invoice_number::parse("T7000012050002")) == "T7000012050002");
  CHECK(fmt::format("{:>16}", invoice_number::parse("T7000012050002")) == "  T7000012050002");
  CHECK_THROWS((void)fmt::format(fmt::runtime("{:x}"), n));
  CHECK(fmt::format("{}", n).find("123456789018") == std::string::npos);
}
