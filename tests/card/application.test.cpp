#include <doctest/doctest.h>

#include <mynumber/card/application.hpp>

using namespace mynumber;
using card::pin_kind;

TEST_CASE("AIDs of the four applications") {
  CHECK(card::jpki_ap.aid == std::array<std::uint8_t, 10>{0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01});
  CHECK(card::text_ap.aid[9] == 0x08);
  CHECK(card::visual_ap.aid[9] == 0x02);
  CHECK(card::juki_ap.aid[9] == 0x01);
  CHECK(&card::get(card::application_id::text) == &card::text_ap);
  CHECK(card::get(card::application_id::jpki).name_ja == "公的個人認証AP");
}

TEST_CASE("access conditions") {
  CHECK(card::ef::jpki_auth_certificate.read.is_free());
  CHECK(card::ef::jpki_sign_certificate.read.opened_by(pin_kind::jpki_sign));
  CHECK_FALSE(card::ef::jpki_sign_certificate.read.opened_by(pin_kind::jpki_auth));
  // 照合番号A opens the number but not the attributes; 照合番号B the reverse; the PIN both.
  CHECK(card::ef::text_my_number.read.opened_by(pin_kind::text_code_a));
  CHECK_FALSE(card::ef::text_my_number.read.opened_by(pin_kind::text_code_b));
  CHECK(card::ef::text_attributes.read.opened_by(pin_kind::text_code_b));
  CHECK_FALSE(card::ef::text_attributes.read.opened_by(pin_kind::text_code_a));
  CHECK(card::ef::text_my_number.read.opened_by(pin_kind::text_pin));
  CHECK(card::ef::text_attributes.read.opened_by(pin_kind::text_pin));
  CHECK(card::ef::visual_number_image.read.opened_by(pin_kind::visual_code_a));
  CHECK_FALSE(card::ef::visual_number_image.read.opened_by(pin_kind::visual_code_b));
}
