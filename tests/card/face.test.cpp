#include <doctest/doctest.h>

#include <mynumber/card/face.hpp>

#include <sstream>

using namespace mynumber;

namespace {
constexpr civil_date ymd(int y, int m, int d) { return civil_date::from_ymd_unchecked(y, m, d); }
}  // namespace

TEST_CASE("照合番号B: the fact base's confirmed example") {
  CHECK(card::verification_code_b(ymd(1980, 2, 17), 2035, "2285") == "55021720352285");
}

TEST_CASE("照合番号B: era boundaries in the birth part") {
  CHECK(card::verification_code_b(ymd(1989, 1, 7), 2030, "0001").substr(0, 6) == "640107");
  CHECK(card::verification_code_b(ymd(1989, 1, 8), 2030, "0001").substr(0, 6) == "010108");
  CHECK(card::verification_code_b(ymd(2019, 4, 30), 2030, "0001").substr(0, 6) == "310430");
  CHECK(card::verification_code_b(ymd(2019, 5, 1), 2030, "0001").substr(0, 6) == "010501");
  CHECK(card::verification_code_b(ymd(1926, 12, 25), 2030, "0001").substr(0, 6) == "011225");
  CHECK(card::verification_code_b(ymd(1926, 12, 24), 2030, "0001").substr(0, 6) == "151224");
  CHECK(card::verification_code_b(ymd(1912, 7, 30), 2030, "0001").substr(0, 6) == "010730");
  CHECK(card::verification_code_b(ymd(2020, 2, 24), 2030, "1234") == "02022420301234");
  CHECK(card::verification_code_b(ymd(1990, 1, 2), 2030, "1234", card::birth_calendar::gregorian) == "90010220301234");
}

TEST_CASE("照合番号B: errors") {
  auto r = card::try_verification_code_b(ymd(1980, 2, 17), 2035, "22a5");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::pin_format);
  CHECK(r.error().position == 2);
  CHECK(card::try_verification_code_b(ymd(1980, 2, 17), 2035, "228").error().code == errc::pin_format);
  CHECK(card::try_verification_code_b(ymd(1980, 2, 17), 35, "2285").error().code == errc::invalid_date);
  CHECK(card::try_verification_code_b(ymd(1860, 1, 1), 2035, "2285").error().code == errc::invalid_date);
}

TEST_CASE("card face: labels and a masked number") {
  CHECK(card::try_birth_date_label(ymd(1989, 3, 31), card::nationality::japanese).value() == "平成元年3月31日生");
  CHECK(card::try_birth_date_label(ymd(1989, 3, 31), card::nationality::foreign).value() == "1989年3月31日生");
  CHECK(card::expiry_label(ymd(2035, 2, 17)) == "2035年2月17日まで有効");

  card::card_face face;
  face.birth = ymd(1980, 2, 17);
  face.expiry = ymd(2035, 2, 17);
  face.security_code = "2285";
  face.number = individual_number::parse("123456789018");
  CHECK(card::try_verification_code_b(face).value() == "55021720352285");
  std::ostringstream out;
  out << *face.number;
  CHECK(out.str().find("12345678") == std::string::npos);
  CHECK(out.str().find("9018") != std::string::npos);
  face.holder = card::nationality::foreign;
  CHECK(card::try_verification_code_b(face).value() == "80021720352285");

  CHECK(card::sex_code{'1'}.label_ja() == "男");
  CHECK(card::sex_code{'2'}.label_ja() == "女");
  CHECK(card::sex_code{'9'}.label_ja() == "コード9");
}
