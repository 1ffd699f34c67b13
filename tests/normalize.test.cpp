#include <doctest/doctest.h>

#include <mynumber/normalize.hpp>

using namespace mynumber;

static_assert(classify_lenient(U'ー') == lenient_class::ignorable);
static_assert(classify_lenient(0xFF15) == lenient_class::digit);
static_assert(lenient_digit(0xFF15) == '5');
static_assert(classify_lenient(U'a') == lenient_class::other);

TEST_CASE("normalize_digits maps and drops per the documented rules") {
  CHECK(normalize_digits("１２３ー４５６") == "123456");
  CHECK(normalize_digits("\xC2\xA0"
                         "1\t2\r\n3") == "123");
  for (char32_t dash = 0x2010; dash <= 0x2015; ++dash) CHECK(classify_lenient(dash) == lenient_class::ignorable);
  CHECK(classify_lenient(0x2016) == lenient_class::other);
  CHECK(try_normalize_digits("").error().code == errc::empty);
  CHECK(try_normalize_digits("-").error().code == errc::empty);
  CHECK(try_normalize_digits("12.3").error().position == 2);
  CHECK(try_normalize_digits("１２a").error().position == 2);
}

TEST_CASE("invalid UTF-8 is reported, never decoded loosely") {
  CHECK(try_normalize_digits("1\xC0\xAF").error().code == errc::invalid_utf8);          // overlong '/'
  CHECK(try_normalize_digits("1\xED\xA0\x80").error().code == errc::invalid_utf8);      // surrogate
  CHECK(try_normalize_digits("1\xF4\x90\x80\x80").error().code == errc::invalid_utf8);  // > U+10FFFF
  CHECK(try_normalize_digits("1\xE3\x83").error().code == errc::invalid_utf8);          // truncated
  CHECK(try_normalize_digits(std::string_view("1\0"
                                              "2",
                                              3))
            .error()
            .code == errc::invalid_character);
}
