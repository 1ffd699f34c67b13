// Tests of the secure module's internals: the flat-object JSON reader (the shared escaper and
// canonical writer are tested in tests/json.test.cpp), hex/base64url, the
// number screen and the crypto primitives against published test vectors (FIPS 180-2 for
// SHA-256, RFC 4231 case 2 for HMAC-SHA256; the GCM vector is the McGrew–Viega test case 14 —
// AES-256, zero key, zero IV, one zero block).
#include <doctest/doctest.h>

#include <mynumber/secure/detail/crypto.hpp>
#include <mynumber/secure/detail/encoding.hpp>
#include <mynumber/secure/detail/json.hpp>
#include <mynumber/secure/detail/screen.hpp>

#include <string>

using namespace mynumber;
using namespace mynumber::detail;

TEST_CASE("json canonical object writer") {
  json_object_writer w;
  w.number("n", 42).string("s", "x").optional_string("o", std::nullopt).raw("r", "[1]");
  CHECK(std::move(w).finish() == "{\"n\":42,\"s\":\"x\",\"o\":null,\"r\":[1]}");
}

TEST_CASE("json reader: flat objects only, strictly") {
  const auto ok = json_parse_flat_object(R"( {"a":"x\u00e9\ud83d\ude00\/","b":0,"c":null,"d":18446744073709551615} )");
  REQUIRE(ok.ok());
  REQUIRE(ok.members.size() == 4);
  CHECK(ok.find("a")->text == "x\xc3\xa9\xf0\x9f\x98\x80/");
  CHECK(ok.find("b")->number == 0);
  CHECK(ok.find("c")->kind == json_flat_value::type::null);
  CHECK(ok.find("d")->number == 18446744073709551615ull);
  CHECK(ok.find("zz") == nullptr);
  CHECK(json_parse_flat_object("{}").ok());

  for (const char* bad : {"",
                          "[]",
                          "{",
                          "{\"a\"}",
                          "{\"a\":1,}",
                          "{\"a\":1}x",
                          "{\"a\":1,\"a\":2}",
                          "{\"a\":01}",
                          "{\"a\":1.5}",
                          "{\"a\":-1}",
                          "{\"a\":true}",
                          "{\"a\":{}}",
                          "{\"a\":\"\\ud800\"}",
                          "{\"a\":\"\\udc00\"}",
                          "{\"a\":\"\\x\"}",
                          "{\"a\":\"\x01\"}",
                          "{\"a\":\"\xff\"}",
                          "{\"a\":\"abc",
                          "{\"a\":18446744073709551616}",
                          "{\"a\":nul}"}) {
    CAPTURE(bad);
    const auto r = json_parse_flat_object(bad);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("hex and base64url are strict and round-trip") {
  const bytes data{0x00, 0x01, 0xfe, 0xff, 0x7f};
  CHECK(to_hex(data.data(), data.size()) == "0001feff7f");
  CHECK(*from_hex("0001feff7f") == data);
  CHECK_FALSE(from_hex("0001FEFF7F"));
  CHECK_FALSE(from_hex("000"));
  // RFC 4648 §10 vectors, unpadded, URL alphabet.
  const std::string f = "foobar";
  const auto* p = reinterpret_cast<const std::uint8_t*>(f.data());
  CHECK(to_base64url(p, 0) == "");
  CHECK(to_base64url(p, 1) == "Zg");
  CHECK(to_base64url(p, 2) == "Zm8");
  CHECK(to_base64url(p, 3) == "Zm9v");
  CHECK(to_base64url(p, 6) == "Zm9vYmFy");
  CHECK(to_base64url(data.data(), data.size()) == "AAH-_38");
  CHECK(*from_base64url("AAH-_38") == data);
  CHECK_FALSE(from_base64url("AAH+/38"));
  CHECK_FALSE(from_base64url("Zg=="));
  CHECK_FALSE(from_base64url("Zh"));  // non-zero trailing bits
  CHECK_FALSE(from_base64url("Z"));
  for (std::size_t n = 0; n < 40; ++n) {
    bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(i * 37 + 11);
    CHECK(*from_base64url(to_base64url(b.data(), b.size())) == b);
  }
}

TEST_CASE("the number screen finds exactly-12-digit checksum-valid runs") {
  CHECK(find_individual_number("123456789018") == 0);
  CHECK(find_individual_number("id:123456789018.") == 3);
  CHECK(find_individual_number("123456789012") == no_position);   // wrong check digit
  CHECK(find_individual_number("1123456789018") == no_position);  // part of a longer run
  CHECK(find_individual_number("12345678901 8") == no_position);
  CHECK(find_individual_number("x123456789012y621498320257") == 14);
}

TEST_CASE("crypto primitives match published vectors") {
  CHECK(to_hex(sha256({std::string_view("abc")}).value().data(), 32) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Parts are concatenated.
  CHECK(sha256({std::string_view("a"), std::string_view("bc")}).value() == sha256({std::string_view("abc")}).value());
  const std::string key = "Jefe";
  CHECK(to_hex(hmac_sha256(byte_span(key), {std::string_view("what do ya want "), std::string_view("for nothing?")})
                   .value()
                   .data(),
               32) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

  const std::uint8_t zero_key[32] = {};
  const std::uint8_t zero_iv[12] = {};
  const std::uint8_t zero_block[16] = {};
  bytes out;
  REQUIRE(aes256gcm_seal(byte_span(zero_key, 32), zero_iv, byte_span(), byte_span(zero_block, 16), out).has_value());
  CHECK(to_hex(out.data(), out.size()) == "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
  std::uint8_t plain[16];
  REQUIRE(aes256gcm_open(byte_span(zero_key, 32), zero_iv, byte_span(), byte_span(out), plain).has_value());
  CHECK(bytes(plain, plain + 16) == bytes(16, 0));
  out[0] ^= 1;
  const auto bad = aes256gcm_open(byte_span(zero_key, 32), zero_iv, byte_span(), byte_span(out), plain);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::tamper_detected);
  CHECK(bytes(plain, plain + 16) == bytes(16, 0));  // wiped on failure
  CHECK(ERR_peek_error() == 0);                     // no stale OpenSSL error left behind
}
