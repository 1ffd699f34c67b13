// Tests for jpki/oids.hpp: every constant is listed, with its public source, in
// data/jpki/profile_oids.tsv.
#include <mynumber/jpki/oids.hpp>

#include <sstream>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "../test_support.hpp"

using namespace mynumber::jpki;

TEST_CASE("every OID and name constant has a sourced row in data/jpki/profile_oids.tsv") {
  // The first column of each non-comment row, each wrapped in line delimiters so that a prefix
  // (…8.5.5.1 of …8.5.5.10) cannot match.
  std::string values = "\n";
  std::istringstream lines(test_support::read_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/profile_oids.tsv"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    REQUIRE_MESSAGE(line.find('\t', tab + 1) != std::string::npos, line);
    values += line.substr(0, tab) + "\n";
  }
  REQUIRE(values.size() > 1);
  const auto listed = [&](std::string_view v) {
    return values.find("\n" + std::string(v) + "\n") != std::string::npos;
  };
  for (const auto o :
       {oid::policy_sign, oid::policy_sign_test, oid::policy_auth, oid::san_name, oid::san_name_substitutes,
        oid::san_sex, oid::san_birth_date, oid::san_address, oid::san_address_substitutes}) {
    CHECK_MESSAGE(listed(o), o);
  }
  for (const auto d : {dn::organization, dn::organization_test, dn::unit_sign, dn::unit_auth, dn::unit_agency}) {
    CHECK_MESSAGE(listed(d), d);
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
