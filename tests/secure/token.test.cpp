// Tests of secure/token.hpp: the published vectors, determinism, domain and key separation, the
// two encodings, parse errors and rotation.
#include <doctest/doctest.h>

#include <mynumber/secure/token.hpp>

#include <set>
#include <sstream>
#include <string>

#include "secure_test_support.hpp"

using namespace mynumber;

namespace {
individual_number number(const char* digits) { return individual_number::parse(digits); }
}  // namespace

TEST_CASE("the token vectors published in docs/security.md") {
  const auto vectors = secure_test::published_token_vectors();
  REQUIRE(vectors.size() >= 8);
  for (const auto& v : vectors) {
    CAPTURE(v.key_id);
    CAPTURE(v.domain);
    const auto key = symmetric_key::try_parse_entry("mnk1:" + v.key_id + ":" + v.key_hex);
    REQUIRE(key.has_value());
    const auto token = derive_token(number(v.number.c_str()), v.domain, *key);
    CHECK(token.to_text() == v.token);
    CHECK(linkage_token::parse(v.token) == token);
  }
}

TEST_CASE("tokens are deterministic, per domain and per key") {
  const auto key_a = secure_test::counting_key("org-a", 0x00);
  const auto key_b = secure_test::counting_key("org-b", 0x20);
  const auto n = number("123456789018");
  const auto t1 = derive_token(n, "payroll", key_a);
  const auto t2 = derive_token(n, "payroll", key_a);
  CHECK(t1 == t2);
  CHECK(t1.to_text() == t2.to_text());

  // Domain separation: the same person, different domains -> unrelated tokens.
  const auto other_domain = derive_token(n, "insurance", key_a);
  CHECK(other_domain.mac() != t1.mac());
  // Key separation: same MAC bytes would need the same key.
  const auto same_key_bytes = secure_test::counting_key("org-a2", 0x00);
  CHECK(derive_token(n, "payroll", same_key_bytes).mac() == t1.mac());  // id is a label, bytes decide
  CHECK(derive_token(n, "payroll", key_b).mac() != t1.mac());
  // Different people, same domain.
  CHECK(derive_token(number("621498320257"), "payroll", key_a).mac() != t1.mac());

  // Distinct across the reference numbers and a few domains.
  std::set<std::string> seen;
  for (const std::string& digits : test_support::vectors("individual"))
    for (const char* domain : {"payroll", "insurance", "給与"})
      seen.insert(derive_token(number(digits.c_str()), domain, key_a).to_text());
  CHECK(seen.size() == 3 * test_support::vectors("individual").size());
}

TEST_CASE("a linkage_domain derives the same tokens without the organisation key") {
  const auto key = secure_test::counting_key("org", 0x40);
  const auto domain = linkage_domain::make(key, "payroll");
  const auto n = number("873321641958");
  CHECK(domain.derive(n) == derive_token(n, "payroll", key));
  CHECK(domain.key_id() == "org");
  CHECK(domain.domain() == "payroll");
  CHECK(domain.try_matches(derive_token(n, "payroll", key), n).value());
  CHECK_FALSE(domain.try_matches(derive_token(n, "other", key), n).value());
}

TEST_CASE("text and binary forms round-trip and carry version and key id") {
  const auto key = secure_test::counting_key("k-1", 7);
  const auto t = derive_token(number("263348291158"), "payroll", key);
  const std::string text = t.to_text();
  CHECK(text.rfind("mnt1.k-1.", 0) == 0);
  CHECK(text.size() == 9 + 43);
  const auto bytes = t.to_bytes();
  REQUIRE(bytes.size() == 2 + 3 + 32);
  CHECK(bytes[0] == 1);
  CHECK(bytes[1] == 3);
  CHECK(std::string(bytes.begin() + 2, bytes.begin() + 5) == "k-1");
  CHECK(linkage_token::try_from_bytes(bytes).value() == t);
  CHECK(linkage_token::parse(text) == t);
  std::ostringstream os;
  os << t;
  CHECK(os.str() == text);
}

TEST_CASE("malformed tokens are typed errors") {
  const auto key = secure_test::counting_key("k", 1);
  const std::string good = derive_token(number("491131223718"), "d", key).to_text();
  CHECK(linkage_token::try_parse("mnt2" + good.substr(4)).error().code == errc::format_version);
  CHECK(linkage_token::try_parse("xnt1" + good.substr(4)).error().code == errc::invalid_argument);
  CHECK(linkage_token::try_parse(good.substr(0, good.size() - 1)).error().code == errc::invalid_argument);
  CHECK(linkage_token::try_parse(good + "A").error().code == errc::invalid_argument);
  CHECK(linkage_token::try_parse("mnt1.k").error().code == errc::invalid_argument);
  CHECK(linkage_token::try_parse("mnt1.k!." + good.substr(7)).error().code == errc::key_invalid);
  // Non-canonical base64url (non-zero trailing bits) is refused: one text per token.
  // 32 bytes = 43 characters = 258 bits: the last character's two low bits are always zero.
  std::string last_changed = good;
  const int value = detail::base64url_value(last_changed.back());
  REQUIRE(value >= 0);
  CHECK((value & 3) == 0);
  last_changed.back() = detail::base64url_alphabet[value | 1];
  CHECK(linkage_token::try_parse(last_changed).error().code == errc::invalid_argument);
  auto bytes = derive_token(number("491131223718"), "d", key).to_bytes();
  bytes[0] = 2;
  CHECK(linkage_token::try_from_bytes(bytes).error().code == errc::format_version);
  bytes[0] = 1;
  bytes[1] = 9;
  CHECK(linkage_token::try_from_bytes(bytes).error().code == errc::invalid_argument);
  CHECK(linkage_token::try_from_bytes(nullptr, 0).error().code == errc::invalid_argument);
}

TEST_CASE("domain labels are checked") {
  const auto key = secure_test::counting_key("k", 1);
  const auto n = number("123456789018");
  CHECK(try_derive_token(n, "", key).error().code == errc::invalid_argument);
  CHECK(try_derive_token(n, std::string(256, 'd'), key).error().code == errc::invalid_argument);
  CHECK(try_derive_token(n, std::string(255, 'd'), key).has_value());
  CHECK(try_derive_token(n, "a\nb", key).error().code == errc::invalid_character);
  CHECK(try_derive_token(n, "\xff", key).error().code == errc::invalid_utf8);
}

TEST_CASE("rotation re-derives under the current key and refuses a mismatched old token") {
  auto ring = secure_test::ring_of(secure_test::counting_key("old", 0x00));
  const auto n = number("465281266333");
  const auto old_token = derive_token(n, "payroll", ring);
  CHECK(old_token.key_id() == "old");

  ring.add(secure_test::counting_key("new", 0x80));
  ring.set_current("new");
  const auto rotated = rotate_token(old_token, n, "payroll", ring);
  CHECK(rotated.key_id() == "new");
  CHECK(rotated == derive_token(n, "payroll", secure_test::counting_key("new", 0x80)));
  CHECK(try_token_matches(old_token, n, "payroll", ring).value());
  CHECK(try_token_matches(rotated, n, "payroll", ring).value());
  CHECK_FALSE(try_token_matches(old_token, number("123456789018"), "payroll", ring).value());

  const auto wrong = try_rotate_token(old_token, number("123456789018"), "payroll", ring);
  REQUIRE_FALSE(wrong.has_value());
  CHECK(wrong.error().code == errc::tamper_detected);
  const auto wrong_domain = try_rotate_token(old_token, n, "insurance", ring);
  CHECK(wrong_domain.error().code == errc::tamper_detected);

  const auto lone = secure_test::ring_of(secure_test::counting_key("new", 0x80));
  CHECK(try_rotate_token(old_token, n, "payroll", lone).error().code == errc::key_unknown);
}
