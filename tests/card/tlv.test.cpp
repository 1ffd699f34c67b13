#include <doctest/doctest.h>

#include <mynumber/card/tlv.hpp>

#include <string>
#include <vector>

using namespace mynumber;
using bytes = std::vector<std::uint8_t>;

namespace {
constexpr civil_date ymd(int y, int m, int d) { return civil_date::from_ymd_unchecked(y, m, d); }
bytes from_hex(const std::string& hex) {
  bytes out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}
}  // namespace

TEST_CASE("BER-TLV: tags, lengths and strictness") {
  const bytes two_byte_tag{0xFF, 0x10, 0x02, 'a', 'b'};
  auto t = card::try_parse_tlv(two_byte_tag).value();
  CHECK(t.tag == 0xFF10);
  CHECK(t.constructed);
  CHECK(t.header_size == 3);
  CHECK(t.value.size == 2);
  const bytes long_len{0x04, 0x81, 0x01, 0x55};
  CHECK(card::try_parse_tlv(long_len).value().value.size == 1);
  const bytes len82{0x04, 0x82, 0x00, 0x01, 0x55};
  CHECK(card::try_parse_tlv(len82).value().header_size == 4);

  struct bad {
    bytes input;
    std::size_t offset;
  };
  const bad cases[] = {
      {{}, 0},                           // nothing
      {{0xFF}, 1},                       // truncated inside a tag
      {{0xDF, 0x21}, 2},                 // no length
      {{0x04, 0x80, 0x00, 0x00}, 1},     // indefinite length
      {{0x04, 0x84, 0, 0, 0, 1, 0}, 1},  // 4 length bytes: oversized
      {{0x04, 0x82, 0x01}, 2},           // truncated inside a length
      {{0x04, 0x05, 1, 2}, 0},           // value runs past the end
      {{0x1F, 0x81, 0x81, 0x01, 0}, 3},  // tag longer than 3 bytes
  };
  for (const auto& c : cases) {
    auto r = card::try_parse_tlv(c.input);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::tlv_malformed);
    CHECK(r.error().position == c.offset);
  }
  // A sequence must fill its buffer exactly.
  const bytes seq{0x01, 0x01, 0xAA, 0x02, 0x00, 0x03};
  auto s = card::try_parse_tlv_sequence(seq);
  REQUIRE_FALSE(s);
  CHECK(s.error().position == 6);  // the third element has no length byte
}

TEST_CASE("個人番号 record (text EF 0001)") {
  bytes raw{0xFF, 0x10, 0x0C};
  for (char c : std::string("123456789018")) raw.push_back(static_cast<std::uint8_t>(c));
  raw.push_back(0xFF);
  raw.push_back(0xFF);
  auto n = card::try_parse_my_number_record(raw);
  REQUIRE(n);
  CHECK(n->reveal() == "123456789018");
  raw[14] = '9';  // wrong check digit
  auto bad = card::try_parse_my_number_record(raw);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::check_digit_mismatch);
  CHECK(bad.error().position == 14);
  CHECK(bad.error().message().find("12345678901") == std::string::npos);
  raw[14] = '8';
  raw.back() = 0x00;  // filler must be FF
  CHECK(card::try_parse_my_number_record(raw).error().position == 16);
  raw.resize(10);
  CHECK(card::try_parse_my_number_record(raw).error().code == errc::tlv_malformed);
}

TEST_CASE("基本4情報 record: the myna-card test vector") {
  const bytes raw = from_hex(
      "ff2065df2108000e002000590064df220fe9bb92e6a190e38080e5b9b9e4b99fdf2336e69db1e4baace983bde6b885e780ace5b882e8"
      "a6b3e5b883e5ad90e58d97efbc91efbc92efbc8defbc97efbc8defbc92efbc90efbc92df24083139383030323137df250131");
  auto info = card::try_parse_basic_info(raw).value();
  CHECK(info.name == "黒桐　幹也");
  CHECK(info.address == "東京都清瀬市観布子南１２－７－２０２");
  CHECK(info.birth == ymd(1980, 2, 17));
  CHECK(info.sex.is_male());

  // Two unknown bytes before FF20 are tolerated (located by search).
  bytes prefixed{0x00, 0x00};
  prefixed.insert(prefixed.end(), raw.begin(), raw.end());
  CHECK(card::try_parse_basic_info(prefixed).value().name == "黒桐　幹也");

  // Truncation anywhere is an error with an offset inside the buffer.
  for (std::size_t cut = 1; cut < raw.size(); ++cut) {
    auto r = card::try_parse_basic_info(bytes(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(cut)));
    REQUIRE_FALSE(r);
    CHECK(r.error().position <= cut);
  }
  // Invalid UTF-8 in the name.
  bytes broken = raw;
  broken[17] = 0xC0;  // first byte of the DF22 value
  auto u = card::try_parse_basic_info(broken);
  REQUIRE_FALSE(u);
  CHECK(u.error().code == errc::invalid_utf8);
  CHECK(u.error().position == 17);
  // A bad date.
  bytes bad_date = raw;
  bad_date[raw.size() - 6] = '9';  // month "92"
  CHECK(card::try_parse_basic_info(bad_date).error().code == errc::invalid_date);
}

TEST_CASE("DER size from a certificate header") {
  CHECK(card::try_der_total_size(bytes{0x30, 0x82, 0x04, 0x00}).value() == 0x404);
  CHECK(card::try_der_total_size(bytes{0x30, 0x10}).value() == 0x12);
  CHECK(card::try_der_total_size(bytes{0x31, 0x82, 0x04, 0x00}).error().code == errc::tlv_malformed);
  CHECK(card::try_der_total_size(bytes{0x30, 0x82, 0x04}).error().code == errc::tlv_malformed);
}
