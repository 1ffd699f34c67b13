// Tests for jpki/certificate.hpp: parsing, classification and extraction, checked against the
// generator's manifest (exact round trip of its inputs) and the real J-LIS roots.
#include <mynumber/jpki/certificate.hpp>

#include <string>

#include <doctest/doctest.h>

#include "test_pki.hpp"

using namespace mynumber::jpki;
namespace ossl = mynumber::detail;

namespace {

std::vector<std::string> strings(const test_pki::json& array) {
  std::vector<std::string> out;
  for (const auto& item : array.items) out.push_back(item.text);
  return out;
}

std::string iso(instant t) { return format_utc_iso(t); }

// A self-signed certificate under a JPKI-TEST signature issuer name carrying `ext`, for
// malformed-extension tests (the signature is irrelevant to parsing).
std::string der_with_extension(int nid, const std::string& inner_der, const char* organization = "JPKI-TEST") {
  static ossl::evp_pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  ossl::x509 cert(X509_new());
  X509_set_version(cert.get(), X509_VERSION_3);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7);
  ossl::x509_name name(X509_NAME_new());
  X509_NAME_add_entry_by_txt(name.get(), "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("JP"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(organization), -1,
                             -1, 0);
  X509_NAME_add_entry_by_txt(name.get(), "OU", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("JPKI for digital signature"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name.get());
  X509_set_subject_name(cert.get(), name.get());
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400);
  X509_set_pubkey(cert.get(), key.get());
  ossl::asn1_octet_string value(ASN1_OCTET_STRING_new());
  ASN1_OCTET_STRING_set(value.get(), reinterpret_cast<const unsigned char*>(inner_der.data()),
                        static_cast<int>(inner_der.size()));
  X509_EXTENSION* ext = X509_EXTENSION_create_by_NID(nullptr, nid, 0, value.get());
  X509_add_ext(cert.get(), ext, -1);
  X509_EXTENSION_free(ext);
  X509_sign(cert.get(), key.get(), EVP_sha256());
  unsigned char* raw = nullptr;
  const int n = i2d_X509(cert.get(), &raw);
  ossl::openssl_bytes owner(raw);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
}

// DER of a SAN with one otherName of `oid` whose value is a UTF8String `value`.
std::string san_der(const std::vector<std::pair<std::string, std::string>>& names) {
  ossl::general_names gens(GENERAL_NAMES_new());
  for (const auto& [oid, value] : names) {
    ASN1_TYPE* any = ASN1_TYPE_new();
    ASN1_STRING* text = ASN1_UTF8STRING_new();
    ASN1_STRING_set(text, value.data(), static_cast<int>(value.size()));
    ASN1_TYPE_set(any, V_ASN1_UTF8STRING, text);
    GENERAL_NAME* gen = GENERAL_NAME_new();
    GENERAL_NAME_set0_othername(gen, OBJ_txt2obj(oid.c_str(), 1), any);
    sk_GENERAL_NAME_push(gens.get(), gen);
  }
  unsigned char* raw = nullptr;
  const int n = i2d_GENERAL_NAMES(gens.get(), &raw);
  ossl::openssl_bytes owner(raw);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
}

}  // namespace

TEST_CASE("the real J-LIS roots parse and classify as CA certificates") {
  const struct {
    const char* file;
    const char* serial;
    jpki_purpose purpose;
    const char* not_after;
  } roots[] = {{"sign_ca_2015.pem", "01", jpki_purpose::signature, "2025-10-19T14:59:59Z"},
               {"sign_ca_2023.pem", "067C6A21", jpki_purpose::signature, "2033-07-15T14:59:59Z"},
               {"auth_ca_2015.pem", "01", jpki_purpose::authentication, "2025-10-19T14:59:59Z"},
               {"auth_ca_2023.pem", "06D18006", jpki_purpose::authentication, "2033-07-15T14:59:59Z"}};
  for (const auto& r : roots) {
    CAPTURE(r.file);
    const auto cert = certificate::try_load_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/" + r.file);
    REQUIRE(cert.has_value());
    const certificate_info& info = cert->info();
    CHECK(info.kind == certificate_kind::ca);
    CHECK(info.purpose == r.purpose);
    CHECK(info.decided_by == "subject");
    CHECK_FALSE(info.test_hierarchy);
    CHECK(info.is_ca);
    CHECK(info.serial_hex == r.serial);
    CHECK(iso(info.not_after) == r.not_after);
    CHECK(info.key_algorithm == "RSA");
    CHECK(info.key_bits == 2048);
    CHECK(info.usage.key_cert_sign);
    CHECK(info.usage.crl_sign);
    CHECK(info.usage.critical);
    REQUIRE(info.crl_distribution_points.size() == 1);
    CHECK(info.crl_distribution_points[0].rfind("DirName:C=JP,O=JPKI,OU=JPKI for ", 0) == 0);
    CHECK(info.warnings.empty());
    CHECK_FALSE(info.basic.has_value());
  }
  const auto sign2023 = certificate::load_file(std::string(MYNUMBER_DATA_DIR) + "/jpki/sign_ca_2023.pem");
  CHECK(sign2023.info().serial_decimal == "108816929");  // 0x067C6A21
  CHECK(sign2023.info().not_after_jst() == "2033-07-15 23:59:59 JST");
}

TEST_CASE("generated certificates round-trip the generator's inputs exactly") {
  int signature_certs = 0;
  for (const auto& entry : test_pki::manifest()["certificates"].items) {
    const std::string id = entry["id"].text;
    if (entry["pem"].is_null()) continue;  // the truncated one
    CAPTURE(id);
    const auto cert = certificate::try_load_file(test_pki::path(entry["pem"].text));
    REQUIRE(cert.has_value());
    const auto from_der = certificate::try_load_file(test_pki::path(entry["der"].text));
    REQUIRE(from_der.has_value());
    const certificate_info& info = cert->info();
    CHECK(from_der->info().sha256_fingerprint == info.sha256_fingerprint);
    CHECK(to_string(info.kind) == entry["kind"].text);
    CHECK(to_string(info.purpose) == entry["purpose"].text);
    CHECK(info.test_hierarchy);
    CHECK(info.serial_hex == entry["serial_hex"].text);
    CHECK(info.serial_decimal == entry["serial_decimal"].text);
    CHECK(iso(info.not_before) == entry["not_before"].text);
    CHECK(iso(info.not_after) == entry["not_after"].text);
    CHECK(info.usage.names() == strings(entry["key_usage"]));
    CHECK(info.policies == strings(entry["policies"]));
    CHECK(info.key_algorithm == "RSA");
    CHECK(info.key_bits == 2048);
    const auto& subject = entry["subject"];
    CHECK(info.prefecture == (subject["prefecture"].is_null() ? "" : subject["prefecture"].text));
    CHECK(info.city == (subject["city"].is_null() ? "" : subject["city"].text));
    if (info.kind != certificate_kind::ca) {
      CHECK(info.common_name == subject["common_name"].text);
      CHECK(info.decided_by == "issuer");
    }
    REQUIRE_FALSE(info.crl_distribution_points.empty());
    CHECK(info.crl_distribution_points[0].find("OU=CRL Distribution Points") != std::string::npos);

    const auto& attributes = entry["attributes"];
    if (attributes.is_null()) {
      CHECK_FALSE(info.basic.has_value());
      continue;
    }
    ++signature_certs;
    const auto basic = cert->try_basic_info();
    REQUIRE(basic.has_value());
    CHECK(basic->name.text == attributes["name"].text);
    CHECK(basic->name.substitute_map == attributes["name_substitute_map"].text);
    CHECK(basic->name.map_consistent());
    CHECK(basic->address.text == attributes["address"].text);
    CHECK(basic->address.substitute_map == attributes["address_substitute_map"].text);
    CHECK(basic->address.map_consistent());
    CHECK(basic->sex == attributes["sex"].text);
    CHECK(basic->birth.raw == attributes["birth_date_raw"].text);
    CHECK(basic->birth.iso() == (attributes["birth_date"].is_null() ? "" : attributes["birth_date"].text));
    CHECK(to_string(basic->birth.era) == attributes["era"].text);
    CHECK(info.warnings.empty());
  }
  CHECK(signature_certs >= 3);
}

TEST_CASE("non-BMP and substitute characters survive extraction") {
  const auto cert = certificate::load_file(test_pki::path("sign_good.pem"));
  const basic_info b = cert.basic();
  CHECK(b.name.text == "𠮷田　高志");
  CHECK(b.name.substitute_characters() == std::vector<std::string>{"高"});
  CHECK(b.address.substitute_characters() == std::vector<std::string>{"𩸽"});
  CHECK(b.birth.wareki() == "昭和58年4月15日");
}

TEST_CASE("classification names its evidence") {
  const auto sign = certificate::load_file(test_pki::path("sign_good.der"));
  bool issuer = false, policy = false, usage = false;
  for (const auto& e : sign.info().evidence) {
    issuer = issuer || (e.source == "issuer" && e.says == certificate_kind::signature);
    policy = policy || (e.source == "policy" && e.says == certificate_kind::signature);
    usage = usage || (e.source == "key_usage" && e.says == certificate_kind::signature);
  }
  CHECK(issuer);
  CHECK(policy);
  CHECK(usage);

  const auto wrong_policy = certificate::load_file(test_pki::path("sign_wrong_policy.pem"));
  CHECK(wrong_policy.kind() == certificate_kind::signature);  // the issuer still decides
  CHECK(wrong_policy.info().decided_by == "issuer");

  const auto auth = certificate::load_file(test_pki::path("auth_good.pem"));
  CHECK(auth.kind() == certificate_kind::authentication);
  const auto no_basic = auth.try_basic_info();
  REQUIRE_FALSE(no_basic.has_value());
  CHECK(no_basic.error().code == mynumber::errc::certificate_not_jpki);
}

TEST_CASE("malformed input is a typed error, never a crash") {
  const auto truncated = certificate::try_parse(test_pki::read("sign_truncated.der"));
  REQUIRE_FALSE(truncated.has_value());
  CHECK(truncated.error().code == mynumber::errc::certificate_malformed);
  CHECK(truncated.error().detail.rfind("truncated", 0) == 0);

  const std::string der = test_pki::read("sign_good.der");
  const auto trailing = certificate::try_parse(der + "x");
  REQUIRE_FALSE(trailing.has_value());
  CHECK(trailing.error().detail.find("trailing") != std::string::npos);

  for (const std::string& bad : {std::string(), std::string("hello"), std::string("\x30\x03\x02\x01\x01", 5),
                                 std::string("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")}) {
    const auto r = certificate::try_parse(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == mynumber::errc::certificate_malformed);
  }
  CHECK(ERR_peek_error() == 0);
  CHECK_THROWS_AS((void)certificate::parse("junk"), mynumber::error);

  const auto missing = certificate::try_load_file(test_pki::path("no-such-file.pem"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == mynumber::errc::io);
}

TEST_CASE("malformed or unexpected basic attributes are reported") {
  // Not a CA (no basicConstraints), issuer = JPKI-TEST signature CA: a signature certificate.
  const auto garbage =
      certificate::try_from_der(der_with_extension(NID_subject_alt_name, std::string("\x30\x03\x01\x01", 4)));
  REQUIRE(garbage.has_value());
  CHECK(garbage->kind() == certificate_kind::signature);
  bool warned = false;
  for (const auto& w : garbage->info().warnings) warned = warned || w.find("subjectAltName") != std::string::npos;
  CHECK(warned);
  const auto b = garbage->try_basic_info();
  REQUIRE_FALSE(b.has_value());
  CHECK(b.error().code == mynumber::errc::certificate_extension);

  const std::vector<std::pair<std::string, std::string>> full = {
      {"1.2.392.200149.8.5.5.1", "山田　太郎"}, {"1.2.392.200149.8.5.5.4", "X19830415"},
      {"1.2.392.200149.8.5.5.3", "1"},          {"1.2.392.200149.8.5.5.5", "東京都"},
      {"1.2.392.200149.8.5.5.2", "00000"},      {"1.2.392.200149.8.5.5.6", "000"}};
  const auto bad_birth = certificate::try_from_der(der_with_extension(NID_subject_alt_name, san_der(full)));
  REQUIRE(bad_birth.has_value());
  const auto bb = bad_birth->try_basic_info();
  REQUIRE_FALSE(bb.has_value());
  CHECK(bb.error().code == mynumber::errc::certificate_extension);
  CHECK(bb.error().position == 0);

  auto missing_address = full;
  missing_address[1].second = "319830415";
  missing_address.erase(missing_address.begin() + 3);
  const auto partial = certificate::try_from_der(der_with_extension(NID_subject_alt_name, san_der(missing_address)));
  REQUIRE(partial.has_value());
  const auto pb = partial->try_basic_info();
  REQUIRE_FALSE(pb.has_value());
  CHECK(pb.error().detail.find("1.2.392.200149.8.5.5.5") != std::string::npos);

  auto bad_map = full;
  bad_map[1].second = "319830415";
  bad_map[4].second = "0000";  // 4 flags for a 5-character name
  bad_map.push_back({"1.2.392.200149.8.5.5.9", "?"});
  const auto mapped = certificate::try_from_der(der_with_extension(NID_subject_alt_name, san_der(bad_map)));
  REQUIRE(mapped.has_value());
  REQUIRE(mapped->try_basic_info().has_value());
  CHECK_FALSE(mapped->basic().name.map_consistent());
  std::string all;
  for (const auto& w : mapped->info().warnings) all += w + "\n";
  CHECK(all.find("name substitute map") != std::string::npos);
  CHECK(all.find("unknown JPKI personal-data otherName 1.2.392.200149.8.5.5.9") != std::string::npos);
}

TEST_CASE("an unknown critical extension is a warning") {
  // Use an OID OpenSSL does not implement, marked critical, on an otherwise plain certificate.
  ossl::x509 cert(X509_new());
  const std::string der = der_with_extension(NID_subject_alt_name, san_der({}));
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  cert.reset(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  REQUIRE(cert);
  ossl::asn1_object oid(OBJ_txt2obj("1.3.6.1.4.1.55555.9", 1));
  ossl::asn1_octet_string value(ASN1_OCTET_STRING_new());
  ASN1_OCTET_STRING_set(value.get(), reinterpret_cast<const unsigned char*>("\x05\x00"), 2);
  X509_EXTENSION* ext = X509_EXTENSION_create_by_OBJ(nullptr, oid.get(), 1, value.get());
  X509_add_ext(cert.get(), ext, -1);
  X509_EXTENSION_free(ext);
  REQUIRE(i2d_re_X509_tbs(cert.get(), nullptr) > 0);  // drop the cached encoding of the parsed input
  unsigned char* raw = nullptr;
  const int n = i2d_X509(cert.get(), &raw);
  ossl::openssl_bytes owner(raw);
  const auto parsed =
      certificate::try_from_der(std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n)));
  REQUIRE(parsed.has_value());
  std::string all;
  for (const auto& w : parsed->info().warnings) all += w;
  CHECK(all.find("unsupported critical extension 1.3.6.1.4.1.55555.9") != std::string::npos);
}

TEST_CASE("PEM bundles and re-encoding") {
  const std::string bundle = test_pki::read("sign_root.pem") + test_pki::read("auth_root.pem");
  const auto all = certificate::try_parse_all(bundle);
  REQUIRE(all.has_value());
  REQUIRE(all->size() == 2);
  CHECK((*all)[1].info().purpose == jpki_purpose::authentication);
  const auto cert = certificate::load_file(test_pki::path("sign_good.pem"));
  CHECK(cert.to_der() == test_pki::read("sign_good.der"));
  CHECK(certificate::parse(cert.to_pem()).info().sha256_fingerprint == cert.info().sha256_fingerprint);
}

TEST_CASE("personal data outside a JPKI signature certificate is withheld") {
  const std::vector<std::pair<std::string, std::string>> full = {
      {"1.2.392.200149.8.5.5.1", "山田　太郎"}, {"1.2.392.200149.8.5.5.4", "319830415"},
      {"1.2.392.200149.8.5.5.3", "1"},          {"1.2.392.200149.8.5.5.5", "東京都"},
      {"1.2.392.200149.8.5.5.2", "00000"},      {"1.2.392.200149.8.5.5.6", "000"}};
  const auto genuine = certificate::try_from_der(der_with_extension(NID_subject_alt_name, san_der(full)));
  REQUIRE(genuine.has_value());
  CHECK(genuine->try_basic_info().has_value());
  const auto foreign = certificate::try_from_der(der_with_extension(NID_subject_alt_name, san_der(full), "Example"));
  REQUIRE(foreign.has_value());
  CHECK(foreign->kind() == certificate_kind::not_jpki);
  CHECK_FALSE(foreign->info().basic.has_value());
  const auto b = foreign->try_basic_info();
  REQUIRE_FALSE(b.has_value());
  CHECK(b.error().code == mynumber::errc::certificate_not_jpki);
  bool warned = false;
  for (const auto& w : foreign->info().warnings) warned = warned || w.find("not reported") != std::string::npos;
  CHECK(warned);
}
