#include <doctest/doctest.h>

#include <mynumber/card/apdu.hpp>

#include <vector>

using namespace mynumber;
using bytes = std::vector<std::uint8_t>;

TEST_CASE("SELECT by AID and by EF") {
  CHECK(card::apdu::select_application(card::jpki_ap).encode() ==
        bytes{0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01});
  CHECK(card::apdu::select_ef(0x001B).encode() == bytes{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B});
}

TEST_CASE("READ BINARY offsets and lengths") {
  CHECK(card::apdu::try_read_binary(0, 4).value().encode() == bytes{0x00, 0xB0, 0x00, 0x00, 0x04});
  CHECK(card::apdu::try_read_binary(0x0104, 256).value().encode() == bytes{0x00, 0xB0, 0x01, 0x04, 0x00});
  CHECK(card::apdu::try_read_binary(0x7FFF, 1).value().encode() == bytes{0x00, 0xB0, 0x7F, 0xFF, 0x01});
  CHECK(card::apdu::try_read_binary(0x8000, 1).error().code == errc::invalid_argument);
  CHECK(card::apdu::try_read_binary(0, 0).error().code == errc::invalid_argument);
  CHECK(card::apdu::try_read_binary(0, 257).error().code == errc::invalid_argument);
}

TEST_CASE("VERIFY, the empty VERIFY and CHANGE REFERENCE DATA") {
  CHECK(card::apdu::try_verify("1234").value().encode() == bytes{0x00, 0x20, 0x00, 0x80, 0x04, '1', '2', '3', '4'});
  CHECK(card::apdu::verify_status().encode() == bytes{0x00, 0x20, 0x00, 0x80});
  CHECK(card::apdu::verify_status().name() == "VERIFY (status)");
  CHECK(card::apdu::try_verify("").error().code == errc::pin_format);
  CHECK(card::apdu::try_change_reference_data("5678").value().encode() ==
        bytes{0x00, 0x24, 0x01, 0x80, 0x04, '5', '6', '7', '8'});
}

TEST_CASE("COMPUTE DIGITAL SIGNATURE over a SHA-256 DigestInfo") {
  const bytes digest(32, 0xAB);
  const bytes info = card::try_digest_info(card::hash_algorithm::sha256, digest).value();
  REQUIRE(info.size() == 51);
  CHECK(info[0] == 0x30);
  CHECK(info[1] == 0x31);
  CHECK(info[18] == 0x20);
  const bytes wire = card::apdu::try_compute_digital_signature(info).value().encode();
  REQUIRE(wire.size() == 5 + 51 + 1);
  CHECK(bytes(wire.begin(), wire.begin() + 5) == bytes{0x80, 0x2A, 0x00, 0x80, 51});
  CHECK(wire.back() == 0x00);  // Le = 256
  CHECK(card::try_digest_info(card::hash_algorithm::sha256, bytes(20, 0)).error().code == errc::invalid_argument);
  CHECK(card::try_digest_info(card::hash_algorithm::sha1, bytes(20, 0)).value().size() == 35);
  CHECK(card::try_digest_info(card::hash_algorithm::sha384, bytes(48, 0)).value().size() == 67);
  CHECK(card::try_digest_info(card::hash_algorithm::sha512, bytes(64, 0)).value().size() == 83);
  CHECK(card::apdu::try_compute_digital_signature(bytes(246, 0)).error().code == errc::invalid_argument);
}

TEST_CASE("status words become typed errors") {
  CHECK(card::check_status(0x9000));
  CHECK(card::check_status(0x6282));
  auto e = card::check_status(0x63C2, "VERIFY");
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::pin_incorrect);
  CHECK(e.error().detail.find("2 tries left") != std::string::npos);
  CHECK(card::check_status(0x63C1).error().detail.find("1 try left") != std::string::npos);
  CHECK(card::check_status(0x63C0).error().code == errc::pin_blocked);
  CHECK(card::check_status(0x6983).error().code == errc::pin_blocked);
  CHECK(card::check_status(0x6984).error().code == errc::pin_blocked);
  CHECK(card::check_status(0x6982).error().code == errc::security_status);
  CHECK(card::check_status(0x6A82).error().code == errc::file_not_found);
  CHECK(card::check_status(0x6700).error().code == errc::wrong_length);
  CHECK(card::check_status(0x6C10).error().code == errc::wrong_length);
  CHECK(card::check_status(0x6D00).error().code == errc::status_word);
  CHECK(card::check_status(0x6D00).error().detail.find("6D00") != std::string::npos);
  CHECK(card::tries_left(0x63C3) == 3);
  CHECK(card::tries_left(0x6984) == 0);
  CHECK_FALSE(card::tries_left(0x9000));
}

TEST_CASE("response APDUs") {
  auto r = card::response_apdu::try_parse({0x01, 0x02, 0x90, 0x00}).value();
  CHECK(r.data == bytes{0x01, 0x02});
  CHECK(r.sw == 0x9000);
  CHECK(card::response_apdu::try_parse({0x90}).error().code == errc::apdu_malformed);
}
