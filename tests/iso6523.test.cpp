#include <doctest/doctest.h>

#include <mynumber/iso6523.hpp>

using namespace mynumber;

TEST_CASE("ICD 0188 and 0221 format and parse") {
  const party_identifier corp(corporate_number::parse("7000012050002"));
  CHECK(corp.scheme() == icd::jp_corporate_number);
  CHECK(corp.to_iso6523() == "0188:7000012050002");
  CHECK(corp.to_peppol_participant() == "iso6523-actorid-upis::0188:7000012050002");
  const party_identifier inv(invoice_number::parse("T7000012050002"));
  CHECK(inv.scheme() == icd::jp_invoice_number);
  CHECK(inv.to_iso6523() == "0221:T7000012050002");

  CHECK(parse_iso6523("0188:7000012050002") == corp);
  CHECK(parse_iso6523("0221:T7000012050002") == inv);
  CHECK(parse_peppol_participant("iso6523-actorid-upis::0221:T7000012050002") == inv);
  CHECK(parse_peppol_participant("ISO6523-ACTORID-UPIS::0188:7000012050002") == corp);
  REQUIRE(parse_iso6523("0188:7000012050002").corporate() != nullptr);
  CHECK(parse_iso6523("0188:7000012050002").invoice() == nullptr);
}

TEST_CASE("ISO 6523 errors") {
  CHECK(try_parse_iso6523("").error().code == errc::empty);
  CHECK(try_parse_iso6523("9912:7000012050002").error().code == errc::unknown_scheme);
  CHECK(try_parse_iso6523("0188:T7000012050002").error().position == 5);
  CHECK(try_parse_iso6523("0221:7000012050002").error().code == errc::missing_prefix);
  const auto bad = try_parse_iso6523("0188:7000012050003");
  CHECK(bad.error().code == errc::check_digit_mismatch);
  CHECK(bad.error().position == 5);
  CHECK(try_parse_peppol_participant("iso6523-actorid-upis:0188:7000012050002").error().code == errc::unknown_scheme);
  CHECK(try_parse_peppol_participant("iso6523-actorid-upiz::0188:7000012050002").error().position == 19);
  CHECK(try_parse_peppol_participant("iso6523-actorid-upis::0188:70000120500x2").error().position == 38);
}
