#include <doctest/doctest.h>

#include <mynumber/corporate_number.hpp>
#include <mynumber/individual_number.hpp>

#include <set>
#include <sstream>
#include <string>
#include <unordered_set>

using namespace mynumber;
using namespace mynumber::literals;

namespace {
constexpr const char* known = "123456789018";

// Every string a default path produces must not contain the full number.
void require_masked(const std::string& text) {
  CAPTURE(text);
  CHECK(text.find(known) == std::string::npos);
  CHECK(text.find("1234 5678 9018") == std::string::npos);
}
}  // namespace

TEST_CASE("strict parse accepts valid numbers and reports errors") {
  const auto n = individual_number::parse(known);
  CHECK(n.reveal() == known);
  CHECK(n.check_digit() == 8);
  const auto bad = individual_number::try_parse("123456789012");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::check_digit_mismatch);
  CHECK(bad.error().expected == 8);
  CHECK(individual_number::try_parse("１２３４５６７８９０１８").error().code == errc::invalid_character);
  CHECK_THROWS_AS((void)individual_number::parse("12"), mynumber::error);
}

TEST_CASE("lenient parse: full-width digits, spaces and every dash variant") {
  const char* inputs[] = {
      "１２３４５６７８９０１８",
      "1234 5678 9018",
      "1234\xE3\x80\x80"
      "5678\xE3\x80\x80"
      "9018",                // U+3000
      "1234ー5678ー9018",    // U+30FC
      "1234－5678－9018",    // U+FF0D
      "1234−5678−9018",      // U+2212
      "1234‐5678‑9018",      // U+2010, U+2011
      "1234‒5678–9018",      // U+2012, U+2013
      "1234—5678―9018",      // U+2014, U+2015
      "1234ｰ5678-9018\r\n",  // U+FF70, ASCII
  };
  for (const char* in : inputs) {
    CAPTURE(in);
    const auto n = individual_number::try_parse_lenient(in);
    REQUIRE(n.has_value());
    CHECK(n->reveal() == known);
  }
}

TEST_CASE("lenient parse errors name the character position") {
  const auto e = individual_number::try_parse_lenient("１２３４＿5678");
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::invalid_character);
  CHECK(e.error().position == 4);
  CHECK(individual_number::try_parse_lenient("12\xFF").error().code == errc::invalid_utf8);
  CHECK(individual_number::try_parse_lenient("12\xFF").error().position == 2);
  CHECK(individual_number::try_parse_lenient(" - ").error().code == errc::empty);
  CHECK(individual_number::try_parse_lenient("1234 5678 901").error().code == errc::too_short);
  CHECK(individual_number::try_parse_lenient("1234 5678 90180").error().code == errc::too_long);
  const auto check = individual_number::try_parse_lenient("１２３４ ５６７８ ９０１２");
  CHECK(check.error().code == errc::check_digit_mismatch);
  CHECK(check.error().position == 13);  // the character index of the last "２"
  CHECK(corporate_number::try_parse_lenient("0-0000-1205-0002").error().position == 0);
}

TEST_CASE("from_base computes the check digit") {
  CHECK(corporate_number::from_base("700110005901").reveal() == "8700110005901");
  CHECK(individual_number::from_base("12345678901").reveal() == known);
  CHECK(corporate_number::try_from_base("70011000590").error().code == errc::too_short);
  CHECK(corporate_number::try_from_base("7001100059x1").error().position == 10);
}

TEST_CASE("masking is the default everywhere and configurable") {
  const auto n = individual_number::parse(known);
  CHECK(n.masked() == "********9018");
  CHECK(n.format() == "**** **** 9018");
  CHECK(n.masked(mask_policy{2, '#'}) == "##########18");
  CHECK(n.masked(mask_policy::hide_all()) == "************");
  CHECK(n.masked(mask_policy{12, '*'}) == "*23456789018");  // never everything: reveal() is the way
  CHECK(n.reveal_formatted() == "1234 5678 9018");
  CHECK(n.reveal_formatted('-') == "1234-5678-9018");
  std::ostringstream os;
  os << n;
  require_masked(os.str());
  require_masked(to_string(n));
  require_masked(n.format());
  const auto c = corporate_number::parse("7000012050002");
  CHECK(c.format() == "*-****-****-0002");
  CHECK(c.reveal_formatted() == "7-0000-1205-0002");
}

TEST_CASE("error messages and exceptions never contain the number") {
  const char* bad_inputs[] = {"123456789012", "1234567890180", "12345678901x", "１２３４５６７８９０１２"};
  for (const char* in : bad_inputs) {
    try {
      (void)individual_number::parse_lenient(in);
      FAIL("expected an exception");
    } catch (const mynumber::error& e) {
      const std::string what = e.what();
      CHECK(what.find("123456789") == std::string::npos);
      CHECK_FALSE(what.empty());
    }
  }
  try {
    (void)individual_number::parse("123456789012");
  } catch (const mynumber::error& e) {
    CHECK(std::string(e.what()) == "check digit mismatch at position 11: expected check digit 8");
  }
}

TEST_CASE("literals are checked and convert to the value type") {
  constexpr auto lit = "123456789018"_individual;
  const individual_number n = lit;
  CHECK(n == individual_number::parse(known));
  constexpr auto corp = "8700110005901"_corporate;
  CHECK(corporate_number(corp).check_digit() == 8);
}

TEST_CASE("hashing and comparison") {
  const auto a = individual_number::parse("123456789018");
  const auto b = individual_number::parse("621498320257");
  CHECK(a != b);
  CHECK(a < b);
  CHECK(b > a);
  CHECK(a <= a);
  CHECK(a == individual_number::parse_lenient("１２３４５６７８９０１８"));
  std::unordered_set<individual_number> set{a, b, a};
  CHECK(set.size() == 2);
  CHECK(std::hash<individual_number>{}(a) == a.hash());
  CHECK(a.hash() != b.hash());
  std::set<corporate_number> ordered{corporate_number::parse("8000020130001"),
                                     corporate_number::parse("1000011000005")};
  CHECK(ordered.begin()->reveal() == "1000011000005");
}
