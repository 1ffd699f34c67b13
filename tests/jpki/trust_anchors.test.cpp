// Tests for jpki/trust_anchors.hpp: the embedded J-LIS roots equal the files in data/jpki/.
#include <mynumber/jpki/trust_anchors.hpp>

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;

TEST_CASE("the embedded roots are byte-identical to data/jpki/") {
  const trust_store store = trust_store::jlis();
  REQUIRE(store.certificates().size() == 4);
  std::size_t i = 0;
  for (const auto& root : jlis_roots) {
    CAPTURE(root.file);
    const auto reference = certificate::load_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/" + std::string(root.file));
    const certificate& embedded = store.certificates()[i++];
    CHECK(embedded.to_der() == reference.to_der());
    CHECK(embedded.info().sha256_fingerprint == root.sha256_fingerprint);
    CHECK(embedded.kind() == certificate_kind::ca);
  }
}

TEST_CASE("the fingerprints in data/jpki/README.md match the embedded roots") {
  const std::string readme = test_support::read_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/README.md");
  for (const auto& root : jlis_roots) CHECK(readme.find(std::string(root.sha256_fingerprint)) != std::string::npos);
}

TEST_CASE("a caller-supplied store from a directory or a bundle") {
  const std::filesystem::path dir = std::filesystem::path(MYNUMBER_TEST_WORK_DIR) / "anchors";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(test_pki::path("sign_root.pem"), dir / "sign_root.pem");
  std::filesystem::copy_file(test_pki::path("auth_root.der"), dir / "auth_root.der");
  std::filesystem::copy_file(test_pki::path("sign_root.key.pem"),
                             dir / "sign_root.key.pem");  // skipped: no certificate
  const auto store = trust_store::try_from_path(dir.string());
  REQUIRE(store.has_value());
  CHECK(store->certificates().size() == 2);

  std::filesystem::copy_file(test_pki::path("sign_truncated.der"), dir / "broken.der");
  const auto broken = trust_store::try_from_path(dir.string());
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().code == mynumber::errc::certificate_malformed);
  CHECK(broken.error().detail.find("broken.der") != std::string::npos);

  const auto missing = trust_store::try_from_path((dir / "none").string());
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == mynumber::errc::io);

  const auto bundle = trust_store::try_from_bytes(test_pki::read("sign_root.pem") + test_pki::read("auth_root.pem"));
  REQUIRE(bundle.has_value());
  CHECK(bundle->certificates().size() == 2);
}
