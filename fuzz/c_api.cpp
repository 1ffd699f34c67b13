// Fuzz target: the C ABI entry points, differentially against the C++ core (the oracle).
// The input's first byte picks kind and flags; the rest is the text. Every C call must agree with
// the C++ API on status, position and expected digit, honour the snprintf contract (never write
// past out_size, NUL-terminate what fits), and never let anything escape.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <mynumber_c.h>
#include <mynumber/mynumber.hpp>

namespace {
void require(bool condition) {
  if (!condition) std::abort();
}

template <class Number>
void compare_validate(mn_kind kind, std::string_view text, bool lenient) {
  const auto oracle = lenient ? Number::try_parse_lenient(text) : Number::try_parse(text);
  mn_error err;
  const int status = mn_validate(kind, text.data(), text.size(), lenient ? MN_LENIENT : 0u, &err);
  require(status == err.status);
  if (oracle) {
    require(status == MN_OK);
  } else {
    require(status == -static_cast<int>(oracle.error().code));
    const auto expected_position =
        oracle.error().position == mynumber::no_position ? int64_t{-1} : static_cast<int64_t>(oracle.error().position);
    require(err.position == expected_position);
    require(err.expected == oracle.error().expected);
    char message[256];
    const int n = mn_error_message(&err, message, sizeof message);
    require(n >= 0 && static_cast<std::size_t>(n) < sizeof message);
    require(std::string(message) == oracle.error().message());
  }
  if (!lenient) require(mn_is_valid(kind, text.data(), text.size()) == (oracle.has_value() ? 1 : 0));
}

// Calls an snprintf-style function with a small buffer guarded by canaries.
template <class Call>
void check_buffer_contract(Call&& call) {
  char buffer[40];
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{8}, std::size_t{32}}) {
    std::memset(buffer, 0x5A, sizeof buffer);
    const int n = call(size == 0 ? nullptr : buffer, size);
    for (std::size_t i = size; i < sizeof buffer; ++i) require(buffer[i] == 0x5A);
    if (n >= 0 && size > 0) {
      if (static_cast<std::size_t>(n) < size)
        require(buffer[n] == '\0' && std::strlen(buffer) == static_cast<std::size_t>(n));
      else require(buffer[0] == '\0');
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool corporate = (data[0] & 1) != 0;
  const bool lenient = (data[0] & 2) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const mn_kind kind = corporate ? MN_KIND_CORPORATE : MN_KIND_INDIVIDUAL;

  if (corporate) compare_validate<mynumber::corporate_number>(kind, text, lenient);
  else compare_validate<mynumber::individual_number>(kind, text, lenient);

  const unsigned flags = lenient ? MN_LENIENT : 0u;
  check_buffer_contract(
      [&](char* out, std::size_t n) { return mn_normalize(text.data(), text.size(), out, n, nullptr); });
  check_buffer_contract(
      [&](char* out, std::size_t n) { return mn_format(kind, text.data(), text.size(), flags, out, n, nullptr); });
  check_buffer_contract([&](char* out, std::size_t n) {
    return mn_mask(kind, text.data(), text.size(), flags, 4, '*', out, n, nullptr);
  });
  check_buffer_contract(
      [&](char* out, std::size_t n) { return mn_from_base(kind, text.data(), text.size(), out, n, nullptr); });
  check_buffer_contract(
      [&](char* out, std::size_t n) { return mn_to_peppol(text.data(), text.size(), flags, out, n, nullptr); });
  check_buffer_contract([&](char* out, std::size_t n) {
    int icd = 0;
    return mn_from_peppol(text.data(), text.size(), &icd, out, n, nullptr);
  });
  check_buffer_contract([&](char* out, std::size_t n) {
    return mn_invoice_to_corporate(text.data(), text.size(), flags, out, n, nullptr);
  });

  // Masked formatting must never print all digits of a valid Individual Number.
  if (!corporate) {
    char masked[64];
    if (mn_format(kind, text.data(), text.size(), flags, masked, sizeof masked, nullptr) >= 0) {
      std::size_t digits = 0;
      for (const char* p = masked; *p != '\0'; ++p) digits += (*p >= '0' && *p <= '9') ? 1 : 0;
      require(digits < 12);
    }
  }

  // Bulk: C ABI and C++ agree record by record.
  std::uint8_t c_status[64];
  std::uint8_t cpp_status[64];
  mn_bulk_counts counts{};
  const int bulk = mn_validate_lines(kind, text.data(), text.size(), c_status, sizeof c_status, &counts);
  const auto oracle =
      mynumber::validate_lines(text, corporate ? mynumber::number_kind::corporate : mynumber::number_kind::individual,
                               cpp_status, sizeof cpp_status);
  require(bulk == MN_OK);
  require(counts.records == oracle.records && counts.valid == oracle.valid && counts.invalid == oracle.invalid);
  require(std::memcmp(c_status, cpp_status, oracle.records < sizeof c_status ? oracle.records : sizeof c_status) == 0);
  return 0;
}
