#include <doctest/doctest.h>

#include <mynumber/check_digit.hpp>

#include <random>
#include <string>

#include "test_support.hpp"

using namespace mynumber;

// Compile-time evidence that validation is constexpr.
static_assert(individual_check_digit("12345678901") == 8);
static_assert(corporate_check_digit("000012050002") == 7);
static_assert(corporate_check_digit("700110005901") == 8);
static_assert(is_valid_individual("123456789018"));
static_assert(!is_valid_individual("123456789012"));
static_assert(is_valid_corporate("8700110005901"));
static_assert(validate_corporate("0000012050002").expected == 7);
static_assert(detail::corporate_number_fast_ok("8700110005901"));
static_assert(!detail::corporate_number_fast_ok("7700110005901"));

TEST_CASE("the test vectors of data/numbers/vectors.tsv get their expected verdicts") {
  const auto individual = test_support::vectors("individual");
  const auto corporate = test_support::vectors("corporate");
  REQUIRE(individual.size() == 9);
  REQUIRE(corporate.size() == 7);
  for (const auto& n : individual) {
    CAPTURE(n);
    CHECK(validate_individual(n).ok());
  }
  for (const auto& n : corporate) {
    CAPTURE(n);
    CHECK(validate_corporate(n).ok());
  }
}

TEST_CASE("the negative controls of data/numbers/vectors.tsv fail on the check digit") {
  const auto invalid = test_support::vectors("individual", "invalid");
  REQUIRE(invalid.size() == 3);
  for (const auto& n : invalid) {
    CAPTURE(n);
    CHECK(validate_individual(n).code == errc::check_digit_mismatch);
  }
  const validation v = validate_individual("123456789012");
  CHECK(v.code == errc::check_digit_mismatch);
  CHECK(v.position == 11);
  CHECK(v.expected == 8);
  CHECK(validate_individual("621498320258").code == errc::check_digit_mismatch);
  CHECK(validate_individual("333333333333").code == errc::check_digit_mismatch);
}

TEST_CASE("remainder edge cases of the individual formula") {
  CHECK(individual_check_digit("00000000000") == 0);  // remainder 0
  CHECK(individual_check_digit("00000000006") == 0);  // remainder 1
  CHECK(individual_check_digit("00000000001") == 9);  // remainder 2
}

TEST_CASE("corporate check digit is never 0; a multiple of 9 gives 9") {
  CHECK(corporate_check_digit("000000000000") == 9);
  CHECK(corporate_check_digit("999999999999") == 9);
  CHECK(validate_corporate("0000000000000").code == errc::check_digit_mismatch);
}

TEST_CASE("shape errors: character before length, with positions") {
  CHECK(validate_individual("").code == errc::empty);
  CHECK(validate_individual("12345").code == errc::too_short);
  CHECK(validate_individual("1234567890123").code == errc::too_long);
  const validation bad = validate_individual("12a");
  CHECK(bad.code == errc::invalid_character);
  CHECK(bad.position == 2);
  CHECK(validate_corporate(std::string("70000120\0"
                                       "0002",
                                       13))
            .position == 8);
  CHECK(individual_check_digit("1234567890") == -1);
  CHECK(corporate_check_digit("00001205000x") == -1);
}

namespace {
std::string random_digits(std::mt19937_64& rng, std::size_t n) {
  std::string s(n, '0');
  for (char& c : s) c = static_cast<char>('0' + rng() % 10);
  return s;
}
int individual_remainder(const std::string& base) {
  const int w[11] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 11; ++i) sum += (base[static_cast<std::size_t>(i)] - '0') * w[i];
  return sum % 11;
}
}  // namespace

TEST_CASE("property: every single-digit substitution is caught, except the documented cases") {
  std::mt19937_64 rng(20261127);
  std::size_t individual_misses = 0;
  std::size_t corporate_misses = 0;
  for (int round = 0; round < 2000; ++round) {
    // Individual: only a move of the remainder between 0 and 1 (both give check digit 0) escapes.
    std::string base = random_digits(rng, 11);
    const std::string number = base + static_cast<char>('0' + individual_check_digit(base));
    for (std::size_t pos = 0; pos < 12; ++pos) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == number[pos]) continue;
        std::string mutated = number;
        mutated[pos] = d;
        if (!is_valid_individual(mutated)) continue;
        ++individual_misses;
        REQUIRE(pos < 11);  // the check digit itself is unique
        const int before = individual_remainder(number.substr(0, 11));
        const int after = individual_remainder(mutated.substr(0, 11));
        CHECK((before <= 1 && after <= 1 && before != after));
      }
    }
    // Corporate: only 0<->9 in a base position escapes (9·w ≡ 0 mod 9).
    std::string cbase = random_digits(rng, 12);
    const std::string cnumber = static_cast<char>('0' + corporate_check_digit(cbase)) + cbase;
    for (std::size_t pos = 0; pos < 13; ++pos) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == cnumber[pos]) continue;
        std::string mutated = cnumber;
        mutated[pos] = d;
        if (!is_valid_corporate(mutated)) continue;
        ++corporate_misses;
        REQUIRE(pos > 0);
        CHECK(((cnumber[pos] == '0' && d == '9') || (cnumber[pos] == '9' && d == '0')));
      }
    }
  }
  // Both schemes do have blind spots (numbers.md §1.4, §2.2); the test must have met some.
  CHECK(individual_misses > 0);
  CHECK(corporate_misses > 0);
}

TEST_CASE("the word-at-a-time corporate check agrees with the per-digit formula") {
  // Random 13-character strings, mostly digits with some other bytes mixed in, every check digit.
  std::mt19937_64 rng(20261127);
  const std::string others = "/:- a\x80\xff";
  int accepted = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string s(13, '0');
    for (char& c : s) c = static_cast<char>('0' + rng() % 10);
    if (i % 8 == 0) s[rng() % 13] = others[rng() % others.size()];
    const int expected = corporate_check_digit(s.substr(1));
    const bool by_formula = expected >= 0 && s[0] - '0' == expected;
    CAPTURE(s);
    REQUIRE(detail::corporate_number_fast_ok(s) == by_formula);
    REQUIRE(validate_corporate(s).ok() == by_formula);
    accepted += by_formula ? 1 : 0;
  }
  CHECK(accepted > 15000);  // about one in ten carries the right check digit
}
