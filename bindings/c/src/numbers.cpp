// File: numbers.cpp — C ABI for the number types of the core (mynumber.hpp).
#include <cstdint>
#include <new>
#include <random>
#include <string>
#include <string_view>

#include "c_api_common.hpp"
#include "mynumber/mynumber.hpp"

namespace mn = mynumber;
using mn::c_api::fail;
using mn::c_api::guard;
using mn::c_api::input;
using mn::c_api::write;

struct mn_generator {
  std::mt19937_64 engine;
};

namespace {

[[nodiscard]] bool known_kind(mn_kind kind) noexcept {
  const int k = static_cast<int>(kind);
  return k == MN_KIND_INDIVIDUAL || k == MN_KIND_CORPORATE;
}

[[nodiscard]] mn::number_kind to_kind(mn_kind kind) noexcept {
  return static_cast<int>(kind) == MN_KIND_CORPORATE ? mn::number_kind::corporate : mn::number_kind::individual;
}

template <mn::number_kind Kind>
[[nodiscard]] mn::result<mn::basic_number<Kind>> parse(std::string_view text, unsigned flags) {
  return (flags & MN_LENIENT) != 0 ? mn::basic_number<Kind>::try_parse_lenient(text)
                                   : mn::basic_number<Kind>::try_parse(text);
}

// Calls f(number) with the parsed number of the runtime kind, or reports the parse error.
template <class F>
[[nodiscard]] int with_number(mn_kind kind, std::string_view text, unsigned flags, mn_error* err, F&& f) {
  if (to_kind(kind) == mn::number_kind::individual) {
    auto n = parse<mn::number_kind::individual>(text, flags);
    return n ? f(*n) : fail(err, n.error());
  }
  auto n = parse<mn::number_kind::corporate>(text, flags);
  return n ? f(*n) : fail(err, n.error());
}

[[nodiscard]] mn::result<mn::invoice_number> parse_invoice(std::string_view text, unsigned flags) {
  return (flags & MN_LENIENT) != 0 ? mn::invoice_number::try_parse_lenient(text) : mn::invoice_number::try_parse(text);
}

// A corporate number or a T-number, as mn_to_iso6523 accepts it.
[[nodiscard]] mn::result<mn::party_identifier> parse_party(std::string_view text, unsigned flags) {
  auto invoice = parse_invoice(text, flags);
  if (invoice) return mn::party_identifier(*invoice);
  if (invoice.error().code != mn::errc::missing_prefix) return invoice.error();
  auto corporate = parse<mn::number_kind::corporate>(text, flags);
  if (!corporate) return corporate.error();
  return mn::party_identifier(*corporate);
}

[[nodiscard]] int write_party(const mn::result<mn::party_identifier>& id, int* icd, char* out, size_t out_size,
                              mn_error* err) {
  if (!id) return fail(err, id.error());
  if (icd != nullptr) *icd = static_cast<int>(id->scheme());
  if (const auto* c = id->if_corporate()) return write(c->reveal(), out, out_size, err);
  return write(id->if_invoice()->to_string(), out, out_size, err);
}

template <class Validate>
[[nodiscard]] int bulk(mn_kind kind, uint8_t* status_out, size_t status_size, mn_bulk_counts* counts, Validate&& run) {
  if (counts != nullptr) *counts = mn_bulk_counts{0, 0, 0};
  if (!known_kind(kind)) return fail(nullptr, mn::errc::invalid_argument);
  if (status_out == nullptr && status_size != 0) return fail(nullptr, mn::errc::null_pointer);
  const mn::bulk_counts c = run(to_kind(kind));
  if (counts != nullptr) *counts = mn_bulk_counts{c.records, c.valid, c.invalid};
  return MN_OK;
}

}  // namespace

extern "C" {

MN_API int mn_validate(mn_kind kind, const char* text, size_t len, unsigned flags, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(text, len, in, err); s != MN_OK) return s;
    if (!known_kind(kind) || (flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    if ((flags & MN_LENIENT) != 0) return with_number(kind, in, flags, err, [](const auto&) { return MN_OK; });
    const mn::validation v = mn::validate(to_kind(kind), in);
    return v ? MN_OK : fail(err, v.code, v.position, v.expected);
  });
}

MN_API int mn_is_valid(mn_kind kind, const char* text, size_t len) {
  if (text == nullptr || !known_kind(kind)) return 0;
  const std::string_view in(text, len == MN_NUL_TERMINATED ? std::strlen(text) : len);
  return mn::validate(to_kind(kind), in).ok() ? 1 : 0;
}

MN_API int mn_check_digit(mn_kind kind, const char* base, size_t len, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(base, len, in, err); s != MN_OK) return s;
    if (!known_kind(kind)) return fail(err, mn::errc::invalid_argument);
    const bool individual = to_kind(kind) == mn::number_kind::individual;
    const std::size_t base_length = (individual ? mn::individual_number_length : mn::corporate_number_length) - 1;
    if (const mn::validation shape = mn::detail::check_digit_string(in, base_length); !shape)
      return fail(err, shape.code, shape.position);
    return individual ? mn::individual_check_digit(in) : mn::corporate_check_digit(in);
  });
}

MN_API int mn_from_base(mn_kind kind, const char* base, size_t len, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(base, len, in, err); s != MN_OK) return s;
    if (!known_kind(kind)) return fail(err, mn::errc::invalid_argument);
    if (to_kind(kind) == mn::number_kind::individual) {
      auto n = mn::individual_number::try_from_base(in);
      return n ? write(n->reveal(), out, out_size, err) : fail(err, n.error());
    }
    auto n = mn::corporate_number::try_from_base(in);
    return n ? write(n->reveal(), out, out_size, err) : fail(err, n.error());
  });
}

MN_API int mn_normalize(const char* text, size_t len, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(text, len, in, err); s != MN_OK) return s;
    return mn::c_api::write_result(mn::try_normalize_digits(in), out, out_size, err);
  });
}

MN_API int mn_format(mn_kind kind, const char* text, size_t len, unsigned flags, char* out, size_t out_size,
                     mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(text, len, in, err); s != MN_OK) return s;
    if (!known_kind(kind) || (flags & ~(MN_LENIENT | MN_REVEAL | MN_NO_SEPARATOR)) != 0)
      return fail(err, mn::errc::invalid_argument);
    return with_number(kind, in, flags, err, [&](const auto& n) {
      using traits = typename std::decay_t<decltype(n)>::traits;
      const char separator = (flags & MN_NO_SEPARATOR) != 0 ? '\0' : traits::default_separator;
      return write((flags & MN_REVEAL) != 0 ? n.reveal_formatted(separator) : n.format({}, separator), out, out_size,
                   err);
    });
  });
}

MN_API int mn_mask(mn_kind kind, const char* text, size_t len, unsigned flags, int visible_digits, char mask_char,
                   char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(text, len, in, err); s != MN_OK) return s;
    if (!known_kind(kind) || (flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    mn::mask_policy policy;
    if (visible_digits >= 0) policy.visible_digits = static_cast<std::size_t>(visible_digits);
    if (mask_char != '\0') policy.mask_char = mask_char;
    return with_number(kind, in, flags, err,
                       [&](const auto& n) { return write(n.masked(policy), out, out_size, err); });
  });
}

MN_API int mn_validate_lines(mn_kind kind, const char* buffer, size_t len, uint8_t* status_out, size_t status_size,
                             mn_bulk_counts* counts) {
  return guard(nullptr, [&] {
    if (buffer == nullptr && len != 0) {
      if (counts != nullptr) *counts = mn_bulk_counts{0, 0, 0};
      return fail(nullptr, mn::errc::null_pointer);
    }
    return bulk(kind, status_out, status_size, counts, [&](mn::number_kind k) {
      return mn::validate_lines(std::string_view(buffer == nullptr ? "" : buffer, len), k, status_out, status_size);
    });
  });
}

MN_API int mn_validate_strided(mn_kind kind, const char* data, size_t count, size_t stride, uint8_t* status_out,
                               size_t status_size, mn_bulk_counts* counts) {
  return guard(nullptr, [&] {
    if ((data == nullptr && count != 0) || (stride == 0 && count != 0)) {
      if (counts != nullptr) *counts = mn_bulk_counts{0, 0, 0};
      return fail(nullptr, data == nullptr ? mn::errc::null_pointer : mn::errc::invalid_argument);
    }
    return bulk(kind, status_out, status_size, counts, [&](mn::number_kind k) {
      return mn::validate_strided(data, count, stride, k, status_out, status_size);
    });
  });
}

MN_API mn_generator* mn_generator_new(uint64_t seed) { return new (std::nothrow) mn_generator{std::mt19937_64(seed)}; }

MN_API void mn_generator_free(mn_generator* gen) { delete gen; }

MN_API int mn_generator_next(mn_generator* gen, mn_kind kind, int check_digit, char* out, size_t out_size) {
  return guard(nullptr, [&] {
    if (gen == nullptr) return fail(nullptr, mn::errc::null_pointer);
    if (!known_kind(kind)) return fail(nullptr, mn::errc::invalid_argument);
    const mn::generate_options options{check_digit};
    if (to_kind(kind) == mn::number_kind::individual)
      return write(mn::generate_individual(gen->engine, options).reveal(), out, out_size);
    return write(mn::generate_corporate(gen->engine, options).reveal(), out, out_size);
  });
}

MN_API int mn_generate(mn_kind kind, uint64_t seed, size_t count, char* out, size_t out_size) {
  return guard(nullptr, [&] {
    if (!known_kind(kind)) return fail(nullptr, mn::errc::invalid_argument);
    const bool individual = to_kind(kind) == mn::number_kind::individual;
    const std::size_t length = individual ? mn::individual_number_length : mn::corporate_number_length;
    if (count > static_cast<std::size_t>(INT_MAX) / length) return fail(nullptr, mn::errc::invalid_argument);
    const std::size_t needed = count * length;
    if (out == nullptr && out_size != 0) return fail(nullptr, mn::errc::null_pointer);
    if (out_size <= needed) {
      if (out_size != 0) out[0] = '\0';
      return static_cast<int>(needed);
    }
    std::mt19937_64 engine(seed);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string digits =
          individual ? mn::generate_individual(engine).reveal() : mn::generate_corporate(engine).reveal();
      digits.copy(out + i * length, length);
    }
    out[needed] = '\0';
    return static_cast<int>(needed);
  });
}

MN_API int mn_invoice_validate(const char* text, size_t len, unsigned flags, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(text, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    auto n = parse_invoice(in, flags);
    return n ? MN_OK : fail(err, n.error());
  });
}

MN_API int mn_invoice_from_corporate(const char* corporate, size_t len, unsigned flags, char* out, size_t out_size,
                                     mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(corporate, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    auto n = parse<mn::number_kind::corporate>(in, flags);
    return n ? write(mn::invoice_number::from_corporate(*n).to_string(), out, out_size, err) : fail(err, n.error());
  });
}

MN_API int mn_invoice_to_corporate(const char* invoice, size_t len, unsigned flags, char* out, size_t out_size,
                                   mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(invoice, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    auto n = parse_invoice(in, flags);
    return n ? write(n->digits_as_corporate_number().reveal(), out, out_size, err) : fail(err, n.error());
  });
}

MN_API int mn_to_iso6523(const char* number, size_t len, unsigned flags, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(number, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    auto id = parse_party(in, flags);
    return id ? write(id->to_iso6523(), out, out_size, err) : fail(err, id.error());
  });
}

MN_API int mn_to_peppol(const char* number, size_t len, unsigned flags, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(number, len, in, err); s != MN_OK) return s;
    if ((flags & ~MN_LENIENT) != 0) return fail(err, mn::errc::invalid_argument);
    auto id = parse_party(in, flags);
    return id ? write(id->to_peppol_participant(), out, out_size, err) : fail(err, id.error());
  });
}

MN_API int mn_from_iso6523(const char* id, size_t len, int* icd, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(id, len, in, err); s != MN_OK) return s;
    return write_party(mn::try_parse_iso6523(in), icd, out, out_size, err);
  });
}

MN_API int mn_from_peppol(const char* id, size_t len, int* icd, char* out, size_t out_size, mn_error* err) {
  return guard(err, [&] {
    std::string_view in;
    if (const int s = input(id, len, in, err); s != MN_OK) return s;
    return write_party(mn::try_parse_peppol_participant(in), icd, out, out_size, err);
  });
}

}  // extern "C"
