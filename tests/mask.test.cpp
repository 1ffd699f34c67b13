#include <doctest/doctest.h>

#include <mynumber/mask.hpp>

using namespace mynumber;

static_assert(mask_policy{}.hidden_count(12) == 8);
static_assert(mask_policy{20, '*'}.hidden_count(12) == 1);
static_assert(mask_policy::hide_all().hidden_count(13) == 13);

TEST_CASE("mask_digits") {
  CHECK(mask_digits("123456789018") == "********9018");
  CHECK(mask_digits("7000012050002", mask_policy{0, 'x'}) == "xxxxxxxxxxxxx");
  CHECK(mask_digits("", mask_policy{}) == "");
  CHECK(mask_digits("12", mask_policy{4, '*'}) == "*2");
}
