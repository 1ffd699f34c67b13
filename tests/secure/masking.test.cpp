// Masking everywhere in C++: a known Individual Number goes through every string-producing path
// of the core value type and of the secure module, and the full digits must never come out
// unless reveal()/view() was called. Grouped forms are checked too ("1234 5678 9018").
#include <doctest/doctest.h>

#include <mynumber/secure.hpp>

#include <sstream>
#include <string>
#include <vector>

#if defined(MYNUMBER_TEST_HAVE_FMT)
#include <mynumber/fmt.hpp>
#endif

#include "secure_test_support.hpp"

using namespace mynumber;

namespace {
const std::string known = "123456789018";

void require_masked(const std::string& text) {
  CAPTURE(text);
  CHECK(text.find(known) == std::string::npos);
  CHECK(text.find("1234 5678 9018") == std::string::npos);
  CHECK(text.find("1234-5678-9018") == std::string::npos);
}

template <class F>
std::string thrown_message(F&& f) {
  try {
    f();
  } catch (const mynumber::error& e) {
    return e.what();
  }
  FAIL("expected mynumber::error");
  return {};
}
}  // namespace

TEST_CASE("value type: streams, to_string, masked, format") {
  const auto n = individual_number::parse(known);
  std::ostringstream os;
  os << n;
  require_masked(os.str());
  CHECK(os.str() == "********9018");
  require_masked(to_string(n));
  require_masked(n.masked());
  require_masked(n.format());
  require_masked(n.format(mask_policy{11, '#'}));  // asking for 11 visible still hides one
  require_masked(n.format(mask_policy::hide_all()));
  CHECK(n.reveal() == known);  // the explicit path does reveal
}

#if defined(MYNUMBER_TEST_HAVE_FMT)
TEST_CASE("fmt formatters mask") {
  const auto n = individual_number::parse(known);
  require_masked(fmt::format("{}", n));
  require_masked(fmt::format("{:g}", n));
  CHECK(fmt::format("{}", n) == "********9018");
}
#endif

TEST_CASE("secrets, tokens, sealed values and keys never print the digits") {
  const auto n = individual_number::parse(known);
  const auto ring = secure_test::ring_of(secure_test::counting_key("org", 0));
  std::ostringstream os;
  os << reveal_into_secret(n) << ' ' << derive_token(n, "payroll", ring) << ' ' << seal(n, "employee/42", ring) << ' '
     << ring.current();
  require_masked(os.str());
  require_masked(to_string(reveal_into_secret(n)));
  const auto sealed = seal(n, "employee/42", ring);
  require_masked(std::string(sealed.to_bytes().begin(), sealed.to_bytes().end()));
  require_masked(derive_token(n, "payroll", ring).to_text());
  CHECK(reveal_into_secret(n).view() == known);  // the explicit path does reveal
}

TEST_CASE("exception messages never carry the digits") {
  const auto n = individual_number::parse(known);
  const auto ring = secure_test::ring_of(secure_test::counting_key("org", 0));
  const auto other = secure_test::ring_of(secure_test::counting_key("other", 0));
  const auto sealed = seal(n, "employee/42", ring);
  std::vector<std::string> messages;
  messages.push_back(thrown_message([&] { (void)unseal(sealed, "employee/43", ring); }));
  messages.push_back(thrown_message([&] { (void)unseal(sealed, "employee/42", other); }));
  messages.push_back(thrown_message([&] { (void)seal(n, "emp " + known, ring); }));
  messages.push_back(thrown_message([&] { (void)seal(n, known, ring); }));
  messages.push_back(thrown_message([&] { (void)derive_token(n, "", ring); }));
  messages.push_back(thrown_message([&] { (void)linkage_token::parse("mnt1." + known); }));
  messages.push_back(thrown_message([&] { (void)linkage_token::parse(known); }));
  messages.push_back(thrown_message([&] { (void)sealed_value::parse(known); }));
  messages.push_back(thrown_message([&] { (void)sealed_value::parse("mns1." + known); }));
  messages.push_back(
      thrown_message([&] { (void)individual_number_from_secret(secret(std::string_view("123456789019"))); }));
  messages.push_back(thrown_message([&] { (void)key_ring::try_parse("mnk1:" + known).value(); }));
  messages.push_back(thrown_message([&] { (void)symmetric_key::make(known, secret(std::string_view(known))); }));
  messages.push_back(thrown_message([&] {
    audit_head head;
    (void)try_make_audit_line({"clerk", audit_action::reveal, known, std::nullopt, "r", std::nullopt, std::nullopt},
                              head)
        .value();
  }));
  messages.push_back(
      thrown_message([&] { (void)try_verify_audit_log("{\"v\":1,\"actor\":\"" + known + "\"}\n").value(); }));
  messages.push_back(thrown_message([&] { (void)try_make_deletion_certificate("", known).value(); }));
  for (const auto& m : messages) {
    CHECK_FALSE(m.empty());
    require_masked(m);
  }
}

TEST_CASE("audit lines and deletion certificates hold record ids, never the number") {
  const auto n = individual_number::parse(known);
  audit_head head;
  std::string log;
  for (const auto action : {audit_action::store, audit_action::reveal, audit_action::provide, audit_action::delete_}) {
    log += try_make_audit_line({"clerk", action, "payroll", std::string("P19.RELATED_AFFAIRS"), "employee/42",
                                std::nullopt, std::nullopt},
                               head)
               .value();
    log += "\n";
  }
  require_masked(log);
  require_masked(try_make_deletion_certificate(log, "officer").value().to_json());
  (void)n;
}
