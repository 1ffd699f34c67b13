// File: card.cpp — the C ABI of mynumber::card (bindings/c/include/mynumber_c/card.h).
#include "mynumber_c/card.h"
#include "mynumber/detail/json.hpp"

#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "c_api_common.hpp"
#include "mynumber/card.hpp"
#include "mynumber/detail/secure_wipe.hpp"

namespace c_api = mynumber::c_api;
namespace card = mynumber::card;
using mynumber::errc;
using mynumber::error_info;
using mynumber::result;

struct mn_card_reader {
#if defined(MYNUMBER_HAS_PCSC)
  explicit mn_card_reader(card::pcsc_transport t) : transport(std::move(t)), reader(transport) {}
  card::pcsc_transport transport;
  card::reader reader;
#endif
};

namespace {

// A date argument (required unless `optional`).
int date_arg(const char* text, bool optional, std::optional<mynumber::civil_date>& out, mn_error* err) {
  if (text == nullptr) {
    if (optional) return MN_OK;
    return c_api::fail(err, errc::null_pointer);
  }
  // "YYYYMMDD" or "YYYY-MM-DD" (mynumber_c/card.h); errors are MN_E_INVALID_DATE.
  const std::string_view view(text);
  auto d = view.size() == 8 ? mynumber::civil_date::try_parse_basic(view) : mynumber::civil_date::try_parse(view);
  if (!d) return c_api::fail(err, d.error());
  out = *d;
  return MN_OK;
}

// A secret argument, copied so that it can be wiped.
struct secret {
  std::string value;
  secret() = default;
  secret(const secret&) = delete;
  secret& operator=(const secret&) = delete;
  ~secret() { mynumber::detail::secure_wipe(value.data(), value.size()); }
};
int secret_arg(const char* text, std::size_t len, secret& out, mn_error* err) {
  std::string_view view;
  if (const int s = c_api::input(text, len, view, err); s != MN_OK) return s;
  out.value.assign(view);
  return MN_OK;
}

int bytes_out(const std::vector<std::uint8_t>& bytes, std::uint8_t* out, std::size_t out_size, mn_error* err) {
  if (bytes.size() > 0x7FFFFFFF) return c_api::fail(err, errc::invalid_argument);
  if (out == nullptr && out_size != 0) return c_api::fail(err, errc::null_pointer);
  if (out != nullptr && bytes.size() <= out_size && !bytes.empty()) std::memcpy(out, bytes.data(), bytes.size());
  return static_cast<int>(bytes.size());
}

card::verify_options verify_flags(unsigned flags) {
  card::verify_options o;
  o.allow_last_try = (flags & MN_CARD_ALLOW_LAST_TRY) != 0;
  return o;
}

}  // namespace

extern "C" {

MN_API int mn_card_expiry(const char* birth, const char* application_received, const char* issued,
                          mn_card_residence residence, const char* stay_until, char* out, size_t out_size,
                          int* reason_out, int* adult_out, mn_error* err) {
  return c_api::guard(err, [&] {
    std::optional<mynumber::civil_date> b, r, i, s;
    if (int st = date_arg(birth, false, b, err); st != MN_OK) return st;
    if (int st = date_arg(issued, false, i, err); st != MN_OK) return st;
    if (int st = date_arg(application_received, true, r, err); st != MN_OK) return st;
    if (int st = date_arg(stay_until, true, s, err); st != MN_OK) return st;
    card::card_application a{*b, r ? *r : *i, *i};
    switch (residence) {
      case MN_CARD_JAPANESE_NATIONAL: a.residence = card::residence_status::japanese_national; break;
      case MN_CARD_FOREIGN_PERMANENT: a.residence = card::residence_status::foreign_permanent; break;
      case MN_CARD_FOREIGN_FIXED_TERM: a.residence = card::residence_status::foreign_fixed_term; break;
      default: return c_api::fail(err, errc::invalid_argument);
    }
    a.stay_until = s;
    auto e = card::try_card_expiry(a);
    if (!e) return c_api::fail(err, e.error());
    if (reason_out != nullptr) *reason_out = static_cast<int>(e->reason);
    if (adult_out != nullptr) *adult_out = e->adult ? 1 : 0;
    return c_api::write(e->date.to_string(), out, out_size, err);
  });
}

MN_API int mn_card_certificate_expiry(const char* birth, const char* certificate_issued, const char* card_expiry,
                                      char* out, size_t out_size, int* reason_out, mn_error* err) {
  return c_api::guard(err, [&] {
    std::optional<mynumber::civil_date> b, i, c;
    if (int st = date_arg(birth, false, b, err); st != MN_OK) return st;
    if (int st = date_arg(certificate_issued, false, i, err); st != MN_OK) return st;
    if (int st = date_arg(card_expiry, false, c, err); st != MN_OK) return st;
    auto e = card::try_certificate_expiry(*b, *i, *c);
    if (!e) return c_api::fail(err, e.error());
    if (reason_out != nullptr) *reason_out = static_cast<int>(e->reason);
    return c_api::write(e->date.to_string(), out, out_size, err);
  });
}

MN_API int mn_card_verification_code_b(const char* birth, int expiry_year, const char* security_code, size_t len,
                                       unsigned flags, char* out, size_t out_size, mn_error* err) {
  return c_api::guard(err, [&] {
    std::optional<mynumber::civil_date> b;
    if (int st = date_arg(birth, false, b, err); st != MN_OK) return st;
    std::string_view code;
    if (int st = c_api::input(security_code, len, code, err); st != MN_OK) return st;
    const auto calendar =
        (flags & MN_CARD_GREGORIAN_BIRTH) != 0 ? card::birth_calendar::gregorian : card::birth_calendar::wareki;
    return c_api::write_result(card::try_verification_code_b(*b, expiry_year, code, calendar), out, out_size, err);
  });
}

MN_API int mn_card_to_wareki(const char* date, char* out, size_t out_size, mn_error* err) {
  return c_api::guard(err, [&] {
    std::optional<mynumber::civil_date> d;
    if (int st = date_arg(date, false, d, err); st != MN_OK) return st;
    auto w = mynumber::try_to_wareki(*d);
    if (!w) return c_api::fail(err, w.error());
    return c_api::write(w->to_string(), out, out_size, err);
  });
}

MN_API int mn_card_check_pin_format(mn_card_pin kind, const char* pin, size_t len, mn_error* err) {
  return c_api::guard(err, [&] {
    std::string_view text;
    if (int st = c_api::input(pin, len, text, err); st != MN_OK) return st;
    bool known = false;
    for (const auto& s : card::pin_specs) known = known || static_cast<int>(s.kind) == static_cast<int>(kind);
    if (!known) return c_api::fail(err, errc::invalid_argument);
    auto ok = card::check_pin_format(static_cast<card::pin_kind>(kind), text);
    if (!ok) return c_api::fail(err, ok.error());
    return static_cast<int>(MN_OK);
  });
}

MN_API int mn_card_has_pcsc(void) {
#if defined(MYNUMBER_HAS_PCSC)
  return 1;
#else
  return 0;
#endif
}

MN_API void mn_card_reader_free(mn_card_reader* reader) { delete reader; }

#if defined(MYNUMBER_HAS_PCSC)

MN_API int mn_card_reader_open(const char* reader_name, unsigned wait_ms, mn_card_reader** out, mn_error* err) {
  return c_api::guard(err, [&] {
    if (out == nullptr) return c_api::fail(err, errc::null_pointer);
    *out = nullptr;
    card::pcsc_options options;
    if (reader_name != nullptr) options.reader = reader_name;
    options.wait = std::chrono::milliseconds(wait_ms);
    auto t = card::pcsc_transport::try_connect(options);
    if (!t) return c_api::fail(err, t.error());
    *out = new mn_card_reader(std::move(*t));
    return static_cast<int>(MN_OK);
  });
}

MN_API int mn_card_pin_status(mn_card_reader* reader, mn_card_pin kind, int* tries_left, mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr || tries_left == nullptr) return c_api::fail(err, errc::null_pointer);
    auto st = reader->reader.try_pin_status(static_cast<card::pin_kind>(kind));
    if (!st) return c_api::fail(err, st.error());
    *tries_left = st->tries_left ? *st->tries_left : -1;
    return static_cast<int>(MN_OK);
  });
}

MN_API int mn_card_read_my_number(mn_card_reader* reader, const char* pin, size_t pin_len, unsigned flags, char* out,
                                  size_t out_size, mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr) return c_api::fail(err, errc::null_pointer);
    secret p;
    if (int st = secret_arg(pin, pin_len, p, err); st != MN_OK) return st;
    auto n = reader->reader.try_read_my_number(p.value, verify_flags(flags));
    if (!n) return c_api::fail(err, n.error());
    if ((flags & MN_REVEAL) == 0) return c_api::write(n->masked(), out, out_size, err);
    std::string digits = n->reveal();
    const int written = c_api::write(digits, out, out_size, err);
    mynumber::detail::secure_wipe(digits.data(), digits.size());
    return written;
  });
}

MN_API int mn_card_read_basic_info_json(mn_card_reader* reader, mn_card_pin kind, const char* credential, size_t len,
                                        unsigned flags, char* out, size_t out_size, mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr) return c_api::fail(err, errc::null_pointer);
    secret c;
    if (int st = secret_arg(credential, len, c, err); st != MN_OK) return st;
    card::text_credential cred(static_cast<card::pin_kind>(kind), c.value);
    auto info = reader->reader.try_read_basic_info(cred, verify_flags(flags));
    if (!info) return c_api::fail(err, info.error());
    namespace json = mynumber::detail::json;
    const std::string json_text = "{\"name\":" + json::quote(info->name) +
                                  ",\"address\":" + json::quote(info->address) + ",\"birth_date\":\"" +
                                  info->birth.to_string() + "\",\"sex\":\"" + info->sex.digit + "\"}";
    return c_api::write(json_text, out, out_size, err);
  });
}

MN_API int mn_card_read_certificate(mn_card_reader* reader, mn_card_certificate slot, const char* password,
                                    size_t password_len, unsigned flags, uint8_t* out, size_t out_size, mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr) return c_api::fail(err, errc::null_pointer);
    if (static_cast<int>(slot) < 0 || static_cast<int>(slot) > 3) return c_api::fail(err, errc::invalid_argument);
    secret p;
    if (slot == MN_CARD_CERT_SIGN) {
      if (int st = secret_arg(password, password_len, p, err); st != MN_OK) return st;
    }
    auto der = reader->reader.try_read_certificate_der(static_cast<card::certificate_slot>(slot), p.value,
                                                       verify_flags(flags));
    if (!der) return c_api::fail(err, der.error());
    return bytes_out(*der, out, out_size, err);
  });
}

MN_API int mn_card_sign(mn_card_reader* reader, const char* secret_text, size_t secret_len,
                        const uint8_t* sha256_digest, size_t digest_len, unsigned flags, uint8_t* out, size_t out_size,
                        mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr || sha256_digest == nullptr) return c_api::fail(err, errc::null_pointer);
    secret s;
    if (int st = secret_arg(secret_text, secret_len, s, err); st != MN_OK) return st;
    const std::vector<std::uint8_t> digest(sha256_digest, sha256_digest + digest_len);
    auto sig = reader->reader.try_sign(s.value, card::hash_algorithm::sha256, digest, verify_flags(flags),
                                       (flags & MN_CARD_USE_AUTH_KEY) != 0);
    if (!sig) return c_api::fail(err, sig.error());
    return bytes_out(*sig, out, out_size, err);
  });
}

MN_API int mn_card_change_pin(mn_card_reader* reader, mn_card_pin kind, const char* old_pin, size_t old_len,
                              const char* new_pin, size_t new_len, unsigned flags, mn_error* err) {
  return c_api::guard(err, [&] {
    if (reader == nullptr) return c_api::fail(err, errc::null_pointer);
    secret o, n;
    if (int st = secret_arg(old_pin, old_len, o, err); st != MN_OK) return st;
    if (int st = secret_arg(new_pin, new_len, n, err); st != MN_OK) return st;
    auto ok = reader->reader.try_change_pin(static_cast<card::pin_kind>(kind), o.value, n.value, verify_flags(flags));
    if (!ok) return c_api::fail(err, ok.error());
    return static_cast<int>(MN_OK);
  });
}

#else  // no PC/SC

MN_API int mn_card_reader_open(const char*, unsigned, mn_card_reader** out, mn_error* err) {
  if (out != nullptr) *out = nullptr;
  c_api::clear(err);
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_pin_status(mn_card_reader*, mn_card_pin, int*, mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_read_my_number(mn_card_reader*, const char*, size_t, unsigned, char*, size_t, mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_read_basic_info_json(mn_card_reader*, mn_card_pin, const char*, size_t, unsigned, char*, size_t,
                                        mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_read_certificate(mn_card_reader*, mn_card_certificate, const char*, size_t, unsigned, uint8_t*,
                                    size_t, mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_sign(mn_card_reader*, const char*, size_t, const uint8_t*, size_t, unsigned, uint8_t*, size_t,
                        mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}
MN_API int mn_card_change_pin(mn_card_reader*, mn_card_pin, const char*, size_t, const char*, size_t, unsigned,
                              mn_error* err) {
  return c_api::fail(err, errc::not_supported);
}

#endif

}  // extern "C"
