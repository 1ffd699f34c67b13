// File: jpki/verify.hpp — strict verification of a JPKI certificate, returned as a structured
// verdict: overall ok plus every check with its outcome and reason (never just a bool).
//
// Checks, in order (names are stable; the test-PKI manifest and the bindings use them):
//   parse       the bytes decode as a certificate (verify_bytes only)
//   kind        a JPKI signature, user-authentication or CA certificate (and the expected kind)
//   chain       a path to a trust anchor (default: the embedded J-LIS roots), signatures and CA
//               validity included, at the chosen instant
//   validity    notBefore <= at <= notAfter of the certificate itself
//   key_usage   signature: digitalSignature + nonRepudiation; authentication: digitalSignature;
//               CA: keyCertSign (card_jpki.md §2.1–2.2)
//   policy      signature: 1.2.392.200149.8.5.1.1.20 (test hierarchy: .0.20); authentication:
//               1.2.392.200149.8.5.1.3.30 (UNCONFIRMED in the reference); CA: not required
//   revocation  against the caller's CRLs only (JPKI has no public CRL; nothing is fetched); each
//               CRL's own validity and signature are reported in `crls`
#ifndef MYNUMBER_JPKI_VERIFY_HPP
#define MYNUMBER_JPKI_VERIFY_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificate.hpp"
#include "crl.hpp"
#include "trust_anchors.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

enum class check_outcome : int { passed = 0, failed = 1, skipped = 2, warning = 3 };

[[nodiscard]] constexpr std::string_view to_string(check_outcome o) noexcept {
  switch (o) {
    case check_outcome::passed: return "passed";
    case check_outcome::failed: return "failed";
    case check_outcome::skipped: return "skipped";
    case check_outcome::warning: return "warning";
  }
  return "failed";
}

// One check. `reason` is one stable word ("expired", "revoked", "missing", "not_trusted", ...);
// `detail` is an English sentence for people.
struct check_result {
  std::string name;
  check_outcome outcome = check_outcome::failed;
  std::string reason;
  std::string detail;
};

// What was learnt about one supplied CRL.
struct crl_report {
  std::string issuer;
  instant this_update{};
  std::optional<instant> next_update;
  bool applies = false;  // issued by the certificate's issuer (name match)
  // "current", "stale" (past nextUpdate), "not_yet_valid", "no_next_update", "bad_signature"
  // (no trust anchor or intermediate signed it), or "other_issuer".
  std::string status;
};

struct verification {
  bool ok = false;
  certificate_kind kind = certificate_kind::not_jpki;
  instant at{};
  std::vector<check_result> checks;
  std::vector<crl_report> crls;
  std::vector<std::string> chain;  // subjects from the certificate up to the anchor, when built

  // The named check, or nullptr.
  [[nodiscard]] const check_result* find(std::string_view name) const noexcept {
    for (const auto& c : checks) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }
  // The first failed check, or nullptr when ok.
  [[nodiscard]] const check_result* first_failure() const noexcept {
    for (const auto& c : checks) {
      if (c.outcome == check_outcome::failed) return &c;
    }
    return nullptr;
  }
};

struct verify_options {
  std::optional<trust_store> anchors;        // empty: the embedded J-LIS roots
  std::vector<certificate> intermediates;    // untrusted helpers for path building
  std::vector<crl> crls;                     // revocation data; none = revocation "skipped"
  std::optional<instant> at;                 // empty: now
  std::optional<certificate_kind> expected;  // e.g. signature for a signing flow
  bool require_revocation = false;           // no usable CRL becomes a failure
};

namespace detail {

struct chain_error {
  int code = X509_V_OK;
  int depth = -1;
};

// Records the first chain error; the certificate's own validity period is left to the
// "validity" check so each failure is reported once, under its own name.
inline int record_chain_error(int ok, X509_STORE_CTX* ctx) {
  if (ok == 1) return 1;
  const int error = X509_STORE_CTX_get_error(ctx);
  const int depth = X509_STORE_CTX_get_error_depth(ctx);
  if (depth == 0 && (error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID)) return 1;
  auto* out = static_cast<chain_error*>(X509_STORE_CTX_get_ex_data(ctx, 0));
  if (out != nullptr && out->code == X509_V_OK) {
    out->code = error;
    out->depth = depth;
  }
  return 0;
}

[[nodiscard]] inline std::string chain_reason(int code, int depth) {
  switch (code) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED: return "not_trusted";
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: return "bad_signature";
    case X509_V_ERR_CERT_HAS_EXPIRED: return depth > 0 ? "ca_expired" : "expired";
    case X509_V_ERR_CERT_NOT_YET_VALID: return depth > 0 ? "ca_not_yet_valid" : "not_yet_valid";
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN: return "invalid_ca";
    case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION: return "unhandled_critical_extension";
    default: return "openssl_error";
  }
}

inline check_result check_kind(const certificate& cert, const verify_options& options) {
  const certificate_info& info = cert.info();
  if (info.kind == certificate_kind::not_jpki) {
    return {"kind", check_outcome::failed, "not_jpki",
            "neither the issuer nor a policy OID identifies a JPKI certificate (issuer " + info.issuer + ")"};
  }
  if (options.expected && *options.expected != info.kind) {
    return {"kind", check_outcome::failed, "wrong_kind",
            "expected a " + std::string(to_string(*options.expected)) + " certificate, got " +
                std::string(to_string(info.kind))};
  }
  return {"kind", check_outcome::passed, std::string(to_string(info.kind)),
          std::string(japanese_name(info.kind)) + " (decided by " + info.decided_by + ")" +
              (info.test_hierarchy ? ", test hierarchy O=JPKI-TEST" : "")};
}

inline check_result check_chain(const certificate& cert, const trust_store& anchors, const verify_options& options,
                                instant at, std::vector<std::string>& chain_out) {
  mynumber::detail::error_queue_guard guard;
  mynumber::detail::x509_store store(X509_STORE_new());
  mynumber::detail::x509_stack untrusted(sk_X509_new_null());
  mynumber::detail::x509_store_ctx ctx(X509_STORE_CTX_new());
  if (!store || !untrusted || !ctx) {
    return {"chain", check_outcome::failed, "openssl_error",
            mynumber::detail::openssl_error(errc::crypto_error, "X509_STORE").detail};
  }
  // A certificate that is itself an anchor is trusted as such. (Looking it up by name would not
  // do: the J-LIS generations share one DN, card_jpki.md §2.1.)
  for (const auto& anchor : anchors.certificates()) {
    if (X509_cmp(anchor.native(), cert.native()) == 0) {
      chain_out.push_back(cert.info().subject);
      return {"chain", check_outcome::passed, "trust_anchor", "the certificate is one of the trust anchors"};
    }
  }
  for (const auto& anchor : anchors.certificates()) {
    if (X509_STORE_add_cert(store.get(), anchor.native()) != 1) mynumber::detail::clear_openssl_errors();
  }
  for (const auto& extra : options.intermediates) {
    if (X509_up_ref(extra.native()) != 1 || sk_X509_push(untrusted.get(), extra.native()) <= 0) {
      return {"chain", check_outcome::failed, "openssl_error", "cannot collect intermediates"};
    }
  }
  if (X509_STORE_CTX_init(ctx.get(), store.get(), cert.native(), untrusted.get()) != 1) {
    return {"chain", check_outcome::failed, "openssl_error",
            mynumber::detail::openssl_error(errc::crypto_error, "X509_STORE_CTX_init").detail};
  }
  X509_STORE_CTX_set_time(ctx.get(), 0, to_time_t(at));
  chain_error error;
  X509_STORE_CTX_set_ex_data(ctx.get(), 0, &error);
  X509_STORE_CTX_set_verify_cb(ctx.get(), &record_chain_error);
  const int verified = X509_verify_cert(ctx.get());
  if (STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get())) {
    for (int i = 0; i < sk_X509_num(chain); ++i)
      chain_out.push_back(name_text(X509_get_subject_name(sk_X509_value(chain, i))));
  }
  if (verified == 1 && error.code == X509_V_OK) {
    return {"chain", check_outcome::passed, "trusted",
            "chains to " + (chain_out.empty() ? std::string("a trust anchor") : chain_out.back())};
  }
  if (error.code == X509_V_OK) error.code = X509_STORE_CTX_get_error(ctx.get());
  return {"chain", check_outcome::failed, chain_reason(error.code, error.depth),
          std::string(X509_verify_cert_error_string(error.code)) + " (depth " + std::to_string(error.depth) + ")"};
}

inline check_result check_validity(const certificate& cert, instant at) {
  const certificate_info& info = cert.info();
  if (at < info.not_before) {
    return {"validity", check_outcome::failed, "not_yet_valid", "not valid before " + info.not_before_jst()};
  }
  if (at > info.not_after) return {"validity", check_outcome::failed, "expired", "expired at " + info.not_after_jst()};
  return {"validity", check_outcome::passed, "within", info.not_before_jst() + " to " + info.not_after_jst()};
}

inline check_result check_key_usage(const certificate& cert) {
  const certificate_info& info = cert.info();
  const key_usage& u = info.usage;
  if (info.kind == certificate_kind::not_jpki)
    return {"key_usage", check_outcome::skipped, "not_jpki", "no JPKI profile applies"};
  if (!u.present) return {"key_usage", check_outcome::failed, "missing", "no (readable) keyUsage extension"};
  std::string missing;
  std::string unexpected;
  auto need = [&](bool have, const char* name) {
    if (!have) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  auto forbid = [&](bool have, const char* name) {
    if (have) unexpected += (unexpected.empty() ? "" : ", ") + std::string(name);
  };
  if (info.kind == certificate_kind::signature) {
    need(u.digital_signature, "digitalSignature");
    need(u.non_repudiation, "nonRepudiation");
  } else if (info.kind == certificate_kind::authentication) {
    need(u.digital_signature, "digitalSignature");
  } else {
    need(u.key_cert_sign, "keyCertSign");
  }
  if (info.kind != certificate_kind::ca) {
    forbid(u.key_cert_sign, "keyCertSign");
    forbid(u.crl_sign, "cRLSign");
    forbid(u.key_encipherment, "keyEncipherment");
    forbid(u.data_encipherment, "dataEncipherment");
    forbid(u.key_agreement, "keyAgreement");
  }
  if (!missing.empty()) {
    return {"key_usage", check_outcome::failed, "missing",
            "a " + std::string(to_string(info.kind)) + " certificate needs " + missing};
  }
  if (!unexpected.empty()) {
    return {"key_usage", check_outcome::warning, "unexpected", "bits outside the JPKI profile: " + unexpected};
  }
  if (!u.critical) return {"key_usage", check_outcome::warning, "not_critical", "keyUsage is not marked critical"};
  std::string names;
  for (const auto& n : u.names()) names += (names.empty() ? "" : ", ") + n;
  return {"key_usage", check_outcome::passed, "as_required", names};
}

inline check_result check_policy(const certificate& cert) {
  const certificate_info& info = cert.info();
  if (info.kind == certificate_kind::ca) return {"policy", check_outcome::skipped, "not_required", "CA certificate"};
  if (info.kind == certificate_kind::not_jpki)
    return {"policy", check_outcome::skipped, "not_jpki", "no JPKI profile applies"};
  const std::string_view required = info.kind == certificate_kind::authentication ? oid::policy_auth
                                    : info.test_hierarchy                         ? oid::policy_sign_test
                                                                                  : oid::policy_sign;
  for (const auto& p : info.policies) {
    if (p == required) return {"policy", check_outcome::passed, "present", p};
  }
  std::string found;
  for (const auto& p : info.policies) found += (found.empty() ? "" : ", ") + p;
  return {"policy", check_outcome::failed, "missing",
          "needs " + std::string(required) + "; found " + (found.empty() ? std::string("none") : found)};
}

inline check_result check_revocation(const certificate& cert, const trust_store& anchors, const verify_options& options,
                                     instant at, std::vector<crl_report>& reports) {
  const certificate_info& info = cert.info();
  bool any_current = false;
  const revoked_entry* listed = nullptr;
  std::string best_failure;
  for (const auto& list : options.crls) {
    crl_report report;
    report.issuer = list.issuer();
    report.this_update = list.this_update();
    report.next_update = list.next_update();
    {
      mynumber::detail::error_queue_guard guard;
      report.applies = X509_NAME_cmp(X509_CRL_get_issuer(list.native()), X509_get_issuer_name(cert.native())) == 0;
    }
    if (!report.applies) {
      report.status = "other_issuer";
      reports.push_back(std::move(report));
      continue;
    }
    bool signature_ok = false;
    for (const auto& a : anchors.certificates()) signature_ok = signature_ok || list.signed_by(a);
    for (const auto& a : options.intermediates) signature_ok = signature_ok || list.signed_by(a);
    if (!signature_ok) {
      report.status = "bad_signature";
    } else if (at < report.this_update) {
      report.status = "not_yet_valid";
    } else if (!report.next_update) {
      report.status = "no_next_update";
    } else if (at > *report.next_update) {
      report.status = "stale";
    } else {
      report.status = "current";
    }
    if (signature_ok) {
      // A revocation seen in any authentic CRL stands, even in an older one.
      if (const revoked_entry* e = list.find(cert)) listed = e;
      if (report.status == "current") any_current = true;
    }
    if (report.status != "current" && best_failure.empty()) best_failure = report.status;
    reports.push_back(std::move(report));
  }
  if (info.kind == certificate_kind::ca) {
    return {"revocation", check_outcome::skipped, "not_applicable", "trust anchors are not checked against CRLs"};
  }
  if (listed != nullptr) {
    return {"revocation", check_outcome::failed, "revoked",
            "revoked on " + format_jst(listed->revocation_date) +
                (listed->reason.empty() ? std::string() : " (" + listed->reason + ")")};
  }
  if (any_current) return {"revocation", check_outcome::passed, "not_listed", "not listed in a current CRL"};
  if (!best_failure.empty()) {
    return {"revocation", check_outcome::failed, "crl_" + best_failure,
            "no current, authentic CRL of the issuer (" + best_failure + ")"};
  }
  if (options.require_revocation) {
    return {"revocation", check_outcome::failed, "no_crl", "no CRL of the issuer was supplied"};
  }
  return {"revocation", check_outcome::skipped, "no_crl",
          "no CRL of the issuer was supplied (JPKI publishes none; nothing was fetched)"};
}

}  // namespace detail

// Runs every check on a parsed certificate. Never throws except std::bad_alloc.
[[nodiscard]] inline verification verify(const certificate& cert, const verify_options& options = {}) {
  verification out;
  out.kind = cert.kind();
  out.at = options.at ? *options.at : now();
  const trust_store defaults = options.anchors ? trust_store{} : trust_store::jlis();
  const trust_store& anchors = options.anchors ? *options.anchors : defaults;
  out.checks.push_back(detail::check_kind(cert, options));
  out.checks.push_back(detail::check_chain(cert, anchors, options, out.at, out.chain));
  out.checks.push_back(detail::check_validity(cert, out.at));
  out.checks.push_back(detail::check_key_usage(cert));
  out.checks.push_back(detail::check_policy(cert));
  out.checks.push_back(detail::check_revocation(cert, anchors, options, out.at, out.crls));
  out.ok = out.first_failure() == nullptr;
  return out;
}

// Parses DER or PEM bytes, then verifies. A parse failure is the failed "parse" check (reason
// "truncated" or "malformed"), so callers get one verdict shape for every input.
[[nodiscard]] inline verification verify_bytes(std::string_view bytes, const verify_options& options = {}) {
  auto cert = certificate::try_parse(bytes);
  if (!cert) {
    verification out;
    out.at = options.at ? *options.at : now();
    const bool truncated = cert.error().detail.rfind("truncated", 0) == 0;
    out.checks.push_back(
        {"parse", check_outcome::failed, truncated ? "truncated" : "malformed", cert.error().message()});
    return out;
  }
  verification out = verify(*cert, options);
  out.checks.insert(out.checks.begin(),
                    check_result{"parse", check_outcome::passed, "parsed", cert->info().sha256_fingerprint});
  return out;
}

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_VERIFY_HPP
