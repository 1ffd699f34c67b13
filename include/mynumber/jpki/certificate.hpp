// File: jpki/certificate.hpp — read a JPKI certificate (DER or PEM), classify it and extract its
// fields: serial (発行番号), validity in JST, subject localities, key, key usage, policies, CRL
// distribution points and, from a signature certificate, the four basic attributes.
// Profile facts: docs/jpki.md and data/jpki/profile_oids.tsv. Parsing never throws on bad input through
// the try_ API; a malformed or unexpected extension becomes a warning in certificate_info (and a
// typed error from try_basic_info when it is the basic attributes).
#ifndef MYNUMBER_JPKI_CERTIFICATE_HPP
#define MYNUMBER_JPKI_CERTIFICATE_HPP

#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/openssl.hpp"
#include "basic_info.hpp"
#include "detail/asn1.hpp"
#include "oids.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// One piece of evidence for the kind of a certificate: where it was found and what it says.
struct kind_evidence {
  std::string source;  // "issuer", "subject", "basic_constraints", "policy", "key_usage", "subject_alt_name"
  certificate_kind says = certificate_kind::not_jpki;
  std::string detail;  // the value that was read, e.g. the policy OID
};

// The KeyUsage extension (RFC 5280 §4.2.1.3) as flags.
struct key_usage {
  bool present = false, critical = false;
  bool digital_signature = false, non_repudiation = false, key_encipherment = false, data_encipherment = false,
       key_agreement = false, key_cert_sign = false, crl_sign = false, encipher_only = false, decipher_only = false;

  // RFC 5280 names of the bits that are set, in bit order.
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    const std::pair<bool, const char*> bits[] = {{digital_signature, "digitalSignature"},
                                                 {non_repudiation, "nonRepudiation"},
                                                 {key_encipherment, "keyEncipherment"},
                                                 {data_encipherment, "dataEncipherment"},
                                                 {key_agreement, "keyAgreement"},
                                                 {key_cert_sign, "keyCertSign"},
                                                 {crl_sign, "cRLSign"},
                                                 {encipher_only, "encipherOnly"},
                                                 {decipher_only, "decipherOnly"}};
    for (const auto& [set, name] : bits) {
      if (set) out.emplace_back(name);
    }
    return out;
  }
};

// Everything extracted from one certificate. Public data except `basic` (personal data).
struct certificate_info {
  certificate_kind kind = certificate_kind::not_jpki;
  jpki_purpose purpose = jpki_purpose::none;  // the service (sign / auth) of the issuing CA
  std::string decided_by;                     // the evidence source that decided `kind`
  std::vector<kind_evidence> evidence;        // all evidence found, in the order it was checked
  bool test_hierarchy = false;                // issued under O=JPKI-TEST (test cards)

  std::string serial_hex;      // 発行番号, uppercase hex without leading zero bytes
  std::string serial_decimal;  // the same number in decimal
  instant not_before{}, not_after{};

  std::string subject, issuer;          // RFC 2253, UTF-8
  std::vector<std::string> localities;  // subject L values in order: prefecture, then city
  std::string prefecture, city;         // localities[0] and [1] when present (romaji, e.g. "Tokyo-to")
  std::string common_name;              // subject CN (an opaque identifier in JPKI)

  std::string key_algorithm;  // "RSA", "EC", ...
  int key_bits = 0;
  jpki::key_usage usage;
  bool is_ca = false;                                // basicConstraints CA:TRUE
  std::vector<std::string> policies;                 // certificatePolicies OIDs
  std::vector<std::string> crl_distribution_points;  // "URI:..." or "DirName:<RFC 2253>"
  std::string sha256_fingerprint;                    // colon-separated uppercase hex of the DER

  std::optional<basic_info> basic;  // signature certificates with well-formed attributes only
  std::vector<std::string> warnings;

  [[nodiscard]] std::string not_before_jst() const { return format_jst(not_before); }
  [[nodiscard]] std::string not_after_jst() const { return format_jst(not_after); }
};

namespace detail {

struct x509_ref_free {
  void operator()(X509* p) const noexcept { X509_free(p); }
};

// Reads an optional extension; `malformed` is set when it is present but does not decode.
template <class T>
[[nodiscard]] T* extension(X509* cert, int nid, bool& present, bool& critical, bool& malformed) {
  mynumber::detail::error_queue_guard guard;
  int crit = -1;
  void* value = X509_get_ext_d2i(cert, nid, &crit, nullptr);
  present = crit != -1;
  critical = crit == 1;
  malformed = value == nullptr && crit >= 0;
  if (crit == -2) malformed = true;  // more than one occurrence
  return static_cast<T*>(value);
}

[[nodiscard]] inline jpki_purpose purpose_of(const X509_NAME* name, bool& test) {
  test = false;
  const auto orgs = name_entries(name, NID_organizationName);
  const auto units = name_entries(name, NID_organizationalUnitName);
  bool org = false;
  for (const auto& o : orgs) {
    if (o == dn::organization) org = true;
    if (o == dn::organization_test) org = test = true;
  }
  if (!org) return jpki_purpose::none;
  for (const auto& u : units) {
    if (u == dn::unit_sign) return jpki_purpose::signature;
    if (u == dn::unit_auth) return jpki_purpose::authentication;
  }
  return jpki_purpose::none;
}

[[nodiscard]] constexpr certificate_kind kind_of(jpki_purpose p) noexcept {
  return p == jpki_purpose::signature        ? certificate_kind::signature
         : p == jpki_purpose::authentication ? certificate_kind::authentication
                                             : certificate_kind::not_jpki;
}

[[nodiscard]] inline std::string general_name_text(const GENERAL_NAME* gen) {
  std::string value;
  switch (gen->type) {
    case GEN_URI: return to_utf8(gen->d.uniformResourceIdentifier, value) ? "URI:" + value : "URI:<malformed>";
    case GEN_DIRNAME: return "DirName:" + name_text(gen->d.directoryName);
    case GEN_DNS: return to_utf8(gen->d.dNSName, value) ? "DNS:" + value : "DNS:<malformed>";
    default: return "other";
  }
}

}  // namespace detail

// An immutable, cheaply copyable certificate (the OpenSSL handle is shared) with its extracted
// info. Thread-safe for concurrent reads.
class certificate {
 public:
  // From DER bytes. errc::certificate_malformed (detail says "truncated" when the outer length
  // exceeds the input, "trailing bytes" for data after the certificate).
  [[nodiscard]] static result<certificate> try_from_der(std::string_view der) {
    mynumber::detail::clear_openssl_errors();
    mynumber::detail::error_queue_guard guard;  // OpenSSL may queue errors even on success
    if (der.size() >= 2 && static_cast<unsigned char>(der[0]) == 0x30) {
      const std::size_t declared = declared_der_length(der);
      if (declared != 0 && declared > der.size()) {
        mynumber::detail::clear_openssl_errors();
        return error_info{errc::certificate_malformed, der.size(), -1,
                          "truncated: DER header declares " + std::to_string(declared) + " bytes, input has " +
                              std::to_string(der.size())};
      }
    }
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    mynumber::detail::x509 cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert) return mynumber::detail::openssl_error(errc::certificate_malformed, "DER certificate");
    const auto used = static_cast<std::size_t>(p - reinterpret_cast<const unsigned char*>(der.data()));
    if (used != der.size()) {
      return error_info{errc::certificate_malformed, used, -1, "trailing bytes after the DER certificate"};
    }
    return certificate(std::move(cert));
  }

  // From PEM text (the first CERTIFICATE block). errc::certificate_malformed.
  [[nodiscard]] static result<certificate> try_from_pem(std::string_view pem) {
    mynumber::detail::clear_openssl_errors();
    mynumber::detail::error_queue_guard guard;  // OpenSSL may queue errors even on success
    auto b = mynumber::detail::memory_bio(pem.data(), pem.size());
    if (!b) return b.error();
    mynumber::detail::x509 cert(PEM_read_bio_X509(b->get(), nullptr, nullptr, nullptr));
    if (!cert) return mynumber::detail::openssl_error(errc::certificate_malformed, "PEM certificate");
    return certificate(std::move(cert));
  }

  // DER or PEM, detected by a "-----BEGIN" marker.
  [[nodiscard]] static result<certificate> try_parse(std::string_view bytes) {
    if (bytes.find("-----BEGIN") != std::string_view::npos) return try_from_pem(bytes);
    return try_from_der(bytes);
  }

  // Every certificate in a PEM bundle, or the single DER certificate. errc::certificate_malformed
  // when nothing can be read or a block is corrupt.
  [[nodiscard]] static result<std::vector<certificate>> try_parse_all(std::string_view bytes) {
    std::vector<certificate> out;
    if (bytes.find("-----BEGIN") == std::string_view::npos) {
      auto one = try_from_der(bytes);
      if (!one) return one.error();
      out.push_back(std::move(*one));
      return out;
    }
    mynumber::detail::clear_openssl_errors();
    mynumber::detail::error_queue_guard guard;
    auto b = mynumber::detail::memory_bio(bytes.data(), bytes.size());
    if (!b) return b.error();
    while (true) {
      mynumber::detail::x509 cert(PEM_read_bio_X509(b->get(), nullptr, nullptr, nullptr));
      if (!cert) {
        const unsigned long e = ERR_peek_last_error();
        if (!out.empty() && ERR_GET_REASON(e) == PEM_R_NO_START_LINE) {
          mynumber::detail::clear_openssl_errors();
          break;
        }
        return mynumber::detail::openssl_error(errc::certificate_malformed, "PEM bundle");
      }
      out.push_back(certificate(std::move(cert)));
    }
    return out;
  }

  // Reads a file (DER or PEM). errc::io when it cannot be read.
  [[nodiscard]] static result<certificate> try_load_file(const std::string& path) {
    auto bytes = read_file(path);
    if (!bytes) return bytes.error();
    auto cert = try_parse(*bytes);
    if (!cert) {
      error_info e = cert.error();
      e.detail = path + ": " + e.detail;
      return e;
    }
    return cert;
  }

  // Shares an existing OpenSSL certificate (takes a new reference; the caller keeps its own).
  [[nodiscard]] static certificate share(X509* cert) {
    if (cert == nullptr || X509_up_ref(cert) != 1)
      throw mynumber::error(errc::null_pointer, "certificate::share(NULL)");
    return certificate(mynumber::detail::x509(cert));
  }

  // Throwing forms.
  [[nodiscard]] static certificate parse(std::string_view bytes) { return try_parse(bytes).value(); }
  [[nodiscard]] static certificate load_file(const std::string& path) { return try_load_file(path).value(); }

  [[nodiscard]] const certificate_info& info() const noexcept { return *info_; }
  [[nodiscard]] certificate_kind kind() const noexcept { return info_->kind; }

  // The basic attributes of a signature certificate. errc::certificate_not_jpki for other kinds;
  // errc::certificate_extension when they are absent or malformed (detail says which).
  [[nodiscard]] result<basic_info> try_basic_info() const {
    if (info_->basic) return *info_->basic;
    if (info_->kind != certificate_kind::signature) {
      return error_info{errc::certificate_not_jpki, no_position, -1,
                        "only a signature certificate carries the basic attributes (this is " +
                            std::string(to_string(info_->kind)) + ")"};
    }
    return basic_error_;
  }
  [[nodiscard]] basic_info basic() const { return try_basic_info().value(); }

  // The OpenSSL handle (still owned by this object and its copies).
  [[nodiscard]] X509* native() const noexcept { return handle_.get(); }

  [[nodiscard]] std::string to_der() const {
    unsigned char* raw = nullptr;
    const int n = i2d_X509(handle_.get(), &raw);
    if (n <= 0) mynumber::detail::throw_openssl_error(errc::crypto_error, "i2d_X509");
    mynumber::detail::openssl_bytes owner(raw);
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
  }

  [[nodiscard]] std::string to_pem() const {
    auto b = mynumber::detail::writable_bio().value();
    if (PEM_write_bio_X509(b.get(), handle_.get()) != 1) {
      mynumber::detail::throw_openssl_error(errc::crypto_error, "PEM_write_bio_X509");
    }
    return mynumber::detail::bio_contents(b.get());
  }

  // Whole-file read used by the loaders. errc::io.
  [[nodiscard]] static result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return error_info{errc::io, no_position, -1, "cannot open " + path};
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return error_info{errc::io, no_position, -1, "cannot read " + path};
    return bytes;
  }

 private:
  explicit certificate(mynumber::detail::x509 cert)
      : handle_(cert.release(), detail::x509_ref_free{}), info_(std::make_shared<certificate_info>()) {
    extract();
  }

  // Outer SEQUENCE length from a DER header (0 when the header itself is unreadable).
  static std::size_t declared_der_length(std::string_view der) noexcept {
    const auto b1 = static_cast<unsigned char>(der[1]);
    if (b1 < 0x80) return 2u + b1;
    const std::size_t count = b1 & 0x7Fu;
    if (count == 0 || count > 4 || der.size() < 2 + count) return 0;
    std::size_t len = 0;
    for (std::size_t i = 0; i < count; ++i) len = (len << 8) | static_cast<unsigned char>(der[2 + i]);
    return 2 + count + len;
  }

  void warn(std::string text) { info_->warnings.push_back(std::move(text)); }

  void extract();
  void extract_serial();
  void extract_key();
  void extract_extensions();
  void extract_basic_info(GENERAL_NAMES* san);
  void classify();
  void classify_kind();

  std::shared_ptr<X509> handle_;
  std::shared_ptr<certificate_info> info_;
  error_info basic_error_{errc::certificate_extension, no_position, -1,
                          "the subjectAltName has no JPKI basic attributes (1.2.392.200149.8.5.5.x)"};
};

inline void certificate::extract() {
  mynumber::detail::error_queue_guard guard;
  X509* cert = handle_.get();
  certificate_info& info = *info_;
  info.subject = detail::name_text(X509_get_subject_name(cert));
  info.issuer = detail::name_text(X509_get_issuer_name(cert));
  info.localities = detail::name_entries(X509_get_subject_name(cert), NID_localityName);
  if (!info.localities.empty()) info.prefecture = info.localities[0];
  if (info.localities.size() > 1) info.city = info.localities[1];
  const auto cns = detail::name_entries(X509_get_subject_name(cert), NID_commonName);
  if (!cns.empty()) info.common_name = cns.front();
  if (!detail::to_instant(X509_get0_notBefore(cert), info.not_before)) warn("notBefore is malformed");
  if (!detail::to_instant(X509_get0_notAfter(cert), info.not_after)) warn("notAfter is malformed");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  if (X509_digest(cert, EVP_sha256(), md, &md_len) == 1) info.sha256_fingerprint = detail::hex(md, md_len, true);
  extract_serial();
  extract_key();
  extract_extensions();
  classify();
}

inline void certificate::extract_serial() {
  const ASN1_INTEGER* serial = X509_get0_serialNumber(handle_.get());
  mynumber::detail::bignum bn(ASN1_INTEGER_to_BN(serial, nullptr));
  if (!bn) {
    warn("serial number is malformed");
    return;
  }
  if (BN_is_negative(bn.get())) warn("serial number is negative (RFC 5280 requires a positive integer)");
  mynumber::detail::openssl_string hex(BN_bn2hex(bn.get())), dec(BN_bn2dec(bn.get()));
  if (hex) info_->serial_hex = hex.get();
  if (dec) info_->serial_decimal = dec.get();
}

inline void certificate::extract_key() {
  EVP_PKEY* key = X509_get0_pubkey(handle_.get());
  if (key == nullptr) {
    warn("public key is malformed or of an unknown type");
    return;
  }
  const int id = EVP_PKEY_get_base_id(key);
  const char* name = id == EVP_PKEY_RSA ? "RSA" : id == EVP_PKEY_EC ? "EC" : OBJ_nid2sn(id);
  info_->key_algorithm = name != nullptr ? name : "unknown";
  info_->key_bits = EVP_PKEY_get_bits(key);
}

inline void certificate::extract_extensions() {
  X509* cert = handle_.get();
  certificate_info& info = *info_;
  bool present = false, critical = false, malformed = false;

  // Key usage.
  mynumber::detail::asn1_bit_string ku(
      detail::extension<ASN1_BIT_STRING>(cert, NID_key_usage, present, critical, malformed));
  info.usage.present = present && !malformed;
  info.usage.critical = critical;
  if (malformed) warn("keyUsage extension is malformed");
  if (ku) {
    auto bit = [&](int n) { return ASN1_BIT_STRING_get_bit(ku.get(), n) == 1; };
    info.usage.digital_signature = bit(0);
    info.usage.non_repudiation = bit(1);
    info.usage.key_encipherment = bit(2);
    info.usage.data_encipherment = bit(3);
    info.usage.key_agreement = bit(4);
    info.usage.key_cert_sign = bit(5);
    info.usage.crl_sign = bit(6);
    info.usage.encipher_only = bit(7);
    info.usage.decipher_only = bit(8);
  }

  // Basic constraints.
  mynumber::detail::basic_constraints bc(
      detail::extension<BASIC_CONSTRAINTS>(cert, NID_basic_constraints, present, critical, malformed));
  if (malformed) warn("basicConstraints extension is malformed");
  info.is_ca = bc && bc->ca != 0;

  // Certificate policies.
  mynumber::detail::certificate_policies policies(
      detail::extension<CERTIFICATEPOLICIES>(cert, NID_certificate_policies, present, critical, malformed));
  if (malformed) warn("certificatePolicies extension is malformed");
  if (policies) {
    for (int i = 0; i < sk_POLICYINFO_num(policies.get()); ++i) {
      info.policies.push_back(detail::oid_text(sk_POLICYINFO_value(policies.get(), i)->policyid));
    }
  }

  // CRL distribution points.
  mynumber::detail::crl_dist_points points(
      detail::extension<CRL_DIST_POINTS>(cert, NID_crl_distribution_points, present, critical, malformed));
  if (malformed) warn("cRLDistributionPoints extension is malformed");
  if (points) {
    for (int i = 0; i < sk_DIST_POINT_num(points.get()); ++i) {
      const DIST_POINT* point = sk_DIST_POINT_value(points.get(), i);
      if (point->distpoint == nullptr) continue;
      if (point->distpoint->type == 0) {
        const GENERAL_NAMES* names = point->distpoint->name.fullname;
        for (int k = 0; k < sk_GENERAL_NAME_num(names); ++k) {
          info.crl_distribution_points.push_back(detail::general_name_text(sk_GENERAL_NAME_value(names, k)));
        }
      } else {
        info.crl_distribution_points.push_back("RelativeName");
      }
    }
  }

  // Subject alternative name: the basic attributes.
  mynumber::detail::general_names san(
      detail::extension<GENERAL_NAMES>(cert, NID_subject_alt_name, present, critical, malformed));
  if (malformed) {
    warn("subjectAltName extension is malformed");
    basic_error_ = error_info{errc::certificate_extension, no_position, -1, "subjectAltName extension is malformed"};
  }
  if (san) extract_basic_info(san.get());

  // Critical extensions this library (and OpenSSL) does not understand.
  for (int i = 0; i < X509_get_ext_count(cert); ++i) {
    X509_EXTENSION* ext = X509_get_ext(cert, i);
    if (X509_EXTENSION_get_critical(ext) == 1 && X509_supported_extension(ext) == 0) {
      warn("unsupported critical extension " + detail::oid_text(X509_EXTENSION_get_object(ext)));
    }
  }
}

inline void certificate::extract_basic_info(GENERAL_NAMES* san) {
  struct slot {
    std::string_view oid;
    std::optional<std::string> value;
  };
  slot slots[6] = {{oid::san_name, {}},       {oid::san_name_substitutes, {}}, {oid::san_sex, {}},
                   {oid::san_birth_date, {}}, {oid::san_address, {}},          {oid::san_address_substitutes, {}}};
  bool any = false;
  for (int i = 0; i < sk_GENERAL_NAME_num(san); ++i) {
    const GENERAL_NAME* gen = sk_GENERAL_NAME_value(san, i);
    if (gen->type != GEN_OTHERNAME) continue;
    const std::string type = detail::oid_text(gen->d.otherName->type_id);
    if (type.compare(0, oid::personal_data_arc.size(), oid::personal_data_arc) != 0) continue;
    any = true;
    slot* target = nullptr;
    for (auto& s : slots) {
      if (s.oid == type) target = &s;
    }
    if (target == nullptr) {
      warn("unknown JPKI personal-data otherName " + type);
      continue;
    }
    const ASN1_TYPE* value = gen->d.otherName->value;
    if (value == nullptr || value->type != V_ASN1_UTF8STRING) {
      basic_error_ =
          error_info{errc::certificate_extension, no_position, -1, "otherName " + type + " is not a UTF8String"};
      warn(basic_error_.detail);
      return;
    }
    if (target->value) {
      basic_error_ = error_info{errc::certificate_extension, no_position, -1, "otherName " + type + " occurs twice"};
      warn(basic_error_.detail);
      return;
    }
    std::string text(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value->value.utf8string)),
                     static_cast<std::size_t>(ASN1_STRING_length(value->value.utf8string)));
    for (std::size_t k = 0; k < text.size();) {
      if (mynumber::detail::utf8_next(text, k) == mynumber::detail::utf8_invalid) {
        basic_error_ = error_info{errc::certificate_extension, k - 1, -1, "otherName " + type + " is not valid UTF-8"};
        warn(basic_error_.detail);
        return;
      }
    }
    target->value = std::move(text);
  }
  if (!any) return;
  for (const auto& s : slots) {
    if (!s.value) {
      basic_error_ = error_info{errc::certificate_extension, no_position, -1,
                                "basic attribute otherName " + std::string(s.oid) + " is missing"};
      warn(basic_error_.detail);
      return;
    }
  }
  auto birth = try_decode_birth_date(*slots[3].value);
  if (!birth) {
    basic_error_ = birth.error();
    warn(basic_error_.message());
    return;
  }
  basic_info out;
  out.name = substituted_text{*slots[0].value, *slots[1].value};
  out.sex = *slots[2].value;
  out.birth = std::move(*birth);
  out.address = substituted_text{*slots[4].value, *slots[5].value};
  if (!out.name.map_consistent()) warn("name substitute map (5.5.2) does not have one 0/1 per character of the name");
  if (!out.address.map_consistent()) {
    warn("address substitute map (5.5.6) does not have one 0/1 per character of the address");
  }
  if (out.birth.known() && out.birth.era.has_value() && !out.birth.era_matches_date()) {
    warn("birth-date era code does not match the calendar date");
  }
  if (out.sex != "1" && out.sex != "2" && out.sex != "3") warn("unrecognised sex code");
  info_->basic = std::move(out);
}

// Kind: the issuer (or, for a CA, its own subject) decides; a JPKI policy OID decides when the
// issuer is not a JPKI CA; key usage and the basic attributes are recorded as supporting
// evidence only, because any CA can set them.
inline void certificate::classify() {
  classify_kind();
  // Basic attributes are reported only for a JPKI signature certificate: personal data found
  // anywhere else is withheld (and named in a warning), never presented as 基本4情報.
  if (info_->basic && info_->kind != certificate_kind::signature) {
    warn("personal-data otherNames in a " + std::string(to_string(info_->kind)) +
         " certificate are not reported as basic attributes");
    info_->basic.reset();
  }
}

inline void certificate::classify_kind() {
  certificate_info& info = *info_;
  X509* cert = handle_.get();
  bool issuer_test = false, subject_test = false;
  const jpki_purpose by_issuer = detail::purpose_of(X509_get_issuer_name(cert), issuer_test);
  const jpki_purpose by_subject = detail::purpose_of(X509_get_subject_name(cert), subject_test);
  if (by_issuer != jpki_purpose::none) {
    info.evidence.push_back({"issuer", detail::kind_of(by_issuer), info.issuer});
  }
  if (info.is_ca) info.evidence.push_back({"basic_constraints", certificate_kind::ca, "CA:TRUE"});
  if (by_subject != jpki_purpose::none && info.is_ca) {
    info.evidence.push_back({"subject", certificate_kind::ca, info.subject});
  }
  jpki_purpose by_policy = jpki_purpose::none;
  for (const auto& p : info.policies) {
    if (p == oid::policy_sign || p == oid::policy_sign_test) {
      by_policy = jpki_purpose::signature;
      info.evidence.push_back({"policy", certificate_kind::signature, p});
    } else if (p == oid::policy_auth) {
      by_policy = jpki_purpose::authentication;
      info.evidence.push_back({"policy", certificate_kind::authentication, p});
    }
  }
  if (info.usage.present) {
    const auto& u = info.usage;
    const certificate_kind says = u.key_cert_sign                            ? certificate_kind::ca
                                  : u.digital_signature && u.non_repudiation ? certificate_kind::signature
                                  : u.digital_signature                      ? certificate_kind::authentication
                                                                             : certificate_kind::not_jpki;
    std::string names;
    for (const auto& n : u.names()) names += (names.empty() ? "" : ",") + n;
    info.evidence.push_back({"key_usage", says, names});
  }
  if (info.basic) info.evidence.push_back({"subject_alt_name", certificate_kind::signature, "basic attributes"});

  if (info.is_ca) {
    if (by_subject != jpki_purpose::none) {
      info.kind = certificate_kind::ca;
      info.purpose = by_subject;
      info.test_hierarchy = subject_test;
      info.decided_by = "subject";
    } else {
      info.decided_by = "subject";  // a CA, but not a JPKI one
    }
    return;
  }
  if (by_issuer != jpki_purpose::none) {
    info.kind = detail::kind_of(by_issuer);
    info.purpose = by_issuer;
    info.test_hierarchy = issuer_test;
    info.decided_by = "issuer";
    if (by_policy != jpki_purpose::none && by_policy != by_issuer) {
      warn("the policy OID says " + std::string(to_string(by_policy)) + " but the issuer says " +
           std::string(to_string(by_issuer)));
    }
  } else if (by_policy != jpki_purpose::none) {
    info.kind = detail::kind_of(by_policy);
    info.purpose = by_policy;
    info.decided_by = "policy";
    warn("JPKI policy OID under an issuer that is not a JPKI CA");
  } else {
    info.decided_by = "issuer";  // neither a JPKI issuer nor a JPKI policy
    return;
  }
  if (info.kind == certificate_kind::signature && !info.basic) {
    warn("signature certificate without readable basic attributes: " + basic_error_.detail);
  }
  if (info.kind == certificate_kind::authentication && info.basic) {
    warn("user-authentication certificate carries personal data in subjectAltName");
  }
}

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_CERTIFICATE_HPP
