#include <doctest/doctest.h>

#include <mynumber/invoice_number.hpp>

#include <sstream>

using namespace mynumber;

TEST_CASE("T-number parse and conversion") {
  const auto t = invoice_number::parse("T7000012050002");
  CHECK(t.to_string() == "T7000012050002");
  CHECK(t.check_digit() == 7);
  CHECK(t.digits_as_corporate_number() == corporate_number::parse("7000012050002"));
  CHECK(invoice_number::from_corporate(corporate_number::parse("1180301018771")).to_string() == "T1180301018771");
  std::ostringstream os;
  os << t;
  CHECK(os.str() == "T7000012050002");
}

TEST_CASE("T-number errors carry positions in the caller's string") {
  CHECK(invoice_number::try_parse("").error().code == errc::empty);
  CHECK(invoice_number::try_parse("7000012050002").error().code == errc::missing_prefix);
  CHECK(invoice_number::try_parse("t7000012050002").error().code == errc::missing_prefix);
  const auto bad = invoice_number::try_parse("T7000012050003");
  CHECK(bad.error().code == errc::check_digit_mismatch);
  CHECK(bad.error().position == 1);
  CHECK(bad.error().expected == 6);  // base 000012050003: sum 12, 9 - 12 mod 9
  CHECK(invoice_number::try_parse("T70000120500x2").error().position == 12);
  CHECK(invoice_number::try_parse("T1A234567890").error().code == errc::invalid_character);
}

TEST_CASE("lenient T-numbers") {
  CHECK(invoice_number::parse_lenient("t7000012050002").to_string() == "T7000012050002");
  CHECK(invoice_number::parse_lenient("Ｔ７０００－０１２０－５０００２").to_string() == "T7000012050002");
  CHECK(invoice_number::parse_lenient("  T 7-0000-1205-0002").to_string() == "T7000012050002");
  CHECK(invoice_number::try_parse_lenient("X7000012050002").error().code == errc::missing_prefix);
  CHECK(invoice_number::try_parse_lenient("   ").error().code == errc::empty);
}
