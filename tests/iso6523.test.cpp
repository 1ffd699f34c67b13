#include <doctest/doctest.h>

#include <mynumber/iso6523.hpp>
#include <sstream>
#include <type_traits>
#include <utility>

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
}

// Detects whether if_invoice() can be called on a temporary (it must not: the pointer would dangle).
template <class T, class = void>
struct if_invoice_on_rvalue : std::false_type {};
template <class T>
struct if_invoice_on_rvalue<T, std::void_t<decltype(std::declval<T&&>().if_invoice())>> : std::true_type {};

TEST_CASE("the number inside a party identifier") {
  const party_identifier corp = parse_iso6523("0188:7000012050002");
  const party_identifier inv = parse_peppol_participant("iso6523-actorid-upis::0221:T7000012050002");

  // By value: streaming prints the number, not an address.
  std::ostringstream out;
  out << inv.invoice() << ' ' << parse_peppol_participant("iso6523-actorid-upis::0221:T7000012050002").invoice();
  CHECK(out.str() == "T7000012050002 T7000012050002");
  CHECK(corp.corporate().reveal() == "7000012050002");
  CHECK(inv.try_invoice()->to_string() == "T7000012050002");

  // Asking for the other one is a typed error.
  CHECK(corp.try_invoice().error().code == errc::invalid_argument);
  CHECK(inv.try_corporate().error().code == errc::invalid_argument);
  CHECK_THROWS_AS((void)corp.invoice(), mynumber::error);

  // Without a copy, on an lvalue only.
  REQUIRE(corp.if_corporate() != nullptr);
  CHECK(corp.if_invoice() == nullptr);
  CHECK(inv.if_corporate() == nullptr);
  CHECK(*inv.if_invoice() == invoice_number::parse("T7000012050002"));
  static_assert(if_invoice_on_rvalue<const party_identifier&>::value);
  static_assert(!if_invoice_on_rvalue<party_identifier>::value);
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
