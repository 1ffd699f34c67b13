// Tests of secure/key.hpp: key entries, rings, current key, files and the environment.
#include <doctest/doctest.h>

#include <mynumber/secure/key.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "secure_test_support.hpp"

using namespace mynumber;

namespace {
const std::string hex_a = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string hex_b = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
}  // namespace

TEST_CASE("key ids") {
  CHECK(validate_key_id("org-2026_a").has_value());
  CHECK(validate_key_id(std::string(64, 'k')).has_value());
  CHECK(validate_key_id("").error().code == errc::key_invalid);
  CHECK(validate_key_id(std::string(65, 'k')).error().code == errc::key_invalid);
  const auto dot = validate_key_id("org.2026");
  CHECK(dot.error().code == errc::key_invalid);
  CHECK(dot.error().position == 3);
}

TEST_CASE("key entries parse, export and reject bad material without quoting it") {
  const auto key = symmetric_key::try_parse_entry("mnk1:org-a:" + hex_a);
  REQUIRE(key.has_value());
  CHECK(key->id() == "org-a");
  CHECK(key->material().size() == 32);
  CHECK(key->material().data()[31] == 0x1f);
  CHECK(key->export_entry() == "mnk1:org-a:" + hex_a);

  const std::string upper =
      "mnk1:org-a:" + std::string("000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f");
  for (const std::string& bad : {std::string("mnk2:org-a:") + hex_a, "mnk1:org-a:" + hex_a.substr(2), upper,
                                 "mnk1:org-a" + hex_a, "mnk1:org.a:" + hex_a}) {
    CAPTURE(bad);
    const auto r = symmetric_key::try_parse_entry(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::key_invalid);
    CHECK(r.error().message().find("0a0b0c0d") == std::string::npos);
    CHECK(r.error().message().find("0A0B0C0D") == std::string::npos);
  }
  CHECK(symmetric_key::try_make("k", secret(std::string_view("short"))).error().code == errc::key_invalid);
}

TEST_CASE("generated keys are random and well-formed") {
  const auto a = symmetric_key::generate("gen");
  const auto b = symmetric_key::generate("gen");
  CHECK(a.material().size() == 32);
  CHECK(a.material() != b.material());
  const auto back = symmetric_key::try_parse_entry(a.export_entry());
  REQUIRE(back.has_value());
  CHECK(back->material() == a.material());
}

TEST_CASE("a ring: first key current, lookup, duplicates, set_current") {
  auto ring = key_ring::try_parse("# organisation keys\nmnk1:new:" + hex_b + "\n\nmnk1:old:" + hex_a + "  # retired\n");
  REQUIRE(ring.has_value());
  CHECK(ring->size() == 2);
  CHECK(ring->current().id() == "new");
  CHECK(ring->find("old") != nullptr);
  CHECK(ring->find("none") == nullptr);
  CHECK(ring->try_get("none").error().code == errc::key_unknown);
  CHECK(ring->ids() == std::vector<std::string>{"new", "old"});
  ring->set_current("old");
  CHECK(ring->current().id() == "old");
  CHECK(ring->try_set_current("none").error().code == errc::key_unknown);

  const auto dup = key_ring::try_parse("mnk1:a:" + hex_a + ";mnk1:a:" + hex_b);
  REQUIRE_FALSE(dup.has_value());
  CHECK(dup.error().code == errc::key_invalid);

  const auto bad_line = key_ring::try_parse("mnk1:a:" + hex_a + "\nmnk1:b:zz\n");
  REQUIRE_FALSE(bad_line.has_value());
  CHECK(bad_line.error().position == 2);

  CHECK(key_ring::try_parse("  # nothing\n").error().code == errc::key_invalid);
  CHECK(key_ring().try_current().error().code == errc::key_unknown);
}

TEST_CASE("key files: read when private, refused when other users can read them") {
  const auto dir = secure_test::work_dir("keys");
  const auto path = dir / "org.keys";
  secure_test::write_file(path, "mnk1:org:" + hex_a + "\n");
  namespace fs = std::filesystem;
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  const auto ring = key_ring::try_load_file(path);
  REQUIRE(ring.has_value());
  CHECK(ring->current().id() == "org");

  fs::permissions(path, fs::perms::others_read, fs::perm_options::add);
  const auto open = key_ring::try_load_file(path);
  REQUIRE_FALSE(open.has_value());
  CHECK(open.error().code == errc::key_invalid);
  CHECK(open.error().detail.find("chmod 600") != std::string::npos);

  CHECK(key_ring::try_load_file(dir / "missing.keys").error().code == errc::io);
}

TEST_CASE("keys from the environment") {
  const std::string value = "mnk1:env-b:" + hex_b + ";mnk1:env-a:" + hex_a;
  REQUIRE(setenv("MYNUMBER_TEST_KEYS", value.c_str(), 1) == 0);
  const auto ring = key_ring::try_from_env("MYNUMBER_TEST_KEYS");
  REQUIRE(ring.has_value());
  CHECK(ring->current().id() == "env-b");
  CHECK(ring->size() == 2);
  unsetenv("MYNUMBER_TEST_KEYS");
  const auto missing = key_ring::try_from_env("MYNUMBER_TEST_KEYS");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().detail.find("MYNUMBER_TEST_KEYS") != std::string::npos);
}

TEST_CASE("a key prints its id only") {
  std::ostringstream os;
  os << secure_test::counting_key("printed", 0);
  CHECK(os.str() == "key printed");
}
