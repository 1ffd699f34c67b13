// Tests for jpki/json.hpp: the wire form shared by the C ABI, Python and the CLI. The output is
// checked by parsing it back (tests/jpki/test_pki.hpp's reader) and comparing with the manifest.
#include <mynumber/jpki/json.hpp>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;

TEST_CASE("certificate JSON carries the fields, and personal data only on request") {
  const auto cert = certificate::load_file(test_pki::path("sign_good.pem"));
  const auto& entry = test_pki::cert_entry("sign_good");
  const test_pki::json without = test_pki::json_reader(to_json(cert.info(), false)).parse();
  CHECK(without["kind"].text == "signature");
  CHECK(without["serial_hex"].text == entry["serial_hex"].text);
  CHECK(without["serial_decimal"].text == entry["serial_decimal"].text);
  CHECK(without["not_after"].text == entry["not_after"].text);
  CHECK(without["prefecture"].text == "Tokyo-to");
  CHECK(without["basic_info_present"].boolean);
  CHECK(without["basic_info"].is_null());
  const std::string text_without = to_json(cert.info(), false);
  CHECK(text_without.find("𠮷") == std::string::npos);
  CHECK(text_without.find(entry["attributes"]["address"].text) == std::string::npos);

  const test_pki::json with = test_pki::json_reader(to_json(cert.info(), true)).parse();
  const auto& b = with["basic_info"];
  CHECK(b["name"]["text"].text == entry["attributes"]["name"].text);
  CHECK(b["name"]["substitute_map"].text == entry["attributes"]["name_substitute_map"].text);
  CHECK(b["name"]["substitute_characters"].items.at(0).text == "高");
  CHECK(b["address"]["text"].text == entry["attributes"]["address"].text);
  CHECK(b["birth_date"].text == "1983-04-15");
  CHECK(b["wareki"].text == "昭和58年4月15日");
  CHECK(b["sex"].text == "1");
}

TEST_CASE("verdict JSON lists every check and never personal data") {
  verify_options options;
  options.anchors = trust_store::try_from_bytes(test_pki::read("sign_root.pem")).value();
  options.crls = {crl::load_file(test_pki::path("sign_crl.pem"))};
  const verification v = verify(certificate::load_file(test_pki::path("sign_revoked.pem")), options);
  const std::string text = to_json(v);
  const test_pki::json j = test_pki::json_reader(text).parse();
  CHECK_FALSE(j["ok"].boolean);
  CHECK(j["first_failure"]["name"].text == "revocation");
  CHECK(j["first_failure"]["reason"].text == "revoked");
  CHECK(j["checks"].items.size() == v.checks.size());
  CHECK(j["crls"].items.at(0)["status"].text == "current");
  CHECK(text.find(test_pki::cert_entry("sign_revoked")["attributes"]["name"].text) == std::string::npos);
}

TEST_CASE("JSON strings are escaped and always valid UTF-8") {
  CHECK(detail::quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(detail::quote("\xff") == "\"\\ufffd\"");
  CHECK(detail::quote("𠮷") == "\"𠮷\"");
}
