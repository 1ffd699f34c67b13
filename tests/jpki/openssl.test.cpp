// Tests for detail/openssl.hpp: RAII owners and draining of the OpenSSL error queue.
#include <mynumber/detail/openssl.hpp>

#include <doctest/doctest.h>

namespace ossl = mynumber::detail;

static_assert(sizeof(ossl::x509) == sizeof(X509*), "the stateless deleter keeps owners pointer-sized");
static_assert(sizeof(ossl::evp_md_ctx) == sizeof(EVP_MD_CTX*));
static_assert(sizeof(ossl::x509_stack) == sizeof(void*));

TEST_CASE("openssl_error drains the whole queue into one typed error") {
  ossl::clear_openssl_errors();
  auto b = ossl::memory_bio("not DER", 7);
  REQUIRE(b.has_value());
  ossl::x509 cert(d2i_X509_bio(b->get(), nullptr));
  CHECK_FALSE(cert);
  REQUIRE(ERR_peek_error() != 0);
  const mynumber::error_info e = ossl::openssl_error(mynumber::errc::certificate_malformed, "d2i_X509");
  CHECK(e.code == mynumber::errc::certificate_malformed);
  CHECK(e.detail.rfind("d2i_X509: ", 0) == 0);
  CHECK(e.detail.find("asn1") != std::string::npos);
  CHECK(ERR_peek_error() == 0);  // nothing stale left
}

TEST_CASE("openssl_error without queued errors keeps only the caller's text") {
  ossl::clear_openssl_errors();
  CHECK(ossl::openssl_error(mynumber::errc::crypto_error, "step").detail == "step");
}

TEST_CASE("error_queue_guard empties the queue at scope end") {
  {
    ossl::error_queue_guard guard;
    ERR_raise(ERR_LIB_X509, X509_R_CERT_ALREADY_IN_HASH_TABLE);
    CHECK(ERR_peek_error() != 0);
  }
  CHECK(ERR_peek_error() == 0);
}

TEST_CASE("drain_openssl_errors keeps a bounded number of entries") {
  for (int i = 0; i < 10; ++i) ERR_raise(ERR_LIB_X509, X509_R_CERT_ALREADY_IN_HASH_TABLE);
  const std::string text = ossl::drain_openssl_errors(3);
  CHECK(text.find("(7 more)") != std::string::npos);
  CHECK(ERR_peek_error() == 0);
}

TEST_CASE("memory BIOs read and write") {
  auto w = ossl::writable_bio();
  REQUIRE(w.has_value());
  REQUIRE(BIO_write(w->get(), "abc", 3) == 3);
  CHECK(ossl::bio_contents(w->get()) == "abc");
}
