// File: iso6523.hpp — ISO/IEC 6523 and Peppol participant identifiers for Japanese parties.
// ICD 0188 (Peppol JP:SST) = corporate number, value "0188:<13 digits>";
// ICD 0221 (Peppol JP:IIN) = qualified-invoice issuer number, value "0221:T<13 digits>";
// Peppol participant id = "iso6523-actorid-upis::" + one of those (numbers.md §3.1).
#ifndef MYNUMBER_ISO6523_HPP
#define MYNUMBER_ISO6523_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "invoice_number.hpp"

MYNUMBER_BEGIN_NAMESPACE

enum class icd : std::uint16_t {
  jp_corporate_number = 188,  // 0188, JP:SST
  jp_invoice_number = 221,    // 0221, JP:IIN
};

inline constexpr std::string_view peppol_participant_scheme = "iso6523-actorid-upis";

// A party identified under ICD 0188 or 0221.
class party_identifier {
 public:
  // Implicit on purpose: either number is a party identifier wherever one is expected.
  party_identifier(const corporate_number& n) : value_(n) {}  // NOLINT(google-explicit-constructor)
  party_identifier(const invoice_number& n) : value_(n) {}    // NOLINT(google-explicit-constructor)

  [[nodiscard]] icd scheme() const noexcept {
    return std::holds_alternative<corporate_number>(value_) ? icd::jp_corporate_number : icd::jp_invoice_number;
  }

  // The number inside, by value: the Corporate Number (ICD 0188) or the T-number (ICD 0221).
  // The try_ forms fail with errc::invalid_argument when the identifier holds the other one.
  [[nodiscard]] result<corporate_number> try_corporate() const {
    if (const auto* c = if_corporate()) return *c;
    return error_info{errc::invalid_argument, no_position, -1, "the identifier is a T-number (ICD 0221)"};
  }
  [[nodiscard]] corporate_number corporate() const { return try_corporate().value(); }
  [[nodiscard]] result<invoice_number> try_invoice() const {
    if (const auto* t = if_invoice()) return *t;
    return error_info{errc::invalid_argument, no_position, -1, "the identifier is a Corporate Number (ICD 0188)"};
  }
  [[nodiscard]] invoice_number invoice() const { return try_invoice().value(); }

  // The number inside without a copy, or nullptr when it holds the other one (as std::get_if).
  // Only on an lvalue: the pointer points into *this, so on a temporary it would dangle.
  [[nodiscard]] const corporate_number* if_corporate() const& noexcept {
    return std::get_if<corporate_number>(&value_);
  }
  [[nodiscard]] const invoice_number* if_invoice() const& noexcept { return std::get_if<invoice_number>(&value_); }
  [[nodiscard]] const corporate_number* if_corporate() const&& = delete;
  [[nodiscard]] const invoice_number* if_invoice() const&& = delete;

  // "0188:7000012050002" or "0221:T7000012050002".
  [[nodiscard]] std::string to_iso6523() const {
    if (const auto* c = if_corporate()) return "0188:" + c->reveal();
    return "0221:" + if_invoice()->to_string();
  }
  // "iso6523-actorid-upis::0188:7000012050002".
  [[nodiscard]] std::string to_peppol_participant() const {
    return std::string(peppol_participant_scheme) + "::" + to_iso6523();
  }

  // Same scheme and same digits. Written out rather than variant's ==, which is not noexcept.
  friend bool operator==(const party_identifier& a, const party_identifier& b) noexcept {
    if (a.value_.index() != b.value_.index()) return false;
    if (const auto* c = a.if_corporate()) return *c == *b.if_corporate();
    return *a.if_invoice() == *b.if_invoice();
  }
  friend bool operator!=(const party_identifier& a, const party_identifier& b) noexcept { return !(a == b); }

 private:
  std::variant<corporate_number, invoice_number> value_;
};

// Parses "0188:<corporate number>" or "0221:T<13 digits>". Errors: empty, unknown_scheme
// (position 0) for another ICD or a missing ':', then the number's own errors, with positions
// counted from the start of `text`.
[[nodiscard]] inline result<party_identifier> try_parse_iso6523(std::string_view text) {
  if (text.empty()) return errc::empty;
  if (text.substr(0, 5) == "0188:") {
    auto n = corporate_number::try_parse(text.substr(5));
    if (!n) return n.error().shifted(5);
    return party_identifier(*n);
  }
  if (text.substr(0, 5) == "0221:") {
    auto n = invoice_number::try_parse(text.substr(5));
    if (!n) return n.error().shifted(5);
    return party_identifier(*n);
  }
  return error_info{errc::unknown_scheme, 0, -1, "expected ICD 0188 or 0221"};
}

// Parses a Peppol participant id "iso6523-actorid-upis::0188:…". The scheme part is matched
// case-insensitively, as Peppol identifiers are.
[[nodiscard]] inline result<party_identifier> try_parse_peppol_participant(std::string_view text) {
  if (text.empty()) return errc::empty;
  const std::size_t sep = text.find("::");
  if (sep != peppol_participant_scheme.size())  // also when there is no "::" (npos)
    return error_info{errc::unknown_scheme, 0, -1, "expected 'iso6523-actorid-upis::'"};
  for (std::size_t i = 0; i < sep; ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != peppol_participant_scheme[i])
      return error_info{errc::unknown_scheme, i, -1, "expected 'iso6523-actorid-upis::'"};
  }
  auto id = try_parse_iso6523(text.substr(sep + 2));
  if (!id) return id.error().shifted(sep + 2);
  return id;
}

[[nodiscard]] inline party_identifier parse_iso6523(std::string_view text) { return try_parse_iso6523(text).value(); }
[[nodiscard]] inline party_identifier parse_peppol_participant(std::string_view text) {
  return try_parse_peppol_participant(text).value();
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_ISO6523_HPP
