// File: jpki.cpp — C ABI of the jpki module (mynumber_c/jpki.h): bytes in, JSON out.
#include <chrono>
#include <string>
#include <string_view>

#include "c_api_common.hpp"
#include "mynumber/jpki.hpp"
#include "mynumber_c/jpki.h"

namespace mn = mynumber;
namespace jp = mynumber::jpki;
using mn::c_api::fail;
using mn::c_api::guard;

namespace {

// A (pointer, length) byte buffer; NULL is allowed only with length 0.
[[nodiscard]] int bytes(const uint8_t* data, size_t len, std::string_view& out, mn_error* err) noexcept {
  if (data == nullptr) {
    if (len == 0) {
      out = {};
      return MN_OK;
    }
    return fail(err, mn::errc::null_pointer);
  }
  out = std::string_view(reinterpret_cast<const char*>(data), len);
  return MN_OK;
}

// Builds the C++ options; errors (unreadable anchors or CRLs, bad fields) are returned.
[[nodiscard]] mn::result<jp::verify_options> to_options(const mn_jpki_options* in) {
  jp::verify_options out;
  if (in == nullptr) return out;
  if (in->version != MN_JPKI_OPTIONS_VERSION) {
    return mn::error_info{mn::errc::invalid_argument, mn::no_position, -1, "mn_jpki_options.version"};
  }
  if ((in->ca_paths == nullptr && in->ca_count != 0) || (in->crl_paths == nullptr && in->crl_count != 0)) {
    return mn::error_info{mn::errc::null_pointer, mn::no_position, -1, "mn_jpki_options path list"};
  }
  if (in->ca_count != 0) {
    jp::trust_store store;
    for (size_t i = 0; i < in->ca_count; ++i) {
      if (in->ca_paths[i] == nullptr) return mn::error_info{mn::errc::null_pointer, mn::no_position, -1, "ca path"};
      auto one = jp::trust_store::try_from_path(in->ca_paths[i]);
      if (!one) return one.error();
      for (const auto& c : one->certificates()) store.add(c);
    }
    out.anchors = std::move(store);
  }
  for (size_t i = 0; i < in->crl_count; ++i) {
    if (in->crl_paths[i] == nullptr) return mn::error_info{mn::errc::null_pointer, mn::no_position, -1, "crl path"};
    auto list = jp::crl::try_load_file(in->crl_paths[i]);
    if (!list) return list.error();
    out.crls.push_back(std::move(*list));
  }
  if (in->has_at != 0) out.at = jp::instant(std::chrono::seconds(in->at_unix));
  if (in->expected_kind != MN_JPKI_KIND_ANY) {
    if (in->expected_kind < MN_JPKI_KIND_NOT_JPKI || in->expected_kind > MN_JPKI_KIND_CA) {
      return mn::error_info{mn::errc::invalid_argument, mn::no_position, -1, "mn_jpki_options.expected_kind"};
    }
    out.expected = static_cast<jp::certificate_kind>(in->expected_kind);
  }
  out.require_revocation = in->require_revocation != 0;
  return out;
}

template <class Verdict>
[[nodiscard]] int write_verdict(const Verdict& v, int* verdict_ok, char* out, size_t out_size, mn_error* err) {
  if (verdict_ok != nullptr) *verdict_ok = v.ok ? 1 : 0;
  return mn::c_api::write(jp::to_json(v), out, out_size, err);
}

}  // namespace

extern "C" {

MN_API void mn_jpki_options_init(mn_jpki_options* options) {
  if (options == nullptr) return;
  *options = mn_jpki_options MN_JPKI_OPTIONS_INIT;
}

MN_API int mn_jpki_certificate_json(const uint8_t* data, size_t len, unsigned flags, char* out, size_t out_size,
                                    mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = bytes(data, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_JPKI_INCLUDE_BASIC_INFO) != 0) return fail(err, mn::errc::invalid_argument);
    auto cert = jp::certificate::try_parse(in);
    if (!cert) return fail(err, cert.error());
    return mn::c_api::write(jp::to_json(cert->info(), (flags & MN_JPKI_INCLUDE_BASIC_INFO) != 0), out, out_size, err);
  });
}

MN_API int mn_jpki_verify_json(const uint8_t* data, size_t len, const mn_jpki_options* options, int* verdict_ok,
                               char* out, size_t out_size, mn_error* err) {
  if (verdict_ok != nullptr) *verdict_ok = 0;
  return guard(err, [&] {
    std::string_view in;
    if (const int s = bytes(data, len, in, err); s != MN_OK) return s;
    auto opts = to_options(options);
    if (!opts) return fail(err, opts.error());
    return write_verdict(jp::verify_bytes(in, *opts), verdict_ok, out, out_size, err);
  });
}

MN_API int mn_jpki_verify_raw_signature_json(const uint8_t* certificate, size_t certificate_len, const uint8_t* message,
                                             size_t message_len, const uint8_t* signature, size_t signature_len,
                                             const mn_jpki_options* options, int* verdict_ok, char* out,
                                             size_t out_size, mn_error* err) {
  if (verdict_ok != nullptr) *verdict_ok = 0;
  return guard(err, [&] {
    std::string_view cert_in, message_in, signature_in;
    if (const int s = bytes(certificate, certificate_len, cert_in, err); s != MN_OK) return s;
    if (const int s = bytes(message, message_len, message_in, err); s != MN_OK) return s;
    if (const int s = bytes(signature, signature_len, signature_in, err); s != MN_OK) return s;
    auto opts = to_options(options);
    if (!opts) return fail(err, opts.error());
    auto cert = jp::certificate::try_parse(cert_in);
    if (!cert) return fail(err, cert.error());
    return write_verdict(jp::verify_raw_signature(*cert, message_in, signature_in, *opts), verdict_ok, out, out_size,
                         err);
  });
}

MN_API int mn_jpki_verify_cms_json(const uint8_t* cms, size_t cms_len, const uint8_t* content, size_t content_len,
                                   const uint8_t* signer, size_t signer_len, const mn_jpki_options* options,
                                   int* verdict_ok, char* out, size_t out_size, mn_error* err) {
  if (verdict_ok != nullptr) *verdict_ok = 0;
  return guard(err, [&] {
    std::string_view cms_in, content_in, signer_in;
    if (const int s = bytes(cms, cms_len, cms_in, err); s != MN_OK) return s;
    if (const int s = bytes(content, content_len, content_in, err); s != MN_OK) return s;
    if (const int s = bytes(signer, signer_len, signer_in, err); s != MN_OK) return s;
    auto opts = to_options(options);
    if (!opts) return fail(err, opts.error());
    std::vector<jp::certificate> signers;
    if (!signer_in.empty()) {
      auto cert = jp::certificate::try_parse(signer_in);
      if (!cert) return fail(err, cert.error());
      signers.push_back(std::move(*cert));
    }
    return write_verdict(jp::verify_cms_detached(cms_in, content_in, *opts, signers), verdict_ok, out, out_size, err);
  });
}

}  // extern "C"
