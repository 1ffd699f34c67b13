// File: secure.cpp — C ABI of the secure module (mynumber_c/secure.h).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "c_api_common.hpp"
#include "mynumber/secure.hpp"
#include "mynumber_c/secure.h"

namespace mn = mynumber;

struct mn_key_ring {
  mn::key_ring ring;
};

namespace {

[[nodiscard]] int null_pointer(mn_error* err) { return mn::c_api::fail(err, mn::errc::null_pointer); }

// Parses the Individual Number argument; flags may hold MN_LENIENT only (plus `extra` allowed bits).
[[nodiscard]] mn::result<mn::individual_number> number_arg(std::string_view text, unsigned flags) {
  return (flags & MN_LENIENT) != 0 ? mn::individual_number::try_parse_lenient(text)
                                   : mn::individual_number::try_parse(text);
}

[[nodiscard]] bool flags_ok(unsigned flags, unsigned allowed) noexcept { return (flags & ~allowed) == 0; }

[[nodiscard]] int make_ring(mn::result<mn::key_ring> r, mn_key_ring** out, mn_error* err) {
  if (!r) return mn::c_api::fail(err, r.error());
  *out = new mn_key_ring{std::move(*r)};
  return MN_OK;
}

[[nodiscard]] mn::audit_event event_arg(const mn_audit_event& e) {
  if (e.actor == nullptr || e.purpose == nullptr || e.record_id == nullptr) {
    throw mn::error(mn::errc::null_pointer, "actor, purpose and record_id are required");
  }
  mn::audit_event out;
  out.actor = e.actor;
  switch (e.action) {
    case MN_AUDIT_REVEAL: out.action = mn::audit_action::reveal; break;
    case MN_AUDIT_PROVIDE: out.action = mn::audit_action::provide; break;
    case MN_AUDIT_STORE: out.action = mn::audit_action::store; break;
    case MN_AUDIT_DELETE: out.action = mn::audit_action::delete_; break;
    default: throw mn::error(mn::errc::invalid_argument, "unknown audit action");
  }
  out.purpose = e.purpose;
  if (e.legal_basis != nullptr) out.legal_basis = std::string(e.legal_basis);
  out.record_id = e.record_id;
  if (e.detail != nullptr) out.detail = std::string(e.detail);
  if (e.time != 0) out.time = std::chrono::system_clock::time_point(std::chrono::seconds(e.time));
  return out;
}

// The (token, domain, number) arguments shared by mn_token_matches and mn_token_rotate. Returns
// MN_OK with every field set, or the status of the first bad argument.
struct token_arguments {
  std::optional<mn::linkage_token> token;
  std::optional<mn::individual_number> number;
  std::string_view domain;
};
[[nodiscard]] int read_token_arguments(const char* token, size_t token_len, const char* domain, size_t domain_len,
                                       const char* number, size_t number_len, unsigned flags, mn_error* err,
                                       token_arguments& out) {
  if (!flags_ok(flags, MN_LENIENT)) return mn::c_api::fail(err, mn::errc::invalid_argument);
  std::string_view t, n;
  if (const int s = mn::c_api::input(token, token_len, t, err); s != MN_OK) return s;
  if (const int s = mn::c_api::input(domain, domain_len, out.domain, err); s != MN_OK) return s;
  if (const int s = mn::c_api::input(number, number_len, n, err); s != MN_OK) return s;
  auto parsed_token = mn::linkage_token::try_parse(t);
  if (!parsed_token) return mn::c_api::fail(err, parsed_token.error());
  auto parsed = number_arg(n, flags);
  if (!parsed) return mn::c_api::fail(err, parsed.error());
  out.token.emplace(std::move(*parsed_token));
  out.number.emplace(*parsed);
  return MN_OK;
}

}  // namespace

extern "C" {

MN_API int mn_key_ring_load_file(const char* path, mn_key_ring** out, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (out == nullptr) return null_pointer(err);
    *out = nullptr;
    if (path == nullptr) return null_pointer(err);
    return make_ring(mn::key_ring::try_load_file(path), out, err);
  });
}

MN_API int mn_key_ring_from_env(const char* name, mn_key_ring** out, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (out == nullptr) return null_pointer(err);
    *out = nullptr;
    return make_ring(mn::key_ring::try_from_env(name == nullptr ? mn::default_key_environment_variable : name), out,
                     err);
  });
}

MN_API int mn_key_ring_parse(const char* text, size_t len, mn_key_ring** out, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (out == nullptr) return null_pointer(err);
    *out = nullptr;
    std::string_view in;
    if (const int s = mn::c_api::input(text, len, in, err); s != MN_OK) return s;
    return make_ring(mn::key_ring::try_parse(in), out, err);
  });
}

MN_API void mn_key_ring_free(mn_key_ring* ring) { delete ring; }

MN_API int mn_key_ring_current_id(const mn_key_ring* ring, char* out, size_t out_size) {
  return mn::c_api::guard(nullptr, [&] {
    if (ring == nullptr) return mn::c_api::status_of(mn::errc::null_pointer);
    auto key = ring->ring.try_current();
    if (!key) return mn::c_api::status_of(key.error().code);
    return mn::c_api::write((*key)->id(), out, out_size);
  });
}

MN_API int mn_key_generate_entry(const char* id, size_t id_len, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    std::string_view in;
    if (const int s = mn::c_api::input(id, id_len, in, err); s != MN_OK) return s;
    auto key = mn::symmetric_key::try_generate(in);
    if (!key) return mn::c_api::fail(err, key.error());
    const mn::secret entry = [&] {
      std::string text = key->export_entry();
      return mn::secret::take(text);
    }();
    return mn::c_api::write(entry.view(), out, out_size, err);
  });
}

MN_API int mn_token(const mn_key_ring* ring, const char* domain, size_t domain_len, const char* number,
                    size_t number_len, unsigned flags, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    if (!flags_ok(flags, MN_LENIENT)) return mn::c_api::fail(err, mn::errc::invalid_argument);
    std::string_view d, n;
    if (const int s = mn::c_api::input(domain, domain_len, d, err); s != MN_OK) return s;
    if (const int s = mn::c_api::input(number, number_len, n, err); s != MN_OK) return s;
    auto parsed = number_arg(n, flags);
    if (!parsed) return mn::c_api::fail(err, parsed.error());
    auto token = mn::try_derive_token(*parsed, d, ring->ring);
    if (!token) return mn::c_api::fail(err, token.error());
    return mn::c_api::write(token->to_text(), out, out_size, err);
  });
}

MN_API int mn_token_matches(const mn_key_ring* ring, const char* token, size_t token_len, const char* domain,
                            size_t domain_len, const char* number, size_t number_len, unsigned flags, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    token_arguments a;
    if (const int s = read_token_arguments(token, token_len, domain, domain_len, number, number_len, flags, err, a);
        s != MN_OK)
      return s;
    auto match = mn::try_token_matches(*a.token, *a.number, a.domain, ring->ring);
    if (!match) return mn::c_api::fail(err, match.error());
    return *match ? 1 : 0;
  });
}

MN_API int mn_token_rotate(const mn_key_ring* ring, const char* old_token, size_t old_len, const char* domain,
                           size_t domain_len, const char* number, size_t number_len, unsigned flags, char* out,
                           size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    token_arguments a;
    if (const int s = read_token_arguments(old_token, old_len, domain, domain_len, number, number_len, flags, err, a);
        s != MN_OK)
      return s;
    auto rotated = mn::try_rotate_token(*a.token, *a.number, a.domain, ring->ring);
    if (!rotated) return mn::c_api::fail(err, rotated.error());
    return mn::c_api::write(rotated->to_text(), out, out_size, err);
  });
}

MN_API int mn_seal(const mn_key_ring* ring, const char* record_id, size_t record_len, const char* number,
                   size_t number_len, unsigned flags, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    if (!flags_ok(flags, MN_LENIENT)) return mn::c_api::fail(err, mn::errc::invalid_argument);
    std::string_view r, n;
    if (const int s = mn::c_api::input(record_id, record_len, r, err); s != MN_OK) return s;
    if (const int s = mn::c_api::input(number, number_len, n, err); s != MN_OK) return s;
    auto parsed = number_arg(n, flags);
    if (!parsed) return mn::c_api::fail(err, parsed.error());
    auto sealed = mn::try_seal(*parsed, r, ring->ring);
    if (!sealed) return mn::c_api::fail(err, sealed.error());
    return mn::c_api::write(sealed->to_text(), out, out_size, err);
  });
}

MN_API int mn_unseal(const mn_key_ring* ring, const char* sealed, size_t sealed_len, const char* record_id,
                     size_t record_len, unsigned flags, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    if (!flags_ok(flags, MN_REVEAL)) return mn::c_api::fail(err, mn::errc::invalid_argument);
    std::string_view v, r;
    if (const int s = mn::c_api::input(sealed, sealed_len, v, err); s != MN_OK) return s;
    if (const int s = mn::c_api::input(record_id, record_len, r, err); s != MN_OK) return s;
    auto parsed = mn::sealed_value::try_parse(v);
    if (!parsed) return mn::c_api::fail(err, parsed.error());
    auto number = mn::try_unseal(*parsed, r, ring->ring);
    if (!number) return mn::c_api::fail(err, number.error());
    if ((flags & MN_REVEAL) == 0) return mn::c_api::write(number->masked(), out, out_size, err);
    const mn::secret digits = mn::reveal_into_secret(*number);
    return mn::c_api::write(digits.view(), out, out_size, err);
  });
}

MN_API int mn_reseal(const mn_key_ring* ring, const char* sealed, size_t sealed_len, const char* record_id,
                     size_t record_len, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (ring == nullptr) return null_pointer(err);
    std::string_view v, r;
    if (const int s = mn::c_api::input(sealed, sealed_len, v, err); s != MN_OK) return s;
    if (const int s = mn::c_api::input(record_id, record_len, r, err); s != MN_OK) return s;
    auto parsed = mn::sealed_value::try_parse(v);
    if (!parsed) return mn::c_api::fail(err, parsed.error());
    auto again = mn::try_reseal(*parsed, r, ring->ring);
    if (!again) return mn::c_api::fail(err, again.error());
    return mn::c_api::write(again->to_text(), out, out_size, err);
  });
}

MN_API int mn_audit_append(const char* path, const mn_key_ring* ring, const mn_audit_event* event, char* out,
                           size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (path == nullptr || event == nullptr) return null_pointer(err);
    mn::audit_log log(path, ring == nullptr ? nullptr : &ring->ring);
    auto line = log.try_append(event_arg(*event));
    if (!line) return mn::c_api::fail(err, line.error());
    return mn::c_api::write(*line, out, out_size, err);
  });
}

MN_API int mn_audit_verify(const char* log, size_t len, const mn_key_ring* ring, uint64_t* entries, char* head_hash,
                           size_t head_hash_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    std::string_view in;
    if (const int s = mn::c_api::input(log, len, in, err); s != MN_OK) return s;
    mn::audit_verify_options options;
    options.keys = ring == nullptr ? nullptr : &ring->ring;
    auto head = mn::try_verify_audit_log(in, options);
    if (!head) return mn::c_api::fail(err, head.error());
    if (entries != nullptr) *entries = head->entries;
    const int written = mn::c_api::write(head->hash, head_hash, head_hash_size, err);
    return written < 0 ? written : MN_OK;
  });
}

MN_API int mn_audit_deletion_certificate(const char* log, size_t len, const mn_key_ring* ring, const char* issuer,
                                         const char* record_id, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&] {
    if (issuer == nullptr) return null_pointer(err);
    std::string_view in;
    if (const int s = mn::c_api::input(log, len, in, err); s != MN_OK) return s;
    mn::audit_verify_options options;
    options.keys = ring == nullptr ? nullptr : &ring->ring;
    mn::deletion_filter filter;
    if (record_id != nullptr) filter.record_id = std::string(record_id);
    auto cert = mn::try_make_deletion_certificate(in, issuer, filter, options);
    if (!cert) return mn::c_api::fail(err, cert.error());
    return mn::c_api::write(cert->to_json(), out, out_size, err);
  });
}

}  // extern "C"
