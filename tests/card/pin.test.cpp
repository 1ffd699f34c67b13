#include <doctest/doctest.h>

#include <mynumber/card/pin.hpp>

using namespace mynumber;
using card::pin_kind;

TEST_CASE("pin specs: retry limits and key references from the fact base") {
  CHECK(card::spec(pin_kind::jpki_auth).max_tries == 3);
  CHECK(card::spec(pin_kind::jpki_auth).file->id == 0x0018);
  CHECK(card::spec(pin_kind::jpki_sign).max_tries == 5);
  CHECK(card::spec(pin_kind::jpki_sign).file->id == 0x001B);
  CHECK(card::spec(pin_kind::text_pin).max_tries == 3);
  CHECK(card::spec(pin_kind::text_pin).file->id == 0x0011);
  CHECK(card::spec(pin_kind::text_code_b).file->id == 0x0015);
  CHECK_FALSE(card::spec(pin_kind::text_code_b).tries_confirmed);
  CHECK(card::spec(pin_kind::juki_pin).file->ap == card::application_id::juki);
  for (const auto& s : card::pin_specs) CHECK(&card::spec(s.kind) == &s);
}

TEST_CASE("pin formats are checked without echoing the value") {
  CHECK(card::check_pin_format(pin_kind::jpki_auth, "1234"));
  auto e = card::check_pin_format(pin_kind::jpki_auth, "12345");
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::pin_format);
  CHECK(e.error().message().find("12345") == std::string::npos);
  e = card::check_pin_format(pin_kind::text_pin, "12a4");
  CHECK(e.error().position == 2);

  CHECK(card::check_pin_format(pin_kind::jpki_sign, "ABC123"));
  CHECK(card::check_pin_format(pin_kind::jpki_sign, "A1234567890BCDEF"));
  CHECK_FALSE(card::check_pin_format(pin_kind::jpki_sign, "A1234567890BCDEFG"));  // 17
  CHECK_FALSE(card::check_pin_format(pin_kind::jpki_sign, "AB12C"));              // 5
  CHECK_FALSE(card::check_pin_format(pin_kind::jpki_sign, "ABCDEF"));             // no digit
  CHECK_FALSE(card::check_pin_format(pin_kind::jpki_sign, "123456"));             // no letter
  CHECK(card::check_pin_format(pin_kind::jpki_sign, "abc123").error().position == 0);
  CHECK(card::check_pin_format(pin_kind::jpki_sign, "ABC-123").error().position == 3);
  CHECK(card::prepare_pin(pin_kind::jpki_sign, "abc123").value() == "ABC123");
  CHECK(card::prepare_pin(pin_kind::jpki_auth, "abcd").error().code == errc::pin_format);

  CHECK(card::check_pin_format(pin_kind::text_code_b, "55021720352285"));
  CHECK_FALSE(card::check_pin_format(pin_kind::text_code_b, "5502172035228"));
  CHECK(card::check_pin_format(pin_kind::visual_birth, "550217"));
}
