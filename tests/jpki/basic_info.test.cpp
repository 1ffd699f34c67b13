// Tests for jpki/basic_info.hpp: birth-date decoding (EYYYYMMDD), 和暦 and substitute maps.
#include <mynumber/jpki/basic_info.hpp>

#include <doctest/doctest.h>

using namespace mynumber::jpki;

TEST_CASE("birth dates decode from the era-prefixed EYYYYMMDD form") {
  const auto showa = try_decode_birth_date("319830415");
  REQUIRE(showa.has_value());
  CHECK(showa->era == era::showa);
  CHECK(showa->iso() == "1983-04-15");
  CHECK(showa->era_matches_date());
  CHECK(showa->era_year() == 58);
  CHECK(showa->wareki() == "昭和58年4月15日");

  const auto first_year = try_decode_birth_date("419890108");  // first day of 平成
  REQUIRE(first_year.has_value());
  CHECK(first_year->wareki() == "平成元年1月8日");
  const auto last_showa = try_decode_birth_date("319890107");
  REQUIRE(last_showa.has_value());
  CHECK(last_showa->wareki() == "昭和64年1月7日");

  const auto reiwa = try_decode_birth_date("520190501");
  REQUIRE(reiwa.has_value());
  CHECK(reiwa->wareki() == "令和元年5月1日");

  const auto leap = try_decode_birth_date("420000229");
  REQUIRE(leap.has_value());
  CHECK(leap->wareki() == "平成12年2月29日");
}

TEST_CASE("era digit 0 means unknown") {
  const auto unknown = try_decode_birth_date("000000000");
  REQUIRE(unknown.has_value());
  CHECK(unknown->era == std::nullopt);
  CHECK_FALSE(unknown->known());
  CHECK(unknown->iso().empty());
  CHECK(unknown->wareki().empty());

  const auto date_only = try_decode_birth_date("019830415");
  REQUIRE(date_only.has_value());
  CHECK(date_only->known());
  CHECK(date_only->iso() == "1983-04-15");
  CHECK(date_only->wareki().empty());  // no era, no 和暦
}

TEST_CASE("the era code maps onto the core era, with JPKI's unknown digit as nullopt") {
  CHECK(era_from_code(0) == std::nullopt);
  CHECK(era_from_code(1) == mynumber::era::meiji);
  CHECK(era_from_code(5) == mynumber::era::reiwa);
  CHECK(era_from_code(6) == std::nullopt);
  CHECK(to_string(era::heisei) == "heisei");
  CHECK(to_string(std::nullopt) == "unknown");

  const auto decoded = try_decode_birth_date("319830415");
  REQUIRE(decoded.has_value());
  REQUIRE(decoded->date.has_value());
  CHECK(*decoded->date == mynumber::civil_date::from_ymd(1983, 4, 15));
  REQUIRE(decoded->to_wareki().has_value());
  CHECK(*decoded->to_wareki() == mynumber::wareki_date{era::showa, 58, 4, 15});
}

TEST_CASE("an era's first day may carry the previous era's code; the day after may not") {
  // Tolerance kept from the original jpki table: era e covers [first day of e, first day of e+1].
  const auto old_code_on_new_day = try_decode_birth_date("420190501");  // 平成 code, first day of 令和
  REQUIRE(old_code_on_new_day.has_value());
  CHECK(old_code_on_new_day->era_matches_date());
  CHECK(old_code_on_new_day->wareki() == "平成31年5月1日");
  CHECK_FALSE(mynumber::try_from_wareki(*old_code_on_new_day->to_wareki()).has_value());  // core stays strict

  const auto day_after = try_decode_birth_date("420190502");
  REQUIRE(day_after.has_value());
  CHECK_FALSE(day_after->era_matches_date());
  CHECK(day_after->wareki().empty());

  CHECK(era_covers(era::showa, mynumber::civil_date::from_ymd(1989, 1, 8)));
  CHECK_FALSE(era_covers(era::showa, mynumber::civil_date::from_ymd(1989, 1, 9)));
  CHECK_FALSE(era_covers(era::heisei, mynumber::civil_date::from_ymd(1989, 1, 7)));
  CHECK(era_covers(era::reiwa, mynumber::civil_date::from_ymd(9999, 12, 31)));
  CHECK_FALSE(era_covers(era::meiji, mynumber::civil_date::from_ymd(1868, 1, 24)));

  const auto before_meiji = try_decode_birth_date("118680124");  // a calendar day, but no era holds it
  REQUIRE(before_meiji.has_value());
  CHECK(before_meiji->known());
  CHECK_FALSE(before_meiji->era_matches_date());
  CHECK(before_meiji->era_year() == 0);
}

TEST_CASE("an era code that contradicts the date gives no 和暦") {
  const auto wrong = try_decode_birth_date("519830415");  // 令和 with a 1983 date
  REQUIRE(wrong.has_value());
  CHECK_FALSE(wrong->era_matches_date());
  CHECK(wrong->wareki().empty());
  CHECK(wrong->iso() == "1983-04-15");
}

TEST_CASE("malformed birth dates are typed errors with a position") {
  auto check_error = [](const char* text, std::size_t position) {
    const auto r = try_decode_birth_date(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == mynumber::errc::certificate_extension);
    CHECK(r.error().position == position);
  };
  check_error("31983041", mynumber::no_position);    // 8 characters
  check_error("3198304150", mynumber::no_position);  // 10 characters
  check_error("31983O415", 5);                       // letter O
  check_error("619830415", 0);                       // era 6
  check_error("319830230", 7);                       // 30 February
  check_error("319831315", 1);                       // month 13
  check_error("319000229", 7);                       // 1900 is not a leap year
  check_error("318671231", 1);                       // before 明治 (1868)
}

TEST_CASE("substitute maps count Unicode code points, not bytes or UTF-16 units") {
  const substituted_text name{"𠮷田　高志", "00010"};
  CHECK(name.length() == 5);
  CHECK(name.map_consistent());
  CHECK(name.substitute_positions() == std::vector<std::size_t>{3});
  CHECK(name.substitute_characters() == std::vector<std::string>{"高"});

  const substituted_text utf16_sized{"𠮷田　高志", "000010"};  // one per UTF-16 unit: wrong
  CHECK_FALSE(utf16_sized.map_consistent());
  const substituted_text bad_char{"山田", "0x"};
  CHECK_FALSE(bad_char.map_consistent());
  const substituted_text address{"東京都𩸽ハ", "00011"};
  CHECK(address.substitute_characters() == std::vector<std::string>{"𩸽", "ハ"});
}

TEST_CASE("sex codes keep the raw value and label the mapping as unconfirmed") {
  CHECK(sex_label("1").find("UNCONFIRMED") != std::string_view::npos);
  CHECK(sex_label("9") == "unrecognised code");
}
