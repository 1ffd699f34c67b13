// File: tools/jpki_test_pki.cpp — builds a JPKI-profile *test* PKI with the OpenSSL API, fresh on
// every run (no private key is ever committed). Built as the CMake target `mynumber_jpki_test_pki`
// (tests/jpki/CMakeLists.txt); the jpki tests run it as a ctest fixture.
//
// ---------------------------------------------------------------------------------------------
// OUTPUT CONTRACT (stable; other modules' tests, e.g. the virtual card, rely on it)
//
//   mynumber_jpki_test_pki --out DIR [--now UNIX_SECONDS]
//
// creates DIR if needed and writes, for every certificate <id> below:
//   DIR/<id>.pem, DIR/<id>.der      the certificate (PEM and DER; `sign_truncated` is DER only)
//   DIR/<id>.key.pem                its private key, unencrypted PKCS#8 PEM, TEST USE ONLY
//                                   (absent for sign_tampered and sign_truncated)
// for every CRL <id>:  DIR/<id>.pem, DIR/<id>.der
// and DIR/manifest.json (UTF-8), format "mynumber-jpki-test-pki/1":
//   {
//     "format": "mynumber-jpki-test-pki/1",
//     "reference_time": "<UTC ISO 8601>",   // the --now instant; "good" entries are valid then
//     "files": [ {"path": "<relative>", "type": "certificate|private_key|crl", "format": "pem|der",
//                 "of": "<certificate or CRL id>"} ... ],
//     "certificates": [ {
//        "id", "kind": "ca|signature|authentication", "purpose": "signature|authentication",
//        "issuer": "<id of the issuing certificate>",   // itself for roots
//        "trusted_root": true|false,          // roots: part of the test trust store?
//        "pem", "der", "private_key": "<path>|null",
//        "serial_hex", "serial_decimal", "not_before", "not_after" (UTC ISO 8601),
//        "subject": {"prefecture": "..."|null, "city": "..."|null, "common_name": "..."},
//        "policies": ["<OID>"...], "key_usage": ["digitalSignature", ...],
//        "attributes": null | {              // signature certificates only: the exact SAN inputs
//           "name", "name_substitute_map", "address", "address_substitute_map",
//           "sex", "birth_date_raw"          // "EYYYYMMDD" as written into the certificate
//           "birth_date": "YYYY-MM-DD"|null, "era": "meiji|taisho|showa|heisei|reiwa|unknown" },
//        "expected": {"ok": true} | {"ok": false, "check": "<check name>", "reason": "<word>"}
//     } ... ],
//     "crls": [ {"id", "issuer", "pem", "der", "this_update", "next_update",
//                "revoked": ["<certificate id>"...], "revoked_serials_hex": [...]} ... ]
//   }
// Check names in "expected" are those of mynumber::jpki::verification checks: "parse", "chain",
// "validity", "key_usage", "policy", "revocation". A reason is one word of the failure
// ("expired", "not_yet_valid", "revoked", "missing", "not_trusted", "bad_signature", "truncated").
// Revocation expectations hold when the matching CRL (sign_crl / auth_crl) is supplied.
// ---------------------------------------------------------------------------------------------
//
// Profile facts follow docs/jpki.md and data/jpki/profile_oids.tsv: O=JPKI-TEST hierarchy, RSA-2048 with
// sha256WithRSAEncryption, signature KeyUsage digitalSignature+nonRepudiation (critical), auth
// KeyUsage digitalSignature, the six SAN otherNames 1.2.392.200149.8.5.5.1–6 in issue order
// (.1 .4 .3 .5 .2 .6), test signature policy 1.2.392.200149.8.5.1.0.20, auth policy
// 1.2.392.200149.8.5.1.3.30 (UNCONFIRMED in the reference; no test-hierarchy auth policy is
// known), CRL distribution point as a DirName, notAfter at 14:59:59Z (23:59:59 JST).
#include <openssl/rand.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <mynumber/detail/openssl.hpp>

namespace fs = std::filesystem;
namespace ossl = mynumber::detail;

namespace {

constexpr const char* sign_policy_test = "1.2.392.200149.8.5.1.0.20";
constexpr const char* auth_policy = "1.2.392.200149.8.5.1.3.30";
constexpr const char* san_oid_name = "1.2.392.200149.8.5.5.1";
constexpr const char* san_oid_name_map = "1.2.392.200149.8.5.5.2";
constexpr const char* san_oid_sex = "1.2.392.200149.8.5.5.3";
constexpr const char* san_oid_birth = "1.2.392.200149.8.5.5.4";
constexpr const char* san_oid_address = "1.2.392.200149.8.5.5.5";
constexpr const char* san_oid_address_map = "1.2.392.200149.8.5.5.6";

constexpr long day = 86400;

[[noreturn]] void fail(const std::string& what) { ossl::throw_openssl_error(mynumber::errc::crypto_error, what); }
void check(int ok, const char* what) {
  if (ok <= 0) fail(what);
}
template <class T>
T* check_ptr(T* p, const char* what) {
  if (p == nullptr) fail(what);
  return p;
}

std::string iso_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// 14:59:59Z (23:59:59 JST) on the UTC day containing t: the JPKI end-of-validity convention.
std::time_t end_of_jst_day(std::time_t t) { return (t / day) * day + 14 * 3600 + 59 * 60 + 59; }

// --- JSON writing (UTF-8 passes through; quotes, backslashes and controls are escaped) ----------
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}
std::string json_or_null(const std::string& s) { return s.empty() ? "null" : json_string(s); }
std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

struct basic_attributes {
  std::string name, name_map, address, address_map, sex, birth_raw, birth_iso, era;
};

// One '0'/'1' per Unicode code point of `text`; '1' at the given 0-based code-point positions.
std::string substitute_map(const std::string& text, const std::vector<std::size_t>& positions) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  std::string map(count, '0');
  for (const std::size_t p : positions) map.at(p) = '1';
  return map;
}

struct cert_spec {
  std::string id;
  std::string kind;     // ca | signature | authentication
  std::string purpose;  // signature | authentication
  std::string issuer;   // id; == id for roots
  bool trusted_root = false;
  std::string prefecture, city, common_name;
  std::vector<std::string> policies;
  std::string key_usage;  // OpenSSL v3 config text, e.g. "critical,digitalSignature,nonRepudiation"
  std::vector<std::string> key_usage_names;
  long not_before_offset = -day;  // seconds relative to --now
  long not_after_days = 5 * 365;  // days after --now (end of that JST day)
  bool has_attributes = false;
  basic_attributes attributes;
  std::string expected_check, expected_reason;  // empty = expected ok
  bool tamper = false, truncate = false;
};

struct built_cert {
  cert_spec spec;
  ossl::x509 cert;
  ossl::evp_pkey key;
  std::string serial_hex, serial_dec;
  std::time_t not_before = 0, not_after = 0;
  std::vector<std::string> files;
};

ossl::evp_pkey make_rsa_key() {
  ossl::evp_pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
  if (!key) fail("RSA key generation");
  return key;
}

ossl::x509_name ca_name(const std::string& purpose) {
  ossl::x509_name name(check_ptr(X509_NAME_new(), "X509_NAME_new"));
  const std::string ou = purpose == "signature" ? "JPKI for digital signature" : "JPKI for user authentication";
  auto add = [&](const char* field, const std::string& value) {
    check(X509_NAME_add_entry_by_txt(name.get(), field, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0),
          "X509_NAME_add_entry_by_txt");
  };
  add("C", "JP");
  add("O", "JPKI-TEST");
  add("OU", ou);
  add("OU", "Japan Agency for Local Authority Information Systems");
  return name;
}

void add_ext_conf(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
  ossl::x509_extension ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str()));
  if (!ext) fail("extension " + std::string(OBJ_nid2sn(nid)) + " = " + value);
  check(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

GENERAL_NAME* utf8_other_name(const char* oid, const std::string& value) {
  ossl::asn1_object type(check_ptr(OBJ_txt2obj(oid, 1), "OBJ_txt2obj"));
  ossl::asn1_string text(check_ptr(ASN1_UTF8STRING_new(), "ASN1_UTF8STRING_new"));
  check(ASN1_STRING_set(text.get(), value.data(), static_cast<int>(value.size())), "ASN1_STRING_set");
  ASN1_TYPE* any = check_ptr(ASN1_TYPE_new(), "ASN1_TYPE_new");
  ASN1_TYPE_set(any, V_ASN1_UTF8STRING, text.release());
  GENERAL_NAME* gen = GENERAL_NAME_new();
  if (gen == nullptr || GENERAL_NAME_set0_othername(gen, type.get(), any) != 1) {
    ASN1_TYPE_free(any);
    GENERAL_NAME_free(gen);
    fail("GENERAL_NAME_set0_othername");
  }
  type.release();
  return gen;
}

GENERAL_NAME* dir_name(const std::vector<std::pair<std::string, std::string>>& rdns) {
  ossl::x509_name name(check_ptr(X509_NAME_new(), "X509_NAME_new"));
  for (const auto& [field, value] : rdns) {
    check(X509_NAME_add_entry_by_txt(name.get(), field.c_str(), MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0),
          "X509_NAME_add_entry_by_txt");
  }
  GENERAL_NAME* gen = check_ptr(GENERAL_NAME_new(), "GENERAL_NAME_new");
  GENERAL_NAME_set0_value(gen, GEN_DIRNAME, name.release());
  return gen;
}

void add_general_names(X509* cert, int nid, std::vector<GENERAL_NAME*> names) {
  ossl::general_names gens(check_ptr(GENERAL_NAMES_new(), "GENERAL_NAMES_new"));
  for (GENERAL_NAME* g : names) check(sk_GENERAL_NAME_push(gens.get(), g), "sk_GENERAL_NAME_push");
  check(X509_add1_ext_i2d(cert, nid, gens.get(), 0, X509V3_ADD_APPEND), "X509_add1_ext_i2d");
}

void add_crl_dist_point(X509* cert, const cert_spec& spec) {
  // DirName form, no URI (card_jpki.md §2.2): C=JP, O=JPKI-TEST, OU=<CA>, OU=CRL Distribution Points, ...
  const std::string ou = spec.purpose == "signature" ? "JPKI for digital signature" : "JPKI for user authentication";
  std::vector<std::pair<std::string, std::string>> rdns = {
      {"C", "JP"}, {"O", "JPKI-TEST"}, {"OU", ou}, {"OU", "CRL Distribution Points"}};
  if (!spec.prefecture.empty()) rdns.push_back({"OU", spec.prefecture});
  if (!spec.city.empty()) rdns.push_back({"CN", spec.city});
  ossl::crl_dist_points points(check_ptr(sk_DIST_POINT_new_null(), "sk_DIST_POINT_new_null"));
  DIST_POINT* point = check_ptr(DIST_POINT_new(), "DIST_POINT_new");
  check(sk_DIST_POINT_push(points.get(), point), "sk_DIST_POINT_push");
  point->distpoint = check_ptr(DIST_POINT_NAME_new(), "DIST_POINT_NAME_new");
  point->distpoint->type = 0;
  point->distpoint->name.fullname = check_ptr(GENERAL_NAMES_new(), "GENERAL_NAMES_new");
  check(sk_GENERAL_NAME_push(point->distpoint->name.fullname, dir_name(rdns)), "push");
  check(X509_add1_ext_i2d(cert, NID_crl_distribution_points, points.get(), 0, X509V3_ADD_APPEND),
        "X509_add1_ext_i2d(crlDistributionPoints)");
}

void random_serial(X509* cert, std::string& hex, std::string& dec) {
  ossl::bignum bn(check_ptr(BN_new(), "BN_new"));
  check(BN_rand(bn.get(), 63, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY), "BN_rand");
  ossl::asn1_integer serial(check_ptr(BN_to_ASN1_INTEGER(bn.get(), nullptr), "BN_to_ASN1_INTEGER"));
  check(X509_set_serialNumber(cert, serial.get()), "X509_set_serialNumber");
  ossl::openssl_string h(BN_bn2hex(bn.get())), d(BN_bn2dec(bn.get()));
  if (!h || !d) fail("BN_bn2hex");
  hex = h.get();
  dec = d.get();
}

built_cert build(const cert_spec& spec, std::map<std::string, built_cert>& done, std::time_t now) {
  built_cert out;
  out.spec = spec;
  out.key = make_rsa_key();
  out.cert.reset(check_ptr(X509_new(), "X509_new"));
  X509* cert = out.cert.get();
  check(X509_set_version(cert, X509_VERSION_3), "X509_set_version");
  random_serial(cert, out.serial_hex, out.serial_dec);
  out.not_before = now + spec.not_before_offset;
  out.not_after = end_of_jst_day(now + spec.not_after_days * day);
  check(X509_time_adj_ex(X509_getm_notBefore(cert), 0, static_cast<long>(out.not_before - now), &now) != nullptr,
        "notBefore");
  check(X509_time_adj_ex(X509_getm_notAfter(cert), 0, static_cast<long>(out.not_after - now), &now) != nullptr,
        "notAfter");

  const bool is_root = spec.issuer == spec.id;
  X509* issuer_cert = is_root ? cert : done.at(spec.issuer).cert.get();
  EVP_PKEY* issuer_key = is_root ? out.key.get() : done.at(spec.issuer).key.get();

  if (spec.kind == "ca") {
    ossl::x509_name name = ca_name(spec.purpose);
    check(X509_set_subject_name(cert, name.get()), "X509_set_subject_name");
  } else {
    ossl::x509_name name(check_ptr(X509_NAME_new(), "X509_NAME_new"));
    auto add = [&](const char* field, const std::string& value) {
      check(X509_NAME_add_entry_by_txt(name.get(), field, MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0),
            "X509_NAME_add_entry_by_txt");
    };
    add("C", "JP");
    if (!spec.prefecture.empty()) add("L", spec.prefecture);
    if (!spec.city.empty()) add("L", spec.city);
    add("CN", spec.common_name);
    check(X509_set_subject_name(cert, name.get()), "X509_set_subject_name");
  }
  check(X509_set_issuer_name(cert, X509_get_subject_name(issuer_cert)), "X509_set_issuer_name");
  check(X509_set_pubkey(cert, out.key.get()), "X509_set_pubkey");

  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer_cert, cert, nullptr, nullptr, 0);
  add_ext_conf(cert, &ctx, NID_subject_key_identifier, "hash");
  if (!is_root) add_ext_conf(cert, &ctx, NID_authority_key_identifier, "keyid:always");
  if (spec.kind == "ca") add_ext_conf(cert, &ctx, NID_basic_constraints, "critical,CA:TRUE");
  add_ext_conf(cert, &ctx, NID_key_usage, spec.key_usage);
  if (!spec.policies.empty()) {
    ossl::certificate_policies policies(check_ptr(sk_POLICYINFO_new_null(), "sk_POLICYINFO_new_null"));
    for (const auto& oid : spec.policies) {
      POLICYINFO* info = check_ptr(POLICYINFO_new(), "POLICYINFO_new");
      check(sk_POLICYINFO_push(policies.get(), info), "sk_POLICYINFO_push");
      ASN1_OBJECT_free(info->policyid);
      info->policyid = check_ptr(OBJ_txt2obj(oid.c_str(), 1), "OBJ_txt2obj");
    }
    check(X509_add1_ext_i2d(cert, NID_certificate_policies, policies.get(), 0, X509V3_ADD_APPEND),
          "X509_add1_ext_i2d(certificatePolicies)");
  }
  // Roots carry SAN DirName C=JP/O=公的個人認証サービス; end-entities carry it as IssuerAltName.
  const std::vector<std::pair<std::string, std::string>> jpki_service = {{"C", "JP"}, {"O", "公的個人認証サービス"}};
  if (spec.kind == "ca") {
    add_general_names(cert, NID_subject_alt_name, {dir_name(jpki_service)});
  } else {
    add_general_names(cert, NID_issuer_alt_name, {dir_name(jpki_service)});
  }
  if (spec.has_attributes) {
    const basic_attributes& a = spec.attributes;
    // Issue order as observed on real cards: 5.5.1, 5.5.4, 5.5.3, 5.5.5, 5.5.2, 5.5.6.
    add_general_names(
        cert, NID_subject_alt_name,
        {utf8_other_name(san_oid_name, a.name), utf8_other_name(san_oid_birth, a.birth_raw),
         utf8_other_name(san_oid_sex, a.sex), utf8_other_name(san_oid_address, a.address),
         utf8_other_name(san_oid_name_map, a.name_map), utf8_other_name(san_oid_address_map, a.address_map)});
  }
  add_crl_dist_point(cert, spec);
  if (X509_sign(cert, issuer_key, EVP_sha256()) <= 0) fail("X509_sign " + spec.id);
  return out;
}

std::string der_of(X509* cert) {
  unsigned char* raw = nullptr;
  const int len = i2d_X509(cert, &raw);
  if (len <= 0) fail("i2d_X509");
  ossl::openssl_bytes owner(raw);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(len));
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

template <class Writer>
std::string pem_text(Writer&& writer) {
  auto b = ossl::writable_bio().value();
  check(writer(b.get()), "PEM_write_bio");
  return ossl::bio_contents(b.get());
}

struct crl_spec {
  std::string id, issuer;
  std::vector<std::string> revoked;
  long this_update_offset = -3600;
  long next_update_offset = 7 * day;
};

}  // namespace

int main(int argc, char** argv) {
  fs::path out_dir;
  std::time_t now = std::time(nullptr);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (arg == "--now" && i + 1 < argc) {
      now = static_cast<std::time_t>(std::strtoll(argv[++i], nullptr, 10));
    } else {
      std::cerr << "usage: " << argv[0] << " --out DIR [--now UNIX_SECONDS]\n";
      return 2;
    }
  }
  if (out_dir.empty()) {
    std::cerr << "usage: " << argv[0] << " --out DIR [--now UNIX_SECONDS]\n";
    return 2;
  }
  try {
    fs::create_directories(out_dir);
    const std::string sign_ku = "critical,digitalSignature,nonRepudiation";
    const std::vector<std::string> sign_ku_names = {"digitalSignature", "nonRepudiation"};
    const std::string auth_ku = "critical,digitalSignature";
    const std::vector<std::string> auth_ku_names = {"digitalSignature"};
    const std::string ca_ku = "critical,keyCertSign,cRLSign";
    const std::vector<std::string> ca_ku_names = {"keyCertSign", "cRLSign"};

    auto root = [&](std::string id, std::string purpose, bool trusted) {
      cert_spec s;
      s.id = id;
      s.kind = "ca";
      s.purpose = std::move(purpose);
      s.issuer = std::move(id);
      s.trusted_root = trusted;
      s.common_name = "";
      s.key_usage = ca_ku;
      s.key_usage_names = ca_ku_names;
      s.not_before_offset = -30 * day;
      s.not_after_days = 10 * 365;
      return s;
    };
    int sequence = 0;
    auto opaque_cn = [&](const std::string& suffix) {
      // Shape only (issue timestamp + sequence + office code); the real CN structure is UNCONFIRMED.
      char buf[64];
      std::tm tm{};
      gmtime_r(&now, &tm);
      std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d%05dT", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                    tm.tm_hour, tm.tm_min, tm.tm_sec, ++sequence);
      return std::string(buf) + suffix;
    };
    auto sign_ee = [&](std::string id, basic_attributes a) {
      cert_spec s;
      s.id = std::move(id);
      s.kind = "signature";
      s.purpose = "signature";
      s.issuer = "sign_root";
      s.prefecture = "Tokyo-to";
      s.city = "Chiyoda-ku";
      s.common_name = opaque_cn("TEST0001");
      s.policies = {sign_policy_test};
      s.key_usage = sign_ku;
      s.key_usage_names = sign_ku_names;
      s.has_attributes = true;
      s.attributes = std::move(a);
      return s;
    };
    auto auth_ee = [&](std::string id) {
      cert_spec s;
      s.id = std::move(id);
      s.kind = "authentication";
      s.purpose = "authentication";
      s.issuer = "auth_root";
      s.common_name = opaque_cn("TEST0002");
      s.policies = {auth_policy};
      s.key_usage = auth_ku;
      s.key_usage_names = auth_ku_names;
      return s;
    };

    // Attribute inputs. Maps have one '0'/'1' per Unicode code point ('1' = 代替文字 there).
    // 𠮷 (U+20BB7) and 𩸽 (U+29E3D) are outside the BMP; 高 stands in for 髙 as a substitute.
    const auto attrs = [](std::string name, std::vector<std::size_t> name_subst, std::string address,
                          std::vector<std::size_t> address_subst, std::string sex, std::string birth_raw,
                          std::string birth_iso, std::string era) {
      basic_attributes a;
      a.name_map = substitute_map(name, name_subst);
      a.address_map = substitute_map(address, address_subst);
      a.name = std::move(name);
      a.address = std::move(address);
      a.sex = std::move(sex);
      a.birth_raw = std::move(birth_raw);
      a.birth_iso = std::move(birth_iso);
      a.era = std::move(era);
      return a;
    };
    const basic_attributes showa = attrs("𠮷田　高志", {3}, "東京都千代田区霞が関２－１－２　𩸽ハイツ１０１号", {16},
                                         "1", "319830415", "1983-04-15", "showa");
    const basic_attributes heisei = attrs("髙橋　花子", {}, "大阪府大阪市北区中之島１－３－２０　高層棟", {18}, "2",
                                          "420000229", "2000-02-29", "heisei");
    const basic_attributes unknown_birth =
        attrs("ＳＭＩＴＨ　ＪＯＨＮ", {}, "北海道札幌市中央区北１条西２丁目", {}, "3", "000000000", "", "unknown");
    const basic_attributes plain =
        attrs("山田　太郎", {}, "東京都清瀬市元町１－２－３", {}, "1", "419900102", "1990-01-02", "heisei");

    std::vector<cert_spec> specs;
    specs.push_back(root("sign_root", "signature", true));
    specs.push_back(root("auth_root", "authentication", true));
    specs.push_back(root("rogue_sign_root", "signature", false));  // same DN as sign_root, other key

    specs.push_back(sign_ee("sign_good", showa));
    specs.push_back(sign_ee("sign_good_heisei", heisei));
    specs.push_back(sign_ee("sign_good_unknown_birth", unknown_birth));
    specs.push_back(auth_ee("auth_good"));

    cert_spec s = sign_ee("sign_expired", plain);
    s.not_before_offset = -400 * day;
    s.not_after_days = -10;
    s.expected_check = "validity", s.expected_reason = "expired";
    specs.push_back(s);
    s = sign_ee("sign_not_yet_valid", plain);
    s.not_before_offset = 30 * day;
    s.expected_check = "validity", s.expected_reason = "not_yet_valid";
    specs.push_back(s);
    s = sign_ee("sign_revoked", plain);
    s.expected_check = "revocation", s.expected_reason = "revoked";
    specs.push_back(s);
    cert_spec a = auth_ee("auth_revoked");
    a.expected_check = "revocation", a.expected_reason = "revoked";
    specs.push_back(a);
    s = sign_ee("sign_wrong_key_usage", plain);
    s.key_usage = "critical,digitalSignature,keyEncipherment";
    s.key_usage_names = {"digitalSignature", "keyEncipherment"};
    s.expected_check = "key_usage", s.expected_reason = "missing";
    specs.push_back(s);
    a = auth_ee("auth_wrong_key_usage");
    a.key_usage = "critical,keyEncipherment";
    a.key_usage_names = {"keyEncipherment"};
    a.expected_check = "key_usage", a.expected_reason = "missing";
    specs.push_back(a);
    s = sign_ee("sign_wrong_policy", plain);
    s.policies = {"1.3.6.1.4.1.55555.1.1"};  // a private-arc OID, not JPKI
    s.expected_check = "policy", s.expected_reason = "missing";
    specs.push_back(s);
    s = sign_ee("sign_wrong_issuer", plain);
    s.issuer = "rogue_sign_root";
    s.expected_check = "chain", s.expected_reason = "not_trusted";
    specs.push_back(s);
    s = sign_ee("sign_tampered", plain);
    s.tamper = true;
    s.expected_check = "chain", s.expected_reason = "bad_signature";
    specs.push_back(s);
    s = sign_ee("sign_truncated", plain);
    s.truncate = true;
    s.expected_check = "parse", s.expected_reason = "truncated";
    specs.push_back(s);

    std::map<std::string, built_cert> done;
    std::vector<std::string> order;
    std::string files_json, certs_json, crls_json;
    auto add_file = [&](const std::string& path, const char* type, const char* format, const std::string& of) {
      files_json += std::string(files_json.empty() ? "" : ",\n") + "    {\"path\": " + json_string(path) +
                    ", \"type\": \"" + type + "\", \"format\": \"" + format + "\", \"of\": " + json_string(of) + "}";
    };

    for (const cert_spec& spec : specs) {
      built_cert b = build(spec, done, now);
      std::string der = der_of(b.cert.get());
      std::string pem_path, der_path, key_path;
      if (spec.tamper) {
        der.back() = static_cast<char>(der.back() ^ 0x01);  // last byte of the signature value
      }
      if (spec.truncate) {
        der.resize(der.size() / 2);
      } else {
        // PEM of the (possibly tampered) DER bytes, so both files carry the same certificate.
        const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
        ossl::x509 reparsed(check_ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())), "d2i_X509"));
        pem_path = spec.id + ".pem";
        write_file(out_dir / pem_path, pem_text([&](BIO* bio) { return PEM_write_bio_X509(bio, reparsed.get()); }));
        add_file(pem_path, "certificate", "pem", spec.id);
      }
      der_path = spec.id + ".der";
      write_file(out_dir / der_path, der);
      add_file(der_path, "certificate", "der", spec.id);
      if (!spec.tamper && !spec.truncate) {
        key_path = spec.id + ".key.pem";
        write_file(out_dir / key_path, pem_text([&](BIO* bio) {
                     return PEM_write_bio_PrivateKey(bio, b.key.get(), nullptr, nullptr, 0, nullptr, nullptr);
                   }));
        fs::permissions(out_dir / key_path, fs::perms::owner_read | fs::perms::owner_write);
        add_file(key_path, "private_key", "pem", spec.id);
      }

      std::string j = "    {\"id\": " + json_string(spec.id) + ", \"kind\": " + json_string(spec.kind) +
                      ", \"purpose\": " + json_string(spec.purpose) + ", \"issuer\": " + json_string(spec.issuer) +
                      ", \"trusted_root\": " + (spec.trusted_root ? "true" : "false") + ",\n";
      j += "     \"pem\": " + json_or_null(pem_path) + ", \"der\": " + json_string(der_path) +
           ", \"private_key\": " + json_or_null(key_path) + ",\n";
      j += "     \"serial_hex\": " + json_string(b.serial_hex) + ", \"serial_decimal\": " + json_string(b.serial_dec) +
           ", \"not_before\": " + json_string(iso_utc(b.not_before)) +
           ", \"not_after\": " + json_string(iso_utc(b.not_after)) + ",\n";
      j += "     \"subject\": {\"prefecture\": " + json_or_null(spec.prefecture) +
           ", \"city\": " + json_or_null(spec.city) + ", \"common_name\": " + json_string(spec.common_name) + "},\n";
      j += "     \"policies\": " + json_list(spec.policies) + ", \"key_usage\": " + json_list(spec.key_usage_names) +
           ",\n";
      if (spec.has_attributes) {
        const basic_attributes& at = spec.attributes;
        j += "     \"attributes\": {\"name\": " + json_string(at.name) +
             ", \"name_substitute_map\": " + json_string(at.name_map) + ", \"address\": " + json_string(at.address) +
             ", \"address_substitute_map\": " + json_string(at.address_map) + ", \"sex\": " + json_string(at.sex) +
             ", \"birth_date_raw\": " + json_string(at.birth_raw) + ", \"birth_date\": " + json_or_null(at.birth_iso) +
             ", \"era\": " + json_string(at.era) + "},\n";
      } else {
        j += "     \"attributes\": null,\n";
      }
      if (spec.expected_check.empty()) {
        j += "     \"expected\": {\"ok\": true}}";
      } else {
        j += "     \"expected\": {\"ok\": false, \"check\": " + json_string(spec.expected_check) +
             ", \"reason\": " + json_string(spec.expected_reason) + "}}";
      }
      certs_json += (certs_json.empty() ? "" : ",\n") + j;
      done.emplace(spec.id, std::move(b));
    }

    const std::vector<crl_spec> crls = {
        {"sign_crl", "sign_root", {"sign_revoked"}},
        {"auth_crl", "auth_root", {"auth_revoked"}},
        // A CRL past its nextUpdate, listing nothing: verification must report it as stale.
        {"sign_crl_stale", "sign_root", {}, -30 * day, -2 * day},
    };
    long crl_number = 1;
    for (const crl_spec& c : crls) {
      const built_cert& issuer = done.at(c.issuer);
      ossl::x509_crl crl(check_ptr(X509_CRL_new(), "X509_CRL_new"));
      check(X509_CRL_set_version(crl.get(), 1), "X509_CRL_set_version");
      check(X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer.cert.get())), "issuer");
      ossl::asn1_time this_update(check_ptr(X509_time_adj_ex(nullptr, 0, c.this_update_offset, &now), "time"));
      ossl::asn1_time next_update(check_ptr(X509_time_adj_ex(nullptr, 0, c.next_update_offset, &now), "time"));
      check(X509_CRL_set1_lastUpdate(crl.get(), this_update.get()), "lastUpdate");
      check(X509_CRL_set1_nextUpdate(crl.get(), next_update.get()), "nextUpdate");
      std::vector<std::string> serials;
      for (const std::string& id : c.revoked) {
        const built_cert& victim = done.at(id);
        X509_REVOKED* revoked = check_ptr(X509_REVOKED_new(), "X509_REVOKED_new");
        X509_REVOKED_set_serialNumber(revoked, X509_get_serialNumber(victim.cert.get()));
        X509_REVOKED_set_revocationDate(revoked, this_update.get());
        ASN1_ENUMERATED* reason = ASN1_ENUMERATED_new();
        ASN1_ENUMERATED_set(reason, 3);  // affiliationChanged = 記載内容変更 in the J-LIS CPS mapping
        X509_REVOKED_add1_ext_i2d(revoked, NID_crl_reason, reason, 0, 0);
        ASN1_ENUMERATED_free(reason);
        if (X509_CRL_add0_revoked(crl.get(), revoked) != 1) {
          X509_REVOKED_free(revoked);
          fail("X509_CRL_add0_revoked");
        }
        serials.push_back(victim.serial_hex);
      }
      X509_CRL_sort(crl.get());
      X509V3_CTX ctx;
      X509V3_set_ctx(&ctx, issuer.cert.get(), nullptr, nullptr, crl.get(), 0);
      ossl::x509_extension aki(X509V3_EXT_conf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always"));
      if (!aki) fail("CRL authorityKeyIdentifier");
      check(X509_CRL_add_ext(crl.get(), aki.get(), -1), "X509_CRL_add_ext");
      ossl::asn1_integer number(check_ptr(ASN1_INTEGER_new(), "ASN1_INTEGER_new"));
      ASN1_INTEGER_set(number.get(), crl_number++);
      check(X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, 0), "crlNumber");
      if (X509_CRL_sign(crl.get(), issuer.key.get(), EVP_sha256()) <= 0) fail("X509_CRL_sign");

      write_file(out_dir / (c.id + ".pem"), pem_text([&](BIO* bio) { return PEM_write_bio_X509_CRL(bio, crl.get()); }));
      unsigned char* raw = nullptr;
      const int len = i2d_X509_CRL(crl.get(), &raw);
      if (len <= 0) fail("i2d_X509_CRL");
      ossl::openssl_bytes owner(raw);
      write_file(out_dir / (c.id + ".der"),
                 std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(len)));
      add_file(c.id + ".pem", "crl", "pem", c.id);
      add_file(c.id + ".der", "crl", "der", c.id);
      crls_json += std::string(crls_json.empty() ? "" : ",\n") + "    {\"id\": " + json_string(c.id) +
                   ", \"issuer\": " + json_string(c.issuer) + ", \"pem\": " + json_string(c.id + ".pem") +
                   ", \"der\": " + json_string(c.id + ".der") +
                   ", \"this_update\": " + json_string(iso_utc(now + c.this_update_offset)) +
                   ", \"next_update\": " + json_string(iso_utc(now + c.next_update_offset)) +
                   ", \"revoked\": " + json_list(c.revoked) + ", \"revoked_serials_hex\": " + json_list(serials) + "}";
    }

    const std::string manifest =
        "{\n  \"format\": \"mynumber-jpki-test-pki/1\",\n  \"reference_time\": " + json_string(iso_utc(now)) +
        ",\n  \"files\": [\n" + files_json + "\n  ],\n  \"certificates\": [\n" + certs_json +
        "\n  ],\n  \"crls\": [\n" + crls_json + "\n  ]\n}\n";
    write_file(out_dir / "manifest.json", manifest);
    std::cout << "wrote " << specs.size() << " certificates and " << crls.size() << " CRLs to " << out_dir.string()
              << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "jpki_test_pki: " << e.what() << "\n";
    return 1;
  }
}
