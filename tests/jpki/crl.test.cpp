// Tests for jpki/crl.hpp: caller-supplied CRLs, DER and PEM.
#include <mynumber/jpki/crl.hpp>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;

TEST_CASE("generated CRLs parse and list the manifest's revoked serials") {
  for (const auto& entry : test_pki::manifest()["crls"].items) {
    CAPTURE(entry["id"].text);
    const auto pem = crl::try_load_file(test_pki::path(entry["pem"].text));
    const auto der = crl::try_load_file(test_pki::path(entry["der"].text));
    REQUIRE(pem.has_value());
    REQUIRE(der.has_value());
    CHECK(format_utc_iso(pem->this_update()) == entry["this_update"].text);
    REQUIRE(pem->next_update().has_value());
    CHECK(format_utc_iso(*pem->next_update()) == entry["next_update"].text);
    std::vector<std::string> serials;
    for (const auto& e : der->entries()) serials.push_back(e.serial_hex);
    std::vector<std::string> expected;
    for (const auto& s : entry["revoked_serials_hex"].items) expected.push_back(s.text);
    CHECK(serials == expected);
    for (const auto& e : der->entries()) CHECK(e.reason == "affiliationChanged");
    const auto issuer = certificate::load_file(test_pki::path(entry["issuer"].text + ".pem"));
    CHECK(pem->signed_by(issuer));
    CHECK(pem->issuer() == issuer.info().subject);
  }
  const auto sign_crl = crl::load_file(test_pki::path("sign_crl.pem"));
  CHECK_FALSE(sign_crl.signed_by(certificate::load_file(test_pki::path("auth_root.pem"))));
  CHECK_FALSE(
      sign_crl.signed_by(certificate::load_file(test_pki::path("rogue_sign_root.pem"))));  // same name, other key
  CHECK(sign_crl.find(certificate::load_file(test_pki::path("sign_revoked.pem"))) != nullptr);
  CHECK(sign_crl.find(certificate::load_file(test_pki::path("sign_good.pem"))) == nullptr);
}

TEST_CASE("malformed CRLs are typed errors") {
  const std::string der = test_pki::read("sign_crl.der");
  for (const std::string& bad : {std::string(), der.substr(0, der.size() / 2), der + "x",
                                 std::string("-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n")}) {
    const auto r = crl::try_parse(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == mynumber::errc::crl_malformed);
  }
  CHECK(ERR_peek_error() == 0);
  const auto cert_as_crl = crl::try_load_file(test_pki::path("sign_good.der"));
  REQUIRE_FALSE(cert_as_crl.has_value());
  CHECK(cert_as_crl.error().detail.find("sign_good.der") != std::string::npos);
}
