// Tests of secure/sealed.hpp: round trips, the record-id binding, tampering with every byte (of
// the binary form, the text form and the record id), wrong keys and rotation.
#include <doctest/doctest.h>

#include <mynumber/secure/sealed.hpp>

#include <set>
#include <string>

#include "secure_test_support.hpp"

using namespace mynumber;

namespace {
const auto known = individual_number::parse("123456789018");

bool is_detection(errc code) {
  return code == errc::tamper_detected || code == errc::format_version || code == errc::key_unknown;
}
}  // namespace

TEST_CASE("seal and unseal round-trip; each seal uses a fresh nonce") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("org-2026", 0x10));
  const auto a = seal(known, "employee/42", ring);
  const auto b = seal(known, "employee/42", ring);
  CHECK(a != b);
  CHECK(a.key_id() == "org-2026");
  CHECK(a.version() == 1);
  CHECK(unseal(a, "employee/42", ring) == known);
  CHECK(unseal(b, "employee/42", ring) == known);
  CHECK(a.to_bytes().size() == 2 + 8 + 12 + 12 + 16);
  CHECK(a.to_text().rfind("mns1.", 0) == 0);
  CHECK(sealed_value::parse(a.to_text()) == a);
  CHECK(sealed_value::try_from_bytes(a.to_bytes()).value() == a);
  // The header is readable without the key.
  CHECK(a.to_bytes()[0] == 1);
  CHECK(a.to_bytes()[1] == 8);
}

TEST_CASE("a sealed value cannot be moved to another record") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("k", 0x10));
  const auto sealed = seal(known, "employee/42", ring);
  const auto moved = try_unseal(sealed, "employee/43", ring);
  REQUIRE_FALSE(moved.has_value());
  CHECK(moved.error().code == errc::tamper_detected);
  CHECK(moved.error().message().find("123456789018") == std::string::npos);
}

TEST_CASE("changing any byte of the binary form is detected") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("org-key", 0x10));
  const auto sealed = seal(known, "employee/42", ring);
  const auto original = sealed.to_bytes();
  std::size_t tamper_codes = 0;
  for (std::size_t i = 0; i < original.size(); ++i) {
    for (const int flip : {0x01, 0x80, 0xFF}) {
      auto bytes = original;
      bytes[i] = static_cast<std::uint8_t>(bytes[i] ^ flip);
      CAPTURE(i);
      CAPTURE(flip);
      const auto parsed = sealed_value::try_from_bytes(bytes);
      errc code = errc::ok;
      if (!parsed) {
        code = parsed.error().code;
      } else {
        const auto opened = try_unseal(*parsed, "employee/42", ring);
        REQUIRE_FALSE(opened.has_value());
        code = opened.error().code;
      }
      CHECK(is_detection(code));
      // Past the header (version, length, key id) only the tag check can notice, and it must.
      if (i >= 2 + 7) {
        CHECK(code == errc::tamper_detected);
        ++tamper_codes;
      }
    }
  }
  CHECK(tamper_codes == 3 * (original.size() - 9));
}

TEST_CASE("truncating or extending the binary form is detected") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("org-key", 0x10));
  const auto original = seal(known, "r", ring).to_bytes();
  for (std::size_t n = 0; n < original.size(); ++n) {
    const detail::bytes cut(original.begin(), original.begin() + static_cast<std::ptrdiff_t>(n));
    const auto parsed = sealed_value::try_from_bytes(cut);
    if (parsed) CHECK(try_unseal(*parsed, "r", ring).error().code == errc::tamper_detected);
    else CHECK(is_detection(parsed.error().code));
  }
  auto longer = original;
  longer.push_back(0);
  CHECK(try_unseal(sealed_value::try_from_bytes(longer).value(), "r", ring).error().code == errc::tamper_detected);
}

TEST_CASE("changing any character of the text form is detected") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("org-key", 0x10));
  const std::string text = seal(known, "employee/42", ring).to_text();
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    CAPTURE(i);
    const auto parsed = sealed_value::try_parse(changed);
    if (!parsed) {
      CHECK(is_detection(parsed.error().code));
      continue;
    }
    const auto opened = try_unseal(*parsed, "employee/42", ring);
    REQUIRE_FALSE(opened.has_value());
    CHECK(is_detection(opened.error().code));
  }
}

TEST_CASE("changing any byte of the record id is detected") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("k", 0x10));
  const std::string record = "tenant-7/employee/000042";
  const auto sealed = seal(known, record, ring);
  for (std::size_t i = 0; i < record.size(); ++i) {
    for (const char replacement : {'x', '0', '/'}) {
      if (record[i] == replacement) continue;
      std::string other = record;
      other[i] = replacement;
      CAPTURE(other);
      CHECK(try_unseal(sealed, other, ring).error().code == errc::tamper_detected);
    }
  }
  CHECK(try_unseal(sealed, record + "x", ring).error().code == errc::tamper_detected);
  CHECK(try_unseal(sealed, record.substr(1), ring).error().code == errc::tamper_detected);
  CHECK(unseal(sealed, record, ring) == known);
}

TEST_CASE("keys: unknown id, same id with other bytes") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("k1", 0x10));
  const auto sealed = seal(known, "r", ring);
  const auto other_ring = secure_test::ring_of(secure_test::counting_key("k2", 0x10));
  CHECK(try_unseal(sealed, "r", other_ring).error().code == errc::key_unknown);
  const auto impostor = secure_test::ring_of(secure_test::counting_key("k1", 0x11));
  CHECK(try_unseal(sealed, "r", impostor).error().code == errc::tamper_detected);
  CHECK(try_seal(known, "r", key_ring()).error().code == errc::key_unknown);
}

TEST_CASE("rotation re-seals under the current key; the old key is then no longer needed") {
  auto ring = secure_test::ring_of(secure_test::counting_key("2025", 0x10));
  const auto old_value = seal(known, "employee/42", ring);
  ring.add(secure_test::counting_key("2026", 0x90));
  ring.set_current("2026");
  const auto rotated = reseal(old_value, "employee/42", ring);
  CHECK(rotated.key_id() == "2026");
  const auto only_new = secure_test::ring_of(secure_test::counting_key("2026", 0x90));
  CHECK(unseal(rotated, "employee/42", only_new) == known);
  CHECK(try_unseal(old_value, "employee/42", only_new).error().code == errc::key_unknown);
  // Rotation keeps the record binding.
  CHECK(try_reseal(old_value, "employee/43", ring).error().code == errc::tamper_detected);
}

TEST_CASE("record ids are checked and secrets can be sealed too") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("k", 0x10));
  CHECK(try_seal(known, "", ring).error().code == errc::invalid_argument);
  CHECK(try_seal(known, std::string(1025, 'r'), ring).error().code == errc::invalid_argument);
  const auto number_as_id = try_seal(known, "emp-123456789018", ring);
  REQUIRE_FALSE(number_as_id.has_value());
  CHECK(number_as_id.error().code == errc::invalid_argument);
  CHECK(number_as_id.error().position == 4);
  CHECK(number_as_id.error().message().find("123456789018") == std::string::npos);

  const auto pin = try_seal_secret(secret(std::string_view("4913")), "card/pin", ring);
  REQUIRE(pin.has_value());
  CHECK(try_unseal_secret(*pin, "card/pin", ring).value().view() == "4913");
  const auto not_a_number = try_unseal(*pin, "card/pin", ring);
  CHECK(not_a_number.error().code == errc::invalid_argument);
}

TEST_CASE("malformed sealed texts") {
  CHECK(sealed_value::try_parse("mns2.AQ").error().code == errc::format_version);
  CHECK(sealed_value::try_parse("nope").error().code == errc::tamper_detected);
  CHECK(sealed_value::try_parse("mns1.!!").error().code == errc::tamper_detected);
  CHECK(sealed_value::try_parse("mns1.").error().code == errc::tamper_detected);
}
