// File: jpki/crl.hpp — a certificate revocation list (CRL) supplied by the caller, DER or PEM.
// JPKI has no public CRL or OCSP: only verifiers certified by the Minister get access
// (card_jpki.md §2.2, 公的個人認証法 17条), so this library never fetches one.
#ifndef MYNUMBER_JPKI_CRL_HPP
#define MYNUMBER_JPKI_CRL_HPP

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificate.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// One revoked certificate.
struct revoked_entry {
  std::string serial_hex;
  instant revocation_date{};
  std::string reason;  // RFC 5280 CRLReason name, "" when the entry has none
};

// An immutable, cheaply copyable CRL.
class crl {
 public:
  // DER or PEM ("X509 CRL"). errc::crl_malformed.
  [[nodiscard]] static result<crl> try_parse(std::string_view bytes) {
    mynumber::detail::clear_openssl_errors();
    mynumber::detail::error_queue_guard guard;  // OpenSSL may queue errors even on success
    mynumber::detail::x509_crl handle;
    if (bytes.find("-----BEGIN") != std::string_view::npos) {
      auto b = mynumber::detail::memory_bio(bytes.data(), bytes.size());
      if (!b) return b.error();
      handle.reset(PEM_read_bio_X509_CRL(b->get(), nullptr, nullptr, nullptr));
    } else {
      const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
      handle.reset(d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size())));
      if (handle && p != reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size()) {
        return error_info{errc::crl_malformed, no_position, -1, "trailing bytes after the DER CRL"};
      }
    }
    if (!handle) return mynumber::detail::openssl_error(errc::crl_malformed, "CRL");
    return crl(std::move(handle));
  }

  // Reads a file. errc::io or errc::crl_malformed (naming the file).
  [[nodiscard]] static result<crl> try_load_file(const std::string& path) {
    auto bytes = certificate::read_file(path);
    if (!bytes) return bytes.error();
    auto out = try_parse(*bytes);
    if (!out) return error_info{out.error().code, no_position, -1, path + ": " + out.error().detail};
    return out;
  }

  [[nodiscard]] static crl parse(std::string_view bytes) { return try_parse(bytes).value(); }
  [[nodiscard]] static crl load_file(const std::string& path) { return try_load_file(path).value(); }

  [[nodiscard]] const std::string& issuer() const noexcept { return data_->issuer; }
  [[nodiscard]] instant this_update() const noexcept { return data_->this_update; }
  // Absent when the CRL has no nextUpdate (RFC 5280 requires one; such a CRL is never current).
  [[nodiscard]] const std::optional<instant>& next_update() const noexcept { return data_->next_update; }
  [[nodiscard]] const std::vector<revoked_entry>& entries() const noexcept { return data_->entries; }
  [[nodiscard]] X509_CRL* native() const noexcept { return data_->handle.get(); }

  // The entry for a certificate's serial number, if listed.
  [[nodiscard]] const revoked_entry* find(const certificate& cert) const {
    for (const auto& e : data_->entries) {
      if (e.serial_hex == cert.info().serial_hex) return &e;
    }
    return nullptr;
  }

  // True when `issuer_cert` has the CRL's issuer name and its key verifies the CRL signature.
  [[nodiscard]] bool signed_by(const certificate& issuer_cert) const {
    mynumber::detail::error_queue_guard guard;
    if (X509_NAME_cmp(X509_CRL_get_issuer(native()), X509_get_subject_name(issuer_cert.native())) != 0) return false;
    EVP_PKEY* key = X509_get0_pubkey(issuer_cert.native());
    return key != nullptr && X509_CRL_verify(native(), key) == 1;
  }

 private:
  struct state {
    mynumber::detail::x509_crl handle;
    std::string issuer;
    instant this_update{};
    std::optional<instant> next_update;
    std::vector<revoked_entry> entries;
  };

  explicit crl(mynumber::detail::x509_crl handle) : data_(std::make_shared<state>()) {
    mynumber::detail::error_queue_guard guard;
    data_->handle = std::move(handle);
    X509_CRL* c = data_->handle.get();
    data_->issuer = detail::name_text(X509_CRL_get_issuer(c));
    (void)detail::to_instant(X509_CRL_get0_lastUpdate(c), data_->this_update);
    instant next{};
    if (detail::to_instant(X509_CRL_get0_nextUpdate(c), next)) data_->next_update = next;
    STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(c);
    for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
      const X509_REVOKED* r = sk_X509_REVOKED_value(revoked, i);
      revoked_entry entry;
      mynumber::detail::bignum bn(ASN1_INTEGER_to_BN(X509_REVOKED_get0_serialNumber(r), nullptr));
      if (bn) {
        mynumber::detail::openssl_string hex(BN_bn2hex(bn.get()));
        if (hex) entry.serial_hex = hex.get();
      }
      (void)detail::to_instant(X509_REVOKED_get0_revocationDate(r), entry.revocation_date);
      int crit = 0;
      auto* reason = static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(r, NID_crl_reason, &crit, nullptr));
      if (reason != nullptr) {
        entry.reason = reason_name(ASN1_ENUMERATED_get(reason));
        ASN1_ENUMERATED_free(reason);
      }
      data_->entries.push_back(std::move(entry));
    }
  }

  // RFC 5280 §5.3.1 names; the J-LIS CPS meanings are in card_jpki.md §2.2 (e.g. affiliationChanged
  // = 記載内容変更, superseded = 更新).
  static std::string reason_name(long code) {
    static constexpr const char* names[] = {"unspecified",        "keyCompromise", "cACompromise",
                                            "affiliationChanged", "superseded",    "cessationOfOperation",
                                            "certificateHold",    "(unused 7)",    "removeFromCRL",
                                            "privilegeWithdrawn", "aACompromise"};
    if (code >= 0 && code <= 10) return names[code];
    return "code " + std::to_string(code);
  }

  std::shared_ptr<state> data_;
};

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_CRL_HPP
