// Tests for jpki/signature.hpp: raw card signatures (PKCS#1 v1.5 over a SHA-256 DigestInfo) and
// detached CMS, made here with the generated test keys exactly as a card or a signing tool would.
#include <mynumber/jpki/signature.hpp>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;
namespace ossl = mynumber::detail;

namespace {

ossl::evp_pkey load_key(const std::string& id) {
  const std::string pem = test_pki::read(id + ".key.pem");
  auto b = ossl::memory_bio(pem.data(), pem.size()).value();
  ossl::evp_pkey key(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
  REQUIRE(key);
  return key;
}

// What the card does: the host sends a DigestInfo, the card pads it (PKCS#1 v1.5 type 1) and
// applies the private key. No digest algorithm is known to the card.
std::string card_sign(const std::string& id, const std::string& message) {
  static const unsigned char sha256_prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                                0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
  std::string digest_info(reinterpret_cast<const char*>(sha256_prefix), sizeof sha256_prefix);
  digest_info += detail::sha256(message);
  ossl::evp_pkey key = load_key(id);
  ossl::evp_pkey_ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  REQUIRE(EVP_PKEY_sign_init(ctx.get()) == 1);
  REQUIRE(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1);
  std::size_t size = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(digest_info.data());
  REQUIRE(EVP_PKEY_sign(ctx.get(), nullptr, &size, in, digest_info.size()) == 1);
  std::string sig(size, '\0');
  REQUIRE(EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &size, in, digest_info.size()) == 1);
  sig.resize(size);
  return sig;
}

std::string cms_sign(const std::string& id, const std::string& content, unsigned int extra_flags = 0) {
  const auto cert = certificate::load_file(test_pki::path(id + ".pem"));
  ossl::evp_pkey key = load_key(id);
  auto in = ossl::memory_bio(content.data(), content.size()).value();
  ossl::cms_content_info cms(
      CMS_sign(cert.native(), key.get(), nullptr, in.get(), CMS_DETACHED | CMS_BINARY | extra_flags));
  REQUIRE(cms);
  auto out = ossl::writable_bio().value();
  REQUIRE(i2d_CMS_bio(out.get(), cms.get()) == 1);
  return ossl::bio_contents(out.get());
}

verify_options test_options() {
  verify_options options;
  options.anchors =
      trust_store::try_from_bytes(test_pki::read("sign_root.pem") + test_pki::read("auth_root.pem")).value();
  options.crls = {crl::load_file(test_pki::path("sign_crl.pem")), crl::load_file(test_pki::path("auth_crl.pem"))};
  return options;
}

}  // namespace

TEST_CASE("a raw card signature verifies against its certificate") {
  const std::string message = "申請書 2026-11-27 提出";
  const std::string sig = card_sign("sign_good", message);
  CHECK(sig.size() == 256);
  const auto signer = certificate::load_file(test_pki::path("sign_good.pem"));
  const signature_verification v = verify_raw_signature(signer, message, sig, test_options());
  CHECK(v.ok);
  CHECK(v.signature.reason == "valid");
  REQUIRE(v.certificate_verdict.has_value());
  CHECK(v.certificate_verdict->ok);
  CHECK(verify_raw_signature_digest(signer, detail::sha256(message), sig, test_options()).ok);

  // The user-authentication key signs a login challenge the same way.
  const std::string challenge = "nonce-0123456789";
  CHECK(verify_raw_signature(certificate::load_file(test_pki::path("auth_good.pem")), challenge,
                             card_sign("auth_good", challenge), test_options())
            .ok);
}

TEST_CASE("raw signatures: wrong data, tampering, wrong key and bad sizes fail") {
  const std::string message = "data";
  const std::string sig = card_sign("sign_good", message);
  const auto signer = certificate::load_file(test_pki::path("sign_good.pem"));
  const auto options = test_options();

  signature_verification v = verify_raw_signature(signer, "Data", sig, options);
  CHECK_FALSE(v.ok);
  CHECK(v.signature.reason == "bad_signature");
  CHECK(v.certificate_verdict->ok);  // the certificate itself is fine

  std::string flipped = sig;
  flipped[100] = static_cast<char>(flipped[100] ^ 0x40);
  CHECK(verify_raw_signature(signer, message, flipped, options).signature.reason == "bad_signature");
  CHECK(verify_raw_signature(signer, message, sig.substr(0, 255), options).signature.reason == "bad_signature");
  CHECK(verify_raw_signature(certificate::load_file(test_pki::path("sign_good_heisei.pem")), message, sig, options)
            .signature.reason == "bad_signature");
  CHECK(verify_raw_signature_digest(signer, "short", sig, options).signature.reason == "bad_digest");
  CHECK(ERR_peek_error() == 0);
}

TEST_CASE("a valid signature by a revoked or expired certificate is not ok") {
  const std::string message = "contract";
  const signature_verification revoked =
      verify_raw_signature(certificate::load_file(test_pki::path("sign_revoked.pem")), message,
                           card_sign("sign_revoked", message), test_options());
  CHECK(revoked.signature.outcome == check_outcome::passed);
  CHECK_FALSE(revoked.ok);
  CHECK(revoked.certificate_verdict->first_failure()->reason == "revoked");

  const signature_verification expired =
      verify_raw_signature(certificate::load_file(test_pki::path("sign_expired.pem")), message,
                           card_sign("sign_expired", message), test_options());
  CHECK_FALSE(expired.ok);
  CHECK(expired.certificate_verdict->first_failure()->reason == "expired");
}

TEST_CASE("detached CMS signatures verify, with the signer certificate from the CMS or the caller") {
  const std::string content = "請求書PDFの中身\x00\x01\x02";
  const std::string cms = cms_sign("sign_good", content);
  signature_verification v = verify_cms_detached(cms, content, test_options());
  CHECK(v.ok);
  REQUIRE(v.signer.has_value());
  CHECK(v.signer->info().serial_hex == test_pki::cert_entry("sign_good")["serial_hex"].text);

  v = verify_cms_detached(cms, content + "!", test_options());
  CHECK_FALSE(v.ok);
  CHECK(v.signature.reason == "bad_signature");

  const std::string bare = cms_sign("sign_good", content, CMS_NOCERTS);
  CHECK(verify_cms_detached(bare, content, test_options()).signature.reason == "no_signer");
  CHECK(
      verify_cms_detached(bare, content, test_options(), {certificate::load_file(test_pki::path("sign_good.pem"))}).ok);

  const signature_verification wrong_policy =
      verify_cms_detached(cms_sign("sign_wrong_policy", content), content, test_options());
  CHECK(wrong_policy.signature.outcome == check_outcome::passed);
  CHECK_FALSE(wrong_policy.ok);
  CHECK(wrong_policy.certificate_verdict->first_failure()->name == "policy");
}

TEST_CASE("malformed CMS input is reported, never a crash") {
  for (const std::string& bad : {std::string(), std::string("junk"), cms_sign("sign_good", "x").substr(0, 100)}) {
    const signature_verification v = verify_cms_detached(bad, "x", test_options());
    CHECK_FALSE(v.ok);
    CHECK(v.signature.reason == "malformed");
  }
  CHECK(ERR_peek_error() == 0);
}
