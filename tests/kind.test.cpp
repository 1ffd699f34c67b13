#include <doctest/doctest.h>

#include <mynumber/kind.hpp>

using namespace mynumber;

static_assert(kind_traits<number_kind::individual>::length == 12);
static_assert(kind_traits<number_kind::corporate>::check_position == 0);

TEST_CASE("runtime kind dispatch matches the per-kind validators") {
  CHECK(validate(number_kind::individual, "123456789018").ok());
  CHECK(validate(number_kind::corporate, "123456789018").code == errc::too_short);
  CHECK(validate(number_kind::corporate, "7000012050002").ok());
  CHECK(to_string(number_kind::individual) == "individual");
  CHECK(to_string(number_kind::corporate) == "corporate");
}
