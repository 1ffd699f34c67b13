// Tests for jpki/verify.hpp: every bad certificate of the test PKI is rejected by the check the
// manifest names, for the reason it names, and by no other check; every good one passes.
#include <mynumber/jpki/verify.hpp>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;

namespace {

verify_options test_options() {
  verify_options options;
  options.anchors =
      trust_store::try_from_bytes(test_pki::read("sign_root.pem") + test_pki::read("auth_root.pem")).value();
  options.crls = {crl::load_file(test_pki::path("sign_crl.pem")), crl::load_file(test_pki::path("auth_crl.der"))};
  options.require_revocation = true;
  return options;
}

std::string summary(const verification& v) {
  std::string out;
  for (const auto& c : v.checks) out += c.name + "=" + std::string(to_string(c.outcome)) + "/" + c.reason + " ";
  return out;
}

}  // namespace

TEST_CASE("every generated certificate gets the verdict the manifest expects") {
  const verify_options options = test_options();
  int rejected = 0, accepted = 0;
  for (const auto& entry : test_pki::manifest()["certificates"].items) {
    const std::string id = entry["id"].text;
    if (!entry["trusted_root"].boolean && entry["kind"].text == "ca") continue;  // the rogue root itself
    for (const char* format : {"der", "pem"}) {
      if (entry[format].is_null()) continue;
      CAPTURE(id);
      CAPTURE(format);
      const verification v = verify_bytes(test_pki::read(entry[format].text), options);
      INFO(summary(v));
      const auto& expected = entry["expected"];
      if (expected["ok"].boolean) {
        CHECK(v.ok);
        CHECK(v.first_failure() == nullptr);
        ++accepted;
        continue;
      }
      ++rejected;
      CHECK_FALSE(v.ok);
      const check_result* failure = v.first_failure();
      REQUIRE(failure != nullptr);
      CHECK(failure->name == expected["check"].text);
      CHECK(failure->reason == expected["reason"].text);
      CHECK_FALSE(failure->detail.empty());
      int failures = 0;
      for (const auto& c : v.checks) failures += c.outcome == check_outcome::failed ? 1 : 0;
      CHECK(failures == 1);  // the one named flaw, nothing else
    }
  }
  CHECK(accepted >= 8);
  CHECK(rejected >= 10);
}

TEST_CASE("good certificates show every check") {
  const verification v = verify(certificate::load_file(test_pki::path("sign_good.pem")), test_options());
  REQUIRE(v.ok);
  for (const char* name : {"kind", "chain", "validity", "key_usage", "policy", "revocation"}) {
    const check_result* c = v.find(name);
    REQUIRE_MESSAGE(c != nullptr, name);
    CHECK(c->outcome == check_outcome::passed);
  }
  CHECK(v.kind == certificate_kind::signature);
  CHECK(v.chain.size() == 2);
  REQUIRE(v.crls.size() == 2);
  CHECK(v.crls[0].status == "current");
  CHECK(v.crls[1].status == "other_issuer");
}

TEST_CASE("the default store holds the J-LIS roots, so test certificates are not trusted") {
  const verification v = verify(certificate::load_file(test_pki::path("sign_good.pem")));
  CHECK_FALSE(v.ok);
  REQUIRE(v.first_failure() != nullptr);
  CHECK(v.first_failure()->name == "chain");
  CHECK(v.first_failure()->reason == "not_trusted");
}

TEST_CASE("the real J-LIS roots verify against the default store at a time they were valid") {
  verify_options options;
  options.at = try_parse_time("2024-01-01T00:00:00Z").value();
  for (const char* file : {"sign_ca_2015.pem", "sign_ca_2023.pem", "auth_ca_2015.pem", "auth_ca_2023.pem"}) {
    CAPTURE(file);
    const verification v = verify(certificate::load_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/" + file), options);
    CHECK(v.ok);
    CHECK(v.kind == certificate_kind::ca);
  }
  options.at = try_parse_time("2025-10-20T00:00:00Z").value();  // generation 1 has expired
  const verification expired =
      verify(certificate::load_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/sign_ca_2015.pem"), options);
  CHECK_FALSE(expired.ok);
  REQUIRE(expired.find("validity") != nullptr);
  CHECK(expired.find("validity")->reason == "expired");
  CHECK(expired.find("validity")->detail == "expired at 2025-10-19 23:59:59 JST");
}

TEST_CASE("validity is judged at the caller's instant") {
  verify_options options = test_options();
  const auto cert = certificate::load_file(test_pki::path("sign_good.pem"));
  options.at = cert.info().not_after + std::chrono::seconds(1);
  options.crls.clear();
  options.require_revocation = false;
  const verification after = verify(cert, options);
  CHECK(after.find("validity")->reason == "expired");
  options.at = cert.info().not_after;
  CHECK(verify(cert, options).find("validity")->outcome == check_outcome::passed);
  options.at = cert.info().not_before - std::chrono::seconds(1);
  CHECK(verify(cert, options).find("validity")->reason == "not_yet_valid");
}

TEST_CASE("revocation reports each CRL's own validity") {
  verify_options options = test_options();
  const auto good = certificate::load_file(test_pki::path("sign_good.pem"));

  options.crls = {crl::load_file(test_pki::path("sign_crl_stale.pem"))};
  verification v = verify(good, options);
  CHECK(v.find("revocation")->outcome == check_outcome::failed);
  CHECK(v.find("revocation")->reason == "crl_stale");
  REQUIRE(v.crls.size() == 1);
  CHECK(v.crls[0].status == "stale");

  options.crls.clear();
  v = verify(good, options);
  CHECK(v.find("revocation")->reason == "no_crl");
  CHECK(v.find("revocation")->outcome == check_outcome::failed);
  options.require_revocation = false;
  v = verify(good, options);
  CHECK(v.find("revocation")->outcome == check_outcome::skipped);
  CHECK(v.ok);

  // A CRL with the issuer's name but signed by another key is not authentic.
  options.anchors =
      trust_store::try_from_bytes(test_pki::read("rogue_sign_root.pem") + test_pki::read("auth_root.pem")).value();
  options.crls = {crl::load_file(test_pki::path("sign_crl.pem"))};
  v = verify(certificate::load_file(test_pki::path("sign_wrong_issuer.pem")), options);
  REQUIRE(v.crls.size() == 1);
  CHECK(v.crls[0].status == "bad_signature");
  CHECK(v.find("revocation")->reason == "crl_bad_signature");
  CHECK(v.find("chain")->outcome == check_outcome::passed);  // trusted when the rogue root is the anchor
}

TEST_CASE("the expected kind is enforced") {
  verify_options options = test_options();
  options.expected = certificate_kind::signature;
  const verification v = verify(certificate::load_file(test_pki::path("auth_good.pem")), options);
  CHECK_FALSE(v.ok);
  CHECK(v.first_failure()->name == "kind");
  CHECK(v.first_failure()->reason == "wrong_kind");
}
