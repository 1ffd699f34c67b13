// Tests for jpki/oids.hpp: the OIDs are those of ../shared/reference/card_jpki.md §2.2.
#include <mynumber/jpki/oids.hpp>

#include <string>

#include <doctest/doctest.h>

#include "../test_support.hpp"

using namespace mynumber::jpki;

TEST_CASE("every OID constant appears in the reference notes") {
  const std::string notes = test_support::read_file(std::string(MYNUMBER_REFERENCE_DIR) + "/card_jpki.md");
  REQUIRE_FALSE(notes.empty());
  for (const auto o : {oid::policy_sign, oid::policy_sign_test, oid::policy_auth, oid::san_name,
                       oid::san_name_substitutes, oid::san_sex, oid::san_birth_date, oid::san_address,
                       oid::san_address_substitutes}) {
    CHECK_MESSAGE(notes.find(std::string(o)) != std::string::npos, o);
  }
  for (const auto d : {dn::unit_sign, dn::unit_auth, dn::unit_agency, dn::organization_test}) {
    CHECK_MESSAGE(notes.find(std::string(d)) != std::string::npos, d);
  }
}

TEST_CASE("kinds have stable names") {
  CHECK(to_string(certificate_kind::signature) == "signature");
  CHECK(to_string(certificate_kind::authentication) == "authentication");
  CHECK(to_string(certificate_kind::ca) == "ca");
  CHECK(to_string(certificate_kind::not_jpki) == "not_jpki");
  CHECK(japanese_name(certificate_kind::signature) == "署名用電子証明書");
  CHECK(japanese_name(certificate_kind::authentication) == "利用者証明用電子証明書");
}
