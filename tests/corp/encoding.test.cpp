#include <mynumber/corp/encoding.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace mynumber::corp;

TEST_CASE("encoding: CP932 decodes to the expected code points") {
  std::string out;
  // 株式会社 in CP932.
  CHECK(cp932_to_utf8("\x8A\x94\x8E\xAE\x89\xEF\x8E\xD0", out) == std::string_view::npos);
  CHECK(out == "株式会社");
  out.clear();
  // ASCII, U+3000, あ, half-width ｱ, NEC row 13 ①, IBM extension ⅰ, user-defined area.
  CHECK(cp932_to_utf8("A\x81\x40\x82\xA0\xB1\x87\x40\xFA\x40\xF0\x40", out) == std::string_view::npos);
  CHECK(out == "A\u3000\u3042\uFF71\u2460\u2170\uE000");
  out.clear();
  CHECK(cp932_to_utf8("\x81\x60", out) == std::string_view::npos);  // WAVE DASH in CP932 is U+FF5E
  CHECK(out == "\uFF5E");
}

TEST_CASE("encoding: invalid CP932 is located") {
  std::string out;
  CHECK(cp932_to_utf8("ab\x82", out) == 2);      // lead byte at the end
  CHECK(cp932_to_utf8("ab\x82\x20", out) == 2);  // bad trail byte
  CHECK(cp932_to_utf8("\x85\x40", out) == 0);    // unmapped pair (row 85 is empty in CP932)
}

TEST_CASE("encoding: detection from content") {
  CHECK(detect_encoding("1,7000012050002,01", false) == text_encoding::unknown);
  CHECK(detect_encoding("\xEF\xBB\xBF"
                        "1,2",
                        true) == text_encoding::utf8);
  CHECK(detect_encoding("1,\"株式会社\"", true) == text_encoding::utf8);
  CHECK(detect_encoding("1,\"\x8A\x94\x8E\xAE\x89\xEF\x8E\xD0\"", true) == text_encoding::cp932);
  // A UTF-8 sequence cut by the end of a partial sample is still UTF-8...
  CHECK(detect_encoding("1,\"株\xE5\xBC", false) == text_encoding::utf8);
  // ...but not when the sample is the whole input.
  CHECK(detect_encoding("1,\"株\xE5\xBC", true) == text_encoding::cp932);
  CHECK(is_valid_utf8("abc株式会社"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));  // overlong
  CHECK(valid_utf8_prefix("abcdefghij\xFFxyz") == 10);
}
