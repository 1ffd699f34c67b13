// Fuzz target: JPKI certificate and CRL parsing from arbitrary bytes (DER, PEM, PEM bundles),
// extraction, classification and verification against the embedded J-LIS roots.
// Properties checked beyond "no crash":
//   * OpenSSL's error queue is empty after every call (no stale entries leak);
//   * a parsed certificate re-encodes to DER that parses to the same fingerprint and kind;
//   * the same bytes wrapped as PEM parse to the same certificate;
//   * a verdict is never ok without a passed chain check, and the basic attributes exist only
//     on signature certificates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <mynumber/jpki.hpp>

namespace {

using namespace mynumber::jpki;

void require(bool condition) {
  if (!condition) std::abort();
}

void queue_empty() { require(ERR_peek_error() == 0); }

std::string pem_armor(std::string_view der) {
  std::string b64(4 * ((der.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                                reinterpret_cast<const unsigned char*>(der.data()), static_cast<int>(der.size()));
  b64.resize(static_cast<std::size_t>(n < 0 ? 0 : n));
  std::string out = "-----BEGIN CERTIFICATE-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  return out + "-----END CERTIFICATE-----\n";
}

void check_certificate(const certificate& cert) {
  const certificate_info& info = cert.info();
  if (info.basic) require(info.kind == certificate_kind::signature);
  if (info.basic) {
    require(!info.basic->birth.known() || info.basic->birth.iso().size() == 10);
    (void)info.basic->name.substitute_characters();
    (void)info.basic->address.substitute_positions();
  }
  (void)cert.try_basic_info();
  const std::string der = cert.to_der();
  const auto again = certificate::try_from_der(der);
  require(again.has_value());
  require(again->info().sha256_fingerprint == info.sha256_fingerprint);
  require(again->kind() == info.kind);
  static const trust_store anchors = trust_store::jlis();
  verify_options options;
  options.anchors = anchors;
  const verification v = verify(cert, options);
  if (v.ok) require(v.find("chain") != nullptr && v.find("chain")->outcome == check_outcome::passed);
  queue_empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto parsed = certificate::try_parse(bytes);
  queue_empty();
  if (parsed) check_certificate(*parsed);

  const auto as_der = certificate::try_from_der(bytes);
  queue_empty();
  if (as_der) {
    const auto as_pem = certificate::try_from_pem(pem_armor(bytes));
    queue_empty();
    require(as_pem.has_value());
    require(as_pem->info().sha256_fingerprint == as_der->info().sha256_fingerprint);
  }

  (void)certificate::try_parse_all(bytes);
  queue_empty();

  const auto list = crl::try_parse(bytes);
  queue_empty();
  if (list) {
    for (const auto& entry : list->entries()) require(entry.serial_hex.size() <= 2 * 1024);
    verify_options options;
    options.crls = {*list};
    static const certificate root = certificate::parse(jlis_roots[1].pem);
    (void)verify(root, options);
    queue_empty();
  }
  (void)try_decode_birth_date(bytes);
  (void)try_parse_time(bytes);
  return 0;
}
