// File: invoice_number.hpp — the 適格請求書発行事業者登録番号 ("T-number").
// "T" + 13 digits (NTA, invoice-kohyo.nta.go.jp/about-toroku). For a corporation the digits are
// its corporate number; for sole proprietors and 人格のない社団等 they are a separate number that is
// NOT the My Number. The 13 digits follow the corporate check rule (Peppol ICD 0221 text). The
// registry is public, so T-numbers print in full.
#ifndef MYNUMBER_INVOICE_NUMBER_HPP
#define MYNUMBER_INVOICE_NUMBER_HPP

#include <string>
#include <string_view>

#include "corporate_number.hpp"

MYNUMBER_BEGIN_NAMESPACE

class invoice_number {
 public:
  // Strict: "T" followed by 13 ASCII digits with a valid check digit. Errors: empty,
  // missing_prefix (position 0), then the corporate-number errors with positions shifted by one.
  [[nodiscard]] static result<invoice_number> try_parse(std::string_view text) {
    if (text.empty()) return errc::empty;
    if (text[0] != 'T') return error_info{errc::missing_prefix, 0, -1, "expected 'T'"};
    auto number = corporate_number::try_parse(text.substr(1));
    if (!number) return number.error().shifted(1);
    return invoice_number(*number);
  }
  [[nodiscard]] static invoice_number parse(std::string_view text) { return try_parse(text).value(); }

  // Lenient: also accepts a lower-case "t" or full-width "Ｔ"/"ｔ", and the digit rules of
  // normalize.hpp for the rest (full-width digits, spaces, dashes).
  [[nodiscard]] static result<invoice_number> try_parse_lenient(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t prefix = 0;
    if (text.substr(i, 1) == "T" || text.substr(i, 1) == "t") prefix = 1;
    else if (text.substr(i, 3) == "\xEF\xBC\xB4" || text.substr(i, 3) == "\xEF\xBD\x94") prefix = 3;  // Ｔ ｔ
    if (i == text.size()) return errc::empty;
    if (prefix == 0) return error_info{errc::missing_prefix, i, -1, "expected 'T'"};
    auto number = corporate_number::try_parse_lenient(text.substr(i + prefix));
    if (!number) return number.error().shifted(i + 1);
    return invoice_number(*number);
  }
  [[nodiscard]] static invoice_number parse_lenient(std::string_view text) { return try_parse_lenient(text).value(); }

  // The T-number of a corporation: "T" + its corporate number.
  [[nodiscard]] static invoice_number from_corporate(const corporate_number& n) { return invoice_number(n); }

  // The 13 digits read as a corporate number. For a corporation this is its corporate number; for
  // a sole proprietor the digits pass the same check but belong to no corporation. Telling the
  // two apart needs the NTA registry (the corporate-data module).
  [[nodiscard]] corporate_number digits_as_corporate_number() const { return digits_; }

  // "T1234567890123".
  [[nodiscard]] std::string to_string() const { return "T" + digits_.reveal(); }
  [[nodiscard]] int check_digit() const noexcept { return digits_.check_digit(); }

  friend bool operator==(const invoice_number& a, const invoice_number& b) noexcept { return a.digits_ == b.digits_; }
  friend bool operator!=(const invoice_number& a, const invoice_number& b) noexcept { return !(a == b); }
  friend bool operator<(const invoice_number& a, const invoice_number& b) noexcept { return a.digits_ < b.digits_; }
  friend std::ostream& operator<<(std::ostream& os, const invoice_number& n) { return os << n.to_string(); }

 private:
  explicit invoice_number(const corporate_number& digits) : digits_(digits) {}

  corporate_number digits_;
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_INVOICE_NUMBER_HPP
