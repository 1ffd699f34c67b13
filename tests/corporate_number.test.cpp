#include <doctest/doctest.h>

#include <mynumber/corporate_number.hpp>

using namespace mynumber;

static_assert(local_government_check_digit("13000") == 1);  // 東京都 130001
static_assert(local_government_check_digit("01000") == 6);  // 北海道 010006
static_assert(local_government_check_digit("01101") == 1);  // 札幌市中央区 011011 (sum exactly 11)

TEST_CASE("classification of the base number") {
  CHECK(classify(corporate_number::parse("1000011000005")).kind == base_kind::national_legislative);
  CHECK(classify(corporate_number::parse("7000012050002")).kind == base_kind::national_administrative);
  CHECK(classify(corporate_number::parse("3000012010001")).kind == base_kind::national_administrative);

  const auto tokyo = classify(corporate_number::parse("8000020130001"));
  CHECK(tokyo.kind == base_kind::local_government);
  CHECK(tokyo.local_government_code == "130001");
  CHECK(tokyo.local_government_code_valid);
  const auto hokkaido = classify(corporate_number::parse("7000020010006"));
  CHECK(hokkaido.local_government_code == "010006");
  CHECK(hokkaido.local_government_code_valid);

  const auto toyota = classify(corporate_number::parse("1180301018771"));
  CHECK(toyota.kind == base_kind::registered);
  CHECK(toyota.registry_office_code == 1803);
  CHECK(toyota.organization_code == 1);

  CHECK(classify(corporate_number::parse("8700110005901")).kind == base_kind::unregistered);
  CHECK(classify_base("600000000000").kind == base_kind::unused);
  CHECK(classify_base("900000000000").kind == base_kind::unused);
  CHECK(classify_base("000099000001").kind == base_kind::unclassified);
  CHECK(classify_base("005000000001").kind == base_kind::unclassified);  // 0050 < 0100
  CHECK(classify_base("not a base").kind == base_kind::unclassified);
}

TEST_CASE("a local-government code with a wrong JIS check digit is flagged") {
  const auto c = classify_base("000020130002");
  CHECK(c.kind == base_kind::local_government);
  CHECK_FALSE(c.local_government_code_valid);
}

TEST_CASE("strict structural parse rejects unused ranges") {
  const auto unused = corporate_number::from_base("900000000000");
  CHECK(corporate_number::try_parse(unused.reveal()).has_value());
  CHECK(try_parse_corporate_strict(unused.reveal()).error().code == errc::reserved_range);
  CHECK(try_parse_corporate_strict("7000012050002").has_value());
  CHECK(base_number(corporate_number::parse("7000012050002")) == "000012050002");
}
