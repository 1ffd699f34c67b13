#include <doctest/doctest.h>

#include <mynumber/registration_number.hpp>

using namespace mynumber;

TEST_CASE("registration number layout and conversion") {
  const auto r = registration_number::parse("0100-01-123456");
  CHECK(r.registry_office_code() == 100);
  CHECK(r.organization() == organization_code::kabushiki_kaisha);
  CHECK(r.serial() == 123456);
  CHECK(r.digits() == "010001123456");
  CHECK(r.format() == "0100-01-123456");
  CHECK(r == registration_number::parse("010001123456"));
  const auto c = r.to_corporate_number();
  CHECK(c.reveal().substr(1) == "010001123456");
  CHECK(classify(c).kind == base_kind::registered);
  CHECK(registration_number::parse("180301018771").to_corporate_number().reveal() == "1180301018771");
  CHECK(registration_number::parse("010004000001").organization() == organization_code::code_04);
  CHECK(registration_number::parse("010077000001").organization() == organization_code::other);
}

TEST_CASE("registration number errors") {
  CHECK(registration_number::try_parse("").error().code == errc::empty);
  CHECK(registration_number::try_parse("0100-01-12345").error().code == errc::invalid_character);
  CHECK(registration_number::try_parse("01000112345").error().code == errc::too_short);
  CHECK(registration_number::try_parse("0100011234567").error().code == errc::too_long);
  CHECK(registration_number::try_parse("0100/01/123456").error().position == 4);
  CHECK(registration_number::try_parse("000012050002").error().code == errc::invalid_structure);
  CHECK(registration_number::try_parse("700110005901").error().code == errc::invalid_structure);
}
