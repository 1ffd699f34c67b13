// File: jpki.cpp — the JPKI part of mynumber._core: certificate info, verification and signature
// verification, each returning the JSON document of include/mynumber/jpki/json.hpp (the same wire
// form as the C ABI). mynumber/jpki.py turns these into dataclasses.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mynumber/jpki.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

namespace jp = mynumber::jpki;

// Options as passed from mynumber/jpki.py: anchors as paths (files or directories) and/or byte
// bundles, CRLs as bytes, the instant as Unix seconds, the expected kind by name.
jp::verify_options make_options(const std::vector<std::string>& ca_paths, const std::vector<py::bytes>& ca_data,
                                const std::vector<py::bytes>& crls, std::optional<std::int64_t> at,
                                std::optional<std::string> expected, bool require_revocation) {
  jp::verify_options options;
  if (!ca_paths.empty() || !ca_data.empty()) {
    jp::trust_store store;
    for (const auto& path : ca_paths) {
      const jp::trust_store one = jp::trust_store::try_from_path(path).value();  // named: outlives the loop
      for (const auto& c : one.certificates()) store.add(c);
    }
    for (const auto& data : ca_data) {
      const jp::trust_store one = jp::trust_store::try_from_bytes(text_arg(data)).value();
      for (const auto& c : one.certificates()) store.add(c);
    }
    options.anchors = std::move(store);
  }
  for (const auto& data : crls) options.crls.push_back(jp::crl::try_parse(text_arg(data)).value());
  if (at) options.at = jp::instant(std::chrono::seconds(*at));
  if (expected) {
    if (*expected == "signature") options.expected = jp::certificate_kind::signature;
    else if (*expected == "authentication") options.expected = jp::certificate_kind::authentication;
    else if (*expected == "ca") options.expected = jp::certificate_kind::ca;
    else throw error(errc::invalid_argument, "expected_kind must be 'signature', 'authentication' or 'ca'");
  }
  options.require_revocation = require_revocation;
  return options;
}

}  // namespace

void register_jpki(py::module_& m) {
  m.def(
      "jpki_certificate_json",
      [](py::bytes data, bool include_basic_info) {
        const std::string bytes(text_arg(data));
        py::gil_scoped_release release;
        const jp::certificate cert = jp::certificate::try_parse(bytes).value();
        return jp::to_json(cert.info(), include_basic_info);
      },
      py::arg("data"), py::arg("include_basic_info") = false,
      "Certificate info (DER or PEM bytes) as JSON; the basic attributes only with include_basic_info. "
      "Raises CertificateError for bytes that are not a certificate.");

  m.def(
      "jpki_verify_json",
      [](py::bytes data, const std::vector<std::string>& ca_paths, const std::vector<py::bytes>& ca_data,
         const std::vector<py::bytes>& crls, std::optional<std::int64_t> at, std::optional<std::string> expected,
         bool require_revocation) {
        const std::string bytes(text_arg(data));
        const jp::verify_options options = make_options(ca_paths, ca_data, crls, at, expected, require_revocation);
        py::gil_scoped_release release;
        return jp::to_json(jp::verify_bytes(bytes, options));
      },
      py::arg("data"), py::arg("ca_paths"), py::arg("ca_data"), py::arg("crls"), py::arg("at"), py::arg("expected"),
      py::arg("require_revocation"),
      "Verdict JSON for certificate bytes (an unparseable certificate is a failed 'parse' check).");

  m.def(
      "jpki_verify_raw_signature_json",
      [](py::bytes certificate, py::bytes message, py::bytes signature, const std::vector<std::string>& ca_paths,
         const std::vector<py::bytes>& ca_data, const std::vector<py::bytes>& crls, std::optional<std::int64_t> at,
         std::optional<std::string> expected, bool require_revocation) {
        const std::string cert_bytes(text_arg(certificate)), message_bytes(text_arg(message)),
            signature_bytes(text_arg(signature));
        const jp::verify_options options = make_options(ca_paths, ca_data, crls, at, expected, require_revocation);
        const jp::certificate cert = jp::certificate::try_parse(cert_bytes).value();
        py::gil_scoped_release release;
        return jp::to_json(jp::verify_raw_signature(cert, message_bytes, signature_bytes, options));
      },
      py::arg("certificate"), py::arg("message"), py::arg("signature"), py::arg("ca_paths"), py::arg("ca_data"),
      py::arg("crls"), py::arg("at"), py::arg("expected"), py::arg("require_revocation"),
      "Signature verdict JSON for a raw card signature (RSA PKCS#1 v1.5, SHA-256 DigestInfo).");

  m.def(
      "jpki_verify_cms_json",
      [](py::bytes cms, py::bytes content, std::optional<py::bytes> signer, const std::vector<std::string>& ca_paths,
         const std::vector<py::bytes>& ca_data, const std::vector<py::bytes>& crls, std::optional<std::int64_t> at,
         std::optional<std::string> expected, bool require_revocation) {
        const std::string cms_bytes(text_arg(cms)), content_bytes(text_arg(content));
        const jp::verify_options options = make_options(ca_paths, ca_data, crls, at, expected, require_revocation);
        std::vector<jp::certificate> signers;
        if (signer) signers.push_back(jp::certificate::try_parse(text_arg(*signer)).value());
        py::gil_scoped_release release;
        return jp::to_json(jp::verify_cms_detached(cms_bytes, content_bytes, options, signers));
      },
      py::arg("cms"), py::arg("content"), py::arg("signer"), py::arg("ca_paths"), py::arg("ca_data"), py::arg("crls"),
      py::arg("at"), py::arg("expected"), py::arg("require_revocation"),
      "Signature verdict JSON for a detached CMS/PKCS#7 SignedData (DER or PEM).");

  m.def(
      "jpki_parse_time",
      [](std::string_view text) { return jp::try_parse_time(text).value().time_since_epoch().count(); },
      py::arg("text"),
      "Unix seconds of 'YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|JST]' (no offset = UTC). Raises InvalidArgumentError.");

  m.def(
      "jpki_jlis_roots_pem",
      [] {
        std::vector<std::string> out;
        for (const auto& root : jp::jlis_roots) out.emplace_back(root.pem);
        return out;
      },
      "The embedded J-LIS root certificates (the default trust anchors), as PEM text.");
}

}  // namespace mynumber::python
