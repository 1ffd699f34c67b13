// Quick start: parse, validate, format and convert numbers. Built and run by ctest, and its output
// is compared with quickstart.output, so this page cannot drift from the code.
#include <iostream>

#include <mynumber/mynumber.hpp>

int main() {
  using namespace mynumber;

  // Strict parsing of what a form field or CSV column holds.
  const auto person = individual_number::parse("123456789018");
  std::cout << "individual (masked): " << person << '\n';
  std::cout << "grouped (masked):    " << person.format() << '\n';
  std::cout << "check digit:         " << person.check_digit() << '\n';

  // Lenient parsing of typed-in text: full-width digits and ー as a hyphen.
  const auto typed = individual_number::try_parse_lenient("１２３４ー５６７８ー９０１８");
  std::cout << "lenient equal:       " << std::boolalpha << (typed && *typed == person) << '\n';

  // A wrong check digit: the error names the expected digit, never the number.
  const auto wrong = individual_number::try_parse("123456789012");
  std::cout << "error:               " << wrong.error().message() << '\n';

  // Corporate number from a base number, its T-number and its Peppol id.
  const auto nta = corporate_number::from_base("700110005901");
  std::cout << "corporate:           " << nta.reveal_formatted() << '\n';
  const auto t = invoice_number::from_corporate(nta);
  std::cout << "T-number:            " << t << '\n';
  std::cout << "Peppol:              " << party_identifier(nta).to_peppol_participant() << '\n';
  std::cout << "base kind:           " << to_string(classify(nta).kind) << '\n';
}
