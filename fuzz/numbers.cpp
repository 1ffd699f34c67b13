// Fuzz target: number parsing and normalisation from arbitrary (often invalid) UTF-8.
// Properties checked beyond "no crash": strict and lenient parsing agree on ASCII-digit input,
// a parsed number round-trips through reveal(), and the masked form never equals the digits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <mynumber/mynumber.hpp>

namespace {
template <class Number>
void check(std::string_view text) {
  const auto strict = Number::try_parse(text);
  const auto lenient = Number::try_parse_lenient(text);
  if (strict) {
    if (!lenient || *lenient != *strict) std::abort();  // lenient must accept all strict input
    if (strict->reveal() != text) std::abort();
    if (strict->masked() == strict->reveal()) std::abort();
    if (Number::parse(strict->reveal()) != *strict) std::abort();
  }
  if (lenient && Number::try_parse(lenient->reveal()).has_value() == false) std::abort();
  (void)mynumber::try_normalize_digits(text);
  (void)mynumber::invoice_number::try_parse_lenient(text);
  (void)mynumber::try_parse_peppol_participant(text);
  (void)mynumber::registration_number::try_parse(text);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check<mynumber::individual_number>(text);
  check<mynumber::corporate_number>(text);
  std::uint8_t status[64];
  (void)mynumber::validate_lines(text, mynumber::number_kind::individual, status, sizeof status);
  return 0;
}
